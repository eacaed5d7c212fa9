"""Chinese working days: weekends and public holidays off, make-up workdays (调休) on.

"3个工作日内" in a meeting on the Friday before National Day is not next Wednesday. The official
calendar comes from the `chinesecalendar` package (the State Council's announcements, maintained
yearly); for years it does not cover yet we fall back to `holidays`' China calendar, which
computes the lunar festivals and knows the announced make-up days it has been given.
"""

from __future__ import annotations

import datetime as dt
import functools


@functools.lru_cache(maxsize=4096)
def is_workday(day: dt.date) -> bool:
    import chinese_calendar

    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return _fallback(day.year).is_working_day(day)


@functools.lru_cache(maxsize=16)
def _fallback(year: int):
    import holidays

    return holidays.country_holidays("CN", years=year)


def add_workdays(start: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `start` (start itself not counted)."""
    day = start
    while count > 0:
        day += dt.timedelta(days=1)
        if is_workday(day):
            count -= 1
    return day
