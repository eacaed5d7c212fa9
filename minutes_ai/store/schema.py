"""The store's SQLite schema, created and upgraded by numbered migration steps.

`PRAGMA user_version` holds the number of steps applied; `PRAGMA application_id` marks the file
as a minutes-ai database, so `--db ~/Downloads/other.db` pointing at some other program's SQLite
file is refused instead of having our tables added to it. A new release that needs a column adds a
step at the end of `MIGRATIONS`; steps already released are never edited.
"""

from __future__ import annotations

import sqlite3

# "MiAI" in ASCII: written on creation, checked on every open.
APPLICATION_ID = 0x4D694149

MIGRATIONS: list[str] = [
    # 1: meetings, their decisions and tasks, and progress notes on tasks.
    """
    CREATE TABLE meetings (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        title        TEXT,
        date         TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        minutes_json TEXT NOT NULL,
        created_at   TEXT NOT NULL
    );
    CREATE TABLE decisions (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id   INTEGER NOT NULL REFERENCES meetings(id),
        local_id     TEXT NOT NULL,
        text         TEXT NOT NULL,
        source_text  TEXT NOT NULL,
        source_start INTEGER NOT NULL,
        source_end   INTEGER NOT NULL
    );
    CREATE TABLE tasks (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id    INTEGER NOT NULL REFERENCES meetings(id),
        local_id      TEXT NOT NULL,
        title         TEXT NOT NULL,
        owner_name    TEXT,
        owner_dept    TEXT,
        owner_text    TEXT,
        deadline_date TEXT,
        deadline_time TEXT,
        deadline_text TEXT,
        deadline_kind TEXT,
        criteria      TEXT,
        status        TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
        source_text   TEXT NOT NULL,
        source_start  INTEGER NOT NULL,
        source_end    INTEGER NOT NULL,
        audio_start   REAL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        closed_at     TEXT
    );
    CREATE INDEX tasks_by_deadline ON tasks(status, deadline_date);
    CREATE INDEX tasks_by_owner ON tasks(owner_name);
    CREATE INDEX tasks_by_meeting ON tasks(meeting_id);
    CREATE TABLE notes (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        task_id    INTEGER NOT NULL REFERENCES tasks(id),
        text       TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX notes_by_task ON notes(task_id);
    """,
]


class SchemaMismatch(Exception):
    """The file is SQLite but not ours, or ours from a newer release. Carries a one-line reason."""


def latest_version() -> int:
    return len(MIGRATIONS)


def check(conn: sqlite3.Connection) -> int:
    """Return the schema version of the open database, refusing files that are not ours.

    An empty file (or a new one) is version 0 and gets created by `migrate`.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id == 0 and version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise SchemaMismatch("not a minutes-ai database (it holds another program's tables)")
        return 0
    if app_id != APPLICATION_ID:
        raise SchemaMismatch("not a minutes-ai database")
    if version > latest_version():
        raise SchemaMismatch(f"written by a newer minutes-ai (schema {version}, this version knows {latest_version()}); upgrade minutes-ai")
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing steps inside the caller's write transaction; return the new version.

    The caller holds `BEGIN IMMEDIATE`, and `check` runs again under that lock, so two shells
    opening a new database at the same moment create it once.
    """
    version = check(conn)
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        for statement in _statements(step):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    if version == 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return latest_version()


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT the caller's transaction; run statement by statement instead.
    return [s.strip() for s in script.split(";") if s.strip()]
