"""Finding entity names in articles, and suggesting names the annotation file lacks."""

from __future__ import annotations

from tui.core.model import Article, Boilerplate, Entity
from tui.core.text.mentions import find_mentions, suggest_entities


def article(text: str, article_id: str = "a", boilerplate: tuple[Boilerplate, ...] = ()) -> Article:
    return Article(
        id=article_id, path=f"{article_id}.txt", title=article_id, text=text, boilerplate=boilerplate
    )


JAPAN = Entity("japan", "Japan", "place")
USFJ = Entity("usfj", "U.S. Forces Japan", "military-unit", ("USFJ",))
US = Entity("us", "United States", "place", ("U.S.", "US", "America"))
NAKATANI = Entity("nakatani", "Gen Nakatani", "person", ("Nakatani",))
JOST = Entity("jost", "Stephen Jost", "person", ("Jost",))
TRUMP = Entity("trump", "Donald Trump", "person", ("Trump",))
SOFA = Entity("sofa", "status of forces agreement", "agreement")
CAMP = Entity("camp", "Camp Ichigaya", "place")


def found(text: str, *entities: Entity) -> list[tuple[str, str]]:
    return [(m.entity, m.text) for m in find_mentions([article(text)], entities)]


def test_possessives_leave_the_apostrophe_out() -> None:
    mentions = find_mentions([article("Japan's navy and Japan’s army; USFJ’s role.")], [JAPAN, USFJ])
    assert [(m.text, m.start, m.end) for m in mentions] == [
        ("Japan", 0, 5),
        ("Japan", 17, 22),
        ("USFJ", 31, 35),
    ]


def test_names_match_whole_words_only() -> None:
    assert found("Japanese officials met in Japan-based offices, not JapanTimes.", JAPAN) == [
        ("japan", "Japan")
    ]


def test_the_longest_name_wins_and_mentions_never_overlap() -> None:
    text = "U.S. Forces Japan (USFJ) joins the U.S.-Japan drills."
    assert found(text, JAPAN, USFJ, US) == [
        ("usfj", "U.S. Forces Japan"),
        ("usfj", "USFJ"),
        ("us", "U.S."),
        ("japan", "Japan"),
    ]


def test_a_first_name_is_not_a_rank() -> None:
    text = "Lt. Gen. Stephen Jost met Gen Nakatani; later gen nakatani and Gen. Nakatani were quoted."
    assert found(text, NAKATANI, JOST) == [
        ("jost", "Stephen Jost"),
        ("nakatani", "Gen Nakatani"),
        ("nakatani", "Nakatani"),
    ]


def test_acronyms_match_their_case_only() -> None:
    text = "The US said the USS Ford told us Usfj and USFJ were ready."
    assert found(text, US, USFJ) == [("us", "US"), ("usfj", "USFJ")]


def test_capitalised_names_need_a_capital_in_the_text() -> None:
    assert found("Trump played his trump card.", TRUMP) == [("trump", "Trump")]
    # The rest of the name may differ in case (headlines, datelines).
    assert found("CAMP ICHIGAYA, Tokyo — at Camp ichigaya", CAMP) == [
        ("camp", "CAMP ICHIGAYA"),
        ("camp", "Camp ichigaya"),
    ]


def test_a_lower_case_name_also_matches_at_a_sentence_start() -> None:
    text = "The status of forces agreement holds. Status of forces agreement talks begin."
    assert found(text, SOFA) == [
        ("sofa", "status of forces agreement"),
        ("sofa", "Status of forces agreement"),
    ]


def test_apostrophes_hyphens_and_spaces_in_names_are_flexible() -> None:
    people = Entity("obrien", "Conan O'Brien", "person")
    alliance = Entity("alliance", "U.S.-Japan Alliance", "agreement")
    text = "Conan O’Brien and Conan\u00a0O'Brien on the U.S.\u2011Japan alliance.\nConan\nO'Brien"
    # A name never spans a line break, so the last "Conan O'Brien" is not one.
    assert found(text, people, alliance) == [
        ("obrien", "Conan O’Brien"),
        ("obrien", "Conan\u00a0O'Brien"),
        ("alliance", "U.S.\u2011Japan alliance"),
    ]


def test_mentions_are_in_article_order_with_exact_offsets() -> None:
    second = article("Japan and the US.", "b")
    first = article(
        "In Japan, Nakatani spoke. Japan listened.", "a", boilerplate=(Boilerplate(26, 41, "credit"),)
    )
    mentions = find_mentions([first, second], [US, JAPAN, NAKATANI])
    assert [(m.article, m.entity, m.start) for m in mentions] == [
        ("a", "japan", 3),
        ("a", "nakatani", 10),
        ("a", "japan", 26),
        ("b", "japan", 0),
        ("b", "us", 14),
    ]
    texts = {"a": first.text, "b": second.text}
    assert all(texts[m.article][m.start : m.end] == m.text for m in mentions)


def test_no_entities_no_mentions() -> None:
    assert find_mentions([article("Japan")], []) == ()


# -- suggestions ---------------------------------------------------------------------------

LISBON = Entity("lisbon", "Lisbon", "place")


def test_suggestions_are_names_two_sources_use_that_no_entity_covers() -> None:
    footer = "Read more from the Daily Planet Gazette."
    one_text = (
        f"The Harbor Authority said on Monday that Port Vell would close. Officials in Lisbon agreed, "
        f"said Kowalski. {footer}"
    )
    one = article(one_text, "a", (Boilerplate(len(one_text) - len(footer), len(one_text), "cross-link"),))
    two_text = f"Port Vell will close, the Harbor Authority announced. Kowalski's office in Lisbon was silent.\n{footer}"
    two = article(two_text, "b", (Boilerplate(len(two_text) - len(footer), len(two_text), "cross-link"),))
    three = article("In Lisbon, nobody from the Harbor Authority commented. Officials waited.", "c")
    articles = [one, two, three]
    mentions = find_mentions(articles, [LISBON])
    suggestions = suggest_entities(articles, [LISBON], mentions)
    assert [(s.name, s.articles, s.count) for s in suggestions] == [
        ("Harbor Authority", ("a", "b", "c"), 3),
        ("Kowalski", ("a", "b"), 2),
        ("Port Vell", ("a", "b"), 2),
    ]


def test_a_name_one_source_uses_is_not_suggested() -> None:
    articles = [
        article("Officials at Port Vell and the Harbor Authority spoke.", "a"),
        article("Nothing here.", "b"),
    ]
    assert suggest_entities(articles, [], ()) == ()


def test_names_covered_by_an_alias_are_not_suggested() -> None:
    harbor = Entity("harbor", "Harbor Authority", "organization")
    articles = [article("The Harbor Authority met.", "a"), article("A Harbor Authority man.", "b")]
    assert suggest_entities(articles, [harbor], find_mentions(articles, [harbor])) == ()


def test_names_that_start_with_a_symbol_are_found_too() -> None:
    tag = Entity("metoo", "#MeToo", "event")
    mob = Entity("ndrangheta", "'Ndrangheta", "organization")
    assert found("After #MeToo, the 'Ndrangheta and #metoo2 were news.", tag, mob) == [
        ("metoo", "#MeToo"),
        ("ndrangheta", "'Ndrangheta"),
    ]


def test_many_names_sharing_a_first_word_still_pick_the_longest() -> None:
    names = [Entity(f"e{i}", "New " + " ".join(["York"] * i), "place") for i in range(1, 6)]
    assert found("New York York York is not New York.", *names) == [
        ("e3", "New York York York"),
        ("e1", "New York"),
    ]


def test_a_word_opening_a_quotation_is_not_taken_for_a_name() -> None:
    articles = [
        article('He said, "Send them home." Send was the word.', "a"),
        article('She said, "Send help" — Send, again.', "b"),
    ]
    assert suggest_entities(articles, [], ()) == ()
