"""End to end on samples/audio/meeting.ogg with the real bundled model: one `minutes run` (about
8 s on 2 cores) gives both the transcript (--save-transcript) and the minutes.

What samples/audio/README.md says the minutes should find, row by row. Rows the rule extractors
do not get yet are `xfail(strict=True)`, so a fix shows up as an XPASS to turn into a pass:
the recording has no speaker labels, so "我负责…" / "由我来负责" cannot name the speaker, and
"测试这边" makes the department 测试 the owner instead of 李娜 (测试部的李娜 in the roll call).
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

import pytest
from audio_helpers import bundled_model_available
from click.testing import CliRunner

from minutes_ai.audio.accuracy import character_error_rate

pytestmark = pytest.mark.skipif(not bundled_model_available(), reason="faster-whisper or the bundled whisper-base packages not installed")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "audio" / "meeting.ogg"
REFERENCE = ROOT / "samples" / "audio" / "meeting.txt"

NO_SPEAKER = "no speaker labels in a recording: 我负责/由我来负责 cannot name the speaker"


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    import minutes_ai.cli.audio  # noqa: F401  (registers the command)
    from minutes_ai.cli import main

    saved = tmp_path_factory.mktemp("sample") / "meeting.json"
    relative = str(SAMPLE.relative_to(ROOT))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(main, ["run", relative, "--meeting-date", "2026-11-24", "--format", "json", "--save-transcript", str(saved)])
    assert result.exit_code == 0, result.output
    from minutes_ai.models import Minutes, Transcript

    return Transcript.model_validate_json(saved.read_text(encoding="utf-8")), Minutes.model_validate_json(result.stdout)


def test_cer_against_the_reference(ran):
    transcript, _ = ran
    cer = character_error_rate(REFERENCE.read_text(encoding="utf-8"), transcript.text)
    assert cer <= 0.10, f"CER {cer:.3f}:\n{transcript.text}"
    assert transcript.model == "whisper-base" and transcript.duration == pytest.approx(65.0, abs=0.1)
    assert transcript.options["hallucinations_dropped"] == []


def _task(minutes, fragment: str):
    return next((t for t in minutes.tasks if fragment in t.title.replace(" ", "")), None)


TASKS = [
    pytest.param("支付接口的对接", dt.date(2026, 11, 27), id="wanglei-payment"),
    pytest.param("全部功能测试", dt.date(2026, 12, 2), id="lina-testing"),
    pytest.param("提交测试报告", dt.date(2026, 11, 27), id="lina-report"),
    pytest.param("培训材料", dt.date(2026, 12, 4), id="zhangwei-training"),
]


@pytest.mark.parametrize("fragment, deadline", TASKS)
def test_task_and_deadline(ran, fragment, deadline):
    _, minutes = ran
    task = _task(minutes, fragment)
    assert task is not None, [t.title for t in minutes.tasks]
    assert task.deadline is not None and task.deadline.date == deadline
    # the task is traced to the stretch of the recording it was said in
    assert task.source.audio_start is not None and 0 <= task.source.audio_start < task.source.audio_end <= 65.5


@pytest.mark.parametrize(
    "fragment, owner",
    [
        # one voice, no speaker labels: "我先说一下研发进度…我会…" and "测试这边，我负责…" speak for a
        # team, and the meeting introduced "研发部的王磊和测试部的李娜"
        pytest.param("支付接口的对接", "王磊", id="wanglei-payment"),
        pytest.param("全部功能测试", "李娜", id="lina-testing"),
        pytest.param("提交测试报告", "李娜", id="lina-report"),
        pytest.param("培训材料", "张伟", marks=pytest.mark.xfail(strict=True, reason=NO_SPEAKER), id="zhangwei-training"),
    ],
)
def test_task_owner(ran, fragment, owner):
    _, minutes = ran
    task = _task(minutes, fragment)
    assert task is not None and task.owner is not None and task.owner.name == owner


def test_acceptance_criterion(ran):
    _, minutes = ran
    task = _task(minutes, "全部功能测试")
    assert task is not None and task.criteria is not None
    assert "通过率不少于" in task.criteria and ("95%" in task.criteria or "百分之九十五" in task.criteria)


def test_decision(ran):
    _, minutes = ran
    (decision,) = minutes.decisions
    # Whisper base writes 办公系统 as 办公室统 in some decodings of this voice (the sequential
    # decoder did so in the first sentence too); CER is asserted above, here the decision's content
    assert re.search("新版办公[系室]统", decision.text) and "正式上线" in decision.text
    assert "12月8" in decision.text or "十二月八" in decision.text
    assert 40 <= decision.source.audio_start < decision.source.audio_end <= 60  # spoken at about 47–53 s
    assert minutes.source.kind == "audio" and minutes.source.path == "samples/audio/meeting.ogg"


def test_open_question(ran):
    # Whisper base hears this 待定 as 待定, 带顶 or 代定 depending on the decoder and the CPU (AMD EPYC
    # and Intel Xeon differ); transcripts put the word back (normalize.heard_right)
    _, minutes = ran
    assert any("停机维护" in q.text for q in minutes.open_questions)


def test_minutes_json_is_the_contract(ran):
    _, minutes = ran
    data = json.loads(minutes.model_dump_json())
    assert all(set(t["source"]) >= {"audio_start", "audio_end"} for t in data["tasks"])
