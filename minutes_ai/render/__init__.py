"""Renderers: pure functions of a `Minutes` that return text (or write a table to a console).

Formats: table (rich, for the terminal), md (会议纪要), json (the contract), csv (Excel-ready).
"""

from __future__ import annotations

from enum import Enum

from ..models import Minutes


class Format(str, Enum):
    table = "table"
    md = "md"
    json = "json"
    csv = "csv"


def render(minutes: Minutes, fmt: Format | str) -> str:
    """Render `minutes` as text in `fmt`."""
    fmt = Format(fmt)
    if fmt is Format.json:
        from .jsonout import render_json

        return render_json(minutes)
    if fmt is Format.md:
        from .markdown import render_markdown

        return render_markdown(minutes)
    if fmt is Format.csv:
        from .csvout import render_csv

        return render_csv(minutes)
    from .table import render_table

    return render_table(minutes)


__all__ = ["Format", "render"]
