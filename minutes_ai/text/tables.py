"""Tables pasted into meeting notes: Markdown pipes, Excel tabs, Word columns aligned with spaces.

Each data row becomes a `Sentence` (row=True) whose `cells` map fields (title, owner, deadline,
criteria, status, note — named in rules/layout.yaml) to the cells, with their offsets. A table
without a task column (a duty rota, 值班表) still yields rows, with no title cell: no tasks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Sentence, Span
from .labels import field_of, is_empty_cell, layout_rules, section_of

TABLE_SEPARATOR = re.compile(r"^[\s|:+=\-—]*-{2,}[\s|:+=\-—]*$")
SPACES = re.compile(r"\s{2,}|\t")


def starts_table(lines: list[tuple[int, str]], i: int) -> bool:
    line = lines[i][1].strip()
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1][1].strip()
    if line.startswith("|") and line.count("|") >= 3:
        return True
    if line.count("|") >= 2 and TABLE_SEPARATOR.match(nxt) and "|" in nxt:
        return True  # "序号|GITHUB ID|值班开始" over ":---:|:---:" — a pipe table without outer pipes
    if line.count("|") >= 2 and nxt.count("|") >= 2 and sum(1 for c in line.split("|") if field_of(c.strip())) >= 2:
        return True  # "序号 | 工作内容 | 责任人 | 完成时间" over its rows: no outer pipes, no separator line
    if line.count("\t") >= 2 and nxt.count("\t") >= 2:
        return True
    header = [c for c in SPACES.split(line) if c]
    return len(header) >= 3 and sum(1 for c in header if field_of(c)) >= 2 and len([c for c in SPACES.split(nxt) if c]) >= 2


def _cells(start: int, line: str) -> list[tuple[int, str]]:
    """Cells of a table row with offsets: "| a | b |", tab-separated, or aligned with spaces.

    Empty cells are kept ("白玛\t\t7个工作日内" has an empty 配合人), so columns stay aligned.
    """
    stripped = line.strip()
    if "|" in stripped and not stripped.startswith("|"):
        stripped = "|" + stripped
        line = line.replace(stripped[1:], stripped, 1)
        start -= 1
    if stripped.startswith("|"):
        first = line.index("|")
        body_end = line.rindex("|") if stripped.endswith("|") and stripped.count("|") > 1 else len(line)
        bounds = [first] + [i for i in range(first + 1, body_end) if line[i] == "|" and line[i - 1] != "\\"] + [body_end]
        parts = [(a + 1, line[a + 1:b]) for a, b in zip(bounds, bounds[1:])]
    elif "\t" in line:
        parts, at = [], 0
        for piece in line.split("\t"):
            parts.append((at, piece))
            at += len(piece) + 1
    else:
        parts = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]
    out = []
    for s_, p in parts:
        lead = len(p) - len(p.lstrip())
        out.append((start + s_ + lead, p.strip()))
    return out


def read_table(lines: list[tuple[int, str]], i: int, state) -> int:
    """Read a table; each data row becomes a Sentence whose `cells` map fields to cells."""
    first = lines[i][1]
    is_pipe = "|" in first
    header = _cells(*lines[i])
    table_columns = layout_rules()["table_columns"]
    labels = [cell for _, cell in header]
    columns = _period_columns([field_of(cell) or table_columns.get(cell.strip("* ")) for cell in labels], labels, lambda: _first_cells(lines, i + 1, is_pipe))
    # a guess never takes a field a header names exactly ("Due" | "Done when": the deadline is Due)
    columns = _title_column([name or (guess if (guess := _column_guess(cell)) not in columns else None) for name, cell in zip(columns, labels)], labels)
    if "title" not in columns:
        # "| 交付物 | 负责方 | 时间 | 验收标准 |": as a column, the deliverable is the work itself
        columns = next(([*columns[:k], "title", *columns[k + 1:]] for k, label in enumerate(labels) if label.strip("* ") in layout_rules()["deliverable_columns"]), columns)
    if "owner" not in columns and any(label.strip("* ") in layout_rules()["milestone_columns"] for label in labels):
        # "| 里程碑 | 计划完成时间 | 说明 |" with no owner: the project's schedule, no task column
        columns = [None if name == "title" else name for name in columns]
    ditto = layout_rules()["ditto"]
    above: dict[str, Span] = {}
    i += 1
    while i < len(lines):
        start, line = lines[i]
        stripped = line.strip()
        if TABLE_SEPARATOR.match(stripped):
            i += 1
            continue
        if is_pipe and "|" not in stripped:
            break
        if i + 1 < len(lines) and TABLE_SEPARATOR.match(lines[i + 1][1].strip()):
            break  # a header over its separator: the next table starts here
        cells = _cells(start, line)
        if not is_pipe and len(cells) < 2:
            break
        row_start = start + len(line) - len(line.lstrip())
        mapped = {
            name: above[name] if cell in ditto and name in above else Span(text=cell, start=cell_start, end=cell_start + len(cell))
            for name, (cell_start, cell) in zip(columns, cells)
            if name and cell and not is_empty_cell(cell)
        }
        above = mapped
        state.out.append(
            Sentence(
                text=stripped,
                start=row_start,
                end=row_start + len(stripped),
                speaker=state.speaker,
                person=state.person,
                section=state.section,
                cells=mapped,
                row=True,
            )
        )
        i += 1
    state.record = None
    return i


def _first_cells(lines: list[tuple[int, str]], i: int, is_pipe: bool, limit: int = 12) -> list[str]:
    """The first cell of the rows below a header (up to `limit` rows)."""
    out = []
    while i < len(lines) and len(out) < limit:
        stripped = lines[i][1].strip()
        if is_pipe and "|" not in stripped or not stripped:
            break
        if not TABLE_SEPARATOR.match(stripped):
            cells = _cells(*lines[i])
            out.append(cells[0][1] if cells else "")
        i += 1
    return out


def _period_columns(columns: list[str | None], header: list[str], first_cells: Callable[[], list[str]] = list) -> list[str | None]:
    """A per-person table ("姓名 | 本周完成 | 下周计划 | 需协调", "成员 | 昨天 | 今天 | 阻塞",
    "律师 | 案件 | 下一步 | 期限"): the person column owns the row, the plan column is the work,
    the done column reports work finished, the blockers column is a note. The person column is
    named so, or headed by a role, or — "顾问 | 本周产出 | 下周计划" — the first column, when its cells
    are people (`first_cells` reads them, only for a table that may be per-person)."""
    from . import names

    rules = layout_rules()
    kinds = [section_of(label.strip("* ")) if name is None else None for name, label in zip(columns, header)]
    if "tasks" not in kinds and "owner" in columns:
        return columns
    cells = first_cells()
    people = [c for c in cells if names.is_person(re.sub(r"[（(][^）)]*[）)]", "", c).strip(), loose=True)]
    first_is_people = bool(cells) and len(people) * 10 >= len(cells) * 6
    out = list(columns)
    for k, (name, label, kind) in enumerate(zip(columns, header, kinds)):
        label = label.strip("* ")
        if name is None and (label in rules["person_columns"] or names.is_role(label) or k == 0 and first_is_people) and "owner" not in out:
            out[k] = "owner"
        elif kind == "tasks" and "title" not in out:
            out[k] = "title"
        elif kind == "done" and "done" not in out:
            out[k] = "done"
        elif kind == "info" and name is None:
            out[k] = "note"
    return out if "owner" in out else columns


def _title_column(columns: list[str | None], header: list[str]) -> list[str | None]:
    """A table that names an owner or a deadline column but no task column ("序号 | 问题 | 整改措施
    | 责任人 | 整改期限", "Jira | Story | SP | Owner | Due") still lists work: the first unnamed
    column that does not number or identify rows holds what is to be done."""
    if "title" in columns or not {"owner", "deadline"} & set(columns):
        return columns
    rules = layout_rules()
    for k, (name, label) in enumerate(zip(columns, header)):
        # not a number or id column, nor a rota's "主持/记录/值班" (who does a duty: no work item)
        if name is None and label and label not in rules["id_columns"] and label not in rules["meeting"] and not section_of(label):
            return columns[:k] + ["title"] + columns[k + 1:]
    return columns


def _column_guess(cell: str) -> str | None:
    """A header that contains a field label ("Business owner", "计划完成时间（含节后）") or a column
    word ("约定时间", "交付日期") names that field."""
    rules = layout_rules()
    return next((name for label, name in (*rules["fields"].items(), *rules["table_columns"].items()) if len(label) >= 2 and label in cell), None)
