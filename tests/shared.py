"""Heavy test material made once a test run, shared by every test folder and every worker.

`make test` runs pytest-xdist: each worker is a process of its own with its own session
fixtures, so a site built in a session fixture would be built once per worker, and a site
several folders build (tests/site, tests/fill, tests/summary, tests/kommunepage) once per
folder. `once` keeps one copy under the run's base temp folder: the first process to ask
makes it under a file lock, the others wait for it and read it (pytest-xdist's documented
pattern). Whatever is shared this way is read, never written, by the tests.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock
from project import build_project, copy_project

T = TypeVar("T")
_made: dict[str, object] = {}


def root(factory: pytest.TempPathFactory) -> Path:
    """The folder every process of this run shares: the base temp folder, or its parent
    (the run's) in a pytest-xdist worker."""
    base = factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "delt"
    folder.mkdir(exist_ok=True)
    return folder


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold `folder`'s lock: one process at a time makes or builds in it."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder.with_name(folder.name + ".lock"))):
        yield


def once(factory: pytest.TempPathFactory, key: str, make: Callable[[Path], T]) -> T:
    """`make(folder)` run once a test run for `key` (the first caller's value, pickled for
    the others); `folder` is empty and kept for the run."""
    if key in _made:
        return _made[key]  # type: ignore[return-value]
    folder = root(factory) / key
    done = folder.with_name(folder.name + ".pickle")
    with locked(folder):
        if done.exists():
            value: T = pickle.loads(done.read_bytes())
        else:
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            value = make(folder)
            done.write_bytes(pickle.dumps(value))
    _made[key] = value
    return value


def site_project(factory: pytest.TempPathFactory, yaml_text: str,
                 translations: Path | None = None) -> Path:
    """The run's one copy of the project (tests/project.py) with `yaml_text` as its source;
    build in it only through `site` or `build_in`, which hold its lock."""
    digest = hashlib.sha256(yaml_text.encode("utf-8") + str(translations).encode()).hexdigest()
    return once(factory, f"prosjekt-{digest[:16]}",
                lambda folder: copy_project(folder / "project", yaml_text, translations))


def build_in(project: Path, engine: str = "mkdocs", site_dir: Path | None = None,
             site_url: str | None = None) -> Path:
    """`project.build_project` under the project's lock: two builds in one project at once
    would write the same generated files and engine configuration."""
    with locked(project):
        return build_project(project, engine, site_dir, site_url)


def site(factory: pytest.TempPathFactory, yaml_text: str, translations: Path | None = None,
         engine: str = "mkdocs") -> Path:
    """The site of `yaml_text` (with `translations`' languages) built by `engine`, once a
    test run, in `site_project`'s folder `site-<engine>`."""
    project = site_project(factory, yaml_text, translations)
    return once(factory, f"{project.parent.name}-{engine}",
                lambda _: build_in(project, engine, project / f"site-{engine}"))
