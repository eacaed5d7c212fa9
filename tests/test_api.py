"""The public API: `minutes_ai.extract(text, meeting_date)` returns `Minutes`."""

import datetime as dt

import minutes_ai
import minutes_ai.extract.tasks  # noqa: F401 - importing the subpackage must not shadow the function
from minutes_ai import extract
from minutes_ai.models import Minutes


def test_extract_is_the_function_even_after_importing_the_subpackage():
    assert callable(minutes_ai.extract)
    minutes = extract("王磊负责接口联调，本周五前完成。", dt.date(2026, 11, 24))
    assert isinstance(minutes, Minutes)
    (task,) = minutes.tasks
    assert (task.owner.name, task.deadline.date) == ("王磊", dt.date(2026, 11, 27))


def test_meeting_date_from_text_else_today():
    assert extract("客诉周会 8/27\n王磊负责回访，周五前").meeting.date.month == 8
    assert extract("项目例会 2027.4.13\n李娜负责测试").meeting.date == dt.date(2027, 4, 13)
    minutes = extract("王磊负责回访")
    assert (minutes.meeting.date, minutes.meeting.date_source) == (dt.date.today(), "today")


def test_every_item_maps_back_to_the_input():
    text = "會議紀要\n１．王磊負責接口聯調，本週五前完成。\n决议：同意方案B。\n待定：预算是否追加？"
    minutes = extract(text, dt.date(2026, 11, 24))
    items = [t.source for t in minutes.tasks] + [d.source for d in minutes.decisions] + [q.source for q in minutes.open_questions]
    assert len(items) == 3
    for span in items:
        assert text[span.start:span.end] == span.text
    assert minutes.tasks[0].title == "接口联调"


def test_output_does_not_depend_on_the_hash_seed():
    """Sets of names must never decide an owner: the same notes give the same minutes in every run."""
    import os
    import pathlib
    import subprocess
    import sys

    script = (
        "import datetime as dt, minutes_ai, pathlib, yaml;"
        "docs = sorted(pathlib.Path('corpus/train').glob('train-notes-00*.yaml'));"
        "print([minutes_ai.extract(yaml.safe_load(p.read_text())['text'], dt.date(2026, 11, 24), use_model='rules').model_dump_json() for p in docs])"
    )
    runs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=pathlib.Path(__file__).parent.parent, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
