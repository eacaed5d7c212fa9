"""Renderers are pure functions of `Minutes`, compared with golden files.

Run `pytest tests/test_render.py --update-golden` after an intended change and review the diff.
"""

import csv
import io
import json

import pytest

from minutes_ai.models import Minutes
from minutes_ai.render import Format, render

GOLDEN = {"md": "minutes.md", "csv": "tasks.csv", "json": "minutes.out.json", "table": "table.txt"}


@pytest.fixture
def minutes(data_dir):
    return Minutes.model_validate_json((data_dir / "render" / "minutes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", list(GOLDEN))
def test_golden(minutes, data_dir, update_golden, fmt):
    path = data_dir / "render" / GOLDEN[fmt]
    output = render(minutes, Format(fmt))
    if update_golden or not path.exists():
        path.write_text(output, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as handle:
        assert output == handle.read()


def test_json_round_trips(minutes):
    assert Minutes.model_validate_json(render(minutes, "json")) == minutes


def test_json_keeps_chinese_readable(minutes):
    assert "冯立军" in render(minutes, "json")


def test_csv_columns_and_cells(minutes):
    rows = list(csv.DictReader(io.StringIO(render(minutes, "csv").lstrip("\ufeff"))))
    assert [r["负责人"] for r in rows] == ["冯立军", "贝佳（设计部）", ""]
    assert rows[1]["截止时间"] == "2026-11-24（周二） 15:00 ← 下午三点前"
    assert rows[2]["截止时间"] == "尽快"


def test_markdown_escapes_pipes_in_cells(minutes):
    assert "首页高保真设计稿 \\| 含移动端" in render(minutes, "md")


def test_table_shows_flags_and_survives_brackets(minutes):
    changed = minutes.model_copy(deep=True)
    changed.tasks[0].title = "[bold]修复[/bold]"
    output = render(changed, "table")
    assert "[bold]" in output and "⚠" in output
