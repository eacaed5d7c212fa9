"""Minutes for review tests, built from the models (imported by test modules and conftest)."""

from __future__ import annotations

import datetime as dt

from minutes_ai.models import Deadline, Decision, Meeting, Minutes, Owner, Source, Span, Task

MEETING_DATE = dt.date(2026, 11, 24)  # a Tuesday: 本周五 = 27 Nov, 下周三 = 2 Dec
NOTES = "任务1：修复订单回调，负责人：冯立军，截止时间：D+3\n任务2：输出设计稿，负责人：贝佳，截止时间：本周五前\n决议：同意方案B。"


def span(text: str, start: int, audio_start: float | None = None) -> Span:
    return Span(text=text, start=start, end=start + len(text), audio_start=audio_start)


def built_minutes() -> Minutes:
    """Three tasks (one complete, one with no owner and a vague deadline, one from a recording)
    and two decisions, at a meeting on Tuesday 24 Nov 2026."""
    t1 = "冯立军负责修复订单回调，D+3完成，回调成功率100%。"
    t2 = "设计稿尽快出。"
    t3 = "程一帆和贝佳确定商品清单，下周三前。"
    return Minutes(
        meeting=Meeting(
            title="积分商城协调会",
            date=MEETING_DATE,
            date_source="given",
            participants=["冯立军", "贝佳", "程一帆"],
            departments=["设计部"],
        ),
        tasks=[
            Task(
                id="T1",
                title="修复订单回调",
                owner=Owner(name="冯立军", text="冯立军"),
                deadline=Deadline(text="D+3", date=dt.date(2026, 11, 27), kind="relative"),
                criteria="回调成功率100%",
                source=span(t1, 0),
                confidence=0.9,
            ),
            Task(
                id="T2",
                title="出设计稿",
                deadline=Deadline(text="尽快", kind="vague"),
                source=span(t2, len(t1)),
                confidence=0.7,
                flags=["no_owner", "vague_deadline"],
            ),
            Task(
                id="T3",
                title="确定商品清单",
                owner=Owner(name="程一帆", text="程一帆"),
                deadline=Deadline(text="下周三前", date=dt.date(2026, 12, 2), kind="relative"),
                source=span(t3, len(t1) + len(t2), audio_start=83.5),
                confidence=0.8,
            ),
        ],
        decisions=[
            Decision(id="D1", text="同意方案B。", source=span("同意方案B。", 100)),
            Decision(id="D2", text="线下地推取消。", source=span("线下地推取消。", 110)),
        ],
        source=Source(kind="notes", chars=120, extractor="test"),
    )
