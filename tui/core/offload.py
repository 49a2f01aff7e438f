"""The comparison in a child process, so that the reader's interpreter stays free for the UI.

In a thread, the comparison shares the interpreter lock with the reader: the reader drew at
half speed and the result came 1.6-1.8x later than ``storydiff export`` needs for the same
work. A child Python process (started early, so that its imports overlap the reader's start)
computes the ``Comparison`` and each article's highlights, and sends them back as pickled
data over its standard output: progress at most ten times a second, then the result in
pieces small enough that unpickling any one of them holds the reader's interpreter for a few
milliseconds, never the quarter second the whole would. The parent's own ``Story`` object is
reused, never sent back.

The parent side imports none of the engine (the reader's first frame does not wait for it).
The child is our own code, started by us from the same interpreter and package: what it sends
is trusted data. Only POSIX pipes are waited on (``select``); elsewhere, or when the child
cannot start, the comparison runs in the caller's process instead (``compare_here``).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from tui.core.model import Annotations, Comparison, Mark, Story

if TYPE_CHECKING:
    from tui.core.load.corpus import StoryFiles
    from tui.core.pipeline import Progress

Marks = Mapping[str, tuple[Mark, ...]]

PROGRESS_INTERVAL = 0.1
"""Seconds between progress reports: what a person can see change, and no more."""

PIECE_BYTES = 128 * 1024
"""Target size of one pickled piece of the result: unpickling it takes a few milliseconds."""

MARKS_PER_ITEM = 500
"""An article's highlights travel in runs of this many, so that no item outgrows a piece."""

CHILD_NICENESS = 5
"""The child runs at a lower priority than the reader: with a free core it runs at full
speed, but where the two compete (a first frame being drawn, a busy machine) the screen wins."""

POLL_SECONDS = 0.05
"""How often a waiting parent checks whether it was asked to stop."""

_HEADER = struct.Struct("!Q")


class _OtherStory(Exception):
    """The child compared other articles than the caller's (a file changed between readings)."""


class EngineFailed(RuntimeError):
    """The child process failed: the engine raised, or the process ended without a result."""


def available() -> bool:
    """Whether comparisons can run in a child process here (POSIX pipes can be waited on)."""
    return os.name == "posix"


class EngineProcess:
    """The child process that compares the caller's stories, one child per comparison.

    ``start`` launches a child (cheap: it imports the engine on another core while the caller
    goes on); ``submit`` sends it a story without waiting, so it can compare while the caller
    builds its screen; ``compare`` waits for the result (submitting first unless a story is
    already submitted). A child ends once it has answered, and a cancelled one is killed; the
    next request starts a fresh one.
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._submitted: Story | StoryFiles | None = None
        self._sending: threading.Thread | None = None
        self._send_error: OSError | None = None

    def start(self) -> None:
        """Launch the child now, if it is not running, so its start overlaps the caller's work.

        A child that has ended is kept while its answer waits to be collected (a small
        story's whole answer fits in the pipe, and its child may end before it is read)."""
        if self._process is not None and (self._process.poll() is None or self._submitted is not None):
            return
        package_root = str(Path(__file__).resolve().parents[2])
        code = (
            f"import sys; sys.path.insert(0, {package_root!r}); from tui.core.offload import serve; serve()"
        )
        self._process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
            close_fds=True,
            start_new_session=True,  # Ctrl+C or a hang-up for the reader's terminal is not ours
        )

    def start_quietly(self) -> None:
        """:meth:`start` where a child can run, ignoring a failure to start: ``compare`` tries
        again, and compares in this process if the child still cannot start."""
        if available():
            with contextlib.suppress(OSError):
                self.start()

    def submit(self, story: Story | StoryFiles, annotations: Annotations | Path | None = None) -> None:
        """Send ``story`` to the child now and return at once (a thread writes the request, as
        the child may still be starting). ``story`` may be a listed story not read yet, which
        the child reads itself (while the caller reads it too, for its screen); ``annotations``
        may be a file the child reads, or None for the story's own file. Where no child can
        run, nothing is sent, and ``compare`` computes in this process."""
        self._submitted = self._sending = None
        if not available():
            return
        try:
            self.start()
        except OSError:
            return
        process = self._process
        assert process is not None and process.stdin is not None
        request = pickle.dumps((story, annotations), protocol=pickle.HIGHEST_PROTOCOL)
        stdin = process.stdin
        self._send_error = None

        def send() -> None:
            try:
                _write_frame(stdin, request)
            except OSError as error:  # the child died: ``compare`` reports it
                self._send_error = error

        self._submitted = story
        self._sending = threading.Thread(target=send, name="storydiff-engine-request", daemon=True)
        self._sending.start()

    def compare(
        self,
        story: Story,
        annotations: Annotations | Path | None = None,
        *,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> tuple[Comparison, Marks]:
        """The story's comparison and every article's highlights, computed by the child.

        A submitted request still pending is collected when the child compared the same
        story (the same articles, read from the same bytes: their fingerprints agree; the
        submission named the same annotation file); otherwise ``story`` is sent now. Raises
        ``ComparisonCancelled`` (the child is ended) when ``should_stop()`` turns true, and
        ``EngineFailed`` when the engine raised or the child died.
        """
        if self._submitted is None or self._process is None:
            self.submit(story, annotations)  # (a submitted story's child may have ended: its
            # answer is still in the pipe, read below)
        try:
            return self._collect(story, annotations, progress, should_stop)
        except _OtherStory:  # a file changed between the child's reading and ours
            self.close()
            self.submit(story, annotations)
            return self._collect(story, annotations, progress, should_stop)

    def _collect(
        self,
        story: Story,
        annotations: Annotations | Path | None,
        progress: Progress | None,
        should_stop: Callable[[], bool] | None,
    ) -> tuple[Comparison, Marks]:
        submitted, self._submitted = self._submitted, None
        process = self._process
        if process is None or self._sending is None:  # no child here: compare in this process
            return compare_here(story, _annotations(annotations), progress=progress, should_stop=should_stop)
        if progress is not None:  # reports that queued in the pipe arrive in a burst
            progress = throttled(progress)
        assert process.stdout is not None
        try:
            self._sending.join()
            if self._send_error is not None:
                raise self._send_error
            receiver = _Receiver(process.stdout.fileno(), should_stop)
            expected = None if submitted is story else fingerprint(story)
            with long_lived_objects():
                return _assemble(story, receiver.messages(), progress, expected)
        except _cancelled():
            self.close()
            raise
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            code = process.poll()
            self.close()
            ended = f" (exit status {code})" if code is not None else ""
            raise EngineFailed(f"the comparison process ended unexpectedly{ended}: {error}") from error
        except EngineFailed:
            self.close()
            raise

    def close(self) -> None:
        """End the child (at once: it holds nothing that needs saving)."""
        process, self._process = self._process, None
        self._submitted = self._sending = None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        process.wait()


class _Receiver:
    """Frames from the child's output, read in the caller's thread without ever blocking past
    ``POLL_SECONDS`` on an empty pipe (so a stop request is noticed)."""

    def __init__(self, fd: int, should_stop: Callable[[], bool] | None) -> None:
        self.fd = fd
        self.should_stop = should_stop

    def messages(self) -> Iterator[tuple[Any, ...]]:
        while True:
            (size,) = _HEADER.unpack(self._read(_HEADER.size))
            message = pickle.loads(self._read(size))
            if not isinstance(message, tuple) or not message:
                raise EngineFailed("the comparison process sent something unexpected")
            yield message
            if message[0] in ("done", "error"):
                return

    def _read(self, size: int) -> bytes:
        chunks: list[bytes] = []
        remaining = size
        while remaining:
            if self.should_stop is not None and self.should_stop():
                raise _cancelled()()
            ready, _, _ = select.select([self.fd], [], [], POLL_SECONDS)
            if not ready:
                continue
            chunk = os.read(self.fd, min(remaining, 1 << 20))
            if not chunk:
                raise EOFError("no more output")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)


def _assemble(
    story: Story, messages: Iterator[tuple[Any, ...]], progress: Progress | None, expected: str | None
) -> tuple[Comparison, Marks]:
    """Put the comparison back together from the child's messages, around the caller's story
    (raising ``_OtherStory`` at once when the child's story has another fingerprint than
    ``expected``)."""
    parts: dict[str, list[Any]] = {}
    annotations: Annotations | None = None
    for message in messages:
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "items":
            parts.setdefault(message[1], []).extend(message[2])
        elif kind == "fingerprint":
            if expected is not None and message[1] != expected:
                raise _OtherStory()
        elif kind == "annotations":
            annotations = message[1]
        elif kind == "error":
            raise EngineFailed(message[1])
    if annotations is None or "clusters" not in parts:
        raise EngineFailed("the comparison process ended without a result")
    comparison = Comparison(
        story=story,
        units=dict(parts.get("units", ())),
        clusters=tuple(parts.get("clusters", ())),
        annotations=annotations,
        mentions=tuple(parts.get("mentions", ())),
        phrases=tuple(parts.get("phrases", ())),
        wire=tuple(parts.get("wire", ())),
        suggestions=tuple(parts.get("suggestions", ())),
        orphans=tuple(parts.get("orphans", ())),
    )
    marks: dict[str, tuple[Mark, ...]] = {}
    for article_id, run in parts.get("marks", ()):
        marks[article_id] = marks.get(article_id, ()) + run
    return comparison, marks


# ------------------------------------------------------------------------------ the child


def serve() -> None:
    """The child: read one (story, annotations) request, answer it, and end.

    One comparison per child: a Python process keeps the memory a comparison used (about
    100 MiB on 500 articles) long after freeing it, so a child kept for the next request
    would hold that much for as long as the reader is open; a new child costs 0.1 s.
    Its standard output carries only frames; anything printed by mistake goes to standard
    error (discarded by the parent), never into the frames.
    """
    with contextlib.suppress(OSError):  # the screen first: on a busy machine the UI wins the CPU
        os.nice(CHILD_NICENESS)
    import tui.core.load.corpus
    import tui.core.pipeline
    import tui.core.views.marks  # noqa: F401  (the engine is imported while the request is awaited)

    requests = sys.stdin.buffer
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    header = requests.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return
    (size,) = _HEADER.unpack(header)
    source, annotations = pickle.loads(requests.read(size))
    _answer(source, annotations, _Sender(out))


def _answer(source: Story | StoryFiles, annotations: Annotations | Path | None, send: _Sender) -> None:
    """Compare one request and send the result (or the engine's error)."""
    from tui.core.load.corpus import read_story
    from tui.core.pipeline import build_comparison
    from tui.core.views.marks import all_marks

    try:
        story = source if isinstance(source, Story) else read_story(source)
        send.message(("fingerprint", fingerprint(story)))
        comparison = build_comparison(story, _annotations(annotations), progress=send.progress)
        marks = [
            (article_id, found[i : i + MARKS_PER_ITEM])
            for article_id, found in all_marks(comparison).items()
            for i in range(0, max(len(found), 1), MARKS_PER_ITEM)
        ]
    except Exception as error:  # the parent shows it in the status line
        send.message(("error", f"The comparison failed: {error!r}"))
        return
    send.result(comparison, marks)


class _Sender:
    """Writes one comparison's messages: throttled progress, then the result in pieces."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.batch = 64
        self.progress = throttled(lambda fraction, text: self.message(("progress", fraction, text)))

    def message(self, message: tuple[Any, ...]) -> None:
        _write_frame(self.out, pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def result(self, comparison: Comparison, marks: Sequence[tuple[str, Any]]) -> None:
        """The comparison without its story (the caller has its own: the fingerprint said so)."""
        self.message(("annotations", comparison.annotations))
        self.items("units", list(comparison.units.items()))
        for name in ("clusters", "mentions", "phrases", "wire", "suggestions", "orphans"):
            self.items(name, getattr(comparison, name))
        self.items("marks", marks)
        self.message(("done",))
        self.out.flush()

    def items(self, name: str, items: Sequence[Any]) -> None:
        """Send ``items`` in pieces of at most about ``PIECE_BYTES`` (a piece found larger is
        halved before it is sent; the batch grows again while pieces come out small)."""
        if not items:
            self.message(("items", name, ()))
        start = 0
        while start < len(items):
            piece = tuple(items[start : start + self.batch])
            data = pickle.dumps(("items", name, piece), protocol=pickle.HIGHEST_PROTOCOL)
            while len(data) > PIECE_BYTES and len(piece) > 1:
                self.batch = max(1, len(piece) // 2)
                piece = piece[: self.batch]
                data = pickle.dumps(("items", name, piece), protocol=pickle.HIGHEST_PROTOCOL)
            _write_frame(self.out, data)
            start += len(piece)
            if len(data) < PIECE_BYTES // 2:
                self.batch *= 2


@contextlib.contextmanager
def long_lived_objects() -> Iterator[None]:
    """Make many objects that live as long as the program, without the collector pausing it.

    The cyclic collector would walk them again and again as they are made (a full
    collection over a comparison's hundreds of thousands of objects holds the interpreter
    for 0.1 s and more, which in the reader is a frozen screen), and once more on the first
    collection after; so it is paused meanwhile, and what exists at the end is moved out
    of its reach (``gc.freeze``) before it runs again. Nothing made here forms cycles.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def fingerprint(story: Story) -> str:
    """A digest of everything in ``story``: equal for the same articles read from the same
    bytes, in any process (so a child that read the files itself can be checked). Made from
    the dataclasses' fields (their repr), not from a pickle, which would also carry the
    values an article caches once it has been used."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(repr(replace(story, articles=())).encode("utf-8", "surrogatepass"))
    for article in story.articles:  # article by article: the reader's thread waits a moment
        digest.update(repr(article).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def throttled(progress: Progress) -> Progress:
    """``progress`` called at most once per ``PROGRESS_INTERVAL`` (the first and the last
    report always pass): the engine reports about twice per article, and each report repainted
    the reader's status line."""
    last = -PROGRESS_INTERVAL

    def report(fraction: float, text: str) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or fraction >= 1.0:
            last = now
            progress(fraction, text)

    return report


def compare_here(
    story: Story,
    annotations: Annotations | None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[Comparison, Marks]:
    """What the child computes, computed in this process (where no child can run)."""
    from tui.core.pipeline import build_comparison
    from tui.core.views.marks import all_marks

    comparison = build_comparison(
        story,
        annotations,
        progress=None if progress is None else throttled(progress),
        should_stop=should_stop,
    )
    return comparison, all_marks(comparison)


def _annotations(given: Annotations | Path | None) -> Annotations | None:
    """The annotations a request names: given, read from a file, or (None) the story's own."""
    if not isinstance(given, Path):
        return given
    from tui.core.annotate.schema import load_annotations

    return load_annotations(given)


def _cancelled() -> type[Exception]:
    from tui.core.pipeline import ComparisonCancelled

    return ComparisonCancelled


def _write_frame(stream: IO[bytes], data: bytes) -> None:
    """One frame: the length, then the bytes (a raw pipe may take them in several writes)."""
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        written = stream.write(view)
        view = view[written if written is not None else len(view) :]
    stream.flush()
