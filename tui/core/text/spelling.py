"""British spellings written the American way, so the two agree: ``colour`` = ``color``.

A comparison key, not an editor: the text a reader sees is never changed. Every rule is a
textbook difference between the two spellings (``-ise``/``-ize``, ``-our``/``-or``,
``-tre``/``-ter``, doubled ``l``, ``-ogue``/``-og``, ``-ence``/``-ense``, Greek ``ae``/``oe``)
applied only where it is known to hold, with the classic exceptions spelled out. A rule
that fires on the wrong word merges two different words, which hides a real difference from
a fact-checker; a rule that misses only leaves a paraphrase unmatched. So the rules lean
towards missing: where a family is irregular (``-re``, doubled ``l``) they list its members
rather than guess.

Input is one lower-case word (see :func:`tui.core.text.normalize.fold`); the answer is the
American spelling, or the word itself.

>>> [americanize(w) for w in ("colours", "organisation", "centred", "travelling", "grey")]
['colors', 'organization', 'centered', 'traveling', 'gray']
>>> [americanize(w) for w in ("advertise", "four", "acre", "genre", "compelled")]
['advertise', 'four', 'acre', 'genre', 'compelled']
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["americanize"]


def _forms(table: str) -> dict[str, str]:
    """``british american`` pairs, one per line, expanded with their regular inflections
    (``+s`` ``+d`` ... after a slash: ``mould mold /s ed ing y``)."""
    out: dict[str, str] = {}
    for line in table.strip().splitlines():
        words, _, endings = line.partition("/")
        british, american = words.split()
        out[british] = american
        for ending in endings.split():
            out[british + ending] = american + ending
    return out


_WORDS = _forms("""
aluminium aluminum
caesium cesium
grey gray /s ed er est ing ish ness
programme program /s
tyre tire /s
kerb curb /s ed ing
plough plow /s ed ing man men share shares able
snowplough snowplow /s
mould mold /s ed ing ings y er ers ered ering
remould remold /s ed ing
smoulder smolder /s ed ing
moult molt /s ed ing
pyjamas pajamas
pyjama pajama
storey story
storeys stories
sceptic skeptic /s al ally ism
artefact artifact /s
ageing aging /s
cosy cozy
cosier cozier
cosiest coziest
cosily cozily
cosiness coziness
furore furor /s
moustache mustache /s d
jewellery jewelry
gaol jail /s ed er ers
whilst while
amongst among
learnt learned
burnt burned
dreamt dreamed
spoilt spoiled
leapt leaped
axe ax
draught draft /s y ier iest iness sman smen smanship
updraught updraft /s
downdraught downdraft /s
enrol enroll /s
enrolment enrollment /s
fulfil fulfill /s
fulfilment fulfillment
nonfulfilment nonfulfillment
instil instill /s
distil distill /s
skilful skillful /ly ness
wilful willful /ly ness
enthral enthrall /s
enthralment enthrallment
appal appall /s
instalment installment /s
practise practice /s d r
practising practicing
unpractised unpracticed
defence defense /s less lessly lessness
offence offense /s less
licence license /s
pretence pretense /s
woollen woolen /s
marvellous marvelous /ly ness
aeon eon /s
centrepiece centerpiece /s
centrefold centerfold /s
fibreglass fiberglass
fibreboard fiberboard /s
theatregoer theatergoer /s
aeroplane airplane /s
inflexion inflection /s
connexion connection /s
mollusc mollusk /s
pedlar peddler /s
titbit tidbit /s
chilli chili
chillies chilies
omelette omelet /s
behove behoove /s d
baulk balk /s ed ing
cruellest cruelest
crueller crueler
""")
"""Whole words whose American spelling no general rule gives."""

_MORPHEMES = (
    ("paed", "ped"),
    ("haem", "hem"),
    ("anaem", "anem"),
    ("anaes", "anes"),
    ("leukaem", "leukem"),
    ("septicaem", "septicem"),
    ("palaeo", "paleo"),
    ("gynaec", "gynec"),
    ("mediaev", "mediev"),
    ("faec", "fec"),
    ("aetiolog", "etiolog"),
    ("oestr", "estr"),
    ("oesoph", "esoph"),
    ("foet", "fet"),
    ("oedem", "edem"),
    ("homoeo", "homeo"),
    ("coeliac", "celiac"),
    ("sulph", "sulf"),
    ("enquir", "inquir"),
    ("dgement", "dgment"),
    ("archaeo", "archeo"),
    ("aemi", "emi"),
    ("aesthes", "esthes"),
    ("pnoea", "pnea"),
    ("rrhoe", "rrhe"),
    ("manoeuvring", "maneuvering"),
    ("manoeuvred", "maneuvered"),
    ("manoeuvre", "maneuver"),
    ("manoeuvrab", "maneuverab"),
)
"""Greek ``ae``/``oe`` combining forms and a few stems spelled differently wherever they occur
(``paediatric``, ``anaesthetist``, ``oestrogen``, ``sulphuric``, ``judgement``). Only these
forms: the letters ``ae``/``oe`` alone also spell ``aerial``, ``Michael``, ``poet``, ``shoe``."""

_IZE_ENDINGS = (
    "isationally",
    "isational",
    "isations",
    "isation",
    "isements",
    "isement",
    "isingly",
    "isability",
    "isably",
    "isable",
    "isance",
    "isant",
    "isers",
    "iser",
    "ising",
    "ised",
    "ises",
    "ise",
)
_IZE_NEVER = frozenset(
    """
advertise advise apprise arise chastise circumcise comprise compromise demise despise
devise disguise enterprise excise exercise expertise franchise improvise incise
merchandise premise prise raise revise supervise surmise surprise televise treatise
wise rise noise poise praise cruise bruise guise concise precise paradise promise
anise valise porpoise tortoise reprise chemise mise sunrise moonrise uprise enfranchise
disenfranchise otherwise likewise clockwise unwise practise crise
""".split()
)
"""Words that end in ``-ise`` in both spellings: their ``-ise`` is not the Greek ``-ize``."""
_IZE_NEVER_INSIDE = tuple(w for w in _IZE_NEVER if len(w) >= 6)
"""The longer of them also end their compounds and prefixed forms (``unpractised``,
``misadvise``); the short ones (``rise``, ``mise``) also end real ``-ize`` verbs."""
_IZE_NEVER_ENDINGS = ("wise", "vise", "prise", "chise", "cise", "mise")
"""Endings of ``-ise`` words that are never ``-ize`` (``likewise``, ``revise``, ``enterprise``,
``franchise``, ``exercise``, ``compromise``), with the ``-cise``/``-mise`` verbs that are
(``criticise``, ``minimise``) let through below."""
_IZE_DESPITE = ("icise", "acise", "imise", "omise", "emise", "ivise", "echise")

_YSE = re.compile(r"(.+ly)s(e|es|ed|ing|ingly|er|ers|able)")
_OUR = re.compile(
    r"(.*[aeiouy].*[^aeouy])our("
    r"|s|ed|ing|ings|ingly|er|ers|ee|ees|ite|ites|itism|ist|ists|ism|ful|fully|fulness"
    r"|less|lessly|lessness|able|ably|ableness|hood|hoods|ly|liness|al|ally|ation|ations"
    r"|y|ier|iest|ily|iness|ies|some|ise|ised|ises|ising|ize|ized|izes|izing)"
)
_OUR_NEVER = frozenset(
    """
devour detour contour paramour troubadour velour amour glamour tambour
""".split()
)

_RE_STEMS = (
    "centr",
    "theatr",
    "metr",
    "litr",
    "fibr",
    "calibr",
    "sabr",
    "sombr",
    "spectr",
    "meagr",
    "lustr",
    "sceptr",
    "goitr",
    "mitr",
    "nitr",
    "ochr",
    "reconnoitr",
    "saltpetr",
    "sepulchr",
    "titr",
    "philtr",
    "accoutr",
    "louvr",
    "dioptr",
)
"""The ``-re`` words that are ``-er`` in American; ``acre``, ``genre``, ``ogre``, ``timbre``,
``macabre``, ``massacre``, ``mediocre`` are ``-re`` in both and are not here."""
_RE_ENDINGS = (
    ("eless", "erless"),
    ("eness", "erness"),
    ("ely", "erly"),
    ("es", "ers"),
    ("ed", "ered"),
    ("ing", "ering"),
    ("e", "er"),
)

_L_STEMS = (
    "travel",
    "cancel",
    "label",
    "model",
    "fuel",
    "level",
    "signal",
    "channel",
    "counsel",
    "jewel",
    "tunnel",
    "quarrel",
    "shovel",
    "funnel",
    "panel",
    "dial",
    "total",
    "equal",
    "rival",
    "marshal",
    "pencil",
    "stencil",
    "council",
    "marvel",
    "libel",
    "grovel",
    "snivel",
    "revel",
    "bevel",
    "ravel",
    "gravel",
    "yodel",
    "cudgel",
    "enamel",
    "pummel",
    "trammel",
    "chisel",
    "tassel",
    "barrel",
    "apparel",
    "duel",
    "towel",
    "bowel",
    "dowel",
    "kennel",
    "pedal",
    "medal",
    "metal",
    "initial",
    "carol",
    "swivel",
    "drivel",
    "shrivel",
    "spiral",
    "victual",
    "tinsel",
    "squirrel",
    "parcel",
    "refuel",
    "dishevel",
    "sentinel",
    "hostel",
    "bushel",
    "cavil",
    "devil",
    "peril",
    "pommel",
    "snorkel",
    "weasel",
    "gambol",
    "trowel",
    "flannel",
    "sandal",
    "petal",
    "rowel",
    "gruel",
    "frivol",
    "trial",
    "evil",
)
"""Words ending in an unstressed ``-el``/``-al``/``-il``/``-ol``: British doubles the ``l``
before a suffix (``travelled``), American does not. Stressed ones double in both
(``compelled``, ``patrolled``, ``rebelled``, ``excelled``, ``installed``) and are not here."""
_L_ENDINGS = (
    "ed",
    "ing",
    "ings",
    "ingly",
    "er",
    "ers",
    "or",
    "ors",
    "orship",
    "ist",
    "ists",
    "ous",
    "ously",
    "ery",
    "able",
)
_OGUE = re.compile(r"(.+(?:lo|go))gu(e|es|ed|er|ers|ing)")
_EABLE = re.compile(r"(.+[^aeioucg])e(abl(?:e|y|eness)|ability)")
"""British keeps a silent ``e`` before ``-able`` (``likeable``, ``sizeable``), American drops
it, except after ``c``/``g`` where it keeps the sound (``noticeable``, ``changeable``)."""


def _ize(word: str) -> str | None:
    for ending in _IZE_ENDINGS:
        if word.endswith(ending):
            base = word[: -len(ending)] + "ise"
            break
    else:
        return None
    if len(base) < 5 or (base[-4] in "aeiou" and base[-5:-3] != "qu") or base in _IZE_NEVER:
        return None
    if base.endswith(_IZE_NEVER_ENDINGS) and not base.endswith(_IZE_DESPITE):
        return None
    if any(base.endswith(never) for never in _IZE_NEVER_INSIDE):
        return None
    return word[: -len(ending)] + ending.replace("is", "iz", 1)


def _tre(word: str) -> str | None:
    for ending, american in _RE_ENDINGS:
        if word.endswith(ending):
            base = word[: -len(ending)]
            if base.endswith(_RE_STEMS):
                return base[:-1] + american
            return None
    return None


def _double_l(word: str) -> str | None:
    for ending in _L_ENDINGS:
        if word.endswith("l" + ending):
            base = word[: -len(ending) - 1]
            if base.endswith(_L_STEMS):
                return base + ending
            return None
    return None


@lru_cache(maxsize=50_000)
def americanize(word: str) -> str:
    """The American spelling of one lower-case word, or the word unchanged.

    >>> americanize("analysed"), americanize("paediatrician"), americanize("catalogues")
    ('analyzed', 'pediatrician', 'catalogs')
    >>> americanize("honourable"), americanize("hour"), americanize("kilometres")
    ('honorable', 'hour', 'kilometers')
    """
    if word in _WORDS:
        return _WORDS[word]
    if not word.isascii() or len(word) < 4:
        return word
    for british, american in _MORPHEMES:
        if british in word:
            word = word.replace(british, american)
    for rule in (_ize, _tre, _double_l):
        word = rule(word) or word
    match = _YSE.fullmatch(word)
    if match:
        word = f"{match.group(1)}z{match.group(2)}"
    match = _OUR.fullmatch(word)
    if match and word[: match.end(1)] + "our" not in _OUR_NEVER:
        word = f"{match.group(1)}or{match.group(2)}"
    match = _OGUE.fullmatch(word)
    if match:
        tail = match.group(2)
        word = f"{match.group(1)}g{tail[1:] if tail in ('e', 'es') else tail}"
    match = _EABLE.fullmatch(word)
    if match:
        word = match.group(1) + match.group(2)
    return word
