"""Decisions (extract/roles.py is_decision): what the meeting settled, including agreed
rejections, cancellations and deferrals; not proposals, questions or facts."""

import datetime as dt

import pytest

from minutes_ai import extract


@pytest.mark.parametrize(
    "text, decided",
    [
        ("会议决定二期上线时间定为12月15日。", True),
        ("大家一致同意采用方案B。", True),
        # agreed rejections and cancellations are decisions, whatever came before them
        ("罗经理建议顺便把3号线也大修，厂长认为预算不在本年度，暂不考虑。", True),
        ("海外版本本期不立项，明年Q2再评估。", True),
        ("行 那评价轮播就砍掉", True),
        ("原定周五的团建取消，改为下周聚餐。", True),
        ("经讨论，积分商城今年不再推进。", True),
        # not decisions
        ("小林建议做一场直播。", False),
        ("要不要把上线时间推迟一周？", False),
        ("预算申请了八万，财务那边还没批，等财务回复。", False),
        ("好多地方跟现在的设备对不上了。", False),
        ("门店上周客流量下降了5%。", False),
    ],
)
def test_is_decision(text, decided):
    minutes = extract(text, dt.date(2026, 12, 1), use_model=False)
    assert bool(minutes.decisions) == decided, [d.text for d in minutes.decisions]
