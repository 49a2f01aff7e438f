"""The JSON export, schema "storydiff/1": the public, versioned, machine-readable format.

The keys DESIGN.md documents are always present with the documented meaning; everything
else here is additive (new keys only), so a script written against storydiff/1 keeps
working. Offsets index the exported ``text`` of the article, end exclusive. Member
``quote`` is a W3C TextQuoteSelector that matches its text exactly once in that article
(unless the article repeats itself beyond the widest context, ``MAX_CONTEXT``).

Added keys: top level ``generator``, ``filter`` (null, or what ``--only`` kept),
``orphans``, ``shared_phrases``, ``wire``, ``diagnostics``; story ``annotations``; article
``author``, ``url``, ``note``, ``boilerplate``; cluster ``verdict``, ``scope``,
``change_over_time``, ``wire``, ``support``, ``independent_support``, ``entities``,
``origin``, ``note``; member ``paragraph`` (1-based), ``quote``, ``unit``, ``value``,
``value_start``, ``value_end``, ``diff``; entity ``aliases``, ``description``, ``links``,
``notes``. Unknown metadata ("unknown" or empty) is null.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from tui import __version__
from tui.core.load.sanitize import has_unsafe, visible_text
from tui.core.model import Cluster, Comparison, Diagnostic, Entity
from tui.core.views.excerpts import Excerpt, known
from tui.export.report import Report

SCHEMA = "storydiff/1"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
"""Compact encoding: without ``indent`` the json module uses its C encoder, about 4x faster
than the pure-Python one that indentation forces (0.5 s against 0.14 s on 500 articles)."""


def to_json(report: Report) -> str:
    """The report as storydiff/1 JSON text. With an entity filter, "entities" holds only that
    entity.

    The default layout puts every top-level field, and every element of a top-level list (an
    article, a cluster, an entity, a phrase), on a line of its own, each encoded compactly:
    fast to write, small, and still easy to page, grep and diff record by record. A request
    with ``pretty`` indents every level instead (the same document, larger and slower).
    """
    return "".join(json_pieces(report))


def json_pieces(report: Report) -> Iterator[str]:
    """:func:`to_json` piece by piece. Each record is encoded as soon as it is made and
    dropped, so neither the document as Python data nor (when the pieces go straight to a
    file) the whole text is ever held."""
    if report.request.pretty:
        yield json.dumps(to_document(report), ensure_ascii=False, indent=2) + "\n"
        return
    yield "{\n"
    for n, (key, value) in enumerate(_fields(report).items()):
        yield f",\n  {_ENCODE(key)}: " if n else f"  {_ENCODE(key)}: "
        if isinstance(value, Iterator):
            records = 0
            for item in value:
                yield (",\n    " if records else "[\n    ") + _encode_visible(item)
                records += 1
            yield "\n  ]" if records else "[]"
        else:
            yield _encode_visible(value)
    yield "\n}\n"


_ESCAPED = re.compile(r'\\[^\\"n/]')
"""An escape in encoded JSON other than a quote, a backslash, a newline or a slash: the encoder
met a control character (or a tab) somewhere in the record."""


def _encode_visible(record: Any) -> str:
    """``record`` encoded with its names spelled out (:func:`_visible`).

    Nearly every record has nothing to spell out, and walking it in Python cost 7% of a whole
    export; so the record is encoded first, and walked only when the encoded text shows a
    character the sanitiser might change (a false alarm costs one more encoding, never a
    different result)."""
    encoded = _ENCODE(record)
    if has_unsafe(encoded) or _ESCAPED.search(encoded):
        return _ENCODE(_visible(record))
    return encoded


QUOTING_KEYS = frozenset({"text", "exact", "prefix", "suffix"})
"""Keys whose strings quote an article's text: kept verbatim so that offsets keep slicing to
them (article text is sanitised once, when it is loaded)."""


def _visible(value: Any) -> Any:
    """``value`` with the control, bidi and invisible characters of every string that names
    something (paths, titles, names, labels, diagnostics) spelled out, quotes of the text aside.

    A script reading the JSON gets no C0/C1 control and no bidi override from a story folder's
    file names or annotation values, and no lone surrogate from a file name that is not UTF-8.
    """
    if isinstance(value, str):
        return visible_text(value, keep_newlines=True)
    if isinstance(value, dict):
        return {
            key: item if key in QUOTING_KEYS and isinstance(item, str) else _visible(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_visible(item) for item in value]
    return value


def to_document(report: Report) -> dict[str, Any]:
    """The storydiff/1 document as plain Python data (what ``to_json`` serialises)."""
    return {
        key: [_visible(item) for item in value] if isinstance(value, Iterator) else _visible(value)
        for key, value in _fields(report).items()
    }


def _fields(report: Report) -> dict[str, Any]:
    """The document's fields in order, its long lists as iterators of records (names not yet
    spelled out: :func:`_visible` is applied to each record as it is encoded)."""
    comparison, chosen, entity_id = report.comparison, report.clusters, report.entity_id
    explicit = None if report.request.clusters is None else chosen
    excerpts: dict[tuple[str, str, int, int], Excerpt] = {
        (e.cluster, e.article, e.start, e.end): e for e in report.excerpts
    }
    entities = tuple(e for e in comparison.entities if entity_id is None or e.id == entity_id)
    diagnostics = (*comparison.story.diagnostics, *comparison.annotations.diagnostics)
    return {
        "schema": SCHEMA,
        "generator": f"storydiff {__version__}",
        "story": {
            "title": known(comparison.story.title),
            "path": comparison.story.path,
            "annotations": comparison.annotations.path,
        },
        "filter": _filter(report.only, explicit, entity_id),
        "articles": (
            {
                "id": article.id,
                "title": known(article.title),
                "outlet": known(article.outlet),
                "date": known(article.date),
                "path": article.path,
                "text": article.text,
                "author": known(article.author),
                "url": known(article.url),
                "note": known(article.note),
                "boilerplate": [
                    {"start": b.start, "end": b.end, "reason": b.reason} for b in article.boilerplate
                ],
                "headline": (
                    {"start": article.headline[0], "end": article.headline[1]} if article.headline else None
                ),
            }
            for article in comparison.articles
        ),
        "clusters": (_cluster(cluster, excerpts) for cluster in chosen),
        "entities": (_entity(e, comparison) for e in entities),
        "orphans": (
            {
                "claim": orphan.claim,
                "matches": orphan.matches,
                "message": orphan.message,
                "quote": {
                    "article": orphan.quote.article,
                    "exact": orphan.quote.exact,
                    "prefix": orphan.quote.prefix,
                    "suffix": orphan.quote.suffix,
                },
            }
            for orphan in comparison.orphans
        ),
        "shared_phrases": (
            {
                "text": phrase.text,
                "words": phrase.words,
                "occurrences": [
                    {"article": o.article, "start": o.start, "end": o.end} for o in phrase.occurrences
                ],
            }
            for phrase in comparison.phrases
        ),
        "wire": (
            {"articles": list(copy.articles), "shared_words": copy.shared_words, "ratio": copy.ratio}
            for copy in comparison.wire
        ),
        "diagnostics": (_diagnostic(d) for d in diagnostics),
    }


def _filter(
    only: str | None, explicit: tuple[Cluster, ...] | None, entity_id: str | None
) -> dict[str, Any] | None:
    """What part of the story the document holds; None when it holds all of it."""
    if explicit is not None:
        return {"only": None, "entity": entity_id, "clusters": [c.id for c in explicit]}
    if only is None or not only.strip():
        return None
    return {"only": only.strip(), "entity": entity_id}


def _cluster(cluster: Cluster, excerpts: dict[tuple[str, str, int, int], Excerpt]) -> dict[str, Any]:
    values = dict(cluster.values)
    for member in cluster.members:
        if member.value is not None:
            values.setdefault(member.article, member.value)
    members = []
    for member in cluster.members:
        excerpt = excerpts.get((cluster.id, member.article, member.start, member.end))
        entry: dict[str, Any] = {
            "article": member.article,
            "start": member.start,
            "end": member.end,
            "text": member.text,
        }
        if excerpt is not None:
            entry["paragraph"] = excerpt.paragraph
            entry["quote"] = {"exact": excerpt.exact, "prefix": excerpt.prefix, "suffix": excerpt.suffix}
        entry["unit"] = member.unit
        entry["value"] = member.value
        entry["value_start"] = member.value_start
        entry["value_end"] = member.value_end
        if member.diff:
            entry["diff"] = [{"text": piece.text, "changed": piece.changed} for piece in member.diff]
        members.append(entry)
    verdict = cluster.verdict
    return {
        "id": cluster.id,
        "kind": cluster.kind,
        "label": cluster.label,
        "discrepancy_type": cluster.discrepancy_type,
        "values": values,
        "members": members,
        "verdict": None
        if verdict is None
        else {
            "kind": verdict.kind,
            "note": verdict.note,
            "claim": verdict.claim,
        },
        "scope": cluster.scope,
        "change_over_time": cluster.change_over_time,
        "wire": cluster.wire,
        "support": cluster.support,
        "independent_support": cluster.independent_support,
        "entities": list(cluster.entities),
        "origin": cluster.origin,
        "note": cluster.note,
    }


def _entity(entity: Entity, comparison: Comparison) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "mentions": [
            {"article": m.article, "start": m.start, "end": m.end, "text": m.text}
            for m in comparison.mentions_of(entity.id)
        ],
        "aliases": list(entity.aliases),
        "description": entity.description,
        "links": list(entity.links),
        "notes": entity.notes,
    }


def _diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "severity": diagnostic.severity,
        "file": diagnostic.file,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "field": diagnostic.field,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "byte_offset": diagnostic.byte_offset,
    }
