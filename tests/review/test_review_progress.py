"""Progress beside the minutes file: saved after every answer, resumed, refused when damaged."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

from minutes_ai.review import Progress, ReviewError, ReviewSession, load_progress, progress_path, save_progress, start_or_resume
from minutes_ai.review.progress import sha256

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def clock():
    return NOW


@pytest.mark.parametrize(
    "given, expected",
    [
        ("minutes.json", ".minutes.review.json"),
        ("dir/会议.JSON", "dir/.会议.review.json"),
        ("notes.json.bak", ".notes.json.bak.review.json"),
    ],
)
def test_progress_lives_beside_the_file(given, expected):
    assert progress_path(given) == pathlib.Path(expected)


def test_save_then_load(tmp_path, minutes):
    session = ReviewSession.start(minutes).accept().edit("deadline", "下周三")
    progress = Progress(input="minutes.json", input_sha256="abc", updated_at=NOW, session=session)
    path = tmp_path / ".minutes.review.json"
    save_progress(path, progress)
    assert load_progress(path) == progress
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_no_progress_is_none(tmp_path):
    assert load_progress(tmp_path / ".minutes.review.json") is None


CORRUPT = [
    (b"{not json", "review progress is corrupt (not JSON"),
    (b"\xff\xfe\x00", "review progress is corrupt (not JSON"),
    (b"[]", "not a minutes-ai review progress file"),
    (b'{"format": "something else"}', "not a minutes-ai review progress file"),
    (b'{"format": "minutes-ai review progress", "version": 1}', "review progress is corrupt (input: Field required"),
]


@pytest.mark.parametrize("content, message", CORRUPT)
def test_a_corrupt_progress_file_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / ".minutes.review.json"
    path.write_bytes(content)
    with pytest.raises(ReviewError) as caught:
        load_progress(path)
    text = str(caught.value)
    assert message in text and "--restart" in text and "\n" not in text


def test_a_session_with_a_bad_index_in_progress_is_corrupt(tmp_path, minutes):
    progress = Progress(input="m.json", input_sha256="abc", updated_at=NOW, session=ReviewSession.start(minutes))
    data = json.loads(progress.model_dump_json())
    data["session"]["minutes"]["tasks"][0]["deadline"]["date"] = "next wednesday"
    path = tmp_path / ".m.review.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ReviewError, match=r"session\.minutes\.tasks\.0\.deadline\.date: Input should be a valid date"):
        load_progress(path)


def test_resume_only_the_same_content(tmp_path, minutes, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = start_or_resume("m.json", "TEXT", minutes, clock=clock)
    assert not first.resumed and first.progress.session.index == 0
    save_progress(progress_path("m.json"), first.progress.model_copy(update={"session": first.progress.session.accept()}))
    again = start_or_resume("m.json", "TEXT", minutes, clock=clock)
    assert again.resumed and again.progress.session.current.id == "T2"
    with pytest.raises(ReviewError, match="m.json changed since its review started .* --restart"):
        start_or_resume("m.json", "EDITED BY HAND", minutes, clock=clock)
    restarted = start_or_resume("m.json", "EDITED BY HAND", minutes, restart=True, clock=clock)
    assert not restarted.resumed and restarted.progress.session.current.id == "T1"


def test_a_finished_review_is_recognised_by_input_or_output(tmp_path, minutes, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fresh = start_or_resume("m.json", "TEXT", minutes, clock=clock).progress
    done = fresh.model_copy(update={"finished": True, "output_sha256": sha256("OUT"), "session": fresh.session.accept_all()})
    save_progress(progress_path("m.json"), done)
    assert start_or_resume("m.json", "TEXT", minutes, clock=clock).already_finished
    assert start_or_resume("m.json", "OUT", minutes, clock=clock).already_finished
    changed = start_or_resume("m.json", "CHANGED LATER", minutes, clock=clock)
    assert not changed.already_finished and not changed.resumed


def test_a_position_past_the_last_item_is_corrupt(tmp_path, minutes):
    progress = Progress(input="m.json", input_sha256="abc", updated_at=NOW, session=ReviewSession.start(minutes))
    data = json.loads(progress.model_dump_json())
    data["session"]["index"] = 99
    path = tmp_path / ".m.review.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ReviewError, match="session: Value error, index 99 is past the last of 5 items"):
        load_progress(path)
