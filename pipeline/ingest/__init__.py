"""Ingest stage: turn files of many formats into clean :class:`~pipeline.document.Document` objects.

One module per input format (``text``, ``html``, ``pdf``, ``docx``, ``eml``, ``tabular``, and
``scrape`` for noisy web text); ``stage`` runs them and gives every input exactly one row.
"""

from pipeline.ingest.discover import discover_files
from pipeline.ingest.stage import iter_documents

__all__ = ["discover_files", "iter_documents"]
