"""How every evaluation compares person names: the way the corpus-wide merging does."""

from __future__ import annotations

import re

_INITIAL = re.compile(r"^\w\.$")


def name_key(name: str) -> str:
    """Case-folded name without middle initials, as the corpus-wide merging compares names."""
    return " ".join(w for w in name.replace("‐", "-").split() if not _INITIAL.match(w)).casefold()
