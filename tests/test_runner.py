"""End-to-end behaviour of the runner: cache, incremental reruns, resume after kill -9,
determinism across worker counts and engines, and isolation of a document that breaks a stage."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import run
from pipeline.compare import differing_files
from pipeline.ingest import stage
from pipeline.processing import DocumentProcessor, ProcessorConfig
from pipeline.settings import REPO_DIR, Settings

CORPUS = REPO_DIR / "corpus"


def output_bytes(out: Path) -> dict[str, bytes]:
    """Every table and the clean texts (run.json holds timings, so it is left out)."""
    files = [*sorted(out.glob("*.csv")), out / "documents.jsonl"]
    return {f.name: f.read_bytes() for f in files}


def test_compare_finds_every_changed_or_missing_output_and_nothing_else(baseline, tmp_path):
    """``make compare``'s check, on real outputs: a copy is identical, a changed byte of a table, a
    missing Parquet file and a changed workbook sheet are found; timings in run.json are not."""
    _result, _settings, out = baseline
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    assert differing_files(out, copy) == []
    people = copy / "people.csv"
    people.write_bytes(people.read_bytes().replace(b"Anna Berger", b"Anna Bergen", 1))
    assert people.read_bytes() != (out / "people.csv").read_bytes()
    (copy / "parquet" / "roles.parquet").unlink()
    (copy / "run.json").write_text("{}", encoding="utf-8")
    assert differing_files(out, copy) == ["parquet/roles.parquet", "people.csv"]


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="module")
def baseline(corpus_copy, tmp_path_factory):
    """One uninterrupted run with its own result cache; the reference for the other tests."""
    root = tmp_path_factory.mktemp("baseline")
    settings = Settings(results_dir=root / "results")
    result = run(corpus_copy, root / "out", settings=settings)
    return result, settings, root / "out"


def test_run_writes_every_table_and_records_the_model(baseline):
    result, _settings, out = baseline
    names = {p.name for p in out.glob("*.csv")}
    expected = {
        "documents",
        "people",
        "person_mentions",
        "roles",
        "organisations",
        "org_mentions",
        "quotes",
        "themes",
        "paragraph_themes",
    }
    assert {f"{name}.csv" for name in expected} <= names
    assert result.counts["ok"] >= 15
    assert result.counts["cached"] == 0
    assert result.info["model"]["name"] and result.info["model"]["path"]


def test_rerun_over_unchanged_corpus_does_no_nlp_work(baseline, corpus_copy, tmp_path, monkeypatch):
    """Nor does it parse any file again: the documents come from the ingest cache."""
    result, settings, out = baseline

    def no_nlp(*_args, **_kwargs):
        raise AssertionError("an unchanged document was processed again")

    def no_parsing(item, _settings):
        raise AssertionError(f"the unchanged file {item.source_path} was parsed again")

    for step in ("process", "parse", "extract", "finish"):
        monkeypatch.setattr(DocumentProcessor, step, no_nlp)
    monkeypatch.setattr(stage, "_file_documents", no_parsing)
    again = run(corpus_copy, tmp_path / "out", settings=settings)
    assert again.counts["cached"] == result.counts["ok"]
    assert differing_files(out, tmp_path / "out") == []


def test_changing_one_file_reprocesses_only_that_file(baseline, corpus_copy, tmp_path, monkeypatch):
    _result, settings, _out = baseline
    changed = tmp_path / "corpus"
    shutil.copytree(corpus_copy, changed)
    target = next(p for p in sorted(changed.rglob("*.md")))
    target.write_text(
        target.read_text(encoding="utf-8") + "\n\nNachtrag: Das Netzwerk trifft sich im Mai.\n",
        encoding="utf-8",
    )
    processed: list[str] = []
    original = DocumentProcessor.classify  # every processed document is classified once

    def spy(self, documents):
        processed.extend(d.source_path for d in documents)
        return original(self, documents)

    monkeypatch.setattr(DocumentProcessor, "classify", spy)
    run(changed, tmp_path / "out", settings=settings)
    assert processed == [target.relative_to(changed).as_posix()]


def test_two_workers_give_byte_identical_tables(baseline, corpus_copy, tmp_path):
    _result, _settings, out = baseline
    run(
        corpus_copy,
        tmp_path / "out",
        settings=Settings(results_dir=tmp_path / "results"),
        workers=2,
        batch_size=4,
    )
    assert differing_files(out, tmp_path / "out") == []


def test_parsing_in_a_child_process_gives_byte_identical_tables(baseline, corpus_copy, tmp_path):
    """One worker and several batches: spaCy parses in a child process, this one extracts."""
    _result, _settings, out = baseline
    run(corpus_copy, tmp_path / "out", settings=Settings(results_dir=tmp_path / "results"), batch_size=4)
    assert differing_files(out, tmp_path / "out") == []


def test_dask_local_cluster_gives_byte_identical_tables(baseline, corpus_copy, tmp_path):
    _result, _settings, out = baseline
    run(
        corpus_copy,
        tmp_path / "out",
        settings=Settings(results_dir=tmp_path / "results"),
        engine="dask",
        workers=2,
        batch_size=4,
    )
    assert differing_files(out, tmp_path / "out") == []


def test_run_killed_with_sigkill_resumes_to_the_same_outputs(baseline, corpus_copy, tmp_path):
    _result, _settings, out = baseline
    results = tmp_path / "results"
    env = {**os.environ, "PROJEKTRADAR_RESULTS": str(results)}
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(corpus_copy),
        "--out",
        str(tmp_path / "out"),
        "--batch-size",
        "2",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while not list(results.rglob("*.json")) and time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not (tmp_path / "out" / "documents.csv").exists()  # nothing half-written in place
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert differing_files(out, tmp_path / "out") == []
    assert not list((tmp_path / "out").glob(".*.tmp"))


@pytest.mark.parametrize(
    ("stage", "batch_size"),
    [
        ("extraction", 64),  # one batch: spaCy and the extraction components run in this process
        ("themes", 4),  # several batches: the child extracts, this process classifies themes
    ],
)
def test_a_document_that_breaks_a_stage_is_listed_and_the_run_goes_on(
    baseline, corpus_copy, tmp_path, monkeypatch, stage, batch_size
):
    result, _settings, _out = baseline
    from pipeline.processing import DocumentProcessor
    from pipeline.themes import ThemeModel

    victim = result["documents"].query("status == 'ok'")["doc_id"].iloc[0]
    owner, method = (
        (DocumentProcessor, "_extract_one") if stage == "extraction" else (ThemeModel, "classify_many")
    )
    original = getattr(owner, method)

    def fragile(self, documents, *args):
        if victim in {d.doc_id for d in (documents if isinstance(documents, list) else [documents])}:
            raise RuntimeError("kaputt")
        return original(self, documents, *args)

    monkeypatch.setattr(owner, method, fragile)
    broken = run(
        corpus_copy,
        tmp_path / "out",
        settings=Settings(results_dir=tmp_path / "results"),
        batch_size=batch_size,
    )
    rows = broken["documents"].set_index("doc_id")
    assert rows.loc[victim, "status"] == "failed"
    assert "kaputt" in rows.loc[victim, "error"]
    assert broken.counts["ok"] == result.counts["ok"] - 1


def test_rerun_into_the_same_folder_reuses_the_written_tables(baseline, corpus_copy, tmp_path):
    _result, settings, _out = baseline
    out = tmp_path / "out"
    first = run(corpus_copy, out, settings=settings)
    written = output_bytes(out)
    again = run(corpus_copy, out, settings=settings)
    assert not first.info["outputs_reused"] and again.info["outputs_reused"]
    assert output_bytes(out) == written
    assert list(again) == list(first)
    for name, frame in first.items():  # as computed, without the CSVs' formula protection
        pd.testing.assert_frame_equal(again[name], frame, check_dtype=True)
    forced = run(corpus_copy, out, settings=settings, force=True)
    assert not forced.info["outputs_reused"]


def test_a_breaking_document_is_isolated_also_when_it_is_alone_in_its_batch():
    from pipeline.document import Document

    class Parsed:
        def __init__(self, text):
            self.text = text

    class FragileModel:
        def pipe(self, texts, **_options):
            for text in texts:
                if text == "kaputt":
                    raise RuntimeError("kaputt")
                yield Parsed(text)

    processor = DocumentProcessor(ProcessorConfig(Settings()))
    processor.__dict__["nlp"] = FragileModel()
    good, bad = Document("a.txt", "txt", text="gut", doc_id="a"), Document("b.txt", "txt", text="kaputt")
    assert [parsed.text for parsed in processor.parse([good])] == ["gut"]
    (alone,) = processor.parse([bad])
    assert isinstance(alone, RuntimeError)
    first, second = processor.parse([good, bad])
    assert first.text == "gut" and isinstance(second, RuntimeError)
