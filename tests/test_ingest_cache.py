"""The ingest cache: unchanged files are not parsed again, changed or just-written ones are."""

from __future__ import annotations

import os
import time

import pytest

from pipeline.cache import RECENT_SECONDS, IngestCache
from pipeline.document import Document
from pipeline.ingest import iter_documents, stage
from pipeline.settings import Settings

TEXT = "Das Bündnis für Chancengleichheit in Bautzen trifft sich im Mai zum dritten Mal.\n"


def age(path, seconds: float = 60) -> None:
    """Pretend the file was last written ``seconds`` ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """Source paths of the files the ingest stage actually parses."""
    calls: list[str] = []
    original = stage._file_documents

    def spy(item, settings):
        calls.append(item.source_path)
        return original(item, settings)

    monkeypatch.setattr(stage, "_file_documents", spy)
    return calls


def test_unchanged_file_comes_from_the_cache(tmp_path, parsed):
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    age(source)
    settings = Settings(results_dir=tmp_path / "results")
    cache = IngestCache(settings.ingest_cache_dir, settings)
    first = list(iter_documents([tmp_path / "in"], settings, cache))
    second = list(iter_documents([tmp_path / "in"], settings, cache))
    assert parsed == ["a.txt"]
    assert second == first and second[0].text == TEXT.strip()

    source.write_text(TEXT.replace("Mai", "Juni"), encoding="utf-8")
    age(source, 30)
    (changed,) = iter_documents([tmp_path / "in"], settings, cache)
    assert parsed == ["a.txt", "a.txt"] and "Juni" in changed.text


def test_just_written_and_failed_files_are_not_cached(tmp_path, parsed):
    (tmp_path / "in").mkdir()
    fresh = tmp_path / "in" / "fresh.txt"
    fresh.write_text(TEXT, encoding="utf-8")
    broken = tmp_path / "in" / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 kaputt")
    age(broken)
    settings = Settings(results_dir=tmp_path / "results")
    cache = IngestCache(settings.ingest_cache_dir, settings)
    for _ in range(2):
        documents = {d.source_path: d for d in iter_documents([tmp_path / "in"], settings, cache)}
    assert documents["broken.pdf"].status == "failed"
    assert parsed == ["broken.pdf", "fresh.txt"] * 2
    assert time.time() - fresh.stat().st_mtime < RECENT_SECONDS


def test_document_round_trips_through_its_dict():
    document = Document("a/b.txt", "txt", text="Satz eins.\n\nSatz zwei.", paragraphs=[(0, 10), (12, 22)])
    document.title = "Straße & „Zitat“"
    assert Document.from_dict(document.to_dict()) == document
