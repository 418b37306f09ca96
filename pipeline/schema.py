"""The one place that names every output table and column.

Writers, readers, tests and the README's table documentation (``python -m pipeline.schema``)
derive from these definitions; add a column here and it appears everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # "str" | "int" | "float" | "bool"
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    sort_by: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


DOCUMENTS = Table(
    "documents",
    "One row per input document or tabular row, processed or not.",
    _cols(
        ("doc_id", "str", "Stable id derived from the clean text (duplicates: from text and source)."),
        ("source_path", "str", "Input file, relative to the corpus root; `file.csv#row=3` for tabular rows."),
        ("format", "str", "txt, md, html, pdf, docx, eml, csv, jsonl, scrape (noisy web text scrape)."),
        ("status", "str", "ok, duplicate, skipped (e.g. not German, too large, unsupported) or failed."),
        ("error", "str", "Human-readable reason when status is not ok."),
        ("title", "str", "Title from metadata or the first heading line."),
        ("date", "str", "Publication date, ISO 8601 (YYYY-MM-DD, or YYYY-MM when only month is known)."),
        ("publisher", "str", "Site or sender that published the text."),
        ("projekttraeger", "str", "Projektträger named in the document (e.g. from a logo line)."),
        ("funder", "str", "Förderer (\u201egefördert vom …\u201c)."),
        ("url", "str", "Source URL when known."),
        ("language", "str", "ISO 639-1 code detected from the text."),
        ("n_chars", "int", "Length of the clean text in characters."),
        ("n_paragraphs", "int", "Number of paragraphs in the clean text."),
        ("duplicate_of", "str", "doc_id of the first identical document (status duplicate)."),
    ),
    ("source_path",),
)

TABLES: dict[str, Table] = {t.name: t for t in (DOCUMENTS,)}


def markdown() -> str:
    """Table documentation for the README, generated so it cannot drift from the code."""
    parts = []
    for table in TABLES.values():
        parts.append(
            f"### `{table.filename}`\n\n{table.description}\n\n| column | type | meaning |\n|---|---|---|"
        )
        parts.extend(f"| `{c.name}` | {c.dtype} | {c.description} |" for c in table.columns)
        parts.append("")
    return "\n".join(parts)


if __name__ == "__main__":
    print(markdown())
