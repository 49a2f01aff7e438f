"""A hand-built story with known agreements, for the overview, fold and two-source tests.

Five reports of one quake. The Herald runs the Wire Service's copy word for word (wire copy:
one origin); the Gazette and the Times report on their own, the Times a day later; the Post
has no date. What they say (sentence keys in brackets):

- [quake]  all five: the quake struck the coast (shared).
- [toll]   40 dead (Wire, Herald, Gazette), 45 (Times), the Post says "many" (no figure).
- [mayor]  Ana Ruiz (Wire, Herald, Times), Anna Ruis (Gazette).
- [size]   magnitude 6.1 (Gazette), 6.4 (Times): a tie, no majority.
- [bridge] only the Gazette (unique).
- [rescue] Gazette, Times, Post (shared).  [power] Gazette, Times (shared).
- The Post ends with a newsletter plea (boilerplate).

So the Wire and the Herald agree on 3 facts and are wire copy; the Gazette and the Times share
3 statements and differ on 3 values; the toll rose from 40 (March 2) to 45 (March 3).
"""

from __future__ import annotations

from tui.core.model import (
    Annotations,
    Article,
    Boilerplate,
    Cluster,
    Comparison,
    Member,
    Story,
    Unit,
    WireCopy,
)

SENTENCES = {
    "quake": "A strong quake struck the coast early on Monday.",
    "toll40": "The quake killed 40 people in the port town.",
    "toll45": "The quake killed 45 people in the port town.",
    "tollmany": "The quake killed many people in the port town.",
    "mayor": "Mayor Ana Ruiz asked residents to stay calm.",
    "mayor2": "Mayor Anna Ruis asked residents to stay calm.",
    "size61": "The tremor had a magnitude of 6.1 at sea.",
    "size64": "The tremor had a magnitude of 6.4 at sea.",
    "bridge": "Our reporters saw two bridges fall into the river.",
    "rescue": "Rescue teams arrived from the capital by evening.",
    "power": "Power was cut across the whole region overnight.",
    "plea": "Subscribe to our newsletter for more stories.",
}

SOURCES: tuple[tuple[str, str, str | None, tuple[str, ...]], ...] = (
    ("a-wire", "Wire Service", "2026-03-02", ("quake", "toll40", "mayor")),
    (
        "b-gazette",
        "Gazette",
        "2026-03-02",
        ("quake", "size61", "toll40", "mayor2", "bridge", "rescue", "power"),
    ),
    ("c-times", "Times", "2026-03-03", ("quake", "rescue", "power", "size64", "toll45", "mayor")),
    ("d-post", "Post", None, ("quake", "tollmany", "rescue", "plea")),
    ("e-herald", "Herald", "2026-03-02", ("quake", "toll40", "mayor")),
)

VALUES = {
    "toll40": "40",
    "toll45": "45",
    "mayor": "Ana Ruiz",
    "mayor2": "Anna Ruis",
    "size61": "6.1",
    "size64": "6.4",
}


def article(article_id: str, outlet: str, date: str | None, keys: tuple[str, ...]) -> Article:
    """One report: each sentence its own paragraph; a newsletter plea is boilerplate."""
    text = "\n\n".join(SENTENCES[k] for k in keys)
    spans = []
    start = 0
    for key in keys:
        spans.append((start, start + len(SENTENCES[key])))
        start += len(SENTENCES[key]) + 2
    plea = tuple(
        Boilerplate(s, e, "newsletter") for (s, e), k in zip(spans, keys, strict=True) if k == "plea"
    )
    return Article(
        id=article_id,
        path=f"quake/{article_id}.txt",
        title=f"Quake report by {outlet}",
        text=text,
        outlet=outlet,
        date=date,
        paragraphs=tuple(spans),
        boilerplate=plea,
    )


def units(source: Article, keys: tuple[str, ...]) -> tuple[Unit, ...]:
    """One statement per sentence, as the segmenter would make them."""
    found = []
    for index, ((start, end), key) in enumerate(zip(source.paragraphs, keys, strict=True)):
        found.append(
            Unit(
                id=f"{source.id}:{index}",
                article=source.id,
                index=index,
                start=start,
                end=end,
                text=source.text[start:end],
                paragraph=index,
                tokens=tuple(source.text[start:end].split()),
                is_boilerplate=key == "plea",
            )
        )
    return tuple(found)


def member(source: Article, key: str) -> Member:
    """The member of ``source`` holding sentence ``key``, with its value located when it has one."""
    sentence = SENTENCES[key]
    start = source.text.index(sentence)
    value = VALUES.get(key)
    if value is None:
        return Member(source.id, start, start + len(sentence), sentence, unit=None)
    value_start = source.text.index(value, start)
    return Member(
        source.id,
        start,
        start + len(sentence),
        sentence,
        value=value,
        value_start=value_start,
        value_end=value_start + len(value),
    )


def build_comparison() -> Comparison:
    """The comparison of the five reports, with the clusters listed in the module docstring."""
    articles = {sid: article(sid, outlet, date, keys) for sid, outlet, date, keys in SOURCES}
    keys_of = {sid: keys for sid, _outlet, _date, keys in SOURCES}

    def members(*keys: str) -> tuple[Member, ...]:
        return tuple(member(articles[sid], key) for sid, _o, _d, own in SOURCES for key in own if key in keys)

    def cluster(cid: str, kind: str, label: str, *keys: str, dtype: str | None = None) -> Cluster:
        chosen = members(*keys)
        values = {m.article: m.value for m in chosen if m.value is not None}
        return Cluster(
            cid,
            kind,  # type: ignore[arg-type]
            label,
            chosen,
            discrepancy_type=dtype,  # type: ignore[arg-type]
            values=values,
        )

    clusters = (
        cluster("c001", "shared", "A strong quake struck the coast", "quake"),
        cluster(
            "c002",
            "discrepancy",
            "Number differs: 40 / 45 dead",
            "toll40",
            "toll45",
            "tollmany",
            dtype="number",
        ),
        cluster("c003", "discrepancy", "Name differs: Ana Ruiz / Anna Ruis", "mayor", "mayor2", dtype="name"),
        cluster(
            "c004", "discrepancy", "Number differs: magnitude 6.1 / 6.4", "size61", "size64", dtype="number"
        ),
        cluster("c005", "unique", "Only in the Gazette: bridges fell", "bridge"),
        cluster("c006", "shared", "Rescue teams arrived", "rescue"),
        cluster("c007", "shared", "Power was cut", "power"),
    )
    story = Story("Coastal quake", "quake", tuple(articles.values()))
    return Comparison(
        story=story,
        units={sid: units(articles[sid], keys_of[sid]) for sid in articles},
        clusters=clusters,
        annotations=Annotations(None),
        wire=(WireCopy(("a-wire", "e-herald"), 30, 1.0),),
    )


ORIGIN = {
    "a-wire": "a-wire",
    "b-gazette": "b-gazette",
    "c-times": "c-times",
    "d-post": "d-post",
    "e-herald": "a-wire",
}
"""Each source's independent origin, as the engine's ``origins`` gives it for this story."""
