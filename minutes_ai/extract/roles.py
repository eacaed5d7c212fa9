"""What a sentence does in the meeting: assign a task, record a decision, leave a question open.

A human reader decides this from cue words ("已完成" reports, "取消" cancels, "是否…" asks,
"决定" decides) and from the heading the line sits under ("本周完成" vs. "下周计划"). The cue
lists are in rules/cues.yaml, the headings in rules/layout.yaml. A sentence may play two roles:
"会议决定由王磊负责牵头" is both a decision and a task.
"""

from __future__ import annotations

import re

from ..models import Sentence
from ..text import names
from ..text.labels import field_of
from ..text.sentences import item_fields
from .cues import cue, has
from .owners import reports


def is_done(text: str) -> bool:
    return has("done", _without_named_status(text))


def is_cancelled(text: str) -> bool:
    return has("cancelled", _without_named_status(text))


def _without_named_status(text: str) -> str:
    """"核算大屏取消后的预算结余", "将汇演取消及经费调整情况报备案": a status word that names the
    object of new work (取消后的…, …取消情况) reports nothing; blank it (rules/cues.yaml:
    named_status)."""
    return cue("named_status").sub("", text)



def is_open_question(sentence: Sentence) -> bool:
    """Left unresolved: under a 待定 heading, or deferred ("下次再议", "等财务回复再定", "TBD").

    Not: a one-word sub-heading under 待定, a line reporting it resolved ("钥匙海波已拿到 ✔"),
    a line the meeting agreed on ("大家同意")."""
    text = item_fields(sentence.text)
    if sentence.section in ("done", "timeline") or is_done(text) or re.search(r"[✔✓☑]|大家同意|已解决", text) or has("decided_label", text):
        return False
    if has("next_meeting", text) and not re.search(r"待定|待.{0,8}确认", text):
        return False  # "下次会议拟于10月上旬召开，具体时间另行通知" schedules; "…具体时间待定" is still open
    if sentence.section == "questions":
        return len(re.sub(r"\W", "", text)) >= 4
    if has("undecided", text):
        return True  # "本议案暂不表决，待中介机构出具估值报告后提交下次董事会审议"
    if _SETTLED_AT_END.search(text):
        return False  # "和解：…先不主动提，等对方开口 → 就这么定": the wait is what was agreed
    if _says_no(text):
        return False  # "大家意见不一，先不搞。", "海外版本本期不立项，明年Q2再评估": settled, by saying no
    return has("open_question", text)


_SETTLED_AT_END = re.compile(r"(?:→|->|=>|，|,|\s)\s*(?:那)?(?:就这么定了?|就这样定了?|定了|就这么办)\s*[。.!！]?\s*$")


def _says_no(text: str) -> bool:
    """An agreed rejection or cancellation, not asked as a question: a decision, never open."""
    return has("rejection", _without_named_status(text)) and not has("question", _without_deferral(text)) and not has("reported_past", text)


def _without_deferral(text: str) -> str:
    """"五一不搞，节后再说", "海外版本本期不立项，明年Q2再评估": what is put off after a no is the
    no's reason to look again later; the no itself was decided (corpus/train: 38 such sentences
    decisions, 9 only open). Not "等 FA 结论再说", "下次再议": waiting for an answer or the next
    meeting leaves it open. Clauses end at commas, or at spaces in unpunctuated speech."""
    body = text.rstrip("。！!；; ")
    clauses = re.split(r"[，,]" if re.search(r"[，,]", text) else r"\s+", body)
    last = clauses[-1]
    if len(clauses) > 1 and _DEFERRAL.search(last) and not re.search(r"等|待|下次|下回", last):
        return text[: body.rfind(last)]
    return text


_DEFERRAL = re.compile(r"^[^？?]{0,12}(?:再说|再看|再定|再评估)\W*$")


def _dated_promise(text: str) -> bool:
    """"我月底前把 capacity 表更新好，7月初有两个人休年假": a first-person promise with a due date
    opens the sentence; a report or an absence after it is the reason, not the sentence."""
    return bool(re.match(r"\W{0,3}(?:好|行|嗯|那)?[，,\s]*我", text)) and has("first_person", text) and has("due_ahead", text)


def is_unagreed_proposal(text: str) -> bool:
    """"建议先做灰度" proposes; "下周三前提出调整用途的建议" hands out work whose product is a
    proposal (rules/cues.yaml: proposal_as_work)."""
    text = cue("proposal_as_work").sub("", text)
    return has("proposal", text) and not has("agreed", text)


_AGREEMENT_ONLY = re.compile(r"^[\W_]*(?:(?:好|行|那就|大家|都|一致|这个|对|全票通过|一致通过|通过|会议同意该调整|没意见的话|就这么定|同意|可以|没问题|OK|ok|吧|了|就这样|这样|定了|那|我|散会|今天就到这(?:里|儿)?|先这样|就?按这个(?:来|办|做)?|就这么办|没有异议|无异议|基本|赞同|具体见决议|\+1)[\W_]*)*$")
_RATIFIES = re.compile(r"同意|没意见|没有异议|无异议|就这么定|定了|一致|赞同|按这个")


def ratifies(text: str, before: str) -> bool:
    """"大家都同意", "没有异议": a line that only agrees ratifies the sentence before it (`before`),
    unless that one only agreed too ("行。没意见") or the agreement points to where the decision is
    written ("大家基本赞同，具体见决议"). One "+1" is one voice, not the meeting's."""
    return bool(_AGREEMENT_ONLY.match(text)) and _RATIFIES.search(text) is not None and not _AGREEMENT_ONLY.match(before) and "见决议" not in text


# "关于资金保障。": a topic line inside 议定事项, not a decision of its own
_TOPIC_LINE = re.compile(r"^\W*关于.{1,16}?[。：:]?$")
_FIELD_LINE = re.compile(r"^\W*([^\s:：，,。]{1,8})\s*[:：]")
# "表决结果：同意10票，反对0票，弃权1票。": the count of a vote; the motion above is the decision
_TALLY = re.compile(r"^\W*(?:表决结果|投票结果|投票|表决)?\s*[:：]?\s*(?:同意|赞成)\s*[:：]?\s*\d+\s*票?\s*[，,、；;/]?\s*反对\s*[:：]?\s*\d+\s*票?(?:\s*[，,、；;/]?\s*弃权\s*[:：]?\s*\d+\s*票?)?\W*$")
# "今天定下来的：", "各位，刚才评审会的结论同步一下 📝": a line that announces the decisions below it
_INTRO_LINE = re.compile(r"^\W*(?:决定|决议|结论)\W*$|[：:][^\w]*$|(?:结论|决议|决定)\S{0,4}(?:同步|汇报|说|通报)一下")


def _last_clause(text: str) -> str:
    clauses = [c for c in re.split(r"[，,；;。]", text) if c.strip()]
    return clauses[-1] if clauses else text


def is_decision(sentence: Sentence) -> bool:
    text = item_fields(sentence.text)
    if sentence.section != "decisions" and not (has("decision", text) or has("strong_decision", text) or has("rejection", text) or has("decided_label", text)):
        return False  # no word that decides, outside a 决议 section: nothing below finds one (most sentences)
    if sentence.section in ("done", "questions", "timeline") or _AGREEMENT_ONLY.match(text) or _INTRO_LINE.search(text) or _TALLY.match(text):
        return False  # "同意。" alone agrees to what was said before; that sentence is the decision
    field = _FIELD_LINE.match(text)
    if field and field_of(field.group(1)) not in (None, "title"):
        return False  # "完成时限：8月21日。", "负责人：邵刚": a field of the item above
    if has("undecided", text):
        return False  # "会议未作最终决定，待提交区政府常务会议研究": said to be undecided
    if has("scheduled_elsewhere", text) and not (has("decided_label", text) or _AGREED_AFTER.search(text)):
        return False  # "学校期中教学检查定于11月2日至13日进行": a date set elsewhere, passed on
    if has("cancelled_elsewhere", text) and not _AGREED_AFTER.search(text):
        return False  # "6.13那场婚礼：客户上周通知取消了": called off elsewhere, reported here
    if has("cancelled_by_outside", text) and not has("the_meeting_answers", text):
        return False  # "原定的德国同族专利检索外包，客户已叫停，不再推进": passed on, not decided
    if sentence.section == "decisions":
        # "结论：双11 先不上积分抵扣，放到双12 再说": a deferral the meeting agreed is decided
        deferred = has("open_question", text) and not has("rejection", text)
        # "汛期安全。", "室外管网开工时间；": the topic of the next item, not a decision of its own
        # (but "代表客户提起上诉。", "蟹粉豆腐不上" under 会议决定 are short decisions)
        topic = len(text) <= 12 and has("topic_line", text) and not (has("decision", text) or has("rejection", text) or has("task_verbs", text))
        # "邵国强反映闸口高峰期集卡排队时间超过40分钟。": what someone reported or offered, said
        # between the decisions — not decided unless a word of deciding follows
        reported = reports(text, names.find_mentions(text)) and not (has("decision", text) or has("strong_decision", text) or has("rejection", text))
        return not (deferred or topic or reported or is_done(text) or _TOPIC_LINE.match(text))
    if has("decided_label", text):
        return True  # "会上定了：新批次PP料暂停发放，等温静的结论再说"
    if _says_no(text) and not is_unagreed_proposal(_last_clause(text)):
        return True  # "…邓厂长认为预算不在本年度，暂不考虑", "海外版本本期不立项，明年Q2再评估"
    agreed = _AGREED_AFTER.search(text) is not None and not has("question", text)
    if has("not_decision", text) and not has("strong_decision", text) and not agreed:
        return False  # "…建议用仿真树，大家同意。": proposed, then agreed
    strong = cue("strong_decision").search(text)
    # …said as done, not as still to do ("要老板拍板", "需要 PMC 投票决定", "这次先不决定") or named
    # ("股东会决议的利润分配事项")
    pending = strong is not None and (_PENDING_BEFORE.search(text, 0, strong.start()) is not None or text.startswith("的", strong.end()))
    if strong and not pending:  # (said to be undecided was ruled out above)
        # "…因设备部已于5月14日一并检查了，经讨论决定不再单独组织普查": the done work is the
        # reason; "经讨论决定取消，改为分散举办，具体形式还没定": decided first, a detail left open
        opened = cue("open_question").search(text)
        if opened is None or opened.start() > strong.start():
            return True
    if has("open_question", text) and not _SETTLED_AT_END.search(text) or is_done(text):
        return False
    if strong:
        return True
    if not has("decision", text):
        return False
    # "钟明远说明，期中考试定于11月4日" reports a fact; "雷鸣提出将砌块改为轻质隔墙板" proposes,
    # unless the meeting then agrees ("…，大家同意")
    if agreed:
        return True
    opener = [m for m in names.find_mentions(text[:16]) if not re.search(r"[^\W_]", text[:m.start])]
    return not (cue("report_verbs").search(text[:12]) or reports(text, opener))


_PENDING_BEFORE = re.compile(r"(?:要|需要?|待|请|等|先不|不|没|未|能否|是否)[^，,。；;：:]{0,10}$")
_AGREED_AFTER = re.compile(r"(?:大家|都|一致|会议|与会\S{0,3})(?:同意|认可|没意见|无异议|通过)")


# "@欧阳铭 能今天下班前发我一版吗", "那思远你下周二能给到吗": a request to someone by handle or
# addressed with 你, with a date, asks for work
_DATED_REQUEST = re.compile(r"(?:@\S+|你(?!们|觉得|看|说|知道)).*(?:前|之内|以内|今天|明天|后天|下班|[本这下]周|周[一二三四五六日末]|\d+[号日])")


# what brackets hold beside the sentence: a report said in passing ("（王老师说英语的已经编好了）"),
# not a status tag of the item itself ("（已定）")
ASIDE = re.compile(r"[（(][^（）()]{6,}[)）]")
_IF_CLAUSE = re.compile(r"(?:要是|如果|假如|万一)[^，,。；;？?]*?(?=就|的话|[，,。；;]|$)")


def _asks_after_report(text: str) -> bool:
    """"钱老师今天请假了许老师你今天跟她说一声": speech without commas reports, then asks someone
    by name, or the speaker promises something by a day; the ask or the promise is work."""
    report = cue("done").search(text) or cue("cancelled").search(text)
    if report is None:
        return False
    rest = text[report.end():]
    # …or promises, with a day: "整改检验科已经在做了 … 我这边下周一之前把整改报告交质控办"
    return ASKED.search(rest) is not None or has("first_person", rest) and has("due_ahead", rest)


# someone asked to act: "许老师你今天跟她说一声", "温丽 你 负责" (not "你不用再跟客户说了")
ASKED = re.compile(r"你(?:们)?(?!不用|不要|不必|别)[^，,。]{0,8}?(?:跟|把|去|来|给|找|联系|说一声|通知|负责)")


def _volunteers_after_proposing(text: str) -> bool:
    """"要不改成扫码填吧 问卷这个我来做 三个工作日之内弄好": the proposal comes with a promise."""
    proposal = cue("proposal").search(text)
    return proposal is not None and re.search(r"我(?:来(?!说|讲|看)|负责|会|这边来)", text[proposal.end():]) is not None


# "大家觉得行不行？", "是否…": asks what people think, not for work
_ASKS_OPINION = re.compile(r"觉得|认为|是否|有没有|怎么|为什么")


def _dated_request(text: str) -> bool:
    return bool(_DATED_REQUEST.search(text)) and not _ASKS_OPINION.search(text)


def may_be_task(sentence: Sentence) -> bool:
    """False for sentences that cannot assign new work: reports, cancellations, open questions."""
    text = cue("embedded_question").sub("", item_fields(sentence.text))
    if sentence.section == "timeline" or sentence.section == "done" and not (has("due_ahead", text) and not is_done(text)):
        return False
    # A run of clauses ("登录模块已经完成，…，我会在本周五前完成对接") is judged clause group by
    # clause group in the task extractor; a single clause is judged here.
    single = len(re.findall(r"[，,；;]", text)) < 2
    # "…6月30日前交刘组长审核（王老师说英语的已经编好了）": a report in brackets is an aside
    main = ASIDE.sub("", text)
    if single and (is_done(main) or is_cancelled(text)) and not _asks_after_report(text) and not _dated_promise(text):
        return False
    if sentence.section == "questions":
        return False
    # "要写清楚位置、有没有挡水板", "跟工厂确认能否提前3天开线": the question is part of the work
    # (finding out), not a proposal or a question of the meeting's
    text = cue("embedded_question").sub("", text)
    if is_unagreed_proposal(text) and not _volunteers_after_proposing(text) or has("not_task", text):
        return False
    # "Jason，PR模板你来改一下吧？" asks, but it assigns; "待确认吧，我今天下班前跟客户沟通" defers
    # and takes on the asking; "…下周三前给到我，没问题吧？" requests, the tag asks only for a yes.
    if not _ASKS_OPINION.search(text):
        text = cue("tag_question").sub("", text)
    # "对手要是还没定就两个都做": a condition says what to do either way, it asks nothing
    text = _IF_CLAUSE.sub("", text)
    # "方阵服装费用由谁出还没定，李秀梅老师去问德育处": the question stays open, finding out is work
    if has("question", text) and sentence.section != "tasks" and not (has("second_person", text) or has("first_person", text) or _dated_request(text) or has("goes_to_ask", text)):
        return False
    return True
