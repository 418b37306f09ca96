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


@cache
def load_pairs(filename: str) -> dict[str, str]:
    """Two-column tab-separated file (``#`` comments) as a dict: first column → second."""
    pairs = {}
    with open(RESOURCES_DIR / filename, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                key, value = line.rstrip("\n").split("\t", 1)
                pairs[key] = value
    return pairs
