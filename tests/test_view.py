"""``iraq-ct-news view``: the pages' HTML against the records and the release.

Parsed with ``html.parser``: every mark's text is its annotation's ``exact`` and sits at the
release's offsets in a container holding exactly the record's text; marks nest properly however
spans overlap; hostile text stays text; every finding of the validator is on the page, at the
span, character or field it names; the colours pass WCAG AA; the pages load nothing.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import re
import shutil
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.core.findings import Finding
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.view import render_view
from iraq_ct_news.view.escape import REPLACEMENT
from iraq_ct_news.view.marks import Mark, Pin, render
from iraq_ct_news.view.palette import (
    NON_TEXT_CONTRAST,
    TEXT_CONTRAST,
    contrast_ratio,
    non_text_pairs,
    text_pairs,
)
from iraq_ct_news.view.style import stylesheet
from iraq_ct_news.view.website import page_name

from .conftest import REPOSITORY
from .test_hostile import CASES as HOSTILE_CASES
from .test_hostile import SECRET, build_case, load_case, opened_outside, run_cli
from .test_invalid_fixtures import CASES, apply_case
from .view_support import (
    ParsedPage,
    entity_names,
    expected_spans,
    parse_page,
    released,
    released_articles,
)

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
PAGE = "fixture-iom-agreement.html"


def findings_for(tree: Path, relative: str) -> list[Finding]:
    return validate_repository(tree, [tree / relative], keep_records=False).findings


def edit(tree: Path, relative: str, old: str, new: str) -> None:
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def finding_items(page: ParsedPage) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in page.tags if tag == "li" and (attrs.get("id") or "").startswith("finding-")]


# -- the curated articles, against the release -------------------------------------------------


@pytest.fixture(scope="module")
def curated_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("view")
    result = render_view(REPOSITORY, [], out)
    assert len(result.pages) == len(list((REPOSITORY / "curated" / "articles").glob("*.yaml")))
    return out


@pytest.mark.parametrize("article", released_articles(REPOSITORY), ids=lambda a: a.id)
def test_every_mark_is_its_annotation_at_the_release_offsets(
    article: Any, curated_pages: Path
) -> None:
    page = parse_page(curated_pages / f"{article.id}.html")
    assert page.misnested == []
    assert page.texts["body"] == article.body
    assert page.texts["headline"] == article.headline.ar
    expected = expected_spans(article)
    assert set(page.marks) == {span.key for span in expected}
    for span in expected:
        assert page.marks[span.key] == span.exact, span.key
        if span.scope in ("body", "headline"):
            assert page.starts[span.key] == (span.scope, span.start), span.key
            assert span.end == span.start + len(span.exact)
        else:
            assert page.starts[span.key][0] is None  # seed evidence: shown outside the text


def test_text_is_right_to_left_arabic_and_the_english_beside_it(curated_pages: Path) -> None:
    page = parse_page(next(curated_pages.glob("unodc-*.html")))
    by_id = {attrs.get("id"): attrs for _tag, attrs in page.tags if attrs.get("id")}
    for container in ("body", "headline"):
        assert by_id[container]["dir"] == "rtl" and by_id[container]["lang"] == "ar"
    aside = next(attrs for tag, attrs in page.tags if tag == "aside")
    assert aside["lang"] == "en" and aside["dir"] == "ltr"
    html_tag = next(attrs for tag, attrs in page.tags if tag == "html")
    assert html_tag["lang"] == "en"


@pytest.mark.parametrize("article", released_articles(REPOSITORY), ids=lambda a: a.id)
def test_marks_say_what_they_are_to_mouse_keyboard_and_screen_reader(
    article: Any, curated_pages: Path
) -> None:
    path = curated_pages / f"{article.id}.html"
    page = parse_page(path)
    descriptions = dict(re.findall(r'<span id="(d-[a-z0-9-]+)">([^<]*)</span>', path.read_text("utf-8")))
    names = entity_names(REPOSITORY)
    for key, parts in page.parts.items():
        first = parts[0]
        title = html_module.unescape(first["title"] or "")
        assert title and first["data-label"] == first["title"] and first["tabindex"] == "0"
        if first.get("aria-describedby"):  # marks in the text; seed evidence is beside it
            assert html_module.unescape(descriptions[first["aria-describedby"] or ""]) == title
        group, _, index = key.partition("-")
        if group == "mentions":
            mention = article.mentions[int(index)]
            name, kind = names[mention.entity]
            assert f"{name} (id {mention.entity})" in title and title.startswith(kind)
            assert kind in (first["class"] or "").split()
        elif group == "quotes" and not index.isdigit():  # a quote's stated office
            quote = article.quotes[int(index.partition("-")[0])]
            assert f"quote {quote.id} was spoken for, as stated" in title
        elif group == "quotes":
            quote = article.quotes[int(index)]
            assert f"by {names[quote.speaker][0]}" in title and f"delivery: {quote.delivery}" in title
        elif group == "amounts":
            amount = article.amounts[int(index)]
            assert f"{amount.value:,} {amount.currency}" in title


@pytest.mark.parametrize("article", released_articles(REPOSITORY), ids=lambda a: a.id)
def test_events_are_listed_with_actors_and_cameo_labels(article: Any, curated_pages: Path) -> None:
    html = (curated_pages / f"{article.id}.html").read_text(encoding="utf-8")
    labels = {entry.code: entry.label for entry in released(REPOSITORY).cameo.values()}
    names = entity_names(REPOSITORY)
    section = html[html.index('<section id="events">') :]
    section = section[: section.index("</section>")]
    assert f"<h2>Events ({len(article.events)})</h2>" in section
    for index, event in enumerate(article.events):
        item = section[section.index(f'<li id="event-{index}">') :]
        item = html_module.unescape(item[: item.index("</li>")])
        assert f"<code>{event.cameo}</code> {labels[event.cameo]}" in item
        for actor in event.organizers + event.participants:
            assert f"{names[actor][0]} ({names[actor][1]}, {actor})" in item


def test_index_lists_every_page(curated_pages: Path) -> None:
    page = parse_page(curated_pages / "index.html")
    links = {attrs["href"] for tag, attrs in page.tags if tag == "a"}
    assert links == {path.name for path in curated_pages.glob("*.html")} - {"index.html"}


def test_pages_load_nothing_and_run_no_script(curated_pages: Path) -> None:
    for path in curated_pages.glob("*.html"):
        page = parse_page(path)
        for tag, attrs in page.tags:
            assert tag not in ("script", "link", "img", "iframe", "object", "embed"), path
            assert "src" not in attrs and "style" not in attrs, (path, tag)
            assert not any(name.startswith("on") for name in attrs), (path, tag)
            href = attrs.get("href")
            if href is not None:
                assert re.fullmatch(r"#[a-z0-9-]+|[a-z0-9-]+\.html", href), href
        policy = next(
            attrs["content"] for tag, attrs in page.tags
            if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
        )
        assert policy is not None and "default-src 'none'" in policy
        assert "script-src 'none'" in policy
        digest = base64.b64encode(hashlib.sha256(page.style.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy  # the one style allowed is the page's own


def test_pages_are_written_whole(curated_pages: Path) -> None:
    assert not [path for path in curated_pages.iterdir() if not path.name.endswith(".html")]


# -- nesting: any spans over any text ----------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(list("داعش العراق <>&\"'\n") + ["\u202e", "\u200b", "\x07"]),
    max_size=60,
)


@st.composite
def marked_texts(draw: st.DrawFn) -> tuple[str, list[Mark], list[Pin]]:
    value = draw(TEXT)
    marks = []
    for index in range(draw(st.integers(0, 8))):
        if len(value) < 1:
            break
        start = draw(st.integers(0, len(value) - 1))
        end = draw(st.integers(start + 1, len(value)))
        marks.append(Mark(start, end, f"k{index}", draw(st.integers(0, 3)), "person", f"label {index}"))
    pins = [Pin(offset, f'<a class="pin" id="p{n}" href="#f"></a>')
            for n, offset in enumerate(draw(st.lists(st.integers(0, len(value)), max_size=3)))]
    return value, marks, pins


def shown_as(value: str) -> str:
    """The text a reader gets back: characters HTML cannot carry become U+FFFD."""
    return "".join(
        REPLACEMENT if unicodedata.category(char) == "Cc" and char not in "\n\t" else char
        for char in value
    )


@given(marked_texts())
def test_overlapping_spans_render_as_nested_elements_with_their_exact_text(
    case: tuple[str, list[Mark], list[Pin]],
) -> None:
    value, marks, pins = case
    page = ParsedPage()
    page.feed(f'<div id="body">{render(value, marks, pins)}</div>')
    page.close()
    assert page.misnested == []
    assert page.texts["body"] == shown_as(value)
    assert set(page.marks) == {mark.key for mark in marks}
    for mark in marks:
        assert page.marks[mark.key] == shown_as(value[mark.start : mark.end])
        assert page.starts[mark.key] == ("body", mark.start)
        first, *rest = page.parts[mark.key]
        assert first["id"] == f"a-{mark.key}" and first["tabindex"] == "0"
        assert all("id" not in part and part["data-part"] for part in rest)
    assert {attrs["id"] for tag, attrs in page.tags if tag == "a"} == {f"p{n}" for n in range(len(pins))}


def test_a_mention_inside_a_quote_is_an_element_inside_the_quote() -> None:
    value = "قال إن العراق شريك"
    quote = Mark(4, len(value), "quotes-0", 1, "quote", "quote")
    mention = Mark(7, 13, "mentions-0", 5, "place", "place")
    assert render(value, [mention, quote]) == (
        "قال "
        '<mark id="a-quotes-0" class="quote" data-ann="quotes-0" tabindex="0" title="quote"'
        ' data-label="quote">إن '
        '<mark id="a-mentions-0" class="place" data-ann="mentions-0" tabindex="0" title="place"'
        ' data-label="place">العراق</mark> شريك</mark>'
    )


# -- hostile records ---------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> "x" & <img src=x onerror=alert(1)> \u202eabc\u202c'


def test_hostile_text_stays_text(valid_tree: Path, tmp_path: Path) -> None:
    edit(valid_tree, ARTICLE, "أقيم حفل الاتفاقية", f"أقيم {HOSTILE} حفل الاتفاقية")
    edit(valid_tree, ARTICLE, "en: A test fixture headline",
         "en: '</title><style>body{display:none}</style><script>x()</script>'")
    edit(valid_tree, ARTICLE, "- entity: fixture-baghdad", "- entity: '\"><script>y()</script>'")
    edit(valid_tree, ARTICLE, "  exact: بغداد\n", "  exact: بغداد\n  title_as_stated: '\u202e<b>'\n")
    out = tmp_path / "out"
    render_view(valid_tree, [str(valid_tree / ARTICLE)], out)
    page = parse_page(out / PAGE)
    assert page.misnested == []
    assert [tag for tag, _attrs in page.tags if tag in ("script", "img", "b")] == []
    assert [tag for tag, _attrs in page.tags].count("style") == 1
    body = yaml.safe_load((valid_tree / ARTICLE).read_text("utf-8"))["body"]
    assert page.texts["body"] == body  # every character kept, none of it markup
    for _tag, attrs in page.tags:
        for value in attrs.values():
            assert value is None or not any(char in value for char in "\u202e\u202c")
    override = [attrs for tag, attrs in page.tags if tag == "span" and attrs.get("data-cp") == "U+202E"]
    assert override and all(attrs["class"] == "cp" for attrs in override)  # isolated and named
    assert ".cp { unicode-bidi: isolate; }" in stylesheet()


def test_a_hostile_file_name_does_not_become_a_path_or_markup() -> None:
    assert page_name(PurePosixPath("curated/articles/ok-name.yaml")) == "ok-name.html"
    for name in ("..", "<b>", "index", "a b", "-rf", "UPPER", "x.y", "\u202ex"):
        assert re.fullmatch(r"article-[0-9a-f]{16}\.html",
                            page_name(PurePosixPath(f"curated/articles/{name}.yaml")))


# -- records under review ----------------------------------------------------------------------


def test_a_scaffold_full_of_placeholders_shows_every_finding(
    valid_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(valid_tree / "seeds/004_e9dc320f1ba3aa95.txt", valid_tree / "seeds/005_copy.txt")
    monkeypatch.chdir(valid_tree)
    assert main(["new", "--seed", "seeds/005_copy.txt", "--id", "scaffolded"]) == 0
    relative = "curated/articles/scaffolded.yaml"
    expected = findings_for(Path("."), relative)
    assert len(expected) >= 10
    assert main(["view", "scaffolded", "--out", str(tmp_path / "out")]) == 0
    page = parse_page(tmp_path / "out" / "scaffolded.html")
    items = finding_items(page)
    assert len(items) == len(expected)
    html = (tmp_path / "out" / "scaffolded.html").read_text(encoding="utf-8")
    for finding in expected:
        assert f"<code>{finding.code}</code> line {finding.line}, column {finding.column}:" in html
    # Nothing placed but the date line `new` read the publication date from: the rest is TODO.
    assert page.texts["body"] and page.marks == {"published-evidence": "٢٠ ديسمبر ٢٠٢١"}


ARTICLE_CASES = [
    case for case in CASES
    if yaml.safe_load(case.read_text("utf-8"))["expect"]["file"] == ARTICLE
]


@pytest.mark.parametrize("case_path", ARTICLE_CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_finding_of_a_broken_article_is_on_its_page(
    case_path: Path, valid_tree: Path, tmp_path: Path
) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    apply_case(case, valid_tree)
    expected = findings_for(valid_tree, ARTICLE)
    out = tmp_path / "out"
    render_view(valid_tree, [str(valid_tree / ARTICLE)], out)
    page = parse_page(out / PAGE)
    assert page.misnested == []
    assert len(finding_items(page)) == len(expected)
    html = (out / PAGE).read_text(encoding="utf-8")
    assert f"<code>{case['expect']['code']}</code> line {case['expect']['line']}," in html
    data = _raw(valid_tree / ARTICLE)
    for key, text in page.marks.items():
        assert text == _exact_of(data, key), key


def _raw(path: Path) -> dict[str, Any]:
    """The record as the package's reader reads it (the page shows what that reader gives)."""
    try:
        return read_yaml_file(path).data
    except ReaderError:
        return {}


def _exact_of(data: dict[str, Any], key: str) -> str:
    special = {
        "published-evidence": data.get("published_evidence"),
        "source-captured-evidence": (data.get("source") or {}).get("captured_evidence"),
    }
    if key in special:
        return str(special[key]["exact"])
    parts = key.split("-")
    if parts[0] == "events":
        return str(data["events"][int(parts[1])]["date_evidence"]["exact"])
    return str(data[parts[0]][int(parts[1])]["exact"])


def _case(code: str, stem: str, tree: Path, out: Path) -> tuple[ParsedPage, str]:
    case = yaml.safe_load((REPOSITORY / "tests/fixtures/invalid" / code / f"{stem}.yaml").read_text("utf-8"))
    apply_case(case, tree)
    render_view(tree, ["fixture-iom-agreement"], out)
    return parse_page(out / PAGE), (out / PAGE).read_text(encoding="utf-8")


def test_a_finding_inside_the_body_is_pinned_at_its_character(valid_tree: Path, tmp_path: Path) -> None:
    edit(valid_tree, ARTICLE, "  و قال السيد", "  و قال\u200b السيد")  # in the second paragraph
    out = tmp_path / "out"
    render_view(valid_tree, ["fixture-iom-agreement"], out)
    page = parse_page(out / PAGE)
    body = _raw(valid_tree / ARTICLE)["body"]
    findings = findings_for(valid_tree, ARTICLE)
    number = 1 + next(index for index, finding in enumerate(findings) if finding.code == "T004")
    (pin,) = [attrs for tag, attrs in page.tags if tag == "a" and attrs.get("data-code") == "T004"]
    assert pin["id"] == f"pin-{number}" and pin["href"] == f"#finding-{number}"
    assert page.pins[pin["id"]] == ("body", body.index("\u200b"))  # at the character itself
    assert f'<a href="#{pin["id"]}">show the place in the text</a>' in (out / PAGE).read_text("utf-8")


def test_a_finding_about_a_paragraph_is_pinned_at_its_start(valid_tree: Path, tmp_path: Path) -> None:
    page, _html = _case("P003", "paragraph-edited", valid_tree, tmp_path / "out")
    body = _raw(valid_tree / ARTICLE)["body"]
    assert list(page.pins.values()) == [("body", 0)]  # the validator names the paragraph
    assert body.startswith("في 16")


def test_a_finding_about_placed_words_is_on_their_mark(valid_tree: Path, tmp_path: Path) -> None:
    page, html = _case("C001", "mention-of-wrong-entity", valid_tree, tmp_path / "out")
    (first,) = [parts[0] for parts in page.parts.values() if "has-warning" in (parts[0]["class"] or "")]
    assert first["id"] == "a-mentions-4" and "C001" in (first["title"] or "")
    assert f'<a href="#{first["id"]}">show the words</a>' in html


def test_a_finding_about_words_not_in_the_text_leads_to_its_row(valid_tree: Path, tmp_path: Path) -> None:
    page, html = _case("P005", "span-not-in-body", valid_tree, tmp_path / "out")
    assert '<a href="#row-mentions-1">show the item</a>' in html
    assert '<tr id="row-mentions-1">' in html and "not found in the body" in html
    assert "mentions-1" not in page.marks


def test_unconfirmed_proposals_are_marked_as_such(valid_tree: Path, tmp_path: Path) -> None:
    edit(valid_tree, ARTICLE, "  exact: بغداد\n", "  exact: بغداد\n  proposed: true\n")
    edit(valid_tree, ARTICLE, "- id: signing\n", "- id: signing\n  proposed: true\n")
    out = tmp_path / "out"
    result = render_view(valid_tree, [], out)
    assert result.proposals == 3  # the mention, the event and the event's date evidence
    page = parse_page(out / PAGE)
    proposed = {key for key, parts in page.parts.items() if "proposed" in (parts[0]["class"] or "").split()}
    (mention,) = [key for key in proposed if key.startswith("mentions-")]
    mark = page.parts[mention][0]
    assert page.marks[mention] == "بغداد"
    assert "unconfirmed proposal" in (mark["title"] or "")
    html = (out / PAGE).read_text(encoding="utf-8")
    event = html[html.index('<li id="event-0">') :]
    assert "unconfirmed proposal" in event[: event.index("</li>")]
    # The date evidence of a proposed event is no more confirmed than the event.
    (evidence,) = page.parts["events-0-date-evidence"]
    assert "proposed" in (evidence["class"] or "").split()


def test_a_registry_stub_is_named_as_unconfirmed(valid_tree: Path, tmp_path: Path) -> None:
    edit(valid_tree, "curated/places/fixture-baghdad.yaml", "kind: city", "kind: city\nproposed: true")
    out = tmp_path / "out"
    render_view(valid_tree, [], out)
    page = parse_page(out / PAGE)
    (baghdad,) = [parts[0] for key, parts in page.parts.items() if page.marks[key] == "بغداد"]
    assert "unconfirmed stub" in (baghdad["title"] or "")


# -- the command line --------------------------------------------------------------------------


def test_command_line(valid_tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["view", "--root", str(valid_tree), "--out", str(out), "fixture-iom-agreement"]) == 0
    assert "wrote 1 article page(s)" in capsys.readouterr().out
    assert (out / PAGE).is_file() and (out / "index.html").is_file()

    assert main(["view", "--root", str(valid_tree), "--out", str(out), "fixture-iom-agreemnt"]) == 2
    assert "did you mean fixture-iom-agreement?" in capsys.readouterr().err
    assert main(["view", "--root", str(valid_tree), "--out", str(out), "--",
                 str(valid_tree / "curated/places/fixture-baghdad.yaml")]) == 2
    assert "not an article record" in capsys.readouterr().err
    assert main(["view", "--root", str(valid_tree), "--out", str(valid_tree / "curated" / "x")]) == 2
    assert "inside curated/" in capsys.readouterr().err
    monkeypatch.chdir(valid_tree)
    assert main(["view", "--out", str(out), "--", "-rf"]) == 2
    assert "neither an article file nor the id" in capsys.readouterr().err
    assert main(["view", "--out", str(out), ARTICLE]) == 0  # a file, relative to the folder

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert main(["view", "--out", str(blocked)]) == 1
    assert capsys.readouterr().err.startswith("iraq-ct-news: error: ")
    assert blocked.read_text(encoding="utf-8") == "not a folder"


# -- colour ------------------------------------------------------------------------------------


def test_contrast_ratio_is_the_wcag_formula() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


@pytest.mark.parametrize("name,foreground,background", text_pairs(), ids=lambda v: str(v))
def test_text_colours_meet_wcag_aa(name: str, foreground: str, background: str) -> None:
    assert contrast_ratio(foreground, background) >= TEXT_CONTRAST, name


@pytest.mark.parametrize("name,foreground,background", non_text_pairs(), ids=lambda v: str(v))
def test_lines_and_outlines_meet_wcag_aa(name: str, foreground: str, background: str) -> None:
    assert contrast_ratio(foreground, background) >= NON_TEXT_CONTRAST, name


def test_the_stylesheet_uses_only_the_tested_colours() -> None:
    tested = {colour for pairs in (text_pairs(), non_text_pairs()) for _n, *pair in pairs for colour in pair}
    used = set(re.findall(r"#[0-9a-fA-F]{3,8}\b", stylesheet()))
    assert used and used <= tested
    named = r"(?<![-\w])(?:red|blue|green|white|black|gray|grey|currentcolor)(?![-\w])"
    assert not re.search(rf"\b(?:rgb|hsl)a?\(|{named}", stylesheet(), flags=re.IGNORECASE)


# -- the pull-request workflow -----------------------------------------------------------------

VIEW_WORKFLOW = REPOSITORY / ".github" / "workflows" / "view.yml"


def test_the_pull_request_workflow_uploads_the_pages_of_the_changed_articles() -> None:
    workflow = yaml.safe_load(VIEW_WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    render = next(step for step in steps if "render-changed" in step.get("run", ""))
    assert render["run"] == 'bash .ci/render-changed "$BASE" review-pages'
    assert render["env"] == {"BASE": "${{ github.event.pull_request.base.sha }}"}
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "review-pages/"
    for step in steps:  # nothing from the pull request is pasted into a command
        assert "${{" not in step.get("run", "")


def _git(tree: Path, *arguments: str) -> str:
    import subprocess

    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=tree, check=True, capture_output=True, text=True,
    )
    return done.stdout.strip()


def test_the_workflow_script_renders_exactly_the_changed_articles(valid_tree: Path) -> None:
    import os
    import subprocess
    import sys

    _git(valid_tree, "init", "-q")
    _git(valid_tree, "add", "-A")
    _git(valid_tree, "commit", "-qm", "base")
    base = _git(valid_tree, "rev-parse", "HEAD")
    script = REPOSITORY / ".ci" / "render-changed"
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}

    def run(out: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", str(script), base, out], cwd=valid_tree, env=environment,
                              capture_output=True, text=True)

    # Only a registry changed: every article is rendered.
    edit(valid_tree, "curated/places/fixture-baghdad.yaml", "kind: city", "kind: city\n")
    _git(valid_tree, "commit", "-qam", "registry")
    done = run("all")
    assert done.returncode == 0, done.stderr
    assert sorted(path.name for path in (valid_tree / "all").iterdir()) == ["fixture-iom-agreement.html", "index.html"]

    # A new article whose name is hostile (a leading dash, a space, a quote): only it is rendered.
    hostile = valid_tree / "curated/articles/-x 'y.yaml"
    shutil.copy(valid_tree / ARTICLE, hostile)
    _git(valid_tree, "add", "-A")
    _git(valid_tree, "commit", "-qm", "hostile name")
    done = run("changed")
    assert done.returncode == 0, done.stderr
    pages = sorted(path.name for path in (valid_tree / "changed").iterdir())
    assert pages == sorted(["index.html", page_name(PurePosixPath("curated/articles/-x 'y.yaml"))])


# -- hostile trees -----------------------------------------------------------------------------

@pytest.mark.parametrize("case_path", HOSTILE_CASES, ids=lambda p: p.stem)
def test_view_of_a_hostile_tree_shows_it(case_path: Path, tmp_path: Path) -> None:
    tree, outside = build_case(load_case(case_path), tmp_path)
    out = tmp_path / "pages"
    result = render_view(tree, [], out)
    assert (out / "index.html").is_file()
    for page in result.pages:
        html = (out / page.page_name).read_text(encoding="utf-8")
        assert SECRET not in html
        assert len(finding_items(parse_page(out / page.page_name))) == page.errors + page.warnings
    assert not (outside / "pwned").exists()


LINKED_CASES = [path for path in HOSTILE_CASES if "symlink" in path.stem or "pipe" in path.stem]


@pytest.mark.parametrize("case_path", LINKED_CASES, ids=lambda p: p.stem)
def test_view_reads_nothing_outside_the_tree(case_path: Path, tmp_path: Path) -> None:
    tree, _outside = build_case(load_case(case_path), tmp_path)
    out = tree / "pages"  # inside the tree: the audit allows only the tree
    run = run_cli(["view", "--root", str(tree), "--out", str(out)], tmp_path / "opened.json")
    assert "Traceback" not in run.stderr, run.stderr
    assert run.status == 0, run.stderr
    assert opened_outside(run, tree, tmp_path / "opened.json") == []
    assert not any(SECRET in path.read_text(encoding="utf-8") for path in out.iterdir())
