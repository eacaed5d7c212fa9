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
import functools
import re
from dataclasses import dataclass, replace

from .. import ruledata
from ..models import Deadline, DeadlineKind, Owner, Sentence
from ..text import names
from ..text.labels import field_of, is_empty_cell, is_open_cell, layout_rules
from ..text.names import Mention
from ..text.sentences import ITEM_MARKER
from . import owners as owner_rules
from .criteria import find_criteria
from .cues import ARROW, cue, has
from .deadlines import DeadlineMatch, find_deadlines, marks_event, pick, resolve_deadline, sets_limit
from .drafts import TRIM, TaskDraft, drafts_for, review_flags
from .merge import merge_repeats
from .meeting import team_members
from .progress import cell_status
from .roles import ASIDE, ASKED, is_cancelled, is_done, may_be_task
from .titles import clean_title, without


_FIELD_LABEL = re.compile(r"【([^】]{1,10})】|([^\s:：，,；;。（(【\[]{1,10}?)\s*\d*\s*[:：]")
_CLAUSE = re.compile(r"[^，,；;]+[，,；;]?")


def extract_tasks(sentences: list[Sentence], *, text: str, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    drafts: list[TaskDraft] = []
    summary_by: str | None = None  # the speaker whose closing summary is running
    turn: str | None = None  # who is speaking, and who spoke in the turn before
    before_turn: str | None = None
    called: tuple[Sentence, Owner] | None = None  # the person the speaker last called by name
    voices = known | {s.speaker for s in sentences if s.speaker}  # nicknames that speak are people too
    for sentence in sentences:
        if sentence.heading:
            continue
        if sentence.speaker and sentence.speaker != turn:
            turn, before_turn = sentence.speaker, turn
        called_before = called if called and called[0].speaker == sentence.speaker else None
        called = _called_in(sentence, voices) or called_before
        if has("summary", sentence.text):
            summary_by = sentence.speaker or ""
        elif summary_by is not None and sentence.speaker != summary_by and sentence.speaker:
            summary_by = None
        before = len(drafts)
        day = sentence.day or meeting_date  # a chat message's relative deadlines count from its own day
        if has("shared_above", sentence.text):
            _share_deadline(drafts, sentence, day)
            continue
        if sentence.row:  # a duty rota (值班表) has no task column, a run of show is a timeline: no tasks
            drafts.extend(_from_row(sentence, day, known) if sentence.section != "timeline" else [])
            continue
        if drafts and _adds_criteria(drafts[-1], sentence, text):
            found = find_criteria("，" + sentence.text)
            drafts[-1].criteria = found[0] if found else sentence.text.strip(TRIM)
            continue
        if not may_be_task(sentence) or _says_nothing(sentence.text):
            continue
        fields = _fields(sentence.text)
        if fields and ({"owner", "deadline"} & fields.keys()):
            drafts.extend(_from_record(sentence, fields, day, known))
            if before and fields.get("owner", ("", 0))[0].strip() in layout_rules()["ditto"]:
                _readdress(drafts[before:], None, drafts[before - 1].owner)  # "【负责人：同上】"
        else:
            drafts.extend(_from_prose(sentence, day, known))
            if before and len(drafts) > before and _DITTO_TAG.search(sentence.text):
                _readdress(drafts[before:], None, drafts[before - 1].owner)  # "…9月20日前交秘书长。（同上）"
                for draft in drafts[before:]:
                    draft.title = re.sub(r"[（(]\s*(?:同上|同前)\s*[)）]?\s*$", "", draft.title).strip(TRIM) or draft.title
        if before and _due_for_previous(drafts[before - 1], drafts[before:], sentence, text, day):
            del drafts[before:]
        if before and len(drafts) == before:
            _handed_over(drafts[before - 1], sentence, text, known)
        for draft in drafts[before:]:
            draft.summary = summary_by is not None
        _label_deadline(drafts, before, sentence, text, day)
        _ditto_deadline(drafts, before, sentence)
        _carry_addressee(drafts, before, sentence, text, called_before)
        _you_listed(drafts, before, sentence, text, known)
        _speaking_for(drafts, before, sentence, text)
        _answer_previous_speaker(drafts, before, sentence, before_turn)
    merged = merge_repeats(drafts, known)
    for draft in merged:
        if draft.owner is not None:
            draft.owner = owner_rules.resolve_names([draft.owner], known)[0]
    return merged


# asked to divide the work among themselves
_SPLIT_UP = re.compile(r"分一下|分工|分配一下|商量着?分|自己分")

# after a report, the reporter as the subject of what comes next: "…，他今天就报修", "…，她来负责落实"
_REPORTER_TAKES = re.compile(r"(?:[，,]\s*|(?<=说))(?P<he>[他她])(?=今天|明天|后天|这周|下周|周[一二三四五六日]|月底|马上|就|会|来|去|再|回头|亲自|这两天|自己)")

# in a to-do list, a name then 问 is going to ask ("- 彭工 问厂家探头协议，明天回复黎明"), not asking
_ASKS_AROUND = re.compile(r"\s*问(?![：:])")

def _asked_of(after_name: str) -> bool:
    """After a name in the middle of a report: work handed to them ("Eric先出个测算方案，下周三前
    给我"), not what they said or felt ("阿峰不太同意，说…", "Tina 担心…")."""
    after_name = re.sub(r"^(?:\s*[、和与及跟]\s*[^\s，,、；;。]{1,4}?(?=[、和与及跟]|都|也|不|\s|$))*", "", after_name)  # "徐工、范总都不同意"
    clause = re.split(r"[，,；;。]", after_name, maxsplit=1)[0]
    if cue("report_verbs").match(after_name) or cue("agrees").match(after_name) or _OPINES.match(after_name):
        return False
    return has("task_verbs", clause) or "把" in clause


_OPINES = re.compile(r"\s*(?:都|也|还是|就)?\s*(?:不太|不大|不)?(?:同意|担心|反对|觉得|认为|倾向|想|希望|支持|坚持|建议|质疑|犹豫)")


# what notes put between a report and what follows from it
_THEN = re.compile(r"\s*(?:→|->|=>|——)\s*")

_ROLES_ONLY = re.compile(r"(?:由?[^，,、；;。\s]{0,10}?(?:牵头|配合|负责|协助|协办|主责|具体负责|为第一责任单位)|[，,、；;。\s])+")


# the owner noted after an item as "the same as above"
_DITTO_TAG = re.compile(r"[（(]\s*(?:同上|同前)\s*[)）]\s*[。.；;]?\s*$")


# "你" as the one who does it — not the one it goes to ("填完发你 review", "明天回你", "跟你说"); "交给你"
# hands it over
_YOU = re.compile(r"(?<![我他她发找跟诉问帮回陪叫对向])(?<![^交]给)你(?!们|好|说|看|知道|觉得)")


def _ditto_deadline(drafts: list[TaskDraft], first: int, sentence: Sentence) -> None:
    """"法务合规部谭振宇负责审核合规条款，时间同上": the date is the one of the task before."""
    if first == 0 or not has("ditto_deadline", sentence.text) or drafts[first - 1].deadline is None:
        return
    for draft in drafts[first:]:
        if draft.deadline is None:
            draft.deadline = drafts[first - 1].deadline
            draft.flags = review_flags(draft.owner, draft.deadline)
            draft.title = cue("ditto_deadline").sub("", draft.title).strip(TRIM) or draft.title


def _label_deadline(drafts: list[TaskDraft], first: int, sentence: Sentence, text: str, meeting_date: dt.date) -> None:
    """"- Today：盯 ad spend", "明天：报价发出", or "Today:" over a list of "- …": a day named by
    the label is the deadline of the work under it, when the work names none of its own."""
    if all(draft.deadline is not None for draft in drafts[first:]):
        return
    line_start = text.rfind("\n", 0, sentence.start) + 1
    label = re.fullmatch(r"[\W_]*(.+?)\s*[:：]\s*", text[line_start:sentence.start])
    while not label and ITEM_MARKER.match(text[line_start:sentence.end]) and line_start > 0:
        line_start = text.rfind("\n", 0, line_start - 1) + 1  # the list's own label line above
        line = text[line_start:text.find("\n", line_start)]
        label = re.fullmatch(r"[\W_]*(.+?)\s*[:：]\s*", line)
        if label and _is_period(label.group(1)):
            return  # "下周：" over a list plans a week; each item's date is its own
    if not label:
        return
    # the label is the day and nothing else: not "03-10 14:02 王磊：", whose date is the message's
    matches = [m for m in _deadlines_in(label.group(1), meeting_date) if m.start == 0 and m.end == len(label.group(1))]
    for draft in drafts[first:] if matches else ():
        if draft.deadline is None:
            draft.deadline = pick(matches).deadline
            draft.flags = review_flags(draft.owner, draft.deadline)


def _says_nothing(text: str) -> bool:
    """"风险：无", "Blockers: none": a label whose value is empty on purpose."""
    label = re.match(r"[^:：]{1,12}[:：]\s*(.*)$", text.strip())
    return bool(label) and is_empty_cell(label.group(1).strip(TRIM))


def _is_period(label: str) -> bool:
    return any(label in words for pair in layout_rules()["periods"] for words in pair)


# "下周一之前给我一个报告": asks the one just spoken to for something, it promises nothing
_TO_ME = re.compile(r"^[^我]{0,16}(?:给|发|交给|报给|交)我")


def _speaking_for(drafts: list[TaskDraft], first: int, sentence: Sentence, text: str) -> None:
    """"测试这边，我负责在下周三之前完成全部功能测试" in a transcript with no speaker labels: the
    speaker speaks for 测试, and the meeting introduced 测试部的李娜 — the unowned "我" tasks of the
    sentence are hers (cues.yaml speaks_for, meeting.team_members, read only when needed)."""
    if sentence.speaker or not owner_rules.first_person(sentence.text):
        return
    match = cue("speaks_for").search(sentence.text)
    if match is None:
        return
    team = match.group("team") or match.group("topic")
    members = team_members(text)
    depts = [d for d in members if d.startswith(team)]
    if len(depts) != 1:
        return
    for draft in drafts[first:]:
        # unowned, or owned by the team word itself ("设计这边" read as the department 设计)
        if draft.owner is None or draft.owner.name is None and draft.owner.dept == team:
            draft.owner = Owner(name=members[depts[0]], dept=depts[0], text=team)
            draft.flags = review_flags(draft.owner, draft.deadline)


_OPENS_WITH_LIMIT = re.compile(r"\W{0,2}[\d一二两三四五六七八九十今明后本这下周月年]")


def _due_for_previous(previous: TaskDraft, new: list[TaskDraft], sentence: Sentence, text: str, meeting_date: dt.date) -> bool:
    """"小何，你牵头，表格你来统一。月底前交齐，一户都不能漏。": a sentence that opens with the
    limit and names no one (its drafts have no owner, or the speaker as a guess) gives it to the
    task said just before, when that task had none. True when it did."""
    if previous.deadline is not None or previous.owner is None or previous.speaker != sentence.speaker:
        return False
    if not _right_after(previous, sentence, text) or not _OPENS_WITH_LIMIT.match(sentence.text):
        return False  # cheap tests first: this runs after every sentence that follows a task
    speaker = owner_rules.speaker_name(sentence.speaker)
    if owner_rules.first_person(sentence.text) or names.find_mentions(sentence.text):
        return False
    if any(d.owner is not None and d.owner.name != speaker for d in new):
        return False
    opening = [m for m in _deadlines_in(sentence.text, meeting_date) if m.start <= 2 and sets_limit(m)]
    if not opening:
        return False
    previous.deadline = opening[0].deadline
    previous.flags = review_flags(previous.owner, previous.deadline)
    previous.absorbed.append(sentence.start)  # the model must not make it a task again
    found = find_criteria(sentence.text)
    if previous.criteria is None and found:
        previous.criteria = found[0]
    return True


# "孙悦你负责", "小冯来吧", "这个Kevin牵头": a name and the words that put them in charge, nothing more
_HANDS_OVER = re.compile(r"\W*(?:这个|那)?\s*(?P<who>[^\W\d_]{1,8}?)\s*(?:你)?\s*(?:来)?(?:负责|牵头|主抓|跟进|来)(?:吧|一下)?(?:[，,。；;！!]|$)")


def _handed_over(previous: TaskDraft, sentence: Sentence, text: str, known: frozenset[str]) -> None:
    """"差三个人，两周内必须招齐，不然培训跟不上。孙悦你负责，有困难找人事小冯。": the work is said,
    then whose it is. A sentence that only puts someone in charge, right after a task with no owner
    or only the speaker as a guess in the same turn, gives them that task."""
    hand = _HANDS_OVER.match(sentence.text)
    if not hand or previous.speaker != sentence.speaker or not _right_after(previous, sentence, text):
        return
    speaker = owner_rules.speaker_name(sentence.speaker)
    person = next((m for m in names.find_mentions(sentence.text, known=known) if m.kind == "person" and m.start == hand.start("who") and m.end == hand.end("who")), None)
    if person is not None and person.name != speaker:
        _readdress([previous], speaker, Owner(name=person.name, text=person.name))  # only an ownerless task, or the speaker's guess


def _carry_addressee(drafts: list[TaskDraft], first: int, sentence: Sentence, text: str, called: tuple[Sentence, Owner] | None = None) -> None:
    """"小陈你来排一个自查的表 然后 测温记录你盯着": a speaker still talking to the person they
    just named says "你" without the name again. A draft of this sentence that says 你 and has
    no owner, or only the speaker as a guess, gets the owner of the speaker's previous task when
    nothing but a pause lies between the two (same turn, no blank line) — or, failing that, the
    person the speaker called by name earlier in the turn ("小蔡 你们叶菜损耗太高了 你今天下班之前
    把报损明细拉出来发我")."""
    asks_back = _YOU.search(sentence.text) or _TO_ME.search(sentence.text)  # "…。下周一之前给我一个报告。"
    if first == len(drafts) or not sentence.speaker or not asks_back or owner_rules.first_person(sentence.text):
        return  # "我来写，写完你看一下": the speaker's own task
    speaker = owner_rules.speaker_name(sentence.speaker)
    previous = drafts[first - 1] if first else None
    if previous and previous.speaker == sentence.speaker and previous.owner is not None and previous.owner.name != speaker and _right_after(previous, sentence, text):
        _readdress(drafts[first:], speaker, previous.owner)
    elif called is not None and "\n" not in text[called[0].end:sentence.start] and called[1].name != speaker:
        _readdress(drafts[first:], speaker, called[1])


# "你们四个", "你们俩", "你们几个": the people just listed, spoken to together
_YOU_LISTED = re.compile(r"^\W*你们(?:[两二三四五六七八九十\d]+\s*[个位]|几个|几位|俩)")
_LIST_GAP = re.compile(r"[\s、，,和及与]*")


def _you_listed(drafts: list[TaskDraft], first: int, sentence: Sentence, text: str, known: frozenset[str]) -> None:
    """"刘倩 老马 文静 小郭 | 你们四个周五之前把新版自查表填完": speech cut before 你们四个. The people
    listed right before it on the same line are the owners of its ownerless drafts, one task each."""
    if first == len(drafts) or not _YOU_LISTED.match(sentence.text) or any(d.owner is not None for d in drafts[first:]):
        return
    line = text[text.rfind("\n", 0, sentence.start) + 1:sentence.start]
    listed: list[Mention] = []
    end = len(line.rstrip())
    for mention in reversed([m for m in names.find_mentions(line, known=known) if m.kind == "person"]):
        if not _LIST_GAP.fullmatch(line, mention.end, end):
            break
        listed.insert(0, mention)
        end = mention.start
    if len(listed) < 2:
        return
    owners = [owner_rules.to_owner(m, line[m.start:m.end]) for m in listed]
    drafts[first:] = [replace(d, owner=owner, flags=[f for f in d.flags if f != "no_owner"], absorbed=list(d.absorbed)) for d in drafts[first:] for owner in owners]


def _right_after(previous: TaskDraft, sentence: Sentence, text: str) -> bool:
    """Does `sentence` follow the `previous` draft's source with nothing but a pause between them
    (the same turn, no blank line)?"""
    gap = text[previous.end:sentence.start]
    return len(gap) <= 2 and "\n" not in gap


def _called_in(sentence: Sentence, known: frozenset[str]) -> tuple[Sentence, Owner] | None:
    """The person a spoken sentence calls by name: "小蔡 你们叶菜…", "老姚，你…", or the name said
    before a pause, alone or with a topic ("小四川 春联灯笼")."""
    if not sentence.speaker:
        return None
    alone = re.fullmatch(r"\W*(?:那个|然后|还有|另外)?\s*(\S{2,4}?)(?:\s*[，,:：]?|\s+[^\s，,。；;]{1,8})\s*", sentence.text)
    if alone:  # "小四川 春联灯笼" before the pause and "…你月底之前去批发市场买回来"
        mention = next((m for m in names.find_mentions(sentence.text, known=known) if m.kind == "person" and m.name == alone.group(1)), None)
        return (sentence, Owner(name=mention.name, text=mention.name)) if mention else None
    if "你" not in sentence.text:
        return None
    for mention in reversed(names.find_mentions(sentence.text, known=known)):
        if mention.kind == "person" and re.match(r"[\s，,]*你", sentence.text[mention.end:]):
            return sentence, Owner(name=mention.name, text=mention.name)
    return None


def _answer_previous_speaker(drafts: list[TaskDraft], first: int, sentence: Sentence, previous: str | None) -> None:
    """"杜明远：坪位要重新排。" "蒋卫东：那你出个调整方案，下周三给我初稿。": a 你 that names no one
    is the person who spoke just before. Only for drafts left without an owner, or with the
    speaker as a guess (a first-person sentence is the speaker's own)."""
    if not previous or not sentence.speaker or previous == sentence.speaker or not (_YOU.search(sentence.text) or _TO_ME.search(sentence.text)):
        return  # (or asks for it back: "月底前把初选名单发我" — not the speaker's own work)
    if owner_rules.first_person(sentence.text):
        return
    _readdress(drafts[first:], owner_rules.speaker_name(sentence.speaker), Owner(name=previous, text=previous))


def _readdress(drafts: list[TaskDraft], speaker: str | None, owner: Owner) -> None:
    """Give `owner` the drafts that have none, or only the speaker as a guess."""
    for draft in drafts:
        if draft.owner is None or draft.owner.name == speaker:
            draft.owner = owner
            draft.flags = [f for f in draft.flags if f != "no_owner"]


_STANDARD_LABEL = re.compile(r"^[\s(（]*(?:交付标准|验收标准|验收要求|交付要求|完成标准)\s*[:：]")
# what the work product must meet, after a quote that closes the task ("…5个工作日内完成。”复盘报告要求写清…")
_STANDARD_START = re.compile(r"^[\s(（”」』]*(?:[^\W\d_]{0,6}(?:报告|方案|材料|清单|文档|文件|成果|结果|稿子?)(?=要求|须|必须|需要?))?(?:要求|标准|验收|交付标准|验收标准|需要?|必须|须|注意|包括|包含|至少|不少于|不低于|不超过|每.{1,6}都要)")
# "要写清楚适应症、剂量换算和禁忌": what the result must spell out (写 is a work verb elsewhere)
_SPELLS_OUT = re.compile(r"^[\s(（]*(?:要|需要?|须)?(?:写清楚|写明|注明|列明|标明)")


def _adds_criteria(previous: TaskDraft, sentence: Sentence, text: str) -> bool:
    """"…负责整理名单，下周一前。\n要求覆盖所有独居老人。": the line after a task that only says
    how it will be judged is that task's criterion."""
    if previous.criteria or sentence.row or sentence.heading:
        return False
    gap = text[previous.end:sentence.start]
    if len(gap) > 4 or "\n\n" in gap:
        return False
    if _STANDARD_LABEL.match(sentence.text):
        return True  # "交付标准：…", whatever its words ("交付" is a work verb elsewhere)
    if _STANDARD_START.match(sentence.text) and not has("task_verbs", sentence.text[:2]) or _SPELLS_OUT.match(sentence.text):
        return True
    return sentence.speaker == previous.speaker and has("strong_criteria", sentence.text) and not find_deadlines(sentence.text, dt.date(2000, 1, 3)) and not names.find_mentions(sentence.text)



def _share_deadline(drafts: list[TaskDraft], sentence: Sentence, meeting_date: dt.date) -> None:
    """"以上各项，除另有时限外，均于9月18日前完成": give that date to the tasks above without one."""
    found = find_deadlines(sentence.text, meeting_date)
    if not found:
        return
    deadline = pick(found).deadline
    for draft in drafts:
        if draft.deadline is None:
            draft.deadline = deadline
            draft.flags = review_flags(draft.owner, deadline)


# --- table rows ---------------------------------------------------------------------------

def _from_row(sentence: Sentence, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    cells = {name: span.text for name, span in sentence.cells.items()}
    title = cells.get("title")
    if not title or not ({"owner", "deadline", "criteria"} & cells.keys()) and sentence.section != "tasks":
        return []
    if title.strip() in layout_rules()["register_rows"]:
        return []  # | Risk | R-08 | 关键用户春节前请假集中 | 韩冬 | Open |: a RAID log's entry, not work
    if _status_closed(cells.get("status", "")) or re.match(r"\W*已", cells.get("deadline", "")) and _status_closed(cells["deadline"]):
        return []  # | 冰箱门封条异味 | 质量部 | 已完成（3月18日关闭） |: the date column says it is over
    note = cells.get("note", "")
    if note and (is_done(note) or has("cancelled", note) or re.match(r"\W*已", note) and _status_closed(note)):
        return []  # | 新仓叉车采购 | — | — | 已于8月12日到货，无需跟进 |
    items = _enumerated(title)
    if len(items) < 2 and not cells.get("deadline"):
        items = _dated_parts(title, meeting_date)
    if len(items) > 1 and not cells.get("deadline"):
        # "| Jason | … | ① 新门店账号批量开通，下周三前；② 续约复盘文档明天发Vivian | … |": one task
        # per numbered item of the plan cell, each with its own date and standard; "3月20日前标完
        # 剩余1000张；3个工作日内整理一份标注常见错误说明" likewise, split at the semicolon
        owners = owner_rules.owner_from_cell(cells.get("owner", ""), known)
        out = []
        for item in items:
            if not item.strip(" ；;，,。") or has("progress_cancelled", item) or has("progress_done", item) and not has("progress_not", item):
                continue  # "② 原计划的华景线下培训取消": reported, not planned
            found = _deadlines_in(item, meeting_date)
            criteria = find_criteria(item)
            out += drafts_for(item.strip(" ；;"), owners, pick(found).deadline if found else None, criteria[0] if criteria else None, sentence, confidence=0.95)
        return out
    # (a plan that must pass a standard, "…修订稿须经质控小组审核通过", is planned: progress_not)
    if not cells.get("deadline") and (has("progress_done", title) and not has("progress_not", title) or has("progress_cancelled", title)):
        return []  # | 宋哲 | 李某某离婚纠纷 | 已调解结案，调解书已领取 | — |: the plan column reports, it plans nothing
    deadline = _cell_deadline(cells["deadline"], meeting_date) if cells.get("deadline") else None
    if "deadline" not in cells:
        # no date column: "| US-304 老会员数据迁移方案 | 梁振 | 3pt | 本周五出方案 |" dates it in another cell
        inside = [(span.start - sentence.start, span.end - sentence.start) for name, span in sentence.cells.items() if name != "title" or "done" not in cells]
        found = [d for d in _deadlines_in(sentence.text, meeting_date) if not any(a <= d.start and d.end <= b for a, b in inside)]
        deadline = pick(found).deadline if found else None
    criteria = cells.get("criteria")
    # no criteria column: a 备注 cell ("| 节目单二稿 | 导演组 | 要求每个节目时长精确到秒 |") or the
    # task cell itself ("| 补设垫块，保护层厚度偏差控制在±5mm以内 |") may state the standard
    for cell in ([] if criteria else [note, title]):
        found = find_criteria(cell) if cell else None
        if found:
            criteria = found[0]
            break
    owners = owner_rules.owner_from_cell(cells.get("owner", ""), known)
    return drafts_for(title, owners, deadline, criteria, sentence, confidence=0.95)


# "① …；② …", "1. …；2. …", "(1) … (2) …": the numbered items of one cell
_ITEM_NUMBER = re.compile(r"[①-⑳]|(?:^|(?<=[；;，,。\s]))(?:\d{1,2}[.、)）](?!\d)|[(（]\d{1,2}[)）])")


def _dated_parts(cell: str, meeting_date: dt.date) -> list[str]:
    """The parts of a cell split at its semicolons when each has a deadline of its own, or [cell]."""
    parts = [p for p in re.split(r"[；;]", cell) if p.strip(" ，,。")]
    if len(parts) > 1 and all(_deadlines_in(p, meeting_date) for p in parts):
        return parts
    return [cell]


def _enumerated(cell: str) -> list[str]:
    """The numbered items of a cell, or [cell] when it numbers fewer than two."""
    starts = [m.start() for m in _ITEM_NUMBER.finditer(cell)]
    if len(starts) < 2:
        return [cell]
    bounds = starts + [len(cell)]
    return [_ITEM_NUMBER.sub("", cell[a:b], count=1) for a, b in zip(bounds, bounds[1:])]


# --- field records ------------------------------------------------------------------------

def _status_closed(status: str) -> bool:
    """A 状态 cell that says the work is over: 已完成, 已取消, Closed, ✔ — not 进行中, Open."""
    return cell_status(status) is not None


def _labelled(text: str) -> list[tuple[str, str, int, int]]:
    """Every labelled field of a record, in order: (name, value, label start, value start)."""
    found = []
    for m in _FIELD_LABEL.finditer(text):
        inside = re.match(r"([^:：]{1,8})[:：]", m.group(1) or "")
        if inside:  # "…即告警【负责人：许晴】截止：周五": a field inside the brackets
            name = field_of(inside.group(1))
            if name:
                found.append((name, m.start(), m.start() + 1 + inside.end()))
            continue
        group = 1 if m.group(1) else 2
        name = field_of(m.group(group))
        if name:
            found.append((name, m.start(), m.end()))
    values = []
    for i, (name, label_start, value_start) in enumerate(found):
        value_end = found[i + 1][1] if i + 1 < len(found) else len(text)
        dash = _DASH.search(text, value_start, value_end)
        if dash and dash.start() > value_start:
            value_end = dash.start()  # "Due: 本周五 — PO 下出去…": the dash ends the value
        values.append((name, text[value_start:value_end].strip(TRIM), label_start, value_start))
    return values


_DASH = re.compile(r"\s+(?:——|—|–|--)\s+|——")


def _fields(text: str) -> dict[str, tuple[str, int]]:
    """Labelled fields in a record: name → (value, offset), the first of each. The title may be
    unlabelled."""
    found = _labelled(text)
    fields: dict[str, tuple[str, int]] = {}
    for name, value, _, value_start in found:
        if name not in fields and value and not is_empty_cell(value):
            fields[name] = (value, value_start)
    if found and "title" not in fields:
        head = text[:found[0][2]].strip(TRIM).rstrip("【[（(").strip(TRIM)  # "…即告警【负责人：许晴】"
        if head:
            fields["title"] = (head.split("\n")[0].strip(TRIM), 0)  # an item record: its heading line
        else:  # "Owner: 冯磊 / Due: 本周五 — PO 下出去": the work follows the fields, after a dash
            dash = _DASH.search(text, found[-1][3])
            if dash and text[dash.end():].strip(TRIM):
                fields["title"] = (text[dash.end():].strip(TRIM), dash.end())
    return fields


def _from_record(sentence: Sentence, fields: dict, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    title = fields.get("title", ("", 0))[0]
    if _status_closed(fields.get("status", ("", 0))[0]):
        return []
    owners = owner_rules.owner_from_cell(fields["owner"][0], known) if "owner" in fields else []
    if owners and (all(o.name is None for o in owners) or _unit_label_first(sentence.text)):
        # "（责任单位：施工总包，责任人：范德胜，…）": the unit's person in charge owns it
        owners = _person_in_charge(sentence.text, [o if o.name is None else Owner(dept=o.name, text=o.text) for o in owners], known)
    if owners and all(o.name is None for o in owners):
        owners = _named_in_unit(sentence, title, owners, known)
    deadline = _cell_deadline(fields["deadline"][0], meeting_date) if "deadline" in fields else None
    criteria = fields["criteria"][0] if "criteria" in fields else None
    if not owners:
        owners = _prose_owners(sentence, title, known)
    if not owners and sentence.person:
        owners = [Owner(name=sentence.person, text=sentence.person)]  # "【沈可欣 律师】 动作：… 节点：…"
    if deadline is None:
        matches = _deadlines_in(sentence.text, meeting_date)
        deadline = pick(matches).deadline if matches else None
    if criteria is None and title:
        found = find_criteria(title)  # "…本周五前整改完毕，要求整改后拍照上传。（责任人：刘海波）"
        criteria = found[0] if found else None
    return drafts_for(clean_title(title, owners, deadline), owners, deadline, criteria, sentence, confidence=0.9)


def _unit_label_first(text: str) -> bool:
    """Is the record's first owner field labelled as a unit ("责任单位：", "牵头部门：") and a later one
    as a person ("责任人：")?"""
    owner_labels = [text[label_start:value_start] for name, _, label_start, value_start in _labelled(text) if name == "owner"]
    return len(owner_labels) >= 2 and bool(re.search(r"单位|部门|科室|股室|方", owner_labels[0])) and "人" in owner_labels[1]


def _person_in_charge(text: str, departments: list[Owner], known: frozenset[str]) -> list[Owner]:
    """"牵头单位：QA … 【责任人】QA经理 宁嘉树": a record with a leading department and a person in
    charge in a later owner field is the person's, with the department."""
    for name, value, _, _ in _labelled(text)[1:]:
        if name != "owner":
            continue
        people = [o for o in owner_rules.owner_from_cell(value, known) if o.name]
        if people:
            return [p.model_copy(update={"dept": p.dept or departments[0].dept}) for p in people]
    return departments


def _named_in_unit(sentence: Sentence, title: str, units: list[Owner], known: frozenset[str]) -> list[Owner]:
    """"质控办刘明辉负责编制自查表…【责任科室：质控办】": the unit field names the department, the
    work names the person of that department who does it — the owner is that person, in that unit."""
    if len(units) != 1:
        return units
    unit = units[0].dept
    people = [o for o in _prose_owners(sentence, title, known) if o.name]
    if len(people) == 1 and unit and (people[0].dept == unit or unit in title[:title.find(people[0].name) + 1]):
        return [people[0].model_copy(update={"dept": unit})]
    return units


def _prose_owners(sentence: Sentence, text: str, known: frozenset[str]) -> list[Owner]:
    mentions = names.find_mentions(text, known=known)
    return [owner_rules.to_owner(m, text[m.start:m.end]) for m in owner_rules.joined_owners(text, mentions, 0)]


def _cell_deadline(cell: str, meeting_date: dt.date) -> Deadline | None:
    """A deadline cell or field: a date phrase, or "TBD"/"待确认" — open, so vague (layout.yaml
    open_cells), where in prose "still TBD" leaves a question open instead."""
    if is_open_cell(cell):
        return Deadline(text=cell.strip(), date=None, kind=DeadlineKind.vague)
    if _HYPHEN_MONTH_DAY.fullmatch(cell.strip()):
        # "| 12-04 |" in a deadline column is a date, where in prose it may be an id or a range
        found = resolve_deadline(f"截止 {cell.strip()}", meeting_date)
        return found.model_copy(update={"text": cell.strip()}) if found else None
    return resolve_deadline(cell, meeting_date)


_HYPHEN_MONTH_DAY = re.compile(r"(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])\s*(?:之前|以前|前|截止)?")


# --- prose --------------------------------------------------------------------------------

@dataclass
class _Group:
    start: int
    end: int
    owners: list[Mention]


def _groups(text: str, owners: list[Mention]) -> list[_Group]:
    """Cut a sentence where a new owner is named: "王磊负责接口，李娜负责测试" → two groups.

    Owners joined by 和/、 stay together ("王磊和李娜负责联调"). A cut falls at the clause
    boundary before the new owner when there is one, else right before the name (speech
    recognition text has no commas). Text before the first owner belongs to the first group.
    """
    clusters: list[list[Mention]] = []
    for m in owners:
        if clusters and owner_rules.is_joined(text[clusters[-1][-1].end:m.start]):
            clusters[-1].append(m)
        else:
            clusters.append([m])
    if not clusters:
        return [_Group(0, len(text), [])]
    groups: list[_Group] = []
    # "今天下午三点前修完，然后让测试回归": the speaker's own work comes first, then whom they
    # hand the next step to — two groups, the first without a named owner.
    lead = clusters[0][0].start
    boundary = max((i + 1 for i in range(lead) if text[i] in "，,；;"), default=None)
    if boundary and has("task_verbs", text[:boundary]) and owner_rules.handed_to(text[:lead]):
        groups.append(_Group(0, boundary, []))
    for cluster in clusters:
        cut = cluster[0].start
        if groups and not groups[-1].owners:
            cut = groups[-1].end  # after the speaker's own lead group
        elif groups:
            boundary = max((i + 1 for i in range(groups[-1].owners[-1].end, cut) if text[i] in "，,；;。"), default=None)
            cut = boundary if boundary is not None else cut
            groups[-1].end = cut
        groups.append(_Group(cut if groups else 0, len(text), cluster))
    return groups


def _by_deadline(text: str, group: _Group, deadlines: list[DeadlineMatch]) -> list[_Group]:
    """"稳定性实验你这周五之前把装置搭起来，回复信下周三之前先写个初稿给我看": one person, two pieces of
    work with two deadlines — two groups, cut at the clause boundary before the second deadline
    when each part has a work verb of its own."""
    named = [m for m in group.owners if m.kind != "self"]
    addressed = re.match(r"\W*你(?!们)", text[group.start:group.end])  # "你今天下班前把库存盘一遍 …周四之前把订单下了"
    if not named and not addressed:
        return [group]
    # both after the name: "月底截止（社里通知）→ 陈 汇总申报表，12.28前交刘" has one deadline of its own
    after = named[0].end if named else group.start + addressed.end()
    own = [d for d in deadlines if after <= d.start < group.end and sets_limit(d) and d.deadline.date is not None]
    if len(own) != 2 or own[0].deadline.date == own[1].deadline.date:
        return [group]
    cut = max((i + 1 for i in range(own[0].end, own[1].start) if text[i] in "，,；;"), default=None)
    if cut is None:
        # speech without commas: "小马你来执笔 嗯 11月3号之前出个初稿 我来改 6号之前我交到教科室"
        mine = owner_rules.first_person_at(text[own[0].end:own[1].start])
        cut = own[0].end + mine if mine is not None and text[own[0].end + mine - 1:own[0].end + mine].isspace() else None
        if cut is None and re.search(r"\s", text[own[1].start - 1:own[1].start + 1]):
            cut = own[1].start  # "…把库存盘一遍 缺的列个单子 周四之前把订单下给厂家": a pause, then the next date
    if cut is None or not (_names_work(text[group.start:cut]) and _names_work(text[cut:group.end])):
        return [group]
    # "…12/24 前给我，我月底前要把预算报给总部": the second piece is the speaker's own
    second = [Mention("", cut, cut, "self")] if re.match(r"\W*我(?!们)", text[cut:]) else group.owners
    return [_Group(group.start, cut, group.owners), _Group(cut, group.end, second)]


def _names_work(part: str) -> bool:
    """A work verb, or work put with 把 ("把库存整体盘一遍", "把订单下给厂家")."""
    return has("task_verbs", part) or re.search(r"把[^，,。；;\s]{2,}", part) is not None


def prose_fields(sentence: Sentence, meeting_date: dt.date, known: frozenset[str]) -> list[TaskDraft]:
    """Drafts for a sentence another judge (the model) has already called a task: the rules
    only fill in owner, deadline and criteria, they do not decide again."""
    return _from_prose(sentence, meeting_date, known, decided=True)


def _in_charge_after(text: str, mention: Mention) -> bool:
    """"信息科负责…", "基建科牵头…", "后勤来…": the unit, then at once what puts it in charge."""
    return re.match(r"\s*(?:负责|牵头|主责|来|去|做|出|跟进|对接|安排|组织|落实|完成|配合)", text[mention.end:]) is not None


# a day said without 前/内: "梅会计明天挨家说一下结果"
_DAY = re.compile(r"今天|明天|后天|今晚|明早|[本这下]周|周[一二三四五六日末]|礼拜[一二三四五六天日]|月底")
# "杜婷，今天就在7栋贴个情况说明": a sentence that opens by calling someone (not "第三，", "另外，")
_CALLS = re.compile(r"\W*(?!第|首先|其次|另外|然后|最后|还有|同时|此外|那|好|行|对|嗯|是|不)[^\W\d_]{1,6}[，,]")


def _from_prose(sentence: Sentence, meeting_date: dt.date, known: frozenset[str], *, decided: bool = False) -> list[TaskDraft]:
    text = sentence.text
    if not decided and sentence.section != "tasks" and not has("task_verbs", text) and not owner_rules.first_person(text) and not re.search(r"[你把前内]", text) and not _ARROW.search(text) and not _CALLS.match(text) and not _DAY.search(text):
        return []  # outside a task list a prose task needs a work verb, a promise, an addressee (你, or "杜婷，…"), a 把, a due date ("…前", "…内", "明天") or an arrow (see _is_task)
    mentions = names.find_mentions(text, known=known)
    if owner_rules.reports(text, mentions) and not (sentence.section == "tasks" and _ASKS_AROUND.match(text, mentions[0].end)):
        if (quote := owner_rules.quoted(text, mentions)) and not decided:
            said_by, start = quote  # "张总强调：小李下周把预算表报上来": the quote, said by 张总
            inner = sentence.model_copy(update={"text": text[start:], "start": sentence.start + start, "speaker": said_by.name})
            return _from_prose(inner, meeting_date, known)
        takes = _REPORTER_TAKES.search(text)
        # the reporter is the last one named before 他 ("宋晓问…，邓经理说他去问园区管委会": 邓经理)
        reporter = next((m for m in reversed(mentions) if m.end <= takes.start("he")), None) if takes else None
        if takes and not decided and reporter is not None and reporter.kind == "person":
            # "建国说他认识户外俱乐部的人，他去借": the one who reported then takes it on — read
            # from 他 as the reporter's own "我…" (one character for one, offsets hold)
            at = takes.start("he")
            taken = _from_prose(_as_the_reporter(sentence, at, reporter.name), meeting_date, known)
            said = [m for m in _deadlines_in(text[:at], meeting_date) if sets_limit(m)]
            for draft in taken:
                if draft.deadline is None and said:
                    # "…本月底前压缩到1天以内，她来负责落实": the limit was said in the report
                    draft.deadline, draft.flags = said[0].deadline, review_flags(draft.owner, said[0].deadline)
            return taken
        # "老杜说村里还能叫十来个，明天落实人数报给刘姐": after the report, a clause that opens with
        # its limit and the work, no one else named but whom it goes to — the reporter takes it
        # on (the comma is read as their "我", one character for one)
        first = mentions[0] if mentions else None
        then = _REPORTER_DUE.search(text, first.end) if first is not None and first.kind == "person" and not takes and not decided else None
        if then and all(m is first or re.search(r"(?:给|交|报|向|问)\s*$", text[:m.start]) for m in mentions):
            at = then.start()
            taken = _from_prose(_as_the_reporter(sentence, at, first.name), meeting_date, known)
            for draft in taken:
                draft.start = max(draft.start, sentence.start + at + 1)  # the source starts after the comma
            return taken
        # "何薇说这个先不拍板，Eric先出个测算方案，下周三前给我": the report, then a clause that opens
        # with someone else — what was asked of them
        nxt = next((m for m in mentions[1:] if m.kind == "person" and re.search(r"[，,；;]\s*$", text[:m.start]) and _asked_of(text[m.end:])), None) if first is not None and first.kind == "person" and not decided else None
        if nxt is not None:
            inner = sentence.model_copy(update={"text": text[nxt.start:], "start": sentence.start + nxt.start})
            return _from_prose(inner, meeting_date, known)
        if (arrow := _THEN.search(text)) and not decided and arrow.end() < len(text):
            # "西交还没回，Kevin说他们就业中心换人了 → Kevin继续跟，2个工作日内给结论": the report,
            # then what was settled for it
            inner = sentence.model_copy(update={"text": text[arrow.end():], "start": sentence.start + arrow.end()})
            return _from_prose(inner, meeting_date, known)
        return []  # "营销中心提出在4月中旬举办开放日": a report of what someone said
    if _ROLES_ONLY.fullmatch(text.strip()) and not any(m.kind == "person" for m in mentions):
        return []  # "街道宣传办牵头，居委会配合。": which units lead a part; its work is in the lines that follow
    if _is_roster(text, mentions):
        return []  # "意向参与 PMC 的开发者：@GreatV、@Topdu": who attends, not who works
    owners_found = owner_rules.joined_owners(text, mentions, 0) if mentions else []
    if not owners_found and sentence.section == "tasks" and mentions and _opens_item(text, mentions[0]):
        owners_found = [mentions[0]]  # "AI: Rocky 库存锁定接口 ETA 11/5": a task list item opens with its owner
    if not owners_found and sentence.section == "tasks" and mentions and _closes_item(text, mentions[-1]):
        owners_found = [mentions[-1]]  # "活动配置 胡一鸣": or closes with it
    if sentence.person and owners_found and all(m.kind == "dept" for m in owners_found) and not any(owner_rules.named_in_charge(text, m.name) or _in_charge_after(text, m) for m in owners_found):
        # "【周卫东】 住院部新楼弱电验收，9月23日前出整改清单": in a person's own part a unit said in
        # passing is what the work is about; the person does it
        owners_found = []
    if sentence.person and owners_found and all(_topic_shaped_like_a_name(text, m, known) for m in owners_found):
        # "蓝山公众号推文2篇" in 卢佳's part, "华锐案证据原件扫描件…" in 唐悦's: a brand or a case
        # name the document never lists as a person, glued to what the work is about — the person
        # whose part it is does it
        owners_found = []
    if (arrow := re.search(ARROW, text)) and any(m.start > arrow.start() for m in owners_found):
        # "客户张总那边要补采购合同原件 → 小秦跟一下": before the arrow the matter, after it who acts
        owners_found = [m for m in owners_found if m.start > arrow.start()]
    unit_of = _unit_led_by(text, owners_found)
    owners_found = [m for m in owners_found if m.name not in unit_of.values()]
    all_deadlines = _deadlines_in(text, meeting_date)
    groups = _groups(text, sorted(owners_found + _commitments(text, owners_found), key=lambda m: m.start))
    groups = [part for group in groups for part in _by_deadline(text, group, all_deadlines)]
    drafts: list[TaskDraft] = []
    shares: list[tuple[int, str, list[Owner]]] = []  # owned groups with no work of their own: (draft count so far, body, owners)
    for index, group in enumerate(groups):
        if len(group.owners) >= 2 and _SPLIT_UP.search(text, group.start, group.end):
            later = {m.name for other in groups[index + 1:] for m in other.owners}
            if all(m.name in later for m in group.owners):
                continue  # "@孙涛 @Amy 你俩分一下，孙涛负责签到，Amy负责VIP接待": each one's share follows
        body = _without_reports(text[group.start:group.end])
        if not body:
            continue
        owners = [owner_rules.to_owner(m, text[m.start:m.end]) for m in group.owners if m.kind != "self"]
        owners = [o.model_copy(update={"dept": unit_of[o.name]}) if o.name in unit_of else o for o in owners]
        speaker = owner_rules.speaker_name(sentence.speaker)
        first = owner_rules.first_person_at(body)
        delegates = first is not None and re.match(r"我(?:这边)?(?:让|叫|安排|派)", body[first:])  # "我让小胖来做"
        # "我们科下周开始暗访，蒋晓琳牵头": the speaker's team, and the person of it in charge
        ours = first is not None and body[first:first + 2] == "我们" and any(m.kind == "person" for m in group.owners)
        if speaker and first is not None and group.owners and first < group.owners[0].start - group.start and not delegates and not ours:
            # "我来吧，质量部牵头": the speaker takes it; the department is theirs
            dept = next((o.dept for o in owners if o.dept and not o.name), None)
            owners = [Owner(name=speaker, dept=dept, text=speaker)]
        elif speaker and first is not None and _unit_is_the_topic(text, body, first, group):
            # "营业部通知和客户公告我来协调": the unit names what the work is about; the speaker takes it
            owners = [Owner(name=speaker, text=speaker)]
        elif speaker and _hails(text, group.owners) and (i_do := _I_WILL.search(body)) and "你" not in body[:i_do.start()]:
            # "@Yuki VAT 那个我今天下午 call 一下 accountant": Yuki is spoken to, the speaker promises
            owners = [Owner(name=speaker, text=speaker)]
        elif speaker and (partner := _partner(text, mentions, group.start, group.end)):
            # "主持人我和阿杰周末面一下", "价格我跟大刘一起去谈": the speaker and the one named do it together
            owners = [Owner(name=speaker, text=speaker), owner_rules.to_owner(partner, text[partner.start:partner.end])]
        # named in the clause, or "我…" said by a labelled speaker; not the person whose part it is
        if not owners and (every := _every_unit_asked(body)):
            owners = [Owner(dept=every, text=every)]  # "各部门3个工作日内反馈整改联系人"
        named = bool(owners) or bool(sentence.speaker and owner_rules.first_person(body))
        implicit = not owners
        if implicit:
            owners, implicit = _implicit_owner(sentence, body)
            # "- 晓峰：下周一前把健康档案抽查一遍": a note item under a name label names its owner
            named = named or bool(owners and not implicit and sentence.item and sentence.speaker)
        chosen = _group_deadline(text, group, groups, all_deadlines)
        deadline = chosen.deadline if chosen else None
        found = find_criteria(body)
        if found and _is_the_work(body, found):
            # "本周五前必须补齐，每笔都要有授权人签字": the work, then its standard in the next clause
            rest = re.search(r"[，,；;\s]", body[found[1]:])
            found = find_criteria(body[found[1] + rest.end():]) if rest else None
        criteria = found[0] if found else None
        # "测试部的李娜" names a department, it does not ask anyone to test: look for work verbs
        # with the names blanked out
        unnamed = _blank(text, mentions)[group.start:group.end]
        explicit = any(owner_rules.explicitly_assigned(text, m) for m in group.owners if m.kind != "self")
        if not decided and not _is_task(sentence, unnamed, owners, deadline, implicit=implicit, named=named, firm=chosen is not None and _is_firm(chosen, body), explicit=explicit, due_after_name=_named_then_due(text, group.owners, chosen) or _topic_name_due(text, group.owners, chosen)):
            if owners and not implicit and len(re.sub(r"\W", "", body)) <= 10:
                shares.append((len(drafts), body, owners))
            continue
        if not owners and sentence.speaker and _SPEAKER_DOES.search(body) and not _YOU.search(body):
            # a task on its own terms ("我拟个自查表，3个工作日内发群里", "那我按这个目标，下周三前拿一版
            # 初稿"): whatever the verb, the 我 in it is the speaker
            label = owner_rules.speaker_name(sentence.speaker) or sentence.speaker.strip()
            owners = [Owner(name=label, text=label)]
        confidence = 0.5 + (0.2 if deadline is not None and deadline.date is not None else 0) + (0.2 if owners and not implicit else 0.1 if owners else 0)
        title = clean_title(without(body, criteria), owners, deadline)
        if len(title) < 2 and owners and not implicit and (sentence.speaker and owner_rules.first_person(body) or has("task_verbs", re.sub(r"负责|牵头|配合|协助|主导|跟进|要求|交给?|给", "", unnamed))):
            # "我来吧，下周四前弄完", "冯一帆去催，尽快": a promise or a request whose work was named
            # before — the clause itself stands for it
            title = body.strip(TRIM)[:40]
        if len(title) < 2:
            continue
        drafts.extend(drafts_for(title, owners, deadline, criteria, sentence, confidence=min(confidence, 0.95)))
    return drafts + _shares_of_the_work(shares, drafts, sentence)


def _unit_is_the_topic(text: str, body: str, first: int, group: _Group) -> bool:
    """Only units named, all before the speaker's own 我来/我负责/我去 (not 我来配合, not 我去让…),
    none of them put in charge: the units say what the work is about."""
    return (
        bool(group.owners) and all(m.kind == "dept" for m in group.owners)
        and first >= group.owners[-1].end - group.start
        and re.match(r"我(?:这边)?(?:来|负责|去)(?!配合|协助|帮)", body[first:]) is not None
        and not re.search(r"[让叫请]", body[first:])
        and not any(owner_rules.named_in_charge(text, m.name) for m in group.owners)
    )


def _as_the_reporter(sentence: Sentence, at: int, reporter: str) -> Sentence:
    """The sentence from `at` on, read as the reporter's own words: the character at `at` (他, or
    the comma before the clause) becomes their 我 — one character for one, offsets hold."""
    return sentence.model_copy(update={"text": "我" + sentence.text[at + 1:], "start": sentence.start + at, "speaker": reporter})


def _topic_shaped_like_a_name(text: str, mention: Mention, known: frozenset[str]) -> bool:
    """A person mention no one vouches for (not a participant or speaker, no title, 小X or Latin
    name), glued to the noun after it and put in charge of nothing: "蓝山公众号", "华越医疗"."""
    if mention.kind != "person" or "|" in mention.name or mention.name in known or owner_rules.solid_name(mention.name) and not names.is_full_name(mention.name):
        return False
    after = text[mention.end:mention.end + 1]
    return bool(re.match(r"[\u4e00-\u9fffA-Za-z]", after)) and not _in_charge_after(text, mention) and not owner_rules.named_in_charge(text, mention.name)


# "东门街道负责沿线商户的告知工作，由分管副主任谭晓梅牵头": the unit's work, and who of it leads it
_LED_BY = re.compile(r"[，,]\s*(?:具体)?由[^，,。；;]{0,10}?$")


def _unit_led_by(text: str, owners: list[Mention]) -> dict[str, str]:
    """{person: unit} for a unit that opens the clause with its work and a person the next clause
    puts in charge of it ("由分管副主任谭晓梅牵头"): one task, the person's, in that unit."""
    led: dict[str, str] = {}
    for unit, person in zip(owners, owners[1:]):
        if unit.kind == "dept" and person.kind == "person" and _LED_BY.search(text[unit.end:person.start]) and _in_charge_after(text, person):
            led[person.name] = unit.name
    return led


def _is_the_work(body: str, found: tuple[str, int, int]) -> bool:
    """"差三个人，两周内必须招齐，不然培训跟不上": what follows 必须 is the work itself when nothing
    but a modal is left before it — the standard of the work is said apart from it."""
    return re.search(r"(?:必须|须|要|需要)\s*$", body[:found[1]]) is not None and not has("task_verbs", body[:found[1]])


def _shares_of_the_work(shares: list[tuple[int, str, list[Owner]]], drafts: list[TaskDraft], sentence: Sentence) -> list[TaskDraft]:
    """"按网格分片：小潘1-6栋，小童7-12栋，邹敏13-18栋，下周三前把台账报上来": a person named between two
    who were given the work, with only their share after the name, has the same work: the deadline
    and standard of the next one given it."""
    out = []
    given = {d.owner.name or d.owner.dept for d in drafts if d.owner is not None}
    for before, body, owners in shares:
        if 0 < before < len(drafts) and drafts[before].deadline is not None and not given & {o.name or o.dept for o in owners}:
            title = clean_title(body, owners, None)
            if len(title) >= 2:
                out.extend(drafts_for(title, owners, drafts[before].deadline, drafts[before].criteria, sentence, confidence=0.6))
    return out


# "→ 孙 周五前回邮件还价", "Action: @kaiwen-he 下周三之前定位 flaky 原因": notes hand out work with an
# arrow, an action label or a handle, whatever the verb
_ARROW = re.compile(rf"{ARROW}|^\W*(?:[Aa]ction(?: [Ii]tems?)?|AI|TODO|Todo|待办)\s*[:：]|@[A-Za-z\u4e00-\u9fff]")


# a commitment opens a clause: at the start, after punctuation, or after a connective or a "when"
# clause of its own ("然后，", "测试结束后，", "做完以后")
_CLAUSE_START = re.compile(r"(?:^|[，,；;。])\s*(?:(?:然后|那|另外|[^，,；;。]{0,8}(?:之后|以后|后|完了))\s*[，,]?\s*)?$")


# "我和阿杰周末面一下", "我跟小林一起去": the speaker, then the one named, then together or when
_WITH_ME = re.compile(r"我(?:和|跟|与|同)\s*$")
_TOGETHER_THEN = re.compile(r"\s*(?:一起|分头|分别|今天|明天|后天|今晚|周末|本周|这周|下周|周[一二三四五六日]|月底|会后|下午|上午)")


def _partner(text: str, mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The person the speaker does the work with: "我和阿杰周末…", "我跟小林一起…"."""
    return next((m for m in mentions if start <= m.start < end and m.kind == "person" and _WITH_ME.search(text, 0, m.start) and _TOGETHER_THEN.match(text, m.end)), None)


def _commitments(text: str, owners: list[Mention]) -> list[Mention]:
    """"我负责在下周三之前完成全部功能测试，……，测试结束后，我会在三个工作日内提交测试报告": one
    speaker, two commitments, two deadlines. Each first-person commitment that opens a clause
    after the first becomes a cut, like a newly named owner (kind "self": no name of its own; the
    speaker owns it). Only where no other person is named in the sentence ("测试这边，我负责…"
    names the speaker's team, not someone else)."""
    if any(m.kind == "person" for m in owners):
        return []
    marks = [
        m for m in cue("first_person").finditer(text)
        if _CLAUSE_START.search(text[:m.start()])
    ]
    if len(marks) < 2:
        return []
    return [Mention("", m.start(), m.end(), "self") for m in marks]


def _opens_item(text: str, mention: Mention) -> bool:
    """A person first in a list item, not reporting or helping ("王总提出…", "小李配合…")."""
    tail = text[mention.end:]
    return (
        mention.kind == "person"
        and not re.search(r"[^\W_]", text[:mention.start])
        and (not cue("report_verbs").match(tail) or _ASKS_AROUND.match(tail) is not None)
        and not cue("helper_after").match(tail)
    )


def _closes_item(text: str, mention: Mention) -> bool:
    """A person last in a list item, after a space: "活动配置 胡一鸣", "公众号推文 司马 写"."""
    return mention.kind == "person" and text[mention.start - 1:mention.start].isspace() and bool(re.fullmatch(r"[\W_]*(?:写|做|出|跟|负责|来|跟进)?[\W_]*", text[mention.end:]))


def _without_reports(body: str) -> str:
    """Drop the clauses that report work done or cancelled: "登录模块已经完成，支付接口还差最后的
    对接，我会在本周五前完成对接" keeps what is still to do."""
    # a report in brackets is an aside ("…交刘组长审核（王老师说英语的已经编好了）"), and so is the
    # sorting of what is done from what is not ("哪些已经办结 哪些没有")
    aside = ASIDE.sub("", cue("embedded_question").sub("", body))
    if not (is_done(aside) or is_cancelled(body)):
        return body
    clauses = re.findall(r"[^，,；;]+[，,；;]?", body)
    if len(clauses) == 1:
        # speech without commas: "整改检验科已经在做了 就是夜班加了一道电话二次确认 我这边下周一之前把
        # 整改报告交质控办", "…折页的事已经换完了 … 温丽 你 负责" — what follows the last report, when
        # someone takes it on there
        rest = _after_last_report(body)
        return rest if (owner_rules.first_person(rest) or ASKED.search(rest)) and has("task_verbs", rest) else ""
    reported = [is_done(ASIDE.sub("", c)) or is_cancelled(c) for c in clauses]
    rest = "".join(_asked_after(c) if was else c for c, was in zip(clauses, reported))
    # only where someone then commits to the rest ("我会…", "我来…") or the rest hands the work
    # that replaces it to someone ("…演练取消，改由各区政府…组织桌面推演"); otherwise the whole
    # group is a status report
    takes_over = owner_rules.first_person(rest) or re.match(r"\W*(?:改由|转由|改为由|交由|由)", rest) is not None or ASKED.search(rest) is not None
    return rest if any(reported) and takes_over and has("task_verbs", rest) else ""


def _asked_after(clause: str) -> str:
    """What follows the report in a clause when someone is asked there ("…合同也一起取消 @陆小鹿
    你跟对方沟通下，"), else nothing."""
    rest = _after_last_report(clause)
    return rest if ASKED.search(rest) else ""


def _after_last_report(text: str) -> str:
    """The text after the last word that reports work done or called off ("" when none)."""
    ends = [m.end() for name in ("done", "cancelled") for m in cue(name).finditer(text)]
    return text[max(ends):] if ends else ""


_LINK_TARGET = re.compile(r"\]\([^)]*\)|[（(][^）)]*[）)]")


_ROSTER_LABEL = re.compile(r"[^\s:：、，,]{1,6}[:：]")


def _is_roster(text: str, mentions: list[Mention]) -> bool:
    """Labels and names and nothing else: "其他相关人：@Harryoung、@Gmgge", "我方：邵文、Kevin、实施钟磊",
    "组长：黄志刚    整理：苏慧敏" list people, they hand out no work. Link targets and bracketed
    roles ("（汪昕、PMC Chair）") do not count; a short role before a name ("实施") does not either."""
    if re.search(ARROW, text):
        return False  # "PPT → 陈老师 + 蒋老师": an arrow hands the work over
    colon = re.search(r"[:：]", text[:30])
    start = colon.end() if colon else 0
    listed = [m for m in mentions if m.start >= start and m.kind == "person"]
    if len(listed) < 2:
        return False
    rest = _ROSTER_LABEL.sub(" ", _LINK_TARGET.sub("", _blank(text, listed)[start:]))
    words = [re.sub(r"[\W_]", "", piece) for piece in re.split(r"[、,，;；/]|\s{2,}", rest)]
    return sum(map(len, words)) <= 2 * len(listed) and all(len(w) <= 4 for w in words)


def _blank(text: str, mentions: list[Mention]) -> str:
    chars = list(text)
    for m in mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _deadlines_in(text: str, meeting_date: dt.date) -> list[DeadlineMatch]:
    """The phrases of `text` that can be a task's deadline. A date before the meeting is something
    that happened ("4月8号来料检验发现…"), a written date equal to the meeting's is the meeting's
    own ("筹备会 11/16 周一晚"), a date that opens an event is when it happens ("12月10日起开展")."""
    return [m for m in find_deadlines(text, meeting_date) if _is_deadline(m.deadline, meeting_date) and not marks_event(text, m)]


def _is_deadline(deadline: Deadline, meeting_date: dt.date) -> bool:
    if deadline.date is None:
        return True
    if deadline.kind.value == "absolute":
        return deadline.date > meeting_date
    return deadline.date >= meeting_date


def _group_deadline(text: str, group: _Group, groups: list[_Group], deadlines) -> DeadlineMatch | None:
    """The group's own deadline; else one said for the whole sentence ("均于周五前完成")."""
    own = [d for d in deadlines if group.start <= d.start < group.end]
    if own:
        return pick(own)
    if len(groups) == 1 or not deadlines:
        return None
    shared = [d for d in deadlines if has("shared_deadline", text[max(0, d.start - 6):d.start])]
    # "X负责施工，Y负责督导，确保1月15日前全部完工": a deadline in a clause of its own after the
    # last owner's clause closes the whole sentence
    last = groups[-1]
    after = max((m.end for m in last.owners), default=last.start)
    shared += [d for d in deadlines if d.start >= after and re.search(r"[，,；;]", text[after:d.start])]
    return pick(shared) if shared else None


_OBLIGATION = re.compile(r"要|需|必须|务必|请|负责|安排|落实")


def _is_firm(match: DeadlineMatch, body: str) -> bool:
    """A deadline that sets a date on its own: "12月5日", "3个工作日内", "周五前", or a day word
    with an obligation ("今天要发出"). "今天一天下来很不容易" mentions a day; it sets nothing."""
    kind = match.deadline.kind.value
    return sets_limit(match) or kind in ("absolute", "workdays") or bool(_OBLIGATION.search(body))


# the speaker as the one who acts, whatever the verb — not 我们, 我的, 我觉得, 给我, 跟我 (and not where
# a 你 does the work: "你今天下班之前拉出来发我 我要看看")
_SPEAKER_DOES = re.compile(r"(?<![给帮替发交让找跟对向和与])我(?!们|的|觉得|认为|记得|知道|听说|想|是|看|要看)")


def _implicit_owner(sentence: Sentence, body: str) -> tuple[list[Owner], bool]:
    """The owner the sentence does not name, and whether that is only a guess.

    "我来…" → the speaker; a per-person section ("【刘洋】") → that person; a note item under a
    name label ("韦工：周四前出方案") → that name: all as good as a name in the sentence. Under a
    任务 heading, a speaker's subjectless line is theirs, but that is a guess.
    """
    speaker = owner_rules.speaker_name(sentence.speaker)
    if sentence.speaker and owner_rules.first_person(body):
        # "说话人6：我这边月底之前做完": the label, even an id, tells the reviewer whose it is
        label = speaker or sentence.speaker.strip()
        return [Owner(name=label, text=label)], False
    if sentence.person:
        return [Owner(name=sentence.person, text=sentence.person)], False
    if speaker and _PLAN_OPENER.match(body):
        # "彭宇：本周，…。下周，年度框架报价做出来，12月20日前给邓经理审": the speaker's own plan
        return [Owner(name=speaker, text=speaker)], False
    if speaker and not re.match(r"\W*(?:[你我咱]|大家|各位|谁)", body):
        labelled = _labelled_action(body)
        if labelled or _is_note_item(body):
            return [Owner(name=speaker, text=speaker)], not (labelled or _starts_with_work(body))
        if sentence.section == "tasks":
            return [Owner(name=speaker, text=speaker)], True
    return [], True


# "我今天下午 call 一下", "我下午去问": the speaker as the subject of the work, not "发我", "给我"
# "我今天下午 call 一下", "设计稿我本周五前给": the speaker promises, by a day or not
_I_WILL = re.compile(r"(?<![发给交告诉帮让找跟])我(?!跟你|和你|陪你|帮你)(?=(?:(?:今天|明天|下午|上午|晚上|今晚|(?:这|本|下)?周[一二三四五六日末]?(?:前|之前)?|\d{1,2}号(?:前|之前)?|回头|马上|先|再|这边)\s*){0,2}(?:来|去|会|负责|跟|找|问|查|看|约|安排|把|给|发|出|交|弄|改|写|补|[A-Za-z]))")


def _hails(text: str, owners: list[Mention]) -> bool:
    """Does the sentence open by calling its only named person by handle ("@Yuki …")?"""
    if len(owners) != 1 or owners[0].kind != "person":
        return False
    opening = text[:owners[0].start + 1]  # the mention's span may or may not hold its "@"
    return re.fullmatch(r"\W*@", opening) is not None


_PLAN_OPENER = re.compile(r"\W*(?:下周|下个?月|下阶段|下一步|接下来)(?:计划|安排)?\s*[，,：:]")


def _starts_with_work(body: str) -> bool:
    """"整理需求池", "1. 回访重点客户": a note item that opens with its verb (not one that reports it
    done: "出来了，有四处空鼓") — or with its limit
    and then the verb ("下周一前把健康档案抽查一遍", "5个工作日内跟街道沟通", "3/13前把书目清单给…"),
    or with the thing to do, its limit and the verb ("测算表这周内出", "样机7/10前寄5台")."""
    return bool(re.match(r"^\s*(?:\d+[.、)]\s*)?(?:(?:" + _VERB_START + r")(?!了|过|来了|完了|好了)|" + _TOPIC_FIRST + _DUE_FIRST + r"\s*(?:把|找|跟|寄|" + _VERB_START + "))", body))


_TOPIC_FIRST = r"(?:[^\W\d_][^，,。；;：:\s]{0,9}?)?"


_DUE_FIRST = r"(?:今天|明天|后天|今晚|明早|(?:本|这|下)?周[一二三四五六日末]?|月底|\d{1,2}\s*[/.月]\s*\d{1,2}\s*[日号]?|[\d一二两三四五六七八九十]+\s*个?\s*(?:工作日|天|周|小时))\s*(?:内|前|之前|以内)?\s*(?:先|再)?"


_VERB_START = "整理|完成|提交|输出|准备|安排|对接|确认|落实|推进|修复|解决|上线|发送|更新|联系|组织|协调|评估|梳理|制定|编写|撰写|起草|设计|开发|测试|排查|调研|汇总|统计|核对|检查|培训|通知|发布|部署|申请|采购|回访|跟进|负责|出|写|做|改|补|交|给|发|约|催|盯|跟|查|拉|订|买|办|做好|搞定"

# after a report, a clause that opens with its limit and then the work ("…，明天落实人数报给刘姐")
_REPORTER_DUE = re.compile(r"[，,](?=\s*" + _DUE_FIRST + r"\s*(?:就)?\s*(?:把|找|跟|去|" + _VERB_START + "))")


def _labelled_action(body: str) -> bool:
    """"柯律师：股权转让 tax structuring memo 两周内出，重点看…", "老葛：下周三前联合城管再过一遍":
    under a name label, a line with no word of speech that gives a limit — the label's person's
    item, however long (speech says 我/你/吧: "王总：下周把方案交上来吧" is someone talking)."""
    return not (layout_rules()["speech"].search(body) or _SPOKEN.search(body)) and has("due_ahead", body) and len(body) <= 80


# what only talk says, or what hands work to many ("那就抓紧…", "这个 deviation…", "另外大家月底前…")
_SPOKEN = re.compile(r"那就|这个|那个|然后|呃|大家|各位|所有人|各(?=[\u4e00-\u9fff])")


def _is_note_item(body: str) -> bool:
    """Short, verb-first, no subject: how a note taker writes an item, not how people speak."""
    return len(body) <= 40 and not re.search(r"[吧呢吗啊嘛呀]", body)


def _every_unit_asked(body: str) -> str | None:
    """"各部门3个工作日内反馈…", "各单位9月28日前把名单报办公室": every unit of the meeting, asked at
    once by a date or with a 把 of work (rules/departments.yaml every_unit_asked)."""
    match = _every_unit_pattern().match(body)
    return match.group(1) if match else None


@functools.lru_cache(maxsize=1)
def _every_unit_pattern() -> re.Pattern[str]:
    words = "|".join(ruledata.load("departments.yaml")["every_unit_asked"])
    return re.compile(rf"\W*(各(?:{words}))(?=\s*(?:{_DUE_FIRST}|于|在)?\s*(?:把|[\d一二两三四五六七八九十今明后本这下周月]))")


def _topic_name_due(text: str, owners: list[Mention], chosen: DeadlineMatch | None) -> bool:
    """"客服话术+FAQ 茹琳 本周五前", "降温曲线方案 彭工 下月底前": a note item of the thing to do, who,
    and by when, nothing after — the work is the topic before the name."""
    if chosen is None or chosen.deadline.date is None or re.search(r"[^\W_]", text[chosen.end:]):
        return False
    return any(m.kind != "self" and re.search(r"[^\W_]", text[:m.start]) and re.fullmatch(r"\s+", text[m.end:chosen.start]) for m in owners)


def _named_then_due(text: str, owners: list[Mention], chosen: DeadlineMatch | None) -> bool:
    """Is the owner named, then at once the deadline, then what to do ("季敏3个工作日内定下来", "@liuxc
    本周五打 `rc.1` tag"), or
    called with 你 and the deadline said at once ("孙姐，砖的颜色您明天给个准话")?"""
    if chosen is None or chosen.deadline.date is None or not re.match(r"\s*(?:(?:把|将)\s*[A-Za-z\d]|(?:把|将)?(?!在|是|有|也|不|没|的)(?:[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]\s*[`'\"A-Za-z]))", text[chosen.end:]):
        return False
    # "…，尺寸你这周四之前再去复一遍", "砖的颜色您明天给个准话": called, a topic, 你, then the date
    # "杜婷，今天就在7栋贴个情况说明": called with a comma at the start, then the day
    return any(m.end <= chosen.start and (re.fullmatch(r"\s*(?:在|于)?\s*", gap := text[m.end:chosen.start]) or owner_rules.ADDRESSED_DUE.fullmatch(gap) or m.start == 0 and re.fullmatch(r"\s*[，,]\s*", gap)) for m in owners if m.kind != "self")


# a clause spoken to someone: "那你…", "好，你…" — not 你们, 你觉得, 你看, 你说
_SPOKEN_TO = re.compile(r"\W*(?:那就?|好|行|嗯)?\W*你(?!们|觉得|看|说|知道|想)")


def _is_task(sentence: Sentence, body: str, owners: list[Owner], deadline: Deadline | None, *, implicit: bool, firm: bool, explicit: bool = False, named: bool = True, due_after_name: bool = False) -> bool:
    """Does this clause group hand out work? Under a 任务/待办 heading little is needed; in
    prose a task needs a work verb and someone to do it or a dated deadline; under 决议 or
    discussion headings it needs an owner the clause names (not the person whose part it is:
    "Blockers：license 周四就到期" under Momo's heading), a verb and a deadline."""
    verb = has("task_verbs", body)
    if (not owners or implicit and not re.search(r"(?<![给帮替跟和])我", body)) and (has("schedule", body) or has("strong_decision", body)):
        return False  # "上线时间定在12月15日", "会议决定，…正式上线", a speaker's "…就这么定了": decisions
    if sentence.section == "tasks":
        if not owners and deadline is None and has("open_question", body):
            return False  # "…责任归属尚不清楚，待运检部核实产权后再定责任单位": still open, no one's yet
        return verb or bool(owners) or deadline is not None
    if sentence.section in ("decisions", "info"):
        # "许工下周把WMS库容预警接到企业微信群": a person, a date and a 把 of work hand it out anywhere
        return named and not implicit and (deadline is not None and (verb or deadline.date is not None and due_after_name) or has("goes_to_ask", body))
    if owners and not implicit and has("goes_to_ask", body) and not owner_rules.first_person(body):
        return True  # "上半年够不够→ 待确认，老周去问总编办": the question stays open, the asking is hers
    if owners and verb:
        return not implicit or deadline is not None or owner_rules.first_person(body)
    if explicit and deadline is not None:
        return True  # "蔡姐 → 精品供应商对账 本周": the arrow assigns, whatever the verb
    if owners and deadline is not None and deadline.date is not None and (firm and owner_rules.first_person(body) or not implicit and has("first_person", body)):
        return True  # "好，我今天下班前就发。", "价格下周一我来定": a dated promise needs no listed work verb
    if not owners and not sentence.speaker and deadline is not None and deadline.date is not None and firm and owner_rules.first_person(body):
        return True  # the same promise in notes with no speaker label: "志愿者意外险我来买，下周三前买好" (the recorder's: pipeline)
    if owners and not implicit and has("second_person", body):
        return True  # "小蒋你来排一下值班表": handed to the person addressed, whatever the verb
    if owners and not implicit and deadline is not None and deadline.date is not None and body[:1].isspace() and "把" in body:
        return True  # "子轩你周五之前把崩溃率压下来", "Kevin 本周五前把 search term 全部加否": a dated 把 of work
    if owners and not implicit and due_after_name:
        return True  # "季敏3个工作日内定下来", "Amy 12月15日前完工": a person, the date, then what to do
    if deadline is not None and deadline.date is not None and firm and re.match(r"\W*你(?!们|觉得|看|说)[^，,。；;]{0,10}?把", body):
        return True  # "你今天下班前把库存整体盘一遍": the one spoken to, a day, and the work (owner: see _answer_previous_speaker)
    if (not owners or implicit) and sentence.speaker and verb and _SPOKEN_TO.match(body) and not re.search(r"[?？吗]|什么时候|能不能|能否", cue("embedded_question").sub("", body)) and (deadline is not None and deadline.date is not None or has("second_person", body)):
        return True  # "那你明天就去采购", "你再和刘老师确认一下阈值": work handed to the one spoken to (owner: see _answer_previous_speaker)
    return verb and deadline is not None and deadline.date is not None and firm


