"""The task store: confirmed minutes saved to SQLite, tasks tracked until done.

One file holds every meeting (default: the user data folder, `minutes.db`; `--db PATH` or the
MINUTES_AI_DB variable point elsewhere). Every write is one `BEGIN IMMEDIATE` transaction, so an
error leaves the file as it was, and a busy timeout lets two shells running `minutes task note`
at the same moment both succeed: the second waits for the first instead of failing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pathlib
import sqlite3
from typing import Callable, Iterator, Optional

from ..models import Deadline, Minutes, TaskStatus
from . import schema
from .errors import StoreBusyError, StoreError, UnknownTaskError
from .identity import content_hash, default_db_path, parse_meeting_id, parse_task_id, tracked_status
from .records import TRACKED_STATUSES, MeetingRecord, Note, SavedMeeting, Standup, TrackedTask
from .rows import blank_to_none, iso, owner_words, resolve_new_deadline, task_record

DEFAULT_TIMEOUT = 10.0  # seconds a write waits for another process before giving up
EDITABLE = ("title", "owner", "dept", "deadline", "criteria")


class Store:
    """Saved meetings and tracked tasks in one SQLite file.

    >>> with Store.open(tmp_path / "minutes.db") as store:
    ...     saved = store.save_minutes(minutes)
    ...     store.set_status(saved.task_ids[0], "done")
    """

    def __init__(self, conn: sqlite3.Connection, path: pathlib.Path, timeout: float, clock: Callable[[], dt.datetime]):
        self._conn = conn
        self.path = path
        self.timeout = timeout
        self._clock = clock

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Optional[Callable[[], dt.datetime]] = None,
    ) -> "Store":
        """Open (creating or upgrading) the store at `path`; None means `default_db_path()`.

        `clock` returns the current local time; tests pass a fixed one.
        """
        if path is None:
            target = default_db_path()
            target.parent.mkdir(parents=True, exist_ok=True)
        else:
            target = pathlib.Path(path).expanduser()
        if target.is_dir():
            raise StoreError(f"{target}: is a folder, not a database file")
        if not target.parent.exists():
            raise StoreError(f"{target}: folder {target.parent} does not exist")
        try:
            conn = sqlite3.connect(str(target), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{target}: cannot open database: {exc}") from None
        store = cls(conn, target, timeout, clock or (lambda: dt.datetime.now().astimezone()))
        try:
            with store._errors():
                conn.row_factory = sqlite3.Row
                conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                conn.execute("PRAGMA foreign_keys = ON")
                if schema.check(conn) < schema.latest_version():
                    with store._write():
                        schema.migrate(conn)
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._errors():
            return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions and errors -------------------------------------------------------------

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite exceptions → one-line `StoreError`s naming the file."""
        try:
            yield
        except schema.SchemaMismatch as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if "locked" in message or "busy" in message:
                raise StoreBusyError(
                    f"{self.path}: database is busy: another minutes-ai process held it for over {self.timeout:g} s; try again"
                ) from None
            if "readonly" in message or "read-only" in message:
                raise StoreError(f"{self.path}: the database file is read-only") from None
            if "unable to open" in message:
                raise StoreError(f"{self.path}: cannot open the database file") from None
            raise StoreError(f"{self.path}: not a minutes-ai database, or the file is corrupt ({message})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a minutes-ai database, or the file is corrupt ({exc})") from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is committed, or none of it."""
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction, so a task and its notes come from the same moment."""
        with self._errors():
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    def today(self) -> dt.date:
        return self._clock().date()

    # -- meetings ----------------------------------------------------------------------------

    def save_minutes(self, minutes: Minutes) -> SavedMeeting:
        """Save confirmed minutes; their tasks become tracked (open) tasks with global ids.

        Rejected tasks are not saved. Saving the same minutes again returns the first meeting and
        adds nothing (see `content_hash`).
        """
        digest = content_hash(minutes)
        with self._write() as conn:
            row = conn.execute("SELECT id FROM meetings WHERE content_hash = ?", (digest,)).fetchone()
            if row is not None:
                return SavedMeeting(f"M{row['id']}", self._meeting_task_ids(conn, row["id"]), False)
            now = self._now()
            meeting_id = conn.execute(
                "INSERT INTO meetings (title, date, content_hash, minutes_json, created_at) VALUES (?, ?, ?, ?, ?)",
                (minutes.meeting.title, minutes.meeting.date.isoformat(), digest, minutes.model_dump_json(), now),
            ).lastrowid
            for decision in minutes.decisions:
                conn.execute(
                    "INSERT INTO decisions (meeting_id, local_id, text, source_text, source_start, source_end) VALUES (?, ?, ?, ?, ?, ?)",
                    (meeting_id, decision.id, decision.text, decision.source.text, decision.source.start, decision.source.end),
                )
            for task in minutes.tasks:
                if task.status is TaskStatus.rejected:
                    continue
                owner, deadline, source = task.owner, task.deadline, task.source
                conn.execute(
                    """INSERT INTO tasks (meeting_id, local_id, title, owner_name, owner_dept, owner_text,
                           deadline_date, deadline_time, deadline_text, deadline_kind, criteria, status,
                           source_text, source_start, source_end, audio_start, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        meeting_id, task.id, task.title,
                        owner and owner.name, owner and owner.dept, owner and owner.text,
                        iso(deadline and deadline.date), iso(deadline and deadline.time),
                        deadline and deadline.text, deadline and deadline.kind.value,
                        task.criteria, tracked_status(task.status).value,
                        source.text, source.start, source.end, source.audio_start, now, now,
                    ),
                )
            return SavedMeeting(f"M{meeting_id}", self._meeting_task_ids(conn, meeting_id), True)

    def meetings(self) -> list[MeetingRecord]:
        """Every saved meeting, newest first."""
        with self._read() as conn:
            rows = conn.execute("SELECT id, title, date, content_hash, created_at FROM meetings ORDER BY id DESC").fetchall()
            return [self._meeting_record(conn, row) for row in rows]

    def meeting(self, meeting_id: str) -> MeetingRecord:
        number = parse_meeting_id(meeting_id)
        with self._read() as conn:
            row = conn.execute("SELECT id, title, date, content_hash, created_at FROM meetings WHERE id = ?", (number,)).fetchone()
            if row is None:
                raise StoreError(f"no meeting M{number} in {self.path}")
            return self._meeting_record(conn, row)

    def latest_meeting_id(self) -> str:
        """The meeting saved last; an error when nothing is saved yet."""
        with self._read() as conn:
            row = conn.execute("SELECT max(id) AS id FROM meetings").fetchone()
        if row["id"] is None:
            raise StoreError(f"no meetings saved in {self.path} yet: save one with `minutes save minutes.json`")
        return f"M{row['id']}"

    def minutes(self, meeting_id: str) -> Minutes:
        """The saved minutes of a meeting, with tasks as they stand now (global ids, edits, status)."""
        number = parse_meeting_id(meeting_id)
        with self._read() as conn:
            row = conn.execute("SELECT minutes_json FROM meetings WHERE id = ?", (number,)).fetchone()
            if row is None:
                raise StoreError(f"no meeting M{number} in {self.path}")
            saved = Minutes.model_validate_json(row["minutes_json"])
        tracked = self.tasks(meeting_id=f"M{number}")
        tracked.sort(key=lambda t: parse_task_id(t.id))
        return saved.model_copy(update={"tasks": [t.as_task() for t in tracked]})

    # -- tasks -------------------------------------------------------------------------------

    def tasks(
        self,
        owner: Optional[str] = None,
        dept: Optional[str] = None,
        status: TaskStatus | str | None = None,
        overdue: bool = False,
        due_within_days: Optional[int] = None,
        today: Optional[dt.date] = None,
        meeting_id: Optional[str] = None,
    ) -> list[TrackedTask]:
        """Tracked tasks matching every filter given, by deadline (earliest first, none last).

        `overdue`: open and dated before `today`. `due_within_days=N`: open and due from `today`
        to `today + N` inclusive. `today` defaults to the store clock's date.
        """
        today = today or self.today()
        clauses: list[str] = []
        params: list[object] = []
        if owner:
            clauses.append("t.owner_name = ? COLLATE NOCASE")
            params.append(owner)
        if dept:
            clauses.append("t.owner_dept = ? COLLATE NOCASE")
            params.append(dept)
        if status is not None:
            clauses.append("t.status = ?")
            params.append(TaskStatus(status).value)
        if overdue:
            clauses.append("t.status = 'open' AND t.deadline_date < ?")
            params.append(today.isoformat())
        if due_within_days is not None:
            if due_within_days < 0:
                raise StoreError(f"due within {due_within_days} days: the number of days cannot be negative")
            clauses.append("t.status = 'open' AND t.deadline_date BETWEEN ? AND ?")
            params += [today.isoformat(), (today + dt.timedelta(days=due_within_days)).isoformat()]
        if meeting_id is not None:
            clauses.append("t.meeting_id = ?")
            params.append(parse_meeting_id(meeting_id))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._read() as conn:
            return self._load_tasks(conn, where, params)

    def task(self, task_id: str) -> TrackedTask:
        """One task with its notes; `UnknownTaskError` when there is none with that id."""
        number = parse_task_id(task_id)
        with self._read() as conn:
            found = self._load_tasks(conn, "WHERE t.id = ?", [number])
        if not found:
            raise UnknownTaskError(f"no task T{number} in {self.path}")
        return found[0]

    def set_status(self, task_id: str, status: TaskStatus | str) -> TrackedTask:
        """Mark a task open, done or cancelled (closing time kept when it was already closed)."""
        number = parse_task_id(task_id)
        try:
            status = TaskStatus(status)
        except ValueError:
            status = None
        if status not in TRACKED_STATUSES:
            raise StoreError("a tracked task's status is open, done or cancelled")
        now = self._now()
        with self._write() as conn:
            self._require_task(conn, number)
            conn.execute(
                """UPDATE tasks SET
                       closed_at = CASE WHEN :status = 'open' THEN NULL
                                        WHEN status = :status THEN closed_at ELSE :now END,
                       status = :status, updated_at = :now
                   WHERE id = :id""",
                {"status": status.value, "now": now, "id": number},
            )
        return self.task(f"T{number}")

    def add_note(self, task_id: str, text: str) -> Note:
        """Add a progress note ("接口方延迟，周五可能赶不上") to a task."""
        number = parse_task_id(task_id)
        text = text.strip()
        if not text:
            raise StoreError("empty note: write what happened, e.g. \"接口方延迟，周五可能赶不上\"")
        now = self._now()
        with self._write() as conn:
            self._require_task(conn, number)
            note_id = conn.execute("INSERT INTO notes (task_id, text, created_at) VALUES (?, ?, ?)", (number, text, now)).lastrowid
            conn.execute("UPDATE tasks SET updated_at = ? WHERE id = ?", (now, number))
        return Note(id=note_id, task_id=f"T{number}", text=text, created_at=dt.datetime.fromisoformat(now))

    def edit(self, task_id: str, **fields: object) -> TrackedTask:
        """Change a task's title, owner (a name), dept, deadline or criteria.

        `deadline` is a `Deadline`, None to clear it, or a phrase ("下周三") resolved from today;
        `owner`/`dept`/`criteria` of None or "" clear them. All fields change together or none do.
        """
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise TypeError(f"cannot edit {', '.join(sorted(unknown))}: editable fields are {', '.join(EDITABLE)}")
        number = parse_task_id(task_id)
        columns: dict[str, object] = {}
        if "title" in fields:
            title = str(fields["title"] or "").strip()
            if not title:
                raise StoreError("a task needs a title (任务名称)")
            columns["title"] = title
        if "criteria" in fields:
            columns["criteria"] = blank_to_none(fields["criteria"])
        if "deadline" in fields:
            deadline = fields["deadline"]
            if isinstance(deadline, str):
                deadline = resolve_new_deadline(deadline, self.today())
            if deadline is not None and not isinstance(deadline, Deadline):
                raise TypeError("deadline must be a Deadline, a phrase or None")
            columns |= {
                "deadline_date": iso(deadline and deadline.date),
                "deadline_time": iso(deadline and deadline.time),
                "deadline_text": deadline and deadline.text,
                "deadline_kind": deadline and deadline.kind.value,
            }
        with self._write() as conn:
            current = self._require_task(conn, number)
            if "owner" in fields or "dept" in fields:
                name = blank_to_none(fields["owner"]) if "owner" in fields else current["owner_name"]
                dept = blank_to_none(fields["dept"]) if "dept" in fields else current["owner_dept"]
                columns |= {"owner_name": name, "owner_dept": dept, "owner_text": owner_words(name, dept)}
            if columns:
                columns["updated_at"] = self._now()
                assignments = ", ".join(f"{column} = :{column}" for column in columns)
                conn.execute(f"UPDATE tasks SET {assignments} WHERE id = :id", columns | {"id": number})
        return self.task(f"T{number}")

    def standup(self, today: Optional[dt.date] = None) -> Standup:
        """The standup view on `today`: done this week, due by the end of next week, overdue, at risk."""
        from .standup import build_standup

        today = today or self.today()
        monday = today - dt.timedelta(days=today.weekday())
        with self._read() as conn:
            tasks = self._load_tasks(conn, "WHERE t.status = 'open' OR (t.status = 'done' AND t.closed_at >= ?)", [monday.isoformat()])
        return build_standup(tasks, today)

    # -- rows → records ----------------------------------------------------------------------

    def _require_task(self, conn: sqlite3.Connection, number: int) -> sqlite3.Row:
        row = conn.execute("SELECT * FROM tasks WHERE id = ?", (number,)).fetchone()
        if row is None:
            raise UnknownTaskError(f"no task T{number} in {self.path}")
        return row

    def _meeting_task_ids(self, conn: sqlite3.Connection, meeting_id: int) -> list[str]:
        return [f"T{r['id']}" for r in conn.execute("SELECT id FROM tasks WHERE meeting_id = ? ORDER BY id", (meeting_id,))]

    def _meeting_record(self, conn: sqlite3.Connection, row: sqlite3.Row) -> MeetingRecord:
        return MeetingRecord(
            id=f"M{row['id']}",
            title=row["title"],
            date=row["date"],
            content_hash=row["content_hash"],
            created_at=row["created_at"],
            task_ids=self._meeting_task_ids(conn, row["id"]),
        )

    def _load_tasks(self, conn: sqlite3.Connection, where: str, params: list[object]) -> list[TrackedTask]:
        rows = conn.execute(
            f"""SELECT t.*, m.title AS meeting_title, m.date AS meeting_date
                FROM tasks t JOIN meetings m ON m.id = t.meeting_id
                {where}
                ORDER BY t.deadline_date IS NULL, t.deadline_date, t.deadline_time IS NULL, t.deadline_time, t.id""",
            params,
        ).fetchall()
        notes = self._notes(conn, [row["id"] for row in rows])
        return [task_record(row, notes.get(row["id"], [])) for row in rows]

    def _notes(self, conn: sqlite3.Connection, task_ids: list[int]) -> dict[int, list[Note]]:
        notes: dict[int, list[Note]] = {}
        for start in range(0, len(task_ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = task_ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in conn.execute(f"SELECT * FROM notes WHERE task_id IN ({marks}) ORDER BY id", chunk):
                notes.setdefault(row["task_id"], []).append(
                    Note(id=row["id"], task_id=f"T{row['task_id']}", text=row["text"], created_at=row["created_at"])
                )
        return notes
