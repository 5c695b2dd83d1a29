"""Command line: a thin adapter that parses arguments, calls the library, prints, exits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from stavangerstandarden.loader import Checked, check_file
from stavangerstandarden.problems import InvalidSource, Problem

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


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="stavangerstandarden",
                     description="Bygg og kontroller Stavangerstandarden fra YAML-kilden.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO",
                                parser_class=_Parser)
    p_check = sub.add_parser("check", help="kontroller kilden og vis alle feil og advarsler")
    p_check.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, metavar="FIL")
    p_build = sub.add_parser("build", help="kontroller kilden og bygg nettstedet i site/")
    p_build.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="FIL")
    p_build.add_argument("--project", type=Path, default=Path(), metavar="MAPPE",
                         help="mappen med mkdocs.yml og docs/ (standard: denne)")
    p_build.add_argument("--site-dir", type=Path, default=Path("site"), metavar="MAPPE")
    _site_options(p_build)
    p_serve = sub.add_parser("serve", help="forhåndsvis nettstedet og bygg på nytt ved endringer")
    p_serve.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="FIL")
    p_serve.add_argument("--project", type=Path, default=Path(), metavar="MAPPE")
    p_serve.add_argument("--site-dir", type=Path, default=Path("site"), metavar="MAPPE")
    p_serve.add_argument("--port", type=int, default=8000, metavar="PORT")
    _site_options(p_serve)
    p_collect = sub.add_parser("collect", help="les utfylte skjema og lag sammendrag og rapport")
    p_collect.add_argument("paths", nargs="+", type=Path, metavar="STI",
                           help="utfylte skjema (PDF) eller mapper med dem")
    p_collect.add_argument("--out", type=Path, required=True, metavar="MAPPE")
    p_collect.add_argument("--sammenlign", type=Path, metavar="FORRIGE/sammendrag.json")
    p_collect.add_argument("--source", type=Path, default=DEFAULT_SOURCE, metavar="FIL")
    args = parser.parse_args(argv)
    if args.command == "collect":
        from stavangerstandarden.collect import command as collect

        return collect.run(args.paths, args.out, args.source, args.sammenlign)
    if args.command == "check":
        return _check(args.source)
    if args.command == "serve":
        from stavangerstandarden.live import serve

        return serve(args.source, args.project, args.site_dir, port=args.port,
                     engine=args.engine, site_url=args.site_url)
    return _build(args.source, args.project, args.site_dir, args.engine, args.site_url)


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                        help="programmet som lager nettstedet (standard: mkdocs)")
    parser.add_argument("--site-url", metavar="URL",
                        help="nettstedets offentlige adresse (overstyrer standard.site_url)")


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _checked(source: Path) -> Checked:
    checked = check_file(source)
    _report(checked.problems)
    return checked


def _check(source: Path) -> int:
    checked = _checked(source)
    errors = checked.errors
    if checked.standard is not None:
        from stavangerstandarden.build import preflight

        try:
            preflight(checked.standard)
        except InvalidSource as exc:
            _report(exc.problems)
            errors = exc.errors
    if checked.standard is None or errors:
        print(f"{len(errors)} feil i {source}.", file=sys.stderr)
        return 1
    standard = checked.standard
    print(f"{source}: OK ({len(standard.statements)} utsagn i "
          f"{_count(len(standard.areas), 'område', 'områder')}, "
          f"{_count(len(checked.warnings), 'advarsel', 'advarsler')}).")
    return 0


def _build(source: Path, project: Path, site_dir: Path, engine: str,
           site_url: str | None) -> int:
    from stavangerstandarden.build import SiteBuildFailed, build

    try:
        built = build(source, project, site_dir, engine=engine, site_url=site_url)
    except InvalidSource as exc:
        _report(exc.problems)
        print(f"Bygget stoppet: {len(exc.errors)} feil i {source}. {site_dir}/ er ikke endret.",
              file=sys.stderr)
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
