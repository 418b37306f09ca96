"""Build the sample corpus (corpus/) and the paragraph labels from tests/gold/sources/*.src.

Every corpus document is written from one source file in tests/gold/sources/. A source file has a
small header (``key: value`` lines, then ``---``) and blocks separated by blank lines. Each block
starts with a label in square brackets:

    [theme;theme] paragraph text             a paragraph with its codebook themes
    [] paragraph text                        a paragraph without any theme
    [theme|h1] Title                         a heading (h1/h2), a lead (lead) or a meta line (meta)
    [!] Empfehlen Sie diese Seite …          boilerplate (share/logo/date lines): rendered, not labelled
    [table] cell | cell                      a table row (DOCX only), not labelled

Soft hyphens (U+00AD) mark where the PDF renderer may hyphenate a word at a line end; they are
removed everywhere else. The script writes, deterministically:

* corpus/*  (txt, UTF-8 with BOM, Windows-1252, md, html, pdf, docx, eml, csv, jsonl, a duplicate)
* tests/gold/paragraph_themes.csv  (source_path,text,themes) — also for the seed document when
  ../shared/seed/ is available (its labels are listed in SEED_LABELS below)
* tests/gold/documents.json  (expected ingest metadata per document)

Run:  .venv/bin/python tests/gold/build_corpus.py
"""

from __future__ import annotations

import csv
import datetime as dt
import email.policy
import html
import io
import json
import re
import shutil
import textwrap
from email.message import EmailMessage
from pathlib import Path

from pipeline.settings import Settings
from pipeline.themes.codebook import load_codebook

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "tests" / "gold" / "sources"
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
SEED = Settings().shared_dir / "seed" / "000_08f6338388034590.txt"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

SHY = "\u00ad"
THEMES = tuple(load_codebook().ids)  # paragraph labels may only use the shipped codebook's themes

# The duplicate: an exact byte copy of another corpus document under a different name.
DUPLICATES = {"corpus/16_digital_fit_im_betrieb_kopie.txt": "corpus/14_digital_fit_im_betrieb.txt"}

# Paragraph labels for the real seed document (matched by the paragraph's beginning).
SEED_LABELS = [
    ("Bündnis Bautzen: Die regionale Abschlussveranstaltung", "netzwerk;verstetigung"),
    ("Podiumsgespräch zu Good Practices", "good_practice"),
    (
        "„Tu Gutes und sprich darüber“ ist die Bilanz",
        "netzwerk;verstetigung;fachkraefte;nachwuchs_ausbildung;weiterbildung;chancengleichheit;"
        "frauen_fuehrung;oeffentlichkeit",
    ),
    ("Davon dass die Zusammenarbeit im Bündnis", "netzwerk;verstetigung;good_practice;chancengleichheit"),
]
SEED_BOILERPLATE = re.compile(
    r"^(Empfehlen Sie diese Seite.*|Projektträger(in)?|[\w-]+-[Ll]ogo|gefördert vom|\d{2}\.\d{2}\.\d{4})$"
)


# --------------------------------------------------------------------------- sources


class Block:
    def __init__(self, label: str, text: str):
        self.text = text
        self.kind = "p"
        self.themes: str | None = ""
        if label == "!":
            self.kind, self.themes = "boilerplate", None
        elif label == "table":
            self.kind, self.themes = "table", None
        else:
            themes, _, kind = label.partition("|")
            self.kind = kind or "p"
            self.themes = themes
            for theme in filter(None, themes.split(";")):
                if theme not in THEMES:
                    raise ValueError(f"unknown theme {theme!r} in block {text[:40]!r}")

    @property
    def plain(self) -> str:
        """Text without soft hyphens and with single spaces (as written to the label file)."""
        return " ".join(self.text.replace(SHY, "").split())

    @property
    def raw(self) -> str:
        return self.text.replace(SHY, "")


class Source:
    def __init__(self, path: Path):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        self.meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
        self.blocks = []
        for chunk in re.split(r"\n\s*\n", body.strip()):
            for line in chunk.splitlines() if chunk.startswith("[table]") else [chunk]:
                m = re.match(r"\[([^\]]*)\] ?(.*)", line, re.S)
                if not m:
                    raise ValueError(f"{path.name}: block without label: {line[:60]!r}")
                self.blocks.append(Block(m.group(1), " ".join(m.group(2).split())))

    @property
    def path(self) -> str:
        return self.meta["path"]

    @property
    def key(self) -> str:
        """Gold key: corpus-relative path, for table rows ``file#id``."""
        rel = self.path.removeprefix("corpus/")
        return f"{rel}#{self.meta['id']}" if "id" in self.meta else rel

    def body(self, sep: str = "\n\n") -> str:
        return sep.join(b.raw for b in self.blocks if b.kind != "table")


def load_sources() -> list[Source]:
    return [Source(p) for p in sorted(SOURCES.glob("*.src"))]


# --------------------------------------------------------------------------- renderers


def render_txt(src: Source) -> str:
    return src.body() + "\n"


def render_txt_cp1252(src: Source) -> bytes:
    """Old-style Windows text: lines wrapped at 76 columns, CRLF line ends, Windows-1252."""
    paras = [
        textwrap.fill(b.raw, width=76, break_on_hyphens=False, break_long_words=False) for b in src.blocks
    ]
    text = "\n\n".join(paras) + "\n"
    return text.replace("\n", "\r\n").encode("cp1252")


def render_md(src: Source) -> str:
    out = []
    for b in src.blocks:
        if b.kind == "h1":
            out.append(f"# {b.raw}")
        elif b.kind == "h2":
            out.append(f"## {b.raw}")
        elif b.kind == "meta":
            out.append(f"*{b.raw}*")
        else:
            out.append(b.raw)
    return "\n\n".join(out) + "\n"


def render_scrape(src: Source) -> str:
    """Imitate the seed: a share line, logo lines, a date line, odd indentation, one line per paragraph."""
    bp = [b.raw for b in src.blocks if b.kind == "boilerplate"]
    share, traeger, traeger_logo, gefoerdert, funder_logo, date = bp
    content = [b for b in src.blocks if b.kind != "boilerplate"]
    heads = [b.raw for b in content if b.kind in ("h1", "h2")]
    paras = [b.raw for b in content if b.kind == "p"]
    ind = "    "
    lines = [
        share,
        "",
        ind + traeger,
        ind + traeger_logo,
        "",
        ind + gefoerdert,
        ind + funder_logo,
        ind + "\u00a0",
        ind + date,
        "",
        *[x for h in heads for x in (ind + h, "")],
        *[ind + p for p in paras],
    ]
    return "\n".join(lines) + "\n"


HTML_PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | Stadt Weißenfeld</title>
  <meta name="date" content="{date}">
  <meta name="description" content="{lead}">
  <meta property="og:site_name" content="Stadt Weißenfeld">
  <meta property="og:title" content="{title}">
  <link rel="canonical" href="{url}">
  <link rel="stylesheet" href="/assets/css/main.css">
</head>
<body class="page-press">
  <div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie-Hinweis">
    <p>Diese Website verwendet Cookies, um Ihnen den bestmöglichen Service zu bieten. Mit der Nutzung
    stimmen Sie der Verwendung von Cookies zu. <a href="/datenschutz">Mehr erfahren</a></p>
    <button type="button" class="btn">Alle akzeptieren</button>
    <button type="button" class="btn btn-secondary">Nur notwendige</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/"><img src="/assets/img/wappen.svg" alt="Wappen">
      Stadt Weißenfeld</a>
    <nav class="main-nav" aria-label="Hauptnavigation">
      <ul>
        <li><a href="/rathaus">Rathaus &amp; Politik</a></li>
        <li><a href="/buergerservice">Bürgerservice</a></li>
        <li><a href="/wirtschaft">Wirtschaft</a></li>
        <li><a href="/familie">Familie &amp; Soziales</a></li>
        <li><a href="/kultur">Kultur &amp; Freizeit</a></li>
        <li class="active"><a href="/rathaus/presse">Presse</a></li>
      </ul>
    </nav>
    <form class="search" action="/suche"><input type="search" name="q" placeholder="Suchbegriff">
      <button>Suchen</button></form>
  </header>
  <nav class="breadcrumb" aria-label="Brotkrumen">
    <a href="/">Startseite</a> › <a href="/rathaus">Rathaus &amp; Politik</a> ›
    <a href="/rathaus/presse">Pressemitteilungen</a> › Familienpreis 2019
  </nav>
  <div class="container">
    <main id="content">
      <article class="press-release">
        <header>
          <p class="kicker">Pressemitteilung</p>
          <h1>{title}</h1>
          <p class="meta">Veröffentlicht am <time datetime="{date}">{date_as_written}</time>
            von der Pressestelle</p>
        </header>
{body}
      </article>
      <div class="share">Teilen: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">E-Mail</a>
        <a href="javascript:window.print()">Drucken</a></div>
    </main>
    <aside class="sidebar" aria-label="Weitere Meldungen">
      <h2>Weitere Meldungen</h2>
      <ul>
        <li><a href="/rathaus/presse/2019/stadtfest">Stadtfest 2019: Programm steht fest</a></li>
        <li><a href="/rathaus/presse/2019/bahnhofstrasse">Sperrung der Bahnhofstraße ab 1. Juli</a></li>
        <li><a href="/rathaus/presse/2019/ferienpass">Ferienpass für Kinder ab sofort erhältlich</a></li>
      </ul>
      <h2>Pressestelle</h2>
      <p>Markt 1, 06667 Weißenfeld<br>presse@weissenfeld.example</p>
    </aside>
  </div>
  <footer class="site-footer">
    <ul>
      <li><a href="/impressum">Impressum</a></li>
      <li><a href="/datenschutz">Datenschutz</a></li>
      <li><a href="/barrierefreiheit">Barrierefreiheit</a></li>
      <li><a href="/kontakt">Kontakt</a></li>
    </ul>
    <p>© 2019 Stadt Weißenfeld. Alle Rechte vorbehalten.</p>
  </footer>
</body>
</html>
"""


def render_html(src: Source) -> str:
    esc = html.escape
    body = []
    lead = ""
    for b in src.blocks:
        if b.kind == "h1":
            continue
        if b.kind == "lead":
            lead = b.raw
            body.append(f'        <p class="lead"><strong>{esc(b.raw, quote=False)}</strong></p>')
        elif b.kind == "h2":
            body.append(f"        <h2>{esc(b.raw, quote=False)}</h2>")
        else:
            cls = ' class="contact"' if b.raw.startswith("Ansprechpartner") else ""
            body.append(f"        <p{cls}>{esc(b.raw, quote=False)}</p>")
    return HTML_PAGE.format(
        title=esc(src.meta["title"]),
        date=src.meta["date"],
        date_as_written=src.meta["date_as_written"],
        lead=esc(lead),
        url=src.meta["url"],
        body="\n".join(body),
    )


def render_pdf(src: Source) -> bytes:
    from fpdf import FPDF

    header_text = src.meta["header"]

    class Report(FPDF):
        def header(self):
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, header_text, new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-13)
            self.set_font("DejaVu", "", 7.5)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, f"Seite {self.page_no()} von {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Report(format=(148, 210), unit="mm")
    pdf.set_creation_date(dt.datetime(2017, 12, 15, 9, 0, tzinfo=dt.timezone.utc))
    pdf.set_title(src.meta["title"])
    pdf.set_author("Hochschule Bördeland")
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for b in src.blocks:
        if b.kind == "h1":
            pdf.set_font("DejaVu", "B", 12.5)
            line_h, space = 6.2, 3
        elif b.kind == "h2":
            pdf.set_font("DejaVu", "B", 10.5)
            line_h, space = 5.5, 1.5
            pdf.ln(2)
        else:
            pdf.set_font("DejaVu", "", 10)
            line_h, space = 5.2, 2.5
        for line in hyphenate_lines(pdf, b.text, width):
            pdf.cell(width, line_h, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space)
    return bytes(pdf.output())


def hyphenate_lines(pdf, text: str, width: float) -> list[str]:
    """Greedy line breaking at spaces and at soft hyphens (rendered as "-" at the line end).

    A token that ends in a hyphen ("Metall- und") is glued to the next word, so a line never ends
    in a hyphen that is part of the text: every line-end hyphen in the PDF is a soft hyphen.
    """
    raw = text.split(" ")
    tokens: list[str] = []
    for tok in raw:
        if tokens and tokens[-1].endswith("-") and tokens[-1][-2:-1].isalpha():
            tokens[-1] += "\u00a0" + tok
        else:
            tokens.append(tok)

    def fits(s: str) -> bool:
        return pdf.get_string_width(s.replace(SHY, "")) <= width

    lines: list[str] = []
    cur = ""
    for tok in tokens:
        cand = f"{cur} {tok}" if cur else tok
        if fits(cand):
            cur = cand
            continue
        # try to split the token at its last fitting soft hyphen
        parts = tok.split(SHY)
        done = False
        for i in range(len(parts) - 1, 0, -1):
            head = SHY.join(parts[:i]).replace(SHY, "") + "-"
            trial = f"{cur} {head}" if cur else head
            if fits(trial):
                lines.append(trial)
                cur = SHY.join(parts[i:])
                done = True
                break
        if not done:
            if cur:
                lines.append(cur)
            cur = tok
    if cur:
        lines.append(cur)
    return [ln.replace(SHY, "").replace("\u00a0", " ") for ln in lines]


def render_docx(src: Source) -> bytes:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.core_properties.title = src.meta["title"]
    d.core_properties.author = "Frauen.Wirtschaft.Oberpfalz e.V."
    d.core_properties.created = dt.datetime(2021, 3, 31, 12, 0)
    d.core_properties.modified = dt.datetime(2021, 3, 31, 12, 0)
    d.core_properties.language = "de-DE"
    d.styles["Normal"].font.name = "Calibri"
    d.styles["Normal"].font.size = Pt(11)
    rows = [b.raw.split(" | ") for b in src.blocks if b.kind == "table"]
    table_done = False
    for b in src.blocks:
        if b.kind == "h1":
            d.add_heading(b.raw, level=1)
        elif b.kind == "h2":
            d.add_heading(b.raw, level=2)
        elif b.kind == "table":
            if not table_done:
                t = d.add_table(rows=len(rows), cols=len(rows[0]))
                t.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        t.cell(r, c).text = cell
                table_done = True
        else:
            d.add_paragraph(b.raw)
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (docx) with fixed timestamps so the build is byte-for-byte reproducible."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2021, 3, 31, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_eml(src: Source) -> bytes:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = src.meta["from"]
    msg["To"] = src.meta["to"]
    msg["Subject"] = src.meta["title"]
    msg["Date"] = src.meta["date_header"]
    msg["Message-ID"] = "<pm-14-2019.20190312094713@ihk-mittelelbe.example>"
    body = src.body() + "\n"
    msg.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes()


def render_rows_csv(sources: list[Source]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "title", "date", "url", "text"])
    for s in sources:
        w.writerow([s.meta["id"], s.meta["title"], s.meta["date_as_written"], s.meta["url"], s.body()])
    return buf.getvalue()


def render_rows_jsonl(sources: list[Source]) -> str:
    lines = []
    for s in sources:
        row = {"id": s.meta["id"], "title": s.meta["title"], "date": s.meta["date"], "url": s.meta["url"]}
        row["text"] = s.body()
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def write(path: str, data: str | bytes) -> None:
    target = ROOT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        target.write_bytes(data.encode("utf-8"))
    else:
        target.write_bytes(data)


def build() -> None:
    sources = load_sources()
    containers: dict[str, list[Source]] = {}
    for s in sources:
        fmt = s.meta["format"]
        if fmt in ("csv", "jsonl"):
            containers.setdefault(s.path, []).append(s)
        elif fmt == "txt":
            write(s.path, render_txt(s))
        elif fmt == "txt_bom":
            write(s.path, b"\xef\xbb\xbf" + render_txt(s).encode("utf-8"))
        elif fmt == "txt_cp1252":
            write(s.path, render_txt_cp1252(s))
        elif fmt == "md":
            write(s.path, render_md(s))
        elif fmt == "scrape":
            write(s.path, render_scrape(s))
        elif fmt == "html":
            write(s.path, render_html(s))
        elif fmt == "pdf":
            write(s.path, render_pdf(s))
        elif fmt == "docx":
            write(s.path, render_docx(s))
        elif fmt == "eml":
            write(s.path, render_eml(s))
        else:
            raise ValueError(f"unknown format {fmt}")
    for path, rows in containers.items():
        write(path, render_rows_csv(rows) if path.endswith(".csv") else render_rows_jsonl(rows))
    for copy, original in DUPLICATES.items():
        shutil.copyfile(ROOT / original, ROOT / copy)

    write_paragraph_labels(sources)
    write_document_metadata(sources)


def write_paragraph_labels(sources: list[Source]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source_path", "text", "themes"])
    for s in sources:
        for b in s.blocks:
            if b.themes is None:
                continue
            w.writerow([s.key, b.plain, b.themes])
    if SEED.exists():
        for line in SEED.read_text(encoding="utf-8").splitlines():
            text = " ".join(line.split())
            if not text or SEED_BOILERPLATE.match(text):
                continue
            labels = [lab for start, lab in SEED_LABELS if text.startswith(start)]
            if len(labels) != 1:
                raise ValueError(f"seed paragraph without label: {text[:60]!r}")
            w.writerow([f"seed/{SEED.name}", text, labels[0]])
    write("tests/gold/paragraph_themes.csv", buf.getvalue())


def write_document_metadata(sources: list[Source]) -> None:
    formats = {
        "scrape": "txt",
        "txt_bom": "txt",
        "txt_cp1252": "txt",
    }
    encodings = {"txt_bom": "utf-8-sig", "txt_cp1252": "cp1252"}
    meta: dict[str, dict] = {}
    for s in sources:
        fmt = s.meta["format"]
        meta[s.key] = {
            "format": formats.get(fmt, fmt),
            "encoding": encodings.get(fmt, "utf-8"),
            "title": s.meta["title"],
            "date": s.meta["date"],
            "date_as_written": s.meta["date_as_written"],
            "projekttraeger": s.meta.get("projekttraeger", ""),
            "funder": s.meta.get("funder", ""),
            "publisher": s.meta.get("publisher", ""),
            "url": s.meta.get("url", ""),
            "duplicate_of": "",
        }
    for copy, original in DUPLICATES.items():
        key = original.removeprefix("corpus/")
        meta[copy.removeprefix("corpus/")] = {**meta[key], "duplicate_of": key}
    write("tests/gold/documents.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    build()
