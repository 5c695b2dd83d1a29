"""`stavangerstandarden serve`: the live preview, on either site engine, without engine hooks.

A watcher polls framework/ and the hand-written parts of the project (docs/, mkdocs.yml,
overrides/). On a change, the quick pass (`quickpass`) puts the source language's changed pages
on screen, then the fill pages of the forms that changed; then the same `build.build()`
pipeline as the CLI follows with every form and language (unchanged forms come from the form
cache), in a child process of its own: a newer save stops it at once, engines included, and
its own quick pass goes first. A
standard-library HTTP server serves site/ on 127.0.0.1 and adds, to HTML only, a small script
that reloads the page when a build finished (Server-Sent Events) and, while the source has
errors, a red banner listing them; the built site never contains either. An invalid source
keeps the last valid site up (or, before the first good build, a page with just the banner).
"""

from __future__ import annotations

import html
import http.server
import multiprocessing
import os
import signal
import threading
import time
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from stavangerstandarden import engines
from stavangerstandarden.build import GENERATED_ROOTS, build
from stavangerstandarden.problems import InvalidSource
from stavangerstandarden.publish import SiteBuildFailed
from stavangerstandarden.quickpass import QuickPasses

POLL_SECONDS = 0.05
WATCH_SECONDS = 0.025
"""How often the watcher looks at the files (a look costs about a millisecond)."""
EVENTS_PATH = "/__live"

# Everything the preview shows a maintainer, in one place.
BANNER_TITLE = "Kilden har feil, så nettstedet viser forrige gyldige versjon."
BANNER_HINT = "Rett feilene under og lagre filen igjen."
NOT_BUILT = "Nettstedet er ikke bygget ennå"
SERVING = "Forhåndsvisning på http://127.0.0.1:{port}/ (Ctrl+C avslutter)."
BUILT = "Bygget {what} på {seconds:.2f} s."
PAGES, FILL_PAGES, FORMS = "sidene", "utfyllingssidene", "skjemaene"
"""What a pass built, for BUILT."""
FAILED = "Bygget feilet; viser forrige gyldige versjon."
SUPERSEDED = "Kilden ble endret igjen; bygger den nye versjonen."
STOPPED = "Bygget stoppet uten å si hvorfor (kode {code})."

RELOAD_SCRIPT = """<script>
new EventSource("%s").onmessage = (e) => { if (e.data !== "%d") location.reload(); };
</script>"""
"""%s: EVENTS_PATH; %d: the build the page was read after, so a build finishing before the
event stream connects still reloads the page."""
BANNER_STYLE = ("background:#b71c1c;color:#fff;padding:.6rem 1rem;font:1rem/1.4 sans-serif;"
                "position:relative;z-index:10")


Stamps = dict[Path, tuple[int, int]]
"""Modification time and size of each watched file."""


@dataclass
class Preview:
    """What the server shows: a build counter the pages listen to, and the source's errors."""

    source: Path
    project: Path
    site_dir: Path
    engine: str = engines.DEFAULT
    site_url: str | None = None
    problems: tuple[str, ...] = ()
    version: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)
    pending: threading.Event = field(default_factory=threading.Event)
    """Set by the watcher on every change: the pass under way is out of date."""
    passes: QuickPasses = field(init=False)

    def __post_init__(self) -> None:
        self.passes = QuickPasses(self.source, self.project, self.site_dir, self.engine,
                                  self.site_url)

    def _show(self, problems: tuple[str, ...]) -> None:
        """Publish a finished pass: open pages reload, with the banner while `problems`."""
        if problems:
            print(FAILED, *problems, sep="\n", flush=True)
        with self.changed:
            self.problems = problems
            self.version += 1
            self.changed.notify_all()

    def quick(self) -> bool:
        """The quick pass; with no site yet (the first start), a build of bokmål's pages
        without forms (`build(forms=False)`) and, once they show, the quick pass that readies
        its folder and engine for the first save. False when the source is invalid (no full
        pass then); a pass the engine rejects is not shown: the full pass, strict, decides."""
        start = time.perf_counter()
        try:
            first = self.passes.pages() is None
            if first:
                build(self.source, self.project, self.site_dir, engine=self.engine,
                      site_url=self.site_url, forms=False)
        except InvalidSource as exc:
            self._show(tuple(str(p) for p in exc.errors))
            return False
        except SiteBuildFailed:
            return True
        print(BUILT.format(what=PAGES, seconds=time.perf_counter() - start), flush=True)
        self._show(())
        if first:
            with suppress(InvalidSource, SiteBuildFailed):
                self.passes.pages()
        elif not self.pending.is_set():
            self._fill_pages()
        return True

    def _fill_pages(self) -> None:
        """The fill pages of the forms that changed, after the page and before the forms."""
        start = time.perf_counter()
        with suppress(SiteBuildFailed):
            done = self.passes.fill_pages(self.pending.is_set)
            if done and done.published:
                print(BUILT.format(what=FILL_PAGES, seconds=time.perf_counter() - start),
                      flush=True)
                self._show(())

    def full(self) -> None:
        """`build()` with every form and language, in a child process heading a process
        group of its own, so a newer save can end it and the engines it started at once."""
        start = time.perf_counter()
        spawn = multiprocessing.get_context("spawn")
        receive, send = spawn.Pipe(duplex=False)
        child = spawn.Process(target=_full_build, daemon=True, args=(
            send, self.source, self.project, self.site_dir, self.engine, self.site_url))
        child.start()
        send.close()
        while not receive.poll() and child.is_alive():
            if self.pending.wait(POLL_SECONDS):  # wakes at once on a save
                _end(child)
                print(SUPERSEDED, flush=True)
                return
        outcome = receive.recv() if receive.poll() else (STOPPED.format(code=child.exitcode),)
        child.join()
        if not outcome:
            print(BUILT.format(what=FORMS, seconds=time.perf_counter() - start), flush=True)
        self._show(tuple(outcome))

    def snapshot(self) -> tuple[int, tuple[str, ...]]:
        """The current build and its problems, read together."""
        with self.changed:
            return self.version, self.problems

    def decorate(self, page: bytes, version: int, problems: tuple[str, ...]) -> bytes:
        """The page with the reload script and, while the source has errors, the banner."""
        text = page.decode("utf-8")
        if problems:
            banner = (f'<div class="kildefeil" role="alert" style="{BANNER_STYLE}">'
                      f"<p><strong>{BANNER_TITLE}</strong> {BANNER_HINT}</p>"
                      f'<pre style="white-space:pre-wrap;margin:0">'
                      f"{html.escape(chr(10).join(problems))}</pre></div>")
            at = text.find(">", text.find("<body")) + 1
            text = text[:at] + banner + text[at:]
        at = text.rfind("</body>")
        at = len(text) if at < 0 else at
        script = RELOAD_SCRIPT % (EVENTS_PATH, version)
        return (text[:at] + script + text[at:]).encode("utf-8")


def watched(preview: Preview) -> Stamps:
    """Modification time and size of every file whose change needs a rebuild (polled 20 times
    a second, beside the builder: the generated folders, with every form, are not walked)."""
    generated = {preview.project / "docs" / root for root in GENERATED_ROOTS}
    stamps = _stamps([preview.project / "mkdocs.yml"])
    for root in (preview.source.parent, preview.project / "docs",
                 preview.project / "overrides"):
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            subfolders[:] = [d for d in subfolders if here / d not in generated]
            stamps |= _stamps([here / name for name in files])
    return stamps


def _stamps(files: list[Path]) -> Stamps:
    stamps = {}
    for path in files:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def watch(preview: Preview, stop: threading.Event, seen: Stamps) -> None:
    """Tell the builder whenever a watched file changed since `seen` (polling: no dependency,
    works everywhere), also while it builds."""
    while not stop.wait(WATCH_SECONDS):
        now = watched(preview)
        if now != seen:
            seen = now
            preview.pending.set()


def work(preview: Preview, stop: threading.Event) -> None:
    """For each change: the quick pass, then the full build unless the source changed again."""
    while not stop.is_set():
        if not preview.pending.wait(POLL_SECONDS):
            continue
        preview.pending.clear()
        if preview.quick() and not preview.pending.is_set():
            preview.full()


def _full_build(send: Any, source: Path, project: Path, site_dir: Path, engine: str,
                site_url: str | None) -> None:
    """In the child: build, and send the problems (none: built)."""
    os.setpgrp()
    try:
        build(source, project, site_dir, engine=engine, site_url=site_url)
        send.send(())
    except InvalidSource as exc:
        send.send(tuple(str(p) for p in exc.errors))
    except SiteBuildFailed as exc:
        send.send((str(exc),))


def _end(child: Any) -> None:
    """Kill the child's process group (it and the engines it runs), and wait for it."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:  # not yet its own group
        child.kill()
    child.join()


def _newer(preview: Preview, version: int) -> bool:
    return preview.version != version


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ (resolved on every request, so a swapped site is seen at once)."""

    preview: Preview

    def do_GET(self) -> None:
        if self.path == EVENTS_PATH:
            self._events()
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        status = 200
        if not target.is_file() and target.suffix in ("", ".html"):
            target, status = self.preview.site_dir / "404.html", 404
        if target.suffix != ".html":
            super().do_GET()
            return
        version, problems = self.preview.snapshot()  # before reading: never newer than it
        try:
            page = target.read_bytes()
        except OSError:
            page = f"<!doctype html><html lang=nb><title>{NOT_BUILT}</title><body><h1>" \
                   f"{NOT_BUILT}</h1></body></html>".encode()
        self._send(status, "text/html; charset=utf-8",
                   self.preview.decorate(page, version, problems))

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """One Server-Sent Event per finished build, the first at once."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        preview = self.preview
        sent = -1
        try:
            while True:
                with preview.changed:
                    preview.changed.wait_for(partial(_newer, preview, sent), timeout=15)
                    version = preview.version
                message = f"data: {version}\n\n" if version != sent else ": ping\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                sent = version
        except OSError:
            return  # the page went away

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build results."""


def serve(source: Path, project: Path, site_dir: Path, *, port: int = 8000,
          engine: str = engines.DEFAULT, site_url: str | None = None) -> int:
    """Serve at once; build, then rebuild on every change, until interrupted."""
    preview = Preview(source, project, site_dir, engine, site_url)
    before = watched(preview)  # taken first, so an edit saved during the first build counts
    preview.pending.set()  # the first build: the builder's first job, while pages are served
    handler = partial(type("PreviewHandler", (Handler,), {"preview": preview}),
                      directory=str(site_dir.absolute()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    stop = threading.Event()
    threading.Thread(target=watch, args=(preview, stop, before), daemon=True).start()
    builder = threading.Thread(target=work, args=(preview, stop), daemon=True)
    builder.start()
    signal.signal(signal.SIGTERM, _interrupt)
    print(SERVING.format(port=server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        preview.pending.set()  # ends a full build under way: it heads a process group of its
        builder.join()  # own, which neither Ctrl+C nor the end of this process reaches
        preview.passes.close()
        server.server_close()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM ends the preview as Ctrl+C does, full build included."""
    raise KeyboardInterrupt
