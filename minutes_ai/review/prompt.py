"""The review prompt: show one item, read one answer, until every item has one.

`render_item` draws the item on screen (source sentence and recording time, fields, what is
missing); `read_answer` reads one answer from a `terminal.LineTerminal` or `KeyTerminal` — the
same flow for a person pressing keys and a script sending lines — and returns the session it
leads to. A refused value ("尽快" as a deadline) is explained and asked again; a blank one cancels.
"""

from __future__ import annotations

from typing import Callable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..models import Deadline, Owner
from ..render.common import deadline_text, owner_text
from .errors import ReviewError
from .fields import parse_deadline, split_parts
from .session import ADDED_FLAG, ItemRef, ReviewSession
from .terminal import KeyTerminal, LineTerminal, make_terminal, resolve_key

__all__ = ["ACTIONS", "KeyTerminal", "LineTerminal", "Quit", "make_terminal", "read_answer", "render_item", "resolve_key", "review_items"]

ACTIONS = {
    "a": "接受",
    "e": "编辑",
    "r": "拒绝",
    "s": "拆分",
    "m": "合并",
    "n": "新增",
    "b": "上一条",
    "q": "退出",
    "?": "帮助",
}
DECISION_ACTIONS = ("a", "e", "r", "n", "b", "q", "?")
TASK_FIELD_KEYS = {"t": "任务名称", "o": "负责人", "d": "截止时间", "c": "交付标准"}
FIELD_BY_KEY = {"t": "title", "o": "owner", "d": "deadline", "c": "criteria"}
SPLIT_KEYS = {"t": "按任务名", "o": "按负责人"}

FLAG_LABELS = {
    "no_owner": "未指定负责人",
    "no_deadline": "没有截止时间",
    "vague_deadline": "截止时间不明确（没有具体日期）",
    ADDED_FLAG: "审核时新增",
}
STATUS_LABELS = {None: "待审核", "confirmed": "已确认", "accepted": "已确认", "rejected": "已拒绝"}

HELP = """\
a 接受    确认这一条，进入下一条
e 编辑    修改一项：t 任务名称  o 负责人  d 截止时间  c 交付标准（决议只有文本）；输入 - 清空
r 拒绝    这一条不是任务 / 不算决议
s 拆分    一条拆成多条：t 按任务名（修复回调 / 回归测试）或 o 按负责人（贝佳、程一帆）
m 合并    与上一个任务合并
n 新增    补一个漏掉的任务（任务名称、负责人、截止时间、交付标准，回车跳过）
b 上一条  回到上一条重新回答
q 退出    保存进度退出；再次运行 minutes review 从这里继续
脚本：每行一个回答，可连写，如 "e d 下周三"、"s t 修复回调 / 回归测试"。"""


class Quit(Exception):
    """The reviewer quit (q), or the answers ran out (`ended`: end of standard input)."""

    def __init__(self, ended: bool = False):
        super().__init__("answers ended" if ended else "quit")
        self.ended = ended


# -- showing an item ---------------------------------------------------------------------------


def render_item(console: Console, session: ReviewSession) -> None:
    """The item on screen: where it came from, its fields, what is missing, and the keys."""
    ref = session.current
    if ref is None:
        return
    console.print()
    console.rule(Text(_heading(session, ref)), align="left", style="dim")
    verdict = session.verdict(ref)
    rows: list[tuple[str, str]] = []
    if ref.kind == "task":
        task = session.current_task
        source = task.source.text.replace("\n", " ") if task.source.text else "（审核时新增）"
        if task.source.audio_start is not None:
            source += f"  [录音 {format_seconds(task.source.audio_start)}]"
        rows += [
            ("来源", source),
            ("任务名称", task.title),
            ("负责人", _owner(task.owner)),
            ("截止时间", _deadline(task.deadline)),
            ("交付标准", task.criteria or "—"),
        ]
        flags = [FLAG_LABELS.get(flag, flag) for flag in task.flags]
    else:
        decision = session.current_decision
        source = decision.source.text.replace("\n", " ")
        if decision.source.audio_start is not None:
            source += f"  [录音 {format_seconds(decision.source.audio_start)}]"
        rows += [("来源", source), ("决议", decision.text)]
        flags = []
    width = max(cell_len(label) for label, _ in rows)
    for label, value in rows:
        line = Text("  ")
        line.append(label + " " * (width - cell_len(label)), style="bold cyan")
        line.append("  " + value)
        console.print(line, highlight=False)
    if flags:
        console.print(Text("  ⚠ " + "；".join(flags), style="yellow"))
    console.print(Text(f"  状态：{STATUS_LABELS.get(verdict, verdict)}", style="dim"))
    keys = _menu(session, ref)
    console.print(Text("  " + "  ".join(f"{k} {ACTIONS[k]}" for k in keys), style="dim"))


def _heading(session: ReviewSession, ref: ItemRef) -> str:
    if ref.kind == "task":
        ids = [t.id for t in session.minutes.tasks]
        kind, total = "任务", len(ids)
    else:
        ids = [d.id for d in session.minutes.decisions]
        kind, total = "决议", len(ids)
    return f"{kind} {ids.index(ref.id) + 1}/{total} · {ref.id}   （还有 {session.undecided} 项未审核）"


def _owner(owner: Owner | None) -> str:
    return owner_text(owner) or "—"


def _deadline(deadline: Deadline | None) -> str:
    return deadline_text(deadline) or "—"


def format_seconds(seconds: float) -> str:
    """83.4 → "01:23"; 3723 → "1:02:03" (where to listen in the recording)."""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _menu(session: ReviewSession, ref: ItemRef) -> list[str]:
    keys = list(DECISION_ACTIONS) if ref.kind == "decision" else list(ACTIONS)
    if session.index == 0:
        keys.remove("b")
    if ref.kind == "task" and [t.id for t in session.minutes.tasks].index(ref.id) == 0:
        keys.remove("m")
    return keys


# -- reading an answer -------------------------------------------------------------------------


def read_answer(session: ReviewSession, term: LineTerminal) -> ReviewSession:
    """Read one answer to the item on screen and return the session it leads to (the same
    session when the answer was cancelled or refused). Raises `Quit` on q or end of input."""
    ref = session.current
    choices = {k: ACTIONS[k] for k in _menu(session, ref)}
    key = term.key("操作", choices)
    if key is None:
        raise Quit(ended=True)
    if key == "q":
        raise Quit()
    if key == "?":
        term.say(HELP)
        return session
    try:
        if key == "a":
            return session.accept()
        if key == "r":
            return session.reject()
        if key == "b":
            return session.back()
        if key == "m":
            return session.merge_previous()
    except ReviewError as exc:
        term.error(str(exc))
        return session
    if key == "e":
        return _edit(session, term, ref)
    if key == "s":
        return _split(session, term)
    return _add(session, term)


def _ask_until_valid(term: LineTerminal, prompt: str, apply: Callable[[str], object], **options):
    """Ask for a value until `apply` takes it; a refused value is explained and asked again.
    A blank answer cancels (returns None); the end of input raises `Quit`."""
    while True:
        value = term.line(prompt, **options)
        if value is None:
            raise Quit(ended=True)
        if not value:
            term.say("已取消", style="dim")
            return None
        try:
            return apply(value)
        except ReviewError as exc:
            term.error(str(exc))


def _edit(session: ReviewSession, term: LineTerminal, ref: ItemRef) -> ReviewSession:
    if ref.kind == "decision":
        edited = _ask_until_valid(term, "决议文本", lambda v: session.edit("text", v), default=session.current_decision.text)
        return edited or session
    key = term.key("编辑哪一项", TASK_FIELD_KEYS, cancel=True)
    if key is None:
        raise Quit(ended=True)
    if not key:
        return session
    field = FIELD_BY_KEY[key]
    task = session.current_task
    current = {
        "title": task.title,
        "owner": owner_text(task.owner),
        "deadline": task.deadline.text if task.deadline else "",
        "criteria": task.criteria or "",
    }[field]
    hint = "（如 下周三、12月2日；- 清空）" if field == "deadline" else "（- 清空）" if field != "title" else ""
    completions = session.owner_candidates() if field == "owner" else ()
    edited = _ask_until_valid(
        term, f"{TASK_FIELD_KEYS[key]}{hint}", lambda v: session.edit(field, v), default=current, completions=completions
    )
    return edited or session


def _split(session: ReviewSession, term: LineTerminal) -> ReviewSession:
    key = term.key("拆分方式", SPLIT_KEYS, cancel=True)
    if key is None:
        raise Quit(ended=True)
    if not key:
        return session
    by = "owner" if key == "o" else "title"
    prompt = "负责人（用 、 或 / 分隔）" if by == "owner" else "任务名称（用 / 分隔）"
    completions = session.owner_candidates() if by == "owner" else ()
    split = _ask_until_valid(
        term, prompt, lambda v: session.split(split_parts(v, by=by), by=by), completions=completions
    )
    return split or session


def _add(session: ReviewSession, term: LineTerminal) -> ReviewSession:
    title = term.line("新任务名称")
    if title is None:
        raise Quit(ended=True)
    if not title:
        term.say("已取消", style="dim")
        return session
    owner = term.line("负责人（回车跳过）", completions=session.owner_candidates())
    if owner is None:
        raise Quit(ended=True)
    meeting_date = session.minutes.meeting.date
    deadline = ""
    while True:
        deadline = term.line("截止时间（如 下周三；回车跳过）")
        if deadline is None:
            raise Quit(ended=True)
        try:
            if deadline:
                parse_deadline(deadline, meeting_date)
            break
        except ReviewError as exc:
            term.error(str(exc))
    criteria = term.line("交付标准（回车跳过）")
    if criteria is None:
        raise Quit(ended=True)
    try:
        added = session.add_task(title, owner=owner or None, deadline=deadline or None, criteria=criteria or None)
    except ReviewError as exc:
        term.error(str(exc))
        return session
    known = {t.id for t in session.minutes.tasks}
    new_id = next(t.id for t in added.minutes.tasks if t.id not in known)
    term.say(f"已新增 {new_id}：{title}（稍后审核）", style="green")
    return added


# -- the loop ----------------------------------------------------------------------------------


def review_items(
    session: ReviewSession, term: LineTerminal, on_answer: Callable[[ReviewSession], None]
) -> ReviewSession:
    """Show and answer items until none is left; `on_answer` saves each new state.
    `Quit` propagates (the last state is already saved)."""
    while not session.finished:
        render_item(term.console, session)
        answered = read_answer(session, term)
        if answered is not session:
            on_answer(answered)
        session = answered
    return session
