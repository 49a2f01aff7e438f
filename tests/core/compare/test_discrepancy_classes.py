"""Every class of discrepancy a fact-checker lists, missed and false, each on a small invented
story: what storydiff must report, and what it must not."""

from __future__ import annotations

from tui.core.load.corpus import parse_article
from tui.core.model import Annotations, Article, Comparison, Story
from tui.core.pipeline import build_comparison


def article(article_id: str, text: str, date: str = "2024-05-07") -> Article:
    return Article(article_id, f"{article_id}.txt", article_id.upper(), text, date=date)


def compare(*articles: Article) -> Comparison:
    return build_comparison(Story("t", "/tmp/t", tuple(articles)), Annotations(None))


def differences(result: Comparison, kind: str | None = None) -> list[dict[str, str]]:
    """The values of every discrepancy (of one type, when given), as {article: value}."""
    return [
        dict(c.values)
        for c in result.clusters
        if c.kind == "discrepancy" and (kind is None or c.discrepancy_type == kind)
    ]


def paired(result: Comparison, a: str, b: str) -> bool:
    """Whether some shared or discrepancy cluster holds both articles."""
    return any(c.kind != "unique" and {a, b} <= set(c.articles) for c in result.clusters)


# Missed classes: aligned statements whose values were never compared.


def test_a_number_word_is_compared_even_beside_a_shared_one() -> None:
    result = compare(
        article("a", "Six shells hit the market town on Sunday, and five exploded near the mosque."),
        article("b", "Five shells hit the market town on Sunday near the mosque, witnesses said."),
    )
    assert {"a": "Six", "b": "Five"} in differences(result, "number")


def test_a_figure_in_a_compound_is_a_figure() -> None:
    result = compare(
        article("a", "The council opened a new 200-seat concert hall beside the harbour on Friday."),
        article("b", "A new 250-seat concert hall opened beside the harbour on Friday, the council said."),
    )
    assert {"a": "200-seat", "b": "250-seat"} in differences(result, "number")


def test_miles_are_not_kilometres_even_when_the_figure_is_shared() -> None:
    result = compare(
        article("a", "The storm made landfall 30 km (19 miles) from the coastal town of Port Ellis."),
        article("b", "The storm made landfall 12 miles (19 km) from the coastal town of Port Ellis."),
    )
    found = differences(result, "number")
    assert {"a": "30 km", "b": "12 miles"} in found, "30 km is not 19 km, whatever the shared 19"


def test_records_scores_and_ordinals_are_compared_exactly() -> None:
    result = compare(
        article("a", "The Hawks won 3-1 against Dover on Saturday, improving to an 8-3 record."),
        article("b", "The Hawks won 3-2 against Dover on Saturday and now stand at 7-3 on the season."),
    )
    values = {frozenset(d.values()) for d in differences(result, "number")}
    assert frozenset({"3-1", "3-2"}) in values
    assert frozenset({"8-3", "7-3"}) in values
    titles = compare(
        article("a", "Ana Ruiz won her fourth title at the Riverside Open on Sunday."),
        article("b", "Ana Ruiz won her fifth title at the Riverside Open on Sunday."),
    )
    assert {"a": "fourth title", "b": "fifth title"} in differences(titles, "number")


def test_times_of_day_and_game_periods_are_compared() -> None:
    clock = compare(
        article("a", "The fire broke out at the Dover warehouse at 9 p.m. on Friday, firefighters said."),
        article("b", "Firefighters said the fire broke out at the Dover warehouse at 9:45 p.m. on Friday."),
    )
    assert {"a": "9 p.m.", "b": "9:45 p.m."} in differences(clock, "date")
    game = compare(
        article("a", "Okafor scored the winning goal early in the second half for the Hawks."),
        article("b", "Okafor scored the winning goal late in the second half for the Hawks."),
    )
    assert {"a": "early in the second half", "b": "late in the second half"} in differences(game, "date")


def test_weekdays_of_one_event_are_compared() -> None:
    result = compare(
        article("a", "The ferry Lady Ann sank off Cape Morrow on Tuesday with 40 people aboard."),
        article("b", "The ferry Lady Ann sank off Cape Morrow on Wednesday with 40 people aboard."),
    )
    assert {"a": "Tuesday", "b": "Wednesday"} in differences(result, "date")


def test_a_different_place_for_the_same_event_is_a_name_discrepancy() -> None:
    result = compare(
        article("a", "Troopers stopped the stolen truck on Route 9 in Dover after a short chase."),
        article("b", "Troopers stopped the stolen truck near Smyrna after a short chase."),
    )
    found = differences(result, "name")
    assert any(d.get("b") == "Smyrna" and "Dover" in d.get("a", "") for d in found)


def test_the_same_quote_in_another_mouth_is_a_name_discrepancy() -> None:
    result = compare(
        article("a", "\u201cThe bridge will not reopen before spring,\u201d Smith said on Monday."),
        article("b", "\u201cThe bridge will not reopen before spring,\u201d Okafor said on Monday."),
    )
    assert {"a": "Smith", "b": "Okafor"} in differences(result, "name")


def test_two_people_saying_two_things_is_no_name_discrepancy() -> None:
    after = (
        " after the landslide buried twelve houses in the hill village of Kells before dawn on Monday."
        " Schools in the valley stayed closed."
    )
    result = compare(
        article(
            "a",
            "\u201cWe are searching for anyone who may be trapped under the mud,\u201d said Mara Ellis,"
            " the deputy mayor," + after,
        ),
        article(
            "b",
            "\u201cOur rescue teams are struggling to reach nine miners still trapped under the mud,\u201d"
            " said Tom Brandt, the head of the rescue service," + after,
        ),
    )
    assert paired(result, "a", "b")
    assert differences(result, "name") == [], "two remarks by two people, not one remark credited to two"


def test_two_titles_for_one_person_are_a_name_discrepancy() -> None:
    result = compare(
        article("a", "Jane Doe, head of retail banking at Norbank, said the branch will close in May."),
        article("b", "Jane Doe, head of consumer lending at Norbank, said the branch will close in May."),
    )
    assert {"a": "head of retail banking at Norbank", "b": "head of consumer lending at Norbank"} in (
        differences(result, "name")
    )
    same = compare(
        article("a", "Ravi Lal, spokesman of the national disaster agency, said roads were closed."),
        article("b", "Ravi Lal, the agency's spokesman, said roads were closed across the region."),
    )
    assert differences(same, "name") == []


def test_one_name_spelled_two_ways_is_a_spelling_discrepancy() -> None:
    result = compare(
        article("a", "Coach Adam Kowalski praised the defence after the win. The crowd cheered."),
        article("b", "The defence impressed coach Adam Kowalsky after the win, the club said."),
        article("c", "Fans filled the stadium for the final on a cold evening."),
    )
    assert {"a": "Kowalski", "b": "Kowalsky"} in differences(result, "spelling")


def test_a_conflict_between_two_later_sources_is_found() -> None:
    result = compare(
        article("a", "Rescuers searched the collapsed mine in Oakridge through the night."),
        article("b", "Rescuers searched the collapsed mine in Oakridge, where 7 miners were trapped."),
        article("c", "Rescuers searched the collapsed mine in Oakridge, where 9 miners were trapped."),
    )
    assert any(d == {"b": "7", "c": "9"} for d in differences(result, "number"))


def test_each_differing_figure_of_one_statement_is_its_own_discrepancy() -> None:
    result = compare(
        article("a", "The bus crash near Elton killed 4 people and injured 21 on Monday."),
        article("b", "The bus crash near Elton killed 6 people and injured 30 on Monday."),
    )
    found = differences(result, "number")
    assert {"a": "4", "b": "6"} in found and {"a": "21", "b": "30"} in found


def test_every_source_s_value_and_who_agrees() -> None:
    result = compare(
        article("a", "The rally in Hill Park drew 55,000 people on Saturday, organisers said."),
        article("b", "The rally in Hill Park drew 55,000 people on Saturday, organisers said."),
        article("c", "The rally in Hill Park drew 50,000 people on Saturday, organisers said."),
    )
    [cluster] = [c for c in result.clusters if c.discrepancy_type == "number"]
    assert dict(cluster.values) == {"a": "55,000", "b": "55,000", "c": "50,000"}
    assert "55,000 (a, b) / 50,000 (c)" in cluster.label


# False classes: reported before, but not a conflict.


def test_identical_values_are_agreement() -> None:
    result = compare(
        article("a", "The mayor of Elton resigned today after the audit report."),
        article("b", "The mayor of Elton resigned today after an audit report."),
    )
    assert differences(result) == []


def test_a_part_is_not_a_rival_of_its_whole() -> None:
    result = compare(
        article("a", "Norcom will buy Teleco for $1.2 billion, the two firms said on Monday."),
        article(
            "b",
            "Norcom will buy Teleco for $1 billion in cash and $200 million in stock, the firms said on Monday.",
        ),
    )
    assert differences(result, "number") == []


def test_tolls_of_two_different_events_are_not_one_toll() -> None:
    result = compare(
        article("a", "A car bomb in Kabul killed 12 people on Monday, police said."),
        article("b", "A car bomb in Kandahar killed 8 people on Monday, police said."),
    )
    assert differences(result, "number") == []


def test_a_middle_initial_or_a_title_is_the_same_person() -> None:
    result = compare(
        article("a", "Maria Lopez ordered the evacuation of the lowland villages on Monday."),
        article("b", "Governor Maria T. Lopez ordered the evacuation of the lowland villages on Monday."),
    )
    assert differences(result, "name") == []


def test_british_and_american_spellings_are_not_a_rewording() -> None:
    result = compare(
        article("a", "\u201cWe realised the harbour wall had failed,\u201d said Jan Holt on Monday."),
        article("b", "\u201cWe realized the harbor wall had failed,\u201d said Jan Holt on Monday."),
    )
    assert differences(result, "quote-wording") == []


def test_an_acronym_is_not_a_rival_of_its_own_expansion() -> None:
    result = compare(
        article("a", "Ministers agreed to co-produce the AMRAAM missile at the Nagoya plant."),
        article(
            "b",
            "Ministers agreed to co-produce the Advanced Medium-Range Air-to-Air Missile (AMRAAM) at Nagoya.",
        ),
        article("c", "Ministers agreed to co-produce the MRAAM missile at the Nagoya plant."),
    )
    found = [set(d.values()) for d in differences(result, "name")]
    assert any("MRAAM" in values for values in found), "MRAAM is a real variant"
    assert not any(
        values == {"AMRAAM", "Advanced Medium-Range Air-to-Air Missile (AMRAAM)"} for values in found
    )


def test_datelines_are_not_compared_as_event_dates() -> None:
    first, _ = parse_article(
        "Flood peaks in Elton\n\nWEDNESDAY 03 JULY 2013\n\nThe river peaked on Tuesday.", "a.txt", "a"
    )
    second, _ = parse_article(
        "Flood peaks in Elton\n\nTuesday, July 2nd, 2013\n\nThe river peaked on Tuesday.", "b.txt", "b"
    )
    assert first is not None and second is not None
    assert first.date == "2013-07-03" and second.date == "2013-07-02"
    assert differences(compare(first, second), "date") == []


def test_struggling_to_hold_is_not_a_denial_of_holding() -> None:
    result = compare(
        article("a", "Soldiers were struggling to hold the line near the bridge at Elton."),
        article("b", "Soldiers could not hold the line near the bridge at Elton."),
    )
    assert differences(result, "contradiction") == []


def test_a_quake_s_depth_is_not_its_distance_from_a_town() -> None:
    result = compare(
        article("a", "The quake struck at a depth of 10 km, 55 km west of the town of Elton."),
        article("b", "The quake struck 10 km deep and about 55 km west of Elton, seismologists said."),
    )
    assert differences(result, "number") == []
    depth = compare(
        article("a", "The quake struck at a depth of 10 km under the town of Elton."),
        article("b", "The quake struck 55 km from the town of Elton, seismologists said."),
    )
    assert differences(depth, "number") == []


def test_one_word_swapped_in_the_same_frame_is_a_wording_difference() -> None:
    result = compare(
        article("a", "The crowd looked up to the sky and cheered as the last balloon rose over Elton."),
        article("b", "The crowd looked up to the hills and cheered as the last balloon rose over Elton."),
        article("c", "The crowd looked up to the sky and cheered as the last balloon rose over Elton."),
    )
    [found] = [c for c in result.clusters if c.discrepancy_type == "other"]
    assert dict(found.values) == {"a": "sky", "b": "hills", "c": "sky"}
    assert "sky (a, c) / hills (b)" in found.label
    same = compare(
        article("a", "The crowd looked up to the sky and cheered as the last balloon rose over Elton."),
        article("b", "The crowd looked up to the skies and cheered as the last balloon rose over Elton."),
    )
    assert differences(same) == [], "an inflection is not another word"


def test_where_a_blow_landed_is_compared_in_aligned_and_unlike_sentences() -> None:
    aligned = compare(
        article("a", "Police said the guard was shot in the chest outside the Elton bank on Friday."),
        article("b", "Police said the guard was shot in the head outside the Elton bank on Friday."),
    )
    assert {"a": "in the chest", "b": "in the head"} in differences(aligned, "contradiction")
    unlike = compare(
        article("a", "In the struggle that followed, Marsh hit him in the shoulder and fled on foot."),
        article(
            "b", "Witnesses said the fight was short. Marsh struck the guard in the knee before running."
        ),
    )
    assert {"a": "in the shoulder", "b": "in the knee"} in differences(unlike, "contradiction")


def test_on_land_against_at_sea_is_a_contradiction() -> None:
    result = compare(
        article("a", "The quake struck inland near the town of Elton on Tuesday, seismologists said."),
        article("b", "A strong quake struck off Elton's coast on Tuesday, damaging boats in the harbour."),
    )
    found = differences(result, "contradiction")
    assert any(d.get("a") == "inland" and "off" in d.get("b", "") for d in found)


def test_an_uncertain_difference_says_so_in_its_label() -> None:
    result = compare(
        article("a", "The blast at the Elton depot killed at least five people on Monday, police said."),
        article("b", "The blast at the Elton depot killed 24 people on Monday, police said."),
    )
    [found] = [c for c in result.clusters if c.discrepancy_type == "number"]
    assert dict(found.values) == {"a": "at least five", "b": "24"}
    assert "possibly a different count" in found.label
