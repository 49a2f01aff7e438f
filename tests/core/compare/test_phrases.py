"""Verbatim reuse: shared phrases with exact offsets, and wire copy counted as one origin."""

from __future__ import annotations

from tui.core.compare.phrases import find_reuse, origins
from tui.core.model import Article, Boilerplate, WireCopy

WIRE = (
    "The ministry said on Friday that the new rail line between the two northern cities "
    "would open to passengers in the spring, two years later than first planned, because "
    "tunnel works under the river had run into flooded ground and needed extra pumps."
)


def article(article_id: str, text: str, boilerplate: tuple[Boilerplate, ...] = ()) -> Article:
    return Article(
        id=article_id, path=f"{article_id}.txt", title=article_id, text=text, boilerplate=boilerplate
    )


def test_a_shared_run_of_words_is_found_in_full_with_exact_offsets() -> None:
    a = article("a", "Officials said the bridge will reopen to traffic next month after repairs.")
    b = article("b", "After a long wait, the bridge will reopen to traffic next month, officials said.")
    phrases, _wire = find_reuse([a, b])
    assert len(phrases) == 1
    phrase = phrases[0]
    assert phrase.words == 8
    assert phrase.text == "the bridge will reopen to traffic next month"
    for occurrence in phrase.occurrences:
        text = {"a": a.text, "b": b.text}[occurrence.article]
        assert text[occurrence.start : occurrence.end].lower().startswith("the bridge will reopen")
        assert text[occurrence.start : occurrence.end].endswith("next month")


def test_runs_shorter_than_six_words_and_boilerplate_are_not_phrases() -> None:
    footer = "Follow us on social media for breaking news and daily updates."
    a = article("a", "The bridge will reopen soon. " + footer, (Boilerplate(29, 29 + len(footer), "footer"),))
    b = article(
        "b",
        "Officials hope the bridge will reopen soon. " + footer,
        (Boilerplate(44, 44 + len(footer), "footer"),),
    )
    phrases, _wire = find_reuse([a, b])
    assert phrases == ()


def test_punctuation_and_case_do_not_break_a_phrase() -> None:
    a = article("a", "He called it “a ready, robust and credible force” in Tokyo.")
    b = article("b", "He called it a Ready Robust and Credible force, officials said.")
    phrases, _wire = find_reuse([a, b])
    assert [p.words for p in phrases] == [9]


def test_articles_sharing_most_of_their_text_are_wire_copy_and_one_origin() -> None:
    a = article("a", WIRE + " Local traders welcomed the news.")
    b = article("b", "RAIL DELAY. " + WIRE)
    c = article("c", "The mayor of the southern port said the harbour will be dredged next year.")
    _phrases, wire = find_reuse([c, b, a])
    assert len(wire) == 1
    copy = wire[0]
    assert copy.articles == ("a", "b")
    assert copy.shared_words >= 40 and copy.ratio > 0.9
    assert origins(["a", "b", "c"], wire) == {"a": "a", "b": "a", "c": "c"}


def test_origins_join_chains_of_copies() -> None:
    wire = (WireCopy(("a", "b"), 50, 0.9), WireCopy(("b", "d"), 50, 0.8))
    assert origins(["a", "b", "c", "d"], wire) == {"a": "a", "b": "a", "c": "c", "d": "a"}


def _plain_reuse(
    articles: list[Article],
) -> tuple[dict[str, set[tuple[str, int, int]]], dict[tuple[str, str], float]]:
    """The obvious way, as an oracle for the fast one: shingles as tuples of words, every word
    two articles share as wire copy put in a set, phrases grown one seed at a time."""
    import re

    docs = []
    for a in sorted(articles, key=lambda a: a.id):
        words = [
            (re.sub(r"[-'’.]", "", m.group().casefold()), m.span())
            for m in re.finditer(r"[^\W_]+(?:[-'’.][^\W_]+)*", a.text)
            if not any(b.start <= m.start() and m.end() <= b.end for b in a.boilerplate)
        ]
        docs.append((a.id, words))
    where: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rank, (_id, words) in enumerate(docs):
        for pos in range(len(words) - 5):
            shingle = tuple(w for w, _span in words[pos : pos + 6])
            if not any(r == rank for r, _p in where.get(shingle, [])):
                where.setdefault(shingle, []).append((rank, pos))
    seeds: dict[tuple[int, int], set[tuple[int, int]]] = {}
    covered: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for places in where.values():
        for k, (rank, pos) in enumerate(places[1:], start=1):
            seeds.setdefault((places[0][0], rank), set()).add((places[0][1], pos))
            for partner_rank, partner_pos in places[: min(k, 3)]:
                left, right = covered.setdefault((partner_rank, rank), (set(), set()))
                left.update(range(partner_pos, partner_pos + 6))
                right.update(range(pos, pos + 6))
    phrases: dict[str, set[tuple[str, int, int]]] = {}
    for (left, right), pairs in seeds.items():
        for x, y in pairs:
            if (x - 1, y - 1) in pairs:
                continue
            count = 6
            while (x + count - 5, y + count - 5) in pairs:
                count += 1
            key = " ".join(w for w, _span in docs[left][1][x : x + count])
            for rank, start in ((left, x), (right, y)):
                words = docs[rank][1]
                phrases.setdefault(key, set()).add(
                    (docs[rank][0], words[start][1][0], words[start + count - 1][1][1])
                )
    wire = {}
    for (left, right), (lwords, rwords) in covered.items():
        ratio = max(len(lwords) / max(len(docs[left][1]), 1), len(rwords) / max(len(docs[right][1]), 1))
        if min(len(lwords), len(rwords)) >= 25 and ratio >= 0.5:
            wire[(docs[left][0], docs[right][0])] = round(ratio, 3)
    return phrases, wire


def test_phrases_and_wire_copy_agree_with_the_obvious_way_on_random_stories() -> None:
    import random

    rng = random.Random(19)
    vocabulary = "the flood bridge river Mayor said on Monday 12 people U.S. won't rescue teams".split()
    for _case in range(40):
        base = [rng.choice(vocabulary) for _ in range(rng.randint(20, 90))]
        articles = []
        for n in range(rng.randint(2, 7)):
            words = list(base)
            for _edit in range(rng.randint(0, 12)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            cut = rng.randrange(len(words))
            text = " ".join(words[cut:] + ["and", "then"] + words[:cut]) + "."
            tail = " Follow us for more."
            boilerplate = (Boilerplate(len(text), len(text) + len(tail), "footer"),) if n % 2 else ()
            articles.append(article(f"a{n}", text + tail, boilerplate))
        phrases, wire = find_reuse(articles)
        expected_phrases, expected_wire = _plain_reuse(articles)
        found = {}
        for phrase in phrases:
            head = phrase.occurrences[0]
            text = next(a.text for a in articles if a.id == head.article)[head.start : head.end]
            assert text == phrase.text
            found[" ".join(w.casefold().replace("'", "").replace(".", "") for w in phrase.text.split())] = {
                (o.article, o.start, o.end) for o in phrase.occurrences
            }
        assert found == {k: v for k, v in expected_phrases.items() if len({a for a, _s, _e in v}) >= 2}
        assert {c.articles: c.ratio for c in wire} == expected_wire
