"""Fixtures for collect: the real source, and forms built with pypdf after the field contract.

The synthetic forms follow `formspec` exactly (hidden identity fields, `meta.*`, one radio
group per statement with the scale ids as states, `tiltak.<n>.<part>`), so the reader can be
tested — also against the quirks of real viewers — independently of the form renderer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tools
from helpers.fillers import ENGINES, answers_for, pypdf_fill
from pikepdf import FormFieldFlag
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from standards import STAVANGER, picks

from stavangerstandarden.cli import main
from stavangerstandarden.collect.pdfform import ENGINES as ENGINE_MODULES
from stavangerstandarden.collect.pdfform import Engine
from stavangerstandarden.forms import render_form
from stavangerstandarden.formspec import FieldSpec, FormSpec, form_specs
from stavangerstandarden.model import Standard

ROOT = Path(__file__).resolve().parents[2]
RADIO_FLAGS = int(FormFieldFlag.btn_radio | FormFieldFlag.btn_no_toggle_off)
SOURCE = STAVANGER


def spec_for(specs: tuple[FormSpec, ...], area: str | None, level: str) -> FormSpec:
    return next(s for s in specs
                if (s.area.id if s.area else None) == area and s.level.id == level)


def _name(text: str) -> NameObject:
    return NameObject("/" + text)


def _stream(writer: PdfWriter) -> object:
    s = DecodedStreamObject()
    s.set_data(b"q Q")
    s[NameObject("/BBox")] = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(10),
                                          FloatObject(10)])
    return writer._add_object(s)


class FormBuilder:
    """A minimal one-page AcroForm after a FormSpec, with values set directly."""

    def __init__(self, spec: FormSpec, *, numeric_states: bool = False) -> None:
        self.writer = PdfWriter()
        self.page = self.writer.add_blank_page(595, 842)
        self.page[NameObject("/Annots")] = ArrayObject()
        self.fields = ArrayObject()
        self.spec = spec
        self.parents: dict[str, object] = {}
        self.numeric = numeric_states
        self.widgets: dict[str, list[IndirectObject]] = {}
        self.nodes: dict[str, DictionaryObject] = {}
        for f in spec.fields:
            self._add(f)
        self.writer._root_object[NameObject("/AcroForm")] = self.writer._add_object(
            DictionaryObject({NameObject("/Fields"): self.fields}))

    def _widget(self, extra: dict[str, object]) -> tuple[DictionaryObject, IndirectObject]:
        w = DictionaryObject({NameObject("/Type"): NameObject("/Annot"),
                              NameObject("/Subtype"): NameObject("/Widget"),
                              NameObject("/Rect"): ArrayObject([FloatObject(v) for v in
                                                                (10, 10, 20, 20)])})
        w.update({NameObject(k): v for k, v in extra.items()})
        ref = self.writer._add_object(w)
        self.page["/Annots"].append(ref)
        return w, ref

    def _parent(self, prefix: str) -> tuple[ArrayObject, object | None]:
        """Kids array and reference of the (non-terminal) node for a dotted prefix."""
        if not prefix:
            return self.fields, None
        if prefix not in self.parents:
            head, _, last = prefix.rpartition(".")
            kids, ref = self._parent(head)
            node = DictionaryObject({NameObject("/T"): TextStringObject(last),
                                     NameObject("/Kids"): ArrayObject()})
            if ref is not None:
                node[NameObject("/Parent")] = ref
            self.parents[prefix] = self.writer._add_object(node)
            kids.append(self.parents[prefix])
        ref = self.parents[prefix]
        return ref.get_object()["/Kids"], ref

    def _add(self, f: FieldSpec) -> None:
        prefix, _, last = f.name.rpartition(".")
        kids, parent_ref = self._parent(prefix)
        if f.type == "text":
            extra: dict[str, object] = {"/FT": NameObject("/Tx"), "/T": TextStringObject(last),
                                        "/V": TextStringObject(f.value)}
            if f.hidden:
                extra["/F"] = NumberObject(2)
            if parent_ref is not None:
                extra["/Parent"] = parent_ref
            w, ref = self._widget(extra)
            kids.append(ref)
            self.nodes[f.name] = w
            return
        node = DictionaryObject({NameObject("/FT"): NameObject("/Btn"),
                                 NameObject("/T"): TextStringObject(last),
                                 NameObject("/Ff"): NumberObject(RADIO_FLAGS),
                                 NameObject("/Kids"): ArrayObject()})
        if self.numeric:
            node[NameObject("/Opt")] = ArrayObject(TextStringObject(v) for v, _ in f.options)
        node_ref = self.writer._add_object(node)
        kids.append(node_ref)
        self.nodes[f.name] = node
        self.widgets[f.name] = []
        for i, (value, _) in enumerate(f.options):
            state = str(i) if self.numeric else value
            ap = DictionaryObject({NameObject("/N"): DictionaryObject({
                _name(state): _stream(self.writer), NameObject("/Off"): _stream(self.writer)})})
            _, ref = self._widget({"/Parent": node_ref, "/AS": NameObject("/Off"), "/AP": ap})
            node["/Kids"].append(ref)
            self.widgets[f.name].append(ref)

    def choose(self, name: str, value: str, *, as_string: bool = False) -> None:
        """Select a radio button the way most viewers do: /V on the group, /AS on the kids."""
        node = self.nodes[name]
        index = [str(v) for v in node.get("/Opt", [])].index(value) if self.numeric else None
        state = f"/{index}" if index is not None else f"/{value}"
        node[NameObject("/V")] = TextStringObject(state) if as_string else NameObject(state)
        for ref in self.widgets[name]:
            w = ref.get_object()
            on = next(s for s in w["/AP"]["/N"] if s != "/Off")
            w[NameObject("/AS")] = NameObject(on if on == state else "/Off")

    def text(self, name: str, value: str) -> None:
        self.nodes[name][NameObject("/V")] = TextStringObject(value)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.writer.write(out)
        return out.getvalue()


    def preview_save(self, name: str, *, keep_in_kids: bool, in_fields: bool) -> None:
        """What macOS Preview does to the chosen radio button on save: drop its /Parent and
        copy /T, /V and /FT into it; optionally it also leaves the group's /Kids."""
        node = self.nodes[name]
        ref = next(r for r in self.widgets[name] if r.get_object()["/AS"] != "/Off")
        w = ref.get_object()
        del w["/Parent"]
        w[NameObject("/T")] = node["/T"]
        w[NameObject("/V")] = node["/V"]
        w[NameObject("/FT")] = NameObject("/Btn")
        if not keep_in_kids:
            node["/Kids"].remove(ref)
            del node["/V"]
        if in_fields:
            self.fields.append(ref)


FormFactory = Callable[..., bytes]
BuilderFactory = Callable[..., FormBuilder]


@pytest.fixture
def builder(standard: Standard, specs: tuple[FormSpec, ...]) -> BuilderFactory:
    """A synthetic form for (area, level); by default the first area on a middle level."""
    p = picks(standard)

    def make(area: str | None = p.area.id, level: str = p.level.id,
             **options: bool) -> FormBuilder:
        return FormBuilder(spec_for(specs, area, level), **options)

    return make


@pytest.fixture
def make_form(builder: BuilderFactory) -> FormFactory:
    """Build a filled synthetic form: answers {statement id: scale id}, texts {name: text}."""

    def make(area: str | None = None, level: str | None = None,
             answers: Mapping[str, str] | None = None, texts: Mapping[str, str] | None = None,
             **options: bool) -> bytes:
        form = builder(*(a for a in (area, level) if a), **options)
        for name, value in (answers or {}).items():
            form.choose(name, value)
        for name, value in (texts or {}).items():
            form.text(name, value)
        return form.bytes()

    return make


@pytest.fixture
def fill() -> Callable[..., bytes]:
    return pypdf_fill


@pytest.fixture
def old_standard(standard: Standard) -> Standard:
    """The standard as it might have looked in an earlier version: one statement had another
    id, and the SFO sentence did not exist yet."""
    first = standard.areas[0]
    renamed = replace(first.statements[0], id="relasjoner-gammel")
    areas = (replace(first, statements=(renamed, *first.statements[1:])), *standard.areas[1:])
    return replace(standard, meta=replace(standard.meta, version="2019.1"), areas=areas)


@pytest.fixture
def form_from_spec() -> Callable[..., FormBuilder]:
    return FormBuilder


# --- Real forms, filled by real engines ---------------------------------------------------

@pytest.fixture(scope="session")
def real_form(standard: Standard, specs: tuple[FormSpec, ...]) -> Callable[..., bytes]:
    """The renderer's PDF for (area, level), rendered once per session."""
    cache: dict[tuple[str | None, str], bytes] = {}

    def get(area: str | None, level: str, of: Standard | None = None) -> bytes:
        source = of or standard
        key = (area, level) if of is None else (f"{source.meta.version}:{area}", level)
        if key not in cache:
            spec = spec_for(form_specs(source) if of else specs, area, level)
            cache[key] = render_form(source, spec)
        return cache[key]

    return get


@pytest.fixture
def engines() -> dict[str, Callable[[bytes, Mapping[str, str], Path], bytes]]:
    return ENGINES


@pytest.fixture
def answers() -> Callable[[FormSpec, int], dict[str, str]]:
    return answers_for


Collected = tuple[int, dict[str, Any], list[dict[str, str]]]


@pytest.fixture
def collect(tmp_path: Path) -> Callable[..., Collected]:
    """Run `stavangerstandarden collect PATH... --out DIR` in-process; return the exit status,
    sammendrag.json and the rows of svar.csv."""

    def run(*paths: Path, extra: tuple[str, ...] = ()) -> Collected:
        out = tmp_path / "ut"
        status = main(["collect", *map(str, paths), "--out", str(out), "--source", str(SOURCE),
                       *extra])
        data = json.loads((out / "sammendrag.json").read_text(encoding="utf-8"))
        text = (out / "svar.csv").read_text(encoding="utf-8-sig")
        return status, data, list(csv.DictReader(io.StringIO(text), delimiter=";"))

    return run


@pytest.fixture(params=list(ENGINE_MODULES))
def reader_engine(request: pytest.FixtureRequest) -> Engine:
    """Each PDF engine the reader runs on: pikepdf (the command line), pypdf (the browser);
    not to be confused with `engines`, which fill the forms."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def need() -> Callable[[str], str]:
    """`need("node")`: the program's path; skipped without it, failed under CI."""
    return tools.need


@pytest.fixture
def report_browser() -> Path:
    return ROOT / "tests" / "collect" / "report_browser.mjs"
