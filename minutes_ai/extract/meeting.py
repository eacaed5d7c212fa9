"""The meeting header (会议信息): title, date, host, recorder, participants.

Formal minutes label these ("主持人：张总", "参会人员：王磊、李娜、周琳"); notes and chats often
give only a title line with a date ("客诉周会 8/27", "2027.4.13 项目例会"). Names found here are
passed to the other extractors as names the document vouches for.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .. import ruledata
from ..models import Meeting
from .deadlines import find_deadlines

_SPLIT = re.compile(r"[、,，;；/\s]+")
_HEADER_LINES = 12
_TAIL_LINES = 6


def _head(text: str, *, tail: int = 0) -> str:
    """The lines where a header field may be: the first two dozen, and the last `tail`."""
    lines = text.splitlines()
    return "\n".join(lines[:_HEADER_LINES * 2] + (lines[max(_HEADER_LINES * 2, len(lines) - tail):] if tail else []))


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, list[str]]:
    return ruledata.load("layout.yaml")["meeting_fields"]


def _field(text: str, key: str) -> str | None:
    """The value of a header field, at a line's start or after another field on the same line
    ("汇总日期：2026-12-11　汇总人：杜明远"); it ends where the next field begins."""
    labels = ruledata.alternation(_labels()[key])
    match = re.search(rf"(?:^|(?<=[ \t]))[#*\-•>【\[]*(?:{labels})[\s*】\]]*[:：]\s*(.+)$", text, re.M)
    return re.split(r"\s+[^\s:：]{1,8}[:：]", match.group(1))[0].strip(" *") if match else None


def participants(text: str) -> list[str]:
    """People in the 参会人员 line: "质量部经理 卢建军、SQE 庞雪、大堂经理小官" → 卢建军, 庞雪, 小官."""
    labels = ruledata.alternation(_labels()["participants"])
    head = _head(text, tail=_TAIL_LINES)  # formal minutes list 出席/列席 at the end, after the 议定事项
    # at the start of a line, or after another field on it: not the 人 of "主 持 人：". Every such
    # line counts: "到场：…" and "缺席：…" both name people of the team.
    people = []
    for match in re.finditer(rf"(?:^|[ \t]{{2,}}|[；;|])[ \t]*(?:{labels})\s*[:：]\s*(.+)$", head, re.M):
        people += _people_in(match.group(1))
    return list(dict.fromkeys(people))


# "区政府办、区住建局、…、国网青溪供电公司等单位负责同志参加会议": the units the meeting names
_UNIT_LIST = re.compile(r"((?:[^\s、，,。；;：:]{2,16}、)+[^\s、，,。；;：:]{2,16})等(?:单位|部门|相关单位|相关部门)")


_UNIT_LABEL = re.compile(r"^[\s#*\-•]*(?:出席|参会|参加|列席|与会)单位\s*[:：]\s*(.+)$", re.M)


def units(text: str) -> list[str]:
    """The units listed in the header of formal minutes, as the document spells them."""
    from ..text import names

    head = _head(text)
    found = [u for match in _UNIT_LIST.finditer(head) for u in match.group(1).split("、")]
    # "出席单位：县教育局办公室、基教股、安全股" lists them under a label
    found += [u.strip() for match in _UNIT_LABEL.finditer(head) for u in re.split(r"[、，,；;]", match.group(1))]
    return [u for u in dict.fromkeys(found) if names.is_department(u, loose=True)]


_ABSENT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:请假|休假|缺席|出差|线上|远程|迟到|早退|列席)\S*$")


_AWAY = re.compile(r"没来|没到|未到|缺席|请假|休假|迟到|出差")


def _people_in(value: str) -> list[str]:
    """"庞丽(前厅) 阚志刚(客房)", "质量部经理 卢建军、SQE 庞雪": names separated by 、，/ or spaces,
    each perhaps with a role before it or a department in brackets after it."""
    from ..text import names
    from ..text.sentences import person_in_label, unknown_person

    value = re.sub(r"[（(][^)）]*[)）]", " ", value)
    parts = [p for chunk in re.split(r"[、,，;；/]+", value) for p in (chunk.split() if re.search(r"[\u4e00-\u9fff]", chunk) else [chunk])]
    parts = [_ABSENT.sub("", part.strip("@*：: ")) for part in parts]  # "老温请假线上听": 老温
    parts = [part for part in parts if not _AWAY.fullmatch(part)]  # "阿雯休假 没来": 阿雯
    found = [part if _is_handle(part) else person_in_label(part) for part in parts]
    units = sum(1 for part in parts if names.is_department(part, loose=True))
    if any(found) and units * 2 < len(parts):
        # a list of people vouches for the nicknames no name list knows ("大刘", "糖糖"); a list of
        # units ("工程部、客服部、物业", "安监部、运检部、营销部，城关、桥头、白沙…") does not make 物业 or
        # 城关 a person
        found = [who or unknown_person(part) for who, part in zip(found, parts)]
    elif units * 2 >= len(parts):
        # in a list of units, a unit ("安监部") or a place ("白沙") only reads like a name
        found = [who for who in found if who and not names.is_department(who, loose=True) and (len(who) >= 3 or names.is_title_form(who))]
    return [who for who in found if who and 2 <= len(who) <= 16]


def _is_handle(part: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9_\-.]{1,30}", part)) and not re.fullmatch(r"[A-Z]{2,5}", part)


def meeting_date(text: str, today: dt.date) -> tuple[dt.date, str]:
    """The meeting date written in the header, else today."""
    value = _field(text, "date")
    head = "\n".join(text.splitlines()[:_HEADER_LINES])
    for candidate in ([value] if value else []) + [head]:
        for match in find_deadlines(candidate, today):
            if match.deadline.kind.value == "absolute" and match.deadline.date:
                date = match.deadline.date
                has_year = re.search(r"(?:19|20)\d\d", match.deadline.text)
                if not has_year and (date - today).days > 60:  # "8/27" written in November is last August
                    date = date.replace(year=date.year - 1)
                return date, "text"
    return today, "today"


def read_meeting(text: str, date: dt.date, date_source: str, departments: list[str], people: list[str]) -> Meeting:
    """The meeting's header facts; `people` are its participants (meeting.participants), read once by the caller."""
    title = _field(text, "title")
    header = text.splitlines()[:_HEADER_LINES]
    # formal minutes: "青溪区人民政府 / 专 题 会 议 纪 要 / 〔2026〕第37号 / 关于…的协调会议纪要"
    subject = next((line.strip() for line in header if re.match(r"\s*关于.{2,60}(?:会议|纪要)\s*$", line)), None)
    title = title or subject
    if not title:
        for line in header:
            line = line.strip(" #*【】[]")
            if line and re.search(r"会|纪要|周报|复盘|评审|例会|Meeting|meeting|sync|Sync", line):
                # a transcript's first line is speech: its title is the clause that names the meeting
                title = line if len(line) <= 40 else next((c for c in re.split(r"[，,。；;]", line) if re.search(r"会|纪要|例会", c)), line)[:40]
                break
    return Meeting(
        title=title,
        date=date,
        date_source=date_source,
        host=_person(_field(text, "host")) or _hosted_by(text),
        recorder=recorder(text),
        participants=people,
        departments=departments,
    )


def _hosted_by(text: str) -> str | None:
    """"本次会议由 @jzhang533 主持", "会议由分行副行长蒋丽华主持"."""
    from ..text.sentences import person_in_label

    head = _head(text)
    match = re.search(r"由\s*@?([^\s，,。；;由]{2,20}?)\s*主持", head)
    if not match:
        # "副区长黄建国在区政府三号会议室主持召开专题会议"
        match = re.search(r"(?:^|[，,。；;\s])([^\s，,。；;]{2,12}?)(?:在[^，,。；;\s]{1,20}?)?主持召开", head, re.M)
    if not match:
        return None
    value = match.group(1)
    return value if re.fullmatch(r"[A-Za-z][\w\-]{1,38}", value) else person_in_label(value)


@functools.lru_cache(maxsize=8)
def team_members(text: str) -> dict[str, str]:
    """Who is introduced as a team's member at the start of the meeting — "参会的还有研发部的王磊和
    测试部的李娜" → {研发部: 王磊, 测试部: 李娜} — where exactly one person of that team is."""
    from ..text import names

    head = text[:_INTRO_CHARS]
    found = names.find_mentions(head)
    seen: dict[str, set[str]] = {}
    for dept, person in zip(found, found[1:]):
        # "数据组的何静": jieba leaves the team word 数据 apart from its 组
        gap = re.fullmatch(r"(组|小组|团队)?的", head[dept.end:person.start])
        if dept.kind == "dept" and person.kind == "person" and gap:
            seen.setdefault(dept.name + (gap.group(1) or ""), set()).add(person.name)
    return {dept: next(iter(people)) for dept, people in seen.items() if len(people) == 1}


_INTRO_CHARS = 600  # where a meeting introduces who is there


def host_and_recorder(text: str) -> list[str]:
    """The people in the 主持/记录 fields (and a unit named there that reads like one): they take tasks too
    ("于蕾今天下班前把议定事项录入跟踪表"). The label vouches for them, so a name with a rare surname
    (于蕾) counts."""
    found = []
    for value in (_field(text, "host"), _field(text, "recorder")):
        # "记录：安环部 蒋雯": the person, and a unit that reads like a name is the document's too
        found += [_person(value), *_people(value)]
    return [p for p in dict.fromkeys(found) if p and re.fullmatch(r"[\u4e00-\u9fff]{2,4}|[A-Za-z][\w .\-]{1,30}", p)]


def recorder(text: str) -> str | None:
    """Who wrote the notes down ("记录：雅婷", "记：雅婷")."""
    return _person(_field(text, "recorder"))


def _person(value: str | None) -> str | None:
    """The person in a 主持人/记录人 value; "区政府办 秦蕾" names the unit first."""
    from ..text import names

    parts, people = _parts(value), _people(value)
    # "安环部 蒋雯": 安环部 reads like a name too; the unit is not the person
    return next((p for p in people if not names.is_department(p)), people[0] if people else parts[0] if parts else None)


def _parts(value: str | None) -> list[str]:
    return [p for p in _SPLIT.split(re.sub(r"[（(][^)）]*[)）]", "", value or "").strip()) if p]


def _people(value: str | None) -> list[str]:
    """The parts of a 主持人/记录人 value that read like a person's name."""
    from ..text.sentences import person_in_label

    return [p for p in _parts(value) if person_in_label(p) == p]
