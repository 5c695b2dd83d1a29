"""Forms and summaries of every kept version, counted against the current one.

A form is read against the model of the version it names (`skjema.versjon`), then its
answers are carried into the current version (`versions.lineage`): a reworded or moved
statement counts under its id; a split one gives its answer to each part; in a merge the
parts' answers on one form count once, as the lowest step answered (the scale lists its
worst step first, and a merged statement is no better than its weakest part); a removed
one keeps its own id and is reported as belonging to its old version. A version this
program does not know is read as before, by id, and refused with a reason when it asks
about statements that do not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import MappingProxyType

from stavangerstandarden import contract as c
from stavangerstandarden.collect.compare import Incomparable, Previous
from stavangerstandarden.collect.form import FormAnswers, interpret
from stavangerstandarden.collect.pdfform import RawForm, Unreadable
from stavangerstandarden.collect.reasons import Reason, joined
from stavangerstandarden.model import Standard
from stavangerstandarden.versions.history import History
from stavangerstandarden.versions.lineage import Lineage, Retired, lineage
from stavangerstandarden.words import N_

NEW_SINCE = N_("nytt etter versjon {version}; kan ikke sammenlignes")
REPLACES = N_("erstatter {ids} fra versjon {version}; kan ikke sammenlignes")
UNKNOWN_PREVIOUS = N_("det forrige sammendraget er fra versjon {version}, som er ukjent her; "
                      "sammenlignet etter id")


def read_form(raw: RawForm, standard: Standard, history: History) -> FormAnswers:
    """The form's answers by the current version's ids (and removed ones by their own);
    raises Unreadable with the reason."""
    version = raw.texts.get(c.identity_field("versjon")) or ""
    older = history.find(version) if version != standard.meta.version else None
    if older is None:
        try:
            return interpret(raw, standard)
        except Unreadable as exc:
            same = raw.texts.get(c.identity_field("standard")) == standard.meta.id
            if same and version and version != standard.meta.version and history.kept:
                raise Unreadable(Reason(N_("{reason} (versjon {version} er ikke kjent her; "
                                           "kjente versjoner: {known})"),
                                        reason=Reason.of(exc.reason), version=version[:20],
                                        known=", ".join(history.names))) from None
            raise
    answers = interpret(raw, older)
    lin = lineage(older, history)
    carried = _carry(answers.answers, lin, standard)
    if answers.area and answers.area not in {a.id for a in standard.areas}:
        raise Unreadable(Reason(N_("skjemaet gjelder området «{area}» fra versjon {version}, "
                                   "som ikke finnes i versjon {current}; tell det for hånd"),
                                area=answers.area, version=version,
                                current=standard.meta.version))
    if answers.level not in {lv.id for lv in standard.levels}:
        raise Unreadable(Reason(N_("skjemaet gjelder nivået «{level}» fra versjon {version}, "
                                   "som ikke finnes i versjon {current}; tell det for hånd"),
                                level=answers.level, version=version,
                                current=standard.meta.version))
    note = joined(_note(answers.answers, lin), answers.note)
    return replace(answers, answers=carried, note=note)


def _carry(answers: dict[str, str | None], lin: Lineage,
           standard: Standard) -> dict[str, str | None]:
    rank = {step.id: i for i, step in enumerate(standard.scale)}
    gathered: dict[str, list[str | None]] = {}
    for old_id, value in answers.items():
        if value is not None and value not in rank:
            raise Unreadable(Reason(N_("svaret «{value}» på utsagn {name} finnes ikke i "
                                       "skalaen i versjon {current}; tell skjemaet for hånd"),
                                    value=value, name=old_id, current=standard.meta.version))
        for new_id in lin.targets.get(old_id, ()):
            gathered.setdefault(new_id, []).append(value)
    carried = {s.id: _lowest(gathered[s.id], rank) for s in standard.statements
               if s.id in gathered}
    retired = {r.statement.id for r in lin.retired}
    carried.update({i: v for i, v in answers.items() if i in retired})
    return carried


def _lowest(values: list[str | None], rank: dict[str, int]) -> str | None:
    answered = [v for v in values if v is not None]
    return min(answered, key=rank.__getitem__) if answered else None


def _note(answers: dict[str, str | None], lin: Lineage) -> str:
    old, now = lin.old.meta.version, lin.current.meta.version
    parts: list[str] = [Reason(N_("skjema fra versjon {old}, talt etter versjon {now}"),
                               old=old, now=now)]
    replaced = [Reason(N_("{old} er talt under {new}"), old=i, new=_and(lin.targets[i]))
                for i in answers if lin.replaced(i)]
    if replaced:
        parts.append(Reason(", ".join(f"{{r{n}}}" for n in range(len(replaced))),
                            **{f"r{n}": r for n, r in enumerate(replaced)}))
    retired = [r.statement.id for r in lin.retired if r.statement.id in answers]
    if retired:
        parts.append(Reason(N_("{ids} finnes ikke i versjon {now} og er talt for seg, under "
                               "versjon {old}"), ids=", ".join(retired), now=now, old=old))
    return joined(*parts)


def _and(ids: Sequence[str]) -> Reason:
    """«a og b», with the reader's word for «og»."""
    return Reason("{og}".join(f"{{i{n}}}" for n in range(len(ids))),
                  og=Reason(N_(" og ")), **{f"i{n}": i for n, i in enumerate(ids)})


def retired_in(versions: Iterable[str], history: History) -> tuple[Retired, ...]:
    """The removed statements of the given form versions, each id once (oldest first)."""
    found: dict[str, Retired] = {}
    for version in sorted(set(versions) - {history.current.meta.version}):
        older = history.find(version)
        for r in lineage(older, history).retired if older else ():
            found.setdefault(r.statement.id, r)
    return tuple(found.values())


def aligned(previous: Previous, history: History) -> Previous:
    """`previous` with its counts keyed and kept as the current version's rows can use them:
    by id for statements that are the same (reworded or moved), none for statements that
    are new since, or that replace others (their rows say why)."""
    current = history.current
    older = history.find(previous.version) if previous.version else None
    if previous.version in ("", current.meta.version):
        return previous
    if older is None:
        return replace(previous, notes=MappingProxyType(
            {"": Incomparable(UNKNOWN_PREVIOUS, previous.version[:20])}))
    lin = lineage(older, history)
    counts = {}
    notes: dict[str, Incomparable] = {}
    sources = _sources(lin)
    for statement in current.statements:
        came_from = sources.get(statement.id, ())
        if came_from == (statement.id,):
            counts[statement.id] = previous.counts.get(statement.id, {})
        elif came_from:
            notes[statement.id] = Incomparable(REPLACES, older.meta.version, ", ".join(came_from))
        else:
            notes[statement.id] = Incomparable(NEW_SINCE, older.meta.version)
    return replace(previous, counts=counts, notes=MappingProxyType(notes))


def _sources(lin: Lineage) -> dict[str, tuple[str, ...]]:
    """Current id → the old ids whose answers it carries."""
    found: dict[str, list[str]] = {}
    for old_id, targets in lin.targets.items():
        for new_id in targets:
            found.setdefault(new_id, []).append(old_id)
    return {k: tuple(v) for k, v in found.items()}
