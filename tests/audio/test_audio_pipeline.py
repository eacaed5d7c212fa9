"""A Transcript through extraction: items keep where they are in the recording, segments are sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from minutes_ai import extract
from minutes_ai.models import Segment, Transcript
from minutes_ai.text.normalize import normalize
from minutes_ai.text.sentences import split_sentences

MEETING = dt.date(2026, 11, 24)


def make_transcript(timed: list[tuple[float, float, str]], *, text: str | None = None) -> Transcript:
    segments = [Segment(start=a, end=b, text=t) for a, b, t in timed]
    return Transcript(
        text="\n".join(s.text for s in segments) if text is None else text,
        duration=max((b for _, b, _ in timed), default=0.0),
        language="zh",
        model="whisper-base",
        segments=segments,
    )


SPOKEN = make_transcript(
    [
        (0.0, 4.2, "大家好，今天开个短会。"),
        (4.2, 9.8, "会议决定新版办公系统在十二月八号正式上线。"),
        (10.9, 16.0, "王磊负责完成支付接口的对接，本周五前完成。"),
        (16.3, 21.5, "上线那天是否需要停机维护，目前还待定。"),
    ]
)


def test_items_carry_audio_times():
    minutes = extract(SPOKEN, MEETING, source_path="meeting.m4a")
    assert minutes.source.kind == "audio" and minutes.source.path == "meeting.m4a"
    assert minutes.source.chars == len(SPOKEN.text)
    assert all(t.source.audio_start is not None for t in minutes.tasks)
    task = next(t for t in minutes.tasks if t.owner and t.owner.name == "王磊")
    assert task.deadline.date == dt.date(2026, 11, 27)
    assert (task.source.audio_start, task.source.audio_end) == (10.9, 16.0)
    assert SPOKEN.text[task.source.start:task.source.end] == task.source.text
    (decision,) = minutes.decisions
    assert (decision.source.audio_start, decision.source.audio_end) == (4.2, 9.8)
    (question,) = minutes.open_questions
    assert (question.source.audio_start, question.source.audio_end) == (16.3, 21.5)


def test_text_input_has_no_audio_times():
    minutes = extract(SPOKEN.text, MEETING)
    assert minutes.source.kind == "notes"
    assert all(t.source.audio_start is None and t.source.audio_end is None for t in minutes.tasks)
    assert extract(SPOKEN.text, MEETING, kind="transcript").source.kind == "transcript"


def test_a_sentence_over_two_segments_spans_both():
    """Whisper cuts a long sentence in two; the item's time covers both segments."""
    from minutes_ai.pipeline import _SegmentTimes

    transcript = make_transcript([(0.0, 3.0, "会议决定"), (3.0, 6.5, "王磊负责接口联调"), (6.5, 9.0, "本周五前完成")])
    times = _SegmentTimes(transcript)
    text = transcript.text
    assert times.between(0, len(text)) == (0.0, 9.0)
    start = text.index("王磊")
    assert times.between(start, start + 2) == (3.0, 6.5)
    assert times.between(start, text.index("本周") + 2) == (3.0, 9.0)
    assert times.between(text.index("\n"), text.index("\n") + 1) == (None, None)  # the newline itself
    assert times.between(start, start) == (3.0, 6.5)  # an empty span at a character still has a place


def test_hand_edited_transcript_maps_what_it_can():
    """A reviewer fixed a name in the text and deleted a line: the other segments still map."""
    transcript = make_transcript(
        [(0.0, 4.0, "大家好"), (4.0, 9.0, "王蕾负责接口联调，本周五前完成。"), (9.0, 12.0, "会议决定下周上线。")],
        text="大家好\n王磊负责接口联调，本周五前完成。",
    )
    minutes = extract(transcript, MEETING)
    task = next(t for t in minutes.tasks if t.owner and t.owner.name == "王磊")
    assert (task.source.audio_start, task.source.audio_end) == (None, None)
    assert minutes.decisions == []


@pytest.mark.parametrize(
    "timed, sentences",
    [
        # a pause ≥ 0.8 s between segments: two sentences, even without punctuation
        ([(0.0, 2.0, "王磊负责接口联调"), (2.9, 4.0, "李娜负责测试用例")], ["王磊负责接口联调", "李娜负责测试用例"]),
        # segments are lines, so the splitter breaks at every segment boundary, pause or not
        ([(0.0, 2.0, "王磊负责接口联调"), (2.1, 3.0, "本周五前完成")], ["王磊负责接口联调", "本周五前完成"]),
        # within a segment, punctuation still splits
        ([(0.0, 5.0, "会议决定下周上线。王磊负责接口联调。")], ["会议决定下周上线。", "王磊负责接口联调。"]),
    ],
)
def test_segment_boundaries_are_sentence_boundaries(timed, sentences):
    transcript = make_transcript(timed)
    found = split_sentences(normalize(transcript.text))
    assert [s.text for s in found] == sentences


def test_owner_and_deadline_in_adjacent_segments_make_one_task():
    """Whisper often cuts "王磊负责接口联调 / 本周五前完成" at a short pause: still one task."""
    minutes = extract(make_transcript([(0.0, 2.0, "王磊负责接口联调"), (2.1, 3.0, "本周五前完成")]), MEETING)
    task = next(t for t in minutes.tasks if t.owner and t.owner.name == "王磊")
    assert task.deadline is not None and task.deadline.date == dt.date(2026, 11, 27)
    assert (task.source.audio_start, task.source.audio_end) == (0.0, 2.0)


def test_empty_transcript_gives_empty_minutes():
    minutes = extract(make_transcript([]), MEETING, source_path="silence.wav")
    assert minutes.tasks == [] and minutes.decisions == [] and minutes.open_questions == []
    assert minutes.source.kind == "audio" and minutes.source.chars == 0
