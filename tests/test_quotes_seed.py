"""The seed press release: Jentsch's quote, Schramm's via „so Schramm“, the motto as a mention."""

from pathlib import Path

from pipeline.processing import DocumentProcessor, ProcessorConfig
from pipeline.settings import Settings

SEED = Settings().shared_dir / "seed" / "000_08f6338388034590.txt"


def test_seed_quotes():
    nlp = DocumentProcessor(ProcessorConfig(settings=Settings())).nlp
    doc = nlp(Path(SEED).read_text(encoding="utf-8"))
    persons = {p.local_id: p.name for p in doc._.persons}
    by_text = {q.text.split()[0]: q for q in doc._.quotes}

    jentsch = by_text["Eindrucksvoll"]
    assert jentsch.kind == "direct"
    assert jentsch.text == (
        "Eindrucksvoll im Projekt war die Netzwerkbildung – der Erfahrungsaustausch. Wir wünschen uns, "
        "dass dieses Netzwerk auch weiter bestehen bleibt"
    )
    assert persons[jentsch.person_local_id] == "Kristin Jentsch"
    assert jentsch.speaker.startswith("Kristin Jentsch")

    schramm = by_text["Es"]
    assert schramm.kind == "direct"
    assert schramm.speaker == "Schramm"
    assert persons[schramm.person_local_id] == "Christian Schramm"

    motto = by_text["Tu"]
    assert motto.text == "Tu Gutes und sprich darüber"
    assert motto.kind == "mention"
    assert motto.speaker == "" and motto.person_local_id is None
    # „sprich“ in the motto is no cue: the title before it is no speech event
    assert all(q.cue != "sprich" and "Abschlussveranstaltung" not in q.text for q in doc._.quotes)
    for quote in doc._.quotes:
        assert doc.text[quote.start : quote.end].startswith(quote.text.split()[0])
