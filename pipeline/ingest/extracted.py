"""What a format reader hands to the shared cleaning step, and how it reports a known problem."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.document import STATUS_FAILED


class IngestError(Exception):
    """A problem with an input that the user can fix; becomes the row's ``status`` and ``error``."""

    def __init__(self, message: str, status: str = STATUS_FAILED):
        super().__init__(message)
        self.status = status


@dataclass
class Extracted:
    """Raw text and metadata of one file or tabular row, before cleaning.

    ``text`` separates paragraphs by a blank line; a single line break is a soft wrap inside a
    paragraph (the cleaner joins such lines and repairs hyphenation). ``part`` is appended to the
    file's source path (``#row=3``); ``failure`` marks a broken row of an otherwise readable file.
    """

    text: str
    format: str
    part: str = ""
    title: str = ""
    date: str = ""
    publisher: str = ""
    projekttraeger: str = ""
    funder: str = ""
    url: str = ""
    failure: str = ""
