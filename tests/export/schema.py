"""A checker for the storydiff/1 contract as DESIGN.md documents it, shared by the JSON tests."""

from __future__ import annotations

from typing import Any

from tui.core.views.excerpts import find_quote

DOCUMENTED = {
    "top": {"schema", "story", "articles", "clusters", "entities"},
    "story": {"title", "path"},
    "article": {"id", "title", "outlet", "date", "path", "text"},
    "cluster": {"id", "kind", "label", "discrepancy_type", "values", "members"},
    "member": {"article", "start", "end", "text"},
    "entity": {"id", "name", "type", "mentions"},
    "mention": {"article", "start", "end", "text"},
}
KINDS = {"shared", "discrepancy", "unique"}
TYPES = {"number", "date", "name", "quote-wording", "contradiction", "other", None}


def _str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def check_storydiff1(doc: dict[str, Any]) -> None:
    """Assert ``doc`` honours every documented key, type and offset promise of storydiff/1."""
    assert doc["schema"] == "storydiff/1"
    assert DOCUMENTED["top"] <= doc.keys()
    assert DOCUMENTED["story"] <= doc["story"].keys()
    texts: dict[str, str] = {}
    for article in doc["articles"]:
        assert DOCUMENTED["article"] <= article.keys()
        assert (
            isinstance(article["id"], str)
            and isinstance(article["text"], str)
            and isinstance(article["path"], str)
        )
        for key in ("title", "outlet", "date"):
            assert _str_or_none(article[key]) and article[key] != "unknown"
        texts[article["id"]] = article["text"]
    assert len(texts) == len(doc["articles"]), "article ids must be unique"
    for cluster in doc["clusters"]:
        assert DOCUMENTED["cluster"] <= cluster.keys()
        assert cluster["kind"] in KINDS and cluster["discrepancy_type"] in TYPES
        assert isinstance(cluster["label"], str) and isinstance(cluster["values"], dict)
        assert set(cluster["values"]) <= set(texts)
        for member in cluster["members"]:
            assert DOCUMENTED["member"] <= member.keys()
            text = texts[member["article"]]
            assert 0 <= member["start"] <= member["end"] <= len(text)
            assert text[member["start"] : member["end"]] == member["text"]
            quote = member["quote"]
            assert quote["exact"] == member["text"]
            assert find_quote(text, quote["exact"], quote["prefix"], quote["suffix"]) == [member["start"]]
    for entity in doc["entities"]:
        assert DOCUMENTED["entity"] <= entity.keys()
        for mention in entity["mentions"]:
            assert DOCUMENTED["mention"] <= mention.keys()
            assert texts[mention["article"]][mention["start"] : mention["end"]] == mention["text"]
