"""Releases do not strand contributions: ``migrate`` upgrades records of an older record format,
``validate --fix`` applies the fixes a rule makes by itself, and what the record format 1.2.0
added (an undated page, a stored copy cut off) validates.

Every case edits the valid fixture tree the way a record written under an earlier release, or
by hand, looks, and checks the command's printed changes, the file it leaves, and the verdict.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import iraq_ct_news as ictn
from iraq_ct_news import SCHEMA_VERSION
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.commands.cli import main
from iraq_ct_news.models import Article
from iraq_ct_news.models.kinds import KINDS
from iraq_ct_news.reading.migrations import STEPS, migrate_data, version_key
from iraq_ct_news.reading.yamlreader import read_yaml_file
from iraq_ct_news.release.dataset import clear_cache
from iraq_ct_news.store.recordfiles import read_record_files, write_record
from iraq_ct_news.store.writer import WriteRefused

from .conftest import FIXTURES

#: Records of the current format added to a copy of the valid fixture tree (seeds and curated
#: files, in place): each must validate cleanly, keep its layout and build.
ADDITIONS = FIXTURES / "valid-additions"

ARTICLE = Path("curated/articles/fixture-iom-agreement.yaml")
THEMES = Path("curated/vocabularies/themes.yaml")
CAMEO = Path("curated/vocabularies/cameo.yaml")
EXPLICIT_EVIDENCE = "published_basis: explicit\npublished_evidence:\n  exact: ٢٠ ديسمبر ٢٠٢١\n  scope: seed\n"


def edit(root: Path, relative: Path, old: str, new: str) -> Path:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def codes(root: Path) -> set[str]:
    return {finding.code for finding in validate_repository(root).errors}


def test_every_step_is_a_known_format_and_the_current_format_ships_one() -> None:
    known_kinds = {kind.kind for kind in KINDS}
    for step in STEPS:
        assert version_key(step.introduced_in) <= version_key(SCHEMA_VERSION), step.name
        assert set(step.kinds) <= known_kinds, step.name
    # A record-format change ships with a migration (CONTRIBUTING.md, "When the rules change").
    assert any(step.introduced_in == SCHEMA_VERSION for step in STEPS)


def test_migrate_turns_a_1_0_0_pillar_number_into_text(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(valid_tree, THEMES, "  - scheme: un-gcts-pillar\n    value: '1'",
                "  - scheme: un-gcts-pillar\n    value: 1")
    assert codes(valid_tree)
    assert main(["migrate", "--root", str(valid_tree), "--check"]) == 1
    assert path.read_text(encoding="utf-8").count("value: 1\n") == 1  # --check writes nothing
    capsys.readouterr()
    assert main(["migrate", "--root", str(valid_tree)]) == 0
    out = capsys.readouterr().out
    assert "themes.yaml: pillar-text: themes[0].close_match[0].value: 1 → '1'" in out
    data = read_yaml_file(path).data
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["themes"][0]["close_match"][0]["value"] == "1"
    assert codes(valid_tree) == set()
    # Idempotent: a second run finds every record current.
    assert main(["migrate", "--root", str(valid_tree)]) == 0
    assert capsys.readouterr().out.strip() == f"0 record(s) migrated to record format {SCHEMA_VERSION}"


def test_migrate_moves_a_publication_date_with_unknown_basis_into_the_notes(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(valid_tree, ARTICLE, EXPLICIT_EVIDENCE, "published_basis: unknown\n")
    assert "D005" in codes(valid_tree)
    assert main(["migrate", "--root", str(valid_tree)]) == 0
    assert "unknown-publication: published: 2021-12-20 (basis unknown) → null" in (
        capsys.readouterr().out
    )
    data = read_yaml_file(path).data
    assert data["published"] is None and "2021-12-20" in data["notes"]["en"]
    assert codes(valid_tree) == set()


def test_migrate_step_leaves_a_current_record_alone() -> None:
    data = {"schema_version": SCHEMA_VERSION, "published": "2020", "published_basis": "unknown"}
    assert migrate_data("article", data) == [] and data["published"] == "2020"


def test_validate_fix_copies_codebook_labels_and_writes_the_canonical_layout(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", "--root", str(valid_tree)]) == 0
    capsys.readouterr()
    edit(valid_tree, CAMEO, "label: Sign formal agreement", "label: Sign an agreement")
    edit(valid_tree, ARTICLE, "language: ar\n", "language: 'ar'\n")
    assert codes(valid_tree) == {"C008"}
    assert main(["validate", "--root", str(valid_tree), "--fix"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.endswith(
        "cameo.yaml: C008 codes[0].label of '057': 'Sign an agreement' → 'Sign formal "
        "agreement' (the codebook's)") for line in out), out
    assert any(line.endswith("fixture-iom-agreement.yaml: fmt: rewritten in the canonical layout")
               for line in out), out
    assert "--fix: 2 change(s)" in out and out[-1] == "0 error(s), 0 warning(s)"
    assert main(["validate", "--root", str(valid_tree), "--fix"]) == 0
    assert "--fix: 0 change(s)" in capsys.readouterr().out


def test_validate_fix_bounds_a_past_event_by_publication(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(valid_tree, ARTICLE, "  date: 2021-12-16\n  date_basis: explicit\n",
                "  date: ../2022-01-31\n  date_basis: inferred\n")
    assert "D007" in codes(valid_tree)
    assert main(["validate", "--root", str(valid_tree), "--fix"]) == 0
    assert "D007 events[0].date: ../2022-01-31 → ../2021-12-20 (over by publication)" in (
        capsys.readouterr().out
    )
    assert read_yaml_file(path).data["events"][0]["date"] == "../2021-12-20"


def test_validate_fix_bumps_a_released_record_its_fix_changed(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .release_support import build_release

    build_release(valid_tree)
    revision = read_yaml_file(valid_tree / ARTICLE).data["revision"]
    path = edit(valid_tree, ARTICLE, "  date: 2021-12-16\n  date_basis: explicit\n",
                "  date: ../2022-01-31\n  date_basis: inferred\n")
    capsys.readouterr()
    assert main(["validate", "--root", str(valid_tree), "--fix"]) == 0
    out = capsys.readouterr().out
    assert f"fixture-iom-agreement.yaml: revision {revision} → {revision + 1}" in out, out
    assert "no record needs a new revision" not in out
    assert read_yaml_file(path).data["revision"] == revision + 1


def test_validate_fix_leaves_an_undated_past_event_to_a_person(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(valid_tree, ARTICLE,
         "  date: 2021-12-16\n  date_basis: explicit\n  date_evidence:\n    exact: في 16 كانون الاول 2021\n",
         "  date: null\n  date_basis: unknown\n")
    assert main(["validate", "--root", str(valid_tree), "--fix"]) == 1
    out = capsys.readouterr().out
    assert ": D007 events[0].date:" not in out  # no fix: which words are evidence is a reading
    assert ": D007 " in out and "'../2021-12-20'" in out


def test_an_undated_page_and_a_cut_off_copy_validate(valid_tree: Path) -> None:
    path = edit(valid_tree, ARTICLE, "published: 2021-12-20\n" + EXPLICIT_EVIDENCE,
                "published: null\npublished_basis: unknown\n")
    edit(valid_tree, ARTICLE, "  captured: null\n", "  captured: null\n  truncated: true\n")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "notes:\n  en: The page prints no date, and nothing bounds it.\n",
                    encoding="utf-8")
    # The signing is dated by the text itself, so nothing else needs the publication date.
    result = validate_repository(valid_tree)
    assert result.findings == [], [f.render() for f in result.findings]
    article = Article.model_validate(read_yaml_file(path).data)
    assert article.published is None and article.source.truncated


@pytest.mark.parametrize("published", ["null", "2021-12-20"])
def test_published_null_only_with_basis_unknown(valid_tree: Path, published: str) -> None:
    basis = "explicit" if published == "null" else "unknown"
    edit(valid_tree, ARTICLE, "published: 2021-12-20\n" + EXPLICIT_EVIDENCE,
         f"published: {published}\npublished_basis: {basis}\n")
    assert "D005" in codes(valid_tree)


@pytest.mark.parametrize("addition", sorted(path.name for path in ADDITIONS.iterdir()))
def test_valid_additions_validate_and_build(
    valid_tree: Path, addition: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ADDITIONS / addition, valid_tree, dirs_exist_ok=True)
    result = validate_repository(valid_tree)
    assert result.findings == [], [f.render() for f in result.findings]
    added = sorted((ADDITIONS / addition / "curated").rglob("*.yaml"))
    files = [str(valid_tree / path.relative_to(ADDITIONS / addition)) for path in added]
    assert main(["fmt", "--check", "--root", str(valid_tree), *files]) == 0
    assert main(["build", "--root", str(valid_tree)]) == 0
    capsys.readouterr()
    clear_cache()
    released = ictn.load(valid_tree / "dataset")
    for path in added:
        if path.parent.name == "articles":
            curated = Article.model_validate(read_yaml_file(path).data)
            assert released.articles[curated.id].published == curated.published


def test_the_undated_cut_off_fixture_says_so() -> None:
    path = ADDITIONS / "undated-cut-off" / "curated" / "articles" / "fixture-undated-cut-off.yaml"
    article = Article.model_validate(read_yaml_file(path).data)
    assert article.published is None and article.published_basis == "unknown"
    assert article.source.truncated and article.schema_version == SCHEMA_VERSION


def test_validate_fix_counts_a_skipped_file_apart_from_its_changes(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", "--root", str(valid_tree)]) == 0
    edit(valid_tree, CAMEO, "label: Sign formal agreement\n",
         "label: Signed something\n# a comment a rewrite would lose\n")
    capsys.readouterr()
    main(["validate", "--root", str(valid_tree), "--fix"])
    out = capsys.readouterr().out.splitlines()
    assert any(": skipped" in line for line in out), out
    assert "--fix: 0 change(s), 1 file(s) skipped" in out, out


def test_validate_fix_says_nothing_of_a_commented_file_it_would_not_change(
    valid_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fmt", "--root", str(valid_tree)]) == 0
    edit(valid_tree, ARTICLE, "language: ar\n", "language: ar\n# a comment a rewrite would lose\n")
    capsys.readouterr()
    main(["validate", "--root", str(valid_tree), "--fix"])
    out = capsys.readouterr().out.splitlines()
    assert not any(": skipped" in line for line in out), out
    assert "--fix: 0 change(s)" in out, out


def test_a_record_with_a_comment_inside_is_never_written_by_write_record(valid_tree: Path) -> None:
    """Callers ask ``refusal()`` before writing; one that forgot still loses no comment."""
    path = valid_tree / THEMES
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(4, "# a comment a rewrite would lose")
    path.write_text("\n".join(lines), encoding="utf-8")
    written = path.read_bytes()
    (record,) = [found for found in read_record_files(valid_tree)
                 if not isinstance(found, str) and found.relative.name == "themes.yaml"]
    assert record.refusal() is not None
    with pytest.raises(WriteRefused, match="themes.yaml:5:1: skipped: a comment below"):
        write_record(record, record.rendered())
    assert path.read_bytes() == written
