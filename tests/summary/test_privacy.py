"""What stays on the device: no request leaves 127.0.0.1 during a visit, none at all once
the page is ready (the files are never sent anywhere, not even to the site), and the names
typed in "Utfylt av" reach the leader's report only when the leader asks for them, and the
shareable report never; the working file sammendrag.json always has them, as the page
says."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

Seen = Any  # conftest.Seen
LOCAL = ("blob:", "data:")


def test_no_request_leaves_127_0_0_1(visit: Seen) -> None:
    requests = visit.result["requests"]
    assert any(r["url"].endswith(".wasm") for r in requests)  # the worker's requests are seen
    away = [r["url"] for r in requests if not r["url"].startswith(LOCAL)
            and urlsplit(r["url"]).hostname != "127.0.0.1"]
    assert away == []


def test_no_request_at_all_once_ready(visit: Seen) -> None:
    after = [r["url"] for r in visit.result["requests"]
             if r["phase"] != "loading" and not r["url"].startswith(LOCAL)]
    assert after == []
    assert visit.result["served_after_ready"] == []


def test_names_only_in_the_report_when_asked_for(seen: dict[str, Seen]) -> None:
    s = seen["stavanger-nb-files-online-1280px-light"]
    names = {v["meta.utfylt_av"] for v in s.corpus.filled.values()}
    assert len(names) == 25
    default, named = s.page["rapport.html"].decode(), s.named_page.decode()
    assert [n for n in names if n in default or n in s.result["shown"]["report_text"]] == []
    assert [n for n in names if n not in named or n not in s.result["named"]["report_text"]] == []
    assert s.named_page == s.named_cli  # as `collect --med-navn`
    # the shareable report never names anyone, box ticked or not
    assert s.named_shared_page is not None
    assert [n for n in names if n in s.named_shared_page.decode()] == []
    assert s.result["named"]["names_checked"]
    # The working file has them either way.
    summary = json.loads(s.page["sammendrag.json"])
    assert {f["meta"]["utfylt_av"] for f in summary["files"] if f["status"] == "ok"} == names


def test_names_stay_out_of_every_default_report(visit: Seen) -> None:
    names = {v["meta.utfylt_av"] for v in visit.corpus.filled.values() if "meta.utfylt_av" in v}
    assert names
    for report in ("rapport.html", "rapport-til-deling.html"):
        assert [n for n in names if n in visit.page[report].decode()] == []
    answers = visit.page["svar.csv"].decode("utf-8-sig")  # a working file: complete
    assert [n for n in names if n not in answers] == []
