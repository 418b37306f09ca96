"""Extraction stage: people, roles, organisations and quotes from a parsed spaCy ``Doc``.

The logic runs as spaCy components (factories registered under the ``spacy_factories`` entry point,
with their ``requires``/``assigns``), added after the model's own components by :func:`add_extractors`:

- ``projektradar_people`` (pipeline/extract/people.py) sets ``doc._.persons``,
  ``doc._.organisations``, ``doc._.programmes`` (pipeline/extract/programmes.py) and ``doc._.roles``;
- ``projektradar_quotes`` (pipeline/extract/quotes.py) sets ``doc._.quotes`` and resolves speakers
  through the people component's results.

Both read their lexicons from a folder (config ``lexicons``, default ``pipeline/resources/``) and save
them with the pipeline (:mod:`pipeline.extract.lexicons`).

:func:`extract` collects those attributes into a plain :class:`DocExtraction` that the runner caches
per document; the tables stage (:mod:`pipeline.tables`) merges them into corpus-wide tables.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.records import DocExtraction

EXTRACTORS = ("projektradar_people", "projektradar_quotes")
_DOC_ATTRIBUTES = ("persons", "organisations", "programmes", "roles", "quotes")

for _name in _DOC_ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def add_extractors(nlp: Language) -> Language:
    """Append the extraction components (imported here so their factories are registered without the
    installed entry points too)."""
    from pipeline.extract import people, quotes  # noqa: F401  (registers the factories)

    for name in EXTRACTORS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def extract(doc: Doc, doc_id: str) -> DocExtraction:
    """Plain-data view of what the components found in ``doc``."""
    return DocExtraction(
        doc_id=doc_id, **{name: list(getattr(doc._, name) or []) for name in _DOC_ATTRIBUTES}
    )
