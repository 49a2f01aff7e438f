"""The storydiff command as a user types it: help, version, export, check, and its errors."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import main
from tui.core.load.resources import bundled_story


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command in a fresh process, as a user would."""
    command = shutil.which("storydiff")
    argv = [command] if command else [sys.executable, "-m", "tui"]
    return subprocess.run(
        [*argv, *args], capture_output=True, text=True, cwd=cwd, timeout=120, stdin=subprocess.DEVNULL
    )


def test_help_names_every_command_and_the_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0
    for word in ("storydiff export", "storydiff check", "STORY", "Exit codes"):
        assert word in result.stdout


def test_version_and_python_dash_m_agree() -> None:
    assert run("--version").stdout.strip() == f"storydiff {__version__}"
    module = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    )
    assert module.stdout.strip() == f"storydiff {__version__}"


@pytest.mark.parametrize(
    "args", [["/no/such/story"], ["export", "/no/such/story"], ["check", "/no/such/story"]]
)
def test_a_missing_story_is_one_line_on_stderr_and_exit_1(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "/no/such/story" in result.stderr


def test_usage_errors_exit_2() -> None:
    result = run("export", "--format", "pdf")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_annotations_must_be_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(bundled_story()), "--annotations", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_export_json_of_the_bundled_story_from_another_directory(tmp_path: Path) -> None:
    result = run("export", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "storydiff/1"
    assert len(data["articles"]) == 5
    texts = {a["id"]: a["text"] for a in data["articles"]}
    kinds = {c["kind"] for c in data["clusters"]}
    assert kinds == {"shared", "discrepancy", "unique"}
    for cluster in data["clusters"]:
        for member in cluster["members"]:
            assert texts[member["article"]][member["start"] : member["end"]] == member["text"]


def test_export_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    target.write_text("my notes", encoding="utf-8")
    assert main(["export", "--format", "md", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my notes"
    assert main(["export", "--format", "md", "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("#")


def test_export_to_an_unwritable_place_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "-o", str(tmp_path / "missing-folder" / "out.json")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("storydiff: error:") and error.count("\n") == 1


def test_export_only_rejects_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--only", "rumours"]) == 1
    assert "rumours" in capsys.readouterr().err


def test_check_passes_on_the_bundled_story(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    summary = capsys.readouterr().out
    assert "5 articles" in summary and "0 errors" in summary


def test_check_reports_a_broken_annotation_file_with_its_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story"
    shutil.copytree(bundled_story(), story)
    (story / "annotations.yaml").write_text("entities:\n  - id: a\n    name: [unclosed\n", encoding="utf-8")
    assert main(["check", str(story)]) == 1
    error = capsys.readouterr().err
    assert "annotations.yaml:" in error and "error" in error


def test_the_reader_opens_even_with_a_broken_annotation_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader reads annotations itself (after the text is shown) and reports them in a banner."""
    import tui.app.app
    import tui.cli

    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Officials said 40 people were hurt.", encoding="utf-8")
    (story / "annotations.yaml").write_text("entities: [\n", encoding="utf-8")
    opened: list[tuple[object, object]] = []
    monkeypatch.setattr(tui.app.app, "run_reader", lambda s, a, engine=None: opened.append((s, a)) or 0)
    monkeypatch.setattr(tui.cli, "_missing_terminal", lambda: None)  # pytest runs without one
    assert main([str(story)]) == 0
    assert gc.isenabled()  # paused only while the reader starts
    [(loaded, annotations)] = opened
    assert [a.id for a in loaded.story.articles] == ["a"]  # type: ignore[attr-defined]
    assert annotations == story / "annotations.yaml"
    assert main(["check", str(story)]) == 1  # check still judges the file


def test_export_pretty_indents_the_same_document(capsys: pytest.CaptureFixture[str]) -> None:
    story = str(Path(__file__).parent / "core" / "reference_story")
    assert main(["export", story]) == 0
    compact = capsys.readouterr().out
    assert main(["export", story, "--pretty"]) == 0
    pretty = capsys.readouterr().out
    assert json.loads(compact) == json.loads(pretty)
    assert compact.count("\n") < 200 < pretty.count("\n")


def _small_story(folder: Path) -> Path:
    """Two short reports of one made-up fire, and an annotation file with two claims."""
    folder.mkdir()
    (folder / "harbour-news.txt").write_text(
        "---\ntitle: Fire at the harbour\noutlet: Harbour News\n---\n"
        "A fire broke out at the harbour warehouse on Sunday night.\n"
        "Firefighters said 30 crews fought the blaze until dawn.\n",
        encoding="utf-8",
    )
    (folder / "city-daily.txt").write_text(
        "---\ntitle: Warehouse fire\noutlet: City Daily\n---\n"
        "A fire broke out at the harbour warehouse on Sunday night.\n"
        "Firefighters said 40 crews fought the blaze until dawn.\n",
        encoding="utf-8",
    )
    return folder


def test_export_takes_the_format_from_the_output_files_extension(tmp_path: Path) -> None:
    story = _small_story(tmp_path / "fire")
    for name, starts in (("out.md", "#"), ("out.html", "<!doctype html"), ("out.json", "{")):
        assert main(["export", str(story), "-o", str(tmp_path / name)]) == 0
        assert (tmp_path / name).read_text(encoding="utf-8").lower().startswith(starts), name
    assert main(["export", str(story), "-o", str(tmp_path / "report.markdown")]) == 0
    assert (tmp_path / "report.markdown").read_text(encoding="utf-8").startswith("#")
    # --format wins over the extension; an extension that names no format means json
    assert main(["export", str(story), "--format", "txt", "-o", str(tmp_path / "notes.md")]) == 0
    assert not (tmp_path / "notes.md").read_text(encoding="utf-8").startswith("#")
    assert main(["export", str(story), "-o", str(tmp_path / "data.out")]) == 0
    assert json.loads((tmp_path / "data.out").read_text(encoding="utf-8"))["schema"] == "storydiff/1"


def test_check_reports_orphaned_claims_with_their_line_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _small_story(tmp_path / "fire")
    (story / "annotations.yaml").write_text(
        "claims:\n"
        "  - id: crews\n"
        "    kind: verdict\n"
        "    verdict: rounding\n"
        "    quote: {exact: 30 crews fought}\n"
        "  - id: gone\n"
        "    kind: fact\n"
        "    quote: {exact: The mayor visited the site}\n"
        "  - id: twice\n"
        "    kind: fact\n"
        "    quote: {exact: A fire broke out}\n",
        encoding="utf-8",
    )
    assert main(["check", str(story)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2, captured.err  # the two orphans; the claim that matches is fine
    gone, twice = lines
    assert "annotations.yaml:6:" in gone and "error" in gone and "The mayor visited the site" in gone
    assert "annotations.yaml:9:" in twice and "matches 2 times" in twice
    assert "3 claims (2 orphaned quotes); 2 errors" in captured.out
