"""The report in a real browser: headless Chromium (Debian package) driven by Playwright.

The page must render its theme sections and charts visibly, run no script (a quote carries a
``<script>``), and make no request beyond its own file. CI installs the browser (``.ci/run``);
without it this test fails rather than skips.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from report_tables import make_corpus, make_tables

from pipeline.report import write_report

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    corpus = make_corpus(root / "corpus")
    return write_report(make_tables(), root / "out", {"inputs": [str(corpus)]})


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Chromium fehlt: apt-get install chromium chromium-driver (siehe .ci/run)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_report_renders_themes_and_charts_without_requests_or_scripts(browser, report, tmp_path):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # Anything that is not the report's own file is recorded above and never leaves the machine.
    page.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))

    page.goto(report.as_uri())
    page.wait_for_load_state("load")

    assert page.title() == "Thematische Zusammenfassung – projektradar"
    sections = page.locator("section.theme")
    assert sections.count() == 10
    for index in range(sections.count()):
        section = sections.nth(index)
        assert section.is_visible()
        assert section.locator("h3").inner_text()
        chart = section.locator("svg.chart")
        assert chart.count() == 1 and chart.is_visible()
        assert chart.bounding_box()["height"] > 100
    assert page.locator("#thema-netzwerk h3").inner_text() == "Netzwerkarbeit & Kooperation"
    assert page.locator("svg.chart").count() == 10 + 3  # per theme, plus themes, gender and roles
    for label in ("Dokumente je Thema", "Genannte und zitierte Personen nach Geschlecht"):
        assert page.get_by_role("img", name=label).is_visible()
    assert "unbekannt" in page.locator("#stimmen table").first.inner_text()
    assert page.get_by_text('<script>alert("x")</script>', exact=False).first.is_visible()

    assert requests == [report.as_uri()]
    assert problems == []

    page.emulate_media(media="print")
    assert page.locator("#thema-netzwerk svg.chart").is_visible()
    page.emulate_media(media="screen")
    screenshot = tmp_path / "screenshot.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 50_000
    page.close()


def test_source_links_open_the_documents(browser, report):
    page = browser.new_page()
    page.goto(report.as_uri())
    link = page.locator("#thema-netzwerk details.sources a").first
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/corpus/bautzen/abschluss.txt")
    assert "Bündnis Bautzen" in page.inner_text("body")
    page.close()
