"""Deadline phrases → dates, resolved from the meeting date (docs/corpus.md gives the conventions).

Unless a row says otherwise the meeting is on Tuesday 2026-11-24: its week runs Mon 11-23 to
Sun 11-29; next week Mon 11-30 to Sun 12-06.
"""

import datetime as dt

import pytest

from minutes_ai.extract.deadlines import find_deadlines, resolve_deadline

TUE = dt.date(2026, 11, 24)
D = dt.date

CASES = [
    # D+N and relative days
    ("D+3", TUE, D(2026, 11, 27), "relative"),
    ("D+1", TUE, D(2026, 11, 25), "relative"),
    ("D+7", TUE, D(2026, 12, 1), "relative"),
    ("T+2", TUE, D(2026, 11, 26), "relative"),
    ("今天", TUE, D(2026, 11, 24), "relative"),
    ("今天下班前", TUE, D(2026, 11, 24), "relative"),
    ("今晚", TUE, D(2026, 11, 24), "relative"),
    ("明天", TUE, D(2026, 11, 25), "relative"),
    ("明天上午", TUE, D(2026, 11, 25), "relative"),
    ("后天", TUE, D(2026, 11, 26), "relative"),
    ("大后天", TUE, D(2026, 11, 27), "relative"),
    ("当天", TUE, D(2026, 11, 24), "relative"),
    ("12月10日上线当天", TUE, D(2026, 12, 10), "absolute"),  # the day of the date just named
    # this week, bare weekdays
    ("本周五", TUE, D(2026, 11, 27), "relative"),
    ("本周五前", TUE, D(2026, 11, 27), "relative"),
    ("这周五", TUE, D(2026, 11, 27), "relative"),
    ("这周五之前", TUE, D(2026, 11, 27), "relative"),
    ("周五前", TUE, D(2026, 11, 27), "relative"),
    ("周五", TUE, D(2026, 11, 27), "relative"),
    ("星期五", TUE, D(2026, 11, 27), "relative"),
    ("礼拜五", TUE, D(2026, 11, 27), "relative"),
    ("周一前", TUE, D(2026, 11, 30), "relative"),
    ("周二", TUE, D(2026, 11, 24), "relative"),
    ("本周日", TUE, D(2026, 11, 29), "relative"),
    ("本周末", TUE, D(2026, 11, 29), "relative"),
    ("本周内", TUE, D(2026, 11, 27), "relative"),
    # next calendar week
    ("下周一", TUE, D(2026, 11, 30), "relative"),
    ("下周二", TUE, D(2026, 12, 1), "relative"),
    ("下周三", TUE, D(2026, 12, 2), "relative"),
    ("下周四", TUE, D(2026, 12, 3), "relative"),
    ("下周五", TUE, D(2026, 12, 4), "relative"),
    ("下周六", TUE, D(2026, 12, 5), "relative"),
    ("下周日", TUE, D(2026, 12, 6), "relative"),
    ("下周天", TUE, D(2026, 12, 6), "relative"),
    ("下星期三", TUE, D(2026, 12, 2), "relative"),
    ("下个礼拜一", TUE, D(2026, 11, 30), "relative"),
    ("下周", TUE, D(2026, 12, 4), "relative"),
    ("下周内", TUE, D(2026, 12, 4), "relative"),
    ("下下周一", TUE, D(2026, 12, 7), "relative"),
    ("下下周三", TUE, D(2026, 12, 9), "relative"),
    # durations
    ("3天内", TUE, D(2026, 11, 27), "relative"),
    ("三天内", TUE, D(2026, 11, 27), "relative"),
    ("5天之内", TUE, D(2026, 11, 29), "relative"),
    ("十天内", TUE, D(2026, 12, 4), "relative"),
    ("24小时内", TUE, D(2026, 11, 25), "relative"),
    ("48小时内", TUE, D(2026, 11, 26), "relative"),
    ("两周内", TUE, D(2026, 12, 8), "relative"),
    ("1周内", TUE, D(2026, 12, 1), "relative"),
    ("一周之内", TUE, D(2026, 12, 1), "relative"),
    ("一个月内", TUE, D(2026, 12, 24), "relative"),
    ("两个月内", TUE, D(2027, 1, 24), "relative"),
    ("半个月内", TUE, D(2026, 12, 9), "relative"),
    # a spoken range ("三四天", "十八十九号") promises its later end; never read as 34 or refused
    ("三四天内", TUE, D(2026, 11, 28), "relative"),
    ("十八十九号之前", TUE, D(2026, 12, 19), "absolute"),
    ("二十五六号", TUE, D(2026, 11, 26), "absolute"),
    # month and year ends
    ("月底", TUE, D(2026, 11, 30), "relative"),
    ("本月底", TUE, D(2026, 11, 30), "relative"),
    ("这个月底", TUE, D(2026, 11, 30), "relative"),
    ("月底前", TUE, D(2026, 11, 30), "relative"),
    ("下月底", TUE, D(2026, 12, 31), "relative"),
    ("下个月底", TUE, D(2026, 12, 31), "relative"),
    ("年底", TUE, D(2026, 12, 31), "relative"),
    ("月底", D(2026, 1, 31), D(2026, 1, 31), "relative"),
    ("下月底", D(2026, 1, 31), D(2026, 2, 28), "relative"),
    # absolute dates, with the year inferred
    ("11月30日", TUE, D(2026, 11, 30), "absolute"),
    ("11月30号", TUE, D(2026, 11, 30), "absolute"),
    ("11月30日前", TUE, D(2026, 11, 30), "absolute"),
    ("12月5日", TUE, D(2026, 12, 5), "absolute"),
    ("12.5", TUE, D(2026, 12, 5), "absolute"),
    ("12/5", TUE, D(2026, 12, 5), "absolute"),
    ("3/25", TUE, D(2027, 3, 25), "absolute"),
    ("1月10日", TUE, D(2027, 1, 10), "absolute"),
    ("11月20日", TUE, D(2026, 11, 20), "absolute"),
    ("2026-12-08", TUE, D(2026, 12, 8), "absolute"),
    ("2026/12/08", TUE, D(2026, 12, 8), "absolute"),
    ("2026.12.8", TUE, D(2026, 12, 8), "absolute"),
    ("2026年12月8日", TUE, D(2026, 12, 8), "absolute"),
    ("2026年12月8日星期二", TUE, D(2026, 12, 8), "absolute"),
    ("1月28日（星期三）", D(2026, 1, 14), D(2026, 1, 28), "absolute"),
    ("十二月五号", TUE, D(2026, 12, 5), "absolute"),
    ("十二月五日", TUE, D(2026, 12, 5), "absolute"),
    ("十二月二十五号", TUE, D(2026, 12, 25), "absolute"),
    ("12月底", TUE, D(2026, 12, 31), "absolute"),
    ("12月中旬", TUE, D(2026, 12, 20), "absolute"),
    ("12月上旬", TUE, D(2026, 12, 10), "absolute"),
    ("1月5日前", D(2026, 12, 28), D(2027, 1, 5), "absolute"),
    # a day of the month said alone
    ("22号前", D(2026, 12, 8), D(2026, 12, 22), "absolute"),
    ("19号", TUE, D(2026, 12, 19), "absolute"),
    ("30号之前", TUE, D(2026, 11, 30), "absolute"),
    # working days: weekends, public holidays and make-up workdays
    ("3个工作日内", TUE, D(2026, 11, 27), "workdays"),
    ("5个工作日内", TUE, D(2026, 12, 1), "workdays"),
    ("三个工作日", TUE, D(2026, 11, 27), "workdays"),
    ("十个工作日内", TUE, D(2026, 12, 8), "workdays"),
    ("3个工作日内", D(2026, 9, 29), D(2026, 10, 9), "workdays"),  # across National Day
    ("1个工作日内", D(2026, 9, 30), D(2026, 10, 8), "workdays"),
    ("3个工作日内", D(2026, 2, 12), D(2026, 2, 24), "workdays"),  # Sat 2-14 is a make-up workday
    ("2个工作日内", D(2026, 4, 29), D(2026, 5, 6), "workdays"),  # across May Day
    # times of day
    ("下午三点前", TUE, D(2026, 11, 24), "relative"),
    ("下午3点", TUE, D(2026, 11, 24), "relative"),
    ("明天下午三点前", TUE, D(2026, 11, 25), "relative"),
    ("明天中午前", TUE, D(2026, 11, 25), "relative"),
    ("今天18:00前", TUE, D(2026, 11, 24), "relative"),
    ("周五下班前", TUE, D(2026, 11, 27), "relative"),
    ("12月5日下午3点", TUE, D(2026, 12, 5), "absolute"),
    ("4/16 EOD", TUE, D(2027, 4, 16), "absolute"),
    # mixed Chinese-English teams
    ("EOD Friday", TUE, D(2026, 11, 27), "relative"),
    ("Friday", TUE, D(2026, 11, 27), "relative"),
    ("next Monday", TUE, D(2026, 11, 30), "relative"),
    ("by EOW", TUE, D(2026, 11, 27), "relative"),
    ("EOM", TUE, D(2026, 11, 30), "relative"),
    ("due next Wed", TUE, D(2026, 12, 2), "relative"),
    ("下月十号之前", TUE, D(2026, 12, 10), "relative"),
    ("下个月15号", TUE, D(2026, 12, 15), "relative"),
    ("本月25日前", TUE, D(2026, 11, 25), "relative"),
    ("这个月28号之前", TUE, D(2026, 11, 28), "relative"),
    # meetings at the edges of a week or year
    ("下周一", D(2026, 12, 28), D(2027, 1, 4), "relative"),
    ("本周五", D(2026, 11, 29), D(2026, 11, 27), "relative"),
    ("下周一", D(2026, 11, 29), D(2026, 11, 30), "relative"),
    ("周五前", D(2026, 11, 27), D(2026, 11, 27), "relative"),
    ("下周五", D(2026, 11, 27), D(2026, 12, 4), "relative"),
    # vague: a deadline, but no date
    ("尽快", TUE, None, "vague"),
    ("近期", TUE, None, "vague"),
    ("下月初", TUE, None, "vague"),
    ("休假前", TUE, None, "vague"),  # before someone's leave: a limit, no day
    ("元旦前", TUE, None, "vague"),  # like 国庆前, 春节前: before the holiday, no day named
    ("ASAP", TUE, None, "vague"),
    ("抓紧", TUE, None, "vague"),
    ("待定", TUE, None, "vague"),
    ("12月初", TUE, None, "vague"),
    # English in mixed teams
    ("by Dec 10", TUE, D(2026, 12, 10), "absolute"),
    ("10 December", TUE, D(2026, 12, 10), "absolute"),
    ("by tomorrow", TUE, D(2026, 11, 25), "relative"),
    ("next week", TUE, D(2026, 12, 4), "relative"),
    ("within 2 weeks", TUE, D(2026, 12, 8), "relative"),
    ("within two weeks", TUE, D(2026, 12, 8), "relative"),  # a number said in words
    ("two weeks 内", TUE, D(2026, 12, 8), "relative"),
    ("3 working days 内", TUE, D(2026, 11, 27), "workdays"),
    ("within three business days", TUE, D(2026, 11, 27), "workdays"),
    ("by end of month", TUE, D(2026, 11, 30), "relative"),
    # speech-recognition text with a space between the words
    ("三个 工作日 内", TUE, D(2026, 11, 27), "workdays"),
    ("本月内", TUE, D(2026, 11, 30), "relative"),
]


@pytest.mark.parametrize(("phrase", "meeting", "expected", "kind"), CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_resolve_deadline(phrase, meeting, expected, kind):
    deadline = resolve_deadline(phrase, meeting)
    assert deadline is not None
    assert (deadline.date, deadline.kind.value) == (expected, kind)


TIMES = [
    ("下午三点前", dt.time(15, 0)),
    ("明早10点前", dt.time(10, 0)),  # the day word, then the hour
    ("今晚8点前", dt.time(20, 0)),  # the evening's 8
    ("明晚九点", dt.time(21, 0)),
    ("明天下午三点半", dt.time(15, 30)),
    ("今天下班前", dt.time(18, 0)),
    ("今天18:00前", dt.time(18, 0)),
    ("明天中午前", dt.time(12, 0)),
    ("4/16 EOD", dt.time(18, 0)),
    ("上午10点", dt.time(10, 0)),
    ("本周五", None),
]


@pytest.mark.parametrize(("phrase", "expected"), TIMES)
def test_time_of_day(phrase, expected):
    assert resolve_deadline(phrase, TUE).time == expected


IN_SENTENCES = [
    ("王磊负责接口联调，本周五前完成", "本周五前", D(2026, 11, 27)),
    ("设计部3天内提供UI稿", "3天内", D(2026, 11, 27)),
    ("二期于2026年12月15日上线，测试报告12月10日前提交", "12月10日前", D(2026, 12, 10)),
    ("周四 不对 周五给我", "周五", D(2026, 11, 27)),
    ("会议纪要24小时内发出", "24小时内", D(2026, 11, 25)),
    ("版本号改成 v2.5 发布", None, None),
    ("覆盖率提高到3.5%", None, None),
    ("有两点意见", None, None),
    ("3号注塑机停用", None, None),
    ("在1号会议室开会", None, None),
    ("计莉你写，写完给我看，18号前", "18号前", D(2026, 12, 18)),
    ("测温记录你盯着 每天两次 早上一次晚上一次", None, None),  # a frequency, not a time
    ("晚上把表发我", "晚上", D(2026, 11, 24)),
    ("12.4前交初稿", "12.4前", D(2026, 12, 4)),
    ("draft the 3.2 release notes by Dec 10", "Dec 10", D(2026, 12, 10)),  # 3.2 is a version
    ("update the templates to 3.2 next week", "next week", D(2026, 12, 4)),
    ("节假日排班表 Kevin 12.25 前出", "12.25 前", D(2026, 12, 25)),
    ("@tdz CI 升级到 Go 1.23", None, None),  # a version after the name of the software
    ("Python 3.12 升级下周做", "下周", D(2026, 12, 4)),
    ("这个你盯一下周五之前我要看到签字单", "周五之前", D(2026, 11, 27)),  # the 下 of 一下
    ("你看下周三行不行", "下周三", D(2026, 12, 2)),
    ("- [ ] @chenxi-dev 修复 #1915 (截止 12-04)", "截止 12-04", D(2026, 12, 4)),  # a hyphen after a deadline label
    ("工单 12-04 已关闭", None, None),  # elsewhere it is an id
    ("图纸十八十九号之前交上来", "十八十九号之前", D(2026, 12, 19)),  # a spoken range of days
    ("十十号前交", None, None),  # numerals that make no number: no date, no crash
    # a month/day glued to the Chinese word before it, when a deadline word follows
    ("看板压测报告11/9前出", "11/9前", D(2026, 11, 9)),
    ("官宣海报：小蒋9.8前排好版", "9.8前", D(2027, 9, 8)),
    ("邵斌12/16出区域汇总", "12/16", D(2026, 12, 16)),
    ("原计划4/30封顶，目前落后约4天", None, None),  # background: no deadline word after it
    ("天气预报5.20前后降雨", None, None),  # 前后: about then
    ("28号当晚把美篇发出来", "28号", D(2026, 11, 28)),
    ("这单10号装车前出报告", "10号", D(2026, 12, 10)),  # the day of an event said before it
    ("@Amy 周四一定要到", "周四", D(2026, 11, 26)),  # 一定, not a numeral
    ("周一二三都行", None, None),
    ("@赵敏 48h内把差评全部回复掉", "48h内", D(2026, 11, 26)),
]


@pytest.mark.parametrize(("sentence", "phrase", "expected"), IN_SENTENCES)
def test_deadline_in_sentence(sentence, phrase, expected):
    from minutes_ai.extract.deadlines import pick

    dated = [m for m in find_deadlines(sentence, TUE) if m.deadline.date]
    if phrase is None:
        assert dated == []
        return
    best = pick(find_deadlines(sentence, TUE))
    assert (best.deadline.text, best.deadline.date) == (phrase, expected)


def test_unknown_phrase_is_none():
    assert resolve_deadline("看情况", TUE) is None


@pytest.mark.parametrize("sentence", ["会后把纪要发群里", "@qiaomu 会后对齐 TTL 方案"])
def test_after_the_meeting_is_no_deadline(sentence):
    """"会后" says when the work starts, not when it is due: annotators leave the deadline empty."""
    assert find_deadlines(sentence, TUE) == []


@pytest.mark.parametrize(
    "sentence, event",
    [
        ("街道通知12月10日起开展垃圾分类专项检查", True),
        ("活动12月12日（周六）0点开始", True),
        ("12月7日到9日请年假，10号回来", True),
        ("Mark 12/14–12/18 OOO", True),
        ("展会12月20日开幕", True),
        ("Kevin明天跟客户确认12月22日复核的议程", True),  # the date of the thing talked about
        ("物料按12月19号重新改一版日期", True),  # the date the work uses
        ("三甲复审专家组预计12月21日进驻", True),  # a forecast
        ("小郑你把会上的事整理一下发群里，下周一同一时间再碰一次", True),  # the next meeting
        ("王磊12月10日前提交方案", False),
        ("12月10日完成验收", False),
        ("排班老龚调一下，明天开始执行", False),  # a task that starts tomorrow
        ("交车讲解从今天开始每台车都要讲", True),  # from … on: a start, not a limit
        ("新考勤制度自下周一起执行", True),
        # 今天 said of the moment of speaking (talks and panels), not of a limit
        ("我们今天讲的网络咨询可能更多的偏向于视频的咨询", True),
        ("那今天其实这个话题我觉得跟我们很像", True),
        ("估计聊到今天半夜三点钟", True),
        ("好的，我今天就报。", False),
        ("纪要钟晓今天发群里", False),
        # someone coming to inspect or visit: when it happens
        ("区消防救援大队将于12月22日前后来园区季度抽查", True),  # 前后 is "about", not "before"
        ("区域的陈经理这周五下午过来巡店", True),
        ("卫生保健 区里下周要来抽查", True),
        ("检查组走后，12月22日前把整改报告交上来", False),
    ],
)
def test_dates_that_open_or_span_an_event_are_not_deadlines(sentence, event):
    from minutes_ai.extract.deadlines import marks_event

    matches = find_deadlines(sentence, dt.date(2026, 12, 1))
    assert matches
    assert any(marks_event(sentence, m) for m in matches) == event


@pytest.mark.parametrize(("cell", "kind"), [("TBD", "vague"), ("待确认", "vague"), ("周四", "relative")])
def test_a_deadline_cell_left_open_is_vague(cell, kind):
    from minutes_ai.extract.tasks import _cell_deadline

    assert _cell_deadline(cell, TUE).kind.value == kind


@pytest.mark.parametrize(("cell", "expected"), [("12-04", D(2026, 12, 4)), ("12-04 前", D(2026, 12, 4))])
def test_a_month_and_day_with_a_hyphen_alone_in_a_deadline_cell_is_a_date(cell, expected):
    from minutes_ai.extract.tasks import _cell_deadline

    found = _cell_deadline(cell, TUE)
    assert (found.date if found else None) == expected


@pytest.mark.parametrize("phrase", ["2 weeks", "took two weeks", "12-04"])
def test_no_deadline_without_a_limit(phrase):
    """A bare length of time is how long something took; "12-04" in prose may be an id or a range."""
    assert find_deadlines(phrase, TUE) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("周三，不对，周四给我终稿吧", [D(2026, 11, 26)]),  # the speaker corrects the date
        ("十五号，哦不对，十八号之前交", [D(2026, 12, 18)]),
        ("这周五之前 呃不 明天之前吧 给我一个书面说明", [D(2026, 11, 25)]),
        ("周三，不是，周四前交", [D(2026, 11, 26)]),
        ("周三的会改到周四", [D(2026, 11, 25), D(2026, 11, 26)]),  # no correction: both dates stand
        ("下周，负责老客户回访，每家回访后当天在CRM里填记录", [D(2026, 12, 4)]),  # the day of each visit is no date
        ("灯箱你盯一下，下周内搞定，开业当天不能黑着", [D(2026, 12, 4)]),  # the day of an event the text does not date
        ("当天下班前把纪要发出", [D(2026, 11, 24)]),  # the meeting's own day
    ],
)
def test_the_dates_a_sentence_sets(text, dates):
    assert [m.deadline.date for m in find_deadlines(text, TUE)] == dates
