"""`minutes review` in a real terminal (a pty, driven by pexpect): single keys, prompt_toolkit
value editing and owner completion, quit, and resuming in a new process."""

from __future__ import annotations

import json
import os
import sys

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is not installed: pip install pexpect to run the real-terminal test")

# Runs the package's `minutes` command with `review` registered, whether or not cli/__init__ imports it yet.
LAUNCH = "import minutes_ai.cli.review; from minutes_ai.cli import main; main()"
TIMEOUT = 20


def spawn(path):
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="120", LINES="40")
    env.pop("MINUTES_AI_DB", None)
    try:
        child = pexpect.spawn(
            sys.executable,
            ["-c", LAUNCH, "review", str(path)],
            cwd=str(path.parent),
            env=env,
            encoding="utf-8",
            dimensions=(40, 120),
            timeout=TIMEOUT,
        )
    except (OSError, pexpect.ExceptionPexpect) as exc:  # no pty available in this sandbox
        pytest.skip(f"pexpect cannot spawn a pseudo-terminal here: {exc}")
    return child


def finish(child) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_review_in_a_terminal_quit_and_resume(minutes_file):
    child = spawn(minutes_file)
    child.expect("任务 1/2 · T1")
    child.expect(r"操作 \[a/e/r/s/n/q/\?\]: ")
    child.send("e")  # one key, no Enter
    child.expect("编辑哪一项")
    child.send("d")
    child.expect(r"截止时间（如 下周三、12月2日；- 清空）: .*D\+3")  # the current value, pre-filled to edit
    child.sendcontrol("u")  # clear it
    child.send("尽快\r")
    child.expect("too vague to track")  # refused with the reason, and asked again
    child.expect(r"清空）: .*D\+3")
    child.sendcontrol("u")
    child.send("下周三\r")
    child.expect(r"2026-12-02（周三） ← 下周三")
    child.expect("操作")
    child.send("a")
    child.expect("任务 2/2 · T2")
    child.expect("操作")
    child.send("q")
    child.expect("下次从 T2 继续")
    assert finish(child) == 0

    child = spawn(minutes_file)
    child.expect("继续上次的审核（resuming）：从 T2 开始")
    child.expect("任务 2/2 · T2")
    child.expect("操作")
    child.send("e")
    child.expect("编辑哪一项")
    child.send("o")
    child.expect(r"负责人（- 清空）: .*贝佳")
    child.sendcontrol("u")
    child.send("冯")
    child.expect("冯立军")  # completion offered from the owners already in the tasks
    child.send("\t\r")
    child.expect(r"负责人(?:\s|\x1b\[[0-9;]*m)+冯立军")  # the field on screen (rich may style the label)
    child.expect("操作")
    child.send("a")
    child.expect("决议 1/1 · D1")
    child.expect("操作")
    child.send("a")
    child.expect("审核完成")
    assert finish(child) == 0

    tasks = json.loads(minutes_file.read_text(encoding="utf-8"))["tasks"]
    assert [(t["owner"]["name"], t["deadline"]["date"], t["status"]) for t in tasks] == [
        ("冯立军", "2026-12-02", "confirmed"),
        ("冯立军", "2026-11-27", "confirmed"),
    ]
