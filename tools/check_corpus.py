"""Check corpus documents for format errors (stand-alone: needs only PyYAML).

Usage: python3 tools/check_corpus.py corpus/train/*.yaml
Prints one line per problem and a summary; exits 1 when any problem is found.
"""
import datetime as dt
import pathlib
import sys

import yaml

STYLES = {"formal", "table", "notes", "plans", "asr", "dialogue", "im", "mixed", "oss"}
KINDS = {"absolute", "relative", "workdays", "vague"}
PROGRESS = {"done", "cancelled"}


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def check(path: pathlib.Path) -> list[str]:
    problems = []
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001 - report any load error as a line
        return [f"{path}: does not load: {exc}".replace("\n", " ")]
    if not isinstance(doc, dict):
        return [f"{path}: not a mapping"]
    for key in ("id", "style", "meeting_date", "text", "tasks"):
        if key not in doc:
            problems.append(f"{path}: missing key {key}")
    if problems:
        return problems
    if doc["id"] != path.stem:
        problems.append(f"{path}: id {doc['id']!r} differs from file name")
    if doc["style"] not in STYLES:
        problems.append(f"{path}: unknown style {doc['style']!r}")
    _date(doc["meeting_date"])
    text = doc["text"]
    for kind in ("tasks", "decisions", "open_questions", "progress"):
        for i, item in enumerate(doc.get(kind) or []):
            where = f"{path}: {kind}[{i}]"
            quote = item.get("quote")
            if not quote or quote not in text:
                problems.append(f"{where}: quote not found in text: {quote!r}")
            if kind == "progress":
                if item.get("status") not in PROGRESS:
                    problems.append(f"{where}: status must be one of {sorted(PROGRESS)}, not {item.get('status')!r}")
                if set(item) - {"quote", "status"}:
                    problems.append(f"{where}: unknown keys {sorted(set(item) - {'quote', 'status'})}")
            if kind != "tasks":
                continue
            extra = set(item) - {"quote", "title", "owner", "dept", "deadline", "criteria"}
            if extra:
                problems.append(f"{where}: unknown keys {sorted(extra)}")
            deadline = item.get("deadline")
            if deadline is not None:
                if deadline.get("kind") not in KINDS:
                    problems.append(f"{where}: bad deadline kind {deadline.get('kind')!r}")
                try:
                    date = _date(deadline.get("date"))
                except ValueError:
                    problems.append(f"{where}: bad deadline date {deadline.get('date')!r}")
                    continue
                if (date is None) != (deadline.get("kind") == "vague"):
                    problems.append(f"{where}: date must be null exactly when kind is vague")
                if not deadline.get("text"):
                    problems.append(f"{where}: deadline without text")
    return problems


def main(argv: list[str]) -> int:
    paths = [pathlib.Path(a) for a in argv] or sorted(pathlib.Path("corpus").glob("*/*.yaml"))
    problems, tasks = [], 0
    for path in paths:
        problems += check(path)
        try:
            tasks += len(yaml.safe_load(path.read_text(encoding="utf-8")).get("tasks") or [])
        except Exception:  # noqa: BLE001
            pass
    for line in problems:
        print(line)
    print(f"{len(paths)} documents, {tasks} tasks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
