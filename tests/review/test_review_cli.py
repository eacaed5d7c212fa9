"""`minutes review` driven through CliRunner: answers on standard input, one a line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from review_builders import built_minutes

import minutes_ai.cli.review  # noqa: F401  (registers the command until cli/__init__ imports it)
from minutes_ai.cli import main
from minutes_ai.review import progress_path
from minutes_ai.store import Store


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.delenv("MINUTES_AI_DB", raising=False)
    return CliRunner()


def review(runner, path, answers: str = "", *args):
    return runner.invoke(main, ["review", str(path), *map(str, args)], input=answers, catch_exceptions=False)


def saved(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def tasks_in(path) -> list[tuple]:
    return [
        (t["id"], t["title"], t["owner"] and t["owner"]["name"], t["deadline"] and t["deadline"]["date"], t["status"])
        for t in saved(path)["tasks"]
    ]


def one_line_error(result, message):
    lines = result.output.strip().splitlines()
    return result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error:") and message in lines[0]


def test_help_has_an_example(runner):
    result = runner.invoke(main, ["review", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--accept-all" in result.output


# -- answering ---------------------------------------------------------------------------------

ANSWERS = [
    # answers on stdin, tasks in the written file
    (
        "a\na\na\n",
        [("T1", "修复订单回调", "冯立军", "2026-11-27", "confirmed"), ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed")],
    ),
    (
        "r\n接受\naccept\n",
        [("T1", "修复订单回调", "冯立军", "2026-11-27", "rejected"), ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed")],
    ),
    (  # edit the deadline: the key, the field and the value on one line, or one a line
        "e d 下周三\na\ne\no\n程一帆\na\na\n",
        [("T1", "修复订单回调", "冯立军", "2026-12-02", "confirmed"), ("T2", "输出设计稿", "程一帆", "2026-11-27", "confirmed")],
    ),
    (  # split by title: the first part keeps T1, the second becomes T3 and is reviewed next
        "s t 修复订单回调 / 完成回归测试\na\na\na\na\n",
        [
            ("T1", "修复订单回调", "冯立军", "2026-11-27", "confirmed"),
            ("T3", "完成回归测试", "冯立军", "2026-11-27", "confirmed"),
            ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed"),
        ],
    ),
    (  # split by owner
        "a\ns\no\n贝佳、程一帆\na\na\na\n",
        [
            ("T1", "修复订单回调", "冯立军", "2026-11-27", "confirmed"),
            ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed"),
            ("T3", "输出设计稿", "程一帆", "2026-11-27", "confirmed"),
        ],
    ),
    (  # merge T2 into T1, then confirm the merged task and the decision
        "a\nm\na\na\n",
        [("T1", "修复订单回调，输出设计稿", "冯立军", "2026-11-27", "confirmed")],
    ),
    (  # add a missed task: title, owner, deadline, criteria (blank skips); reviewed after T1
        "n\n整理会议纪要\n韩雪\n明天\n\na\na\na\na\n",
        [
            ("T1", "修复订单回调", "冯立军", "2026-11-27", "confirmed"),
            ("T3", "整理会议纪要", "韩雪", "2026-11-25", "confirmed"),
            ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed"),
        ],
    ),
    (  # back to T1 and change the answer; then on to T2
        "a\nb\nr\na\na\n",
        [("T1", "修复订单回调", "冯立军", "2026-11-27", "rejected"), ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed")],
    ),
]


@pytest.mark.parametrize("answers, expected", ANSWERS)
def test_answers_on_stdin(runner, minutes_file, answers, expected):
    result = review(runner, minutes_file, answers)
    assert result.exit_code == 0, result.output
    assert "审核完成" in result.stdout
    assert tasks_in(minutes_file) == expected
    assert saved(minutes_file)["decisions"][0]["text"] == "同意方案B。"
    assert f"wrote {minutes_file}" in result.stderr


def test_an_invalid_deadline_is_refused_with_the_reason_then_corrected(runner, minutes_file):
    result = review(runner, minutes_file, "e\nd\n尽快\n改天再说\n下周三\na\na\na\n")
    assert result.exit_code == 0
    assert "✗ '尽快' is too vague to track" in result.stdout
    assert "✗ cannot read '改天再说' as a deadline" in result.stdout
    assert "2026-12-02（周三） ← 下周三" in result.stdout
    deadline = saved(minutes_file)["tasks"][0]["deadline"]
    assert (deadline["date"], deadline["text"]) == ("2026-12-02", "下周三")


def test_a_blank_value_cancels_the_edit(runner, minutes_file):
    result = review(runner, minutes_file, "e\nd\n\na\na\na\n")
    assert "已取消" in result.stdout
    assert saved(minutes_file)["tasks"][0]["deadline"]["text"] == "D+3"


def test_an_unknown_answer_is_explained_and_the_next_line_read(runner, minutes_file):
    result = review(runner, minutes_file, "x\nm\na\na\na\n")
    assert "✗ 不认识的回答 'x'" in result.stdout
    assert "✗ 不认识的回答 'm'" in result.stdout  # no merge on the first task: not on the menu
    assert result.exit_code == 0 and len(saved(minutes_file)["tasks"]) == 2


def test_help_lists_the_keys_and_the_script_syntax(runner, minutes_file):
    out = review(runner, minutes_file, "?\nq\n").stdout
    assert "s 拆分    一条拆成多条" in out and '"e d 下周三"' in out


def test_a_rejected_decision_is_left_out(runner, minutes_file):
    review(runner, minutes_file, "a\na\nr\n")
    assert saved(minutes_file)["decisions"] == []


def test_the_screen_shows_source_fields_flags_and_audio_time(runner, tmp_path):
    path = tmp_path / "minutes.json"
    path.write_text(built_minutes().model_dump_json(), encoding="utf-8")
    out = review(runner, path, "a\na\nq\n").stdout
    assert "来源      设计稿尽快出。" in out
    assert "⚠ 未指定负责人；截止时间不明确（没有具体日期）" in out
    assert "[录音 01:23]" in out
    assert "截止时间  2026-12-02（周三） ← 下周三前" in out
    assert "a 接受  e 编辑  r 拒绝  s 拆分  m 合并  n 新增  b 上一条  q 退出" in out


# -- quitting and resuming ---------------------------------------------------------------------


def test_quit_then_resume_continues_at_the_same_task(runner, minutes_file):
    original = minutes_file.read_text(encoding="utf-8")
    first = review(runner, minutes_file, "e d 下周三\na\nq\n")
    assert first.exit_code == 0
    assert "下次从 T2 继续" in first.stderr
    assert minutes_file.read_text(encoding="utf-8") == original  # nothing written before the end
    assert progress_path(minutes_file).exists()

    second = review(runner, minutes_file, "a\na\n")
    assert second.exit_code == 0
    assert "继续上次的审核（resuming）：从 T2 开始" in second.stdout
    assert "任务 2/2 · T2" in second.stdout and "任务 1/2 · T1" not in second.stdout
    assert tasks_in(minutes_file) == [
        ("T1", "修复订单回调", "冯立军", "2026-12-02", "confirmed"),
        ("T2", "输出设计稿", "贝佳", "2026-11-27", "confirmed"),
    ]


def test_answers_running_out_save_progress(runner, minutes_file):
    result = review(runner, minutes_file, "a\n")
    assert result.exit_code == 0
    assert "answers ended" in result.stderr and "下次从 T2 继续" in result.stderr


def test_running_again_after_finishing_asks_nothing(runner, minutes_file):
    review(runner, minutes_file, "a\nr\na\n")
    reviewed = minutes_file.read_text(encoding="utf-8")
    again = review(runner, minutes_file, "")
    assert again.exit_code == 0
    assert "已审核完毕（already reviewed）：确认 1 个任务，拒绝 1 个" in again.stdout
    assert "操作" not in again.stdout
    assert minutes_file.read_text(encoding="utf-8") == reviewed


def test_a_file_changed_during_review_is_not_resumed_silently(runner, minutes_file):
    review(runner, minutes_file, "a\nq\n")
    data = saved(minutes_file)
    data["tasks"][1]["title"] = "输出高保真设计稿"
    minutes_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = review(runner, minutes_file, "a\n")
    assert one_line_error(result, "changed since its review started")
    assert "--restart" in result.output
    restarted = review(runner, minutes_file, "a\na\na\n", "--restart")
    assert restarted.exit_code == 0 and tasks_in(minutes_file)[1][1] == "输出高保真设计稿"


def test_a_corrupt_progress_file_is_one_line(runner, minutes_file):
    progress_path(minutes_file).write_text('{"format": "minutes-ai review progress", "version": 1, "session": 3}', encoding="utf-8")
    result = review(runner, minutes_file, "a\n")
    assert one_line_error(result, "review progress is corrupt")


# -- scripted: --accept-all, -o, --db ----------------------------------------------------------


def test_accept_all_with_db_then_again_adds_nothing(runner, minutes_file, tmp_path):
    db = tmp_path / "team.db"
    first = review(runner, minutes_file, "", "--accept-all", "--db", db)
    assert first.exit_code == 0
    assert "审核完成（review finished）：确认 2 个任务，拒绝 0 个；决议确认 1 条" in first.stdout
    assert "saved M1: 2 tasks in" in first.stdout
    again = review(runner, minutes_file, "", "--accept-all", "--db", db)
    assert again.exit_code == 0 and "already saved as M1: 2 tasks; nothing added" in again.stdout
    with Store.open(db) as store:
        assert len(store.tasks()) == 2 and len(store.meetings()) == 1


def test_accept_all_keeps_earlier_answers(runner, minutes_file, tmp_path):
    review(runner, minutes_file, "r\nq\n")
    review(runner, minutes_file, "", "--accept-all", "--db", tmp_path / "team.db")
    assert [t[-1] for t in tasks_in(minutes_file)] == ["rejected", "confirmed"]
    with Store.open(tmp_path / "team.db") as store:
        assert [t.title for t in store.tasks()] == ["输出设计稿"]


def test_db_from_the_environment(runner, minutes_file, tmp_path, monkeypatch):
    monkeypatch.setenv("MINUTES_AI_DB", str(tmp_path / "env.db"))
    assert "saved M1" in review(runner, minutes_file, "", "--accept-all").stdout


def test_without_db_the_store_is_not_touched_and_the_user_is_told(runner, minutes_file):
    result = review(runner, minutes_file, "", "--accept-all")
    assert "not saved to a task store" in result.stderr and "minutes save" in result.stderr


def test_output_elsewhere_leaves_the_input_alone(runner, minutes_file, tmp_path):
    original = minutes_file.read_text(encoding="utf-8")
    out = tmp_path / "reviewed.json"
    result = review(runner, minutes_file, "r\na\na\n", "-o", out)
    assert result.exit_code == 0
    assert minutes_file.read_text(encoding="utf-8") == original
    assert [t["status"] for t in saved(out)["tasks"]] == ["rejected", "confirmed"]
    assert "already reviewed" in review(runner, minutes_file, "", "-o", out).stdout


# -- bad input ---------------------------------------------------------------------------------


def test_a_hand_edited_file_names_the_field(runner, minutes_file):
    data = saved(minutes_file)
    data["tasks"][0]["deadline"]["date"] = "next wednesday"
    minutes_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = review(runner, minutes_file, "a\n")
    assert one_line_error(result, f"{minutes_file}: tasks.0.deadline.date: Input should be a valid date")


@pytest.mark.parametrize(
    "content, message",
    [
        ("{", "Invalid JSON"),
        ('{"meeting": {}}', "meeting.date: Field required"),
        ('{"meeting": {"date": "2026-11-24", "date_source": "given"}, "source": {"kind": "notes", "chars": 1, "extractor": "x"}, "colour": 1}', "colour: Extra inputs are not permitted"),
    ],
)
def test_malformed_minutes_are_one_line(runner, tmp_path, content, message):
    path = tmp_path / "minutes.json"
    path.write_text(content, encoding="utf-8")
    assert one_line_error(review(runner, path, "a\n"), message)


def test_a_missing_file_is_one_line(runner, tmp_path):
    assert one_line_error(review(runner, tmp_path / "nope.json"), "file not found")


def test_stdin_cannot_be_the_minutes(runner):
    assert one_line_error(review(runner, "-", "a\n"), "review needs a minutes file")


def test_meeting_date_is_the_one_deadlines_resolve_from(runner, tmp_path):
    minutes = built_minutes()
    minutes.meeting.date = dt.date(2026, 12, 7)  # a Monday: 下周三 = 16 Dec
    path = tmp_path / "minutes.json"
    path.write_text(minutes.model_dump_json(), encoding="utf-8")
    review(runner, path, "e d 下周三\n")
    review(runner, path, "", "--accept-all")
    assert saved(path)["tasks"][0]["deadline"]["date"] == "2026-12-16"


def test_run_with_review_extracts_then_reviews_in_one_go(tmp_path):
    """`minutes run notes.txt --review`: extract, review at once, save to the store."""
    from minutes_ai.cli import main

    notes = tmp_path / "周会.txt"
    notes.write_text("任务1：修复订单回调，负责人：冯立军，截止时间：D+3\n王磊负责接口联调，本周五前完成。\n", encoding="utf-8")
    db = tmp_path / "team.db"
    result = CliRunner().invoke(main, ["run", str(notes), "--meeting-date", "2026-11-24", "--review", "--db", str(db)], input="a\nr\n")
    assert result.exit_code == 0, result.output
    reviewed = json.loads((tmp_path / "周会.minutes.json").read_text(encoding="utf-8"))
    assert [t["status"] for t in reviewed["tasks"]] == ["confirmed", "rejected"]
    listed = CliRunner().invoke(main, ["tasks", "--db", str(db), "--format", "json"])
    assert [t["owner"]["name"] for t in json.loads(listed.output)] == ["冯立军"]
