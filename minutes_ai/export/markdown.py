"""Markdown 会议纪要 of a saved meeting: the minutes renderer, on the tasks as they stand now."""

from __future__ import annotations

from ..models import Minutes


def minutes_markdown(minutes: Minutes) -> str:
    from ..render.markdown import render_markdown

    return render_markdown(minutes)
