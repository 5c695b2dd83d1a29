"""Command line: a thin adapter that parses arguments, calls the library, prints, exits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from stavangerstandarden import engines, i18n
from stavangerstandarden.loader import Checked
from stavangerstandarden.problems import InvalidSource, Problem, Severity

DEFAULT_SOURCE = Path("framework/stavangerstandarden.yaml")


_ARGPARSE_WORDS = (
    ("the following arguments are required", "disse argumentene mangler"),
    ("unrecognized arguments", "ukjente argumenter"),
    ("invalid choice", "ugyldig valg"),
    ("choose from", "velg blant"),
    ("expected one argument", "forventet én verdi"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with its error messages in Norwegian; usage errors exit 2."""

    def error(self, message: str) -> NoReturn:
        for english, norwegian in _ARGPARSE_WORDS:
            message = message.replace(english, norwegian)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {message}\n")


class _NorwegianHelp(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "bruk: " if prefix is None else prefix)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="stavangerstandarden",
                     description="Bygg og kontroller Stavangerstandarden fra YAML-kilden.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO",
                                parser_class=_Parser)
    for name, command in COMMANDS.items():
        own_help: dict[str, Any] = ({"add_help": False, "formatter_class": _NorwegianHelp,
                                     "description": command.description}
                                    if command.description else {})
        command.options(sub.add_parser(name, help=command.help, **own_help))
    args = parser.parse_args(argv)
    return COMMANDS[args.command].run(args)


@dataclass(frozen=True)
class _Command:
    """One subcommand: its line in the help, its options and what runs it. The runner imports
    what it needs itself, so a command loads only its own part of the package."""

    help: str
    options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    description: str | None = None
    """A command with a description writes its own help (`-h`) in Norwegian."""


def _source_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, metavar="FIL")


def _check_options(parser: argparse.ArgumentParser) -> None:
    _source_option(parser)
    parser.add_argument("--project", type=Path, default=Path(), metavar="MAPPE",
                        help="mappen med docs/ (standard: denne)")


def _translate_options(parser: argparse.ArgumentParser) -> None:
    _check_options(parser)
    parser.add_argument("--nytt-sprak", action="append", default=[], metavar="KODE",
                        help="begynn på et nytt språk, f.eks. pl")
    parser.add_argument("--kodeord", action="store_true",
                        help="oppdater også katalogene over ordene i koden (locales/)")


def _build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="FIL")
    parser.add_argument("--project", type=Path, default=Path(), metavar="MAPPE",
                        help="mappen med mkdocs.yml og docs/ (standard: denne)")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), metavar="MAPPE")
    _site_options(parser)


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="FIL")
    parser.add_argument("--project", type=Path, default=Path(), metavar="MAPPE")
    parser.add_argument("--site-dir", type=Path, default=Path("site"), metavar="MAPPE")
    parser.add_argument("--port", type=int, default=8000, metavar="PORT")
    _site_options(parser)


def _serve(args: argparse.Namespace) -> int:
    from stavangerstandarden.live import serve

    return serve(args.source, args.project, args.site_dir, port=args.port,
                 engine=args.engine, site_url=args.site_url)


def _collect(args: argparse.Namespace) -> int:
    from stavangerstandarden.collect import command as collect

    return collect.run(args.paths, args.out, args.source, args.sammenlign, args.med_navn,
                       args.sprak)


def _overview(args: argparse.Namespace) -> int:
    from stavangerstandarden.overview import command as overview

    return overview.run(args.paths, args.out, args.source, args.sammenlign, args.sprak)


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=engines.NAMES, default=engines.DEFAULT,
                        help=f"programmet som lager nettstedet (standard: {engines.DEFAULT})")
    parser.add_argument("--site-url", metavar="URL",
                        help="nettstedets offentlige adresse (overstyrer standard.site_url)")


def _collect_options(p: argparse.ArgumentParser) -> None:
    p._positionals.title, p._optionals.title = "argumenter", "valg"
    p.add_argument("-h", "--help", action="help", help="vis denne hjelpen og avslutt")
    p.add_argument("paths", nargs="+", type=Path, metavar="STI",
                   help="utfylte skjema (PDF) eller mapper med dem; i mapper leses alle "
                        "PDF-filer, og andre filer listes som ikke talt med")
    p.add_argument("--out", type=Path, required=True, metavar="MAPPE",
                   help="mappen sammendraget skrives til (lages om den ikke finnes)")
    p.add_argument("--sammenlign", type=Path, metavar="FORRIGE/sammendrag.json",
                   help="et tidligere sammendrag (f.eks. fjorårets) å sammenligne med")
    p.add_argument("--source", type=Path, metavar="FIL",
                   help="standarden som YAML-fil (standard: den skjemaene hører til, som "
                        "følger med programmet)")
    p.add_argument("--sprak", default="nb", metavar="KODE",
                   help="språket rapporten skrives på: nb (standard), nn eller en; skjema på "
                        "alle språk telles sammen")
    p.add_argument("--med-navn", action="store_true",
                   help="vis navnene fra «Utfylt av» i rapport.html (standard: skjult; "
                        "aldri i rapport-til-deling.html; sammendrag.json og svar.csv har "
                        "dem alltid)")


def _overview_options(p: argparse.ArgumentParser) -> None:
    p._positionals.title, p._optionals.title = "argumenter", "valg"
    p.add_argument("-h", "--help", action="help", help="vis denne hjelpen og avslutt")
    p.add_argument("paths", nargs="+", type=Path, metavar="SAMMENDRAG",
                   help="skolenes til-kommunen.json eller sammendrag.json")
    p.add_argument("--out", type=Path, required=True, metavar="MAPPE",
                   help="mappen kommune.json, kommune.csv og rapport.html skrives til")
    p.add_argument("--sammenlign", type=Path, metavar="FJOR/kommune.json",
                   help="fjorårets kommune.json å sammenligne med")
    p.add_argument("--source", type=Path, metavar="FIL", help="standarden som YAML-fil")
    p.add_argument("--sprak", default="nb", metavar="KODE",
                   help="språket rapporten skrives på: nb (standard), nn eller en")


COMMANDS: dict[str, _Command] = {
    "check": _Command("kontroller kilden og vis alle feil og advarsler", _check_options,
                      lambda a: _check(a.source, a.project)),
    "frys": _Command("ta vare på versjonen i kilden som en fryst versjon i versjoner/, for "
                     "endringsloggen og eldre skjema", _source_option,
                     lambda a: _freeze(a.source)),
    "oversett": _Command("oppdater oversettelsesfilene etter kilden", _translate_options,
                         lambda a: _translate(a.source, a.project, tuple(a.nytt_sprak),
                                              a.kodeord)),
    "build": _Command("kontroller kilden og bygg nettstedet i site/", _build_options,
                      lambda a: _build(a.source, a.project, a.site_dir, a.engine, a.site_url)),
    "serve": _Command("forhåndsvis nettstedet og bygg på nytt ved endringer", _serve_options,
                      _serve),
    "collect": _Command(
        "les utfylte skjema og lag sammendrag og rapport", _collect_options, _collect,
        "Les utfylte skjema (PDF) og skriv sammendrag.json, svar.csv, rapport.html (til deg "
        "som leder, med alle tall) og rapport-til-deling.html (skjuler fordelingen der få har "
        "svart, og navn) og til-kommunen.json (det skolen sender kommunen, uten navn). Kan "
        "kjøres fra hvilken som helst mappe: skjemaene sier selv hvilken standard og versjon "
        "de hører til."),
    "kommune": _Command(
        "lag kommunens oversikt fra skolenes sammendrag", _overview_options, _overview,
        "Legg sammen skolenes sammendrag til kommune.json, kommune.csv og rapport.html. Tall "
        "fra færre enn k svar skjules, og så mange andre at de ikke kan regnes ut; navn og "
        "filstier kommer aldri med."),
}
"""Every command, in the order the help lists them."""


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _checked(source: Path) -> Checked:
    from stavangerstandarden.versions.guard import check_versions

    checked, _ = check_versions(source)
    _report(checked.problems)
    return checked


def _check(source: Path, project: Path) -> int:
    checked = _checked(source)
    errors = checked.errors
    warnings = checked.warnings
    statuses: tuple[i18n.Status, ...] = ()
    if checked.standard is not None and checked.parsed is not None:
        from stavangerstandarden.glyphs import printed_problems

        translations = i18n.translation_report(_layout(source, project), checked.parsed,
                                               printed_problems)
        _report(sorted(translations.problems))
        errors += tuple(p for p in translations.problems if p.severity is Severity.ERROR)
        warnings += tuple(p for p in translations.problems if p.severity is Severity.WARNING)
        statuses = translations.statuses
    if checked.standard is None or errors:
        print(f"{len(errors)} feil i {source}.", file=sys.stderr)
        return 1
    standard = checked.standard
    print(f"{source}: OK ({len(standard.statements)} utsagn i "
          f"{_count(len(standard.areas), 'område', 'områder')}, "
          f"{_count(len(warnings), 'advarsel', 'advarsler')}).")
    for status in statuses:
        print(f"Oversettelse: {status}.")
    return 0


def _layout(source: Path, project: Path) -> i18n.Layout:
    docs = project / "docs"
    return i18n.Layout(source, docs if docs.is_dir() else None)


def _translate(source: Path, project: Path, new: tuple[str, ...],
               code_words: bool = False) -> int:
    unknown = [code for code in new if not i18n.is_known(code)]
    if unknown:
        print(f"ukjent språkkode «{unknown[0]}» (bruk f.eks. nn, en, pl, uk, ar)", file=sys.stderr)
        return 2
    checked = _checked(source)
    if checked.standard is None or checked.parsed is None:
        print(f"{len(checked.errors)} feil i {source}. Ingen filer er endret.", file=sys.stderr)
        return 1
    try:
        updated = i18n.update(_layout(source, project), checked.parsed, new)
    except InvalidSource as exc:
        _report(exc.problems)
        print(f"{len(exc.errors)} feil. Ingen filer er endret.", file=sys.stderr)
        return 1
    for path, merged in updated.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(i18n.dumps(merged.catalog))
        if path.suffix == ".pot":
            print(f"{path}: mal med {len(merged.catalog)} tekster.")
        else:
            print(f"{path}: {len(merged.outdated)} utdatert, {len(merged.dropped)} fjernet.")
    for path, data in (i18n.refreshed() if code_words else {}).items():
        path.write_bytes(data)
        print(f"{path}: oppdatert etter koden.")
    return 0


def _freeze(source: Path) -> int:
    from stavangerstandarden.versions.freeze import CannotFreeze, freeze

    try:
        frozen = freeze(source)
    except InvalidSource as exc:
        _report(exc.problems)
        print(f"{len(exc.errors)} feil i {source}. Ingenting er fryst.", file=sys.stderr)
        return 1
    except CannotFreeze as exc:
        print(f"{exc}\nIngenting er fryst.", file=sys.stderr)
        return 1
    if frozen.new:
        print(f"Fryste versjon {frozen.version} i {frozen.file}. Øk standard.version i "
              f"{source} før neste endring av utsagnene.")
    else:
        print(f"Versjon {frozen.version} er allerede fryst i {frozen.file}, med samme innhold.")
    return 0


def _build(source: Path, project: Path, site_dir: Path, engine: str,
           site_url: str | None) -> int:
    from stavangerstandarden.build import build
    from stavangerstandarden.libraries import LibraryMissing
    from stavangerstandarden.publish import SiteBuildFailed

    try:
        built = build(source, project, site_dir, engine=engine, site_url=site_url)
    except InvalidSource as exc:
        _report(exc.problems)
        print(f"Bygget stoppet: {len(exc.errors)} feil i {source}. {site_dir}/ er ikke endret.",
              file=sys.stderr)
        return 1
    except LibraryMissing as exc:
        print(f"{exc}\nBygget stoppet. {site_dir}/ er ikke endret.", file=sys.stderr)
        return 1
    except SiteBuildFailed as exc:
        print(f"{exc}\nBygget av nettstedet feilet. {site_dir}/ er ikke endret.",
              file=sys.stderr)
        return 1
    _report(built.warnings)
    print(f"Bygget {built.files} filer og nettstedet i {site_dir}/ med {engine}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
