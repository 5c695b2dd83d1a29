"""The Python the Sammendrag page runs under Pyodide, as one ZIP served by the site: this
package (without the form fonts) and the pure-Python libraries `collect` imports, copied
from the environment the build runs in — so the browser runs the very code and versions the
command line runs. Compiled extensions are left out: each of these libraries falls back to
pure Python (MarkupSafe's escaping, PyYAML's parser). Babel keeps only the locale data of
the site's languages and their parents (the rest is 30 MB).

The standard inside is the one the site was built from (its YAML and the translation of the
page's language, under `stavangerstandarden/standards/`), not the package's own: another
municipality's site reads its own forms.

The ZIP is byte-for-byte the same for the same inputs (fixed times, sorted entries), so a
build that changes nothing changes no file.
"""

from __future__ import annotations

import importlib.util
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

from babel.core import get_global

PACKAGE = "stavangerstandarden"
LIBRARIES = ("pypdf", "jinja2", "markupsafe", "yaml", "babel")
"""What `collect` imports at run time beyond the standard library (pikepdf, jsonschema and
the form font are not needed: the browser reads with pypdf and builds the model of a source
the build has checked)."""
STANDARDS = f"{PACKAGE}/standards/"
LEFT_OUT = (".so", ".pyd", ".pyc", ".pyi", ".ttf", ".otf", ".c", ".h")
LOCALE_DATA = "locale-data"
_TIME = (2000, 1, 1, 0, 0, 0)


def python_bundle(standard_files: Mapping[str, bytes], languages: frozenset[str]) -> bytes:
    """The ZIP to unpack into Pyodide's site-packages: the code, and `standard_files` (path
    under standards/ → bytes) as the one standard shipped."""
    out = io.BytesIO(_code_bundle(languages))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for name, data in sorted(standard_files.items()):
            _add(bundle, STANDARDS + name, data)
    return out.getvalue()


@cache
def _code_bundle(languages: frozenset[str]) -> bytes:
    """The code part, made once a process (the preview rebuilds the site on every save)."""
    keep = locale_chain(languages)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for name in (PACKAGE, *LIBRARIES):
            folder = _folder(name)
            for path in sorted(_files(folder)):
                relative = path.relative_to(folder.parent).as_posix()
                if _wanted(relative, keep):
                    _add(bundle, relative, path.read_bytes())
    return out.getvalue()


def _add(bundle: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, _TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    bundle.writestr(info, data)


def locale_chain(languages: Iterable[str]) -> set[str]:
    """The Babel locales `languages` need: each with its parents up to `root` (nb and nn
    inherit from no), and English, in which Babel writes a catalogue's dates when it reads
    one."""
    parents = get_global("parent_exceptions")
    needed = {"root"}
    for language in (*languages, "en"):
        locale: str | None = language
        while locale and locale != "root":
            needed.add(locale)
            locale = parents.get(locale) or (locale.rsplit("_", 1)[0] if "_" in locale
                                             else None)
    return needed


def _folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed; the summary page needs it")
    return Path(next(iter(spec.submodule_search_locations)))


def _files(folder: Path) -> Iterator[Path]:
    """Every file below `folder`, following links (`standards/` links to framework/)."""
    for root, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            yield Path(root) / name


def _wanted(relative: str, locales: set[str]) -> bool:
    if relative.endswith(LEFT_OUT) or "/tests/" in relative or relative.startswith(STANDARDS):
        return False
    parts = relative.split("/")
    if len(parts) == 3 and parts[:2] == ["babel", LOCALE_DATA]:
        return parts[2].removesuffix(".dat") in locales
    return True
