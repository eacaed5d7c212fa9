"""Small meeting records and what must be extracted from them, one folder per case:
tests/data/examples/<case>/input.txt and expected.json.

expected.json gives the meeting date, the tasks as owner + deadline date (+ department and a
criteria substring where it matters), optionally how many decisions and open questions, and the
statuses of the progress lines in order. A task may also pin its title, a substring its source
must contain ("source_has"), or "criteria": null; "mode": "rules" checks the rules without the model.
Tasks are compared as a multiset, so order does not matter. Add a case here before fixing a bug.
"""

import datetime as dt
import json
import pathlib

import pytest

from minutes_ai import extract

CASES = sorted((pathlib.Path(__file__).parent / "data" / "examples").iterdir())


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_example(case):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    text = (case / "input.txt").read_text(encoding="utf-8")
    options = {"use_model": expected["mode"]} if "mode" in expected else {}  # "rules": the rules must do it alone
    minutes = extract(text, dt.date.fromisoformat(expected["meeting_date"]), **options)
    got = sorted((_owner_and_date(t) for t in minutes.tasks), key=str)
    want = sorted(((t["owner"], t["deadline"]) for t in expected["tasks"]), key=str)
    assert got == want
    for spec in expected["tasks"]:
        # the task of this owner due on this date (one owner may have several)
        task = next(t for t in minutes.tasks if _owner_and_date(t) == (spec["owner"], spec["deadline"]))
        if "dept" in spec:
            assert task.owner.dept == spec["dept"]
        if "criteria" in spec:
            assert task.criteria is None if spec["criteria"] is None else task.criteria and spec["criteria"] in task.criteria
        if "title" in spec:
            assert task.title == spec["title"]
        if "source_has" in spec:
            assert spec["source_has"] in task.source.text
    for key in ("decisions", "open_questions"):
        if key in expected:
            assert len(getattr(minutes, key)) == expected[key], [i.text for i in getattr(minutes, key)]
    if "progress" in expected:
        assert [p.status.value for p in minutes.progress] == expected["progress"], [p.text for p in minutes.progress]


def _owner_and_date(task) -> tuple[str | None, str | None]:
    owner = task.owner.name or task.owner.dept if task.owner else None
    return owner, task.deadline.date.isoformat() if task.deadline and task.deadline.date else None
