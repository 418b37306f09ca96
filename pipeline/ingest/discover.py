"""Finding input files and naming them relative to the folder they were found under."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_path: str  # relative to the input folder (posix), or the file name of a single file


def discover_inputs(inputs: Sequence[Path]) -> list[InputFile]:
    """Files below the given folders (recursive, hidden files and folders left out) and the given
    files, sorted by source path so every run yields the same order.

    Two different files with the same relative name (``2015/a.txt`` and ``2016/a.txt`` given as two
    folders) are named by their paths as given instead, so every source path names one file."""
    found: dict[Path, InputFile] = {}
    for root in map(Path, inputs):
        if root.is_dir():
            for path in root.rglob("*"):
                relative = path.relative_to(root)
                if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                    found.setdefault(path.resolve(), InputFile(path, relative.as_posix()))
        else:
            found.setdefault(root.resolve(), InputFile(root, root.name))
    names = Counter(item.source_path for item in found.values())
    unique = [
        item if names[item.source_path] == 1 else InputFile(item.path, item.path.as_posix())
        for item in found.values()
    ]
    return sorted(unique, key=lambda item: (item.source_path, str(item.path)))


def discover_files(inputs: Sequence[Path]) -> list[Path]:
    """The input files in processing order (the runner counts them for its progress bar)."""
    return [item.path for item in discover_inputs(inputs)]
