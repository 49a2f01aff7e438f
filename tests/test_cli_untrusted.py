"""The storydiff command on a story folder someone sent: hostile names, special files, no terminal.

Every line the command prints passes through the one sanitiser, writes go only to regular
files the user can write, and every problem is one line naming the file and what to do.
"""

from __future__ import annotations

import json
import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzzing import FORBIDDEN
from tests.untrusted import special_files, unblocked_after

BODY = "Officials said 40 people were hurt in the blast on Monday.\n"
ESCAPED_NAME = "x\x1b]0;PWNED\x07\x1b]52;c;UFdORUQ=\x07"
"""A folder name that retitles the terminal and writes its clipboard (OSC 52) if printed raw."""


def storydiff(
    *args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL, **options: object
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui`` as a user would; a hang fails the test (``TimeoutExpired``)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        stdin=stdin,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=60,
        **options,  # type: ignore[call-overload]
    )


def one_clean_line(stream: str) -> str:
    """The stream is exactly one line, without a control or bidi character."""
    assert stream.count("\n") == 1 and "Traceback" not in stream, stream
    assert FORBIDDEN.search(stream) is None, f"raw control character in {stream!r}"
    return stream


def _story(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.txt").write_text(BODY.replace("40", "45"), encoding="utf-8")
    return folder


def test_a_folder_name_with_escapes_is_printed_spelled_out(tmp_path: Path) -> None:
    _story(tmp_path / ESCAPED_NAME)
    checked = storydiff("check", ESCAPED_NAME, cwd=tmp_path)
    assert checked.returncode == 0
    line = one_clean_line(checked.stdout)
    assert line.startswith("x\\x1b]0;PWNED\\x07\\x1b]52;c;UFdORUQ=\\x07: 2 articles")
    missing = storydiff("export", ESCAPED_NAME + "-gone", cwd=tmp_path)
    assert missing.returncode == 1 and "\\x1b]0;PWNED" in one_clean_line(missing.stderr)


def test_annotation_values_with_yaml_escapes_reach_no_output_raw(tmp_path: Path) -> None:
    story = _story(tmp_path / "story")
    (story / "annotations.yaml").write_text(
        "entities:\n"
        '  - {id: x, name: "Officials\\e]0;T\\a", type: "t\\e]52;c;QQ==\\a",'
        ' description: "\\x9b2J \\u202Egnp.exe", notes: "\\e[31mred"}\n',
        encoding="utf-8",
    )
    for fmt in ("json", "md", "txt", "html"):
        exported = storydiff("export", "story", "--format", fmt, cwd=tmp_path)
        assert exported.returncode == 0
        bad = FORBIDDEN.search(exported.stdout.replace("\n", ""))
        assert bad is None, f"{fmt}: {bad.group()!r} reached the output"
    document = json.loads(storydiff("export", "story", cwd=tmp_path).stdout)
    (entity,) = document["entities"]
    assert (entity["name"], entity["type"]) == ("Officials", "t")
    assert entity["description"] == " gnp.exe" and entity["mentions"]
    checked = storydiff("check", "story", cwd=tmp_path)
    assert "were removed from this value" in checked.stderr and FORBIDDEN.search(checked.stderr) is None


@pytest.mark.parametrize("force", [False, True])
def test_export_never_replaces_a_device_or_a_fifo(tmp_path: Path, force: bool) -> None:
    _story(tmp_path / "story")
    for special in special_files(tmp_path, "out"):
        kind = stat.S_IFMT(special.stat().st_mode)
        result = storydiff(
            "export", "story", "-o", special.name, *(["--force"] if force else []), cwd=tmp_path
        )
        assert result.returncode == 1
        line = one_clean_line(result.stderr)
        assert line.startswith(f"storydiff: error: {special.name}: ")
        if force:
            assert "not a regular file" in line
        assert stat.S_IFMT(special.stat().st_mode) == kind, f"{special.name} was replaced"


def test_export_force_refuses_a_read_only_file(tmp_path: Path) -> None:
    _story(tmp_path / "story")
    target = tmp_path / "out.json"
    target.write_text("keep", encoding="utf-8")
    target.chmod(0o444)
    result = storydiff("export", "story", "-o", "out.json", "--force", cwd=tmp_path)
    assert result.returncode == 1 and "read-only" in one_clean_line(result.stderr)
    assert target.read_text(encoding="utf-8") == "keep"


def test_file_names_that_are_not_utf8_export_everywhere(tmp_path: Path) -> None:
    story = _story(tmp_path / "story")
    (story / os.fsdecode(b"caf\xe9-\xff.txt")).write_text(BODY.replace("40", "50"), encoding="utf-8")
    output = os.fsdecode(b"out-\xff.json")
    result = storydiff("export", "story", "-o", output, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "out-\\xff.json" in one_clean_line(result.stderr)
    document = json.loads((tmp_path / output).read_text(encoding="utf-8"))
    assert "story/caf\\xe9-\\xff.txt" in [a["path"] for a in document["articles"]]
    for fmt in ("md", "txt", "html"):
        shown = storydiff("export", "story", "--format", fmt, cwd=tmp_path)
        assert shown.returncode == 0 and "Traceback" not in shown.stderr
        assert "xe9" in shown.stdout and "xff" in shown.stdout  # spelled out (Markdown escapes the backslash)


def test_names_too_long_are_one_line_errors_and_long_outputs_are_written(tmp_path: Path) -> None:
    _story(tmp_path / "story")
    long_story = storydiff("export", "s" * 300, cwd=tmp_path)
    assert long_story.returncode == 1 and "s" * 300 in one_clean_line(long_story.stderr)
    long_annotations = storydiff("check", "story", "--annotations", "a" * 300 + ".yaml", cwd=tmp_path)
    assert long_annotations.returncode == 1 and "name too long" in one_clean_line(long_annotations.stderr)
    name = "o" * 245 + ".json"
    written = storydiff("export", "story", "-o", name, cwd=tmp_path)
    assert written.returncode == 0 and json.loads((tmp_path / name).read_text(encoding="utf-8"))


def test_a_link_out_of_the_folder_is_named_and_kept_out_of_the_export(tmp_path: Path) -> None:
    story = _story(tmp_path / "story")
    (tmp_path / "shadow").write_text("root:$6$secret-hash:19000\n", encoding="utf-8")
    (story / "x.txt").symlink_to(tmp_path / "shadow")
    result = storydiff("export", "story", cwd=tmp_path)
    assert result.returncode == 0 and "secret-hash" not in result.stdout
    assert "story/x.txt: warning: a link to a file outside the story folder; skipped" in result.stderr
    written = storydiff("export", "story", "-o", "story/x.txt", "--force", cwd=tmp_path)
    assert written.returncode == 1 and "outside its own folder" in one_clean_line(
        written.stderr.splitlines(True)[-1]
    )
    assert (tmp_path / "shadow").read_text(encoding="utf-8") == "root:$6$secret-hash:19000\n"


def test_the_reader_refuses_to_start_without_a_terminal(tmp_path: Path) -> None:
    """``storydiff STORY </dev/null`` used to spin at full CPU forever."""
    _story(tmp_path / "story")
    result = storydiff("story", cwd=tmp_path)
    assert result.returncode == 2
    assert "needs a terminal" in one_clean_line(result.stderr) and result.stdout == ""


def test_the_reader_refuses_to_start_without_a_controlling_terminal(tmp_path: Path) -> None:
    """``setsid storydiff STORY >log``: a terminal on the file descriptors, none to control."""
    _story(tmp_path / "story")
    main, side = pty.openpty()
    try:
        result = storydiff("story", cwd=tmp_path, stdin=side, start_new_session=True)
    finally:
        os.close(main)
        os.close(side)
    assert result.returncode == 2 and "needs a terminal" in one_clean_line(result.stderr)


def test_annotations_that_are_a_fifo_or_a_device_are_one_line_errors_not_a_hang(tmp_path: Path) -> None:
    _story(tmp_path / "story")
    os.mkfifo(tmp_path / "notes.yaml")
    for given in ("notes.yaml", "/dev/zero"):
        with unblocked_after(tmp_path / "notes.yaml"):
            result = storydiff("check", "story", "--annotations", given, cwd=tmp_path)
        assert result.returncode == 1 and "not a regular file" in one_clean_line(result.stderr)
