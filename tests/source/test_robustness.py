"""No input, however broken, gives a traceback: only problems with a line."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stavangerstandarden.loader import check
from stavangerstandarden.problems import Problem

LABEL = "k.yaml"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_source_never_crashes(source_text: str, data: st.DataObject) -> None:
    lines = source_text.splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    edit = data.draw(st.sampled_from(["delete", "replace", "indent", "duplicate"]))
    junk = data.draw(st.text(max_size=12))
    if edit == "delete":
        del lines[i]
    elif edit == "replace":
        lines[i] = junk + "\n"
    elif edit == "indent":
        lines[i] = " " + lines[i]
    else:
        lines.insert(i, lines[i])
    checked = check("".join(lines), LABEL)
    assert checked.standard is not None or checked.errors
    assert all(p.file == LABEL and p.line >= 1 for p in checked.problems)


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_arbitrary_text_never_crashes(text: str) -> None:
    checked = check(text, LABEL)
    assert checked.standard is None and checked.errors


def test_python_tags_are_rejected_not_executed() -> None:
    checked = check("standard: !!python/object/apply:os.system ['true']\n", LABEL)
    assert checked.errors and checked.errors[0].line == 1


def test_cli_on_bytes_that_are_not_utf8(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"standard:\n  title: \xff\xfe\n")
    result = subprocess.run(
        [sys.executable, "-m", "stavangerstandarden.cli", "check", str(bad)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}:2: feil: filen er ikke lagret som UTF-8" in result.stderr


HOSTILE_FRAGMENTS = st.one_of(
    st.sampled_from(["&a x", "*a", "&a [*a]", "{<<: *a}", "{<<: {rows: 4}}", "&a {b: *a}",
                     "!!python/name:os.system", "!!binary AAAA", "! x", "2020-02-30", "=",
                     "1:2:3:4:5", "0x" + "f" * 200, ".inf", "1e99999"]),
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.integers(1, 30_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 60).map(lambda n: "{a: " * n + "1" + "}" * n),
    st.text(st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Co"]), min_size=1,
            max_size=4).map(lambda text: json.dumps(text)),  # YAML double quotes: \\u escapes
)
"""What an attacker, or a careless paste, puts where a value belongs."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), fragment=HOSTILE_FRAGMENTS)
def test_hostile_values_are_problems_at_a_line(source_text: str, data: st.DataObject,
                                                fragment: str) -> None:
    """Anchors, merge keys, tags, huge numbers, deep nesting and control characters put in
    place of any value (or after it) give problems with a line: never a traceback."""
    lines = source_text.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines)
             if ": " in line and not line.lstrip().startswith("#")]
    i = data.draw(st.sampled_from(keyed))
    key, _, value = lines[i].partition(": ")
    where = data.draw(st.sampled_from(["replace", "append"]))
    new_value = fragment if where == "replace" else f"{value.rstrip()} {fragment}"
    lines[i] = f"{key}: {new_value}\n"
    checked = check("".join(lines), LABEL)
    assert checked.standard is not None or checked.errors
    assert all(p.file == LABEL and 1 <= p.line <= len(lines) for p in checked.problems)
    # Quoted source text never reaches the terminal raw (no hint: its line break is ours).
    assert all(str(Problem(p.file, p.line, p.path, p.message)).isprintable()
               for p in checked.problems)
