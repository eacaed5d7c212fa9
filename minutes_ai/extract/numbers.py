"""Chinese numerals in deadlines: "三天内", "十二月五号", "两周", "下午三点半"."""

from __future__ import annotations

import functools
import re

NUMBER = r"(?:\d{1,4}|[零〇一二两三四五六七八九十百]{1,5})"

_DIGITS = "一二三四五六七八九"
# A spoken range of two neighbouring numbers: "三四(天)", "二十五六(号)", "十八十九(号)"
_RANGE = re.compile(rf"(?P<first>(?:[{_DIGITS}]?十)?(?P<a>[{_DIGITS}]))(?P<second>(?:[{_DIGITS}]?十)?(?P<b>[{_DIGITS}]))")


@functools.lru_cache(maxsize=1024)
def to_int(text: str) -> int | None:
    """"12" → 12, "十二" → 12, "两" → 2, "二十五" → 25; a spoken range gives its later end
    ("三四" → 4, "二十五六" → 26, "十八十九" → 19: what was promised is "by the 19th at the
    latest"); None for a run that is no number ("十十")."""
    if text.isdigit():
        return int(text)
    ranged = _range_end(text)
    if ranged is not None:
        return ranged
    import cn2an

    try:
        return int(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError):  # cn2an refuses some runs with a KeyError of its own
        return None


def _range_end(text: str) -> int | None:
    m = _RANGE.fullmatch(text)
    if m is None or _DIGITS.index(m["b"]) != _DIGITS.index(m["a"]) + 1:
        return None
    first, second = m["first"], m["second"]
    if len(second) == 1:  # "二十五六": the second number shares the first one's tens
        second = first[:-1] + second
    elif second[:-1] != first[:-1]:  # "十八十九" shares its tens; "二十一三十二" is no range
        return None
    return to_int(second)
