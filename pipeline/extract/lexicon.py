"""Loading the user-editable lexicons in ``pipeline/resources/`` (read once per process)."""

from __future__ import annotations

from functools import cache

import yaml

from pipeline.settings import RESOURCES_DIR


@cache
def load_resource(filename: str) -> dict:
    """Parsed YAML file from the resources folder."""
    with open(RESOURCES_DIR / filename, encoding="utf-8") as handle:
        return yaml.safe_load(handle)
