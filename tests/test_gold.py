"""Consistency of the gold annotations (tests/gold/) with the sample corpus (corpus/).

Independent of the pipeline: every document is decoded here with the standard library, pypdf and
python-docx, and every annotated string must occur in the decoded text (compared with collapsed
whitespace). See tests/gold/README.md for the annotation format.
"""

from __future__ import annotations

import csv
import email
import email.policy
import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.settings import Settings
from pipeline.themes.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD_DIR = ROOT / "tests" / "gold"
SHARED_SEED = Settings().shared_dir / "seed"

THEMES = set(load_codebook().ids)  # the gold may only use the shipped codebook's themes
ORG_TYPES = {
    "Ministerium/Behörde",
    "Kommune",
    "Unternehmen",
    "Verein/Verband",
    "Kammer",
    "Hochschule/Forschung",
    "Stiftung",
    "Netzwerk/Bündnis",
    "Projekt/Programm",
}
FUNCTIONS = {"Projektträger", "Förderer", "Partner/Mitglied", ""}
LEGAL_FORMS = {"", "GmbH", "gGmbH", "mbH", "AG", "e.V.", "eG", "GmbH & Co. KG"}
KINDS = {"direct", "indirect", "reported", "mention"}
SPEAKER_TYPES = {"person", "organisation", "group", ""}
GENDERS = {"female", "male", "unknown"}
TITLES = {"", "Dr.", "Prof. Dr."}


def load_gold() -> dict:
    return json.loads((GOLD_DIR / "corpus.json").read_text(encoding="utf-8"))


GOLD = load_gold()
DOC_KEYS = sorted(GOLD)


# --------------------------------------------------------------------------- decoding


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _html_text(raw: bytes) -> str:
    parser = _HTMLText()
    parser.feed(raw.decode("utf-8"))
    return "".join(parser.parts)


def _plain_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _eml_text(raw: bytes) -> str:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return f"{msg['Subject']}\n\n{msg.get_body(('plain',)).get_content()}"


def _docx_text(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [cell.text for table in d.tables for row in table.rows for cell in row.cells]
    return "\n\n".join(parts)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    pages = [p.extract_text().splitlines() for p in PdfReader(str(path)).pages]
    repeated = set.intersection(*(set(lines) for lines in pages)) if len(pages) > 1 else set()
    lines = [
        ln
        for page in pages
        for ln in page
        if ln not in repeated and not re.fullmatch(r"\s*Seite \d+ von \d+\s*", ln)
    ]
    text = "\n".join(lines)
    return re.sub(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])", "", text)  # soft hyphenation at line ends


def _row_text(path: Path, row_id: str) -> str:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    else:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    matches = [r for r in rows if str(r["id"]) == row_id]
    assert len(matches) == 1, f"{path.name}: row {row_id!r} found {len(matches)} times"
    return f"{matches[0]['title']}\n\n{matches[0]['text']}"


@cache
def document_text(key: str) -> str:
    """Decoded text of a gold document (corpus-relative path, `file#id` for table rows, or seed/...)."""
    if key.startswith("seed/"):
        path = SHARED_SEED / key.removeprefix("seed/")
        return path.read_text(encoding="utf-8")  # ../shared must be beside the checkout (CI has it)
    name, _, row_id = key.partition("#")
    path = CORPUS / name
    assert path.exists(), f"gold document {key} has no file {path}"
    if row_id:
        return _row_text(path, row_id)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path)
    if suffix == ".docx":
        return _docx_text(path)
    raw = path.read_bytes()
    if suffix in (".html", ".htm"):
        return _html_text(raw)
    if suffix == ".eml":
        return _eml_text(raw)
    return _plain_text(raw)


def norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@cache
def normalised(key: str) -> str:
    return norm(document_text(key))


def occurs(needle: str, key: str) -> bool:
    return norm(needle) in normalised(key)


# --------------------------------------------------------------------------- tests


def corpus_documents() -> set[str]:
    """Every document the corpus holds: one per file, one per row of csv/jsonl exports."""
    keys = set()
    for path in CORPUS.rglob("*"):
        if not path.is_file() or path.name == "README.md":
            continue
        rel = path.relative_to(CORPUS).as_posix()
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as f:
                keys |= {f"{rel}#{row['id']}" for row in csv.DictReader(f)}
        elif path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            keys |= {f"{rel}#{json.loads(line)['id']}" for line in lines if line.strip()}
        else:
            keys.add(rel)
    return keys


def test_every_corpus_document_is_annotated():
    meta = json.loads((GOLD_DIR / "documents.json").read_text(encoding="utf-8"))
    duplicates = {k for k, v in meta.items() if v["duplicate_of"]}
    docs = corpus_documents()
    assert docs == set(meta), "documents.json must list every corpus document"
    corpus_keys = {k for k in GOLD if not k.startswith("seed/")}
    assert corpus_keys == docs - duplicates
    assert len(corpus_keys) >= 16
    for dup in duplicates:
        original = meta[dup]["duplicate_of"]
        assert (CORPUS / dup).read_bytes() == (CORPUS / original).read_bytes()


@pytest.mark.parametrize("key", DOC_KEYS)
def test_persons(key):
    persons = GOLD[key]["persons"]
    org_names = {o["name"] for o in GOLD[key]["organisations"]}
    names = [p["name"] for p in persons]
    assert len(names) == len(set(names)), "duplicate person"
    for p in persons:
        assert set(p) == {"name", "title", "gender", "roles"}
        assert occurs(p["name"], key), p["name"]
        assert p["title"] in TITLES
        if p["title"]:
            assert occurs(f"{p['title']} {p['name']}", key), p
        assert p["gender"] in GENDERS
        for role in p["roles"]:
            assert set(role) == {"text", "head", "qualifier", "org"}
            assert occurs(role["text"], key), role["text"]
            assert role["head"], role
            assert role["org"] in org_names | {""}, role["org"]


@pytest.mark.parametrize("key", DOC_KEYS)
def test_organisations(key):
    orgs = GOLD[key]["organisations"]
    assert len({o["name"] for o in orgs}) == len(orgs), "duplicate organisation"
    for o in orgs:
        assert set(o) <= {"name", "abbreviation", "legal_form", "type", "function", "aliases"}
        forms = [o["name"], *o.get("aliases", [])] + ([o["abbreviation"]] if o["abbreviation"] else [])
        assert any(occurs(f, key) for f in forms), o["name"]
        for alias in o.get("aliases", []):
            assert occurs(alias, key), alias
        assert o["type"] in ORG_TYPES, o
        assert o["function"] in FUNCTIONS, o
        assert o["legal_form"] in LEGAL_FORMS, o
        if o["legal_form"]:
            assert o["name"].endswith(o["legal_form"]), o


@pytest.mark.parametrize("key", DOC_KEYS)
def test_quotes(key):
    entry = GOLD[key]
    persons = {p["name"] for p in entry["persons"]}
    orgs = {o["name"] for o in entry["organisations"]}
    for q in entry["quotes"]:
        assert set(q) <= {"kind", "speaker", "speaker_type", "text", "parts"}
        assert q["kind"] in KINDS and q["speaker_type"] in SPEAKER_TYPES, q
        parts = q.get("parts", [q["text"]])
        if "parts" in q:
            assert q["text"] == " ".join(parts)
        for part in parts:
            assert part == part.strip() and part, q
            assert occurs(part, key), part
        if q["kind"] == "mention":
            assert q["speaker"] == "" and q["speaker_type"] == "", q
        if q["speaker_type"] == "person":
            assert q["speaker"] in persons, q["speaker"]
        elif q["speaker_type"] == "organisation":
            assert q["speaker"] in orgs, q["speaker"]
        elif q["speaker_type"] == "group":
            assert occurs(q["speaker"], key), q["speaker"]
        else:
            assert q["speaker"] == "", q


def paragraph_rows() -> list[dict]:
    with (GOLD_DIR / "paragraph_themes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["source_path", "text", "themes"]
    return rows


def test_paragraph_themes():
    rows = paragraph_rows()
    seen = set()
    for row in rows:
        key = row["source_path"]
        assert key in GOLD, key
        themes = [t for t in row["themes"].split(";") if t]
        assert set(themes) <= THEMES, row
        assert row["text"].strip(), row
        if key.startswith("seed/") and not SHARED_SEED.exists():
            continue
        assert occurs(row["text"], key), row["text"][:80]
        assert (key, row["text"]) not in seen, "duplicate paragraph"
        seen.add((key, row["text"]))
    labelled = {r["source_path"] for r in rows}
    assert {k for k in GOLD if not k.startswith("seed/")} <= labelled


def test_document_themes_are_the_union_of_paragraph_themes():
    union: dict[str, set[str]] = {}
    for row in paragraph_rows():
        union.setdefault(row["source_path"], set()).update(t for t in row["themes"].split(";") if t)
    for key, entry in GOLD.items():
        assert set(entry["themes"]) <= THEMES
        assert set(entry["themes"]) == union.get(key, set()), key


def test_every_theme_is_substantial_in_three_documents():
    counts = {t: sum(t in e["themes"] for k, e in GOLD.items() if not k.startswith("seed/")) for t in THEMES}
    assert min(counts.values()) >= 3, counts


def test_person_clusters_refer_to_gold_persons():
    clusters = json.loads((GOLD_DIR / "person_clusters.json").read_text(encoding="utf-8"))
    for members in clusters.values():
        assert len({doc for doc, _ in members}) >= 2
        for doc, name in members:
            assert name in {p["name"] for p in GOLD[doc]["persons"]}, (doc, name)
