"""A form's raw field values → its answers, checked against the standard they claim to be from.

A form identifies itself by its hidden fields (`skjema.standard`, `skjema.versjon`,
`skjema.omrade`, `skjema.niva`, `skjema.sprak`; forms made before `sprak` are bokmål); the
same field names and export values in every language, so forms in every language count
together. Answers are matched to statements by statement id, so a form
from an older version still counts when every statement it asks about still exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stavangerstandarden import contract as c
from stavangerstandarden.collect import limits
from stavangerstandarden.collect.pdfform import RawForm, Unreadable
from stavangerstandarden.collect.reasons import Reason, joined
from stavangerstandarden.i18n.layout import SOURCE_LANGUAGE
from stavangerstandarden.model import Standard
from stavangerstandarden.words import N_

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?")
"""A language code as `skjema.sprak` holds it (nb, nn, en, pl, sr_Latn, …)."""


@dataclass(frozen=True)
class Action:
    row: int
    parts: dict[str, str]
    """Text per action part (`tiltak`, `ansvarlig`, `frist`), empty when left blank."""


@dataclass(frozen=True)
class FormAnswers:
    version: str
    area: str
    """Area id, or "" for the complete form with every area."""
    level: str
    answers: dict[str, str | None]
    """Statement id → scale id, or None when left unanswered; in the standard's order."""
    actions: tuple[Action, ...]
    meta: dict[str, str]
    """Header fields by part (`skole`, `klasse`, …)."""
    note: str
    """Norwegian remark for the file list, e.g. that the form is from an older version."""
    language: str = SOURCE_LANGUAGE
    """The form's language (`skjema.sprak`); bokmål for forms made before it existed."""


def interpret(raw: RawForm, standard: Standard) -> FormAnswers:
    """The answers of a form of `standard`; raises Unreadable with the reason otherwise."""
    if not raw.texts and not raw.choices:
        raise Unreadable(N_("PDF-filen har ingen skjemafelt og viser ingen skannede sider: "
                            "den er ikke et skjema"))
    ident = {part: raw.texts.get(c.identity_field(part)) for part, _ in c.IDENTITY_FIELDS}
    version, area, level = ident["versjon"] or "", ident["omrade"] or "", ident["niva"] or ""
    _check_identity(ident["standard"], standard)
    answers = _answers(raw, standard, version)
    if area and area not in {a.id for a in standard.areas}:
        raise Unreadable(Reason(N_("skjemaet gjelder et område som ikke finnes i standarden: "
                                   "«{area}»"), area=area))
    if level not in {lv.id for lv in standard.levels}:
        raise Unreadable(Reason(N_("skjemaet gjelder et nivå som ikke finnes i standarden: "
                                   "«{level}»"), level=level))
    language = ident["sprak"] or SOURCE_LANGUAGE
    if not _LANGUAGE.fullmatch(language):
        raise Unreadable(Reason(N_("skjemaet oppgir et ukjent språk: «{language}»"),
                                language=language[:20]))
    return FormAnswers(version, area, level, answers, _actions(raw), _meta(raw),
                       _note(raw, version, standard), language)


def _meta(raw: RawForm) -> dict[str, str]:
    """The header fields; each is repeated on every row of svar.csv, so each is short."""
    meta = {part: raw.texts.get(c.meta_field(part), "") for part, _ in c.META_FIELDS}
    for part, value in meta.items():
        if len(value) > limits.MAX_META_CHARS:
            raise Unreadable(limits.over_limit(
                Reason(N_("tegn i feltet {name}"), name=c.meta_field(part)),
                limits.MAX_META_CHARS))
    return meta


def _note(raw: RawForm, version: str, standard: Standard) -> str:
    older = (Reason(N_("skjema fra versjon {version}; alle utsagnene finnes også i versjon "
                       "{current} og er talt med"), version=version, current=standard.meta.version)
             if version != standard.meta.version else "")
    repaired = (N_("PDF-filen hadde feil som ble rettet under lesingen; se gjerne over svarene "
                   "i skjemaet") if raw.repaired else "")
    return joined(older, repaired)


def _check_identity(form_standard: str | None, standard: Standard) -> None:
    if form_standard is None:
        raise Unreadable(Reason(N_("PDF-filen er ikke et egenvurderingsskjema fra {title} (den "
                                   "mangler skjemaets skjulte kjennetegn)"),
                                title=standard.meta.title))
    if form_standard != standard.meta.id:
        raise Unreadable(Reason(N_("skjemaet hører til en annen standard («{other}»), ikke "
                                   "{title}"), other=form_standard, title=standard.meta.title))


def _answers(raw: RawForm, standard: Standard, version: str) -> dict[str, str | None]:
    asked = {name: value for name, value in raw.choices.items() if _kind(name) == "statement"}
    known = {s.id for s in standard.statements}
    unknown = sorted(set(asked) - known)
    if unknown:
        listed = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        if version != standard.meta.version:
            raise Unreadable(Reason(N_("skjemaet er fra versjon {version} av standarden og har "
                                       "{count} utsagn som ikke finnes i versjon {current} "
                                       "({listed}); fyll ut et nytt skjema"),
                                    version=version or Reason(N_("(ukjent)")),
                                    count=len(unknown), current=standard.meta.version,
                                    listed=listed))
        raise Unreadable(Reason(N_("skjemaet har utsagn som ikke finnes i standarden "
                                   "({listed})"), listed=listed))
    scale = {step.id for step in standard.scale}
    for name, value in asked.items():
        if value is not None and value not in scale:
            raise Unreadable(Reason(N_("ukjent svar «{value}» på utsagn {name}; forventet ett "
                                       "av {expected}"), value=value, name=name,
                                    expected=", ".join(step.id for step in standard.scale)))
    return {s.id: asked[s.id] for s in standard.statements if s.id in asked}


def _actions(raw: RawForm) -> tuple[Action, ...]:
    rows: dict[int, dict[str, str]] = {}
    for name, value in raw.texts.items():
        field = c.parse_field(name)
        if field is not None and field.row is not None:
            rows.setdefault(field.row, {})[field.part] = value
    return tuple(Action(n, {part: rows[n].get(part, "") for part, _ in c.ACTION_PARTS})
                 for n in sorted(rows) if any(rows[n].values()))


def _kind(name: str) -> c.FieldKind | None:
    field = c.parse_field(name)
    return field.kind if field else None
