"""Placeholder until the page renderer lands (issue 4)."""

from collections.abc import Mapping

from stavangerstandarden.model import Standard


def page_files(standard: Standard, forms: Mapping[str, bytes]) -> dict[str, bytes]:
    return {}
