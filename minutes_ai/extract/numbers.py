"""Chinese numerals in deadlines: "三天内", "十二月五号", "两周", "下午三点半"."""

from __future__ import annotations

import functools

NUMBER = r"(?:\d{1,4}|[零〇一二两三四五六七八九十百]{1,5})"


@functools.lru_cache(maxsize=1024)
def to_int(text: str) -> int:
    """"12" → 12, "十二" → 12, "两" → 2, "二十五" → 25."""
    if text.isdigit():
        return int(text)
    import cn2an

    return int(cn2an.cn2an(text.replace("〇", "零"), "smart"))
