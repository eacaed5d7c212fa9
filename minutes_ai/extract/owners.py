"""Owners: who a task belongs to.

A name in a sentence is not always an owner ("按王总的意见，李娜负责…"). A person or department
is taken as an owner when they stand where Chinese puts the one who acts: before 负责/牵头/来/跟进
or a work verb, after 由/请/让/交给, or after "@". "我来…" is the speaker; "你负责" is whoever was
named just before; in a per-person section ("【刘洋】下周计划") it is that person. When none of
these holds the owner stays empty and the task is flagged — we never guess.
"""

from __future__ import annotations

import functools
import re

from .. import ruledata
from ..models import Owner
from ..text import names
from ..text.labels import is_empty_cell, is_open_cell, layout_rules
from ..text.names import Mention
from .cues import ARROW, cue, has

_SIDE = re.compile(r"^\s*(?:这边|那边)")
_JOINERS = re.compile(r"^\s*(?:和|与|及|以及|跟|同|、|,|，|/|&|\+|还有(?:\s*那个)?)?\s*$")


@functools.lru_cache(maxsize=1)
def _assign() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = ruledata.load("cues.yaml")
    before = re.compile("(?:" + "|".join(_pattern(w) for w in data["assign_before"]) + r")\s*$")
    after = re.compile(r"^\s*(?:" + "|".join(_pattern(w) for w in data["assign_after"]) + ")")
    return before, after


# "与销售确认", "跟客户同步", "向财务报": the person after a preposition is not the one who acts.
# words after which a name is who the work goes to or is done with, not who does it:
# "给到投资方那边", "报给陈总", "发到设计组", "把材料交给刘主任", "我今天找行政续" (but "这事交给小陈" hands the work
# over: see assign_before)
# "…补齐交给陈姐", "整理好交给办公室": handed in to, once done — not "这件事交给陈姐"
_PREPOSITION = re.compile(r"(?:(?:[齐好完全前内]|出来|上来|过来|下来|以后|之后)交给|与|跟|向|(?<!交)给|对(?=$)|(?<=[\u4e00-\u9fffA-Za-z]\s)对|替|被|帮|(?<![合共协相])同|在|给到|交到|报到|发到|送到|报给|发给|送给|提交(?:给|到)?|把[^，,。；;]{1,15}交给|(?:[我他她你](?:今天|明天|下午|上午|会后|马上|先|再)?[去来]?|[去来])(?:找|问))\s*$")


def _pattern(word: str) -> str:
    """Rule words are literal unless written as a regex ("[Oo]wner[:：]?", "(?<![有邀])请")."""
    return word if re.search(r"[\[\](?\\]", word) else re.escape(word)


def _until_next_clause(tail: str) -> str:
    """"、办公室配合，6月30日前…" → "、办公室配合": the rest of this clause."""
    return re.split(r"[，,；;。]", tail, maxsplit=1)[0]


def reports(text: str, mentions: list[Mention]) -> bool:
    """Does the sentence open with someone reporting or opining ("营销中心提出…", "张总认为…")?"""
    first = next((m for m in mentions if m.start <= 12), None)
    return bool(first) and bool(cue("report_verbs").match(text[names.skip_title(text, first.end):]))


def quoted(text: str, mentions: list[Mention]) -> tuple[Mention, int] | None:
    """"张总强调：小李下周把预算表报上来": who opens the sentence quoting what they said after a
    colon, and where the quote starts — the quote is read as said by them. None for a report."""
    first = next((m for m in mentions if m.start <= 12), None)
    if first is None:
        return None
    after = names.skip_title(text, first.end)
    verb = cue("quotes_directive").match(text[after:])
    return (first, after + verb.end()) if verb and after + verb.end() < len(text) else None


# the owner tagged at the end of an item: "（贺医生）", "[宋佳]", "[汪磊/范总监]"
_TAG_OPEN = re.compile(r"(?:[（(\[【]|[\[【][^\]】\n]{1,20}[/、])\s*$")
_TAG_CLOSE = re.compile(r"\s*(?:[/、][^\]】\n]{1,20})?[)）\]】]\s*[。.；;]?\s*$")


# the one concerned, then the speaker who acts on it: "那边我去通知", "那边这两天我也给他打个电话"
_SIDE_THEN_ME = re.compile(r"\s*(?:那边|这边)[^，,。；;我]{0,6}我(?!们|觉得|看|想|听说|知道)")


def _same_person(a: str, b: str) -> bool:
    """"曹经理"/"曹德明", "韩"/"韩建国": a title form or a lone surname and a full name with its surname."""
    if a == b:
        return True
    surname = names.surname_of(a)
    short = names.is_title_form(a) or names.is_title_form(b) or min(len(a), len(b)) == 1
    return short and surname is not None and surname == names.surname_of(b)


def owner_mentions(text: str, mentions: list[Mention], offset: int = 0) -> list[Mention]:
    """The mentions in `text` that stand in an owner's position (offsets relative to `offset`)."""
    before, after = _assign()
    chosen: list[Mention] = []
    # "财务科汪海燕核算…": the department and the person are one owner, judged by what follows both
    for m in _merge_dept_person(text, sorted(mentions, key=lambda m: m.start), offset):
        start, end = m.start - offset, m.end - offset
        if start < 0 or end > len(text):
            continue
        head, tail = text[:start], text[end:]
        if _SENT_TO.search(head):
            continue  # "周四前发 Vivian", "抄送李娜": whom it is sent to
        if _HELPS_BEFORE.search(head) or _TAKEN_ALONG.search(head) and re.match(r"\s*[\u4e00-\u9fffA-Za-z]", tail):
            # "协助欧阳骏整理证据目录", "带宁浩、向晓晨做对照实验": the one named is helped or led;
            # "骆成后天带摄影组去复勘", "Jason下周先找平台组负责人聊": taken along, or sought out
            continue
        if _TAG_OPEN.search(head) and _TAG_CLOSE.match(tail):
            # "…，要求甲级病历率≥90%。（贺医生）", "…出料单给物资 [宋佳]": the name noted after the
            # item, unless the item already named that owner ("罗师傅 明天返工… [罗师傅]")
            if not any(_same_person(c.name, m.name) for c in chosen):
                chosen.append(m)
            continue
        # "上周直播的切片（糖糖）这周内切5条出来": the item, its owner in brackets, then the work
        tagged = bool(re.search(r"[（(]\s*$", head) and re.match(r"\s*[)）]", tail))
        tail = re.sub(r"^\s*[)）]", "", tail)  # "设备工程部（Amy苏）负责…"
        if re.search(rf"(?:{ARROW})\s*$", head) and re.match(r"\s*[:：]", tail):
            continue  # "代理报预付金4000美元 → 老周：太高，压到3000以内": the boss answers
        # a clause starts after punctuation, or after a space in typed notes ("巡查排班表 应急办…")
        at_clause_start = (
            not re.search(r"[^\s\W_]", _strip_fillers(head))
            or re.search(r"(?:[，,：:；;]|(?:[\u4e00-\u9fff](?<![的跟和与给向对找同])|(?<=[合共协相])同)\s)\s*$", head)
            # "客服话术+FAQ 茹琳 本周五前": a Chinese name after a Latin topic and a space (not
            # "KubeCon China", "split Grace 拍板": Latin after Latin is one phrase)
            or re.search(r"[A-Za-z)）]\s+$", head) and re.match(r"[\u4e00-\u9fff]", m.name) and not re.search(r"\b(?:by|with|and|to|for)\s+$", head, re.I)
            or _TOPIC_THEN.search(head) or _ADDRESSED.match(tail)
            or _role_before().search(head)
            or tagged
            # "新版8D报告模板郑海涛5月7日前发到群里", "纪要小苗今晚发群里", "情况说明韦婷来写",
            # "物料清单罗姐汇总": the topic, then at once who does it and by when, that they will, or the work
            or (m.kind == "person" and solid_name(m.name) and (cue("due_next").match(tail) or bool(_WILL_DO.match(tail)) or bool(_does_next().match(tail)) and not _HANDED_TO.search(head)))
            or (m.kind == "person" and _unit_before(head))
            # "解释口径Leo写一段": a Latin name glued into the Chinese, then at once the work
            or (m.kind == "person" and names.is_english_name(m.name) and re.search(r"[\u4e00-\u9fff]$", head) is not None and not _HELPS_WITH.search(head) and has("task_verbs", tail[:3]))
        )
        is_handle = text[start:start + 1] == "@"
        if re.search(r"(?:找|问)\s*$", head) and re.match(r"[\w\s]{0,4}?要", tail):
            continue  # "Nina 找品牌IT要 ERP 账号": asked for something, not put in charge
        # "也是陈姐来汇总", "也是美玲写", "还是 Vivian 维护" say who will do the work
        copula = _COPULA.search(head) is not None
        will_do = copula and (bool(_WILL_DO.match(tail)) or has("task_verbs", tail.lstrip()[:3]))
        if copula and not _COPULA_IN_CHARGE.search(head) and not will_do:
            continue  # "两位 mentor 是 @oldpan 和 @ma-yuhang" says who they are
        if m.kind == "person" and _POSSESSIVE.match(tail) and not is_handle:
            continue  # "刘姐、春燕的拿到了": whose thing it is, not who does the work
        after_title = text[names.skip_title(text, end):]
        if cue("report_verbs").match(after_title) or cue("agrees").match(after_title):
            continue  # "邢振宇通报，……" reports; "王总认为……", "曹建平主任反映……" opine; "张老师同意" answers
        if cue("helper_after").match(_until_next_clause(tail)):
            continue  # "办公室配合": helps, does not own
        if _SIDE_THEN_ME.match(tail):
            continue  # "演出队那边我去通知", "老孙那边这两天我也给他打个电话": whom it concerns; the speaker acts
        if _PREPOSITION.search(head) and not is_handle:
            continue  # joined_owners() still adds "王磊和李娜" — 和 joins, it does not govern
        if names.is_bare_team(m.name) and not (is_handle or before.search(head) or _TEAM_IN_CHARGE.match(tail)):
            continue  # "把依从性数据再整理一下": 数据 is the data, not the data team
        if not re.search(r"[^\W_]", head) and _SPEAKER_PROMISES.match(tail):
            continue  # "王总，明天我把整改方案发您": the speaker promises the one called
        side = _SIDE.match(tail)
        # "李总那边有一些合作" says whose side, not who acts: 那边/这边 must lead to work.
        # "骆建平副校长牵头", "由程骁律师起草", "由莫春燕同志负责": a title between the name and the verb
        after_ok = bool(after.match(tail) or after.match(after_title)) and (not side or has("task_verbs", tail[side.end():side.end() + 10]))
        # "Final pad 坐标给封装：陈立伟，下周二": the work, then its owner as the value
        valued = bool(_WORK_COLON.search(head) or _WORK_SPACE.search(head)) and bool(_VALUE_END.match(tail))
        assigned = is_handle or before.search(head) or after_ok or valued or will_do
        # A bare team word (数据, 测试, 产品) is a department only where it is put in charge —
        # "测试那边负责回归" — not where it starts a noun phrase ("数据增强库的提交").
        if assigned or (at_clause_start and not names.is_bare_team(m.name) and _work_follows(head, tail, tagged)):
            chosen.append(m)
    return _merge_dept_person(text, _after_vocative(text, chosen, offset), offset)


# "春燕的…", "刘姐、春燕的…", "周师傅那份…": a person, or a list of them, then 的 (not 的话, "as for")
_POSSESSIVE = re.compile(r"(?:\s*[、和及与跟]\s*[\u4e00-\u9fffA-Za-z]{1,4}?)*(?:的(?!话)|那份|这份)")
_SPEAKER_PROMISES = re.compile(r"\s*[，,][^。；;！!？?你]{0,12}?(?<![给帮替跟和对向到])我(?!们)")


def _work_follows(head: str, tail: str, tagged: bool) -> bool:
    """Does what follows a name at a clause start hand that person work?"""
    if has("task_verbs", tail[:30]) or has("goes_to_ask", tail[:16]):
        return True  # (finding out is work: "柏经理找人行问一下", "老谭问问工厂报价")
    # "小郑，你本周五前把人招齐": addressed, then a 把 of work, whatever the verb; "小周，稳定性实验
    # 你这周五之前把装置搭起来": called, a topic, then 你 and a 把 of work
    if (_ADDRESSED.match(tail) or _ADDRESSED_AFTER_TOPIC.match(tail)) and "把" in tail[:24]:
        return True
    # "许曼3个工作日内定下来", "温立群11月20日前迁完": named, then at once the date it is due by
    if cue("due_ahead").match(re.sub(r"^\s*(?:在|于)?\s*", "", tail)):
        return True
    # "上周直播的切片（糖糖）这周内切5条出来": the owner in brackets, then the date
    if tagged and cue("due_next").match(tail.lstrip()):
        return True
    # "孙姐，砖的颜色您明天给个准话", "刘师傅 主卧那个衣柜 那个尺寸你这周四之前再去复一遍尺":
    # called, a topic, then 你 and at once the day it is due
    addressed = ADDRESSED_DUE.match(tail)
    if addressed and cue("due_next").match(tail, addressed.end()):
        return True
    # "杜婷，今天就在7栋贴个情况说明", "严队，下周一前把东门的临时存放点弄好": the sentence opens by
    # calling the person, then at once the day
    comma = re.match(r"\s*[，,]\s*", tail)
    due = cue("due_next").match(tail, comma.end()) if comma and not re.search(r"[^\W_]", head) else None
    if due and not re.search(r"(?<![给帮替跟和])我", tail[due.end():due.end() + 6]):
        return True  # not "王总，明天我把方案发您": the speaker's own promise
    # "- 老韩 海鲜池 下午三点前把水换了": a note item opens with its owner, a topic, then the time
    noted = _NOTE_TOPIC.match(tail) if not re.search(r"[^\W_]", head) else None
    return bool(noted and cue("due_next").match(tail, noted.end()))


def _after_vocative(text: str, chosen: list[Mention], offset: int) -> list[Mention]:
    """"明远你这周找王总当面聊一次": once a person is called with 你, the names later in the same
    clause are who the work is done with or for, not more owners ("阿Ken你出U12的，U10那边让
    老贝去弄" still hands the next clause to 老贝)."""
    for i, m in enumerate(chosen):
        if _CALLED.match(text[m.end - offset:]):
            later = [o for o in chosen[i + 1:] if not re.search(r"[，,。；;！!？?]", text[m.end - offset:o.start - offset])]
            return [o for o in chosen if o not in later]
    return chosen


# "老何你跟Kevin一起出个方案", "你和小周两个人…": the one called does it together with the one named
_WITH_YOU = re.compile(r"\s*[你您]\s*(?:跟|和|与|同)\s*")
_TOGETHER = re.compile(r"\s*(?:一起|一块儿?|两个人?|俩|共同)")
_WORK_COLON = re.compile(r"[^\s:：]{4}[^:：]*[:：]\s*$")
_WORK_SPACE = re.compile(r"[^\s:：，,]{3,}\s+$")  # "奖品采购 汪爸爸，5月20号前到货"
_VALUE_END = re.compile(r"\s*(?:[，,；;。]|$)")
_COPULA = re.compile(r"(?:是|为)\s*$")
_COPULA_IN_CHARGE = re.compile(r"负责|[Oo]wner|牵头|对接人|联系人|执行人|承办|由")
_SENT_TO = re.compile(r"(?:(?<![出开分])发|抄送|转发|[Cc][Cc])\s*$")
# a clause that opens by helping or leading someone: the one named is not who the work falls to
_TAKEN_ALONG = re.compile(r"[\u4e00-\u9fffA-Za-z]\s*(?:带着?|找)\s*$")
_HELPS_BEFORE = re.compile(r"(?:^|[，,；;。\s])\W*(?:协助|帮助|帮着|帮忙|配合|跟着|支援|陪同|陪着|带着|带)\s*$")
# "跟着Amy写…", "支援Kelly写…": the one named is helped, the writer of the line helps
_HELPS_WITH = re.compile(r"(?:跟着|支援|协助|帮着|配合|[跟帮给和与同向陪找问替])$")
# "…交冯娅审核", "…报周经理审核": the one named reviews what is handed in to them
_HANDED_TO = re.compile(r"(?:交|报|送|给|发|请|找|约|通知|提醒)\s*$")
_WILL_DO = re.compile(r"\s*(?:来|去|负责|牵头|跟进)")
_TEAM_IN_CHARGE = re.compile(r"\s*(?:组|团队|小组|那边|这边|同学|同事|负责|牵头|主导|跟进|来)")


@functools.lru_cache(maxsize=1)
def _does_next() -> re.Pattern[str]:
    """The work verbs that say a name glued into a clause is its subject ("物料清单罗姐汇总"; the same
    list as after 由/请/让: rules/names.yaml glued_name_then)."""
    return re.compile(rf"\s*(?:{ruledata.alternation(ruledata.load('names.yaml')['glued_name_then'])})(?![了过])")


@functools.lru_cache(maxsize=1)
def _role_before() -> re.Pattern[str]:
    """"金融专员Leo 贴息政策表更新", "QA经理 宁嘉树 …": a role said before the name, at a clause start."""
    data = ruledata.load("names.yaml")
    roles = [t for t in data["titles"] if len(t) > 1] + data["roles_before_names"]
    return re.compile(rf"(?:^|[\s，,：:；;])[\u4e00-\u9fffA-Za-z]{{0,6}}(?:{ruledata.alternation(roles)})\s*$")


def solid_name(name: str) -> bool:
    """A name no thing is called: a full name, a title form, 小X/老X/阿X, a Latin name — not 大巴,
    大厅, which read like nicknames."""
    return names.is_full_name(name) or names.is_title_form(name) or len(name) == 2 and name[0] in "小老阿" or names.is_english_name(name, loose=True) or names.is_parent_name(name)


def _unit_before(head: str) -> bool:
    """"质控办邱楠汇总…", "青禾公司配合陈列部吴涛共同完成": the person's unit glued before their
    name."""
    opening = re.split(r"[\s，,：:；;。]", head)[-1]
    for size in range(min(len(opening), 6), 1, -1):  # the longest unit: "介入中心", not "中心"
        unit, before = opening[-size:], opening[:-size]
        if unit[0] not in _NOT_A_UNIT_START and names.is_department(unit) and not names.is_bare_team(unit):
            return not _PREPOSITION.search(before)  # not "要跟介入中心马主任沟通"
    return False


_NOT_A_UNIT_START = set("跟与向和给对找同把让要由在")


# "预案这个张经理你牵头": a topic, then the person; "…这块子轩你周五之前…": whoever is addressed
_TOPIC_THEN = re.compile(r"(?:^|[，,：:；;。\s])[^，,：:；;。\s]{1,8}?(?:这个|这块|这一块|那块|的话)\s*$")
_ADDRESSED = re.compile(r"[\s，,]*你们?(?!的|好|说|看|知道|觉得|想|也|还|是)")
_ADDRESSED_AFTER_TOPIC = re.compile(rf"[\s，,]+[^，,。；;你\s]{{1,8}}{names.YOU_CALLED}")
_CALLED = re.compile(rf"[\s，,]*{names.YOU_CALLED}")  # one person, not 你们
_NOTE_TOPIC = re.compile(r"\s+(?:[^，,。；;\s]{1,12}\s+){1,2}")
# After a name: a topic of a few words (no clause break, no one speaking: "王磊说那个你…"
# reports), 你/您, and the adverbs before the day it is due ("那个尺寸你这周四之前", "您明天一定")
ADDRESSED_DUE = re.compile(rf"(?:[\s，,]+|(?!的|那份|那个|那边|这边|那块|这块|那里|这份|家))(?:[^，,。；;！!？?你您说讲问]{{1,16}}?[\s，,]*)?(?:{names.YOU_CALLED}|您)\s*(?:这边|那边|就|先|再|最好|务必|一定)?\s*")


def _strip_fillers(text: str) -> str:
    return re.sub(r"那个|然后|就是|不过|但是|所以|接下来|嗯|啊|呃|好|那|对|这个|另外|还有|最后|[\d.、)）(（①-⑳\-*•]", "", text)


_DEPT_PERSON_GAP = re.compile(r"^\s*(?:的|那边|这边|那儿|[（(])?\s*$")
_PERSON_DEPT_GAP = re.compile(r"^[\s，,]*(?:你们|你)?\s*$")


def _merge_dept_person(text: str, mentions: list[Mention], offset: int) -> list[Mention]:
    """One owner, said with their department: "研发部王磊", "采购 那边 常总", "老孟 你们 设备组"."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        gap = text[prev.end - offset:m.start - offset] if prev else ""
        # "奖品采购 汪爸爸": a bare team word glued to the word before it is work, not the person's
        # team ("由水利站许志刚站长牵头": after 由 it is the team)
        before = text[prev.start - offset - 1] if prev is not None and prev.start - offset > 0 else ""
        glued = prev is not None and names.is_bare_team(prev.name) and re.match(r"[\u4e00-\u9fff]", before) and before not in names.GLUE
        if prev and prev.kind == "dept" and m.kind == "person" and "|" not in prev.name and _DEPT_PERSON_GAP.match(gap) and not glued:
            out[-1] = Mention(f"{prev.name}|{m.name}", prev.start, m.end, "person")
        elif prev and prev.kind == "person" and m.kind == "dept" and "|" not in prev.name and _PERSON_DEPT_GAP.match(gap) and gap:
            out[-1] = Mention(f"{m.name}|{prev.name}", prev.start, m.end, "person")
        else:
            out.append(m)
    return out


def resolve_names(owners: list[Owner], known: frozenset[str]) -> list[Owner]:
    """邵经理 → 邵建军 where the meeting's participants say who that is (names.full_name_for)."""
    out = []
    for owner in owners:
        full = names.full_name_for(owner.name, known) if owner.name else None
        out.append(owner.model_copy(update={"name": full}) if full and full != owner.name else owner)
    return out


def to_owner(mention: Mention, text: str) -> Owner:
    if "|" in mention.name:
        dept, name = mention.name.split("|", 1)
        return Owner(name=name, dept=dept, text=text)
    if mention.kind == "dept":
        return Owner(name=None, dept=mention.name, text=text)
    return Owner(name=mention.name, text=text)


_HELPER_NOTE = re.compile(r"[（(][^（()）]*(?:配合|协助|协办|支持)[^（()）]*(?:[）)]|$)")


def owner_from_cell(cell: str, known: frozenset[str]) -> list[Owner]:
    """Owners in a 负责人 field or table cell: "王磊、李娜", "设计部 周琳", "@lina", "信息科",
    "QA经理 宁嘉树" (the person, not the role), "孔令仪；协办：…" (the first part only)."""
    # "孔令仪；协办：…", "待定  时间：待定" (the next field on the same line), "物业工程部（外包维保单位配合）"
    cell = _HELPER_NOTE.sub("", cell)
    cell = re.split(r"[；;）)\]】]|协办|配合|\s{2,}[^\s:：]{1,6}[:：]", cell.strip().strip("*").strip())[0].strip(" ，,（(【[")
    if not cell or is_empty_cell(cell) or is_open_cell(cell) or cell in layout_rules()["ditto"]:
        return []  # "同上" outside a table: the caller knows the item above
    if names.is_department(cell, loose=True) and not names.is_person(cell):
        return [Owner(dept=cell, text=cell)]  # "甲方设计管理部": one unit, however jieba cuts it
    people = [m for m in names.find_mentions(cell, known=known) if m.kind == "person"]
    if people and len(people) < len(names.find_mentions(cell, known=known)):
        merged = _merge_dept_person(cell, names.find_mentions(cell, known=known), 0)
        return [to_owner(m, cell[m.start:m.end]) for m in merged if m.kind == "person"]
    found = names.find_mentions(cell, known=known)
    if len(found) == 1 and found[0].kind == "dept":
        # "设计部贝佳": in an owner field, what follows the department is the person.
        rest = cell[found[0].end:].strip(" （()）:：")
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}|[A-Za-z][\w\-.]{1,30}", rest):
            return [Owner(name=rest, dept=found[0].name, text=cell)]
        last = rest.split()[-1] if len(rest.split()) > 1 else ""
        if names.is_full_name(last, loose=True) and not names.is_role(last):
            return [Owner(name=last, dept=found[0].name, text=cell)]  # "运检部变电运维班班长 陆海": the unit, a role, the person
    people = _merge_dept_person(cell, found, 0)
    if people:
        return [to_owner(m, cell[m.start:m.end]) for m in people if m.kind == "person" or len(people) == 1 or all(p.kind == "dept" for p in people)]
    first = re.split(r"[、,，/;；\s]+", cell)[0].lstrip("@")
    return [Owner(name=first, text=cell)] if first else []


_EXPLICIT_BEFORE = re.compile(rf"(?:{ARROW}|由|请|交给|交由|授权|责成|指派|委托|@|[Oo]wner[:：]?)\s*$")
# "请办公室许婷于本周五前…", "由财务部张倩负责", "授权总经理蒋若楠…": the person's unit or role may stand between
_EXPLICIT_BEFORE_UNIT = re.compile(r"(?:由|请|交给|交由|授权|责成|指派|委托)\s*(?P<unit>[\u4e00-\u9fff]{2,10})$")
_EXPLICIT_AFTER = re.compile(rf"^\s*(?:{ARROW}|负责|牵头|主导|主责|认领|跟进|[Oo]wn|[，,]?\s*你们?(?=[^，,。？?]{{0,12}}(?:把|来做|负责|做|出|写|跟进|去)))")


def explicitly_assigned(text: str, mention: Mention) -> bool:
    """Is the owner put in charge in so many words: "由X负责", "X → 对账", "@X", "owner X"?"""
    head = text[:mention.start]
    unit = _EXPLICIT_BEFORE_UNIT.search(head)
    # the unit ("办公室") or the role ("总经理", "市场部总监") between the word and the person
    in_between = unit.group("unit") if unit else ""
    return bool(_EXPLICIT_BEFORE.search(head) or in_between and (names.is_department(in_between) or _role_before().search(" " + in_between)) or _EXPLICIT_AFTER.match(text[mention.end:]) or text[mention.start:mention.start + 1] == "@")


def named_in_charge(text: str, name: str) -> bool:
    """Is `name` put in charge in so many words somewhere in `text` ("由 @dyning 协调跟进")?"""
    return any(explicitly_assigned(text, Mention(name, m.start(), m.end(), "person")) for m in re.finditer(re.escape(name), text))


def called_by_name(text: str, name: str) -> bool:
    """Is `name` called out and spoken to ("黄师傅你后天之前…", "孙姐 砖的颜色您明天…")?"""
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        if _CALLED.match(text, end) or ADDRESSED_DUE.match(text, end):
            return True
        at = text.find(name, end)
    return False


def handed_to(head: str) -> bool:
    """Does `head` end by handing work on ("…，然后让", "…，请")? Then the name after it
    owns only what follows."""
    return bool(re.search(r"(?:让|请|交给|安排|叫|找)\s*$", head))


def first_person_at(text: str) -> int | None:
    """Where "我来…"/"我们组…" first occurs in `text`, or None."""
    match = cue("first_person").search(text)
    return match.start() if match else None


def first_person(text: str) -> bool:
    """"我来…", "我这边…", or a reply that takes the task just asked for ("收到，周五前给")."""
    return has("first_person", text) or has("acknowledgement", text.strip())


def speaker_name(speaker: str | None) -> str | None:
    """A speaker label usable as an owner: a name, not an id like "说话人1" or "spk0"."""
    if not speaker or layout_rules()["speaker_ids"].fullmatch(speaker):
        return None
    return speaker


def is_joined(gap: str) -> bool:
    """Is `gap` (the text between two names) a conjunction: 和, 与, 、, "还有那个" — or "你跟"
    between two owners ("老何你跟Kevin一起…": joined_owners took the second only when together)?"""
    return bool(_JOINERS.match(gap) or _WITH_YOU.fullmatch(gap))


def joined_owners(text: str, mentions: list[Mention], offset: int) -> list[Mention]:
    """Owners joined by 和/、 before a verb: "王磊和李娜负责联调" names both."""
    owners = owner_mentions(text, mentions, offset)
    if not owners:
        return owners
    extra = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for m in ordered:
        if any(o.start < m.end and m.start < o.end for o in owners):
            continue  # an owner already, or inside one ("蔡丽萍" of the merged "门诊部|蔡丽萍")
        for o in owners:
            gap = text[m.end - offset:o.start - offset] if m.end <= o.start else text[o.end - offset:m.start - offset]
            together = m.start > o.end and _WITH_YOU.fullmatch(gap) and _TOGETHER.match(text[m.end - offset:])
            if (_JOINERS.match(gap) or together) and m.kind == o.kind:
                extra.append(m)
                break
    return _without_appositives(text, sorted(set(owners) | set(extra), key=lambda m: m.start), offset)


def _without_appositives(text: str, owners: list[Mention], offset: int) -> list[Mention]:
    """"陈姐，陈玉梅，你下周一发到群里", "老包，包建军，你…": a title form and the full name right
    after it are one person, called twice — the full name stays."""
    out: list[Mention] = []
    for m in owners:
        if out and out[-1].kind == m.kind == "person" and re.fullmatch(r"\s*[，,、]?\s*", text[out[-1].end - offset:m.start - offset]):
            short, full = out[-1].name, m.name
            if names.is_title_form(short) and names.full_name_for(short, frozenset([full])) == full:
                out[-1] = m
                continue
        out.append(m)
    return out


__all__ = ["owner_mentions", "to_owner", "owner_from_cell", "first_person", "speaker_name", "joined_owners", "cue"]
