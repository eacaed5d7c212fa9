"""Split a meeting record into the units extractors read, keeping offsets and context.

A meeting record is not prose. It has headings that change what a line means ("决议事项" vs.
"本周完成"), speaker labels ("李明：我来跟进"), chat lines ("14:02 王磊: @李娜 …"), per-person
sections ("【刘洋】"), tables pasted from Word or Excel, field blocks ("负责人：…\n截止时间：…")
and speech-recognition text without a single punctuation mark. This module reads that layout
line by line and yields `Sentence`s that carry their speaker, person and section, so extractors
can decide with the same context a human reader has. All words it looks for are in
rules/layout.yaml and rules/asr.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import ruledata
from ..models import Sentence
from . import names, tables
from .segment import in_dictionary, tag
from .labels import field_of, is_topic, layout_rules, names_section, period_sections, section_of

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DATE = r"(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?"  # "2026-03-05", "06-11", "11/03"
# "14:02 ", "[10:15] ", "2026-03-05 14:02:11 ", "(00:03:12) ", "[9:41 AM] " at the start of a line.
LEADING_STAMP = re.compile(rf"^(?:[\[【(（]?(?:{_DATE}\s*)?{_TIME}(?:\s*[AaPp]\.?[Mm]\.?)?[\]】)）]?\s*)")
# "王磊 2026/3/5 14:02:11", "说话人1 00:03:12", "Amy (10:15)": a header line, the message follows.
# Slack and Teams: "Jason  9:32 AM", "何宇 (Dev)  9:41 AM" — a role in brackets, a 12-hour clock;
# "Grace（贝禾-产品）09:58": the name ends where the role does, not in the hour's first digit.
HEADER_LINE = re.compile(
    rf"^(?:(?P<who>[^\s:：]{{1,16}}?(?: [A-Z][a-z]+)?)(?:\s*[(（][^()（）\d]{{1,12}}[)）])?\s*[\[【(（]?\s*(?:{_DATE}\s*)?{_TIME}(?:\s*[AaPp]\.?[Mm]\.?)?\s*[\]】)）]?"
    # "00:07:48 冯晓雨", "[00:03:12] 说话人2": meeting apps that put the time first
    rf"|[\[【(（]?(?:{_DATE}\s*)?{_TIME}[\]】)）]?\s+(?P<after>[^\s:：\d][^\s:：]{{0,15}}))\s*$"
)
# "石磊 00:01:58 嗯 那春节排班就按这个方案定了", "王磊 14:02 @李娜 …": transcript and chat exports
# that put who speaks, the time and what they say on one line
INLINE_HEADER = re.compile(rf"^(?P<who>[^\s:：\d\[【(（][^\s:：]{{0,15}}?)\s+[\[【(（]?(?:{_DATE}\s*)?{_TIME}[\]】)）]?\s+(?=\S)")
LABEL = re.compile(r"^(?P<label>[^:：\n]{1,24}?)\s*[:：]\s*(?P<rest>.*)$")
# List and heading markers: "#", "-", "*", "•", "▍", "- [ ]", "1.", "1、", "(1)", "①", "一、", "（一）". A
# ticked box ("- [x] 修 flaky test") stays in the text: it says the work is done.
MARKER = re.compile(
    r"^(?:#{1,6}\s*|>\s*|(?:[-•·▪◦●○■□◆◇▍▌▎▏┃❖★☆▶►▸]|[*+](?=\s))\s*(?:\[ \]\s*)?|\[ \]\s*|"
    r"(?:\d{1,2}|[a-zA-Z])[.、)）](?!\d)\s*|[(（]\d{1,2}[)）]\s*|[①-⑳]\s*|"
    r"[一二三四五六七八九十]{1,3}[、.．]\s*|[(（][一二三四五六七八九十]{1,3}[)）]\s*|第[一二三四五六七八九十\d]+[项条部分章节][、:：.\s]*)+"
)
# A list entry's marker: a bullet, a checkbox, "1." "1、" "(1)" "①" — not a heading's "#".
ITEM_MARKER = re.compile(r"^\s*(?:[-•·▪◦●○■□◆◇▶►▸➤➢★☆◎]|[*+](?=\s)|\[[ xX]\]|(?:\d{1,2}|[a-zA-Z])[.、)）](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])")
HEADING_MARKER = re.compile(r"^(?:#{1,6}\s|[一二三四五六七八九十]{1,3}[、.．]|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|第[一二三四五六七八九十\d]+[部分章节])")
BRACKETED = re.compile(r"^(?:\*\*|【|\[)(?P<inner>[^\]】*]{1,24})(?:\*\*|】|\])\s*[:：]?\s*(?P<rest>.*)$")
SENTENCE_END = set("。！？!?；;")
# a unit, then who answers for it in brackets, with or without their role: "普外科（护士长：龚晓燕）",
# "七年级组（汤丽萍）", "儿科（护士长 卢丹）"
UNIT_WITH_PERSON = re.compile(r"^(?P<unit>[^\s(（:：]{2,16}?)\s*[(（]\s*(?:[^)）:：\s]{1,8}(?:\s*[:：]\s*|\s+))?(?P<who>[^)）:：\s]{2,8})\s*[)）]\s*[:：]?$")
PERSON_WITH_ROLE = re.compile(r"^(?P<who>[^\s(（:：]{2,12})\s*[(（][^)）]{1,16}[)）]\s*[:：]?$")
INLINE_ENUM = re.compile(r"(?<=[\s，,。；;])(?=(?:\d{1,2}[.、)）](?!\d)|[①-⑳]|[(（]\d{1,2}[)）])\s*\S)")


def person_in_label(label: str, known: frozenset[str] = frozenset()) -> str | None:
    """The person a label or list entry names, without the role in front of them:
    "大堂 小官" → 小官, "运营主管乔慧" → 乔慧, "合规司徒静" → 司徒静, "Mr. 贺" → 贺."""
    label = label.strip(" *")
    bare = re.sub(r"\s*[(（][^)）]{1,16}[)）]$", "", label)  # "戴老师（岷县小学）": who, and where from
    if bare and bare != label:
        inside = label[len(bare):].strip(" （）()")
        if names.is_department(bare, loose=True) and _is_speaker(inside, known):
            return inside  # "七年级组（汤丽萍）": the unit, and who speaks for it
        who = person_in_label(bare, known)
        if who is None and (names.is_full_name(inside) or inside in known):
            return inside  # "计划（蔡佳）": the role, and who holds it
        return who
    parts = [p for p in re.split(r"\s*[|｜/·•]\s*|(?<=[\u4e00-\u9fffA-Za-z])\s*[-—–]\s*(?=[\u4e00-\u9fffA-Za-z])", label) if p]
    if len(parts) > 1:  # "滕子昂｜医疗器械组", "法律组 / 聂婉清", "园长-何丽萍", "卢经理-XX酒店": the name is one of the parts
        # a name as it stands before a role ("班主任-周慧敏": 周慧敏), and before one read out of a
        # role ("乙方后端-Kevin": Kevin, not 方后端)
        named = next((p for p in parts if p in known or names.is_full_name(p) or names.is_english_name(p)), None)
        plain = named or next((p for p in parts if _is_speaker(p, known) or names.is_parent_name(p)), None)
        return plain or next((who for who in (person_in_label(p, known) for p in parts) if who), None)
    if _is_speaker(label, known) or names.is_parent_name(label):
        return label
    role = re.match(r"[A-Za-z]{2,6}(?=[\u4e00-\u9fff])", label)  # "QA老俞", "HR小柴"
    if role and _is_speaker(label[role.end():], known):
        return label[role.end():]
    english = re.fullmatch(r"[\u4e00-\u9fff]{1,6}\s*([A-Z][a-z]+)", label)  # "设计师Kelly"
    if english and names.is_english_name(english.group(1), loose=True):
        return english.group(1)
    last = re.split(r"[\s.]+", label)[-1]
    if last != label and _is_speaker(last, known):
        return last
    # "蒋文博 合伙人", "沈可欣 律师": the name, then the role
    first, _, role = label.partition(" ")
    if role and names.is_full_name(first) and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", role.strip()) and not names.find_mentions(role.strip()):
        return first
    titled = re.fullmatch(r"([\u4e00-\u9fff]{2,3}?)(老师|同志|先生|女士|主任|经理|医生|律师|教授|工程师)", label)
    if titled and names.is_full_name(titled.group(1)):
        return titled.group(1)  # "周建国老师": the full name before the title, not "国老师"
    # "护理部范秀云主任", "医务部吴立新主任": the unit, the name, then the title
    untitled = names.without_title(label)
    if untitled != label and len(untitled) >= 4 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", untitled):
        who = person_in_label(untitled, known)
        unit = untitled[: -len(who)] if who and untitled.endswith(who) else None
        if who and names.is_full_name(who) and unit and names.is_department(unit, loose=True):
            return who  # not "维修组侯师傅" → 修组侯: there the title goes with the surname (侯师傅)
    # "运营主管乔慧" ends with the person; "本周选题", "下月计划" name a period, not 周选题
    if re.fullmatch(r"[\u4e00-\u9fff]{4,10}", label) and not re.match(r"[本上下这每][周月季年期次]", label):
        for size in (3, 2):
            tail = label[-size:]
            if size == 3 and names.ends_with_title(label[:-2]):
                continue  # "应急办主任龚伟": 龚伟 after the title, not 任龚伟
            if size == 3 and names.in_dictionary(label[-4:-2]) and not names.is_title_form(tail):
                continue  # "监管报送" is a work area, not 管报送: the name would cut the word 监管
            if names.is_person(tail, loose=True) and not names.is_department(tail) and tail not in layout_rules()["fields"]:
                return tail
    return None


def unknown_person(word: str) -> str | None:
    """A word in a person's place that no name list vouches for: "嘉禾", "Momo" — taken when it is
    shaped like a name (2–3 Chinese characters, or one Latin word) and is no unit or label."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}|[A-Za-z][a-z]{1,14}", word):
        return None
    if names.is_department(word, loose=True) or names.never_a_person(word) or field_of(word) or section_of(word) or word in layout_rules()["meeting"]:
        return None
    return word


def _chair_speaks(label: str, rest: str) -> bool:
    """"主持人：那这样，护理部这边，曹护士长你们牵头…": in a transcript the chair's label opens a
    turn of speech, not the header field that names the host ("主持人：王总")."""
    return bool(layout_rules()["speaker_ids"].fullmatch(label)) and len(rest.strip()) > 12 and bool(layout_rules()["speech"].search(rest) or re.search(r"[，,。？?！!]", rest))


def _is_speaker(label: str, known: frozenset[str]) -> bool:
    if label in known:
        return True
    if len(label) == 1 and label in names.single_surnames():
        return True  # "骆：第二批6月12号交" — notes abbreviate people to a surname
    if layout_rules()["speaker_ids"].fullmatch(label):
        return True
    if label in layout_rules()["meeting"] or field_of(label) or section_of(label):
        return False
    return names.is_person(label, loose=True) or names.is_given_name(label) or names.is_called_name(label) or names.is_latin_nickname(label)


@dataclass
class _State:
    section: str | None = None
    person: str | None = None
    speaker: str | None = None
    record: Sentence | None = None  # an open field block that following field lines extend
    # an item heading ("（一）冬季消防安全专项检查") whose body lines are being read: a field block
    # after them ("负责人：龚立新") is that item's record, from the heading on
    item: Sentence | None = None
    item_lines: int = 0
    text: str = ""
    known: frozenset[str] = frozenset()  # names the document vouches for
    out: list[Sentence] = field(default_factory=list)
    periods: dict[str, str] = field(default_factory=dict)  # "本周" → done when "下周：" follows
    listed: bool = False  # the line being read is a list entry ("- …", "2. …")
    numbered: bool = False  # … or a numbered item of formal minutes ("（三）…", "二、…")
    plan_parts: bool = False  # a dashed heading over a plan's labels opened a person's part

    def section_of(self, label: str) -> str | None:
        return self.periods.get(label.strip()) or section_of(label)


def split_sentences(text: str, known: frozenset[str] = frozenset()) -> list[Sentence]:
    """Split normalised `text` into `Sentence`s with offsets, speaker, person and section."""
    state = _State(text=text, known=known)
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.group().strip()]
    state.periods = period_sections(_labels_used(lines))
    i = 0
    while i < len(lines):
        if tables.starts_table(lines, i):
            i = tables.read_table(lines, i, state)
            continue
        start, line = lines[i]
        next_line = lines[i + 1][1] if i + 1 < len(lines) else ""
        before = len(state.out)
        _read_line(start, line, state, known, next_line=next_line)
        # the document's title line, and a short caption right above a table ("问题跟踪表")
        caption = i + 1 < len(lines) and len(line.strip()) <= 16 and not SENTENCE_END & set(line.strip()) and tables.starts_table(lines, i + 1)
        if i == 0 and _is_title(line) or caption:
            state.out[before:] = [s.model_copy(update={"heading": True}) for s in state.out[before:]]
        i += 1
    signed = _sign_off(lines)
    if signed is not None:
        state.out = [s.model_copy(update={"heading": True}) if s.start >= signed else s for s in state.out]
    return state.out


_DATE_LINE = re.compile(r"\W*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\W*")


def _sign_off(lines: list[tuple[int, str]]) -> int | None:
    """Where the sign-off of formal minutes starts ("华衡监理 项目监理部 / 2026年6月16日"): a last
    line that is a date alone, and the short unpunctuated unit name above it. Neither is a
    decision of the section they close, nor a task."""
    if len(lines) < 3 or not _DATE_LINE.fullmatch(lines[-1][1]):
        return None
    start, above = lines[-2]
    above = above.strip()
    if len(above) <= 20 and not re.search(r"[，,。；;：:！!？?]", above) and not MARKER.match(above):
        return start
    return lines[-1][0]


def _labels_used(lines: list[tuple[int, str]]) -> set[str]:
    """Short lines and the labels that open lines ("本周：完成安全培训"): the period labels a
    document uses are among them."""
    labels = set()
    for _, line in lines:
        stripped = _strip(0, line)[1]
        if len(line.strip()) <= 16:
            labels.add(stripped.rstrip(":：").strip())
        label = LABEL.match(stripped)
        if label and len(label.group("label")) <= 8:
            labels.add(label.group("label").strip("* "))
    return labels


_TITLE_WORDS = re.compile(r"会|纪要|记录|周报|月报|复盘|笔记|速记|[Mm]eeting|[Ss]ync|[Mm]inutes|[Nn]otes|[Ss]tandup|[Rr]etro")


def _is_title(line: str) -> bool:
    """The document's first line names the meeting ("鲜达冷链 TMS实施项目 周例会 3/18（周三）",
    "【语音转写】机坪保障部周例会 2026-10-20"): a title, not a task, however many dates it has.
    Not a chat line or a speaker's first words."""
    line = line.strip()
    return (
        len(line) <= 50
        and bool(_TITLE_WORDS.search(line))
        and not SENTENCE_END & set(line)
        and not LEADING_STAMP.match(line)
        and not re.search(r"[，,]", re.sub(r"[（(][^）)]*[）)]", "", line))  # "转写稿（自动生成，未校对）"
        and not (LABEL.match(line) and not re.search(r"纪要|会议|[Mm]inutes|[Mm]eeting", LABEL.match(line).group("label")))
    )


def _strip(start: int, line: str) -> tuple[int, str]:
    """Drop surrounding whitespace and list markers, moving `start` with them."""
    stripped = line.lstrip()
    start += len(line) - len(stripped)
    marker = MARKER.match(stripped)
    if marker and marker.end() < len(stripped):
        start += marker.end()
        stripped = stripped[marker.end():]
    return start, stripped.rstrip()


_NUMBERED = re.compile(r"^\s*\d{1,2}[.、)]\s*\S")
_BULLET = re.compile(r"^\s*(?:[-•·+▪◦●○]|\*(?!\*)|\[[ xX]\])\s*")  # "**需要支持**" is bold, not a bullet


def _read_line(start: int, line: str, state: _State, known: frozenset[str], next_line: str = "") -> None:
    raw_line = line
    state.listed = bool(ITEM_MARKER.match(line))
    state.numbered = state.listed or bool(HEADING_MARKER.match(line.lstrip()))
    is_heading = bool(HEADING_MARKER.match(line.lstrip()))
    # "2. Sprint 7 scope" over a list of "- …" items is a heading too.
    is_heading = is_heading or bool(_NUMBERED.match(line) and _BULLET.match(next_line))
    start, line = _strip(start, line)
    # "一、立即启动围堵，……" is a numbered item, not a heading: headings are short and unpunctuated.
    is_markdown_heading = bool(re.match(r"\s*#{1,6}\s", raw_line))
    # …a bracketed note after the heading may have its own commas: "二、活动流程（Run of Show，5月28日当天）"
    core = re.sub(r"[（(][^）)]*[）)]\s*$", "", line)
    is_heading = is_markdown_heading or is_heading and len(core) <= 24 and not re.search(r"[，,。；;！？!?]", core)
    if not line:
        return
    item, state.item = state.item, None  # only a body line (at the end) keeps the item open
    stamp = LEADING_STAMP.match(line)
    header = HEADER_LINE.match(line)
    who = header and person_in_label(header.group("who") or header.group("after"), known)
    if who:
        # a chat message header: what a heading said before is over (chat has no sections)
        state.speaker, state.person, state.record, state.section = who, None, None, None
        return
    inline = INLINE_HEADER.match(line)
    if inline and person_in_label(inline.group("who"), known):
        # read the time as the label's colon, the rest as what is said (one character for one,
        # offsets hold)
        line = inline.group("who") + "：" + " " * (inline.end() - inline.end("who") - 1) + line[inline.end():]
    if stamp and stamp.end() < len(line):
        start, line = start + stamp.end(), line[stamp.end():]
    if _NAME_LINE.fullmatch(line) and (line in known or names.is_full_name(line) or names.is_english_name(line) or names.is_title_form(line) or names.is_called_name(line) and line[0] != line[1]) and next_line.strip() and not _NAME_LINE.fullmatch(next_line.strip()):
        # "■ 梁振宇" over "客户：…", "■ Kevin" over "本周：": a name alone on its line heads that
        # person's part (not a roll call of one name per line; not "行行", a spoken yes)
        state.person, state.section, state.record = line, None, None
        return
    unit = UNIT_WITH_PERSON.match(line)
    if unit and len(line) <= 30 and names.is_department(unit.group("unit"), loose=True) and _is_speaker(unit.group("who"), known):
        # "一、心血管内科（护士长：蒋欣）", "七年级组（汤丽萍）": a unit's part, and who answers for it
        state.person, state.section, state.record = unit.group("who"), None, None
        return
    speaker = None
    bracketed = BRACKETED.match(line)
    if bracketed:
        inner = bracketed.group("inner").strip()
        kind = section_of(inner)
        who = person_in_label(re.sub(r"[\"“”'‘’「」]", " ", inner), known) if not kind else None
        # "【客户档期】（备忘）": a remark in brackets after a heading is the heading's own note
        remark = re.fullmatch(r"[(（][^)）]{1,20}[)）]", bracketed.group("rest").strip())
        # "【待办】" alone on its line opens the task list, though 待办 also names a title field
        if (field_of(inner) is None or kind and not bracketed.group("rest").strip()) and (kind or who or not bracketed.group("rest") or remark):
            rest_at = start + bracketed.start("rest")
            if kind and not who:
                state.section = kind
            elif who:
                # "【油漆组 组长 "老铁" 铁国梁】": a per-person section, the person last
                state.person, state.section = who, None
            elif line.startswith("**") and state.person and PERSON_WITH_ROLE.match(inner):
                # "**阿凯（原画）**" … "**嘉禾（场景）**": the next part of the same shape is the next
                # person's, even when the name is one jieba does not know as a name
                state.person, state.section = unknown_person(PERSON_WITH_ROLE.match(inner).group("who")), None
            elif line.startswith("**"):
                state.section = None  # "### 李娜" then "**重点动作**：": a sub-label inside her part
            else:
                state.section, state.person = None, None
            state.record = None
            if bracketed.group("rest") and not remark:
                _read_line(rest_at, bracketed.group("rest"), state, known, next_line=next_line)
            return
    if who := _part_heading(line, next_line, known, plan=state.plan_parts):
        state.person, state.section, state.record, state.plan_parts = who, None, None, True
        return
    role = PERSON_WITH_ROLE.match(line)
    if role and _is_speaker(role.group("who"), known):
        # "丁一帆（店铺运营）", "Sherry (内容)": a per-person section opens.
        state.person, state.section, state.record = role.group("who"), None, None
        return
    if (spoken := _NUMBERED_VOICE.match(line)) and spoken.end() < len(line):
        # "说话人3 华远那边我去跟他们对一下": a numbered voice and a space, as some recorders write
        # them, is a label: read the space as its colon (one character for one, offsets hold)
        line = line[:spoken.end(1)] + "：" + line[spoken.end(1) + 1:]
    label_match = LABEL.match(line) or _bracketed_field(line)
    if is_markdown_heading and label_match:
        # "## 议题 1：v3.2 release 进度" opens a new part: what the part before was (上次 Action
        # Items 回顾 → done) ends here, whatever this heading's own words are
        state.section, state.person, state.record = section_of(line), None, None
    # "TODO（owner / ddl）": a section label and a note on how its items are written
    labelled = not state.listed and core.strip() != line and any(core.strip() in words for words in layout_rules()["sections"].values())
    if label_match:
        label = re.sub(r"^[*\s]+|[*\s]+$", "", label_match.group("label"))
        rest, rest_at = label_match.group("rest"), start + label_match.start("rest")
        if label in layout_rules()["meeting"] and not _chair_speaks(label, rest):
            return
        if not rest.strip() and label in layout_rules()["problem_labels"]:
            state.section, state.record = "info", None  # "风险：" over a list: what stands in the way
            return
        field_name = field_of(label)
        if field_name and field_name != "title" and state.record is None and item is not None:
            state.record = item  # the item's body is read: its fields follow
        if field_name and field_name != "title" and state.record is not None:
            _extend(state, start + len(line))
            return
        if field_name:
            sentence = _emit(state, start, line, section_override=None, speaker=None)
            state.record = sentence
            return
        # "AI-2 @ming-w：…" names its owner in the label: an item, not a section
        kind = state.section_of(label) if len(label) <= 14 and "@" not in label else None
        if kind and not _is_speaker(label, known):
            if not rest:
                state.section, state.record = kind, None
                return
            # "TODO 韩：BOM v3 周五前给我", "AI 老周：…": the name after the marker is whose item it is
            marked = _MARKED_OWNER.fullmatch(label) if kind == "tasks" else None
            _emit_sentences(state, rest_at, rest, section_override=kind, speaker=marked.group("who") if marked else None)
            return
        who = person_in_label(label, known) if len(label) <= 12 else None
        sender = _SENDER.fullmatch(label) if who is None and (stamp or state.section == "tasks" and _INITIALS.fullmatch(label)) else None
        if sender and not field_of(sender.group("who")) and not section_of(sender.group("who")):
            # "[21:09] jfeng: …", "[20:06] 老K: 我来收队", "[20:02] 山猫(领队): …": after a time stamp,
            # the label is the message's sender, whatever name or handle they go by
            who = sender.group("who")
        if who is None and rest and len(rest) >= 6 and names.is_role(label) and not names.find_mentions(rest[:4], known=known):
            who = label  # "队长：防滑链我来找采购 后天给大家个准信": a speaker known by the role alone
        if who:
            state.record = None
            if not rest:
                state.person, state.speaker = who, None
                return
            speaker = who
            state.person = None  # "王芳：1. …" after "【刘洋】…": a new person speaks
            start, line = rest_at, rest
            reply = _REPLY_TO.match(line)
            if reply and reply.end() < len(line):
                start, line = start + reply.end(), line[reply.end():]  # "sean: 回复 yutong：我来写": sean's words
    elif is_heading or ((len(line) <= 16 or labelled) and not SENTENCE_END & set(line[-1:]) and state.section_of(line) and names_section(line)):
        kind = None if is_topic(line) else state.section_of(line)
        if kind or is_heading:
            state.section, state.record = kind, None
            if is_heading:
                # "### 3. Governance" is a topic, not a person: an English word heads a per-person
                # part only when it is a given name or the meeting lists it
                english = names.is_english_name(line, loose=True) and not names.is_english_name(line) and line not in known
                # "2. 班费" over its items is a topic: a dictionary word heads a person's part only
                # when it is a name the lists know (李娜) or the meeting names it
                common = line not in known and in_dictionary(line) and not names.is_person(line) and not (tag(line) or "").startswith("nr")
                state.person = line if _is_speaker(line, known) and not english and not common else None
            if not kind and not state.person:
                # "（一）8D报告" followed by "负责人：…" lines: the heading names the task.
                state.record = _emit(state, start, line, section_override=None, speaker=None)
                state.out[-1] = state.record = state.record.model_copy(update={"heading": True})
            return
    if state.record is not None and _is_continuation(line):
        _extend(state, start + len(line))
        return
    if state.record is not None and state.record.heading:
        item, state.item_lines = state.record, 0
    state.item_lines += 1
    if item is not None and state.item_lines <= _ITEM_BODY_LINES and not speaker:
        state.item = item
    state.record = None
    if state.listed and not speaker and _assigning_field(next_line.strip()):
        # "2. 叉车充电区电缆破损。" over "整改责任人：…" / "整改期限：…" lines: the item is the
        # record's first line, the field block that follows it says who does it by when
        state.record = _emit(state, start, line, section_override=None, speaker=None, item=True)
        return
    _emit_sentences(state, start, line, section_override=None, speaker=speaker)


# how many body lines may stand between an item heading and the field block that assigns it
_ITEM_BODY_LINES = 3


_NAME_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?")


# an action-item marker and whose item it is: "TODO 韩", "AI 老周", "待办 Lisa"
_MARKED_OWNER = re.compile(r"(?:TODO|Todo|todo|AI|待办|Action|action)\s+@?(?P<who>[\u4e00-\u9fff]{1,4}|[A-Za-z][\w\-.]{0,20})")
# initials as a name in a to-do list: "WJ：iOS工时评估 明天"
_INITIALS = re.compile(r"[A-Z]{2,3}")
# a chat reply quoting whom it answers: "回复 yutong：", "回复@李娜:"
_REPLY_TO = re.compile(r"回复\s*@?[^\s:：，,]{1,20}\s*[:：]\s*")
_SENDER = re.compile(r"(?P<who>[A-Za-z][A-Za-z0-9_\-.]{1,30}|[\u4e00-\u9fffA-Za-z0-9]{1,8})\s*(?:[（(][^）)]{1,10}[）)])?")

# "一、客服部 —— 庞丽娟", "■ Kevin（张凯）— CPU 子系统集成", "■ 个贷｜宋涛", "▶ 程序组 · 邹凯": the heading of a
# person's part, with their unit or area of work on the other side of the dash or bar
_DASHED_PART = re.compile(r"(?P<a>[^—–:：，,。；;|·•]{1,20}?)\s*(?:——|—|–|\s-{1,2}\s|\||[·•])\s*(?P<b>[^—–:：，,。；;|·•]{1,24})")
# "一、策划（韩子墨）", "美术（宋沛然 / 阿June）": the area, then who in brackets
_ROLE_THEN_BRACKETED = re.compile(r"(?P<a>[^（(:：，,。；;|\d]{1,10})\s*[（(](?P<b>[^）)/、，,]{2,12})(?:\s*[/、，,][^）)]*)?[）)]")
# "## 记者 黎晓彤", "## 编辑 Vivian（钟薇）": a role and the person, a space between
_ROLE_AND_NAME = re.compile(r"[^\s:：，,。；;|\d]{1,8}\s+[^\s:：，,。；;|\d]{1,12}")
# …but "小林 — FAQ 本周内", "薛行长 - 月底前 整改报告交分行" are list items with a due day
_DUE_WORD = re.compile(r"(?:[天日号月年末\d]|周[一二三四五六日天末]?|工作日)\s*(?:之?前|以?内|底)|[今明后]天|[本这下]周|尽快|ASAP|EOD|同上|done|完成|好了|\d\s*[月/.号日]")


def _part_heading(line: str, next_line: str, known: frozenset[str], *, plan: bool = False) -> str | None:
    """The person whose part a dashed heading ("客服部 —— 庞丽娟") or a role-and-name heading
    ("记者 黎晓彤") opens: one side is a person, the other is not, and the labels of a plan
    ("本周进展：", "下月计划：") follow, or a list after such parts (`plan`)."""
    # the cheap tests first: this runs for every line. "DV status — Grace" over a list is a status
    # report by topic, not a plan — unless the parts before it were plans ("■ 韩东｜组长" over a
    # list, after "■ Leo｜动作" over 本周计划：)
    following = next_line.strip()
    if not following or _DUE_WORD.search(line):
        return None
    label = LABEL.match(_strip(0, following)[1])
    bold = BRACKETED.match(following)  # "**上周完成**", "【本周计划】"
    # (after such parts, a list or any short label: "■ 金融保险 谢婷" over "9月数据：贷款渗透率54%")
    if not (label and len(label.group("label")) <= 8 and (not label.group("rest").strip() or section_of(label.group("label")) or plan) or bold and not bold.group("rest") and section_of(bold.group("inner")) or plan and ITEM_MARKER.match(following)):
        return None
    dashed = _DASHED_PART.fullmatch(line)
    if not dashed and (bracketed := _ROLE_THEN_BRACKETED.fullmatch(line)) and person_in_label(bracketed.group("a"), known) is None:
        dashed = bracketed  # (not "编辑 Vivian（钟薇）": a name first, its alias in brackets)
    if not (dashed or _ROLE_AND_NAME.fullmatch(line)):
        return None
    if not dashed:
        role, name = line.split(None, 1)
        who = person_in_label(name, known)
        return who if who and person_in_label(role, known) is None and len(re.sub(r"[（(][^)）]*[)）]", "", name).replace(who, "").strip()) == 0 else None
    sides = [side.strip(" *") for side in (dashed.group("a"), dashed.group("b"))]
    people = [person_in_label(side, known) if len(side) <= 14 else None for side in sides]
    if all(people):
        # "唐悦｜原画": of two name-shaped sides, a word of the dictionary is the role
        people = [None if names.in_dictionary(side) else who for side, who in zip(sides, people)]
    if sum(p is not None for p in people) != 1:
        return None
    who = next(p for p in people if p)
    side = sides[people.index(who)]
    first = side.split()[0]
    if first != who and person_in_label(first, known) == first:
        who = first  # "何静怡 Ivy": the name written first
    # the whole side is the person, maybe with an alias or a title ("护理部副主任 苗慧"): not "配合 Grace 导出"
    rest = re.sub(r"[（(][^)）]*[)）]", "", side).replace(who, "").strip()
    return who if len(rest) <= 4 or names.ends_with_title(rest) else None


# a speaker's number at the start of a line, then a space: "说话人3 …", "发言人2 …", "Speaker 1 …"
_NUMBERED_VOICE = re.compile(r"((?:说话人|发言人|[Ss]peaker|[Ss]pk)\s?\d{1,2})\s(?=\S)")


_BRACKETED_FIELD = re.compile(r"^[【\[](?P<label>[^】\]]{1,10})[】\]]\s*(?P<rest>.*)$")


def _bracketed_field(line: str) -> re.Match[str] | None:
    """"【责任人】QA经理 宁嘉树" is "责任人：QA经理 宁嘉树" written with brackets."""
    match = _BRACKETED_FIELD.match(line)
    return match if match and field_of(match.group("label")) else None


def _is_continuation(line: str) -> bool:
    label = LABEL.match(line) or _bracketed_field(line)
    return bool(label) and field_of(label.group("label")) not in (None, "title")


def _assigning_field(line: str) -> bool:
    """"整改责任人：…", "完成时限：…": a field line that hands out work (not "备注：", "风险：")."""
    label = LABEL.match(line) or _bracketed_field(line)
    return bool(label) and field_of(label.group("label")) in ("owner", "deadline")


def item_fields(text: str) -> str:
    """The part of a sentence that speaks for itself. An item record runs from its heading over
    the body lines to its field block ("（四）供暖季管道防冻 / 对地下室…加装保温层 / 负责人：工程部 /
    完成时限：5个工作日内"), so that the task points at the whole item; the body lines are also
    sentences of their own, so what the record says (a task, not a question) is in its fields."""
    lines = text.split("\n")
    for i, line in enumerate(lines[1:], 1):
        if _is_continuation(line.strip()):
            return "\n".join(lines[i:])
    return text


def _extend(state: _State, end: int) -> None:
    """Grow the open field block to include a "负责人：…" / "截止时间：…" line that follows it."""
    record = state.record
    extended = record.model_copy(update={"end": end, "text": state.text[record.start:end], "heading": False})
    # the record is one of the last sentences: found by identity from the end, not by comparing
    # every sentence field by field (list.index on pydantic models cost 4 % of a run)
    at = next(i for i in range(len(state.out) - 1, -1, -1) if state.out[i] is record)
    state.out[at] = extended
    state.record = extended


def _emit(state: _State, start: int, text: str, *, section_override: str | None, speaker: str | None, item: bool = False) -> Sentence:
    # model_construct: the splitter builds thousands of these from values it computed itself
    sentence = Sentence.model_construct(
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker or state.speaker,
        person=state.person,
        section=section_override or state.section,
        heading=False,
        row=False,
        item=item,
        cells={},
        audio_start=None,
        audio_end=None,
        day=None,
    )
    state.out.append(sentence)
    return sentence


def _emit_sentences(state: _State, start: int, line: str, *, section_override: str | None, speaker: str | None) -> None:
    if _field_count(line) >= 2:
        state.record = _emit(state, start, line, section_override=section_override, speaker=speaker)
        return
    pieces = split_line(line)
    for i, (piece_start, piece) in enumerate(pieces):
        item = bool(ITEM_MARKER.match(piece)) or (i == 0 and state.listed)
        piece_start, piece = _strip(start + piece_start, piece)
        said = _SAID.match(piece)
        who = _speaking(said.group("label"), state.known) if said else None
        if who:
            # "…根因已经定位到。Marcus：我今天 EOD 前 push fix": someone's own words inside a line
            piece_start, piece = piece_start + said.end(), piece[said.end():]
        if piece and not re.fullmatch(r"[\W_]+", piece):
            emitted = _emit(state, piece_start, piece, section_override=section_override, speaker=who or speaker, item=item)
            if i == 0 and len(pieces) > 1 and state.numbered and len(piece) <= _TOPIC_CHARS and piece.endswith("。") and not re.search(r"已|了|不|没", piece):
                # "（三）重点人员排查。派出所万涛同志牵头，…": the item's topic, then the item (a noun
                # phrase: "硬装已经完成。" reports)
                state.out[-1] = emitted.model_copy(update={"heading": True})


# a label, then words its owner says of themselves: "Marcus：我今天…", "@lin-qiao：我本周五前…"
_SAID = re.compile(r"(?P<label>@?[^\s:：，,。；;]{1,16}?)\s*[:：]\s*(?=我(?!们))")


def _speaking(label: str, known: frozenset[str]) -> str | None:
    """Who a label that goes on in the first person names: a person, a handle, or a word shaped
    like a name ("一鸣：我这边明天…") — whoever says 我 after it is someone."""
    handle = names.HANDLE.fullmatch(label)
    if handle:
        return handle.group(1)
    if field_of(label) or section_of(label) or label in layout_rules()["meeting"]:
        return None
    return person_in_label(label, known) or unknown_person(label)


# how long the topic that opens a numbered item may be ("重点人员排查。")
_TOPIC_CHARS = 10


def _field_count(line: str) -> int:
    return sum(1 for m in re.finditer(r"([^\s:：，,；;。（(]{1,8})\s*[:：]", line) if field_of(m.group(1)))


_FIELD_NOTE = re.compile(r"[（(【\[]\s*([^（()）【】\[\]:：]{1,8})\s*[:：][^（()）【】\[\]]*[)）】\]]\s*[。.；;✔✓☑]?")
# "…，要求甲级病历率≥90%。（贺医生）": the owner noted after the sentence
_NAME_NOTE = re.compile(r"[（(]\s*([^（()）:：，,、\s]{2,8})\s*[)）]\s*[。.；;]?")


def split_line(line: str) -> list[tuple[int, str]]:
    """Split one line into sentences at 。！？； (not inside brackets) and inline enumerations;
    split unpunctuated speech at pauses and discourse words."""
    pieces: list[tuple[int, str]] = []
    depth, begin = 0, 0
    for i, ch in enumerate(line):
        if ch in "(（【[":
            depth += 1
        elif ch in ")）】]":
            depth = max(0, depth - 1)
        elif ch in SENTENCE_END and depth == 0:
            pieces.append((begin, line[begin:i + 1]))
            begin = i + 1
    if begin < len(line):
        pieces.append((begin, line[begin:]))
    # "剩余340件周六前下线。（责任人：孙强）": a bracketed field group closes the sentence before it
    merged: list[tuple[int, str]] = []
    for piece_start, piece in pieces:
        note = _FIELD_NOTE.fullmatch(piece.strip())
        named = _NAME_NOTE.fullmatch(piece.strip())
        # …or the person, the unit, or "the same as above" noted after it: "（石磊）", "（项目部）", "（同上）"
        tag = named.group(1) if named else ""
        if merged and (note and field_of(note.group(1)) or tag and (names.is_person(tag, loose=True) or names.is_department(tag) or tag in layout_rules()["ditto"])):
            merged[-1] = (merged[-1][0], line[merged[-1][0]:piece_start + len(piece)])
        else:
            merged.append((piece_start, piece))
    pieces = merged
    out: list[tuple[int, str]] = []
    for piece_start, piece in pieces:
        cuts = [m.start() for m in INLINE_ENUM.finditer(piece)]
        bounds = [0, *cuts, len(piece)]
        for a, b in zip(bounds, bounds[1:]):
            if piece[a:b].strip():
                out.extend((piece_start + a + s, p) for s, p in _split_speech(piece[a:b]))
    return out


@functools.lru_cache(maxsize=1)
def _asr() -> tuple[int, int, re.Pattern[str]]:
    data = ruledata.load("asr.yaml")
    topic = "".join(f"(?<!{re.escape(word)})" for word in data["not_after"])
    anywhere = [w for w in data["break_before"] if w not in data["after_pause_only"]]
    answers = ruledata.alternation(data["after_pause_only"])
    paused = rf"(?<![\u4e00-\u9fff])(?:{answers})|(?:{answers})(?={ruledata.alternation(data['answer_goes_on'])})"
    return data["max_chars"], data["min_piece"], re.compile(topic + f"(?:{ruledata.alternation(anywhere)}|{paused})")


def _split_speech(piece: str) -> list[tuple[int, str]]:
    """Break a run without sentence punctuation (speech recognition output) into clauses.

    ASR engines mark pauses with spaces ("…文档给一下 然后李娜…"); some write a space between
    every word instead ("场地 你们 先 跟 科教科 沟通"), where spaces say nothing about sentences.
    Pauses split; long stretches are then split before discourse words (rules/asr.yaml).
    """
    max_chars, min_piece, breaks = _asr()
    if len(piece) <= 24 or piece.rstrip()[-1:] in SENTENCE_END:
        return [(0, piece)]
    if re.search(r"[，,、]", piece) and len(piece) <= 3 * max_chars:
        return [(0, piece)]
    if re.search(r"[→>:：@/|()（）]|—", piece):
        return [(0, piece)]  # "物料 → 小邹 周三前报数": a typed note; its spaces separate fields
    # Only a space between two Chinese characters is a pause: "PRD 下周二 freeze" is how mixed
    # Chinese-English is typed, not speech.
    gaps = list(re.finditer(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", piece))
    words = len(gaps) + 1
    cuts: set[int] = set()
    if gaps and (len(piece) - sum(len(g.group()) for g in gaps)) / words >= 6:
        cuts = _pack_pauses(piece, [g.end() for g in gaps], max_chars, breaks)
    elif len(piece) > 3 * max_chars:
        cuts = {m.end() for m in re.finditer(r"[，,]|\s{2,}", piece)}
    out: list[tuple[int, str]] = []
    for a, b in _pairs(sorted(cuts), len(piece)):
        chunk = piece[a:b]
        if len(chunk) <= max_chars:
            out.append((a, chunk))
            continue
        inner = [m.start() for m in breaks.finditer(chunk)]
        kept, last = [], 0
        for cut in inner:
            if cut - last >= min_piece and len(chunk) - cut >= min_piece:
                kept.append(cut)
                last = cut
        out.extend((a + x, chunk[x:y]) for x, y in _pairs(kept, len(chunk)))
    return out


def _pack_pauses(piece: str, pauses: list[int], max_chars: int, breaks: re.Pattern[str]) -> set[int]:
    """Which pauses end a sentence. A pause is as often a breath inside a sentence as between two
    ("晓燕 晓燕你把数据再整理一下 下礼拜一之前给我"), so stretches between pauses are packed into one
    sentence up to 1.5 × `max_chars` (fillers and a repeated name take room); a stretch that opens
    with a discourse word ("然后", "还有") starts a new one."""
    cuts, start = set(), 0
    for pause, following in zip(pauses, [*pauses[1:], len(piece)]):
        if following - start > max_chars * 3 // 2 or breaks.match(piece, pause) or _calls_someone(piece, pause):
            cuts.add(pause)
            start = pause
    return cuts


_CALLED_AT = re.compile(rf"([\u4e00-\u9fff]{{2,3}}?){names.YOU_CALLED}")


def _calls_someone(piece: str, pause: int) -> bool:
    """Does a sentence start at `pause` by calling someone ("…孙姐说要加两个插座 黄师傅你后天之前
    一块弄完吧")? What went before is about other people."""
    called = _CALLED_AT.match(piece, pause)
    return bool(called) and names.is_person(called.group(1))


def _pairs(cuts: list[int], length: int) -> list[tuple[int, int]]:
    bounds = [0, *[c for c in cuts if 0 < c < length], length]
    return list(zip(bounds, bounds[1:]))
