"""The comparison in a child process: the same result as in this process, sent back in small
pieces, throttled progress, and a child that is stopped, dies or is not there."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.load.corpus import list_story, load_story
from tui.core.model import Annotations, Story
from tui.core.offload import PIECE_BYTES, EngineFailed, EngineProcess, compare_here, fingerprint, throttled
from tui.core.pipeline import ComparisonCancelled
from tui.export import ExportRequest, render

STORY = Path(__file__).resolve().parent / "reference_story"


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story([STORY])


@pytest.fixture
def engine() -> Iterator[EngineProcess]:
    process = EngineProcess()
    yield process
    process.close()


def _annotations(story: Story) -> Annotations:
    from tui.core.annotate.schema import load_annotations

    assert story.annotations_path
    return load_annotations(Path(story.annotations_path))


def test_the_child_finds_exactly_what_this_process_finds(story: Story, engine: EngineProcess) -> None:
    annotations = _annotations(story)
    there, there_marks = engine.compare(story, annotations)
    here, here_marks = compare_here(story, annotations)
    assert render(there, ExportRequest("json")) == render(here, ExportRequest("json"))
    assert there_marks == here_marks and set(there_marks) == {a.id for a in story.articles}
    assert there.story is story, "the caller's story is reused, not a copy sent back"


def test_each_comparison_has_its_own_child_which_ends_once_it_has_answered(
    story: Story, engine: EngineProcess
) -> None:
    """A child that stayed would keep the memory of its comparison for as long as the reader
    is open; each request is answered by a new child."""
    annotations = _annotations(story)
    first, _ = engine.compare(story, annotations)
    child = engine._process
    assert child is not None and child.wait(timeout=10) == 0
    again, _ = engine.compare(story, Annotations(path=None))
    assert engine._process is not child
    assert [c.id for c in first.clusters if c.origin == "curated"], "the curated claims apply"
    assert not [c for c in again.clusters if c.origin == "curated"], "the second request is its own"


def test_a_submitted_story_is_collected_even_after_its_child_has_ended(
    engine: EngineProcess, tmp_path: Path
) -> None:
    """A small story's whole answer fits in the pipe: its child may end before the caller asks."""
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "a.txt").write_text("Bridge shut\n\nThe bridge was shut on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Bridge closed\n\nThe bridge was shut on Tuesday.\n", encoding="utf-8")
    small = load_story([folder])
    engine.submit(small, None)
    child = engine._process
    assert child is not None and child.wait(timeout=30) == 0  # answered, into the pipe, and gone
    engine.start_quietly()  # as the reader does at mount: the answer's child is kept
    deadline = time.monotonic() + 30  # a lost answer would be waited for forever: fail instead
    result, _ = engine.compare(small, Annotations(path=None), should_stop=lambda: time.monotonic() > deadline)
    assert engine._process is child and result.story is small
    assert any(c.kind == "discrepancy" for c in result.clusters)


def test_progress_reaches_the_caller_and_ends_at_done(story: Story, engine: EngineProcess) -> None:
    reports: list[tuple[float, str]] = []
    engine.compare(story, Annotations(path=None), progress=lambda f, t: reports.append((f, t)))
    assert reports and reports[-1] == (1.0, "Done")
    assert [f for f, _ in reports] == sorted(f for f, _ in reports)


def test_progress_is_throttled_to_what_a_person_can_see() -> None:
    seen: list[float] = []
    report = throttled(lambda fraction, text: seen.append(fraction))
    for step in range(1000):
        report(step / 1000, "working")
    report(1.0, "Done")
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert len(seen) <= 4, seen


def test_stopping_ends_the_child(story: Story, engine: EngineProcess) -> None:
    engine.start()
    child = engine._process
    assert child is not None
    with pytest.raises(ComparisonCancelled):
        engine.compare(story, Annotations(path=None), should_stop=lambda: True)
    assert child.poll() is not None, "the child still runs"
    result, _ = engine.compare(story, Annotations(path=None))  # a fresh child answers
    assert result.clusters


def test_a_child_that_dies_while_comparing_is_reported_and_replaced(
    story: Story, engine: EngineProcess
) -> None:
    def kill_the_child(fraction: float, text: str) -> None:
        assert engine._process is not None
        engine._process.kill()

    with pytest.raises(EngineFailed, match="ended unexpectedly"):
        engine.compare(story, Annotations(path=None), progress=kill_the_child)
    result, _ = engine.compare(story, Annotations(path=None))
    assert result.clusters


def test_a_child_that_died_while_idle_is_replaced_silently(story: Story, engine: EngineProcess) -> None:
    engine.start()
    assert engine._process is not None
    engine._process.kill()
    engine._process.wait()
    result, _ = engine.compare(story, Annotations(path=None))
    assert result.clusters


def test_without_a_child_the_comparison_runs_here(
    story: Story, engine: EngineProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: EngineProcess) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(EngineProcess, "start", refuse)
    result, marks = engine.compare(story, Annotations(path=None))
    assert result.clusters and marks


def test_no_piece_of_the_result_is_large(
    tmp_path: Path, engine: EngineProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unpickling a piece holds the reader's interpreter: on a story whose result is several
    megabytes, every piece stays near ``PIECE_BYTES`` (a few milliseconds to unpickle)."""
    from tests.benchmarks.bench_engine import write_story

    big = load_story([write_story(tmp_path / "big", 60)])
    sizes: list[int] = []
    real = pickle.loads

    def measured(data: bytes) -> object:
        sizes.append(len(data))
        return real(data)

    monkeypatch.setattr("tui.core.offload.pickle.loads", measured)
    engine.compare(big, Annotations(path=None))
    assert sum(sizes) > 4 * PIECE_BYTES
    assert max(sizes) <= PIECE_BYTES


def test_closing_ends_the_child(engine: EngineProcess) -> None:
    engine.start()
    child = engine._process
    assert child is not None
    engine.close()
    assert child.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.kill(child.pid, 0)


def test_a_story_listed_but_not_read_is_read_by_the_child_and_the_callers_story_kept(
    story: Story, engine: EngineProcess
) -> None:
    engine.submit(list_story([STORY]), None)  # as the command line does before the reader reads it
    ours = load_story([STORY])
    result, marks = engine.compare(ours, _annotations(ours))
    here, _ = compare_here(ours, _annotations(ours))
    assert result.story is ours
    assert render(result, ExportRequest("json")) == render(here, ExportRequest("json"))


def test_when_the_child_read_other_articles_the_callers_are_compared(
    story: Story, engine: EngineProcess, tmp_path: Path
) -> None:
    """A file changed between the child's reading and the caller's: the caller's text wins."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Storm hits port\n\nThe storm hit the port on Monday.\n", encoding="utf-8")
    (other / "b.txt").write_text("Storm in port\n\nA storm hit the port on Tuesday.\n", encoding="utf-8")
    engine.submit(list_story([other]), None)
    result, marks = engine.compare(story, Annotations(path=None))
    assert result.story is story
    assert {m.article for c in result.clusters for m in c.members} <= {a.id for a in story.articles}
    assert set(marks) == {a.id for a in story.articles}


def test_a_story_has_the_same_fingerprint_in_every_process(story: Story) -> None:
    code = (
        "import sys; from pathlib import Path; from tui.core.load.corpus import load_story; "
        "from tui.core.offload import fingerprint; print(fingerprint(load_story([Path(sys.argv[1])])))"
    )
    root = Path(__file__).resolve().parents[2]
    there = subprocess.run(
        [sys.executable, "-c", code, str(STORY)], capture_output=True, text=True, check=True, cwd=root
    ).stdout.strip()
    used = load_story([STORY])
    for article in used.articles:  # a story the reader has shown caches values on its articles
        article.paragraph_at(len(article.text) // 2)
    assert there == fingerprint(story) == fingerprint(used) == fingerprint(pickle.loads(pickle.dumps(story)))
