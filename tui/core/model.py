"""The plain data every part of storydiff passes around.

These frozen dataclasses are the contract between the pure core, the exporters and the
Textual app: the app and the exporters only ever read them. Every offset is a Python string
index into the *sanitised* text of one article (``Article.text``), end exclusive, so
``article.text[start:end] == member.text`` always holds.

The story's own types (``Article``, ``Story``, ``Diagnostic``, ``Boilerplate``) are defined in
``tui.core.story`` and re-exported here: code on the reader's path to its first frame imports
them from there, so opening the reader does not build the comparison's classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from tui.core.story import Article, Boilerplate, Diagnostic, Severity, Story

__all__ = [
    "Annotations",
    "Article",
    "Boilerplate",
    "Claim",
    "Cluster",
    "ClusterKind",
    "CLUSTER_KINDS",
    "Comparison",
    "DateMention",
    "Diagnostic",
    "DiffPiece",
    "DiscrepancyType",
    "DISCREPANCY_TYPES",
    "Entity",
    "EntityType",
    "Mark",
    "MarkKind",
    "Member",
    "Mention",
    "Orphan",
    "PhraseOccurrence",
    "Quantity",
    "Quote",
    "Severity",
    "SharedPhrase",
    "Story",
    "SuggestedEntity",
    "TextQuote",
    "TimeMention",
    "Unit",
    "Verdict",
    "ClaimKind",
    "VerdictKind",
    "VERDICT_KINDS",
    "WireCopy",
]

ClusterKind = Literal["shared", "discrepancy", "unique"]
DiscrepancyType = Literal["number", "date", "name", "spelling", "quote-wording", "contradiction", "other"]
ClaimKind = Literal["fact", "discrepancy", "verdict"]
VerdictKind = Literal["true-conflict", "paraphrase", "rounding", "change-over-time", "not-a-discrepancy"]

CLUSTER_KINDS: tuple[ClusterKind, ...] = ("shared", "discrepancy", "unique")
DISCREPANCY_TYPES: tuple[DiscrepancyType, ...] = (
    "number",
    "date",
    "name",
    "spelling",
    "quote-wording",
    "contradiction",
    "other",
)
VERDICT_KINDS: tuple[VerdictKind, ...] = (
    "true-conflict",
    "paraphrase",
    "rounding",
    "change-over-time",
    "not-a-discrepancy",
)


@dataclass(frozen=True)
class Quantity:
    """A number in a statement, with what it counts and how it is hedged.

    ``low``/``high`` give the interval the wording allows ("about 60,000" -> a few percent
    either side, "at least 40" -> [40, inf), "40 to 50" -> [40, 50]); ``value`` is the
    number as stated, converted to ``unit``'s base unit when the unit is known.
    """

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    hedge: str = "exact"
    unit: str | None = None
    counted: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date in a statement; ``iso`` is resolved against the article date when relative."""

    start: int
    end: int
    text: str
    iso: str | None
    kind: Literal["absolute", "relative", "weekday", "month", "year"] = "absolute"


@dataclass(frozen=True)
class TimeMention:
    """A clock time or part of the day ("07:37 a.m. UTC", "early afternoon") as the minutes of
    the day it allows (``low``..``high``, past midnight above 1440) and the zone it is given in."""

    start: int
    end: int
    text: str
    low: int
    high: int
    zone: str | None = None
    clock: bool = True


@dataclass(frozen=True)
class Quote:
    """A quotation (the words inside the marks) and who said it, when the text says."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_entity: str | None = None


@dataclass(frozen=True)
class Unit:
    """A sentence or clause of one article: the thing that gets aligned across sources."""

    id: str
    article: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[str, ...]
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    names: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    is_boilerplate: bool = False
    headline: bool = False
    times: tuple[TimeMention, ...] = ()

    def __hash__(self) -> int:
        """By id and span only (equal units have equal ids and spans): a statement is a key of
        the engine's per-comparison caches, and hashing every token and slot of it on each
        lookup cost more than most lookups saved."""
        return hash((self.id, self.start, self.end))


@dataclass(frozen=True)
class DiffPiece:
    """One run of a member's text in a word-level diff; pieces concatenate to the member text."""

    text: str
    changed: bool


@dataclass(frozen=True)
class Member:
    """One article's part in a cluster: a span of its text, plus the differing value if any."""

    article: str
    start: int
    end: int
    text: str
    unit: str | None = None
    value: str | None = None
    value_start: int | None = None
    value_end: int | None = None
    diff: tuple[DiffPiece, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """A user's judgement on a cluster, from the annotation file."""

    kind: VerdictKind
    note: str | None = None
    claim: str | None = None


@dataclass(frozen=True)
class Cluster:
    """Statements that say the same thing (or contradict each other) across sources."""

    id: str
    kind: ClusterKind
    label: str
    members: tuple[Member, ...]
    discrepancy_type: DiscrepancyType | None = None
    values: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    scope: Literal["statement", "story"] = "statement"
    change_over_time: bool = False
    wire: bool = False
    independent_support: int = 0
    entities: tuple[str, ...] = ()
    verdict: Verdict | None = None
    origin: Literal["engine", "curated"] = "engine"
    note: str | None = None

    @cached_property
    def articles(self) -> tuple[str, ...]:
        """The distinct article ids among the members, in member order (computed once: every
        excerpt of a cluster of hundreds of members asks for its support)."""
        return tuple(dict.fromkeys(m.article for m in self.members))

    @property
    def support(self) -> int:
        """How many sources carry this statement."""
        return len(self.articles)


@dataclass(frozen=True)
class EntityType:
    """A kind of entity (person, place...) with an optional display colour."""

    name: str
    colour: str | None = None


@dataclass(frozen=True)
class Entity:
    """Someone or something the story is about, as the annotation file describes it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    links: tuple[str, ...] = ()
    notes: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The display name followed by every alias, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True)
class Mention:
    """Where an entity is named in an article."""

    entity: str
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SuggestedEntity:
    """A capitalised name that several sources use but the annotation file does not know."""

    name: str
    articles: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class TextQuote:
    """A reference to text by quotation (W3C TextQuoteSelector style), never by offsets."""

    exact: str
    prefix: str | None = None
    suffix: str | None = None
    article: str | None = None


@dataclass(frozen=True)
class Claim:
    """A curated claim from the annotation file: a pinned fact, a missed discrepancy or a verdict."""

    id: str
    kind: ClaimKind
    quotes: tuple[TextQuote, ...]
    verdict: VerdictKind | None = None
    discrepancy_type: DiscrepancyType | None = None
    note: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Orphan:
    """A curated claim quote that no longer matches exactly once."""

    claim: str
    quote: TextQuote
    matches: int
    message: str


@dataclass(frozen=True)
class Annotations:
    """The parsed annotation file: entities, their types, curated claims and any problems."""

    path: str | None
    entities: tuple[Entity, ...] = ()
    types: tuple[EntityType, ...] = ()
    claims: tuple[Claim, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def has_errors(self) -> bool:
        """True when the file could not be used as written."""
        return any(d.severity == "error" for d in self.diagnostics)


@dataclass(frozen=True)
class PhraseOccurrence:
    """Where a verbatim shared phrase sits in one article."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SharedPhrase:
    """A run of several words that two or more sources share verbatim (text reuse)."""

    text: str
    occurrences: tuple[PhraseOccurrence, ...]
    words: int


@dataclass(frozen=True)
class WireCopy:
    """Two articles that share so much verbatim text that one is copy of the other (or both of a wire)."""

    articles: tuple[str, str]
    shared_words: int
    ratio: float


MarkKind = Literal["shared", "discrepancy", "unique", "value", "mention", "boilerplate", "phrase"]


@dataclass(frozen=True)
class Mark:
    """A highlight to draw on one article's text: what the reader and the exporters paint.

    ``value`` marks the differing value inside a discrepancy member; ``phrase`` a verbatim
    phrase shared with another source. ``support`` is how many sources carry the cluster.
    """

    start: int
    end: int
    kind: MarkKind
    cluster: str | None = None
    entity: str | None = None
    support: int = 0


@dataclass(frozen=True)
class Comparison:
    """Everything storydiff knows about one story; the one object every view and export reads."""

    story: Story
    units: Mapping[str, tuple[Unit, ...]]
    clusters: tuple[Cluster, ...]
    annotations: Annotations
    mentions: tuple[Mention, ...] = ()
    phrases: tuple[SharedPhrase, ...] = ()
    wire: tuple[WireCopy, ...] = ()
    suggestions: tuple[SuggestedEntity, ...] = ()
    orphans: tuple[Orphan, ...] = ()

    @property
    def articles(self) -> tuple[Article, ...]:
        """The story's articles, in display order."""
        return self.story.articles

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The annotated entities."""
        return self.annotations.entities

    def cluster(self, cluster_id: str) -> Cluster:
        """The cluster with this id (``KeyError`` if there is none)."""
        for cluster in self.clusters:
            if cluster.id == cluster_id:
                return cluster
        raise KeyError(cluster_id)

    def clusters_of(self, kind: ClusterKind) -> tuple[Cluster, ...]:
        """The clusters of one kind, in story order."""
        return tuple(c for c in self.clusters if c.kind == kind)

    def mentions_of(self, entity_id: str) -> tuple[Mention, ...]:
        """Every mention of one entity, in article then text order."""
        return tuple(m for m in self.mentions if m.entity == entity_id)
