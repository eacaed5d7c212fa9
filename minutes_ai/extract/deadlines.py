"""Deadlines: find deadline phrases and resolve them to dates from the meeting date.

Meetings give deadlines as "D+3", "本周五前", "下周三", "3个工作日内", "月底", "12.5", "十二月五号",
"下午三点前", "EOD Friday" or "尽快". dateparser reads absolute dates well but few of these
relative Chinese forms, and none relative to a meeting date other than today, so the phrases and
their meaning live in rules/deadlines.yaml and this module only interprets them. dateparser is
still the fallback for forms the rules do not know (see `_dateparser_fallback`).

Conventions (documented in docs/corpus.md): weeks run Monday–Sunday; "下周三" is Wednesday of the
next calendar week; a bare "周五" is the next Friday on or after the meeting; "下周" alone is next
week's Friday; "N个工作日内" is the N-th working day after the meeting day.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
import re
from typing import NamedTuple

from .. import ruledata
from ..models import Deadline, DeadlineKind
from .calendar import add_workdays
from .numbers import NUMBER, to_int


class DeadlineMatch(NamedTuple):
    """A deadline phrase found in a text, with its offsets and resolved value."""

    start: int
    end: int
    deadline: Deadline
    has_suffix: bool  # "前/之前/内/截止": a strong sign the phrase is a deadline, not a mention


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    return ruledata.load("deadlines.yaml")


def _alt(words) -> str:
    return ruledata.alternation(list(words))


# what must follow a month/day glued to the Chinese word before it ("小蒋9.8前排好版")
_GLUED_DUE = r"(?:之前|以前|前(?!后)|截止|交|出|给|发|完成|上线|提交|到位)"


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    r = _rules()
    week = _alt(r["week_words"])
    # not the 下 of 一下 ("你盯一下周五之前我要看到…", "查下周报"): that 周五 is this week's
    prefix = rf"(?<![一盯弄改查])(?:{_alt(r['week_prefixes'])})"
    wd = "".join(sorted(r["weekdays"]))
    n = NUMBER
    ampm = _alt(r["afternoon_words"] + r["morning_words"])
    # "三个 工作日 内": speech-recognition text puts spaces between the words
    workday_units = "|".join(r"\s*".join(map(re.escape, unit)) for unit in sorted(r["workday_units"], key=len, reverse=True))
    patterns = {
        "full_date": r"(?P<y>20\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?",
        "month_day": rf"(?P<m>{n})\s*月\s*(?P<d>{n})\s*[日号]?(?![\d个天周])",
        # "报告11/9前出", "邵斌12/16出汇总": right after a Chinese word only when a deadline word
        # follows ("原计划4/30封顶", "工厂说11/7可以出货" give background)
        "numeric_md": rf"(?:(?<![\w./:+\-])|(?<=[\u4e00-\u9fff])(?=\d{{1,2}}/\d{{1,2}}\s*{_GLUED_DUE}))(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d./%:]|\s*(?:天|个|小时|万|元|倍|版|分|折|亿|%|x|X))",
        # "12.4", "Kevin 12.25 前出" are dates in Chinese notes; "the 3.2 release", "to 3.2 next
        # week", "version 3.2", "3.2.1" are versions
        # "(截止 12-04)", "Due: 12-15": a month and day with a hyphen only after a deadline label —
        # elsewhere "12-04" is an id or a range
        "labelled_md": r"(?:截止|截至|期限|到期|[Dd]ue|DDL|ddl|ETA|eta)\s*[:：]?\s*(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\d\-])",
        "dotted_md": rf"(?:(?<![\w./:+\-])|(?<=[\u4e00-\u9fff])(?=\d{{1,2}}\.\d{{1,2}}\s*{_GLUED_DUE}))(?<!to )(?<!the )(?<!ersion )(?P<m>1[0-2]|0?[1-9])\.(?P<d>3[01]|[12]\d|0?[1-9])(?![\d./%:]|\s*(?:天|个|小时|万|元|倍|版|分|折|亿|%|x|X|[Rr]elease|RC|rc|[Bb]eta|GA|分支|branch))",
        "english_md": rf"\b(?P<mon>{_alt(r['english_months'])})\.?\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b",
        "english_dm": rf"\b(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?P<mon>{_alt(r['english_months'])})\b",
        "english_day": rf"\b(?P<word>{_alt(r['english_day_words'])})\b",
        "english_week": rf"\b(?P<word>{_alt(r['english_weeks'])})\b",
        # "within 2 weeks", "2 weeks 内": a limit only with within/in before it or 内 after it
        "english_duration": rf"\b(?P<pre>(?:within|in)\s+(?:the\s+next\s+)?)?(?P<n>\d{{1,2}}|{_alt(r['english_numbers'])})\s+(?P<unit>{_alt(r['english_duration_units'])})\b(?(pre)|(?=\s*(?:之内|以内|内)))",
        "english_workdays": rf"\b(?P<n>\d{{1,2}}|{_alt(r['english_numbers'])})\s+(?:{_alt(r['english_workday_units'])})\b",
        # "22号交区里", "19号前出话术": a day of the month said alone, only where a deadline word
        # follows — "3号注塑机", "1号会议室" are not dates.
        "day_only": rf"(?<![\d月/.\-])(?P<d>{n})\s*[号日](?=\s*(?:之前|以前|前|截止|交|完成|给|发|上线|提交|到位|当天|当晚|下班|中午|上午|下午|晚上|[\u4e00-\u9fff]{{1,3}}(?:之前|以前|前)|$|[，,。；;\s]))",
        "named_month_day": rf"(?P<which>下个?|本|这个?|当)月\s*(?P<d>{n})\s*[号日]",
        "english_end": rf"\b(?P<word>{_alt(r['english_ends'])})\b",
        "month_part": rf"(?P<m>{n})\s*月\s*(?P<part>{_alt(r['month_parts'])})",
        "d_plus": rf"(?<![A-Za-z])(?:{_alt(r['d_plus'])})\s*\+\s*(?P<n>\d{{1,3}})",
        "workdays": rf"(?P<n>{n})\s*(?:{workday_units})",
        "duration": rf"(?P<n>{n}|半)\s*(?P<unit>{_alt(r['duration_units'])})\s*(?=之内|以内|内|之后|以后|后)",
        # not "周一二三" or "周二十", but "周四一定要到", "周五一早"
        "weekday": rf"(?P<pre>{prefix})?\s*(?:{week})\s*(?P<wd>[{wd}])(?!\d|[一二三四五六七八九十](?!定|起|早|并|律|下|直))",
        "weekend": rf"(?P<pre>{prefix})?\s*(?:{week})末",
        "week": rf"(?P<pre>{prefix})\s*(?:{week})(?:内|之内|以内)?(?![{wd}末会报例])",
        "english_weekday": rf"(?:EOD\s*)?(?P<nx>{_alt(r['english_next'] + r['english_this'])})?(?P<wd>{_alt(r['english_weekdays'])})\b(?:\s*EOD)?",
        "day_word": rf"(?P<word>{_alt(r['day_words'])})",
        "month_word": rf"(?P<word>{_alt(r['month_words'])})",
        "year_word": rf"(?P<word>{_alt(r['year_words'])})",
        # not the 早 of 明早 ("明早10点前": the day word, then the hour)
        "clock": rf"(?:(?<![明今昨])(?P<ap>{ampm}))?\s*(?P<h>{n})\s*[点时](?P<half>半)?(?:(?P<min>{n})分?)?",
        "hhmm": r"(?<![\d:])(?P<ap>(?:下午|上午|晚上)?)(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])",
        # not a frequency: "每天两次 早上一次晚上一次"
        "time_word": rf"(?<!每)(?<!每天)(?P<word>{_alt(r['time_words'])})(?![一两二三四五六七八九十\d]+次)",
        "vague": rf"(?P<word>{_alt(r['vague'])})",
    }
    return [(name, re.compile(p)) for name, p in patterns.items()]


_TIME_KINDS = {"clock", "hhmm", "time_word"}


@functools.lru_cache(maxsize=1)
def _triggers() -> dict[str, re.Pattern[str]]:
    """For each phrase pattern, characters without which it cannot match: most sentences lack
    most of them, and one character-class search is far cheaper than the pattern's scan."""
    r = _rules()

    def first_chars(words) -> str:
        return "".join(sorted({re.escape(w[0]) for w in words}))

    latin = "A-Za-z"
    needs = {
        "full_date": r"\d", "month_day": "月", "numeric_md": "/", "labelled_md": "-", "dotted_md": r"\.", "english_md": latin,
        "english_dm": latin, "english_day": latin, "english_week": latin, "english_duration": latin, "english_workdays": latin,
        "day_only": "号日", "named_month_day": "下本这当", "english_end": latin, "month_part": "月", "d_plus": r"\+",
        "workdays": "工", "duration": "内后", "weekday": "周星礼", "weekend": "周星礼", "week": "周星礼",
        "english_weekday": latin, "day_word": first_chars(r["day_words"]), "month_word": "月",
        "year_word": "年", "clock": "点时", "hhmm": ":", "time_word": first_chars(r["time_words"]),
        "vague": first_chars(r["vague"]),
    }
    return {name: re.compile(f"[{chars}]") for name, chars in needs.items()}


@functools.lru_cache(maxsize=1)
def _version_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z])(?:{_alt(_rules()['version_words'])})\s*[vV]?$")


def find_deadlines(text: str, meeting_date: dt.date) -> list[DeadlineMatch]:
    """All deadline phrases in `text`, resolved from `meeting_date`, left to right."""
    candidates = []
    triggers = _triggers()
    for name, pattern in _patterns():
        if not triggers[name].search(text):
            continue
        for match in pattern.finditer(text):
            if name == "dotted_md" and _version_before().search(text, 0, match.start()):
                continue  # "升级到 Go 1.23", "Python 3.12": a version, not a date
            if match.end() > match.start():
                candidates.append((match.start(), -(match.end() - match.start()), name, match))
    candidates.sort(key=lambda c: (c[0], c[1]))
    taken_until = -1
    pieces: list[tuple[str, re.Match[str]]] = []
    for start, _, name, match in candidates:
        if start >= taken_until:
            pieces.append((name, match))
            taken_until = match.end()
    results: list[DeadlineMatch] = []
    i = 0
    while i < len(pieces):
        name, match = pieces[i]
        resolved = _resolve(name, match, meeting_date)
        start, end = match.start(), match.end()
        time = resolved.time if resolved else None
        # "1月28日（星期三）", "2026年12月8日星期二": the weekday only annotates the date.
        if resolved and name in ("full_date", "month_day", "dotted_md") and i + 1 < len(pieces):
            nxt_name, nxt = pieces[i + 1]
            if nxt_name == "weekday" and not nxt["pre"] and re.fullmatch(r"[\s(（]{0,2}", text[end:nxt.start()]):
                end = nxt.end() + (1 if text[nxt.end():nxt.end() + 1] in ")）" else 0)
                i += 1
        # "明天下午三点", "12月5日18:00", "周五下班前": a date followed by a time of day.
        if resolved and name not in _TIME_KINDS and i + 1 < len(pieces):
            nxt_name, nxt = pieces[i + 1]
            if nxt_name in _TIME_KINDS and re.fullmatch(r"[\s的]{0,2}", text[end:nxt.start()]):
                nxt_resolved = _resolve(nxt_name, nxt, meeting_date)
                if nxt_resolved:
                    time, end = nxt_resolved.time, nxt.end()
                    if time is not None and resolved.time is not None and resolved.time.hour >= 12 and time.hour < 12 and not nxt.groupdict().get("ap"):
                        time = time.replace(hour=time.hour + 12)  # "今晚8点前": the evening's 8
                    i += 1
        if resolved is None:
            i += 1
            continue
        suffix = re.match(rf"\s*(?:{_alt(_rules()['suffixes'])})(?!后|左右)", text[end:])  # "4月22日前后": about then
        has_suffix = bool(suffix)
        if suffix:
            end += suffix.end()
        deadline = resolved.model_copy(update={"text": text[start:end].strip(), "time": time})
        if name == "day_word" and match["word"] in ("当天", "当日"):
            if re.search(r"(?:之后|以后|后|完)\s*$", text[max(0, start - 4):start]):
                i += 1
                continue  # "每家回访后当天在CRM里填记录": the day of each visit, not a date
            if results and re.fullmatch(r"[\u4e00-\u9fff\s]{0,6}", text[results[-1].end:start]):
                # "12月10日上线当天": the day of the date just named, not the meeting day
                earlier = results.pop()
                deadline = earlier.deadline.model_copy(update={"text": text[earlier.start:end].strip(), "time": time or earlier.deadline.time})
                start = earlier.start
            elif re.search(r"[\u4e00-\u9fff]$", text[max(0, start - 1):start]):
                i += 1
                continue  # "开业当天", "婚礼当天": the day of an event the text does not date
        if results and _CORRECTED.fullmatch(text[results[-1].end:start]):
            results.pop()  # "周三，不对，周四给我终稿": the speaker corrected the date
        results.append(DeadlineMatch(start, end, deadline, has_suffix))
        i += 1
    return results


# what a speaker says between a date and the date that replaces it: "周三，不对，周四", "十五号，哦不对，
# 十八号", "这周五之前 呃不 明天之前吧"
_CORRECTED = re.compile(r"[\s，,。]*(?:[呃哦啊嗯]\s*)?(?:不对|说错了|更正一下|(?<=[\s，,。呃哦])不是?(?=[\s，,。]))[\s，,。]*(?:[呃哦啊嗯]\s*)?(?:是|改成|改到)?\s*")


def resolve_deadline(phrase: str, meeting_date: dt.date) -> Deadline | None:
    """Resolve a deadline phrase ("下周三", "D+3", "3个工作日内") to a `Deadline`, or None.

    >>> resolve_deadline("本周五前", dt.date(2026, 11, 24)).date
    datetime.date(2026, 11, 27)
    """
    matches = find_deadlines(phrase, meeting_date)
    if not matches:
        return _dateparser_fallback(phrase, meeting_date)
    best = pick(matches)
    return best.deadline.model_copy(update={"text": phrase.strip()})


@functools.lru_cache(maxsize=1)
def _event_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = _rules()
    return re.compile("|".join(rules["event_after"])), re.compile("|".join(rules["event_before"]))


@functools.lru_cache(maxsize=1)
def _visit() -> re.Pattern[str]:
    return re.compile("|".join(_rules()["visit_after"]))


@functools.lru_cache(maxsize=1)
def _next_meeting() -> re.Pattern[str]:
    return re.compile("|".join(_rules()["next_meeting_after"]))


def sets_limit(match: DeadlineMatch) -> bool:
    """Said as a limit: followed by 前/内 ("周五前"), or ending in one inside the phrase itself
    ("今天下班前", whose 前 belongs to 下班前)."""
    return match.has_suffix or re.search(r"(?:前|内|为止)$", match.deadline.text) is not None


_NOT_UNTIL = re.compile(r"(?:别|不要|不用|不必|不能|别再)(?:等到?|拖到|拖过|拖)\s*$")


def marks_event(text: str, match: DeadlineMatch) -> bool:
    """A date that opens or spans an event ("12月10日起开展检查", "12月7日到9日请年假"): when
    something happens, not when work is due. Only written dates: "明天开始执行" starts a task.
    A phrase with 前/内 is a deadline — unless the work must not wait for it ("别拖到下周五前")."""
    if _NOT_UNTIL.search(text[max(0, match.start - 4):match.start]):
        return True  # "今天录进CRM，别等月底一起补": the date the work must not wait for
    if sets_limit(match):
        return False
    if match.deadline.text in _TODAY and _today_as_now(text, match):
        return True  # "我们今天讲的网络咨询…": the day of the talk, not a limit
    if re.search(r"(?:从|自)\s*$", text[max(0, match.start - 2):match.start]) and re.match(r"\s*(?:开始|起)", text[match.end:]):
        return True  # "从今天开始每台车都要讲", "自下周一起执行": when it starts, not when it is due
    if _next_meeting().match(text, match.end):
        return True  # "下周一同一时间再碰一次": when the team meets again, whatever the kind of date
    if _visit().match(text, match.end):
        return True  # "陈经理这周五下午过来巡店": when someone comes to look, whatever the kind of date
    if match.deadline.kind != DeadlineKind.absolute:
        return False
    after, before = _event_patterns()
    return bool(after.match(text, match.end) or before.search(text[max(0, match.start - 8):match.start]))


_TODAY = ("今天", "今日", "今儿")


def _today_as_now(text: str, match: DeadlineMatch) -> bool:
    after, before = _today_now_patterns()
    return bool(after.match(text, match.end) or before.search(text[max(0, match.start - 4):match.start]))


@functools.lru_cache(maxsize=1)
def _today_now_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rules = _rules()
    return re.compile("|".join(rules["today_now_after"])), re.compile("|".join(rules["today_now_before"]))


def pick(matches: list[DeadlineMatch]) -> DeadlineMatch:
    """The deadline a clause means when it has several: a dated phrase with 前/内 wins, then the
    last one said ("周四 不对 周五" corrects itself)."""
    dated = [m for m in matches if m.deadline.date is not None]
    pool = dated or matches
    marked = [m for m in pool if m.has_suffix]
    return (marked or pool)[-1]


def _deadline(kind: DeadlineKind, date: dt.date | None = None, time: dt.time | None = None) -> Deadline:
    # Built from values this module computed itself: no validation needed on the hot path.
    return Deadline.model_construct(text="", date=date, time=time, kind=kind)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, meeting: dt.date) -> dt.date | None:
    date = _safe_date(meeting.year, month, day)
    if date and (meeting - date).days > _rules()["past_days_next_year"]:
        date = _safe_date(meeting.year + 1, month, day)
    return date


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def _week_day(meeting: dt.date, weeks_ahead: int | None, weekday: int) -> dt.date:
    if weeks_ahead is None:  # bare "周五": the next one on or after the meeting
        return meeting + dt.timedelta(days=(weekday - meeting.weekday()) % 7)
    monday = meeting - dt.timedelta(days=meeting.weekday())
    return monday + dt.timedelta(weeks=weeks_ahead, days=weekday)


def _time(hour: int, minute: int, ampm: str | None) -> dt.time | None:
    r = _rules()
    if ampm and ampm in r["afternoon_words"] and hour < 12:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return dt.time(hour, minute)


_NUMBER_GROUPS = ("y", "m", "d", "n", "h", "min")  # the pattern groups that hold a number


def _resolve(name: str, m: re.Match[str], meeting: dt.date) -> Deadline | None:  # noqa: C901 - one branch per phrase kind
    r = _rules()
    absolute, relative = DeadlineKind.absolute, DeadlineKind.relative
    groups = m.groupdict()
    if any(groups.get(g) and groups[g] != "半" and groups[g] not in r["english_numbers"] and to_int(groups[g]) is None for g in _NUMBER_GROUPS):
        return None  # "十十号": a run of numerals that is no number
    if name == "full_date":
        date = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return _deadline(absolute, date) if date else None
    if name in ("month_day", "numeric_md", "labelled_md", "dotted_md", "english_md", "english_dm"):
        month = r["english_months"][m["mon"]] if name.startswith("english") else to_int(m["m"])
        day = to_int(m["d"])
        date = _infer_year(month, day, meeting) if 1 <= month <= 12 else None
        return _deadline(absolute, date) if date else None
    if name == "day_only":
        day = to_int(m["d"])
        if not 1 <= day <= 31:
            return None
        date = _safe_date(meeting.year, meeting.month, day)
        if date is None or date < meeting:  # "5号" said on the 20th is next month's 5th
            nxt = _add_months(meeting.replace(day=1), 1)
            date = _safe_date(nxt.year, nxt.month, day)
        return _deadline(absolute, date) if date else None
    if name == "named_month_day":  # "下个月15号", "本月25日前", "这个月25号之前"
        month = _add_months(meeting.replace(day=1), 1 if m["which"].startswith("下") else 0)
        date = _safe_date(month.year, month.month, to_int(m["d"]))
        return _deadline(relative, date) if date else None
    if name == "english_end":
        if r["english_ends"][m["word"]] == "week":
            return _deadline(relative, _week_day(meeting, 0, r["week_end_weekday"]))
        return _deadline(relative, _month_end(meeting.year, meeting.month))
    if name == "month_part":
        month, part = to_int(m["m"]), r["month_parts"][m["part"]]
        if not 1 <= month <= 12:
            return None
        if part == "vague":
            return _deadline(DeadlineKind.vague)
        first = _infer_year(month, 1, meeting) or dt.date(meeting.year, month, 1)
        first = first if first.month != meeting.month or first.year >= meeting.year else dt.date(meeting.year, month, 1)
        date = _month_end(first.year, month) if part == "end" else dt.date(first.year, month, part)
        return _deadline(absolute, date)
    if name == "d_plus":
        return _deadline(relative, meeting + dt.timedelta(days=int(m["n"])))
    if name == "workdays":
        return _deadline(DeadlineKind.workdays, add_workdays(meeting, to_int(m["n"])))
    if name == "english_workdays":
        return _deadline(DeadlineKind.workdays, add_workdays(meeting, r["english_numbers"].get(m["n"]) or int(m["n"])))
    if name == "duration":
        unit = r["duration_units"][m["unit"]]
        count = 0.5 if m["n"] == "半" else to_int(m["n"])
        if unit == "months":
            date = meeting + dt.timedelta(days=15) if count == 0.5 else _add_months(meeting, int(count))
        elif unit == "hours":
            date = meeting + dt.timedelta(days=-(-int(count) // 24))
        else:
            date = meeting + dt.timedelta(days=int(count * (7 if unit == "weeks" else 1)))
        return _deadline(relative, date)
    if name in ("weekday", "weekend", "week"):
        weeks = r["week_prefixes"][m["pre"]] if m["pre"] else None
        if name == "weekday":
            weekday = r["weekdays"][m["wd"]]
        else:
            weekday = r["weekend_weekday"] if name == "weekend" else r["week_end_weekday"]
            weeks = 0 if weeks is None else weeks
        return _deadline(relative, _week_day(meeting, weeks, weekday))
    if name == "english_weekday":
        prefix = (m["nx"] or "").strip().lower()
        weeks = {"next": 1, "this": 0}.get(prefix)
        date = _week_day(meeting, weeks, r["english_weekdays"][m["wd"]])
        time = dt.time(18, 0) if "EOD" in m.group() else None
        return _deadline(relative, date, time)
    if name == "english_day":
        return _deadline(relative, meeting + dt.timedelta(days=r["english_day_words"][m["word"]]))
    if name == "english_week":
        return _deadline(relative, _week_day(meeting, r["english_weeks"][m["word"]], r["week_end_weekday"]))
    if name == "english_duration":
        count = r["english_numbers"].get(m["n"]) or int(m["n"])
        unit = r["english_duration_units"][m["unit"]]
        date = _add_months(meeting, count) if unit == "months" else meeting + dt.timedelta(days=count * (7 if unit == "weeks" else 1))
        return _deadline(relative, date)
    if name == "day_word":
        offset = r["day_words"][m["word"]]
        time_text = r["time_words"].get(m["word"])
        time = dt.time.fromisoformat(time_text) if time_text else None
        return _deadline(relative, meeting + dt.timedelta(days=offset), time)
    if name == "month_word":
        value = r["month_words"][m["word"]]
        if value == "end":
            return _deadline(relative, _month_end(meeting.year, meeting.month))
        nxt = _add_months(meeting.replace(day=1), 1)
        if value == "next_end":
            return _deadline(relative, _month_end(nxt.year, nxt.month))
        if value == "next_15":
            return _deadline(relative, nxt.replace(day=15))
        return _deadline(relative, meeting.replace(day=int(value)))
    if name == "year_word":
        month, day = map(int, r["year_words"][m["word"]].split("-"))
        return _deadline(relative, dt.date(meeting.year, month, day))
    if name == "clock":
        hour = to_int(m["h"])
        minute = 30 if m["half"] else (to_int(m["min"]) if m["min"] else 0)
        if not m["ap"] and not m["half"] and not m["min"] and hour > 12:
            return None
        if not m["ap"] and hour is not None and 1 <= hour < 7 and re.match(r"\s*(?:之前|以前|前)", m.string[m.end():]):
            hour += 12  # "4点前在群里报结果": a limit said in working hours is the afternoon's
        time = _time(hour, minute, m["ap"])
        if time is None or not m["ap"] and hour < 7:
            return None  # "3点" alone is ambiguous; "两点意见" is not a time
        return _deadline(relative, meeting, time)
    if name == "hhmm":
        time = _time(int(m["h"]), int(m["min"]), m["ap"])
        return _deadline(relative, meeting, time) if time else None
    if name == "time_word":
        return _deadline(relative, meeting, dt.time.fromisoformat(r["time_words"][m["word"]]))
    if name == "vague":
        return _deadline(DeadlineKind.vague)
    raise AssertionError(name)


def _dateparser_fallback(phrase: str, meeting: dt.date) -> Deadline | None:
    """Let dateparser try forms our rules do not know (e.g. "2026年12月8日星期二", "Dec 8")."""
    if not re.search(r"\d|[年月日号]|[A-Za-z]{3,}", phrase):
        return None  # "待定", "见备注": nothing dateparser could read, and it costs milliseconds
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(meeting, dt.time()),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(phrase, languages=["zh", "en"], settings=settings)
    if parsed is None:
        return None
    return Deadline(text=phrase.strip(), date=parsed.date(), kind=DeadlineKind.absolute)
