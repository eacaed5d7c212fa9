"""Schema creation and upgrade, and the files the store must refuse in one line."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner
from store_builders import minutes, task

import minutes_ai.cli.track  # noqa: F401  (registers the tracking commands)
from minutes_ai.cli import main
from minutes_ai.store import Store, StoreBusyError, StoreError, schema


def pragmas(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0], conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def tables(path):
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


@pytest.mark.parametrize("existing", [False, True], ids=["new file", "empty file"])
def test_schema_is_created_from_nothing(tmp_path, existing):
    path = tmp_path / "minutes.db"
    if existing:
        path.write_bytes(b"")
    with Store.open(path) as store:
        assert store.schema_version == schema.latest_version()
        assert store.tasks() == [] and store.meetings() == []
    assert pragmas(path) == (schema.latest_version(), schema.APPLICATION_ID)
    assert {"meetings", "decisions", "tasks", "notes"} <= tables(path)


def test_reopening_does_not_migrate_again(tmp_path):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        store.save_minutes(minutes(task("T1", "接口联调")))
    with Store.open(path) as store:
        assert [t.title for t in store.tasks()] == ["接口联调"]


def test_a_new_step_upgrades_an_old_database_and_keeps_its_data(tmp_path, monkeypatch):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        store.save_minutes(minutes(task("T1", "接口联调")))
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + ["ALTER TABLE tasks ADD COLUMN priority TEXT; CREATE INDEX tasks_by_priority ON tasks(priority)"])
    with Store.open(path) as store:
        assert store.schema_version == 2
        assert [t.title for t in store.tasks()] == ["接口联调"]
    conn = sqlite3.connect(path)
    assert "priority" in {row[1] for row in conn.execute("PRAGMA table_info(tasks)")}
    conn.close()


def test_a_failing_step_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        store.save_minutes(minutes(task("T1", "接口联调")))
    broken = schema.MIGRATIONS + ["ALTER TABLE tasks ADD COLUMN priority TEXT; ALTER TABLE no_such_table ADD COLUMN x TEXT"]
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises(StoreError):
        Store.open(path)
    monkeypatch.undo()
    assert pragmas(path)[0] == 1
    conn = sqlite3.connect(path)
    assert "priority" not in {row[1] for row in conn.execute("PRAGMA table_info(tasks)")}
    conn.close()


def _other_program(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def _newer(path):
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.latest_version() + 5}")
    conn.close()


def _truncated(path):
    with Store.open(path) as store:
        store.save_minutes(minutes(*(task(f"T{i}", "任务" * 200) for i in range(1, 60))))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] + b"\x00garbage" * 64 + data[len(data) // 2 :])


BAD_FILES = {
    "text": (lambda p: p.write_text("会议纪要：这不是数据库\n" * 50, encoding="utf-8"), "not a minutes-ai database, or the file is corrupt"),
    "tiny": (lambda p: p.write_bytes(b"hello"), "not a minutes-ai database, or the file is corrupt"),
    "random": (lambda p: p.write_bytes(bytes(range(256)) * 64), "not a minutes-ai database, or the file is corrupt"),
    "other program": (_other_program, "not a minutes-ai database (it holds another program's tables)"),
    "newer schema": (_newer, "written by a newer minutes-ai"),
    "damaged pages": (_truncated, "not a minutes-ai database, or the file is corrupt"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_database_files_are_refused_in_one_line(tmp_path, case):
    path = tmp_path / "minutes.db"
    make, message = BAD_FILES[case]
    make(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as raised:
        with Store.open(path) as store:
            store.tasks()
            store.save_minutes(minutes(task("T1", "不应写入")))
    text = str(raised.value)
    assert message in text and "\n" not in text and text.startswith(str(path))
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["tasks"], ["standup"], ["task", "done", "T1"], ["export", "-f", "csv"]])
def test_cli_on_a_corrupt_database_is_one_line_and_exit_1(tmp_path, command):
    path = tmp_path / "minutes.db"
    path.write_bytes(b"SQLite format 2\x00" + b"\xff" * 2000)
    result = CliRunner().invoke(main, [*command, "--db", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:") and "not a minutes-ai database, or the file is corrupt" in lines[0]


def test_a_database_locked_past_the_timeout_is_a_one_line_busy_error(tmp_path):
    path = tmp_path / "minutes.db"
    with Store.open(path) as store:
        store.save_minutes(minutes(task("T1", "接口联调")))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, timeout=0.2) as store:
            with pytest.raises(StoreBusyError, match=r"database is busy: another minutes-ai process held it for over 0\.2 s; try again"):
                store.add_note("T1", "进展")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as store:
        assert store.task("T1").notes == []
