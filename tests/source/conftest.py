from __future__ import annotations

import pytest
from standards import STAVANGER

SOURCE = STAVANGER
LABEL = "framework/stavangerstandarden.yaml"


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")
