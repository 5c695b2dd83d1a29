"""Every one of the 77 forms, read with pypdf (not the library that wrote it): the field
contract, the tagging that makes it accessible, and what viewers need to show and print it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.constants import AnnotationFlag, FieldDictionaryAttributes
from pypdf.generic import DictionaryObject, StreamObject
from standards import STAVANGER

from stavangerstandarden import contract as c
from stavangerstandarden.formspec import FieldSpec, FormSpec, form_specs
from stavangerstandarden.loader import load_file

SOURCE = STAVANGER
SPECS = form_specs(load_file(SOURCE))
FLAGS = FieldDictionaryAttributes.FfBits
RADIO, NO_TOGGLE_TO_OFF, REQUIRED = FLAGS.Radio, FLAGS.NoToggleToOff, FLAGS.Required
MULTILINE, READ_ONLY = FLAGS.Multiline, FLAGS.ReadOnly
HIDDEN, PRINT = AnnotationFlag.HIDDEN, AnnotationFlag.PRINT

by_form = pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.file)


def read(files: dict[str, bytes], spec: FormSpec) -> PdfReader:
    return PdfReader(io.BytesIO(files[spec.file]))


def widgets(reader: PdfReader) -> Iterator[tuple[int, DictionaryObject]]:
    for number, page in enumerate(reader.pages):
        for ref in page.get("/Annots", ()):
            annot = ref.get_object()
            if annot["/Subtype"] == "/Widget":
                yield number, annot


def full_name(node: DictionaryObject) -> str:
    parts = []
    current: Any = node
    while current is not None:
        if "/T" in current:
            parts.append(str(current["/T"]))
        current = current.get("/Parent")
        current = current.get_object() if current is not None else None
    return ".".join(reversed(parts))


def field_of(widget: DictionaryObject) -> DictionaryObject:
    """The terminal field: the widget itself, or its parent for a radio button."""
    return widget if "/T" in widget else widget["/Parent"].get_object()


def parent_tree(reader: PdfReader) -> dict[int, Any]:
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    return {int(k): v.get_object() for k, v in zip(nums[::2], nums[1::2], strict=True)}


@by_form
def test_fields_are_exactly_the_spec(files, spec: FormSpec):
    # Parents of dotted names (meta, tiltak, tiltak.1 …) are fields without a type.
    reader = read(files, spec)
    fields = {k: v for k, v in (reader.get_fields() or {}).items() if "/FT" in v}
    max_len = {full_name(field_of(w)): field_of(w).get("/MaxLen") for _, w in widgets(reader)}
    assert sorted(fields) == sorted(f.name for f in spec.fields)
    for f in spec.fields:
        got = fields[f.name]
        assert got["/FT"] == ("/Btn" if f.type == "radio" else "/Tx"), f.name
        flags = int(got.get("/Ff", 0))
        assert not flags & REQUIRED, f.name
        assert max_len[f.name] == f.max_length, f.name
        if f.type == "radio":
            assert flags & RADIO and flags & NO_TOGGLE_TO_OFF, f.name
            assert got.get("/V") in (None, "/Off"), f"{f.name} is pre-selected"
        else:
            assert bool(flags & MULTILINE) == f.multiline, f.name
            assert str(got.get("/V", "")) == f.value, f.name
            assert bool(flags & READ_ONLY) == f.hidden, f.name


@by_form
def test_radio_buttons_export_the_scale_ids_left_to_right(files, spec: FormSpec):
    specs = {f.name: f for f in spec.fields}
    groups: dict[str, list[tuple[float, str, str]]] = {}
    for _, w in widgets(read(files, spec)):
        field = field_of(w)
        if field.get("/FT") != "/Btn":
            continue
        states = [k for k in w["/AP"]["/N"] if k != "/Off"]
        assert len(states) == 1 and w["/AS"] == "/Off"
        groups.setdefault(full_name(field), []).append(
            (float(w["/Rect"][0]), states[0][1:], str(w["/TU"])))
    radios = [f for f in spec.fields if f.type == "radio"]
    assert sorted(groups) == sorted(f.name for f in radios)
    for name, buttons in groups.items():
        buttons.sort()
        f: FieldSpec = specs[name]
        assert [b[1] for b in buttons] == [v for v, _ in f.options]
        assert [b[2] for b in buttons] == [f"{f.label}: {label}" for _, label in f.options]


@by_form
def test_every_visible_widget_is_a_tagged_form_element(files, spec: FormSpec):
    reader = read(files, spec)
    tree = parent_tree(reader)
    visible = 0
    for _, w in widgets(reader):
        assert str(w.get("/TU", "")).strip(), f"{full_name(w)} has no /TU"
        assert int(w["/F"]) & PRINT or int(w["/F"]) & HIDDEN
        if int(w["/F"]) & HIDDEN:
            continue
        visible += 1
        element = tree[int(w["/StructParent"])]
        assert element["/S"] == "/Form"
        objrs = [k for k in element["/K"] if isinstance(k, DictionaryObject)]
        assert any(k["/Obj"].get_object() is w or k["/Obj"].idnum == w.indirect_reference.idnum
                   for k in objrs if k.get("/Type") == "/OBJR")
        # Answers and action cells sit in their table cell, header fields in their label's
        # paragraph: either way next to the words that explain them.
        in_table = not full_name(field_of(w)).startswith(f"{c.META_PREFIX}.")
        assert element["/P"].get_object()["/S"] == ("/TD" if in_table else "/P")
    assert visible == sum(len(f.options) or 1 for f in spec.fields if not f.hidden)
    links = [ref for page in reader.pages for ref in page.get("/Annots", ())
             if ref.get_object()["/Subtype"] != "/Widget"]
    assert not links, "a placeholder link was left in the form"


@by_form
def test_document_is_marked_for_assistive_technology(files, spec: FormSpec):
    reader = read(files, spec)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert root["/Lang"] == "nb-NO"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata is not None and reader.metadata.title == spec.title
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part(>|=\")1", xmp), "no PDF/UA-1 identification in XMP"
    assert all(page["/Tabs"] == "/S" for page in reader.pages)
    acroform = root["/AcroForm"]
    assert "/NeedAppearances" not in acroform or acroform["/NeedAppearances"] is False


@by_form
def test_structure_has_headings_and_a_real_table(files, spec: FormSpec):
    kinds: list[str] = []
    stack = [read(files, spec).trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        kids = node.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, DictionaryObject) and kid.get("/Type") != "/OBJR" and "/S" in kid:
                kinds.append(str(kid["/S"]))
                stack.append(kid)
                if kid["/S"] == "/TH":
                    attributes = kid.get("/A", [])
                    attributes = attributes if isinstance(attributes, list) else [attributes]
                    scopes = [a.get_object().get("/Scope") for a in attributes]
                    assert "/Column" in scopes, "a column head without /Scope /Column"
    assert kinds.count("/H1") == 1
    assert kinds.count("/H2") == len(spec.statements) + 1  # each area + the actions
    assert kinds.count("/Table") >= len(spec.statements) + 1
    assert kinds.count("/TH") >= 4 * len(spec.statements)
    assert kinds.count("/Form") == sum(len(f.options) or 1 for f in spec.fields if not f.hidden)


def fonts_of(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    resources = resources.get_object() if resources is not None else DictionaryObject()
    for font in resources.get("/Font", DictionaryObject()).values():
        yield font.get_object()
    for xobject in resources.get("/XObject", DictionaryObject()).values():
        if xobject.idnum in seen:
            continue
        seen.add(xobject.idnum)
        yield from fonts_of(xobject.get_object().get("/Resources"), seen)


def is_embedded(font: DictionaryObject) -> bool:
    if font["/Subtype"] == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font["/FontDescriptor"].get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@by_form
def test_every_font_is_embedded_also_the_field_font(files, spec: FormSpec):
    reader = read(files, spec)
    seen: set[int] = set()
    fonts = [f for page in reader.pages for f in fonts_of(page.get("/Resources"), seen)]
    dr = reader.trailer["/Root"]["/AcroForm"]["/DR"]
    fonts += list(fonts_of(dr, seen))
    assert fonts and all(is_embedded(f) for f in fonts)
    da = str(reader.trailer["/Root"]["/AcroForm"]["/DA"])
    assert da.split()[0][1:] in {k[1:] for k in dr["/Font"]}


@by_form
def test_every_state_has_its_own_appearance(files, spec: FormSpec):
    for _, w in widgets(read(files, spec)):
        normal = w["/AP"]["/N"]
        streams = [normal] if isinstance(normal.get_object(), StreamObject) else list(
            normal.values())
        for stream in streams:
            assert stream.get_object().get_data().strip(), f"{full_name(w)}: empty stream"
