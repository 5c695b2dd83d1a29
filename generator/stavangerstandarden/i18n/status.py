"""Translation status for `check`, and the update `oversett` writes.

Both merge each language's PO with the current source in memory, so `check` sees exactly
what `oversett` would write: a changed source is *outdated*, a text without a translation is
*missing*, and a translation of a text the source no longer has is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.edition import edition_problems
from stavangerstandarden.i18n.layout import Layout, is_known, language_name
from stavangerstandarden.i18n.pages import page_texts
from stavangerstandarden.i18n.texts import Text, yaml_texts
from stavangerstandarden.i18n.ui import catalogue_path, ui_languages
from stavangerstandarden.model import Standard
from stavangerstandarden.problems import InvalidSource, Problem, Severity
from stavangerstandarden.yamlsource import Parsed, parse


@dataclass(frozen=True)
class Status:
    language: str
    translated: int
    reviewed: int
    """How many of the translated texts a person has reviewed."""
    outdated: int
    missing: int

    @property
    def total(self) -> int:
        return self.translated + self.outdated + self.missing

    def __str__(self) -> str:
        return (f"{language_name(self.language)} ({self.language}): {self.translated} av "
                f"{self.total} oversatt ({self.reviewed} kvalitetssikret), "
                f"{self.outdated} utdatert, {self.missing} mangler")


@dataclass(frozen=True)
class Part:
    """One PO file of one language and the texts it translates."""

    path: Path
    texts: tuple[Text, ...]


@dataclass(frozen=True)
class Report:
    statuses: tuple[Status, ...]
    problems: tuple[Problem, ...]


def parts(layout: Layout, parsed: Parsed, language: str | None) -> tuple[Part, ...]:
    """The PO files of `language` (the templates for None) and what each translates."""
    content = Part(layout.content_po(language), yaml_texts(parsed, str(layout.source)))
    pages = tuple(t for page in layout.pages() for t in page_texts(page, str(page)))
    return (content, Part(layout.pages_po(language), pages)) if pages else (content,)


Preflight = Callable[[Standard, str], None]
"""A check of one language's finished model (standard, language) that raises InvalidSource
(the build's font check)."""


def translation_report(layout: Layout, parsed: Parsed,
                       preflight: Preflight | None = None) -> Report:
    """Status and problems of every language; `preflight` also runs on each language's
    edition, its problems moved to the PO line of the translation that causes them."""
    statuses: list[Status] = []
    problems: list[Problem] = []
    for language in layout.languages():
        if not is_known(language):
            problems.append(Problem(str(layout.content_po(language)), 1, "",
                                    f"ukjent språkkode «{language}»",
                                    "gi filen navn etter språkkoden, f.eks. nn.po, en.po, pl.po"))
            continue
        if language not in ui_languages():
            problems.append(Problem(
                str(layout.content_po(language)), 1, "",
                f"ingen katalog over ordene i koden på {language_name(language)} ({language}): "
                "ord som «Skole» og «Dato» i skjemaene vises på bokmål",
                f"legg til {catalogue_path(language)} (se TRANSLATING.md)",
                Severity.WARNING))
        statuses.append(_language(layout, parsed, language, preflight, problems))
    return Report(tuple(statuses), tuple(problems))


def _language(layout: Layout, parsed: Parsed, language: str, preflight: Preflight | None,
              problems: list[Problem]) -> Status:
    counts = [0, 0, 0, 0]
    for i, part in enumerate(parts(layout, parsed, language)):
        merged = _merged(part, language, problems)
        if merged is None:
            continue
        if i == 0 and (foreign := _foreign(merged, part, parsed)) is not None:
            problems.append(foreign)
            return Status(language, 0, 0, 0, len(part.texts))
        for j, n in enumerate(_count(merged.catalog)):
            counts[j] += n
        problems.extend(_text_problems(merged.catalog, part, language))
        problems.extend(_dropped(merged, part))
        if i == 0 and preflight is not None:
            problems.extend(edition_problems(parsed, str(layout.source), language,
                                             po.read(part.path), preflight, str(part.path)))
    return Status(language, *counts)


def update(layout: Layout, parsed: Parsed, new: tuple[str, ...] = ()) -> dict[Path, po.Merged]:
    """Every language's PO files brought up to date (and `new` languages started), and the
    templates (POT) Weblate and `msginit` start a new language from.

    Raises InvalidSource when a PO file cannot be read: nothing is written then.
    """
    title = parsed.data["standard"]["title"]
    result: dict[Path, po.Merged] = {}
    for part in parts(layout, parsed, None):
        old_date = po.read(part.path).creation_date if part.path.exists() else None
        result[part.path] = po.Merged(po.template(part.texts, title, old_date), (), ())
    problems: list[Problem] = []
    for language in sorted({*layout.languages(), *new}):
        for part in parts(layout, parsed, language):
            if not part.path.exists():
                result[part.path] = po.merge(po.new_catalog(language, title), part.texts)
            elif (merged := _merged(part, language, problems)) is not None:
                result[part.path] = merged
    if problems:
        raise InvalidSource(problems)
    return result


def _merged(part: Part, language: str, problems: list[Problem]) -> po.Merged | None:
    if not part.path.exists():
        return po.merge(po.new_catalog(language, ""), part.texts)
    try:
        return po.merge(po.read(part.path), part.texts)
    except PoFileError as exc:
        problems.append(Problem(str(part.path), exc.lineno + 1, "",
                                f"ugyldig PO-fil: kan ikke lese «{exc.line.strip()}»",
                                "åpne filen i Poedit eller en annen PO-editor, som viser feilen"))
    except UnicodeDecodeError:
        problems.append(Problem(str(part.path), 1, "", "filen er ikke lagret som UTF-8",
                                "lagre filen som UTF-8"))
    return None


def _foreign(merged: po.Merged, part: Part, parsed: Parsed) -> Problem | None:
    """One problem, not hundreds, when a translation of another standard lies beside the
    source (a municipality that copied the project and replaced the YAML): it names another
    standard in its header and most of what it translates is not in this source."""
    project = (merged.catalog.project or "").strip()
    title = str(parsed.data["standard"]["title"]).strip()
    kept = sum(1 for m in merged.catalog if m.id)
    if not project or project == title or len(merged.dropped) <= kept:
        return None
    return Problem(str(part.path), 1, "",
                   f"oversettelsen gjelder «{project}», ikke «{title}»: "
                   f"{len(merged.dropped)} av tekstene den oversetter finnes ikke i kilden",
                   f"flytt {part.path.parent} bort (eller slett filene) og start nye "
                   "oversettelser med `stavangerstandarden oversett`")


def _count(catalog: Catalog) -> tuple[int, int, int, int]:
    messages = [m for m in catalog if m.id]
    translated = [m for m in messages if po.state(m) == "translated"]
    return (len(translated), sum(po.is_reviewed(m) for m in translated),
            sum(po.state(m) == "outdated" for m in messages),
            sum(po.state(m) == "missing" for m in messages))


def _text_problems(catalog: Catalog, part: Part, language: str) -> Iterator[Problem]:
    for text in part.texts:
        state = po.state(catalog.get(text.source, context=text.context))
        name = f"{language_name(language)} ({language})" if state != "translated" else ""
        if state == "outdated":
            yield Problem(text.file, text.line, text.path,
                          f"oversettelsen til {name} er utdatert: teksten er endret etter at "
                          "den ble oversatt",
                          f"kjør `stavangerstandarden oversett`, rett oversettelsen i "
                          f"{part.path} og fjern merket «fuzzy»", Severity.WARNING)
        elif state == "missing":
            yield Problem(text.file, text.line, text.path,
                          f"mangler oversettelse til {name}",
                          f"kjør `stavangerstandarden oversett` og oversett teksten i "
                          f"{part.path}", Severity.WARNING)


def _dropped(merged: po.Merged, part: Part) -> Iterator[Problem]:
    for message in merged.dropped:
        yield Problem(str(part.path), message.lineno or 1, message.context or "",
                      "oversettelse av en tekst som ikke finnes i kilden",
                      "kjør `stavangerstandarden oversett`, som fjerner den; er id-en "
                      "endret, rett msgctxt i stedet")


def parsed_source(source: Path) -> Parsed:
    """The YAML `check` has already accepted, parsed again for its paths and lines."""
    parsed = parse(source.read_text("utf-8"))
    if parsed is None:
        raise ValueError(f"{source} er tom")
    return parsed
