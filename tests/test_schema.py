"""The schema is the single source of table columns: README, writers and readers follow it."""

from pathlib import Path

import pandas as pd
import pytest

from pipeline.export import read_table, write_table
from pipeline.schema import TABLES, readme_with_tables
from pipeline.settings import REPO_DIR
from pipeline.tables.frames import frame_for


def test_readme_documents_exactly_the_schema():
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    assert readme_with_tables(readme) == readme, "run `make docs` to regenerate the README tables"


def test_every_table_round_trips_through_csv_with_its_columns(tmp_path: Path):
    for table in TABLES.values():
        frame = frame_for(table, [])
        assert list(frame.columns) == table.column_names
        write_table(frame, table, tmp_path)
        again = read_table(table, tmp_path)
        assert list(again.columns) == table.column_names
        assert isinstance(again, pd.DataFrame) and again.empty


def test_column_names_are_unique_and_described():
    for table in TABLES.values():
        names = table.column_names
        assert len(names) == len(set(names)), table.name
        assert all(c.description for c in table.columns), table.name
        assert set(table.sort_by) <= set(names), table.name


def test_a_row_with_a_column_the_schema_does_not_know_is_an_error():
    with pytest.raises(ValueError, match=r"people: columns not in pipeline/schema.py: \['nmae'\]"):
        frame_for("people", [{"person_id": "P1", "nmae": "Kristin Jentsch"}])
