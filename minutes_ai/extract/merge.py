"""One task said several times is one task.

Chat replies acknowledge ("收到，周五前全部出完"), speakers add the deadline a sentence later
("小蒋你来排吧。" … "那就十九号之前给我。"), hosts repeat the assignments in a closing summary.
These merge into the first clear assignment, which fills in what it lacked.
"""

from __future__ import annotations

import functools
import re

from ..text import names
from .drafts import TaskDraft, review_flags
from .owners import speaker_name


def merge_repeats(drafts: list[TaskDraft], known: frozenset[str] = frozenset()) -> list[TaskDraft]:
    """One task, said several times, is one task.

    "收到，我来" after "@李娜 导一下数据" acknowledges it; "收到，周五前全部出完" confirms it with a
    deadline; the host's closing summary ("陶然改告警，今天") repeats it. A later draft with the same
    owner and the same deadline date or a similar title fills in what the first one lacked. A
    recap calls the owner as the meeting does ("小邱" for "@邱志强"): `known` (the participants)
    says who that is.
    """
    out: list[TaskDraft] = []
    resolved: dict[str, str] = {}

    def full_name(name: str) -> str:  # once per name: asked of every pair in a 40-draft window
        if name not in resolved:
            resolved[name] = names.full_name_for(name, known)
        return resolved[name]

    for draft in drafts:
        bare = len(re.sub(r"[\W_]|我|来|好|的|收到|没问题|可以|OK|ok|行|搞定|负责|这个|那个|弄|做|吧|跟进", "", draft.title)) < 2
        if bare:
            previous = out[-1] if out and draft.start - out[-1].end <= 150 else None
            if previous and (previous.owner is None or draft.owner is None or _same_owner(previous, draft)):
                if _confirms(previous, draft):
                    previous.absorbed.append(previous.start)
                    previous.start, previous.end, previous.deadline = draft.start, draft.end, draft.deadline
                _fill(previous, draft)
                continue
            if draft.deadline is None:
                continue  # "收到✅" alone is never a task of its own
            # "好，这个我来跟进，周五前给大家": takes on what was just discussed
            draft.title = draft.title or "跟进"
        asked = _acknowledged(out, draft, full_name)
        if asked is not None:
            if _sets_the_date(asked, draft):
                _move_source(asked, draft)  # "你先按去年的量备" … "好，那我这边先按去年的量下单，这周内把订单提了": settled in the reply
            _fill(asked, draft)  # "@Cindy 主图下周三前出完" — Cindy："收到，周五前全部出完，尺寸按800x800"
            continue
        handed_back = bool(out) and (draft.owner is None or _same_owner(out[-1], draft) and re.match(r"\W*(?:给|发|交给|报给)我", draft.title) is not None)
        if handed_back and _completes(out[-1], draft):
            _fill(out[-1], draft)  # "小蒋你来排吧。" … "那就十九号之前给我。"; "老孟你们做个根因分析。下周一之前给我一个报告。"
            out[-1].absorbed.append(draft.start)
            continue
        if draft.owner is None and len(re.sub(r"\W", "", draft.title)) <= 4:
            continue  # "下周内搞完", "争取这周内有结果": a follow-up with nothing of its own
        # each way of being said again needs the same owner: asked first, once per earlier draft
        twin = next((d for d in reversed(out[-40:]) if (_same_owner(d, draft) or _same_person(d, draft, full_name)) and (d.start != draft.start and _same_work(d, draft) or draft.summary or _recap_work(d, draft))), None)
        if twin is not None:
            if not draft.summary and not draft.reply and _sets_the_date(twin, draft):
                # "我得提前给她试个妆，能不能约这周五？" … "好嘞，周五前我把港风妆的三套方案备好": the
                # later turn is where the work was settled, with its date; the source moves there
                _move_source(twin, draft)
            else:
                twin.absorbed.append(draft.start)  # a recap: the model must not add it back
            _fill(twin, draft)
            continue
        out.append(draft)
    return out


# a reply this close to the request (the next turn or two) is one exchange with it
_EXCHANGE = 60


def _move_source(first: TaskDraft, later: TaskDraft) -> None:
    """The task is quoted where it was settled: the later saying, which set the date — together
    with the request when the two are one exchange ("你先按去年的量备" / "好，那我这边先按去年的量
    下单，这周内把订单提了": what was asked and when it is due)."""
    first.absorbed.append(first.start)
    if 0 <= later.start - first.end <= _EXCHANGE:
        first.end = later.end
        first.absorbed.append(later.start)  # the reply is no task of its own either
    else:
        first.start, first.end = later.start, later.end
    first.criteria = later.criteria or first.criteria
    first.confidence = max(first.confidence, later.confidence)  # as sure as the saying that set the date


def _sets_the_date(first: TaskDraft, later: TaskDraft) -> bool:
    """Does the later saying give the date the first lacked?"""
    return (first.deadline is None or first.deadline.date is None) and later.deadline is not None and later.deadline.date is not None


def _recap_work(first: TaskDraft, later: TaskDraft) -> bool:
    """"老黄周三前样品；", "花艺报价：Mandy 周五": a short later line with the same date as a task
    handed out before (to the same owner: asked by the caller), sharing some of its words, is that
    task said again in a recap the splitter saw no header for."""
    if first.deadline is None or later.deadline is None or first.deadline.date is None or first.deadline.date != later.deadline.date:
        return False
    if first.deadline.time is not None and later.deadline.time is not None and first.deadline.time != later.deadline.time:
        return False  # "明早10点前给我看初稿" then "今天下午4点前搞定": the next round, not a recap
    return len(re.sub(r"\W", "", later.title)) <= 12 and bigram_overlap(first.title, later.title) >= 0.25


def _same_person(a: TaskDraft, b: TaskDraft, full_name) -> bool:
    """"小邱" and "邱志强", "黎师傅" and "黎建华": one person, when the participants say so
    (`full_name`: names.full_name_for over the participants)."""
    if a.owner is None or b.owner is None or not a.owner.name or not b.owner.name:
        return False
    return full_name(a.owner.name) == full_name(b.owner.name)


def _confirms(offer: TaskDraft, answer: TaskDraft) -> bool:
    """"我下周把看板搭起来吧" — boss: "可以，Kevin你下周三之前弄好": another speaker's answer that
    sets the date is where the task was given; the source moves there."""
    dated = answer.deadline is not None and answer.deadline.date is not None
    if not (dated and offer.speaker and answer.speaker and offer.owner) or offer.speaker == answer.speaker:
        return False
    offered = _same_names((offer.speaker, None), (offer.owner.name, offer.owner.dept))  # not "小赵你订个地方" — "好的，我这周订好"
    return offered and (offer.deadline is None or offer.deadline.date != answer.deadline.date)


def _acknowledged(out: list[TaskDraft], draft: TaskDraft, full_name=lambda name: name) -> TaskDraft | None:
    """The task a "收到，…" reply takes on: a recent one handed to the replying speaker — or, when
    the speaker is known only by an id ("C：好 明天我整理一下发你" right after "A：…晓燕你…"), the
    task handed out in the turn just before: whoever answers at once is the one called."""
    if not draft.speaker or not draft.reply:
        return None
    named = next(
        # ("吴姐，…这周内方便安排一下" — 吴敏："好，这周内转。": the participants say 吴姐 is 吴敏)
        (d for d in reversed(out[-5:]) if 0 <= draft.start - d.end <= 300 and d.speaker != draft.speaker and d.owner and (_same_names((draft.speaker, None), (d.owner.name, d.owner.dept)) or bool(d.owner.name) and full_name(d.owner.name) == full_name(draft.speaker))),
        None,
    )
    if named is not None or not out or speaker_name(draft.speaker) is not None:
        return named  # a speaker with a name answers for that name only
    # the last task handed to someone in the turn before ("邵敏你来起草 明天给我看一下", then the
    # speaker's own "我得报给公司" — "好的 明天上午给您" answers the first)
    turn = out[-1].speaker
    at = next((i for i in range(len(out) - 1, max(len(out) - 4, -1), -1) if out[i].speaker == turn and out[i].owner is not None and out[i].owner.name != turn), None)
    if at is None or any(d.speaker != turn for d in out[at:]):
        return None
    last = out[at]
    answered = bool(last.speaker) and last.speaker != draft.speaker
    # a short yes, not "没问题 那节目单我们中班周四之前报给你" (work of their own)
    short = len(re.sub(r"\W", "", draft.title)) <= 8
    return last if answered and short and 0 <= draft.start - last.end <= 120 else None


def _completes(previous: TaskDraft, draft: TaskDraft) -> bool:
    """An ownerless sentence right after an owned task that lacked a deadline gives that deadline."""
    close = 0 <= draft.start - previous.end <= 80
    needs = previous.owner is not None and (previous.deadline is None or previous.deadline.date is None)
    return close and needs and draft.deadline is not None and draft.deadline.date is not None


def _same_owner(a: TaskDraft, b: TaskDraft) -> bool:
    """Same person or department; "雨桐" in a summary is "周雨桐" from earlier."""
    if a.owner is None or b.owner is None:
        return False
    return _same_names((a.owner.name, a.owner.dept), (b.owner.name, b.owner.dept))


@functools.lru_cache(maxsize=4096)
def _same_names(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    # "@lily" is "Lily Chen": Latin names compare without case
    first, second = {x.lower() for x in a if x}, {x.lower() for x in b if x}
    return bool(first & second) or any(len(x) >= 2 and len(y) >= 2 and (x in y or y in x) for x in first for y in second)


def same_task(a: TaskDraft, b: TaskDraft) -> bool:
    """The same owner, no two different dates, and titles that share most of their bigrams."""
    return a.start != b.start and _same_owner(a, b) and _same_work(a, b)


def _same_work(a: TaskDraft, b: TaskDraft) -> bool:
    """No two different dates (nor two different times of one day: "明早10点前给我看初稿" then, next
    morning, "贴片今天下午4点前搞定" is a second round), and titles that share most of their bigrams."""
    dates = {d.date for d in (a.deadline, b.deadline) if d is not None and d.date is not None}
    times = {d.time for d in (a.deadline, b.deadline) if d is not None and d.time is not None}
    return len(dates) <= 1 and len(times) <= 1 and bigram_overlap(a.title, b.title) >= 0.5


@functools.lru_cache(maxsize=8192)
def bigrams(text: str, ignore: str = r"[\s，,、。；;：:]") -> frozenset[str]:
    """The character bigrams of `text`, characters matching `ignore` left out."""
    text = re.sub(ignore, "", text)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def bigram_overlap(a: str, b: str) -> float:
    """Shared character bigrams over the shorter title: "查重复扣款" vs "逐个核对重复扣款的case"."""
    a_grams, b_grams = bigrams(a), bigrams(b)
    if not a_grams or not b_grams:
        return 0.0
    return len(a_grams & b_grams) / min(len(a_grams), len(b_grams))


def _fill(first: TaskDraft, later: TaskDraft) -> None:
    if first.owner is None and later.owner is not None:
        first.owner = later.owner
    if (first.deadline is None or first.deadline.date is None) and later.deadline is not None and later.deadline.date is not None:
        first.deadline = later.deadline
    if first.criteria is None and later.criteria:
        first.criteria = later.criteria
    first.flags = review_flags(first.owner, first.deadline)
