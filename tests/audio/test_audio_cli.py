"""`minutes transcribe` and `minutes run` through CliRunner, with a fake model (milliseconds each).

Bad input is one "Error: …" line and exit 1; silence is an empty transcript, a warning and exit 0;
Ctrl-C keeps the partial transcript and exits 130. The real model runs in test_audio_sample.py.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest
from audio_helpers import CLIP, empty_recording, fake_segment, missing_recording, text_as_recording, tone, truncated_recording, write_wav
from click.testing import CliRunner

pytest.importorskip("faster_whisper")

import minutes_ai.cli.audio  # noqa: E402,F401  (registers transcribe and run until cli/__init__ imports it)
from minutes_ai.audio import transcriber  # noqa: E402
from minutes_ai.cli import main  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTES = "项目周会 2026-11-24\n王磊负责完成支付接口的对接，本周五前完成。\n"
SPOKEN = [
    fake_segment(0.0, 3.5, "会议决定新版办公系统在十二月八号正式上线。"),
    fake_segment(4.6, 9.0, "王磊负责完成支付接口的对接，本周五前完成。"),
    fake_segment(9.0, 12.0, "李娜负责完成全部功能测试，下周三之前完成。"),
]


@pytest.fixture
def runner():
    return CliRunner()


def recording(tmp_path, seconds: float = 12.0) -> pathlib.Path:
    return write_wav(tmp_path / "meeting.wav", tone(seconds))


def one_error_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


# ------------------------------------------------------------------------------------ bad input


def _text_named_txt(tmp):
    (tmp / "notes.txt").write_text(NOTES, encoding="utf-8")
    return tmp / "notes.txt"


def _corrupt(tmp):
    data = bytearray(CLIP.read_bytes()[:44]) + bytes((i * 37) % 256 for i in range(30000))
    data[20:22] = b"\x55\x00"  # an audio format code no decoder knows
    (tmp / "corrupt.wav").write_bytes(bytes(data))
    return tmp / "corrupt.wav"


def _random_m4a(tmp):
    (tmp / "broken.m4a").write_bytes(b"\x00\x00\x00\x18ftypM4A " + bytes((i * 91) % 251 for i in range(20000)))
    return tmp / "broken.m4a"


@pytest.mark.parametrize(
    "make, message",
    [
        (missing_recording, "audio file not found"),
        (text_as_recording, "is a text file, not a recording"),
        (_text_named_txt, "is a text file, not a recording"),
        (_corrupt, "not a readable recording|truncated"),
        (_random_m4a, "not a readable recording"),
        (truncated_recording, "is truncated"),
        (empty_recording, r"empty \(0 bytes\)"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_transcribe_bad_input_is_one_error_line(runner, tmp_path, no_model, make, message):
    import re

    out = tmp_path / "out.srt"
    result = runner.invoke(main, ["transcribe", str(make(tmp_path)), "-o", str(out)])
    assert re.search(message, one_error_line(result))
    assert not out.exists()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("missing.wav", None, "audio file not found"),
        ("missing.txt", None, "file not found"),
        ("empty.wav", b"", r"empty \(0 bytes\)"),
        ("empty.txt", b"", "empty input"),
        ("truncated.wav", "truncated", "is truncated"),
    ],
)
def test_run_bad_input_is_one_error_line(runner, tmp_path, no_model, name, data, message):
    import re

    path = tmp_path / name
    if data == "truncated":
        path.write_bytes(CLIP.read_bytes()[:20000])
    elif data is not None:
        path.write_bytes(data)
    result = runner.invoke(main, ["run", str(path), "--meeting-date", "2026-11-24"])
    assert re.search(message, one_error_line(result))


@pytest.mark.parametrize(
    "args, message",
    [
        (["--glossary", "no-such-names.txt"], "glossary file not found"),
        (["--model", "./no-such-model-dir"], "model directory not found"),
        (["--model", "gigantic"], "unknown model 'gigantic'"),
    ],
)
def test_bad_options_are_one_error_line(runner, tmp_path, args, message):
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path, 1.0)), *args])
    assert message in one_error_line(result)


# ---------------------------------------------------------------------------------------- silence


@pytest.mark.parametrize("command", ["transcribe", "run"])
def test_silent_recording_is_empty_with_one_warning(runner, tmp_path, no_model, command):
    silent = write_wav(tmp_path / "silence.wav", seconds=2.0)
    args = [command, str(silent)] + (["--format", "json", "--meeting-date", "2026-11-24"] if command == "run" else [])
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "no speech" in warnings[0]
    if command == "transcribe":
        assert result.stdout == ""
    else:
        minutes = json.loads(result.stdout)
        assert minutes["tasks"] == [] and minutes["source"]["kind"] == "audio"


# ----------------------------------------------------------------------------- formats and options


@pytest.mark.parametrize(
    "args, check",
    [
        (["-o", "{tmp}/meeting.srt"], lambda text: text.startswith("1\n00:00:00,000 --> 00:00:03,500\n会议决定")),
        (["-o", "{tmp}/meeting.vtt"], lambda text: text.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:03.500\n")),
        (["-o", "{tmp}/meeting.json"], lambda text: json.loads(text)["segments"][1]["start"] == 4.6),
        (["-o", "{tmp}/meeting.txt"], lambda text: text.splitlines()[1] == "王磊负责完成支付接口的对接，本周五前完成。"),
        (["-o", "{tmp}/meeting.srt", "--format", "txt"], lambda text: text.startswith("会议决定")),
    ],
)
def test_transcribe_formats(runner, tmp_path, fake_whisper, args, check):
    fake_whisper(SPOKEN)
    args = [a.format(tmp=tmp_path) for a in args]
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path)), *args])
    assert result.exit_code == 0, result.output
    assert check(pathlib.Path(args[1]).read_text(encoding="utf-8"))
    assert f"wrote {args[1]}" in result.stderr


def test_transcribe_to_stdout_and_options_reach_the_model(runner, tmp_path, fake_whisper):
    fake = fake_whisper(SPOKEN)
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path)), "--beam-size", "2", "--no-vad", "--language", "auto", "-f", "json"])
    assert result.exit_code == 0, result.output
    call = fake.calls[0]
    assert call["beam_size"] == 2 and call["vad_filter"] is False and call["language"] is None
    assert json.loads(result.stdout)["options"]["beam_size"] == 2
    assert "real-time factor" in result.stderr  # plain progress summary: stderr is not a terminal here


@pytest.mark.parametrize(("args", "parts"), [([], 2), (["--workers", "1"], 1)])
def test_workers_option_decides_the_parallel_parts(runner, tmp_path, fake_whisper, args, parts):
    fake = fake_whisper([fake_segment(1.0, 3.0, "王磊负责接口联调")])
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path, 70.0)), *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["options"]["parts"] == parts == len(fake.calls)


def test_glossary_option(runner, tmp_path, fake_whisper):
    pytest.importorskip("pypinyin")
    fake = fake_whisper([fake_segment(0.0, 2.0, "王蕾负责接口联调")])
    names = tmp_path / "names.txt"
    names.write_text("王磊\n研发部\n", encoding="utf-8")
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path, 2.0)), "--glossary", str(names)])
    assert result.stdout == "王磊负责接口联调\n"
    assert fake.calls[0]["initial_prompt"] == "会议中提到了王磊、研发部等。"


# ------------------------------------------------------------------------------------------ Ctrl-C


def test_ctrl_c_keeps_the_partial_transcript(runner, tmp_path, fake_whisper):
    fake_whisper(SPOKEN, interrupt_after=2)
    out = tmp_path / "meeting.srt"
    out.write_text("an older transcript\n", encoding="utf-8")
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path)), "-o", str(out)])
    assert result.exit_code == 130, result.output
    assert result.stderr.strip().splitlines() == [f"Interrupted at 9.0 of 12.0 s: kept 2 segments in {out}"]
    written = out.read_text(encoding="utf-8")
    assert written.count("-->") == 2 and "王磊负责" in written and "李娜" not in written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meeting.srt", "meeting.wav"]  # no temporary left


def test_ctrl_c_partial_json_says_where_it_stopped(runner, tmp_path, fake_whisper):
    fake_whisper(SPOKEN, interrupt_after=1)
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path)), "--format", "json"])
    assert result.exit_code == 130
    partial = json.loads(result.stdout)
    assert len(partial["segments"]) == 1 and partial["options"]["interrupted_at"] == 3.5
    assert partial["duration"] == 12.0


def test_ctrl_c_before_any_speech(runner, tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(transcriber, "decode", interrupted)
    out = tmp_path / "meeting.txt"
    result = runner.invoke(main, ["transcribe", str(recording(tmp_path)), "-o", str(out)])
    assert result.exit_code == 130
    assert result.output.strip() == "Interrupted before any speech was transcribed; nothing written"
    assert not out.exists()


def test_ctrl_c_in_run_saves_the_transcript_so_far(runner, tmp_path, fake_whisper):
    fake_whisper(SPOKEN, interrupt_after=2)
    saved, minutes = tmp_path / "t.json", tmp_path / "minutes.md"
    result = runner.invoke(main, ["run", str(recording(tmp_path)), "--save-transcript", str(saved), "-o", str(minutes), "-f", "md"])
    assert result.exit_code == 130
    assert result.stderr.strip().endswith(f"kept 2 segments in {saved}; no minutes written")
    assert len(json.loads(saved.read_text(encoding="utf-8"))["segments"]) == 2
    assert not minutes.exists()


# ------------------------------------------------------------------------------------------ run


def test_run_recording_gives_minutes_with_audio_times(runner, tmp_path, fake_whisper):
    fake_whisper(SPOKEN)
    saved = tmp_path / "meeting.srt"
    result = runner.invoke(main, ["run", str(recording(tmp_path)), "--meeting-date", "2026-11-24", "--format", "json", "--save-transcript", str(saved)])
    assert result.exit_code == 0, result.output
    minutes = json.loads(result.stdout)
    assert minutes["source"]["kind"] == "audio" and minutes["source"]["path"].endswith("meeting.wav")
    tasks = {t["owner"]["name"]: t for t in minutes["tasks"] if t["owner"]}
    assert tasks["王磊"]["deadline"]["date"] == "2026-11-27"
    assert (tasks["王磊"]["source"]["audio_start"], tasks["王磊"]["source"]["audio_end"]) == (4.6, 9.0)
    assert minutes["decisions"][0]["source"]["audio_start"] == 0.0
    assert saved.read_text(encoding="utf-8").count("-->") == 3


@pytest.mark.parametrize("fmt", ["table", "md", "json", "csv"])
def test_run_notes_is_extract(runner, tmp_path, fmt):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    ran = runner.invoke(main, ["run", str(notes), "--format", fmt])
    extracted = runner.invoke(main, ["extract", str(notes), "--format", fmt])
    assert ran.exit_code == 0, ran.output
    assert ran.stdout == extracted.stdout


def test_run_notes_from_stdin_and_glossary_note(runner, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("王磊\n", encoding="utf-8")
    result = runner.invoke(main, ["run", "-", "--glossary", str(names), "-f", "json"], input=NOTES)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tasks"][0]["owner"]["name"] == "王磊"
    assert "--glossary applies to recordings only" in result.stderr


def test_run_on_notes_never_imports_faster_whisper(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from minutes_ai.cli import main\n"
        "import minutes_ai.cli.audio\n"
        f"result = CliRunner().invoke(main, ['run', {str(notes)!r}, '-f', 'json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = sorted(m for m in ('faster_whisper', 'ctranslate2', 'av', 'onnxruntime', 'tokenizers') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


@pytest.mark.parametrize("command", ["transcribe", "run"])
def test_help_has_an_example_that_keeps_its_lines(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "\b" in main.commands[command].help
    examples = result.output.split("Example:")[1].split("Options:")[0]
    assert len([line for line in examples.splitlines() if line.strip().startswith("minutes ")]) >= 3
