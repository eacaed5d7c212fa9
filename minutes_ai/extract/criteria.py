"""Acceptance criteria (交付标准): how the result of a task will be judged.

Formal minutes label them ("交付标准：包含3个核心页面高保真设计稿"); speech and notes state them as
requirements ("要求覆盖率不低于80%", "至少3组参数", "需经分管院长签字"). Labels and patterns are
in rules/cues.yaml (criteria_labels, criteria_patterns).
"""

from __future__ import annotations

import functools
import re

from .. import ruledata
from .cues import cue

_TRIM = "，,；;。.、：: \n\t（）()【】*"


@functools.lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    labels = ruledata.load("cues.yaml")["criteria_labels"]
    # a bare 标准/要求 labels only where a clause starts or with its colon: "，要求甲级病历率≥90%",
    # "标准：…" — not "出标准配方", "按要求的格式"
    bare = ("标准", "要求")
    words = ruledata.alternation([label for label in labels if label not in bare])
    return re.compile(rf"(?:{words}|(?:(?<![^\s，,；;。：:（(])(?:标准|要求)(?=\s*(?:是|为)?\s*[^的化])|(?:标准|要求)(?=\s*[:：])))\s*[:：]?\s*")


def find_criteria(text: str) -> tuple[str, int, int] | None:
    """The acceptance criterion in `text` with its offsets, or None."""
    found = _find(text)
    if found is None:
        return None
    value, start, _ = found
    value = _FIELDS_AFTER.split(value, maxsplit=1)[0]
    value = _OWNER_TAG.sub("", TRAILING_WHEN.sub("", _trim_speech(value))).strip(_TRIM)
    return value, start, start + len(value)


# "…，确保无误扣【负责人：彭宇、蔡佳琪】截止：本周五": the item's fields after it are not the standard
_FIELDS_AFTER = re.compile(r"\s*[【\[（(]\s*(?=(?:负责|责任|牵头|截止|完成时限|时限|[Oo]wner|[Dd]ue)\S{0,3}[:：])")


# "…，按报审样板做 [Kevin]": the owner noted after the item is not part of the standard
_OWNER_TAG = re.compile(r"\s*[\[【][^\]】\n]{1,20}[\]】]\s*$")


# "通过率不少于95%，测试结束后": a last clause that only says when the next step comes is not part of
# the standard, nor of a task's title (it opens the next sentence, which the splitter could not see without punctuation)
TRAILING_WHEN = re.compile(r"[，,；;]\s*[^，,；;。]{1,10}(?:之后|以后|后|完了|结束)\s*[，,]?\s*$")


# In speech-recognition text a criterion has no comma to end it: "至少 备 两套 在 仓里 那个 三个
# 工作日 内 把 清单 给 我 嗯 行": it ends at the pause before a filler or a reply.
_SPEECH_STOP = re.compile(r"\s+(?=(?:那个|嗯|呃|啊|然后|行|好的?|对|这个|就这样|没问题|那就)(?:\s|$))")


def _trim_speech(value: str) -> str:
    if len(re.findall(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", value)) < 3:
        return value  # written text: its punctuation already ended the criterion
    stop = _SPEECH_STOP.search(value)
    return value[:stop.start()].strip(_TRIM) if stop and stop.start() >= 3 else value


def _find(text: str) -> tuple[str, int, int] | None:
    label = _label().search(text)
    if label:
        value_end = _value_end(text, label.end())
        if not re.search(r"[:：]\s*$", label.group()):
            # "…，要求甲级病历率≥90%。（贺医生）": said inline, the standard ends with its sentence
            stop = re.search(r"[。！？!?]", text[label.end():value_end])
            value_end = label.end() + stop.start() if stop else value_end
        value = text[label.end():value_end].strip(_TRIM)
        if len(value) >= 2:
            start = text.index(value, label.end())
            return value, start, start + len(value)
    clauses = [(m.start(), m.group()) for m in re.finditer(_clause_pattern(text), text)]
    marked = [i for i, (_, clause) in enumerate(clauses) if i > 0 and _sets_standard(clause)]
    if marked:
        # the first run of standard clauses: "…，有效期基数都要对，做到账物相符" — not everything from
        # the first standard clause to the last, which would swallow the owner said between them
        run = [marked[0]]
        while run[-1] + 1 in marked:
            run.append(run[-1] + 1)
        standard = [clauses[i] for i in run]
        start = standard[0][0]
        end = standard[-1][0] + len(standard[-1][1])
        value = text[start:end].strip(_TRIM)
        start = text.index(value, start)
        return value, start, start + len(value)
    match = cue("criteria_patterns").search(text)
    if match:
        value = match.group().strip(_TRIM)
        if len(value) >= 3:
            start = text.index(value, match.start())
            return value, start, start + len(value)
    return None


def _clause_pattern(text: str) -> str:
    """Clauses end at commas; in speech-recognition text with no commas they end at pauses
    ("…月底前发到各班组 每个航点单独一页 带图的那种"), unless the spaces are between every word
    (segmented transcripts: "要 有 签到" is one clause)."""
    chunks = text.split()
    if len(chunks) >= 3 and len(text) >= 20 and not re.search(r"[，,；;。]", text) and sum(map(len, chunks)) / len(chunks) >= 4:
        return r"[^，,；;。\n\s]+"
    return r"[^，,；;。\n]+"


def _sets_standard(clause: str) -> bool:
    """A later clause that states how the result is judged, not when it is due."""
    from .deadlines import find_deadlines
    import datetime as dt

    if len(clause.strip()) < 3 or not cue("criteria_markers").search(clause):
        return False
    # "3个工作日内在 Jira 建好" is a deadline clause, "下周之内全部打完" too: 以内/内 there is time.
    rest = clause
    for match in find_deadlines(clause, dt.date(2000, 1, 3)):
        rest = rest.replace(clause[match.start:match.end], "")
    return bool(cue("criteria_markers").search(rest))


def _value_end(text: str, start: int) -> int:
    """A labelled value runs to the end of the line or to the next field label."""
    from ..text.labels import field_of

    stop = len(text)
    newline = text.find("\n", start)
    if newline != -1:
        stop = newline
    for m in re.finditer(r"[，,；;。]\s*([^\s:：，,；;]{1,8})\s*[:：]", text[start:stop]):
        if field_of(m.group(1)):
            return start + m.start()
    return stop
