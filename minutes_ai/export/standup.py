"""The standup as text to read out or paste into the team chat (Markdown), or as JSON.

    站会 2026-11-26（周四）
    本周完成（1）
      T4  上线推送文案  陆晓东  2026-11-25 完成
    逾期（1）
      T1  修复订单回调问题  冯立军  2026-11-24（周二）← D+3
    风险（1）
      T2  首页高保真设计稿  贝佳（设计部）
          11-25 接口方延迟，周五可能赶不上
"""

from __future__ import annotations

import json

from ..render.common import WEEKDAYS, deadline_text, owner_text
from ..store.records import Standup, TrackedTask


def _sections(standup: Standup) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(heading, [(task line, [sub-lines])]) for each bucket, in reading order."""

    def line(task: TrackedTask, tail: str | None = None) -> str:
        parts = [task.id, task.title, owner_text(task.owner) or "—"]
        parts.append(tail if tail is not None else (deadline_text(task.deadline) or "无截止时间"))
        return "  ".join(parts)

    done = [(line(t, f"{t.closed_at.date().isoformat()} 完成" if t.closed_at else "完成"), []) for t in standup.done_this_week]
    due = [(line(t), []) for t in standup.due_next_week]
    late = [(line(t), []) for t in standup.overdue]
    risk = [
        (line(item.task), [f"{n.created_at.strftime('%m-%d')} {n.text}" for n in item.notes])
        for item in standup.at_risk
    ]
    return [("本周完成", done), ("下周末前到期", due), ("逾期", late), ("风险", risk)]


def _title(standup: Standup) -> str:
    return f"站会 {standup.today.isoformat()}（周{WEEKDAYS[standup.today.weekday()]}）"


def standup_text(standup: Standup) -> str:
    lines = [_title(standup)]
    for heading, items in _sections(standup):
        lines.append(f"{heading}（{len(items)}）")
        for item, subs in items:
            lines.append(f"  {item}")
            lines += [f"      {s}" for s in subs]
    return "\n".join(lines) + "\n"


def standup_markdown(standup: Standup) -> str:
    lines = [f"# {_title(standup)}"]
    for heading, items in _sections(standup):
        lines += ["", f"## {heading}（{len(items)}）", ""]
        if not items:
            lines.append("（无）")
        for item, subs in items:
            lines.append(f"- {item}")
            lines += [f"  - {s}" for s in subs]
    return "\n".join(lines) + "\n"


def standup_json(standup: Standup) -> str:
    return json.dumps(standup.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
