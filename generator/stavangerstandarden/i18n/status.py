"""Translation status for `check`, and the update `oversett` writes.

Both merge each language's PO with the current source in memory, so `check` sees exactly
what `oversett` would write: a changed source is *outdated*, a text without a translation is
*missing*, and a translation of a text the source no longer has is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError

from stavangerstandarden.i18n import catalog as po
from stavangerstandarden.i18n.extract import catalogue_path, ui_languages
from stavangerstandarden.i18n.layout import Layout, is_known, language_name
from stavangerstandarden.i18n.pages import page_texts
from stavangerstandarden.i18n.texts import Text, yaml_texts
from stavangerstandarden.problems import InvalidSource, Problem, Severity
from stavangerstandarden.yamlsource import Parsed, parse
from stavangerstandarden.yamlsource import Path as DocPath


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


@dataclass(frozen=True)
class Sources:
    """What the PO files translate: the source's texts and the pages', the same for every
    language (found once per run)."""

    content: tuple[Text, ...]
    pages: tuple[Text, ...]


def sources(layout: Layout, parsed: Parsed) -> Sources:
    return Sources(yaml_texts(parsed, str(layout.source)),
                   tuple(t for page in layout.pages() for t in page_texts(page, str(page))))


def parts(layout: Layout, texts: Sources, language: str | None) -> tuple[Part, ...]:
    """The PO files of `language` (the templates for None) and what each translates."""
    content = Part(layout.content_po(language), texts.content)
    return ((content, Part(layout.pages_po(language), texts.pages)) if texts.pages
            else (content,))


GlyphCheck = Callable[[str, str, Iterable[tuple[DocPath, str]]], list[Problem]]
"""The form font's check of texts (label, language, (document path, text)): the problems of
those a form or the booklet prints (`glyphs.printed_problems`)."""


def translation_report(layout: Layout, parsed: Parsed,
                       glyphs: GlyphCheck | None = None) -> Report:
    """Status and problems of every language; `glyphs` also checks each language's
    translations, its problems moved to the PO line of the translation that causes them."""
    statuses: list[Status] = []
    problems: list[Problem] = []
    texts = sources(layout, parsed)
    with_words = ui_languages()
    for language in layout.languages():
        if not is_known(language):
            problems.append(Problem(str(layout.content_po(language)), 1, "",
                                    f"ukjent språkkode «{language}»",
                                    "gi filen navn etter språkkoden, f.eks. nn.po, en.po, pl.po"))
            continue
        if language not in with_words:
            problems.append(Problem(
                str(layout.content_po(language)), 1, "",
                f"ingen katalog over ordene i koden på {language_name(language)} ({language}): "
                "ord som «Skole» og «Dato» i skjemaene vises på bokmål",
                f"legg til {catalogue_path(language)} (se TRANSLATING.md)",
                Severity.WARNING))
        statuses.append(_language(layout, parsed, texts, language, glyphs, problems))
    return Report(tuple(statuses), tuple(problems))


def _language(layout: Layout, parsed: Parsed, texts: Sources, language: str,
              glyphs: GlyphCheck | None, problems: list[Problem]) -> Status:
    counts = [0, 0, 0, 0]
    for i, part in enumerate(parts(layout, texts, language)):
        read = _read(part, language, problems)
        if read is None:
            continue
        old, merged = read
        if i == 0 and (foreign := _foreign(merged, part, parsed)) is not None:
            problems.append(foreign)
            return Status(language, 0, 0, 0, len(part.texts))
        for j, n in enumerate(_count(merged.catalog)):
            counts[j] += n
        problems.extend(_text_problems(merged.catalog, part, language))
        problems.extend(_dropped(merged, part))
        if i == 0 and glyphs is not None:
            problems.extend(_unprintable(old, merged.catalog, part, language, glyphs))
    return Status(language, *counts)


def _unprintable(old: Catalog, merged: Catalog, part: Part, language: str,
                 glyphs: GlyphCheck) -> Iterator[Problem]:
    """What `glyphs` finds in the translations (outdated ones too, as the edition shows them),
    at the PO line of the translation that causes it."""
    translated: dict[str, tuple[Text, str]] = {}
    for text in part.texts:
        message = merged.get(text.source, context=text.context)
        if message is not None and po.state(message) != "missing":
            translated[text.path] = (text, str(message.string))
    found = glyphs(str(part.path), language, ((t.at, s) for t, s in translated.values()))
    for problem in found:
        text = translated[problem.path][0]
        message = old.get(text.source, context=text.context)
        if message is not None and message.string:
            yield replace(problem, line=message.lineno or 1, path=message.context or "",
                          message=f"i oversettelsen til {language_name(language)}: "
                                  f"{problem.message}")


def update(layout: Layout, parsed: Parsed, new: tuple[str, ...] = ()) -> dict[Path, po.Merged]:
    """Every language's PO files brought up to date (and `new` languages started), and the
    templates (POT) Weblate and `msginit` start a new language from.

    Raises InvalidSource when a PO file cannot be read: nothing is written then.
    """
    title = parsed.data["standard"]["title"]
    result: dict[Path, po.Merged] = {}
    texts = sources(layout, parsed)
    for part in parts(layout, texts, None):
        old_date = po.read(part.path).creation_date if part.path.exists() else None
        result[part.path] = po.Merged(po.template(part.texts, title, old_date), (), ())
    problems: list[Problem] = []
    for language in sorted({*layout.languages(), *new}):
        for part in parts(layout, texts, language):
            if not part.path.exists():
                result[part.path] = po.merge(po.new_catalog(language, title), part.texts)
            elif (merged := _merged(part, language, problems)) is not None:
                result[part.path] = merged
    if problems:
        raise InvalidSource(problems)
    return result


def _merged(part: Part, language: str, problems: list[Problem]) -> po.Merged | None:
    read = _read(part, language, problems)
    return None if read is None else read[1]


def _read(part: Part, language: str,
          problems: list[Problem]) -> tuple[Catalog, po.Merged] | None:
    """The PO file as it is and merged with the source: read once for both."""
    try:
        old = (po.read(part.path) if part.path.exists()
               else po.new_catalog(language, ""))
        return old, po.merge(old, part.texts)
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
    states = [(m, po.state(m)) for m in catalog if m.id]
    translated = [m for m, state in states if state == "translated"]
    found = [state for _, state in states]
    return (len(translated), sum(po.is_reviewed(m) for m in translated),
            found.count("outdated"), found.count("missing"))


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
    """The YAML of a source loaded elsewhere (a model carries no parse tree), parsed again
    for its paths and lines; `check` hands on its own (`Checked.parsed`)."""
    parsed = parse(source.read_text("utf-8"))
    if parsed is None:
        raise ValueError(f"{source} er tom")
    return parsed
