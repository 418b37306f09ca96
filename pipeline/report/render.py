"""Render the report facts as one self-contained HTML page and as Markdown.

Both templates get the same :class:`~pipeline.report.facts.ReportFacts`. Every string that comes from
a document is untrusted: the HTML environment autoescapes, the Markdown environment escapes every
printed string (``finalize``) unless it was built here and marked safe (:class:`markupsafe.Markup`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote as url_quote

import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pipeline import __version__
from pipeline.export import atomic_write_text
from pipeline.report.charts import bar_chart
from pipeline.report.facts import ReportFacts, collect
from pipeline.report.formatting import format_date, format_int, format_percent

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(?=\s|$)")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


def markdown_escape(value: object) -> object:
    """Make document text inert in Markdown: no emphasis, links, HTML, tables or list markers."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    text = _LINE_BREAK.sub(" ", value)  # a newline would end a table row or a blockquote
    text = _MD_ENTITY.sub("&amp;", _MD_INLINE.sub(r"\\\1", text))
    return Markup(_MD_LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", text))


def safe_url(url: str) -> Markup:
    """Percent-encode what could end a Markdown link or HTML attribute early („)“, „>“, spaces)."""
    return Markup(url_quote(url, safe=":/?#&=%+,;@!$*'~"))


def _environment(markdown: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=not markdown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=markdown_escape if markdown else None,
    )
    env.filters.update(num=format_int, date=format_date, url=safe_url)
    env.globals.update(percent=format_percent)
    return env


def codebook_themes(info: dict, tables: dict[str, pd.DataFrame]) -> list[tuple[str, str, str]]:
    """(id, label, definition) of every theme: the run's codebook first, then ids only in the table."""
    from pipeline.themes.codebook import CodebookError, load_codebook

    source = info.get("codebook")
    try:
        codebook = load_codebook(None if source in (None, "", "default") else source)
        themes = [(t.id, t.label, t.definition) for t in codebook.themes]
    except CodebookError:
        themes = []
    known = {theme_id for theme_id, _, _ in themes}
    table = tables.get("themes")
    extra = [] if table is None else sorted(set(table["theme"].dropna()) - known)
    return themes + [(theme_id, theme_id, "") for theme_id in extra]


def _charts(facts: ReportFacts) -> dict[str, Markup]:
    """Every chart of the report, keyed by where the templates place it."""
    found = [t for t in facts.themes if t.n_documents]
    charts = {}
    if found:
        charts["themes"] = bar_chart(
            "Dokumente je Thema",
            [t.label for t in found],
            {"Dokumente": [t.n_documents for t in found]},
            key="themen",
            value_label="Dokumente",
        )
    for theme in found:
        if theme.trend:
            charts[f"trend-{theme.id}"] = bar_chart(
                f"{theme.label}: Dokumente je {facts.period_unit}",
                [period for period, _ in theme.trend],
                {"Dokumente": [n for _, n in theme.trend]},
                key=f"trend-{theme.id}",
                horizontal=False,
                value_label="Dokumente",
            )
    voices = facts.voices
    if voices.n_named:
        charts["gender"] = bar_chart(
            "Genannte und zitierte Personen nach Geschlecht",
            [label for label, *_ in voices.by_gender],
            {
                "genannt": [named for _, named, _, _ in voices.by_gender],
                "zitiert": [quoted for _, _, quoted, _ in voices.by_gender],
            },
            key="geschlecht",
            value_label="Personen",
        )
    if voices.by_role:
        charts["roles"] = bar_chart(
            "Zitierte Personen nach Rollenkategorie",
            [category for category, _, _ in voices.by_role],
            {"Personen": [people for _, people, _ in voices.by_role]},
            key="rollen",
            value_label="Personen",
        )
    return charts


def _corpus_name(info: dict) -> str:
    names = [Path(p).name or str(p) for p in info.get("inputs", [])]
    return ", ".join(names)


def write_report(tables: dict[str, pd.DataFrame], out_dir: Path, info: dict) -> Path:
    """Write ``<out_dir>/report/index.html`` and ``summary.md``; returns the HTML path."""
    report_dir = Path(out_dir) / "report"
    facts = collect(tables, info, report_dir, codebook_themes(info, tables))
    context = {
        "facts": facts,
        "corpus": _corpus_name(info),
        "created": format_date(dt.date.today().isoformat()),
        "version": __version__,
    }
    html = _environment(markdown=False).get_template("index.html.j2").render(**context, charts=_charts(facts))
    markdown = _environment(markdown=True).get_template("summary.md.j2").render(**context)
    atomic_write_text(report_dir / "summary.md", markdown)
    atomic_write_text(report_dir / "index.html", html)
    return report_dir / "index.html"
