"""The review pages in a real browser: Debian's headless Chromium, driven through ChromeDriver.

What the HTML tests cannot see: that the browser builds the same marks from the page (each
mark's text is its annotation's ``exact``), that the text is laid out right-to-left, that
loading a page logs no error (a blocked resource or a policy violation would), and that the
keyboard reaches the marks and shows what each one is. A screenshot of each page is saved for a
person to look at (``IRAQ_CT_NEWS_SCREENSHOTS`` names a folder to keep them in).

The tests skip when no browser is installed, except in CI (``CI`` set), where ``.ci/run``
installs one: there a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from iraq_ct_news.view import render_view

from . import browser_support
from .browser_support import _unavailable
from .conftest import REPOSITORY
from .view_support import expected_spans, released_articles

driver = browser_support.driver  # the fixture, shared with the Datasette browser test



@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("view-pages")
    render_view(REPOSITORY, [], out)
    return out


def _screenshots(tmp_path: Path) -> Path:
    kept = os.environ.get("IRAQ_CT_NEWS_SCREENSHOTS")
    folder = Path(kept) if kept else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(driver: Any, page: Path) -> list[dict[str, Any]]:
    """Load ``page`` and return what the browser logged while loading it."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(page.resolve().as_uri())
    return list(driver.get_log("browser"))


MARK_TEXTS = """
const texts = {};
for (const mark of document.querySelectorAll('mark[data-ann]')) {
  texts[mark.dataset.ann] = (texts[mark.dataset.ann] || '') + mark.textContent;
}
return texts;
"""


@pytest.mark.parametrize("article", released_articles(REPOSITORY), ids=lambda a: a.id)
def test_the_browser_shows_each_annotation_rtl_without_errors(
    article: Any, driver: Any, pages: Path, tmp_path: Path
) -> None:
    log = _open(driver, pages / f"{article.id}.html")
    assert [entry for entry in log if entry["level"] in ("SEVERE", "WARNING")] == []

    texts = driver.execute_script(MARK_TEXTS)
    expected = {span.key: span.exact for span in expected_spans(article)}
    assert texts == expected

    for container in ("body", "headline"):
        direction = driver.execute_script(
            "return getComputedStyle(document.getElementById(arguments[0])).direction", container
        )
        assert direction == "rtl", container
    body_text = driver.execute_script("return document.getElementById('body').textContent")
    assert body_text == article.body
    assert driver.execute_script(
        "return getComputedStyle(document.querySelector('aside')).direction"
    ) == "ltr"
    # The body's first words are laid out from the right edge of its box.
    right_aligned = driver.execute_script(
        """const body = document.getElementById('body');
        const range = document.createRange();
        range.setStart(body.firstChild, 0); range.setEnd(body.firstChild, 1);
        const glyph = range.getBoundingClientRect(), box = body.getBoundingClientRect();
        return box.right - glyph.right < 40 && glyph.left - box.left > box.width / 2;"""
    )
    assert right_aligned

    shot = _screenshots(tmp_path) / f"{article.id}.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_the_keyboard_reaches_the_marks_and_shows_what_they_are(
    driver: Any, pages: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    article = max(released_articles(REPOSITORY), key=lambda a: len(a.mentions))
    _open(driver, pages / f"{article.id}.html")
    in_order = driver.execute_script(
        "return [...document.querySelectorAll('mark[tabindex]')].slice(0, 3)"
        ".map(mark => mark.dataset.ann)"
    )
    reached: list[str] = []
    for _ in range(10):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        key = driver.execute_script("return document.activeElement.dataset.ann || null")
        if key is not None:
            reached.append(key)
        if len(reached) == 3:
            break
    assert len(in_order) == 3 and reached == in_order  # the marks, in reading order
    label = driver.execute_script(
        "return getComputedStyle(document.activeElement, '::after').content"
    )
    title = driver.execute_script("return document.activeElement.title")
    assert label.strip('"') == title  # what the mark is, shown beside it while focused
    group, _, index = reached[-1].partition("-")
    if group == "mentions":
        assert f"(id {article.mentions[int(index)].entity})" in title
    described = driver.execute_script(
        "const id = document.activeElement.getAttribute('aria-describedby');"
        " return document.getElementById(id).textContent"
    )
    assert described == title
    driver.save_screenshot(str(_screenshots(tmp_path) / f"{article.id}-focused.png"))


def test_a_finding_link_leads_to_its_words(driver: Any, valid_tree: Path, tmp_path: Path) -> None:
    article = valid_tree / "curated/articles/fixture-iom-agreement.yaml"
    text = article.read_text(encoding="utf-8")
    # A proposed mention whose words do not name its entity (C001, a warning on the words).
    wrong = "- entity: fixture-gigauri\n  exact: السيد قاسم الأعرجي\n  proposed: true\n"
    article.write_text(text.replace("  exact: بغداد\n", "  exact: بغداد\n" + wrong, 1),
                       encoding="utf-8")
    out = tmp_path / "out"
    render_view(valid_tree, [], out)
    log = _open(driver, out / "fixture-iom-agreement.html")
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    link = driver.find_element("css selector", "#findings a[href='#a-mentions-4']")
    link.click()
    target = link.get_attribute("href").split("#", 1)[1]
    assert driver.execute_script("return location.hash") == f"#{target}"
    proposed = driver.execute_script(
        "const mark = document.getElementById(arguments[0]);"
        " return [mark.classList.contains('proposed'), getComputedStyle(mark, '::before').content,"
        " getComputedStyle(mark).outlineStyle]",
        target,
    )
    assert proposed == [True, '"?"', "dashed"]
    driver.save_screenshot(str(_screenshots(tmp_path) / "fixture-proposed.png"))


PHONE, DESKTOP = (390, 900), (1400, 1000)

LAYOUT = """
const boxes = [];
for (const el of document.querySelectorAll('body *')) {
  const style = getComputedStyle(el);
  if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
    boxes.push(el.tagName + '.' + el.className + ' ' + el.clientWidth + '<' + el.scrollWidth);
  }
}
const aside = document.querySelector('aside');
const asideScrolls = aside !== null && ['auto', 'scroll'].includes(getComputedStyle(aside).overflowY)
  && aside.scrollHeight > aside.clientHeight + 1;
const tables = [...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().width);
return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
        boxes, asideScrolls, widest: Math.max(0, ...tables)};
"""


def _pages(pages: Path) -> list[Path]:
    return [pages / "index.html", *sorted(p for p in pages.glob("*.html") if p.name != "index.html")]


@pytest.mark.parametrize("width, height", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_pages_scroll_as_a_whole_with_no_inner_scroll_box(
    width: int, height: int, driver: Any, pages: Path, tmp_path: Path
) -> None:
    """On a phone (390 px) tables reflow into cards and the side panel follows the text: the
    page scrolls as a whole, never sideways, and no box scrolls inside it."""
    driver.set_window_size(width, height)
    try:
        for page in _pages(pages):
            _open(driver, page)
            layout = driver.execute_script(LAYOUT)
            assert layout["page"] <= layout["viewport"], (page.name, layout)
            assert layout["boxes"] == [], (page.name, layout)
            assert layout["widest"] <= layout["viewport"], (page.name, layout)
            if width == PHONE[0]:
                assert not layout["asideScrolls"], page.name
                label = driver.execute_script(
                    "const cell = document.querySelector('.scroll td');"
                    " return cell && getComputedStyle(cell, '::before').content"
                )
                assert label is None or label.strip('"')  # each cell says its column
            assert driver.save_screenshot(
                str(_screenshots(tmp_path) / f"{page.stem}-{width}px.png")
            )
    finally:
        driver.set_window_size(*DESKTOP)


def test_a_finding_inside_a_word_is_badged_after_the_word(
    driver: Any, valid_tree: Path, tmp_path: Path
) -> None:
    article = valid_tree / "curated/articles/fixture-iom-agreement.yaml"
    text = article.read_text(encoding="utf-8")
    # An invisible ZWNJ inside a body word: a finding (T004) about that character.
    assert text.count("مقر مكتب في بغداد") == 1
    article.write_text(text.replace("مقر مكتب في بغداد", "مقر مكتب في بغ\u200cداد"),
                       encoding="utf-8")
    out = tmp_path / "out"
    render_view(valid_tree, [], out)
    _open(driver, out / "fixture-iom-agreement.html")
    around = driver.execute_script(
        """const pin = document.querySelector('#body a.pin[data-code="T004"]');
        const range = document.createRange();
        range.setStart(document.getElementById('body'), 0); range.setEndBefore(pin);
        const before = range.toString();
        range.setStartAfter(pin); range.setEndAfter(document.getElementById('body').lastChild);
        return [before.slice(-8), range.toString().slice(0, 8)];"""
    )
    before, after = around
    assert before.endswith("\u200cداد"), around  # the whole word, then the badge
    assert not after[:1].isalpha(), around
    driver.execute_script(
        "document.querySelector('#body a.pin[data-code=\"T004\"]').scrollIntoView()"
    )
    driver.save_screenshot(str(_screenshots(tmp_path) / "fixture-badge-after-word.png"))


def test_dates_are_readable_and_isolated_from_arabic(
    driver: Any, pages: Path, tmp_path: Path
) -> None:
    from iraq_ct_news.view.tables import human_date

    for article in released_articles(REPOSITORY):
        _open(driver, pages / f"{article.id}.html")
        dates = driver.execute_script(
            "return [...document.querySelectorAll('.date')].map(d => [d.textContent,"
            " getComputedStyle(d).unicodeBidi, getComputedStyle(d).direction, d.title])"
        )
        shown = {text for text, _, _, _ in dates}
        assert human_date(article.published.text) in shown
        for event in article.events:
            if event.date is not None:
                assert human_date(event.date.text) in shown, event.id
        assert all(bidi == "isolate" and direction == "ltr" for _, bidi, direction, _ in dates)
        assert all(title.startswith("EDTF ") for _, _, _, title in dates)
        # A date's words keep their order beside Arabic: its number is left of its year.
        order = driver.execute_script(
            """const out = [];
            for (const d of document.querySelectorAll('#events .date')) {
              const text = d.firstChild, value = text.textContent, year = value.search(/\\d{4}/);
              if (year <= 0) continue;
              const range = document.createRange();
              range.setStart(text, 0); range.setEnd(text, 1);
              const first = range.getBoundingClientRect().left;
              range.setStart(text, year); range.setEnd(text, year + 1);
              out.push(first < range.getBoundingClientRect().left);
            }
            return out;"""
        )
        assert all(order), article.id
    driver.execute_script("document.getElementById('events').scrollIntoView()")
    driver.save_screenshot(str(_screenshots(tmp_path) / "events-dates.png"))


# -- without a browser -------------------------------------------------------------------------


@pytest.mark.parametrize("ci, outcome", [("1", "fail"), ("true", "fail"), ("", "skip"), ("0", "skip")])
def test_a_missing_browser_skips_except_in_ci(
    ci: str, outcome: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    expected = pytest.fail.Exception if outcome == "fail" else pytest.skip.Exception
    with pytest.raises(expected):
        _unavailable("no Chromium and ChromeDriver found")


def _fake_tools(folder: Path, tools: dict[str, str]) -> dict[str, str]:
    """A PATH of real bash and grep plus the given stand-in scripts, and nothing else."""
    folder.mkdir()
    for real in ("bash", "grep"):
        (folder / real).symlink_to(shutil.which(real) or f"/bin/{real}")
    for name, body in tools.items():
        (folder / name).write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return {"PATH": str(folder), "HOME": str(folder)}


INSTALL = REPOSITORY / ".ci" / "install-browser"


def _install(environment: dict[str, str]) -> Any:
    import subprocess

    return subprocess.run(["bash", str(INSTALL)], env=environment, capture_output=True, text=True)


def test_ci_installs_the_browser_as_root_only_when_missing(tmp_path: Path) -> None:
    log = tmp_path / "apt.log"
    apt = f'echo "$DEBIAN_FRONTEND $*" >> {log}'
    done = _install(_fake_tools(tmp_path / "root", {"id": "echo 0", "apt-get": apt}))
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "noninteractive update -qq",
        "noninteractive install -y -qq chromium chromium-driver fonts-dejavu-core",
    ]

    log.unlink()
    present = {"id": "echo 0", "apt-get": apt, "chromium": "", "chromedriver": "",
               "fc-list": "echo 'DejaVu Sans'"}
    done = _install(_fake_tools(tmp_path / "present", present))
    assert done.returncode == 0 and not log.exists()  # nothing missing: apt-get is not run

    done = _install(_fake_tools(tmp_path / "user", {"id": "echo 1000", "apt-get": apt}))
    assert done.returncode == 0 and not log.exists()
    assert "install chromium chromium-driver fonts-dejavu-core" in done.stderr
