"""The `minutes` command: every command has help, formats work, bad input is one line and exit 1."""

import json

import pytest
from click.testing import CliRunner

from minutes_ai.cli import main

NOTES = "项目周会 2026-11-24\n任务1：修复订单回调，负责人：冯立军，截止时间：D+3，交付标准：回调成功率100%\n"


@pytest.fixture
def runner():
    return CliRunner()


def test_every_command_has_help_with_an_example(runner):
    for name, command in main.commands.items():
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and "Example" in command.help, f"{name} needs an Example: block"


@pytest.mark.parametrize("fmt", ["table", "md", "json", "csv"])
def test_extract_formats(runner, tmp_path, fmt):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(notes), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "冯立军" in result.output


def test_extract_json_is_the_contract(runner, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(notes), "--format", "json"])
    data = json.loads(result.output)
    (task,) = data["tasks"]
    assert task["owner"]["name"] == "冯立军"
    assert task["deadline"] == {"text": "D+3", "date": "2026-11-27", "time": None, "kind": "relative"}
    assert task["criteria"] == "回调成功率100%"
    assert NOTES[task["source"]["start"]:task["source"]["end"]] == task["source"]["text"]
    assert data["meeting"]["date"] == "2026-11-24" and data["meeting"]["date_source"] == "text"


def test_extract_reads_stdin_and_writes_file(runner, tmp_path):
    out = tmp_path / "纪要.md"
    result = runner.invoke(main, ["extract", "-", "--format", "md", "-o", str(out), "--meeting-date", "2026-11-24"], input=NOTES)
    assert result.exit_code == 0, result.output
    assert "## 任务清单" in out.read_text(encoding="utf-8")


def test_csv_has_bom_for_excel(runner, tmp_path):
    notes, out = tmp_path / "n.txt", tmp_path / "t.csv"
    notes.write_text(NOTES, encoding="utf-8")
    runner.invoke(main, ["extract", str(notes), "-f", "csv", "-o", str(out)])
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_gbk_notes_are_read(runner, tmp_path):
    notes = tmp_path / "gbk.txt"
    notes.write_bytes(NOTES.encode("gbk"))
    result = runner.invoke(main, ["extract", str(notes), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["tasks"][0]["owner"]["name"] == "冯立军"
    assert data["source"]["encoding"] == "gbk"


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.seek(6 * 1024 * 1024)
        handle.write(b"x")
    return {
        "missing": (str(tmp_path / "nope.txt"), "file not found"),
        "empty": (str(empty), "empty input"),
        "binary": (str(binary), "not a text file"),
        "huge": (str(huge), "file too large"),
        "directory": (str(tmp_path), "is a directory"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "huge", "directory"])
def test_bad_input_is_one_line_and_nonzero(runner, tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    result = runner.invoke(main, ["extract", path])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("Error:")


def test_schema_is_valid_json_schema(runner):
    import jsonschema

    result = runner.invoke(main, ["schema"])
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    for name in ("Task", "Deadline", "Owner", "Decision", "Meeting"):
        props = schema["$defs"][name]["properties"]
        assert all("description" in p for p in props.values()), name


def test_json_output_validates_against_schema(runner, tmp_path):
    import jsonschema

    notes = tmp_path / "n.txt"
    notes.write_text(NOTES, encoding="utf-8")
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    data = json.loads(runner.invoke(main, ["extract", str(notes), "-f", "json"]).output)
    jsonschema.validate(data, schema)


def test_eval_bad_corpus_is_one_line(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(main, ["eval", str(bad)])
    assert result.exit_code == 1 and result.output.startswith("Error:") and len(result.output.strip().splitlines()) == 1


def test_written_files_are_readable_like_any_other(runner, tmp_path):
    """Atomic writes go through mkstemp (mode 0600); the result must get the usual mode."""
    import os

    notes, out = tmp_path / "n.txt", tmp_path / "纪要.md"
    notes.write_text(NOTES, encoding="utf-8")
    runner.invoke(main, ["extract", str(notes), "-f", "md", "-o", str(out)])
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
