"""The immutable model every renderer reads; only `loader` builds it from YAML.

Each node keeps `line`, the 1-based YAML line it came from, so a later error (a font that
cannot draw a character, say) can point the maintainer back to the source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Meta:
    id: str
    """Slug of the standard; prefixes file names (complete forms, the ZIP, open data)."""
    title: str
    subtitle: str
    owner: str
    adopted: str
    basis: str
    version: str
    """Written into every form so a filled form can be matched to its statements."""
    form_title: str
    """Heading at the top of every form."""
    site_url: str = ""
    """The site's public address; empty when it is served from a domain root."""
    accessibility_contact: str = ""
    """Where users report accessibility problems (the accessibility statement)."""
    accessibility_updated: str = ""
    """When the accessibility statement was last reviewed."""
    accessibility_status: str = ""
    """The site's status against the regulations, in the statement's words."""
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False,
                                     kw_only=True)
    """1-based YAML line of each key above (the block has no node per value)."""


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Guidance:
    title: str
    paragraphs: tuple[str, ...]
    rating_hint: str
    """One sentence on how to rate, printed on every form."""
    submit_hint: str | None
    """Who receives the filled form and how; shown where forms are filled and downloaded.
    Optional (added after the first release): without it, pages name no receiver."""
    steps: tuple[Step, ...]
    contact: str = ""
    """Optional: whom parents can ask about the form (e.g. a name and an e-mail address);
    shown on the fill page once the PDF is made. Empty: nothing is shown."""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ScaleStep:
    id: str
    """Export value of the radio button: a public contract, never renamed."""
    label: str
    colour: str
    """Traffic-light colour as #rrggbb; never the only carrier of meaning."""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    description: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class LevelText:
    """Text appended to a statement only on some levels (e.g. SFO sentences on 1.–4. trinn)."""

    levels: tuple[str, ...]
    """Level ids, already expanded from group names."""
    text: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Statement:
    id: str
    """Stable field name in the forms; survives rewording."""
    text: str
    """The statement as shown on every level."""
    level_texts: tuple[LevelText, ...] = ()
    line: int = field(default=0, compare=False)
    replaces: tuple[str, ...] = ()
    """Ids of statements of an earlier version this one takes the place of (a split or a
    merge); forms of that version count their answers under this statement."""

    def text_for(self, level_id: str) -> str:
        """The statement as shown on one level: the common text plus that level's additions."""
        extra = [lt.text for lt in self.level_texts if level_id in lt.levels]
        return " ".join((self.text, *extra))


@dataclass(frozen=True)
class Area:
    id: str
    kind: Kind
    title: str
    description: str
    statements_heading: str
    statements: tuple[Statement, ...]
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Actions:
    title: str
    description: str
    rows: int
    """How many action rows an area's form offers."""
    line: int = field(default=0, compare=False)
    rows_per_area: int = 2
    """Action rows per area on the complete form, each row naming its area."""


@dataclass(frozen=True)
class HeaderField:
    """A field at the top of the forms (school, class, date, …)."""

    part: str
    """The field is `meta.<part>`, one of `contract.META_FIELDS`: a public contract."""
    label: str
    levels: tuple[str, ...] = ()
    """Level ids (groups expanded) whose forms ask for it; empty: every level."""
    line: int = field(default=0, compare=False)

    def shown_on(self, level_id: str) -> bool:
        return not self.levels or level_id in self.levels


@dataclass(frozen=True)
class Right:
    title: str
    text: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Legal:
    title: str
    lead: str
    source: str
    sections: tuple[Section, ...]
    rights: tuple[Right, ...]
    references: tuple[str, ...]
    """Titles only: the source has no vetted links."""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ReportSettings:
    """How `collect` reports; optional in the YAML."""

    min_answers: int = 5
    """Below this many answers to a statement the shared report shows no shares, so no one's
    answer can be recognised (5, as in Udir's parents' survey)."""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Standard:
    source: str
    """Label of the file it was loaded from, for messages."""
    meta: Meta
    introduction: Section
    model: Section
    guidance: Guidance
    scale: tuple[ScaleStep, ...]
    kinds: tuple[Kind, ...]
    levels: tuple[Level, ...]
    areas: tuple[Area, ...]
    actions: Actions
    legal: Legal
    report: ReportSettings = field(default_factory=ReportSettings)
    header: tuple[HeaderField, ...] = ()
    """The header fields of the forms, in order."""

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for a in self.areas for s in a.statements)

    def area(self, area_id: str) -> Area:
        return next(a for a in self.areas if a.id == area_id)

    def level(self, level_id: str) -> Level:
        return next(lv for lv in self.levels if lv.id == level_id)
