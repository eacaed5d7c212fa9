"""Fixtures for the task store: a fixed clock, a fresh database, a week of tasks."""

from __future__ import annotations

import pytest
from store_builders import Clock, minutes, task

from minutes_ai.models import TaskStatus
from minutes_ai.store import Store


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "minutes.db"


@pytest.fixture
def store(db_path, clock):
    with Store.open(db_path, clock=clock) as opened:
        yield opened


@pytest.fixture
def weekly():
    """A meeting whose tasks cover every filter and standup bucket, relative to TODAY (Thu 26 Nov)."""
    return minutes(
        task("T1", "修复订单回调", "冯立军", None, "2026-11-24", None, "D+1", "回调成功率100%"),  # overdue
        task("T2", "首页设计稿", "贝佳", "设计部", "2026-11-26", "15:00", "今天下午三点前"),  # due today, timed
        task("T3", "商品清单", "程一帆", None, "2026-11-26", None, "今天"),  # due today, date only
        task("T4", "推送文案", "李娜", "市场部", "2026-12-02", None, "下周三"),  # due next week
        task("T5", "年度复盘", "李娜", "市场部", "2026-12-20", None, "12月20日"),  # later
        task("T6", "海报", None, None, None, None, "尽快"),  # vague, no date
        task("T7", "被否决的任务", "冯立军", status=TaskStatus.rejected),
    )
