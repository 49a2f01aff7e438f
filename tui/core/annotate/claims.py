"""Anchor the curated claims of the annotation file in the articles and merge them into the clusters.

A claim refers to text by quotation (W3C TextQuoteSelector: exact text, optional prefix,
suffix and article), never by offsets, so it survives edits to the articles. A quote must
match exactly once; a quote that matches nowhere or in several places is reported as an
``Orphan`` and its claim is not applied. Nothing is ever re-anchored to a lookalike
sentence (the silent misplacement Hypothesis users complain of), because in several reports
of one story lookalike sentences are the rule.

What each kind of claim does:

- ``verdict``: the user's judgement is attached to the discrepancy clusters that have a
  member overlapping a quote (to every overlapping cluster when none is a discrepancy);
- ``discrepancy``: a difference the engine missed becomes a curated discrepancy cluster
  (when the engine already has a discrepancy covering every quote, that cluster takes the
  claim's note and verdict instead of being duplicated);
- ``fact``: a pinned cluster, shared when the quotes come from several articles.

Curated clusters have the id ``k-<claim id>`` and sit among the engine's clusters in story
order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tui.core.model import Article, Claim, Cluster, ClusterKind, Member, Orphan, TextQuote, Verdict
from tui.core.views.excerpts import find_quote

LABEL_WIDTH = 80
# A sentence ends after a lower-case letter or digit, so "U.S." does not end one.
_FIRST_SENTENCE = re.compile(r"(.+?[a-z0-9)\]][.!?])(?=\s+[A-Z“\"]|\s*$)")

_Span = tuple[str, int, int]


def apply_claims(
    clusters: Sequence[Cluster], claims: Sequence[Claim], articles: Sequence[Article]
) -> tuple[tuple[Cluster, ...], tuple[Orphan, ...]]:
    """The clusters with the claims applied, and the claim quotes that could not be anchored."""
    by_id = {article.id: article for article in articles}
    order = {article.id: index for index, article in enumerate(articles)}
    result = list(clusters)
    curated: list[Cluster] = []
    orphans: list[Orphan] = []
    for claim in claims:
        spans: list[_Span] = []
        for quote in claim.quotes:
            span, orphan = anchor(claim.id, quote, articles, by_id)
            if orphan is not None:
                orphans.append(orphan)
            elif span is not None:
                spans.append(span)
        if len(spans) != len(claim.quotes) or not spans:
            continue
        if claim.kind == "verdict":
            touched = _attach_verdict(result, claim, spans)
            if not touched:
                orphans.append(
                    Orphan(
                        claim.id,
                        claim.quotes[0],
                        1,
                        f"claim '{claim.id}': its quotes were found but no comparison cluster overlaps "
                        "them, so the verdict applies to nothing; quote text from a highlighted statement",
                    )
                )
        elif claim.kind == "discrepancy":
            existing = _covering_discrepancy(result, spans)
            if existing is not None:
                result[existing] = _with_claim(result[existing], claim)
            else:
                curated.append(_curated(claim, spans, by_id, "discrepancy"))
        else:
            kind: ClusterKind = "shared" if len({article for article, _, _ in spans}) > 1 else "unique"
            curated.append(_curated(claim, spans, by_id, kind))
    for cluster in curated:
        _insert_in_story_order(result, cluster, order)
    return tuple(result), tuple(orphans)


def quote_orphans(claims: Sequence[Claim], articles: Sequence[Article]) -> tuple[tuple[Claim, Orphan], ...]:
    """Every claim quote that does not match exactly once, with its claim: what ``storydiff
    check`` reports without running the comparison (a verdict whose quotes overlap no fact
    can only be found by comparing)."""
    by_id = {article.id: article for article in articles}
    found: list[tuple[Claim, Orphan]] = []
    for claim in claims:
        for quote in claim.quotes:
            _, orphan = anchor(claim.id, quote, articles, by_id)
            if orphan is not None:
                found.append((claim, orphan))
    return tuple(found)


def anchor(
    claim_id: str, quote: TextQuote, articles: Sequence[Article], by_id: dict[str, Article] | None = None
) -> tuple[_Span | None, Orphan | None]:
    """Where ``quote`` sits, when it matches exactly once; otherwise the Orphan that says why."""
    by_id = by_id if by_id is not None else {a.id: a for a in articles}
    shown = _short(quote.exact)
    if quote.article is not None and quote.article not in by_id:
        known = ", ".join(by_id) or "none"
        return None, Orphan(
            claim_id,
            quote,
            0,
            f"claim '{claim_id}': quote \"{shown}\" names article '{quote.article}', which is not in "
            f"this story; use one of: {known}",
        )
    scope = [by_id[quote.article]] if quote.article is not None else list(articles)
    matches = [
        (article.id, start)
        for article in scope
        for start in find_quote(article.text, quote.exact, quote.prefix, quote.suffix)
    ]
    where = f"article '{quote.article}'" if quote.article else "any article"
    if len(matches) == 1:
        article_id, start = matches[0]
        return (article_id, start, start + len(quote.exact)), None
    if not matches:
        hint = _near_miss(quote, scope)
        return None, Orphan(
            claim_id,
            quote,
            0,
            f"claim '{claim_id}': quote \"{shown}\" is not found in {where}"
            + (" with the given prefix/suffix" if quote.prefix or quote.suffix else "")
            + f"; {hint}",
        )
    places = ", ".join(dict.fromkeys(article for article, _ in matches))
    fixes = "add a prefix or suffix (the text right before or after it)"
    if quote.article is None:
        fixes = "add 'article:' or " + fixes
    return None, Orphan(
        claim_id,
        quote,
        len(matches),
        f"claim '{claim_id}': quote \"{shown}\" matches {len(matches)} times (in {places}); "
        f"{fixes} so that it matches exactly once",
    )


def _near_miss(quote: TextQuote, scope: Sequence[Article]) -> str:
    """A hint for a quote that is absent as written: is it there with other quote marks or spaces?"""
    loose = _loose_pattern(quote.exact)
    for article in scope:
        found = loose.search(article.text)
        if found:
            return (
                f"article '{article.id}' has \"{_short(found.group())}\", which differs only in quote marks, "
                "apostrophes, dashes, spaces or letter case; copy it exactly from there"
            )
    return "copy the text exactly from the article as storydiff shows it"


_LOOSE = {
    "'": "['‘’ʼ]",
    "‘": "['‘’ʼ]",
    "’": "['‘’ʼ]",
    "ʼ": "['‘’ʼ]",
    '"': '["“”]',
    "“": '["“”]',
    "”": '["“”]',
    "-": "[-‐‑–—]",
    "–": "[-‐‑–—]",
    "—": "[-‐‑–—]",
}


def _loose_pattern(text: str) -> re.Pattern[str]:
    parts = []
    for word in text.split():
        parts.append("".join(_LOOSE.get(c, re.escape(c)) for c in word))
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _overlaps(member: Member, span: _Span) -> bool:
    article, start, end = span
    return member.article == article and member.start < end and start < member.end


def _attach_verdict(clusters: list[Cluster], claim: Claim, spans: list[_Span]) -> bool:
    hit = [i for i, c in enumerate(clusters) if any(_overlaps(m, s) for m in c.members for s in spans)]
    chosen = [i for i in hit if clusters[i].kind == "discrepancy"] or hit
    if claim.verdict is None:  # the schema refuses a verdict claim without one
        return False
    verdict = Verdict(claim.verdict, claim.note, claim.id)
    for index in chosen:
        clusters[index] = replace(clusters[index], verdict=verdict)
    return bool(chosen)


def _covering_discrepancy(clusters: list[Cluster], spans: list[_Span]) -> int | None:
    for index, cluster in enumerate(clusters):
        if cluster.kind == "discrepancy" and all(
            any(_overlaps(m, s) for m in cluster.members) for s in spans
        ):
            return index
    return None


def _with_claim(cluster: Cluster, claim: Claim) -> Cluster:
    verdict = Verdict(claim.verdict, claim.note, claim.id) if claim.verdict else cluster.verdict
    return replace(cluster, note=claim.note or cluster.note, verdict=verdict)


def _label(claim: Claim) -> str:
    text = claim.note or claim.quotes[0].exact
    text = " ".join(text.split())
    sentence = _FIRST_SENTENCE.match(text)
    if sentence and len(sentence.group(1)) <= LABEL_WIDTH:
        return sentence.group(1)
    return text if len(text) <= LABEL_WIDTH else text[: LABEL_WIDTH - 1].rstrip() + "…"


def _curated(claim: Claim, spans: list[_Span], by_id: dict[str, Article], kind: ClusterKind) -> Cluster:
    members = tuple(
        Member(article, start, end, by_id[article].text[start:end]) for article, start, end in spans
    )
    values: dict[str, str] = {}
    if kind == "discrepancy":
        for member in members:
            values[member.article] = " / ".join(filter(None, (values.get(member.article), member.text)))
    verdict = Verdict(claim.verdict, claim.note, claim.id) if claim.verdict else None
    return Cluster(
        id=f"k-{claim.id}",
        kind=kind,
        label=_label(claim),
        members=members,
        discrepancy_type=claim.discrepancy_type if kind == "discrepancy" else None,
        values=values,
        verdict=verdict,
        origin="curated",
        note=claim.note,
    )


def _position(cluster: Cluster, order: dict[str, int]) -> tuple[int, int]:
    return min(
        ((order.get(m.article, len(order)), m.start) for m in cluster.members), default=(len(order), 0)
    )


def _insert_in_story_order(clusters: list[Cluster], cluster: Cluster, order: dict[str, int]) -> None:
    """Insert before the first cluster that starts later in the story, keeping the others' order."""
    key = _position(cluster, order)
    for index, other in enumerate(clusters):
        if _position(other, order) > key:
            clusters.insert(index, cluster)
            return
    clusters.append(cluster)
