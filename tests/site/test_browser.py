"""The built site as a visitor meets it in Chromium: every page, both colour schemes."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from stavangerstandarden.loader import load

from .conftest import SOURCE

STANDARD = load(SOURCE.read_text("utf-8"), str(SOURCE))
AREA_URLS = [f"/omrader/{a.id}/" for a in STANDARD.areas]
NOT_FOUND = "/finnes-ikke/"
"""An address the site does not have: the host answers with 404.html."""


def pages(crawl: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["url"]: p for p in crawl["pages"]}


def test_every_page_is_reached_and_loads(crawl: dict[str, Any]) -> None:
    found = pages(crawl)
    expected = ["/", "/om-standarden/", "/omrader/", *AREA_URLS, "/skjema/",
                "/egenvurdering/", "/regelverket/", "/apne-data/", "/tilgjengelighet/"]
    assert sorted(set(expected) - set(found)) == []
    assert {url: p["status"] for url, p in found.items() if p["status"] != 200} == {
        NOT_FOUND: 404}
    assert {url: p["failed"] for url, p in found.items() if p["failed"]} == {}


def test_the_404_page_is_norwegian(crawl: dict[str, Any]) -> None:
    page = pages(crawl)[NOT_FOUND]
    assert page["title"].startswith("Fant ikke siden")
    assert "/" in page["links"]


def test_no_request_leaves_the_site(crawl: dict[str, Any]) -> None:
    origin = crawl["origin"]
    foreign = {p["url"]: [r for r in p["requests"]
                          if not r.startswith((origin + "/", "data:", "blob:"))]
               for p in crawl["pages"]}
    assert {url: reqs for url, reqs in foreign.items() if reqs} == {}


@pytest.mark.parametrize(("scheme", "attribute"), [("light", "default"), ("dark", "slate")])
def test_axe_finds_no_wcag_21_aa_violation(crawl: dict[str, Any], scheme: str,
                                           attribute: str) -> None:
    assert {p["url"]: p[scheme]["scheme"] for p in crawl["pages"]} == {
        p["url"]: attribute for p in crawl["pages"]}
    violations = {p["url"]: p[scheme]["violations"] for p in crawl["pages"]}
    assert {url: v for url, v in violations.items() if v} == {}


def test_every_internal_link_resolves(crawl: dict[str, Any]) -> None:
    found = pages(crawl)
    broken = []
    for page in crawl["pages"]:
        for link in page["links"]:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another host: only ever a plain link, never loaded
            if parts.path in found:
                target = found[parts.path]
                if parts.fragment and parts.fragment not in target["ids"]:
                    broken.append((page["url"], link))
            elif crawl["files"].get(parts.path) != 200:
                broken.append((page["url"], link))
    assert broken == []


def test_every_form_and_the_zip_is_linked_and_downloads(crawl: dict[str, Any],
                                                       manifest: dict[str, Any]) -> None:
    wanted = {f"/{f['file']}" for f in manifest["forms"]} | {f"/{manifest['zip']}"}
    assert len(wanted) == len(STANDARD.levels) * (len(STANDARD.areas) + 1) + 1
    assert {path: crawl["files"].get(path) for path in wanted} == dict.fromkeys(wanted, 200)


def test_each_area_page_links_its_forms_for_every_level(crawl: dict[str, Any],
                                                       manifest: dict[str, Any]) -> None:
    found = pages(crawl)
    for area in STANDARD.areas:
        forms = {f"/{f['file']}" for f in manifest["forms"] if f["area"] == area.id}
        assert len(forms) == len(STANDARD.levels)
        assert forms <= set(found[f"/omrader/{area.id}/"]["links"])


@pytest.mark.parametrize("url", ["/", "/skjema/", *AREA_URLS])
def test_print_shows_the_content_without_navigation(crawl: dict[str, Any], url: str) -> None:
    printed = pages(crawl)[url]["print"]
    assert printed["content"] is True
    assert {sel: shown for sel, shown in printed["chrome"].items() if shown} == {}
