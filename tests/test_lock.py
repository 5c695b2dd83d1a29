"""The lock files a fresh clone installs from are in step with pyproject.toml: every declared
dependency is locked at a version its range allows, each with hashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _locked(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text("utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+) \\\n\s+--hash=sha256:[0-9a-f]{64}", text, re.M)
    return {canonicalize_name(n): v for n, v in pins}


@pytest.mark.parametrize(("lock", "extras"), [("build.lock", ()), ("test.lock", ("test",))])
def test_every_dependency_is_locked_within_its_range(lock: str, extras: tuple[str, ...]) -> None:
    locked = _locked(lock)
    wanted = [*PROJECT["dependencies"],
              *(r for extra in extras for r in PROJECT["optional-dependencies"][extra])]
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} mangler i requirements/{lock}: kjør make lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"{requirement.name}=={locked[name]} i requirements/{lock} passer ikke "
            f"«{requirement.specifier}»: kjør make lock")


def test_the_test_lock_holds_the_build_lock() -> None:
    build, test = _locked("build.lock"), _locked("test.lock")
    assert {n: test.get(n) for n in build} == build
