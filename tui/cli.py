"""The ``storydiff`` command: open the reader, export a comparison, or check a story.

Input problems are reported here, as one line on stderr, before any screen opens. Textual
is imported only on the path that opens the reader, so ``--help``, ``export`` and ``check``
start fast and work where no terminal UI can run.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui import __version__

if TYPE_CHECKING:
    from tui.core.load.corpus import StoryFiles, StoryStart
    from tui.core.model import Annotations, Diagnostic, Story

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
COMMANDS = ("export", "check")

_EPILOG = """\
commands:
  storydiff [STORY ...]            open the reader (no STORY: the bundled story)
  storydiff export [STORY ...]     write the comparison as json, md, html or txt
  storydiff check [STORY ...]      validate the articles and the annotation file

STORY is a folder of article files (.md .txt .html; an annotations.yaml inside is picked
up) or one or more article files. Exit codes: 0 success, 1 input error, 2 usage error.
Run 'storydiff COMMAND --help' for a command's options.
"""


class InputError(Exception):
    """A problem with what the user asked for, reported as one line with exit code 1."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args and args[0] in COMMANDS else None
    parser = _parser(command)
    options = parser.parse_args(args[1:] if command else args)
    try:
        if command == "export":
            return _export(options)
        if command == "check":
            return _check(options)
        return _read(options)
    except InputError as error:
        _say(f"storydiff: error: {error}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


def _parser(command: str | None) -> argparse.ArgumentParser:
    if command == "export":
        from tui.export import FORMATS

        parser = argparse.ArgumentParser(
            prog="storydiff export",
            description="Compare the story's sources and write the result (stdout without -o).",
        )
        parser.add_argument(
            "--format",
            "-f",
            choices=FORMATS,
            help="output format (default: from the -o file's extension, else json, schema storydiff/1)",
        )
        parser.add_argument(
            "--only", metavar="KIND", help="only these clusters: shared, discrepancy, unique or entity:ID"
        )
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar="FILE",
            help="write to FILE (atomically) instead of standard output",
        )
        parser.add_argument(
            "--force", action="store_true", help="overwrite FILE if it exists (never done without this flag)"
        )
        parser.add_argument(
            "--pretty",
            action="store_true",
            help="json: indent every level (default: one article, cluster or entity per line)",
        )
    elif command == "check":
        parser = argparse.ArgumentParser(
            prog="storydiff check",
            description="Validate the story's articles and annotation file; list every problem.",
        )
    else:
        parser = argparse.ArgumentParser(
            prog="storydiff",
            description="Read several reports of one story side by side: what the sources "
            "agree on, where they differ, and who and what they talk about.",
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("--version", action="version", version=f"storydiff {__version__}")
    parser.add_argument(
        "story",
        nargs="*",
        type=Path,
        metavar="STORY",
        help="a folder of articles, or article files (default: the bundled story)",
    )
    parser.add_argument(
        "--annotations",
        "-a",
        type=Path,
        metavar="FILE",
        help="the annotation file (default: STORY/annotations.yaml)",
    )
    return parser


def _load(options: argparse.Namespace) -> tuple[Story, Annotations]:
    """Load the story and its annotations, turning every fatal problem into an InputError."""
    story, annotations_path = _load_story(options)
    if annotations_path is None:  # no file: nothing to read, and no YAML parser to load
        from tui.core.model import Annotations

        return story, Annotations(path=None)
    from tui.core.annotate.schema import load_annotations

    return story, load_annotations(annotations_path)


def _load_story(options: argparse.Namespace) -> tuple[Story, Path | None]:
    """Load the story and find its annotation file; fatal problems become an InputError."""
    from tui.core.load.corpus import StoryError, read_story

    files, annotations_path = _story_files(options)
    try:
        story = read_story(files)
    except StoryError as error:
        raise InputError(str(error)) from error
    return story, annotations_path


def _story_files(options: argparse.Namespace) -> tuple[StoryFiles, Path | None]:
    """List the story's article files (not read yet) and find its annotation file."""
    from tui.core.load.corpus import StoryError, list_story
    from tui.core.load.resources import bundled_story

    paths = list(options.story) or [bundled_story()]
    try:
        files = list_story(paths)
    except StoryError as error:
        raise InputError(str(error)) from error
    return files, _annotations_path(options.annotations, files.annotations_path)


def _first_screen(options: argparse.Namespace) -> tuple[StoryStart, Path | None]:
    """Read only the articles of the reader's first screen (the panes that fit this terminal):
    a story with nothing to read still fails here, before any screen opens, but a story of
    hundreds of articles no longer keeps the first frame waiting for all of them."""
    from tui.app.reader.window import panes_that_fit
    from tui.core.load.corpus import StoryError, read_first

    files, annotations_path = _story_files(options)
    try:
        return read_first(files, panes_that_fit(_terminal_width())), annotations_path
    except StoryError as error:
        raise InputError(str(error)) from error


def _annotations_path(given: Path | None, found: str | None) -> Path | None:
    if given is None:
        return Path(found) if found else None
    from tui.core.load.files import UnusablePath, named_mode, not_regular

    try:
        mode = named_mode(given, "no such annotation file")
    except UnusablePath as error:
        raise InputError(str(error)) from error
    if stat.S_ISDIR(mode):
        raise InputError(f"{given}: is a folder; --annotations expects a YAML file")
    if not stat.S_ISREG(mode):
        raise InputError(f"{given}: {not_regular(mode)}; --annotations expects a YAML file")
    return given


def _export(options: argparse.Namespace) -> int:
    # A one-shot process whose objects all live to its end: the cyclic collector would only
    # walk them again and again while the files are read and the export is written (the
    # comparison pauses it itself).
    gc.disable()
    try:
        return _export_story(options)
    finally:
        gc.enable()


def _export_story(options: argparse.Namespace) -> int:
    story, annotations = _load(options)
    from tui.core.load.atomic import atomic_write_chunks
    from tui.core.load.files import FileRefused
    from tui.core.pipeline import build_comparison
    from tui.export import ExportRequest, format_for_file, render_pieces

    _report(story.diagnostics)
    comparison = build_comparison(story, annotations)
    fmt = options.format or (options.output and format_for_file(options.output.name)) or "json"
    try:
        pieces = render_pieces(comparison, ExportRequest(fmt, only=options.only, pretty=options.pretty))
    except ValueError as error:
        raise InputError(str(error)) from error
    if options.output is None:
        last = ""
        for last in pieces:
            sys.stdout.write(last)
        if not last.endswith("\n"):
            sys.stdout.write("\n")
        return EXIT_OK
    try:
        atomic_write_chunks(options.output, pieces, overwrite=options.force)
    except FileExistsError as error:
        raise InputError(f"{options.output}: already exists; use --force to overwrite it") from error
    except FileRefused as refused:  # a device, a FIFO, a read-only or another user's file
        raise InputError(f"{options.output}: {refused}; {refused.hint}") from refused
    except OSError as error:
        raise InputError(f"{options.output}: cannot write ({error.strerror or error})") from error
    _say(f"storydiff: wrote {options.output}")
    return EXIT_OK


def _check(options: argparse.Namespace) -> int:
    """Every problem in the articles and the annotation file, and every curated claim quote
    that no longer matches the text exactly once (an orphan: the claim is not applied, so it
    counts as an error and the exit code is 1)."""
    story, annotations = _load(options)
    from tui.core.annotate.claims import quote_orphans
    from tui.core.model import Diagnostic

    orphans = [
        Diagnostic(
            "error", annotations.path or "annotations", orphan.message, line=claim.line, field="claims"
        )
        for claim, orphan in quote_orphans(annotations.claims, story.articles)
    ]
    problems = (*story.diagnostics, *annotations.diagnostics, *orphans)
    _report(problems)
    errors = sum(1 for d in problems if d.severity == "error")
    warnings = len(problems) - errors
    _say(
        f"{story.title}: {len(story.articles)} articles, {len(annotations.entities)} entities, "
        f"{len(annotations.claims)} claims ({len(orphans)} orphaned quotes); {errors} errors, {warnings} warnings",
        sys.stdout,
    )
    return EXIT_INPUT if errors else EXIT_OK


def _read(options: argparse.Namespace) -> int:
    # Until the first frame is drawn, Python's cyclic garbage collector would walk, again
    # and again, the several hundred thousand objects the start creates (modules, styles,
    # widgets, rows), none of which is garbage: that was ~19 ms of a ~200 ms start. The
    # reader turns it back on after its first frame (ReaderScreen._build_tools).
    gc.disable()
    # The child that will compare starts first: its own start (Python and the engine's
    # modules, a quarter of a second) overlaps reading the story and the reader's start.
    from tui.core.offload import EngineProcess

    engine = EngineProcess()
    engine.start_quietly()
    try:
        # The annotation file is read in the reader's worker, after the text is on screen;
        # its problems show in the reader's banner rather than stopping it.
        start, annotations_path = _first_screen(options)  # input errors first: they say more
        missing = _missing_terminal()
        if missing:
            _say(
                f"storydiff: error: the reader needs a terminal ({missing}); run it in one, or use "
                "'storydiff export' or 'storydiff check', which need none"
            )
            return EXIT_USAGE
        # Compared while the reader starts (the child reads what the reader has not read yet).
        engine.submit(start.story if start.complete else start.files, annotations_path)
        from tui.app.app import run_reader

        return run_reader(start, annotations_path, engine)
    finally:
        engine.close()
        gc.enable()  # on every way out, even if the reader never drew a frame


def _terminal_width() -> int:
    """The width the reader will have: it draws on standard error."""
    try:
        return os.get_terminal_size(sys.__stderr__.fileno()).columns if sys.__stderr__ else 0
    except (OSError, ValueError):
        return shutil.get_terminal_size().columns


def _missing_terminal() -> str | None:
    """What keeps the reader from running in a terminal here, or None when it can.

    Textual reads keys from standard input and draws on standard error; without a terminal
    on both (``storydiff STORY </dev/null``), or without a controlling terminal at all
    (``setsid storydiff STORY``), it would spin at full CPU forever instead of failing.
    """
    for name, stream in (("standard input", sys.__stdin__), ("standard error", sys.__stderr__)):
        if stream is None or not stream.isatty():
            return f"{name} is not a terminal"
    if os.name == "posix":
        try:
            os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
        except OSError:
            return "this process has no controlling terminal"
    return None


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        _say(f"storydiff: {diagnostic}")


def _say(line: str, stream: TextIO | None = None) -> None:
    """Print one line (to stderr unless told), through the one sanitiser: a path or title from a
    story folder can hold escapes that would retitle the terminal or write its clipboard, and
    bytes that are not UTF-8."""
    from tui.core.load.sanitize import visible_text

    print(visible_text(line), file=stream or sys.stderr)
