"""The annotated corpus: load gold documents (YAML files, JSONL, or directories of either).

Format: docs/corpus.md. Each document gives the text, the meeting date and the gold tasks,
decisions, open questions and (optionally) progress items, each located by a `quote` (an exact
substring of the text).
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from dataclasses import dataclass, field

import yaml


class CorpusError(ValueError):
    """A corpus file is missing, unreadable or not in the documented format."""


@dataclass
class GoldTask:
    quote: str
    start: int
    end: int
    owner: str | None
    dept: str | None
    deadline_date: dt.date | None
    deadline_kind: str | None  # None when the task has no deadline
    criteria: str | None
    deadline_text: str | None = None
    title: str | None = None


@dataclass
class GoldItem:
    quote: str
    start: int
    end: int


@dataclass
class GoldProgress(GoldItem):
    status: str = "done"


@dataclass
class GoldDocument:
    id: str
    style: str
    meeting_date: dt.date
    text: str
    tasks: list[GoldTask] = field(default_factory=list)
    decisions: list[GoldItem] = field(default_factory=list)
    open_questions: list[GoldItem] = field(default_factory=list)
    progress: list[GoldProgress] | None = None  # None: the document was not annotated for progress


def load_corpus(path: str | pathlib.Path) -> list[GoldDocument]:
    """Load every document under `path` (a .yaml/.yml file, a .jsonl file, or a directory)."""
    path = pathlib.Path(path)
    if not path.exists():
        raise CorpusError(f"corpus not found: {path}")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".jsonl"))
        if not files:
            raise CorpusError(f"no .yaml or .jsonl documents under {path}")
        return [doc for f in files for doc in load_corpus(f)]
    try:
        raw_text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read corpus file {path}: {exc}") from exc
    try:
        if path.suffix == ".jsonl":
            raws = [json.loads(line) for line in raw_text.splitlines() if line.strip()]
        else:
            raws = [yaml.safe_load(raw_text)]
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{path}: not valid {'JSONL' if path.suffix == '.jsonl' else 'YAML'}: {str(exc).splitlines()[0]}") from exc
    return [_document(raw, path) for raw in raws]


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _locate(text: str, quote: str, where: str) -> tuple[int, int]:
    start = text.find(quote)
    if not quote or start < 0:
        raise CorpusError(f"{where}: quote not found in text: {quote!r}")
    return start, start + len(quote)


def _document(raw: dict, path: pathlib.Path) -> GoldDocument:
    if not isinstance(raw, dict):
        raise CorpusError(f"{path}: a document must be a mapping")
    try:
        doc_id, text = str(raw["id"]), raw["text"]
        doc = GoldDocument(id=doc_id, style=raw.get("style", ""), meeting_date=_date(raw["meeting_date"]), text=text)
    except (KeyError, ValueError) as exc:
        raise CorpusError(f"{path}: missing or bad field {exc}") from exc
    for i, task in enumerate(raw.get("tasks") or []):
        where = f"{path}: {doc_id} tasks[{i}]"
        start, end = _locate(text, task.get("quote", ""), where)
        deadline = task.get("deadline")
        owner = task.get("owner")
        doc.tasks.append(
            GoldTask(
                quote=task["quote"],
                start=start,
                end=end,
                owner=str(owner) if owner is not None else None,
                dept=task.get("dept"),
                deadline_date=_date(deadline.get("date")) if deadline else None,
                deadline_kind=deadline.get("kind") if deadline else None,
                criteria=task.get("criteria"),
                title=task.get("title"),
                deadline_text=str(deadline.get("text")) if deadline and deadline.get("text") else None,
            )
        )
    for key in ("decisions", "open_questions"):
        for i, item in enumerate(raw.get(key) or []):
            start, end = _locate(text, item.get("quote", ""), f"{path}: {doc_id} {key}[{i}]")
            getattr(doc, key).append(GoldItem(item["quote"], start, end))
    if raw.get("progress") is not None:
        doc.progress = []
        for i, item in enumerate(raw["progress"]):
            start, end = _locate(text, item.get("quote", ""), f"{path}: {doc_id} progress[{i}]")
            if item.get("status") not in ("done", "cancelled"):
                raise CorpusError(f"{path}: {doc_id} progress[{i}]: status must be done or cancelled")
            doc.progress.append(GoldProgress(item["quote"], start, end, item["status"]))
    return doc
