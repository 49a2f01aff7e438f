"""Find where annotated entities are named in the articles, and suggest names nobody annotated.

Names are grouped by their first word into compiled alternations, longest first; each
article is read once, word by word, and at each word only the names starting with it are
tried, so the longest wins ("U.S. Forces Japan" is one mention of USFJ, not "U.S." plus
"Japan") and the cost does not grow with the number of names. Matching rules, chosen for
news text:

- names match on word boundaries only ("Japan" is not found inside "Japanese"), and a
  possessive is left out of the mention ("Japan's" and "Japan’s" give "Japan");
- straight and typographic apostrophes match each other, and so do the hyphen variants;
  a space in a name matches any run of spaces within a line;
- a name in capitals with no lower-case letter ("USFJ", "U.S.", "SM-6") matches with that
  exact case, so "US" never matches the pronoun "us";
- any other name matches regardless of case after its first letter, and a name that starts
  with a capital only matches text that does too ("Gen Nakatani", never "gen nakatani";
  "Trump", never "trump card"), while a name written in lower case ("status of forces
  agreement") also matches at the start of a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from tui.core.model import Article, Entity, Mention, SuggestedEntity
from tui.core.text.memo import story_cache

_APOSTROPHES = "'\u2019\u2018\u02bc"
_HYPHENS = "-\u2010\u2011"


def _char_pattern(char: str) -> str:
    if char in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    if char in _HYPHENS:
        return f"[{_HYPHENS}]"
    return re.escape(char)


def _is_acronym(name: str) -> bool:
    return any(c.isalpha() for c in name) and not any(c.islower() for c in name)


def name_pattern(name: str) -> str:
    """The regular expression (without boundaries) that one entity name matches."""
    words = name.split()
    body = r"[^\S\n]+".join("".join(_char_pattern(c) for c in word) for word in words)
    if _is_acronym(name):
        return body
    first = words[0][0]
    rest = body[len(_char_pattern(first)) :]
    if first.isupper():
        lead = _char_pattern(first)
    elif first.islower():
        lead = f"[{re.escape(first)}{re.escape(first.upper())}]"
    else:
        lead = _char_pattern(first)
    return f"{lead}(?i:{rest})" if rest else lead


_TOKEN = re.compile(r"\w+")
_FIRST_WORD = re.compile(r"\A\w+")

_Bucket = tuple[re.Pattern[str], list[str]]
"""Names sharing a first word: one alternation, longest first; group ``i + 1`` belongs to entity ``[i]``."""


def _bucket(names: dict[str, str], *, anywhere: bool) -> _Bucket:
    ordered = sorted(names, key=lambda n: (-len(n), n))
    alternation = "|".join(f"({name_pattern(name)})" for name in ordered)
    lead = r"(?<!\w)" if anywhere else ""
    return re.compile(rf"{lead}(?:{alternation})(?!\w)"), [names[name] for name in ordered]


def _matchers(entities: Sequence[Entity]) -> tuple[dict[str, _Bucket], _Bucket | None]:
    """Names grouped by their first word (case-folded), plus the few that start with a symbol."""
    by_word: dict[str, dict[str, str]] = defaultdict(dict)
    odd: dict[str, str] = {}
    taken: set[str] = set()
    for entity in entities:
        for name in entity.names:
            name = " ".join(name.split())
            if not name or name in taken:
                continue
            taken.add(name)
            first = _FIRST_WORD.match(name)
            (by_word[first.group().casefold()] if first else odd)[name] = entity.id
    buckets = {word: _bucket(names, anywhere=False) for word, names in by_word.items()}
    return buckets, (_bucket(odd, anywhere=True) if odd else None)


def _scan(text: str, buckets: dict[str, _Bucket]) -> Iterable[tuple[int, int, str]]:
    """Leftmost-longest matches, word by word: only names starting with this word are tried."""
    last_end = 0
    for token in _TOKEN.finditer(text):
        start = token.start()
        if start < last_end:
            continue
        bucket = buckets.get(token.group().casefold())
        if bucket is None:
            continue
        match = bucket[0].match(text, start)
        if match is not None and match.lastindex is not None:
            last_end = match.end()
            yield start, last_end, bucket[1][match.lastindex - 1]


def find_mentions(articles: Sequence[Article], entities: Sequence[Entity]) -> tuple[Mention, ...]:
    """Every mention of every entity, non-overlapping, in article order then text order.

    Each article is read once, word by word; at each word only the names that start with it
    are tried, longest first, so the cost does not grow with the number of names.
    """
    buckets, odd = _matchers(entities)
    if not buckets and odd is None:
        return ()
    mentions: list[Mention] = []
    for article in articles:
        text = article.text
        spans = list(_scan(text, buckets))
        if odd is not None:
            spans.extend(
                (m.start(), m.end(), odd[1][m.lastindex - 1])
                for m in odd[0].finditer(text)
                if m.lastindex is not None
            )
            spans = _non_overlapping(spans)
        mentions.extend(
            Mention(entity, article.id, start, end, text[start:end]) for start, end, entity in spans
        )
    return tuple(mentions)


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leftmost first, longest first at one position; later spans that overlap are dropped."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


# -- suggestions ---------------------------------------------------------------------------

# A capitalised word; only initialisms ("U.S.") keep a dot, so a name never runs past a full stop.
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’\-]*\w|[A-Z])"
_CONNECTOR = r"(?:of|and|the|for|de|du|van|von|al|bin|la|le)"
_CONNECTOR_WORD = re.compile(_CONNECTOR)
_POSSESSIVE = re.compile(r"['’]s?$")
_CANDIDATE = re.compile(rf"(?<![\w'’]){_WORD}(?:(?:[^\S\n]+{_CONNECTOR})*[^\S\n]+{_WORD})*")

COMMON_WORDS = frozenset(
    """
a an the this that these those there here it its he she his her him they them their we our us you your
i my me and but or nor so if then when while as at by for from in into of on onto to with without
after before during since until about above across against along among around behind below beneath
beside between beyond despite except inside near over through throughout toward towards under upon
within both all any each every either neither no not some such many much more most other another
what which who whom whose why how where yes also only just even still yet however meanwhile
regarding according read login sign subscribe connect follow please share click photo video
mr mrs ms dr sir madam lt gen col maj capt sgt adm cmdr sen rep gov pres
president secretary minister prime deputy commander general chief director spokesman spokeswoman
spokesperson ambassador chairman chair official officials senator governor mayor king queen prince
defense defence foreign state national federal new former
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
""".split()
)
"""Words never suggested on their own and trimmed from either end of a suggested name."""


def _sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, a line, a quotation or an aside."""
    window = max(0, start - 40)
    before = text[window:start].rstrip(" \t\u00a0")
    if before and before[-1] in "\"“‘'(—–-":
        return True
    return before[-1] in ".!?:;\n…" if before else window == 0


def _common(word: str) -> bool:
    return word.rstrip(".").casefold() in COMMON_WORDS or bool(_CONNECTOR_WORD.fullmatch(word))


def _clean(word: str) -> str:
    """A word without its possessive ending and trailing punctuation (abbreviations keep their dot)."""
    word = _POSSESSIVE.sub("", word).rstrip(",;:!?\"”’')")
    if word.endswith(".") and "." not in word[:-1]:
        word = word[:-1]
    return word


def _candidates(article: Article, covered: list[tuple[int, int]]) -> Iterable[tuple[str, bool]]:
    """Capitalised names in ``article`` outside ``covered`` (merged mention and boilerplate spans).

    Each comes with whether it is a lone word opening a sentence, where a capital proves nothing.
    """
    text = article.text
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        for piece_start, piece_end in _outside(start, end, covered):
            words = _name_words(text[piece_start:piece_end])
            if words:
                yield (
                    " ".join(word for _, word in words),
                    len(words) == 1 and _sentence_start(text, piece_start + words[0][0]),
                )


@story_cache
def _name_words(piece: str) -> tuple[tuple[int, str], ...]:
    """The words of a candidate piece that make a name (offsets relative to it), trimmed of
    common words; ``()`` when they make none. Once per distinct piece."""
    words = [(w.start(), _clean(w.group())) for w in re.finditer(r"\S+", piece)]
    words = [(position, word) for position, word in words if word and word[0].isalnum()]
    while words and _common(words[0][1]):
        words.pop(0)
    while words and _common(words[-1][1]):
        words.pop()
    if not words or not words[0][1][0].isupper():
        return ()
    if len(words) == 1 and len(words[0][1]) < 2:
        return ()
    return tuple(words)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined, so a binary search can find the first relevant one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _outside(start: int, end: int, covered: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """The parts of [start, end) outside the ``_merged`` spans ``covered``."""
    position = start
    index = max(bisect.bisect_right(covered, (start, start)) - 1, 0)
    for c_start, c_end in covered[index:]:
        if c_start >= end:
            break
        if c_end <= position:
            continue
        if c_start > position:
            yield position, c_start
        position = max(position, c_end)
    if position < end:
        yield position, end


def suggest_entities(
    articles: Sequence[Article], entities: Sequence[Entity], mentions: Sequence[Mention]
) -> tuple[SuggestedEntity, ...]:
    """Capitalised names that two or more sources use and no entity name covers.

    A lone capitalised word counts at the start of a sentence only if it also appears
    capitalised mid-sentence somewhere ("Kowalski's office..." after "said Kowalski").
    Ranked by how many sources use the name, then how often; the most common spelling is shown.
    """
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in mentions:
        by_article[mention.article].append((mention.start, mention.end))
    known = {name.casefold() for entity in entities for name in entity.names}
    sources: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    found: list[tuple[str, str, bool]] = []
    for article in articles:
        covered = _merged([*by_article.get(article.id, ()), *((b.start, b.end) for b in article.boilerplate)])
        found.extend((article.id, name, opening) for name, opening in _candidates(article, covered))
    names = {name for _, name, opening in found if not opening}
    for article_id, name, opening in found:
        key = name.casefold()
        if key in known or (opening and name not in names):
            continue
        counts[key] += 1
        spellings[key][name] += 1
        if article_id not in sources[key]:
            sources[key].append(article_id)
    ranked = sorted(
        (key for key in counts if len(sources[key]) >= 2), key=lambda k: (-len(sources[k]), -counts[k], k)
    )
    return tuple(
        SuggestedEntity(spellings[k].most_common(1)[0][0], tuple(sources[k]), counts[k]) for k in ranked
    )
