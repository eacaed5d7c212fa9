"""Two shells adding notes at the same moment: every note lands, none is lost or refused.

Each of two processes runs `minutes task note` 20 times (in-process, so the test spends its time
writing rather than starting Python); every run opens its own connection, as a shell would.
"""

from __future__ import annotations

import subprocess
import sys

from store_builders import minutes, task

from minutes_ai.store import Store

RUNS = 20
# The installed `minutes` script may not list the tracking commands yet; this runs the same group.
SHELL = """
import sys
import minutes_ai.cli.track
from minutes_ai.cli import main

name, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(runs):
    try:
        main(["task", "note", "T1", f"{name} 第{i}条", "--db", db], standalone_mode=False)
    except Exception as exc:
        print(f"run {i}: {exc}", file=sys.stderr)
        sys.exit(1)
"""


def test_concurrent_task_notes_lose_nothing(tmp_path):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        store.save_minutes(minutes(task("T1", "接口联调")))
    shells = [
        subprocess.Popen([sys.executable, "-c", SHELL, name, str(path), str(RUNS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for name in ("甲", "乙")
    ]
    errors = [shell.communicate(timeout=120)[1].decode("utf-8") for shell in shells]
    assert [shell.returncode for shell in shells] == [0, 0], errors
    with Store.open(path) as store:
        notes = [n.text for n in store.task("T1").notes]
    assert sorted(notes) == sorted(f"{name} 第{i}条" for name in ("甲", "乙") for i in range(RUNS))
