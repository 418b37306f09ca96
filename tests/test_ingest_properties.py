"""Property-based tests: the parsers of untrusted input never raise, whatever they are fed."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import iter_documents
from pipeline.ingest.clean import join_paragraphs, plain_text_blocks, split_paragraphs
from pipeline.ingest.dates import date_only, dateline_date, find_date, parse_date
from pipeline.ingest.text import decode_bytes
from pipeline.settings import Settings

ISO_OR_EMPTY = re.compile(r"(\d{4}-\d{2}(-\d{2})?)?")
STATUSES = {"ok", "duplicate", "skipped", "failed"}
date_like = st.one_of(
    st.text(),
    st.from_regex(r"\d{1,2}\. ?(\d{1,2}\.|(Jan|Sept|März|Mai|Dez)[a-z]*\.?) ?\d{2,4}", fullmatch=True),
    st.from_regex(r"\d{4}-\d{1,2}-\d{1,2}", fullmatch=True),
    st.from_regex(r"(Mon|Tue), \d{1,2} (Jan|Sep|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}", fullmatch=True),
)


@given(date_like)
def test_date_parsers_return_iso_or_nothing(value):
    for parse in (parse_date, find_date, date_only, dateline_date):
        assert ISO_OR_EMPTY.fullmatch(parse(value))


@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_never_raises(data):
    assert isinstance(decode_bytes(data), str)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
def test_paragraph_layout_invariants(raw):
    paragraphs = split_paragraphs(plain_text_blocks(raw))
    text, offsets = join_paragraphs(paragraphs)
    assert [text[start:end] for start, end in offsets] == paragraphs
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)


csv_content = st.lists(
    st.lists(st.text(alphabet=st.sampled_from('ab ;,"\n\täöß„“\x00'), max_size=12), min_size=1, max_size=4),
    max_size=6,
).map(lambda rows: "\n".join(";".join(cells) for cells in rows))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=st.sampled_from(["text;title;id", "title;x", "", "text"]), body=csv_content)
def test_tabular_reader_yields_rows_or_failed_rows(header, body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_text(f"{header}\n{body}", encoding="utf-8")
        documents = list(iter_documents([path], Settings()))
    assert documents
    assert all(d.status in STATUSES and (d.ok or d.error) for d in documents)
    assert all(d.source_path.startswith("export.csv") for d in documents)


@given(
    st.text(alphabet=st.sampled_from("ab .\n\n“ßÄ!"), max_size=400),
    st.integers(min_value=1, max_value=120),
)
def test_long_text_parts_cover_the_text_within_the_limit(text, part_chars):
    """Parts never exceed the limit, only whitespace lies between them, and parts plus that
    whitespace give back the text exactly."""
    from pipeline.nlp.parts import part_bounds, pieces

    bounds = part_bounds(text, part_chars)
    assert "".join(piece for piece, _ in pieces(text, part_chars)) == text
    assert all(end - start <= part_chars for start, end in bounds)
    assert all(not piece.strip() for piece, is_part in pieces(text, part_chars) if not is_part)
    if len(text) <= part_chars:
        assert bounds == [(0, len(text))]
