"""Every view calls a source the same short, human name."""

from __future__ import annotations

from tui.core.story import Article
from tui.core.views.names import site_of, source_names


def _article(id: str, outlet: str | None = None, url: str | None = None) -> Article:
    return Article(id=id, path=f"{id}.txt", title="A title", text="Text.", outlet=outlet, url=url)


def test_a_source_is_named_by_its_outlet_else_its_site_else_its_place() -> None:
    articles = [
        _article("000-tokyo-press-conference"),
        _article("001", outlet="Tampa Free Press"),
        _article("002", outlet="unknown", url="https://www.stripes.com/theaters/asia/1"),
        _article("003", url="not a url at all"),
    ]
    assert source_names(articles) == {
        "000-tokyo-press-conference": "Source 1",  # never the file name
        "001": "Tampa Free Press",
        "002": "stripes.com",
        "003": "Source 4",  # not an address
    }


def test_two_sources_with_one_name_are_told_apart_by_their_place() -> None:
    names = source_names([_article("a", "Reuters"), _article("b", "AP"), _article("c", "Reuters")])
    assert names == {"a": "Reuters (1)", "b": "AP", "c": "Reuters (3)"}


def test_the_site_of_an_address() -> None:
    assert site_of("https://WWW.Example.org:8080/path?q=1") == "example.org"
    assert site_of("example.org/news") == "example.org"
    assert site_of(" unknown ") is None and site_of(None) is None and site_of("http://[::1") is None
