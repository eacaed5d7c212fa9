"""Tasks: what is to be done, by whom, by when, to what standard.

A task comes from one of three shapes:
- a table row (任务 | 负责人 | 截止时间 | 交付标准), read cell by cell;
- a field record ("任务1：…，负责人：…，截止时间：D+3，交付标准：…", or the same over several lines);
- a sentence in prose, speech or chat ("设计部周琳3天内提供UI稿，研发部负责技术实现").
In prose, one sentence may hand out several tasks: clauses are grouped so that each group starts
where a new owner is named, and each owner gets a task of their own — "王磊和李娜分别负责接口和
测试" is two tasks. Deadlines and criteria said once for the whole sentence apply to every group.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .. import ruledata
from ..models import Deadline, Owner, Sentence
from ..text import names
from ..text.names import Mention
from ..text.sentences import field_of
from . import owners as owner_rules
from .criteria import find_criteria
from .cues import has
from .deadlines import find_deadlines, pick, resolve_deadline
from .roles import is_done, may_be_task


@dataclass
class TaskDraft:
    """A task before ids are assigned: everything `Task` holds, with the source span."""

    title: str
    owner: Owner | None
    deadline: Deadline | None
    criteria: str | None
    start: int
    end: int
    confidence: float
    flags: list[str] = field(default_factory=list)


_FIELD_LABEL = re.compile(r"([^\s:：，,；;（(【\[]{1,10}?)\s*\d*\s*[:：]")
_CLAUSE = re.compile(r"[^，,；;]+[，,；;]?")
_TRIM = " \t\n，,；;。.、：:！!？?（）()【】[]*-—~…"


def extract_tasks(sentences: list[Sentence], *, text: str, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    drafts: list[TaskDraft] = []
    for sentence in sentences:
        if sentence.heading:
            continue
        if sentence.cells:
            drafts.extend(_from_row(sentence, meeting_date, known))
            continue
        if not may_be_task(sentence):
            continue
        fields = _fields(sentence.text)
        if fields and ({"owner", "deadline"} & fields.keys()):
            drafts.extend(_from_record(sentence, fields, meeting_date, known))
        else:
            drafts.extend(_from_prose(sentence, meeting_date, known))
    return _merge_acknowledgements(drafts)


# --- table rows ---------------------------------------------------------------------------

def _from_row(sentence: Sentence, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    cells = {name: span.text for name, span in sentence.cells.items()}
    title = cells.get("title")
    if not title or not ({"owner", "deadline", "criteria"} & cells.keys()) and sentence.section != "tasks":
        return []
    status = cells.get("status", "")
    if status and (is_done(status) or "完成" in status and "未" not in status):
        return []
    deadline = resolve_deadline(cells["deadline"], meeting_date) if cells.get("deadline") else None
    criteria = cells.get("criteria")
    owners = owner_rules.owner_from_cell(cells.get("owner", ""), known)
    return _drafts(title, owners, deadline, criteria, sentence, confidence=0.95)


# --- field records ------------------------------------------------------------------------

def _fields(text: str) -> dict[str, tuple[str, int]]:
    """Labelled fields in a record: name → (value, offset). The title may be unlabelled."""
    found = []
    for m in _FIELD_LABEL.finditer(text):
        name = field_of(m.group(1))
        if name:
            found.append((name, m.start(1), m.end()))
    fields: dict[str, tuple[str, int]] = {}
    for i, (name, _, value_start) in enumerate(found):
        value_end = found[i + 1][1] if i + 1 < len(found) else len(text)
        value = text[value_start:value_end].strip(_TRIM)
        if name not in fields and value:
            fields[name] = (value, value_start)
    if found and "title" not in fields:
        head = text[:found[0][1]].strip(_TRIM)
        if head:
            fields["title"] = (head, 0)
    return fields


def _from_record(sentence: Sentence, fields: dict, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    title = fields.get("title", ("", 0))[0]
    status = fields.get("status", ("", 0))[0]
    if status and is_done(status):
        return []
    owners = owner_rules.owner_from_cell(fields["owner"][0], known) if "owner" in fields else []
    deadline = resolve_deadline(fields["deadline"][0], meeting_date) if "deadline" in fields else None
    criteria = fields["criteria"][0] if "criteria" in fields else None
    if not owners:
        owners = _prose_owners(sentence, title, known)
    if deadline is None:
        matches = find_deadlines(title, meeting_date)
        deadline = pick(matches).deadline if matches else None
    return _drafts(_clean_title(title, owners, deadline), owners, deadline, criteria, sentence, confidence=0.9)


def _prose_owners(sentence: Sentence, text: str, known: frozenset[str]) -> list[Owner]:
    mentions = names.find_mentions(text, known=known)
    return [owner_rules.to_owner(m, text[m.start:m.end]) for m in owner_rules.joined_owners(text, mentions, 0)]


# --- prose --------------------------------------------------------------------------------

@dataclass
class _Group:
    start: int
    end: int
    owners: list[Mention]


def _from_prose(sentence: Sentence, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    text = sentence.text
    mentions = names.find_mentions(text, known=known)
    groups: list[_Group] = []
    for clause in _CLAUSE.finditer(text):
        clause_owners = owner_rules.joined_owners(clause.group(), mentions, -clause.start()) if mentions else []
        clause_owners = [Mention(m.name, m.start, m.end, m.kind) for m in clause_owners]
        if clause_owners and groups and groups[-1].owners and _names(clause_owners) != _names(groups[-1].owners):
            groups.append(_Group(clause.start(), clause.end(), clause_owners))
        elif clause_owners and groups and not groups[-1].owners and has("task_verbs", text[groups[-1].start:groups[-1].end]) and _has_own_work(clause.group(), clause_owners, clause.start()):
            groups.append(_Group(clause.start(), clause.end(), clause_owners))
        elif groups:
            groups[-1].end = clause.end()
            groups[-1].owners = groups[-1].owners or clause_owners
        else:
            groups.append(_Group(clause.start(), clause.end(), clause_owners))
    all_deadlines = find_deadlines(text, meeting_date)
    sentence_deadline = pick(all_deadlines) if all_deadlines else None
    sentence_criteria = find_criteria(text)
    drafts: list[TaskDraft] = []
    for group in groups:
        body = text[group.start:group.end]
        if is_done(body):
            continue
        owners = [owner_rules.to_owner(m, text[m.start:m.end]) for m in group.owners]
        confidence = 0.6
        if not owners:
            owners = _implicit_owner(sentence, body)
            confidence = 0.55 if owners else 0.4
        in_group = [d for d in all_deadlines if group.start <= d.start < group.end]
        chosen = pick(in_group) if in_group else (sentence_deadline if len(groups) == 1 or not _other_group_has(all_deadlines, groups, group) else None)
        if chosen is None and sentence_deadline and all(not [d for d in all_deadlines if g.start <= d.start < g.end] for g in groups if g is not group):
            chosen = sentence_deadline
        deadline = chosen.deadline if chosen else None
        criteria_found = find_criteria(body) or (sentence_criteria if len(groups) == 1 else None)
        criteria = criteria_found[0] if criteria_found else None
        if not _is_task(sentence, body, owners, deadline):
            continue
        if deadline is not None and deadline.date is not None:
            confidence += 0.2
        if owners:
            confidence += 0.15
        title = _clean_title(_without(body, criteria), owners, deadline)
        if len(title) < 2:
            continue
        drafts.extend(_drafts(title, owners, deadline, criteria, sentence, confidence=min(confidence, 0.95)))
    return drafts


def _has_own_work(clause: str, owners: list[Mention], offset: int) -> bool:
    rest = clause[max(m.end for m in owners) - offset:] if owners else clause
    return has("task_verbs", rest)


def _other_group_has(deadlines, groups, group) -> bool:
    return any(g is not group and any(g.start <= d.start < g.end for d in deadlines) for g in groups)


def _names(mentions: list[Mention]) -> set[str]:
    return {m.name for m in mentions}


def _implicit_owner(sentence: Sentence, body: str) -> list[Owner]:
    """"我来…" → the speaker; a per-person section → that person; "X：1. 完成…" → X."""
    speaker = owner_rules.speaker_name(sentence.speaker)
    if speaker and owner_rules.first_person(body):
        return [Owner(name=speaker, text=speaker)]
    if sentence.person:
        return [Owner(name=sentence.person, text=sentence.person)]
    if speaker and sentence.section == "tasks" and not re.search(r"你|大家|各位|谁", body):
        return [Owner(name=speaker, text=speaker)]
    return []


def _is_task(sentence: Sentence, body: str, owners: list[Owner], deadline: Deadline | None) -> bool:
    verb = has("task_verbs", body)
    if sentence.section == "tasks":
        return verb or bool(owners) or deadline is not None
    if sentence.section in ("decisions", "info"):
        return bool(owners) and verb and deadline is not None
    if owners and verb:
        return True
    return verb and deadline is not None and (deadline.date is not None or bool(owners))


def _drafts(title: str, owners: list[Owner], deadline: Deadline | None, criteria: str | None, sentence: Sentence, *, confidence: float) -> list[TaskDraft]:
    flags = []
    if not owners:
        flags.append("no_owner")
    if deadline is None:
        flags.append("no_deadline")
    elif deadline.date is None:
        flags.append("vague_deadline")
    title = title.strip(_TRIM) or sentence.text.strip(_TRIM)[:40]
    return [
        TaskDraft(title, owner, deadline, criteria, sentence.start, sentence.end, confidence, list(flags))
        for owner in (owners or [None])
    ]


def _without(body: str, part: str | None) -> str:
    if not part:
        return body
    return re.sub(r"(?:交付标准|验收标准|要求|标准)?\s*[:：]?\s*" + re.escape(part), "", body)


_FILLERS = None


def _fillers() -> re.Pattern[str]:
    global _FILLERS
    if _FILLERS is None:
        _FILLERS = re.compile(ruledata.alternation(ruledata.load("asr.yaml")["fillers"]))
    return _FILLERS


_LEADING = re.compile(r"^(?:任务\s*\d*\s*[:：]|由|请|让|安排|麻烦|需要|需|要|负责|牵头|来|去|把|将|在|于|先|再|会|帮忙|这边|那边|你|你们|我|我们|同学|老师|分别|一起|共同|,|，|、|和|与|及|\s)+")


def _clean_title(body: str, owners: list[Owner], deadline: Deadline | None) -> str:
    """A short task name: the clause without owner, deadline phrase, labels and fillers."""
    title = body
    for owner in owners:
        if owner.text:
            title = title.replace(owner.text, " ", 1)
        if owner.name:
            title = title.replace(owner.name, " ", 1)
    if deadline is not None and deadline.text:
        title = title.replace(deadline.text, " ")
    title = re.sub(r"@\S+", " ", title)
    title = _fillers().sub("", title)
    title = re.sub(r"\s+", " ", title).strip(_TRIM)
    title = _LEADING.sub("", title).strip(_TRIM)
    title = re.sub(r"(?:之前|以前|前|截止|为止)\s*$", "", title).strip(_TRIM)
    return title[:60]


def _merge_acknowledgements(drafts: list[TaskDraft]) -> list[TaskDraft]:
    """"收到，我来" after "@李娜 导一下数据" is the same task acknowledged, not a second task."""
    out: list[TaskDraft] = []
    for draft in drafts:
        if len(re.sub(r"[\W_]|我|来|好|的|收到|没问题|可以|OK|ok|行|搞定|负责|这个|那个|弄|做|吧|跟进", "", draft.title)) < 2 and out:
            previous = out[-1]
            if previous.owner is None and draft.owner is not None:
                previous.owner = draft.owner
                previous.flags = [f for f in previous.flags if f != "no_owner"]
            continue
        out.append(draft)
    return out
