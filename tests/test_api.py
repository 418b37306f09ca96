"""The Python API as people use it: a plain script without a ``__main__`` guard, a script read from
standard input, and the result as a read-only mapping of tables."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from pipeline import run
from pipeline.settings import REPO_DIR

SCRIPT = """\
from pipeline import run
result = run({corpus!r}, out_dir={out!r}, batch_size=1)
print(sorted(result), result.counts["ok"])
"""


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """Three documents in batches of one: the run starts the parsing child and the workbook helper."""
    corpus = tmp_path_factory.mktemp("api") / "corpus"
    corpus.mkdir()
    for name in ("07_landkreis_pflege_und_beruf.txt", "13_unternehmerinnenforum_mittelelbe.txt"):
        shutil.copy(REPO_DIR / "corpus" / name, corpus / name)
    shutil.copy(REPO_DIR / "corpus" / "09_hochschule_boerdeland_kooperation.md", corpus)
    return corpus


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_a_script_without_main_guard_runs(small_corpus, tmp_path, how):
    script = SCRIPT.format(corpus=str(small_corpus), out=str(tmp_path / "out"))
    if how == "file":
        path = tmp_path / "analyse.py"
        path.write_text(script, encoding="utf-8")
        done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path)
    else:
        done = subprocess.run(
            [sys.executable, "-"], input=script, capture_output=True, text=True, cwd=tmp_path
        )
    assert done.returncode == 0, done.stderr[-2000:]
    tables, ok = done.stdout.strip().rsplit(" ", 1)
    assert ok == "3"
    assert "'people'" in tables and "'quotes'" in tables
    assert (tmp_path / "out" / "projektradar.xlsx").is_file()


def test_the_result_is_a_read_only_mapping_of_tables(small_corpus):
    result = run(small_corpus)
    assert isinstance(result, Mapping)
    assert list(result) == list(result.keys()) and "people" in result and "nonsense" not in result
    assert len(result) == len(dict(result)) == 11
    assert all(frame is result[name] for name, frame in result.items())
    with pytest.raises(TypeError):
        result["people"] = None  # type: ignore[index]
    text = repr(result)
    assert text.startswith("<RunResult 3 processed (")
    assert f"people: {len(result['people'])}" in text and "documents: 3" in text
