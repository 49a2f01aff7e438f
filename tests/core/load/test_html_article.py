"""The article is chosen among the page's blocks, and everything it holds is rendered as paragraphs."""

from __future__ import annotations

from tests.core.load.reading import STORY, STORY_LINES, boilerplate, load, page, story

TEASER = (
    "<p>A different story about the council budget, the new bus routes and the spring "
    "elections, which readers might also like to read today.</p>"
)


def test_a_page_that_is_all_one_div_is_read_line_by_line() -> None:
    html = page(
        "<div>The river rose by two metres overnight, flooding the lower town.<br><br>"
        "Officials said the dam held, although engineers will inspect it.<br>"
        "About 300 people spent the night in the school gym.</div>"
    )
    assert story(load(html)) == [
        "The river rose by two metres overnight, flooding the lower town.",
        "Officials said the dam held, although engineers will inspect it.",
        "About 300 people spent the night in the school gym.",
    ]


def test_the_block_where_prose_gathers_wins_over_teasers_and_menus() -> None:
    html = page(
        "<div class='top'><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></div>"
        f"<div class='col'>{TEASER}</div><div class='col'><div class='text'>{STORY}</div></div>"
        f"<div class='col'>{TEASER}</div>"
    )
    assert story(load(html)) == STORY_LINES


def test_an_element_declared_as_the_article_body_is_preferred() -> None:
    html = page(f"<div>{TEASER}{TEASER}</div><div itemprop='articleBody'>{STORY}</div>")
    assert story(load(html)) == STORY_LINES


def test_code_and_tables_of_figures_are_kept() -> None:
    html = page(
        f"<article>{STORY}<pre><code>total = rain_mm * area_km2\nprint(total)</code></pre>"
        "<table><tr><th>Town</th><th>Rain (mm)</th></tr><tr><td>Lowford</td><td>84</td></tr>"
        "<tr><td>Hillby</td><td>61</td></tr></table></article>"
    )
    assert story(load(html)) == [
        *STORY_LINES,
        "total = rain_mm * area_km2",
        "print(total)",
        "Town · Rain (mm)",
        "Lowford · 84",
        "Hillby · 61",
    ]


def test_lines_the_article_repeats_are_its_own() -> None:
    steps = "<h3>Day {n}</h3><p>Check the sandbags on the east bank.</p><p>Report the water level.</p>"
    html = page(f"<article>{STORY}{steps.format(n=1)}{steps.format(n=2)}</article>")
    lines = story(load(html))
    assert lines.count("Check the sandbags on the east bank.") == 2
    assert lines.count("Report the water level.") == 2


def test_a_page_whose_only_paragraph_is_its_title_keeps_it() -> None:
    html = page("<p>Dam holds as river peaks</p>", head="<title>Dam holds as river peaks</title>")
    article = load(html)
    assert article.headline is not None, "kept, and compared, as the page's headline"
    assert article.text[article.headline[0] : article.headline[1]] == "Dam holds as river peaks"
    assert boilerplate(article) == {}
    assert article.title == "Dam holds as river peaks"


def test_the_headline_inside_the_article_is_its_headline_and_subheadings_are_story() -> None:
    html = page(
        f"<article><h1>Dam holds as river peaks</h1>{STORY}<h2>What happens next</h2>"
        "<p>Engineers will report to the council on Thursday evening.</p></article>"
    )
    article = load(html)
    assert article.headline is not None
    assert article.text[article.headline[0] : article.headline[1]] == "Dam holds as river peaks"
    assert story(article) == [
        *STORY_LINES,
        "What happens next",
        "Engineers will report to the council on Thursday evening.",
    ]
    assert boilerplate(article) == {}


def test_quotes_and_lists_in_the_article_are_paragraphs() -> None:
    html = page(
        f"<article>{STORY}<blockquote>We were lucky this time, said the mayor.</blockquote>"
        "<ol><li>Boil tap water before drinking it.</li><li>Keep away from the river bank.</li>"
        "</ol></article>"
    )
    assert story(load(html))[3:] == [
        "We were lucky this time, said the mayor.",
        "Boil tap water before drinking it.",
        "Keep away from the river bank.",
    ]


def test_related_posts_nested_in_the_article_are_set_aside() -> None:
    related = "".join(f"<article class='post'>{TEASER}</article>" for _ in range(3))
    html = page(
        f"<article class='post'><h1>Dam holds as river peaks</h1>{STORY}"
        f"<h3>You may also like</h3>{related}</article>"
    )
    assert story(load(html)) == STORY_LINES


def test_a_live_blog_keeps_its_entries() -> None:
    entries = "".join(
        f"<article class='entry'><time datetime='2024-05-03T0{n}:00'>0{n}:00</time>"
        f"<p>Update {n}: the water level at the gauge rose again, the agency said, and crews moved "
        f"more sandbags to the east bank of the river before dawn.</p></article>"
        for n in range(1, 9)
    )
    html = page(
        f"<main><h1>River floods: live</h1><p>Follow the latest on the floods.</p>{entries}</main>",
        head="<title>River floods: live</title>",
    )
    lines = story(load(html))
    assert sum(line.startswith("Update") for line in lines) == 8


def test_an_old_layout_table_gives_its_text_column_not_its_menu_column() -> None:
    html = page(
        "<table><tr><td><a href='/'>Home</a><br><a href='/news'>News</a><br><a href='/contact'>Contact</a></td>"
        "<td><font>The river rose by two metres overnight, flooding the lower town.<br><br>"
        "Officials said the dam held, although engineers will inspect it on Monday.</font></td></tr></table>"
    )
    assert story(load(html)) == [
        "The river rose by two metres overnight, flooding the lower town.",
        "Officials said the dam held, although engineers will inspect it on Monday.",
    ]


def test_a_site_wide_content_wrapper_is_narrowed_to_the_article_in_it() -> None:
    sidebar = "<aside class='widget-area'><h2>Recent posts</h2><ul><li><a href='/a'>Bridge repairs</a></li></ul></aside>"
    html = page(
        f"<div id='content' class='site-content'><main class='site-main'><article class='post'>"
        f"<div class='entry-content'>{STORY}</div></article></main>{sidebar}</div>"
    )
    article = load(html)
    assert story(article) == STORY_LINES
    assert "Recent posts" not in article.text


LEAD = (
    "<p>The river rose by two metres overnight, flooding the lower town for the first time since 1998, "
    "and forcing about 300 people from their homes before dawn on Sunday.</p>"
    "<p>Officials said the dam held, although engineers will inspect its eastern wall on Monday, and "
    "the agency warned that more rain was expected over the hills by the evening.</p>"
    "<p>Volunteers served soup and tea in the school gym, where families slept on camp beds, and the "
    "council opened a second shelter in the church hall as the water kept rising.</p>"
)
REST = (
    "<p>By midday the water had reached the high street, where shopkeepers had piled sandbags against "
    "their doors, and the fire service pumped out the basement of the library.</p>"
    "<p>The mayor said repairs would cost millions, and that the council would ask the government for "
    "help, as it did after the floods of 1998, when the old bridge was swept away.</p>"
    "<p>Engineers will report on the state of the wall on Thursday, and the school will stay closed "
    "until the shelter is no longer needed, the head teacher said on Sunday night.</p>"
)


def test_an_article_split_across_two_sections_of_one_wrapper_is_read_whole() -> None:
    html = page(
        f"<div class='post'><div class='top'><h1>Dam holds as river peaks</h1><div class='lead'>{LEAD}</div></div>"
        f"<div class='photo'><figure><img src='a.jpg'><figcaption>The high street.</figcaption></figure></div>"
        f"<div class='body'><section><div>{REST}</div></section></div></div>"
    )
    lines = story(load(html))
    assert lines[0].startswith("The river rose") and lines[-1].startswith("Engineers will report")
    assert len(lines) == 6


def test_the_next_story_of_an_endless_page_is_not_read_as_part_of_this_one() -> None:
    html = page(
        f"<div class='stream'><article><h1>Dam holds as river peaks</h1>{LEAD}{REST}</article>"
        f"<article><h1>Bus fares frozen for a year</h1>{LEAD.replace('river', 'bus')}</article></div>"
    )
    lines = story(load(html))
    assert len(lines) == 6 and not any("bus" in line for line in lines)
