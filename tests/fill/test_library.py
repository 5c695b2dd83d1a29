"""Without `npm install`, the build stops with a Norwegian message and leaves site/ alone."""

from __future__ import annotations

from pathlib import Path

from stavangerstandarden import cli, libraries

ROOT = Path(__file__).resolve().parents[2]


def test_build_without_pdfjs_stops_with_a_clear_message(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(libraries, "NODE_MODULES", tmp_path / "node_modules")
    source = ROOT / "framework" / "stavangerstandarden.yaml"
    status = cli.main(["build", "--source", str(source), "--project", str(tmp_path),
                       "--site-dir", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert status == 1
    assert "fant ikke pdf.js" in err and "npm install" in err
    assert "site/ er ikke endret" in err
    assert not (tmp_path / "site").exists() and not (tmp_path / "docs").exists()
