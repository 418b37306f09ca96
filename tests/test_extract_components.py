"""The extraction components as spaCy components: declared requires/assigns, lexicons given by a folder
(config or ``initialize``) and saved with the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from people_docs import make_doc

from pipeline.extract import EXTRACTORS, add_extractors
from pipeline.extract.lexicons import LEXICON_FILES, ROLES, SPEECH_VERBS
from pipeline.settings import RESOURCES_DIR

# „Zauberer“ is no role noun of the package's lexicon, „raunen“ no speech verb.
ROLE_SENTENCE = "Das sagte Anna Berger, Zaubererin der Stadtwerke Bautzen, am Montag."
SPEECH_SENTENCE = "Anna Berger raunte, dass das Projekt gut laufe."


def lexicon_copy(folder: Path) -> Path:
    """The package's lexicon files with one more role noun and one more speech verb."""
    folder.mkdir()
    for name in LEXICON_FILES:
        shutil.copyfile(RESOURCES_DIR / name, folder / name)
    with (folder / ROLES).open("a", encoding="utf-8") as handle:
        handle.write("  - {m: Zauberer, category: Sonstiges}\n")
    verbs = folder / SPEECH_VERBS
    text = verbs.read_text(encoding="utf-8").replace("verbs:\n", "verbs:\n  raunen: {}\n", 1)
    verbs.write_text(text, encoding="utf-8")
    return folder


def extractors(lexicons: Path | None = None) -> spacy.Language:
    """A blank German pipeline with the two extraction components (their lexicons from ``lexicons``)."""
    nlp = spacy.blank("de")
    config = {"lexicons": str(lexicons)} if lexicons else {}
    for name in EXTRACTORS:
        nlp.add_pipe(name, config=config)
    return nlp


def run(nlp: spacy.Language, text: str, persons=("Anna Berger",), orgs=()):
    """The extraction components over a hand-annotated Doc (the blank pipeline has no parser)."""
    doc = make_doc(text, persons=persons, orgs=orgs)
    for name in EXTRACTORS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def role_nouns(doc) -> list[str]:
    return [r.role_normalized for r in doc._.roles]


def quoted(doc) -> list[tuple[str, str]]:
    return [(q.kind, q.speaker) for q in doc._.quotes]


def test_a_role_noun_added_to_the_configured_folder_is_found(tmp_path):
    folder = lexicon_copy(tmp_path / "lexicons")
    orgs = ("Stadtwerke Bautzen",)
    assert role_nouns(run(extractors(), ROLE_SENTENCE, orgs=orgs)) == []
    doc = run(extractors(folder), ROLE_SENTENCE, orgs=orgs)
    assert role_nouns(doc) == ["Zauberer/in"]
    assert doc._.roles[0].org_text == "Stadtwerke Bautzen"
    assert doc._.persons[0].gender == "female"  # from the new role noun's feminine form


def test_a_speech_verb_added_to_the_folder_given_at_initialize_is_a_cue(tmp_path):
    folder = lexicon_copy(tmp_path / "lexicons")
    nlp = extractors()
    assert quoted(run(nlp, SPEECH_SENTENCE)) == []
    nlp.config["initialize"]["components"] = {name: {"lexicons": str(folder)} for name in EXTRACTORS}
    nlp.initialize()
    assert quoted(run(nlp, SPEECH_SENTENCE)) == [("indirect", "Anna Berger")]


def test_a_saved_pipeline_keeps_its_lexicons(tmp_path):
    folder = lexicon_copy(tmp_path / "lexicons")
    nlp = extractors(folder)
    nlp.to_disk(tmp_path / "pipeline")
    in_bytes = nlp.to_bytes()
    shutil.rmtree(folder)  # the saved pipeline has its own copy

    loaded = spacy.load(tmp_path / "pipeline")  # the factories come from the package's entry points
    assert loaded.pipe_names == list(EXTRACTORS)
    assert role_nouns(run(loaded, ROLE_SENTENCE)) == ["Zauberer/in"]
    assert quoted(run(loaded, SPEECH_SENTENCE)) == [("indirect", "Anna Berger")]

    from_bytes = extractors().from_bytes(in_bytes)
    assert role_nouns(run(from_bytes, ROLE_SENTENCE)) == ["Zauberer/in"]


def test_a_lexicon_folder_without_its_files_is_an_error(tmp_path):
    nlp = extractors(tmp_path)
    with pytest.raises(FileNotFoundError):
        run(nlp, ROLE_SENTENCE)


@pytest.fixture
def real_pipeline():
    """The project's loaded pipeline with the extractors (taken off again: the loaded model is shared)."""
    from pipeline.nlp import load_nlp
    from pipeline.settings import Settings

    nlp, _ = load_nlp(settings=Settings())
    added = [name for name in EXTRACTORS if name not in nlp.pipe_names]
    yield add_extractors(nlp)
    for name in added:
        nlp.remove_pipe(name)


def test_the_real_pipeline_provides_everything_the_extractors_require(real_pipeline):
    analysis = real_pipeline.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    assert analysis["attrs"]["doc._.persons"] == {
        "assigns": ["projektradar_people"],
        "requires": ["projektradar_quotes"],
    }
    assert analysis["attrs"]["doc._.quotes"]["assigns"] == ["projektradar_quotes"]


def test_without_a_parser_and_ner_the_requirements_are_reported():
    problems = extractors().analyze_pipes(pretty=False)["problems"]
    assert {"doc.ents", "token.dep", "token.pos"} <= set(problems["projektradar_people"])
    assert "doc._.persons" not in problems["projektradar_quotes"]  # the people component assigns them
