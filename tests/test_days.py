"""The day each chat message was posted, when a log runs over several days (text/days.py)."""

import datetime as dt

import pytest

from minutes_ai import extract
from minutes_ai.text.days import date_messages
from minutes_ai.text.normalize import normalize
from minutes_ai.text.sentences import split_sentences

MEETING = dt.date(2026, 8, 4)


def _days(text: str, meeting: dt.date) -> dict[str, str | None]:
    text = normalize(text)
    sentences = date_messages(text, split_sentences(text), meeting)
    return {s.text: s.day and s.day.isoformat() for s in sentences if not s.heading}


@pytest.mark.parametrize(
    ("text", "meeting", "sentence", "day"),
    [
        # a line that is only a date separates the days
        ("—— 2026年8月4日 星期二 ——\n09:01 郑晓婷：各位早\n—— 2026年8月5日 星期三 ——\n09:02 郑晓婷：明天给我", MEETING, "明天给我", "2026-08-05"),
        ("—— 2026年8月4日 星期二 ——\n09:01 郑晓婷：各位早\n—— 2026年8月5日 星期三 ——\n09:02 郑晓婷：明天给我", MEETING, "各位早", "2026-08-04"),
        ("8月4日\n09:01 郑晓婷：各位早\n8月5日（周三）\n09:02 郑晓婷：明天给我", MEETING, "明天给我", "2026-08-05"),
        # dated time stamps with the sender, or a sender header with the date
        ("[08-04 10:02] Kevin: 各位早\n[08-05 09:30] Kevin: 明天给我", MEETING, "明天给我", "2026-08-05"),
        ("2026-08-04 10:02 Kevin：各位早\n2026-08-05 09:30 Kevin：明天给我", MEETING, "明天给我", "2026-08-05"),
        ("王磊 2026/8/4 10:02\n各位早\n王磊 2026/8/5 09:30\n明天给我", MEETING, "明天给我", "2026-08-05"),
        # one day marked: every message counts from the meeting date
        ("—— 2026年8月4日 星期二 ——\n09:01 郑晓婷：各位早\n09:02 郑晓婷：明天给我", MEETING, "明天给我", None),
        # an incident timeline inside a message marks no day of the chat
        ("2026-08-04 周二\n10:04 韩旭：时间线贴一下——\n8/2 14:07 监控告警，队列堆积\n10:16 韩旭：我今晚改掉", MEETING, "我今晚改掉", None),
        # a log that runs from December into January
        ("12月31日\n09:01 Amy：各位早\n1月2日\n09:02 Amy：明天给我", dt.date(2026, 12, 31), "明天给我", "2027-01-02"),
    ],
)
def test_the_day_a_message_was_posted(text, meeting, sentence, day):
    assert _days(text, meeting)[sentence] == day


def test_a_relative_deadline_counts_from_the_day_its_message_was_posted():
    text = "—— 2026年8月4日 星期二 ——\n09:01 郑晓婷：各位早\n—— 2026年8月5日 星期三 ——\n09:02 郑晓婷：@马德胜 你排个检修计划，明天给我"
    tasks = extract(text, MEETING, use_model="rules").tasks
    assert [(t.owner.name, t.deadline.date) for t in tasks] == [("马德胜", dt.date(2026, 8, 6))]
