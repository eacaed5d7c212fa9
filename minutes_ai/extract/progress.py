"""Progress (进展): lines that report earlier work as finished (done) or called off (cancelled).

A follow-up meeting goes through the last task list ("上次的X已经交了", "原定的外景取消"); the
minutes keep those lines so the tracker can close what was reported done. They are never tasks
(extract/roles.py keeps them out of the task list); a cancellation the meeting agreed on is also a
decision. The cue lists (`progress_done`, `progress_cancelled`, `progress_not`) are in
rules/cues.yaml: narrower than the `done`/`cancelled` vetoes of the task extractor, which also stop
"讨论了" or "请假" from being tasks. Lines under a 本周完成/已完成 heading report done work whatever
their wording, unless they say it is still running ("完成一半", "进行中").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Sentence
from ..text.sentences import item_fields
from .cues import cue, has


@dataclass
class ProgressDraft:
    text: str
    start: int
    end: int
    status: str  # "done" | "cancelled"
    marked: bool = False  # the layout says so (a table's 状态 cell, a ticked box), not the wording
    sentence_start: int | None = None  # a clause's sentence (where the classifier's probability is kept)

    @property
    def unit(self) -> int:
        return self.start if self.sentence_start is None else self.sentence_start


def cell_status(cell: str) -> str | None:
    """What a 状态 cell says of the work: "done" (已完成, 已闭合, Closed, ✔), "cancelled" (已取消,
    Cancelled, 作废) or None (进行中, Open, 未完成, 待定). A bracketed note is not the status:
    "Cancelled（CR-014 待批）" is cancelled."""
    cell = _without_note(cell or "")
    if not cell or _STILL_OPEN.search(cell):
        return None
    if re.search(r"取消|作废|撤销|[Cc]ancel(?:l?ed)?|[Dd]ropped", cell):
        return "cancelled"
    if re.search(r"完成|结束|关闭|闭合|闭环|[Dd]one|[Cc]losed|[Cc]ompleted|[Rr]esolved|✓|✔|☑", cell):
        return "done"
    return None


def _status_cell(sentence: Sentence) -> str | None:
    """A row's 状态 cell, when it says anything (not "100%" or "已自测", which the words judge)."""
    cell = sentence.cells["status"].text if sentence.row and "status" in sentence.cells else ""
    return cell if cell_status(cell) is not None or _STILL_OPEN.search(_without_note(cell)) else None


def _without_note(cell: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", cell)


_TICKED = re.compile(r"\W*\[[xX]\]")
_STILL_OPEN = re.compile(r"未|进行|待|doing|WIP|wip|[Ii]n progress|[Oo]pen")


def status_of(sentence: Sentence) -> str | None:
    """"cancelled", "done" or None for one sentence (a table row counts as one sentence)."""
    # "那批已经提交的报名表…", "取消后的预算结余": a status that names the object of new work reports nothing
    text = cue("named_status").sub("", item_fields(sentence.text))
    if sentence.heading or sentence.section == "timeline" or has("progress_not", text):
        return None  # a timeline tells the incident, not the state of the work
    cell = _status_cell(sentence)
    if cell is not None:
        return cell_status(cell)  # | A-24 | 提交分析报告 | 韩冬 | 12-09 | Closed |
    if has("progress_cancelled", text):
        return "cancelled"
    if has("progress_done", text) and not _ticked_decision(text) or (sentence.section == "done" and _reports_work(text)):
        return "done"
    return None


_TICK = re.compile(r"[✔✓☑✅]")


def _ticked_decision(text: str) -> bool:
    """"✅ 采用 hierarchical quota", "打包袋经费从机构日常经费出 ✔ 大家同意": a tick beside what was
    decided marks the decision, not finished work (the words say which)."""
    return _TICK.search(text) is not None and not has("progress_done", _TICK.sub("", text)) and has("decision", text)


def _reports_work(text: str) -> bool:
    """Under a done heading, a line that names work ("审了两篇稿", not the topic "v4 路线图") and is not
    a question, a proposal or a view."""
    return len(text.strip()) >= 6 and (has("task_verbs", text) or "了" in text) and not (has("open_question", text) or has("proposal", text) or has("not_decision", text))


def extract_progress(sentences: list[Sentence]) -> list[ProgressDraft]:
    found = []
    for sentence in sentences:
        if sentence.row and "done" in sentence.cells:
            found.extend(_done_cell(sentence.cells["done"]))
            continue
        status = status_of(sentence)
        if status is not None:
            marked = _status_cell(sentence) is not None or _TICKED.match(sentence.text) is not None
            found.append(ProgressDraft(sentence.text, sentence.start, sentence.end, status, marked=marked))
        elif not (sentence.heading or sentence.row or sentence.section == "timeline"):
            found.extend(_done_clauses(sentence))
    return found


def _done_cell(cell) -> list[ProgressDraft]:
    """The 本周完成/昨天 cell of a per-person table ("| 吴倩 | 购物车改版已完成，已提测 | …"): progress
    when it says the work is finished — not "进度70%", "出了初版" or "请假"."""
    text = cell.text
    if has("progress_not", text) or not (has("progress_done", text) or re.search(r"(?<![未没])完成(?!率|度)", text)):
        return []
    return [ProgressDraft(text, cell.start, cell.end, "done", marked=True)]


def _done_clauses(sentence: Sentence) -> list[ProgressDraft]:
    """"二期卡池的数值表已经锁了，抽卡概率公示我10.8之前更新": the sentence as a whole plans new
    work, one clause of it reports work done — that clause is the progress item."""
    whole = cue("named_status").sub("", sentence.text)
    if not (has("progress_done", whole) or has("progress_cancelled", whole)):
        return []  # no clause can report what the whole sentence does not
    out = []
    decided = _ticked_decision(sentence.text)
    for clause in re.finditer(r"[^，,；;。！!？?]+", sentence.text):
        text = clause.group().strip()
        if len(text) < 4 or _CONDITION.match(text) or _NOT_A_REPORT.search(text) or has("progress_not", text) or has("open_question", text) or has("proposal", text):
            continue
        status = "cancelled" if has("progress_cancelled", text) else "done" if has("progress_done", text) else None
        if status == "done" and decided and not has("progress_done", _TICK.sub("", text)):
            continue  # the tick of a decision stands beside this clause ("✅ 一期只做服务号模板消息，…")
        if status is not None:
            out.append(ProgressDraft(clause.group(), sentence.start + clause.start(), sentence.start + clause.end(), status, sentence_start=sentence.start))
    return out


# "阿杰你尽快把合同签了" asks, "你把已印物料统计一下" names work, "不是已经验收了" asks back
_NOT_A_REPORT = re.compile(r"你|把|不是|吧\s*$|吗\s*$")
_CONDITION = re.compile(r"\W*(?:等|如果|要是|万一|假如|假设|待|一旦|只要|除非|if\b)")
