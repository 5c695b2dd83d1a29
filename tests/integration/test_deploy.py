"""The deploy files run the README's commands and publish the files site/ points to."""

from __future__ import annotations

import re
import subprocess
import tarfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text("utf-8")


def shape(command: str) -> str:
    """A command with its site address left out (each host has its own)."""
    return re.sub(r'SITE_URL=("[^"]*"|\S+)', "SITE_URL=…", command.strip())


def readme_commands() -> set[str]:
    section = README[README.index("## Publishing"):]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.DOTALL)
    lines = [line.split("  #")[0] for block in blocks for line in block.splitlines()]
    return {shape(line) for line in lines if line.strip()}


def test_github_pages_workflow_runs_the_readme_build_and_uploads_site() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    runs = [shape(s["run"]) for s in steps if "run" in s]
    assert runs == ["make build SITE_URL=…"]
    assert set(runs) <= readme_commands()
    upload = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert [s["with"]["path"] for s in upload] == ["site/"]
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_gitlab_pages_job_runs_the_readme_build_and_publishes_its_files() -> None:
    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())["pages"]
    runs = [shape(line) for line in job["script"]]
    assert runs == ["make build SITE_URL=…", "cp -rL site public"]
    assert set(runs) <= readme_commands()
    assert job["artifacts"]["paths"] == ["public"]


def test_site_symlink_is_archived_and_copied_as_plain_files(tmp_path: Path) -> None:
    """What upload-pages-artifact (tar --dereference) and `cp -rL` make of site/."""
    version = tmp_path / ".site-abcd1234"
    (version / "skjema").mkdir(parents=True)
    (version / "index.html").write_text("<html></html>")
    (version / "skjema" / "a.pdf").write_bytes(b"%PDF-")
    (tmp_path / "site").symlink_to(version.name)
    archive = tmp_path / "artifact.tar"
    subprocess.run(["tar", "--dereference", "--hard-dereference", "--directory", "site/",
                    "-cf", str(archive), "."], cwd=tmp_path, check=True)
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
    assert {"./index.html", "./skjema/a.pdf"} <= set(members)
    assert not [m for m in members.values() if m.issym() or m.islnk()]
    subprocess.run(["cp", "-rL", "site", "public"], cwd=tmp_path, check=True)
    assert (tmp_path / "public" / "skjema" / "a.pdf").read_bytes() == b"%PDF-"
    assert not (tmp_path / "public").is_symlink()
