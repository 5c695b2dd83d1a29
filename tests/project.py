"""A copy of the project in a temporary folder, so no test writes into the working tree.

The copy holds the hand-written parts (mkdocs.yml, overrides/, docs/ without its generated
folders) and a link to generator/; the generated files come from the library exactly as
`stavangerstandarden build` makes them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from stavangerstandarden.build import GENERATED_ROOTS, build

ROOT = Path(__file__).resolve().parents[1]
SOURCE_NAME = "stavangerstandarden.yaml"
TRANSLATIONS = ROOT / "framework" / "oversettelser"


def copy_project(target: Path, yaml_text: str, translations: Path | None = None) -> Path:
    """A project folder with the hand-written site parts and `yaml_text` as the source;
    `translations`: a folder copied as its framework/oversettelser (then the site has a
    site per language)."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda d, names: [n for n in names
                                             if Path(d) == ROOT / "docs" and n in GENERATED_ROOTS])
    (target / "generator").symlink_to(ROOT / "generator")
    (target / "framework").mkdir()
    (target / "framework" / SOURCE_NAME).write_text(yaml_text, "utf-8")
    if translations is not None:
        shutil.copytree(translations, target / "framework" / "oversettelser")
    return target


def build_project(project: Path, engine: str = "mkdocs", site_dir: Path | None = None,
                  site_url: str | None = None) -> Path:
    """Generate into the copy's docs/ and build its site with the CLI's own pipeline."""
    site = site_dir or project / "site"
    build(project / "framework" / SOURCE_NAME, project, site, engine=engine, site_url=site_url)
    return site
