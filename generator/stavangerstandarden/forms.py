"""Placeholder until the form renderer lands (issue 3)."""

from stavangerstandarden.model import Standard


def form_files(standard: Standard) -> dict[str, bytes]:
    return {}
