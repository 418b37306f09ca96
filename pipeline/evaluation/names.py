"""How every evaluation compares person names: the way the corpus-wide merging does."""

from __future__ import annotations

import re

_INITIAL = re.compile(r"^\w\.$")
_APOSTROPHE = re.compile(r"\s*([’'])\s*")  # „O ’ Keefe“ of a text rebuilt from tokens is „O’Keefe“


def name_key(name: str) -> str:
    """Case-folded name without middle initials, as the corpus-wide merging compares names."""
    name = _APOSTROPHE.sub(r"\1", name.replace("‐", "-"))
    return " ".join(w for w in name.split() if not _INITIAL.match(w)).casefold()
