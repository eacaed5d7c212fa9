"""Recognise people and departments: the owners of tasks.

Meeting records name people in many ways: full names (王磊, 欧阳娜娜), nicknames (小王, 老李),
surname + title (张总, 陈老师), English names (Kevin), @handles (@lina), departments (设计部).
jieba tags some names `nr`, but misses rare ones (岑晓峰) — it then leaves them out of its
dictionary, which is itself a signal: an out-of-dictionary word of 2–3 characters that starts
with a surname is taken as a name. Every list used here is in rules/names.yaml and
rules/departments.yaml.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .. import ruledata
from .segment import Token, in_dictionary, tag, tokenize

_CJK = r"\u4e00-\u9fff"
ENGLISH_NAME = re.compile(r"[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15})?")
HANDLE = re.compile(r"@([A-Za-z0-9_\-.]{2,39}|[" + _CJK + r"A-Za-z]{1,8}?)(?=[\s,，:：;；、。)）]|$|[^" + _CJK + r"A-Za-z0-9_\-.]|-[" + _CJK + r"])")


GLUE = frozenset("由和与请让给向跟被叫派找")  # what jieba glues to the name after it: 由马丽, 请谭振宇
_EVERYONE = frozenset({"所有人", "全体", "全体成员", "大家", "all", "All", "everyone", "here", "channel"})
_NICKNAME_EN = re.compile(r"[阿小老][A-Z][a-z]{1,12}")


class Mention(NamedTuple):
    """A person or department found in the text, with its offsets."""

    name: str
    start: int
    end: int
    kind: str  # "person" or "dept"


@functools.lru_cache(maxsize=1)
def _names() -> dict:
    data = ruledata.load("names.yaml")
    return {
        "surnames": frozenset(data["surnames"]),
        "compound": frozenset(data["compound_surnames"]),
        "titles": sorted(data["titles"], key=len, reverse=True),
        "prefixes": frozenset(data["nickname_prefixes"]),
        "not_names": frozenset(data["not_names"]),
        "collectives": frozenset(data["collectives"]),
        "nickname_not": frozenset(data["nickname_not"]),
        "not_english": frozenset(data["not_english_names"]),
        "given": frozenset(data["given_name_chars"]),
        "honorifics": frozenset(data["honorifics"]),
        "nickname_titles": frozenset(data["nickname_titles"]),
        "enumeration_followers": tuple(data["enumeration_followers"]),
        "measure_words": frozenset(data["measure_words"]),
        "never_ends": tuple(data["never_ends"]),
        "kin_terms": frozenset(data["kin_terms"]),
        "kin_orders": frozenset(data["kin_orders"]),
        "kin": re.compile(
            rf"(?<![{_CJK}])([{''.join(data['kin_orders'])}][{''.join(data['kin_terms'])}])"
            rf"(?={_DUE_AHEAD_WORDS}|去|负责|牵头|把|带人|[（(])"
        ),
        # "翠花婶，你去问个价", "德叔你…": a name and a kin term, called with 你
        "kin_called": re.compile(rf"(?:^|(?<=[，,。；;：:\s!！?？]))([{_CJK}]{{1,2}}[{''.join(data['kin_terms'])}])(?=[，,\s]*{YOU_CALLED})"),
    }


@functools.lru_cache(maxsize=1)
def _latin_full_name() -> re.Pattern[str]:
    """A given name, one space and a family name of rules/names.yaml latin_surnames, an @ before it
    or not: groups (@, given name, family name)."""
    surnames = "|".join(sorted(set(ruledata.load("names.yaml")["latin_surnames"]), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(@?)([A-Z][a-z]{{1,15}}) ({surnames})(?![A-Za-z])")


@functools.lru_cache(maxsize=1)
def _dept_patterns() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = ruledata.load("departments.yaml")
    return _unit_pattern(6), frozenset(data["known"]), frozenset(data["not_departments"])


@functools.lru_cache(maxsize=2)
def _unit_pattern(max_before: int) -> re.Pattern[str]:
    """Up to `max_before` characters, then a unit suffix (部, 科, 局, 分公司…): 6 in running text,
    14 for a unit the document lists itself ("市燃气集团青溪分公司")."""
    suffixes = ruledata.alternation(ruledata.load("departments.yaml")["suffixes"])
    # not a suffix that begins a title: "由部长江晓帆负责", "龙海燕副局长带队" (部长, 局长, 队长)
    return re.compile(rf"[{_CJK}A-Za-z]{{1,{max_before}}}?(?:{suffixes})(?!长)")


@functools.lru_cache(maxsize=1)
def _title_form() -> re.Pattern[str]:
    """Surname + title ("张总", "欧阳经理"), longest title first; one-character titles other than
    总/工 must not run on into another character ("王哥们" is not 王哥)."""
    names = _names()
    surnames = ruledata.alternation(list(names["compound"]) + list(names["surnames"]))
    long_titles = ruledata.alternation([t for t in names["titles"] if len(t) > 1 or t in ("总", "工")])
    short_titles = ruledata.alternation([t for t in names["titles"] if len(t) == 1 and t not in ("总", "工")])
    return re.compile(rf"(?:{surnames})(?:副(?={long_titles}))?(?:{long_titles}|(?:{short_titles})(?![{_CJK}]))")


@functools.lru_cache(maxsize=1)
def _glued_title() -> re.Pattern[str]:
    return re.compile(rf"(?:(?<=由)|(?<=请)|(?<=让)|(?<=交给))(?:{_title_form().pattern})")


@functools.lru_cache(maxsize=1)
def _unit_then_name() -> re.Pattern[str]:
    """"产业发展科马骏牵头", "交警中队葛伟同志负责": a full name glued to the unit before it (jieba
    reads 科马/骏), then a title or what a person in charge does."""
    data = ruledata.load("names.yaml")
    titles = ruledata.alternation([t for t in data["titles"] if len(t) > 1] + ["同志"])
    return re.compile(rf"(?<=[科处室部组队办局所站心])([{_CJK}]{{2,3}}?)(?=(?:{titles})|牵头|负责|主抓|带队|来|于|在|把|今天|明天|本周|这周|下周|月底|\d)")


@functools.lru_cache(maxsize=256)
def _known_pattern(known: frozenset[str]) -> re.Pattern[str] | None:
    return re.compile(ruledata.alternation(list(known))) if known else None


@functools.lru_cache(maxsize=1)
def _groups_pattern() -> re.Pattern[str]:
    data = ruledata.load("departments.yaml")
    return re.compile(f"{data['groups']}|{data['companies']}")


def single_surnames() -> frozenset[str]:
    return _names()["surnames"]


def full_name_for(name: str, known: frozenset[str]) -> str:
    """The participant a title form or nickname stands for: 邵经理 / 小邵 / 老邵 / 骆 → 邵建军 when
    exactly one known full name has that surname (a surname alone, 阎 → 阎姐, also the one title
    form); otherwise the name as written."""
    if not known or name in known:
        return name
    if len(name) == 2 and name[1] in _names()["nickname_titles"] | _names()["kin_terms"] and name[0] not in _names()["kin_orders"]:
        # "蕾姐" → 司马蕾, "斌哥" → 赵文斌: the last character of the given name, then 姐/哥/叔
        ending = [k for k in known if k.endswith(name[0]) and len(k) >= 2 and is_full_name(k, loose=True) and not is_title_form(k)]
        if len(ending) == 1:
            return ending[0]
    surname = None
    if is_title_form(name):
        surname = name[1] if len(name) == 2 and name[0] in _names()["prefixes"] else surname_of(name)
    elif len(name) == 1 and name in _names()["surnames"]:
        surname = name
    if not surname:
        return name
    matches = [k for k in known if surname_of(k) == surname and is_full_name(k, loose=True) and not is_title_form(k)]
    if not matches and name == surname:
        # "阎：今天回访三户" among 阎姐, 蒋工…: the surname alone is the one listed by a title form
        matches = [k for k in known if surname_of(k) == surname and is_title_form(k)]
    return matches[0] if len(matches) == 1 else name


@functools.lru_cache(maxsize=1)
def _title_after() -> re.Pattern[str]:
    # "曹建平主任", "莫春燕同志": a title or an honorific (one-character titles make a name: 邓工, 王总)
    words = [t for t in _names()["titles"] if len(t) > 1] + list(_names()["honorifics"])
    return re.compile(rf"\s*(?:{ruledata.alternation(words)})")


def ends_with_title(text: str) -> bool:
    """Does `text` end with a title of two characters or more ("应急办主任", "水利站站长")?"""
    return without_title(text) != text


def without_title(text: str) -> str:
    """`text` without the title of two characters or more it ends with: "护理部范秀云主任" → "护理部范秀云"."""
    found = _title_at_end().search(text)
    return text[: found.start()] if found else text


@functools.lru_cache(maxsize=1)
def _title_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{ruledata.alternation([t for t in _names()['titles'] if len(t) > 1])})$")


def skip_title(text: str, at: int) -> int:
    """Past a title written after a name: "曹建平|主任反映", "Kevin|经理说" → the position after it."""
    match = _title_after().match(text, at)
    return match.end() if match else at


@functools.lru_cache(maxsize=1)
def _each_of() -> re.Pattern[str]:
    """"各乡镇", "各班主任", "各街道办事处": a group that each carries the work, at a clause start."""
    groups = ruledata.alternation(ruledata.load("departments.yaml")["each_of"])
    return re.compile(rf"(?:^|(?<=[，,。；;：:\s、（(由]))各[{_CJK}]{{0,4}}?(?:{groups})")


@functools.lru_cache(maxsize=1)
def _clause_department_pattern() -> re.Pattern[str]:
    data = ruledata.load("departments.yaml")
    suffixes = ruledata.alternation(sorted(data["clause_suffixes"], key=len, reverse=True))
    then = ruledata.alternation(data["clause_then"])
    openers = ruledata.alternation(data["clause_openers"])
    return re.compile(rf"(?:^|(?<=[，,、；;：:\s（(由和与及请让给]))(?:(?:{openers})\s*)*(?P<dept>(?![由和与及请让给])(?:[区市县省镇乡][{_CJK}]{{2,5}}?|[{_CJK}]{{2,4}}?)(?:{suffixes}))(?!长)(?:(?P<then>{then})|(?=[{_CJK}A-Za-z（(]))")


@functools.lru_cache(maxsize=1)
def _owner_verb() -> re.Pattern[str]:
    """What a person named after a department may do next: "合规部朱晓彤负责…", "厂务部甘卫东核查…"."""
    data = ruledata.load("departments.yaml")
    # …or a number that starts the deadline ("计财股覃振华10个工作日内完成")
    return re.compile(rf"\s*(?:{ruledata.alternation(data['clause_then'])}|{ruledata.alternation(data['clause_person_then'])}|\d)")


# "配合市局做好…": the unit is whom the work helps, the verb is no part of its name
_HELPS_FIRST = re.compile(r"配合|协助|协同|支持|联系|对接|督促|通知|陪同")


def _clause_departments(text: str) -> list[tuple[str, int, int, str | None]]:
    """Departments that open a clause, found in the text itself: jieba splits "合规/部牵头" and glues
    "合规/部朱晓彤" into one token, so the token pass misses them. A full name right after the
    department is its person ("合规部朱晓彤负责…")."""
    out = []
    for match in _clause_department_pattern().finditer(text):
        dept = match.group("dept")
        if dept[0] in GLUE or dept[0] in _FUNCTION_CHARS or not is_department(dept) or is_person(dept) or _HELPS_FIRST.match(dept):
            continue
        end = match.end("dept")
        person = None
        # "请信息科在上线当天安排…": asked by name, the department acts whatever follows
        asked = text[max(0, match.start("dept") - 2):match.start("dept")].endswith(("请", "由", "交由"))
        if not match.group("then") and not asked:
            # the department is an owner only with a person after it, who then acts
            person = next((text[end:end + n] for n in (3, 2) if text[end + n - 1:end + n] not in _FUNCTION_CHARS | {"于"} and is_full_name(text[end:end + n])), None)
            if person is None or not _owner_verb().match(text, end + len(person)):
                continue
        out.append((dept, match.start("dept"), end, person))
    return out


def surname_of(word: str) -> str | None:
    names = _names()
    if word[:2] in names["compound"]:
        return word[:2]
    if word[:1] in names["surnames"]:
        return word[:1]
    return None


def is_title_form(word: str) -> bool:
    """张总, 王经理, 陈老师, 小王, 老李 — not 老师 or 小区, whose second character only looks like a
    surname (rules/names.yaml: not_names)."""
    names = _names()
    if word in names["not_names"]:
        return False
    if len(word) == 2 and word[0] in names["prefixes"] and word[1] in names["surnames"]:
        return True
    if len(word) == 2 and word[1] in names["nickname_titles"] and word[0] in names["given"]:
        return True  # 静姐, 芳姐, 强哥: a given-name character and 姐/哥
    surname = surname_of(word)
    title = word[len(surname):] if surname else ""
    # 钱副行长, 孙副书记: a deputy of any title ("副" + 行长)
    return bool(surname) and (title in names["titles"] or title[:1] == "副" and len(title) >= 3 and title[1:] in names["titles"])


def is_full_name(word: str, *, loose: bool = False) -> bool:
    """A Chinese full name: surname + 1–2 characters, not a known common word.

    `loose` accepts dictionary words too (for speaker labels, where position is evidence enough).
    """
    names = _names()
    surname = surname_of(word)
    if not surname or not re.fullmatch(f"[{_CJK}]+", word):
        return False
    given = len(word) - len(surname)
    if not 1 <= given <= 2 or word in names["not_names"] or word[:2] in names["not_names"]:
        return False
    if word.endswith(names["never_ends"]):
        return False
    if loose:
        return True
    given_chars = word[len(surname):]
    common = sum(ch in names["given"] for ch in given_chars)
    if common == 0 or len(given_chars) == 1 and common < 1:
        return False
    word_tag = tag(word)
    return word_tag is None and not in_dictionary(word) or (word_tag or "").startswith("nr")


def is_english_name(word: str, *, loose: bool = False) -> bool:
    """Kevin, Maggie Lu. In running text the first name must be a known given name ("Pytorch
    Conference" is not two people); `loose` accepts any capitalised word where the place already
    says it is a person (a speaker label, a word addressed with 你)."""
    if not ENGLISH_NAME.fullmatch(word) or word in _names()["not_english"]:
        return False
    return loose or word.split(" ", 1)[0] in ruledata.words("english_given_names.txt")


def never_a_person(word: str) -> bool:
    """全体 (a group), 华东 (a region), 副校长 (a role alone): whatever the layout suggests, not
    one person's name."""
    return word in _names()["collectives"] or word in _names()["not_names"] or is_role(word)


def is_role(word: str) -> bool:
    """A title standing alone, as a speaker label: 队长, 主任, 店长 (not the one-character 总/科/姐)."""
    return len(word) >= 2 and word in _names()["titles"]


def is_latin_nickname(word: str) -> bool:
    """"阿Ken", "小Kevin": a Latin given name with the Chinese nickname prefix."""
    return _NICKNAME_EN.fullmatch(word) is not None


def is_person(word: str, *, loose: bool = False) -> bool:
    return is_title_form(word) or is_full_name(word, loose=loose) or is_english_name(word, loose=loose)


def is_bare_team(word: str) -> bool:
    """A team named without a department suffix: 研发, 测试, 数据."""
    return word in _dept_patterns()[1] and not _dept_patterns()[0].fullmatch(word)


def is_department(word: str, *, loose: bool = False) -> bool:
    """研发部, 区住建局. `loose`: a long unit name the document itself lists ("市燃气集团青溪分公司")
    may have up to 14 characters before its suffix; in running text 6 keep a unit from swallowing
    the words before it."""
    pattern, known, excluded = _dept_patterns()
    if word in known:
        return True
    if loose and len(word) > 8:
        return bool(_unit_pattern(14).fullmatch(word))
    return bool(pattern.fullmatch(word)) and word not in excluded and not any(x in word for x in excluded if len(x) > 2)


def find_mentions(text: str, offset: int = 0, known: frozenset[str] = frozenset()) -> list[Mention]:
    """People and departments in `text`, left to right, with offsets shifted by `offset`.

    `known` are names the document itself vouches for (participants, speakers): they are found by
    string search even where jieba splits them oddly. The same clause is asked about several times
    per document (owners, criteria, decisions), so the answer is kept per text (Mention is immutable).
    """
    return list(_mentions(text, offset, known))


# "安环部", "质检室" look like surname + given name; no given name ends in these
_UNIT_END = re.compile(r"(?:部|室|中心|局|公司|委员会|小组)$")


@functools.lru_cache(maxsize=4096)
def _mentions(text: str, offset: int, known: frozenset[str]) -> tuple[Mention, ...]:
    found: list[Mention] = []
    taken = [False] * len(text)

    def add(name: str, start: int, end: int, kind: str) -> None:
        if any(taken[start:end]) or kind == "person" and name.endswith(_names()["never_ends"]):
            return
        for i in range(start, end):
            taken[i] = True
        found.append(Mention(name, start + offset, end + offset, kind))

    # "Vivian Tang", "@Hao Wang": a given name and a family name in Latin letters are one person
    for match in _latin_full_name().finditer(text):
        if match.group(1) or is_english_name(match.group(2)):  # a handle, or a given name we know
            add(f"{match.group(2)} {match.group(3)}", match.start(), match.end(), "person")
    for match in HANDLE.finditer(text):
        if match.group(1) in _EVERYONE:
            for i in range(match.start(), match.end()):
                taken[i] = True  # "@所有人" addresses everyone: no owner
            continue
        # "@付强-安全员", "@工长-黄建国": a chat account with the person's role on one side; the
        # whole account is the mention, the person its name
        handle = match.group(1)
        role = _ROLE_SUFFIX.match(text, match.end())
        if role and not re.fullmatch(r"[A-Za-z0-9_\-.]+", handle):
            other = role.group(1)
            who = handle if is_person(handle, loose=True) or is_called_name(handle) or is_title_form(handle) else other if is_person(other, loose=True) else None
            if who == handle and _plainly_named(other) and not _plainly_named(handle):
                who = other  # "@鲜果源-庞丽": a shop whose first character may be a surname, then the person
            if who:
                add(who, match.start(), role.end(), "person")
                continue
        # "@应急办 谢宇", "@西河村 杨勇": a chat account named for a unit, the person after it
        signed = _SIGNED_BY.match(text, match.end())
        unit = is_department(handle) and not is_person(handle) or signed is not None and is_full_name(signed.group(1)) and not is_full_name(handle) and not is_english_name(handle, loose=True)
        add(handle, match.start(), match.end(), "dept" if unit else "person")
    for match in _groups_pattern().finditer(text):
        if not re.search(_DUE_AHEAD_WORDS, match.group()):  # not "各人周五下班…": a day inside is no group
            add(match.group(), match.start(), match.end(), "dept")
    # notes shorten people to a surname standing alone: "→ 陈 下周三前跟作者谈", "何 配图出两套"
    for match in _LONE_SURNAME.finditer(text):
        if match.group(1) in _names()["surnames"]:
            add(match.group(1), match.start(1), match.end(1), "person")
    for dept, start, end, person in _clause_departments(text):
        add(dept, start, end, "dept")
        if person:
            add(person, end, end + len(person), "person")
    for match in _each_of().finditer(text):
        add(match.group(), match.start(), match.end(), "dept")  # "各乡镇要在12月15日前完成…"
    pattern = _known_pattern(known)
    for match in pattern.finditer(text) if pattern else ():
        name = match.group()
        add(name, match.start(), match.end(), "dept" if is_department(name, loose=True) and (not is_person(name) or _UNIT_END.search(name)) else "person")
    # Colleagues call 郝明哲 "明哲": a known full name's given name is that person too.
    given_names = _given_names(known)
    pattern = _known_pattern(frozenset(given_names))
    for match in pattern.finditer(text) if pattern else ():
        add(given_names[match.group()], match.start(), match.end(), "person")
    # parents named after their child: "朵朵妈妈", "乐乐爸爸", "小满奶奶"
    for match in _CHILD_PARENT.finditer(text):
        add(match.group(), match.start(), match.end(), "person")
    # a nickname handed the work: "我让小胖来做", "叫阿飞去弄"
    for match in _DELEGATED_NICKNAME.finditer(text):
        if match.group(1) not in _names()["not_names"]:
            add(match.group(1), match.start(1), match.end(1), "person")
    # a nickname right after the team it is in, which jieba glued to the team ("数据组小彭把…": 组小/彭)
    for match in _TEAM_NICKNAME.finditer(text):
        if match.group(1)[1] in _names()["surnames"]:
            add(match.group(1), match.start(1), match.end(1), "person")
    for match in _unit_then_name().finditer(text):
        # not a word that runs across the seam: "新版办公室统在…" is 办公室, not 办 + 公室统
        seam = match.start(1) - 1
        if is_full_name(match.group(1)) and not is_title_form(match.group(1)) and not any(in_dictionary(text[seam:seam + n]) for n in (2, 3)):
            add(match.group(1), match.start(1), match.end(1), "person")
    # a title form right after 由/请/让, whatever jieba glued it to: "客运部由钟经理牵头" (部由钟/经理)
    for match in _glued_title().finditer(text):
        if match.group() not in _names()["not_names"]:  # not 施工 in "由施工总包承担"
            add(match.group(), match.start(), match.end(), "person")
    # a full name right after 由/请/让 and right before the work, whatever jieba glued it to:
    # "捐赠人致谢信由施雅琴起草" (信由施/雅琴)
    for match in _glued_name().finditer(text):
        if is_full_name(match.group(1)) and not in_dictionary(match.group(1)):
            add(match.group(1), match.start(1), match.end(1), "person")
    # a note's owner then the day: "琪琪今天跟客户沟通退款流程", "阿强5个工作日内问三家报价" — a
    # nickname or doubled name that opens a clause, right before when it is due (not 欧阳/娜娜)
    for match in _DATED_NICKNAME.finditer(text):
        word = match.group(1)
        if is_called_name(word):
            add(word, match.start(1), match.end(1), "person")
    # …and after the topic, which jieba glued its 老/小 to ("预算执行表老崔下周三前做好": 表老/崔);
    # not where the two make a word ("养老金明天到账")
    for match in _GLUED_DATED_NICKNAME.finditer(text):
        word, at = match.group(1), match.start(1)
        if word[1] in _names()["surnames"] and not in_dictionary(text[at - 1:at + 1]) and _may_be_nickname(word):
            add(word, at, match.end(1), "person")
    # "二叔这周五前带人…", "大哥去跟两家供应商压价", "三姑（管账）月底前…": a kin term that opens a clause
    for match in _names()["kin"].finditer(text):
        add(match.group(1), match.start(1), match.end(1), "person")
    for match in _names()["kin_called"].finditer(text) if "你" in text else ():
        if _may_be_nickname(match.group(1)):
            add(match.group(1), match.start(1), match.end(1), "person")
    # speech without punctuation: "嗯那个崩溃这块子轩你周五之前…", "那思远你下周二能给到吗"
    for match in _SPOKEN_VOCATIVE.finditer(text):
        word = match.group(1)
        # a doubled name too ("可可你把档期空出来"); never one glued to the words before it
        # ("我今天发你": 天发 is no one)
        if _VOCATIVE_BREAK.search(text, 0, match.start(1)) is not None and (is_given_name(word) or is_called_name(word)):
            add(word, match.start(1), match.end(1), "person")
    for match in _SPACED_VOCATIVE.finditer(text) if "你" in text else ():
        word = match.group(1)
        if (is_called_name(word) or is_given_name(word) or is_title_form(word) or is_full_name(word) or word.endswith("儿") and word[0] == "老" or word.endswith(("哥", "姐")) and len(word) == 2) and _may_be_nickname(word):
            add(word, match.start(1), match.end(1), "person")
    # "小四川你们架子班…", "胖哥你…": a three-character 小-nickname or an X哥 called out with 你
    for match in _CREW_VOCATIVE.finditer(text) if "你" in text else ():
        word = match.group(1)
        if _VOCATIVE_BREAK.search(text, 0, match.start(1)) is not None and _may_be_nickname(word):
            add(word, match.start(1), match.end(1), "person")
    # "邵列清单，周五前给覃姐走采购", "韦：下周开始每天加练", "数控（邵）": notes that call a participant
    # by the surname alone — the one person of that surname the document lists; not where the
    # surname starts a word (马上, 高出, 何时)
    lone, by_surname = _lone_surnames(known)
    for match in lone.finditer(text) if lone is not None else ():
        if not in_dictionary(text[match.start(1):match.start(1) + 2]):
            add(by_surname[match.group(1)], match.start(1), match.end(1), "person")
    tokens = tokenize(text)
    for token in tokens:
        # "佳琪，你配合文涛…", "Kevin，你和白露…": a word addressed with 你 is a person, even a
        # given name with no surname that jieba does not know.
        if _is_vocative(text, token):
            add(token.word, token.start, token.end, "person")
    for i, token in enumerate(tokens):
        mention = _mention_at(text, tokens, i)
        if mention:
            add(*mention)
    # a list of names vouches for its members: "卜文涛、萧晓禾分别…", "检验科、影像科…"
    while True:
        before = len(found)
        for m in sorted(found, key=lambda m: m.start):
            for mention in _listed_beside(text, m.start - offset, m.end - offset, m.kind):
                add(*mention)
        if len(found) == before:
            break
    # "刘倩、老马、文静、小郭", "刘倩 老马 文静 小郭": between two people of a list, a word that
    # can be a name is one, even a word the dictionary has (文静 "quiet", 海燕 "petrel")
    people = sorted((m for m in found if m.kind == "person"), key=lambda m: m.start)
    for a, b in zip(people, people[1:]):
        between = _SANDWICHED.fullmatch(text, a.end - offset, b.start - offset)
        if between and (is_person(between.group(2), loose=True) or is_called_name(between.group(2))) and between.group(2) not in _names()["not_names"]:
            add(between.group(2), between.start(2), between.end(2), "person")
    found.sort(key=lambda m: m.start)
    return tuple(found)


_SANDWICHED = re.compile(rf"([、 ])([{_CJK}]{{2,3}})\1")


@functools.lru_cache(maxsize=1)
def _glued_name() -> re.Pattern[str]:
    """A name after 由/请/让, right before the work (rules/names.yaml glued_name_then)."""
    then = ruledata.alternation(ruledata.load("names.yaml")["glued_name_then"])
    return re.compile(rf"(?:(?<=由)|(?<=请)|(?<=让))([{_CJK}]{{2,3}}?)(?={then})")


@functools.lru_cache(maxsize=256)
def _lone_surnames(known: frozenset[str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The pattern of a surname said alone, and surname → the one listed person who has it
    (邵 → 邵老师), for surnames only one of them has; once per document's participants."""
    by: dict[str, set[str]] = {}
    for name in known:
        if (is_full_name(name) or is_title_form(name)) and (surname := surname_of(name)) and len(surname) == 1:
            by.setdefault(surname, set()).add(name)
    single = {surname: next(iter(names)) for surname, names in by.items() if len(names) == 1}
    if not single:
        return None, single
    then = ruledata.alternation(ruledata.load("names.yaml")["lone_surname_then"])
    pattern = re.compile(rf"(?:^|(?<=[\s：:，,。；;→>（(、-]))([{''.join(sorted(single))}])(?=[：:)）]|{then})")
    return pattern, single


def _listed_beside(text: str, start: int, end: int, kind: str) -> list[tuple[str, int, int, str]]:
    """The unknown name that shares a "、" list with the mention at text[start:end], on either
    side, as the same kind: a person 2–3 characters with a surname ("萧晓禾") or a title form
    ("韦主管"); a department ending in a unit suffix ("影像科"). The longest that fits wins."""
    lengths = range(8 if kind == "dept" else 3, 1, -1)
    sides = []
    if text[end:end + 1] == "、":  # after it, ending where a list item ends
        sides.append([(end + 1, end + 1 + n) for n in lengths if _ends_list_item(text, end + 1 + n)])
    if start > 0 and text[start - 1] == "、":  # before it, starting where a list item starts
        sides.append([(start - 1 - n, start - 1) for n in lengths if _starts_list_item(text, start - 1 - n)])
    out = []
    for spans in sides:
        found = next(((a, b) for a, b in spans if a >= 0 and b <= len(text) and _listable(text[a:b], kind)), None)
        if found:
            out.append((text[found[0]:found[1]], found[0], found[1], kind))
    return out


def _listable(word: str, kind: str) -> bool:
    if kind == "dept":
        return is_department(word)
    return is_title_form(word) or is_full_name(word, loose=True) and not in_dictionary(word)


def _starts_list_item(text: str, at: int) -> bool:
    """Can a list item start at `at`: the text's start, or after anything but a Chinese character?"""
    return at == 0 or at > 0 and not re.match(f"[{_CJK}]", text[at - 1])


def _ends_list_item(text: str, at: int) -> bool:
    """Does a list item end at `at`: punctuation, the end, or a word that follows names
    (rules/names.yaml enumeration_followers)?"""
    rest = text[at:]
    return not rest or not re.match(f"[{_CJK}A-Za-z0-9]", rest) or rest.startswith(_names()["enumeration_followers"])


@functools.lru_cache(maxsize=256)
def _given_names(known: frozenset[str]) -> dict[str, str]:
    """明哲 → 郝明哲 for every known three-character Chinese name. Not for title forms (龚老师,
    樊老师: "老师" is nobody's given name) nor for a given name two participants share."""
    seen: dict[str, set[str]] = {}
    for name in known:
        surname = surname_of(name)
        given = name[len(surname):] if surname else ""
        if len(given) == 2 and re.fullmatch(f"[{_CJK}]+", name) and not is_title_form(name):
            seen.setdefault(given, set()).add(name)
    return {given: next(iter(full)) for given, full in seen.items() if len(full) == 1}


_VOCATIVE_AFTER = re.compile(r"^[，,\s]*(?:你们|你)(?!们?的|好|说|看|知道|觉得)")
_VOCATIVE_BEFORE = re.compile(r"(?:^|[，,。；;：:\s!！?？])$")
_THANKED = re.compile(r"(?:辛苦|麻烦|拜托|有劳)$")


def _is_vocative(text: str, token: Token) -> bool:
    if "你" not in text[token.end:token.end + 4] and not _THANKED.search(text[max(0, token.start - 2):token.start]):
        return False  # the quick test first: most words are followed by no 你
    word = token.word
    if not (re.fullmatch(f"[{_CJK}]{{2,3}}", word) or is_english_name(word, loose=True)):
        return False
    addressed = _VOCATIVE_AFTER.match(text[token.end:]) and _VOCATIVE_BEFORE.search(text[:token.start])
    if not addressed and not _THANKED.search(text[:token.start]):
        return False
    if word in _names()["not_names"] or is_department(word):
        return False
    word_tag = tag(word)
    return is_english_name(word, loose=True) or word_tag is None or word_tag.startswith("nr")


# parents (and grandparents) named after the child: "朵朵妈妈", "一一爸爸", "阿哲妈妈", "小满奶奶", "朵朵妈"
_CHILD_PARENT = re.compile(rf"(?:([{_CJK}])\1|[小阿][{_CJK}])(?:妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|妈|爸)")


def is_parent_name(word: str) -> bool:
    """"乐乐妈妈": a parent called after their child, one person (not 乐 + 妈妈)."""
    return _CHILD_PARENT.fullmatch(word) is not None


# the words a due date opens with, right after the one it is due from ("琪琪今天…", "阿强5个工作日内…")
_DUE_AHEAD_WORDS = r"(?:今天|明天|后天|今晚|本周|这周|下下?周|周[一二三四五六日末]|月底|年前|节前|有空|抽空|得空|尽快|马上|\d{1,2}\s*(?:个工作日|天|[月号日/.]))"
_DATED_NICKNAME = re.compile(rf"(?<![{_CJK}])([小老阿][{_CJK}]|([{_CJK}])\2)(?={_DUE_AHEAD_WORDS})")
_GLUED_DATED_NICKNAME = re.compile(rf"(?<=[{_CJK}])([小老][{_CJK}])(?={_DUE_AHEAD_WORDS})")
_TEAM_NICKNAME = re.compile(rf"(?<=[组部科处室队])([小老阿][{_CJK}])(?=把|来|去|负责|牵头|先|帮|跟|和|在|[，,、；;。\s]|$)")
_DELEGATED_NICKNAME = re.compile(rf"(?:让|叫|派|安排|由)([小老阿][{_CJK}])(?=来|去|负责|先|帮|跟|统一|牵头|整理|汇总|对接|跟进)")
# "你" said to the one just named: not 你们, 你的, 你好, 你说, 你看, 你知道…
YOU_CALLED = r"你(?!们|的|好|说|看|知道|觉得|想|也|还|是)"
_SPOKEN_VOCATIVE = re.compile(rf"([{_CJK}]{{2}})(?=\s?{YOU_CALLED}|\s?你们(?!的|好|说|看|觉得)|\s?(?:今天|明天|后天|今晚|本周|这周|下周|周[一二三四五六日]|月底|尽快|马上)[^，,。；;]{{0,6}}(?:把|前|之前|内|以内))")
# what may come right before a name called out in speech: a clause break, a filler, a topic marker
_VOCATIVE_BREAK = re.compile(r"(?:^|[，,。；;：:\s!！?？]|[那嗯啊呃哦行好对]|然后|这块|这个|那个|这边|那边)$")


# speech with pauses for punctuation: "…一定要清掉 大刘 三号楼这个你牵头", "老蔫儿 地里那些苞米秆子 十号之前你给清了" —
# a name alone between pauses, then, in the same clause, the 你 it is called for
_SPACED_VOCATIVE = re.compile(rf"(?:^|(?<=\s))([{_CJK}]{{2,3}})\s+(?=[^，,。；;？?\s]+(?:\s[^，,。；;？?\s]+)?\s?{YOU_CALLED}|{YOU_CALLED})")
# the other half of a chat account named "name-role" or "role-name": "@付强-安全员", "@工长-黄建国"
_ROLE_SUFFIX = re.compile(rf"-([{_CJK}]{{1,6}})(?=[^{_CJK}]|$)")
# the person's name after a chat account's unit: "@西河村 杨勇 你们村…"
_SIGNED_BY = re.compile(rf"\s+([{_CJK}]{{2,3}})(?=[\s，,]|$)")
_CREW_VOCATIVE = re.compile(rf"(小[{_CJK}]{{2}}|[{_CJK}]哥)(?=\s?(?:{YOU_CALLED}|你们(?!的|好|说|看|觉得)))")


def _plainly_named(word: str) -> bool:
    """A full name whose given name is made only of given-name characters: 庞丽, not 鲜果源."""
    surname = surname_of(word)
    return bool(surname) and 1 <= len(word) - len(surname) <= 2 and all(c in _names()["given"] for c in word[len(surname):])


def _is_nickname(word: str) -> bool:
    """小胖, 大刘, 阿强 called out with 你: a prefix and any character, the way a crew calls its
    own; not 小组, 老师, 大家 (rules/names.yaml not_names and nickname_not)."""
    return len(word) == 2 and word[0] in "小老阿大" and _may_be_nickname(word)


def _may_be_nickname(word: str) -> bool:
    """Not a word that only looks like a nickname: 小组, 老师, 大家, 小朋友 (not_names, nickname_not)."""
    return word not in _names()["not_names"] and word not in _names()["nickname_not"]


def _is_doubled_name(word: str) -> bool:
    """可可, 乐乐, 婷婷: a doubled given-name character, the way teams call the young ones; not an
    adverb (刚刚, 常常: rules/names.yaml not_names)."""
    return len(word) == 2 and word[0] == word[1] and word[0] in _names()["given"] and word not in _names()["not_names"]


def is_called_name(word: str) -> bool:
    """"莉莉", "大熊", "阿杰": how a team calls its own — a doubled given-name character or a
    nickname; as a line's label ("大熊：团课排期本周五前发群里") that is a person."""
    return _is_doubled_name(word) or _is_nickname(word)


def is_kin_term(word: str) -> bool:
    """二叔, 三姑, 大哥, 小舅: an order and a kin word, how a family or a village calls its own."""
    names = _names()
    return len(word) == 2 and word[0] in names["kin_orders"] and word[1] in names["kin_terms"]


def is_given_name(word: str) -> bool:
    """子轩, 思远: two common given-name characters that make no dictionary word."""
    names = _names()
    return len(word) == 2 and all(c in names["given"] for c in word) and word not in names["not_names"] and not in_dictionary(word) and tag(word) in (None, "nr")


_NAME_START = re.compile(rf"[{_CJK}A-Za-z]")


@functools.lru_cache(maxsize=1)
def _mention_edges() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Characters a person's mention can start with (a surname, 小/老/阿, a preposition jieba glued
    to a surname), characters a unit's name ends with, and the units known whatever their form."""
    names = _names()
    data = ruledata.load("departments.yaml")
    first = set(names["surnames"]) | {c[0] for c in names["compound"]} | {p[0] for p in names["prefixes"]} | GLUE
    last = {suffix[-1] for suffix in data["suffixes"]}
    return frozenset(first), frozenset(last), frozenset(data["known"])


@functools.lru_cache(maxsize=1 << 14)
def _may_start_mention(word: str) -> bool:
    first, last, known = _mention_edges()
    return word[0] in first or word[0].isascii() or word[-1] in last or word in known or word[-1:] in _names()["nickname_titles"]


# what stands before 组 without naming a team: "我们组", "整个组", "下周五组会", "分两组", "第一次组会"
# (nor a word of not_names: "王磊、方案组下周定" is the plan, then the group)
_NO_TEAM_NAME = re.compile(r"[一二两三四五六七八九十几每各本这那哪全该此某分第整]|[我你他她咱]们|.*(?:周[一二三四五六日天末]?|次|天|号|上|下)$")


def _mention_at(text: str, tokens: list[Token], i: int) -> tuple[str, int, int, str] | None:
    token = tokens[i]
    word, start = token.word, token.start
    nxt = tokens[i + 1].word if i + 1 < len(tokens) else ""
    if nxt[:1] == "组" and tokens[i + 1].start == token.end and (len(nxt) == 1 or nxt[1] in _FUNCTION_CHARS or nxt[1] in "于先") and nxt != "组会" and not (start > 0 and text[start - 1] in "部处科室局司院所队") and re.fullmatch(f"[{_CJK}]{{2,4}}", word) and not _NO_TEAM_NAME.match(word) and word not in _names()["not_names"] and not is_full_name(word) and is_department(word + "组"):
        return word + "组", start, token.end + 1, "dept"  # jieba left a team's 组 apart: 服装/组, 英语/组于, 基础设施/组先
    if not _NAME_START.match(word) or not _may_start_mention(word):
        return None  # punctuation, digits, spaces, and words no name or unit can start with
    if start > 0 and text[start - 1].isdigit() and word[0] in _names()["measure_words"]:
        return None  # "20位建联": counted, not named
    names = _names()
    # 张总 / 王经理 / 小王: surname + title, or prefix + surname, however jieba split them.
    titled = _title_form().match(text, start)
    if titled and titled.group() not in names["not_names"]:
        return titled.group(), start, titled.end(), "person"
    if word in names["prefixes"] and len(nxt) == 1 and nxt in names["surnames"]:
        return word + nxt, start, start + 2, "person"
    if word in names["prefixes"] and len(nxt) == 2 and nxt[0] in names["surnames"] and (nxt[1] in _FUNCTION_CHARS or nxt[1] in "说讲问找") and not in_dictionary(word + nxt[0]):
        return word + nxt[0], start, start + 2, "person"  # 老/刘说, 小/鲍找: jieba glued the verb after the name
    if is_title_form(word):
        return word, start, token.end, "person"
    if len(word) == 3 and (word[2] in _FUNCTION_CHARS or not in_dictionary(word)) and word[0] in names["prefixes"] and is_title_form(word[:2]):
        return word[:2], start, start + 2, "person"  # jieba glued the next word on: 小葛/去 read as 小葛去
    if is_english_name(word):
        if start > 0 and text[start - 1] in "阿小老":
            return text[start - 1:token.end], start - 1, token.end, "person"  # 阿May
        after = text[token.end + 1:]
        if text[token.end:token.end + 1] in names["surnames"] and (not re.match(f"[{_CJK}]", after) or _ACTS.match(after)):
            return word + text[token.end], start, token.end + 1, "person"  # Kevin黄, Amy苏, Kevin黄牵头
        return word, start, token.end, "person"
    if is_department(word) and text[token.end:token.end + 1] != "长":  # not "由部|长江晓帆"
        start = _unit_prefix(tokens, i)
        return text[start:token.end], start, token.end, "dept"
    # jieba took a word for the first two characters of a name: 刘海/波, 高峰/林.
    if len(word) == 2 and len(nxt) == 1 and surname_of(word) == word[0] and nxt in names["given"] and nxt not in _FUNCTION_CHARS:
        combined = word + nxt
        if is_full_name(combined) and combined not in names["not_names"]:
            return combined, start, start + 3, "person"
    # …and glued the name's last character to the preposition after it: 周立/群于 (本月底前)
    if len(word) == 2 and len(nxt) == 2 and surname_of(word) == word[0] and re.fullmatch(f"[{_CJK}]", nxt[0]) and nxt[0] not in _FUNCTION_CHARS and nxt[1] in "于在把将和与跟给向" and not in_dictionary(word) and not in_dictionary(nxt):
        combined = word + nxt[0]
        if is_full_name(combined, loose=True) and combined not in names["not_names"]:
            return combined, start, start + 3, "person"
    if is_full_name(word):
        return word, start, token.end, "person"
    # jieba glued a preposition to a whole name: 由马丽/清理, 请谭振宇
    if len(word) in (3, 4) and word[0] in GLUE and is_full_name(word[1:]) and word[1:] not in names["not_names"]:
        return word[1:], start + 1, token.end, "person"
    # jieba glued a preposition to the surname: 由顾/明哲, 请钱/佳慧.
    if len(word) == 2 and word[0] in GLUE and word[1] in names["surnames"] and re.fullmatch(f"[{_CJK}]{{1,2}}", nxt):
        candidate = word[1] + nxt
        if is_full_name(candidate) or (candidate not in names["not_names"] and tag(nxt) in (None, "nr", "nrt", "nz")):
            return candidate, start + 1, start + 1 + len(candidate), "person"
    # jieba split a rare name: 周/琳, 欧阳/娜娜, 岑/晓/峰.
    if surname_of(word) == word and nxt and re.fullmatch(f"[{_CJK}]{{1,2}}", nxt):
        combined = word + nxt
        if len(nxt) == 1 and i + 2 < len(tokens) and len(tokens[i + 2].word) == 1 and tag(tokens[i + 2].word) in (None, "nr", "ng"):
            third = tokens[i + 2].word
            if tag(nxt) in (None, "nr", "ng") and third not in _FUNCTION_CHARS:
                combined += third
        honorific = i + 2 < len(tokens) and _is_honorific(tokens[i + 2].word) and len(nxt) == 2
        # 邵/明远, 唐/文静: a given name jieba knows as a word, when both its characters are
        # given-name characters
        given_word = len(nxt) == 2 and all(c in names["given"] for c in nxt)
        # 董事长/傅/立新: right after a role, a surname and a word are a name, whatever the word means
        titled = len(nxt) == 2 and i > 0 and tokens[i - 1].end == start and _is_honorific(tokens[i - 1].word)
        unknown = tag(nxt) in (None, "nr", "nrt", "ng", "nz") and any(c in names["given"] for c in nxt)  # not 车/堵路
        if unknown or len(nxt) == 1 and nxt not in _FUNCTION_CHARS or honorific or given_word or titled:
            if combined not in names["not_names"] and (titled or not in_dictionary(combined)):
                return combined, start, start + len(combined), "person"  # 赵/建国/同志: a name, whatever 建国 means
    return None


def _is_honorific(word: str) -> bool:
    """同志, 先生, 老师, 主任 …: what follows a full name in formal speech ("周/建国/老师")."""
    return word in _names()["honorifics"] or len(word) > 1 and word in _names()["titles"]


_ACTS = re.compile(r"牵头|负责|主导|跟进|来|去|做|和|与|、")
_ADMIN_LEVELS = frozenset("省市区县州镇乡村")


def _unit_prefix(tokens: list[Token], i: int) -> int:
    """Where a unit's name starts when jieba left its first part apart: 区/应急管理局,
    城东区/教育局, 区政府/督查室, 由港华/燃气公司 (a preposition glued to the name is not part of it). Only an
    administrative level or an unknown brand before a company: "周三前发/客户" stays 客户."""
    start = tokens[i].start
    if i == 0 or tokens[i - 1].end != start:
        return start
    before = tokens[i - 1].word
    if before[0] in GLUE and len(before) > 1:
        before = before[1:]
    if not re.fullmatch(f"[{_CJK}]{{1,4}}", before) or is_full_name(before) or is_title_form(before):
        return start
    if before[0] in _ADMIN_LEVELS or tag(before) is None and tokens[i].word.endswith("公司"):
        return start - len(before)  # 区/住建局; 港华/燃气公司 (a brand jieba does not know)
    if len(before) >= 3 and before[-1] in _ADMIN_LEVELS and not _NOT_PLACE_START.match(before) and not is_bare_team(tokens[i].word):
        # 城东区/教育局, 开发区/管委会 — not 全区/小区 (two characters), 另据省/卫健委, 会同县/市场监管局
        # (a word glued to the level), 华东区/数据 (a team that is no unit)
        return start - len(before)
    return start


_NOT_PLACE_START = re.compile(r"[另据来我在对向给从到由请让和与及]|会同")


_LONE_SURNAME = re.compile(rf"(?:^|(?<=→)|(?<=->)|(?<==>))\s*([{_CJK}])\s+(?=[{_CJK}\d])")


# Characters that end a name when jieba leaves them single: 王磊和…, 周琳负…, 李娜来….
_FUNCTION_CHARS = frozenset("和与及跟同、来去把将在给让请由的了是说要会也都就还已再先又你我他她它这那负跟提完做写发改查对做")
