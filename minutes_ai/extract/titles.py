"""Task titles: a short name for the work, from the clause that assigns it.

"王磊负责接口联调，本周五前完成" → "接口联调": the owner, the deadline phrase, labels, fillers
("那个", "嗯") and clauses that only say "完成/搞定" are dropped. Fillers are in rules/asr.yaml.
"""

from __future__ import annotations

import functools
import re

from .. import ruledata
from ..models import Deadline, Owner
from .drafts import TRIM as _TRIM
from .criteria import TRAILING_WHEN
from .cues import ARROW, cue


def without(body: str, part: str | None) -> str:
    if not part:
        return body
    return re.sub(r"(?:交付标准|验收标准|要求|标准)?\s*[:：]?\s*" + re.escape(part), "", body)


@functools.lru_cache(maxsize=1)
def _fillers() -> re.Pattern[str]:
    """Fillers as whole words only: "那个 检查表" loses 那个, "大额交易" keeps its 额."""
    words = ruledata.alternation(ruledata.load("asr.yaml")["fillers"])
    return re.compile(rf"(?:(?<=^)|(?<=[\s，,。；;：:]))(?:{words})(?=[\s，,。；;：:]|$)")


_LEADING = re.compile(r"^(?:任务\s*\d*\s*[:：]|(?:[Aa]ction(?: [Ii]tems?)?|AI|TODO|Todo|待办|进行中|处理中|未开始|待处理|待跟进)(?:[-#]?\d+)?\s*[:：]|" + ARROW + r"|能不能|可不可以|能否|能|可以|不过|但是|改由|转由|交由|由|请|让|安排|麻烦|需要|需|要|负责的|负责|牵头|来|去|把|将|在|于|先|再|会(?!议|务|计|员|签|展|场|谈|商|诊)|帮忙|这边|那边|你们俩|你们两个|你们|你俩|你|我们|我|同学|老师|分别|一起|共同|,|，|、|和|与|及|\s)+")


# "好的，用户培训由我来负责" → "用户培训": who speaks is the owner, not part of the task's name.
_FIRST_PERSON = re.compile(r"(?:^|(?<=[，,\s]))(?:好的|好嘞|好咧|行嘞|好|行|嗯|对)(?=[，,\s])|(?:由)?(?:我们|我)(?:这边|会|来|去|先|再|负责)+(?:在)?")


def clean_title(body: str, owners: list[Owner], deadline: Deadline | None) -> str:
    """A short task name: the clause without owner, deadline phrase, labels and fillers."""
    title = body
    for owner in owners:
        for words in (owner.text, owner.name):
            if words:  # with its "@" when handed over by handle
                title = title.replace("@" + words, " ", 1) if "@" + words in title else title.replace(words, " ", 1)
    # "…的 issue，由 @jzhang533 负责进一步跟进" → "…的 issue，进一步跟进": who was put in charge is gone
    title = re.sub(r"(?:交由|改由|转由|交给|由|请)\s+(?:负责|牵头|主导)?\s*", " ", title)
    if deadline is not None and deadline.text:
        # "那个尺寸你这周四之前再去复一遍" → "那个尺寸 再去复一遍": the one called goes with the date
        at = title.find(deadline.text)
        if at != -1:  # string work, not a pattern per deadline: the regex cache is shared and small
            before = at - 1 if at > 0 and title[at - 1] in "你您" else at
            title = title[:before] + " " + title[at + len(deadline.text):]
    title = re.sub(r"@\S+", " ", title)
    title = re.sub(r"[（(【\[]\s*[)）】\]]", " ", title)  # "上期直播的切片（王静）…": the owner's brackets, emptied
    title = _fillers().sub("", title)
    title = re.sub(r"\s+", " ", title).strip(_TRIM)
    title = _FIRST_PERSON.sub("", title).strip(_TRIM)
    title = _LEADING.sub("", title).strip(_TRIM)
    title = re.sub(r"(?:之前|以前|前|截止|为止)\s*$", "", title).strip(_TRIM)
    title = cue("tag_question").sub("", title)  # "…给到我联调，没问题吧？"
    title = re.sub(r"[吗吧呢]?\s*[?？]*$", "", title).strip(_TRIM)  # "能今天发我一版吗" asks for 发我一版
    # "接口联调，本周五前完成" → "接口联调": once the deadline is gone, a clause that only says
    # "完成/搞定/给到" adds nothing to the name of the task.
    title = TRAILING_WHEN.sub("", title).strip(_TRIM)  # "完成全部功能测试，测试结束后"
    clauses = [c.strip(_TRIM) for c in re.split(r"[，,；;]", title)]
    kept = [c for c in clauses if c and not _GENERIC_CLAUSE.fullmatch(c)]
    title = "，".join(kept) if kept else title
    return title[:60]


_GENERIC_CLAUSE = re.compile(r"(?:要|需要|务必|必须|争取|全部|都)?(?:之前|以前|前)?\s*(?:负责|牵头|主导|完成|搞定|做完|弄完|给到|给我|给大家|交|提交|到位|落实|完毕|发出|出来|给出|ready|done)(?:了|掉|吧|哈)?")
