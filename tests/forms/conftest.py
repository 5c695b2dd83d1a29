"""Fixtures for the form tests: the real source, its 77 forms rendered once per session
(through `form_files`, exactly as the build does), and the real engines that read them."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from standards import STAVANGER
from tools import need, need_path

from stavangerstandarden import contract as c
from stavangerstandarden.forms import form_files, render_form
from stavangerstandarden.forms.content import localized
from stavangerstandarden.formspec import FormSpec, form_specs, manifest_json
from stavangerstandarden.i18n.edition import Edition
from stavangerstandarden.i18n.editions import translated_editions
from stavangerstandarden.model import Standard
from stavangerstandarden.published import built_zip

ROOT = Path(__file__).resolve().parents[2]
SOURCE = STAVANGER
PDFJS = ROOT / "tests" / "js" / "pdfjs_form.mjs"


@pytest.fixture(scope="session")
def qpdf() -> str:
    return need("qpdf")


@pytest.fixture(scope="session")
def files(standard: Standard) -> dict[str, bytes]:
    """Every form, the ZIP and the manifest, as the build gets them."""
    return form_files(standard).files()


@pytest.fixture(scope="session")
def editions(standard: Standard) -> dict[str, Edition]:
    """Every language the source ships a translation for."""
    return {e.language: e for e in translated_editions(standard)}


class _LanguageForms(Mapping[str, bytes]):
    """One language's form files under the paths `form_files` gives them, each made when a
    test first reads it: a test of three forms renders three, not 77. A PDF is what
    `form_files` renders (`render_form` of the edition's spec), the manifest its
    `manifest_json`; the ZIP, which needs every PDF, comes from `form_files` itself."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.specs = {s.file: s for s in form_specs(edition.standard,
                                                    localized(edition.language))}
        self.paths = (*self.specs,
                      *([c.zip_file(edition.standard)] if built_zip(edition.language) else []),
                      c.MANIFEST)
        self.made: dict[str, bytes] = {}

    def __getitem__(self, path: str) -> bytes:
        if path not in self.made:
            standard = self.edition.standard
            if path in self.specs:
                self.made[path] = render_form(standard, self.specs[path], self.edition)
            elif path == c.MANIFEST:
                self.made[path] = manifest_json(standard, tuple(self.specs.values())).encode()
            elif path in self.paths:
                self.made.update(form_files(standard, None, self.edition).files())
            else:
                raise KeyError(path)
        return self.made[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


@pytest.fixture(scope="session")
def lang_files(editions: dict[str, Edition]) -> dict[str, Mapping[str, bytes]]:
    """Every language's form files (the same paths as bokmål's), each rendered once, when
    first asked for."""
    return {language: _LanguageForms(e) for language, e in editions.items()}


@pytest.fixture(scope="session")
def form_dir(files: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The forms written to disk, for the programs that read files."""
    root = tmp_path_factory.mktemp("site")
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


@pytest.fixture(scope="session")
def sample(specs: tuple[FormSpec, ...]) -> dict[str, FormSpec]:
    """Forms the slower engine tests open: the first area form, the first area form whose
    text differs by level (e.g. with an SFO sentence), and the complete form of that level."""
    varied = next(s for s in specs if s.area
                  and any(s0.text != text for _, pairs in s.statements for s0, text in pairs))
    complete = next(s for s in specs if s.area is None and s.level == varied.level)
    return {"area": specs[0], "varied": varied, "complete": complete}


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def pdfjs() -> Run:
    """tests/js/pdfjs_form.mjs run by node, with these arguments."""
    node = need("node")
    need_path(ROOT / "node_modules" / "pdfjs-dist", "pdfjs-dist (npm ci)")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([node, str(PDFJS), *args], capture_output=True, text=True,
                              check=False, cwd=ROOT, timeout=120)
    return run


@pytest.fixture(scope="session")
def pdfjs_list(pdfjs: Run) -> Callable[[Path], dict[str, Any]]:
    """Mozilla pdf.js's view of a form: {"pages", "fields": [...]}."""
    def run(path: Path) -> dict[str, Any]:
        done = pdfjs("list", str(path))
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)  # type: ignore[no-any-return]
    return run


@pytest.fixture(scope="session")
def pdfjs_fill(pdfjs: Run, tmp_path_factory: pytest.TempPathFactory,
               ) -> Callable[[Path, dict[str, Any]], Path]:
    """Fill a form through pdf.js's annotationStorage and save it as Firefox does."""
    def run(path: Path, values: dict[str, Any]) -> Path:
        work = tmp_path_factory.mktemp("pdfjs")
        (work / "values.json").write_text(json.dumps(values, ensure_ascii=False), "utf-8")
        out = work / f"filled-{path.name}"
        done = pdfjs("fill", str(path), str(out), str(work / "values.json"))
        assert done.returncode == 0, done.stderr
        return out
    return run
