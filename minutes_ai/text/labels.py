"""The labels and headings of a meeting record (rules/layout.yaml), read once.

"负责人：" names the owner field, "决议事项" opens a decisions section, "说话人1" is a speaker id.
Shared by the sentence splitter, the table reader and the extractors.
"""

from __future__ import annotations

import functools
import re

from .. import ruledata


@functools.lru_cache(maxsize=1)
def layout_rules() -> dict:
    data = ruledata.load("layout.yaml")
    fields = {label: name for name, labels in data["fields"].items() for label in labels}
    meeting = {label for labels in data["meeting_fields"].values() for label in labels}
    speaker_ids = re.compile("|".join(f"(?:{p})" for p in data["speaker_ids"]))
    return {
        "sections": data["sections"],
        "exact_sections": data.get("exact_sections", {}),
        "dated_sections": [(kind, re.compile(rf"^\W*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月份?\s*(?:{'|'.join(words)})\W*$|^\W*第?\s*\d{{1,2}}\s*周\s*(?:{'|'.join(words)})\W*$")) for kind, words in data["dated_sections"].items()],
        "fields": fields,
        "meeting": meeting,
        "speaker_ids": speaker_ids,
        "speech": re.compile("|".join(data["speech_markers"])),
        "ditto": set(data["ditto"]),
        "empty_cells": frozenset(data["empty_cells"]),
        "open_cells": frozenset(data["open_cells"]),
        "register_rows": frozenset(data["register_rows"]),
        "table_columns": data["table_columns"],
        "field_prefixes": tuple(data["field_prefixes"]),
        "person_columns": frozenset(data["person_columns"]),
        "milestone_columns": frozenset(data["milestone_columns"]),
        "deliverable_columns": frozenset(data["deliverable_columns"]),
        "periods": data["periods"],
        "id_columns": set(data["id_columns"]),
        "problem_labels": frozenset(data["problem_labels"]),
    }


def is_empty_cell(value: str) -> bool:
    """"无", "—", "N/A": a field or cell left empty on purpose."""
    return value.strip() in layout_rules()["empty_cells"]


def is_open_cell(value: str) -> bool:
    """"TBD", "待确认", "另行通知": a field the meeting left open (an owner or date still to come)."""
    return value.strip() in layout_rules()["open_cells"]


def section_of(label: str) -> str | None:
    """The section kind a heading or label opens (done, questions, decisions, tasks, info)."""
    for kind, words in layout_rules().get("exact_sections", {}).items():
        if label.strip() in words:
            return kind
    for kind, pattern in layout_rules()["dated_sections"]:
        if pattern.match(label):
            return kind  # "9月完成", "10月计划"
    for kind, pattern in _section_patterns():
        if pattern.search(label):
            return kind
    return None


@functools.lru_cache(maxsize=1)
def _section_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Section words anywhere in a label; an English word only as a word of its own: "AI：" opens
    action items, "《AI时代的孩子》" does not."""
    def word(w: str) -> str:
        return rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z\u4e00-\u9fff])" if w.isascii() else re.escape(w)

    # "tasks_first" is the tasks kind, checked before the others (rules/layout.yaml)
    return [(kind.removesuffix("_first"), re.compile("|".join(word(w) for w in words))) for kind, words in layout_rules()["sections"].items()]


_NUMBERING = re.compile(r"^\W*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]?)?\s*|[（(][^）)]*[）)]\s*$")


def is_topic(line: str) -> bool:
    """"（二）消防控制室值班人员持证核查": a heading whose section words all sit inside it, with
    words on both sides, names a topic; "三、存在问题及下阶段工作安排", "Issue triage 值班表" open
    sections (the word ends or starts them, give or take 表/情况)."""
    core = _NUMBERING.sub("", line.strip())
    words = [w for kind in layout_rules()["sections"].values() for w in kind if w in core]
    for word in words:
        at = core.find(word)
        before, after = re.sub(r"\W", "", core[:at]), re.sub(r"\W", "", core[at + len(word):])
        if len(before) < 3 or len(after) < 3:
            return False
    return bool(words)


def names_section(line: str, *, max_other: int = 6) -> bool:
    """Is a short unlabelled line a heading ("三、会议决定事项", "本周完成情况") rather than an item
    that happens to contain a section word ("20:32 彭立拍板回滚补偿任务")? Besides the section
    word and a bracketed note ("会后任务汇总（郑可整理）"), at most `max_other` characters of words."""
    words = [w for kind in layout_rules()["sections"].values() for w in kind if w in line]
    if not words:
        return True  # an exact or period label: decided by the caller
    other = re.sub(r"[（(][^）)]*[）)]|[\W\d_]", "", line.replace(max(words, key=len), "", 1))
    return len(other) <= max_other


def period_sections(labels: set[str]) -> dict[str, str]:
    """Sections for period labels given the labels a document uses: {"本周": "done", "下周": "tasks"}
    when both a period and the next are there, nothing otherwise."""
    out: dict[str, str] = {}
    for current, following in layout_rules()["periods"]:  # earlier pairs win: 上周/本周/下周 → 本周 reports
        if labels & set(current) and labels & set(following):
            for label in current:
                out.setdefault(label, "done")
            for label in following:
                out.setdefault(label, "tasks")
    return out


def field_of(label: str) -> str | None:
    """The field a label names (title, owner, deadline, criteria, status, note): exactly, or after
    a word that only says whose field it is ("整改责任人", "落实期限", "整改要求")."""
    label = re.sub(r"[\s*【】\[\]]|\d+$", "", label)
    rules = layout_rules()
    found = rules["fields"].get(label)
    if found is None:
        prefix = next((p for p in rules["field_prefixes"] if label.startswith(p)), None)
        found = rules["fields"].get(label[len(prefix):]) if prefix else None
    return found
