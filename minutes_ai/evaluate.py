"""Score extraction against the annotated corpus: precision/recall/F1 and field accuracies.

Matching (docs/corpus.md): a predicted task matches a gold task when its source span overlaps the
gold quote; where several could match, the one whose owner agrees is preferred; matching is
one-to-one. Owner, deadline and criteria accuracy are measured on matched pairs, so they say how
good the fields are when the task itself was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .corpus import GoldDocument, GoldItem, GoldTask
from .models import Minutes, Task
from .text import names


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1


@dataclass
class Miss:
    """One error, for the report: which document, what kind, gold vs. predicted."""

    doc: str
    kind: str
    gold: str
    predicted: str


@dataclass
class Report:
    documents: int = 0
    tasks: Counts = field(default_factory=Counts)
    decisions: Counts = field(default_factory=Counts)
    open_questions: Counts = field(default_factory=Counts)
    progress: Counts = field(default_factory=Counts)  # only documents annotated for progress
    owner: Accuracy = field(default_factory=Accuracy)
    deadline: Accuracy = field(default_factory=Accuracy)
    criteria: Accuracy = field(default_factory=Accuracy)
    misses: list[Miss] = field(default_factory=list)

    def as_dict(self) -> dict:
        def counts(c: Counts) -> dict:
            return {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3), "tp": c.tp, "fp": c.fp, "fn": c.fn}

        def acc(a: Accuracy) -> dict:
            return {"accuracy": round(a.value, 3), "correct": a.correct, "total": a.total}

        return {
            "documents": self.documents,
            "tasks": counts(self.tasks),
            "decisions": counts(self.decisions),
            "open_questions": counts(self.open_questions),
            "progress": counts(self.progress),
            "owner": acc(self.owner),
            "deadline": acc(self.deadline),
            "criteria": acc(self.criteria),
        }


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Do two character spans share a character? How a prediction meets its gold item (and how the
    model's training labels sentences: `model.data`)."""
    return a_start < b_end and b_start < a_end


def _norm_name(name: str | None) -> str:
    return re.sub(r"[\s@*]", "", name or "").lower()


def owner_matches(gold: GoldTask, task: Task) -> bool:
    if gold.owner is None:
        return task.owner is None
    if task.owner is None:
        return False
    want = _norm_name(gold.owner)
    got = {_norm_name(task.owner.name), _norm_name(task.owner.dept)} - {""}
    return want in got or any(want and g and (want in g or g in want) and min(len(want), len(g)) >= 2 for g in got) or _same_person(gold.owner, task.owner.name)


def _same_person(gold: str, got: str | None) -> bool:
    """"小林" annotated, "林晓雨" predicted (or the other way round): a title form is the full name
    with its surname — the extractor writes the full name when the meeting gives it, annotators
    sometimes keep the form the speaker used (docs/corpus.md, Scoring)."""
    if not got or gold == got:
        return gold == got
    return names.full_name_for(gold, frozenset([got])) == got or names.full_name_for(got, frozenset([gold])) == gold


def deadline_matches(gold: GoldTask, task: Task) -> bool:
    if gold.deadline_kind is None:
        return task.deadline is None
    if task.deadline is None:
        return False
    if gold.deadline_date is None:
        return task.deadline.date is None
    return task.deadline.date == gold.deadline_date


def _chars_f1(a: str, b: str) -> float:
    a_chars, b_chars = list(re.sub(r"\s", "", a)), list(re.sub(r"\s", "", b))
    if not a_chars or not b_chars:
        return 0.0
    pool = {}
    for ch in b_chars:
        pool[ch] = pool.get(ch, 0) + 1
    common = 0
    for ch in a_chars:
        if pool.get(ch):
            pool[ch] -= 1
            common += 1
    if not common:
        return 0.0
    p, r = common / len(a_chars), common / len(b_chars)
    return 2 * p * r / (p + r)


def criteria_matches(gold: GoldTask, task: Task) -> bool:
    if not gold.criteria:
        return not task.criteria
    if not task.criteria:
        return False
    return _chars_f1(gold.criteria, task.criteria) >= 0.6


def score_document(doc: GoldDocument, minutes: Minutes, report: Report) -> None:
    report.documents += 1
    _score_tasks(doc, minutes.tasks, report)
    report.decisions.add(_score_items(doc.id, "decision", doc.decisions, [(d.source.start, d.source.end, d.text) for d in minutes.decisions], report))
    report.open_questions.add(_score_items(doc.id, "open_question", doc.open_questions, [(q.source.start, q.source.end, q.text) for q in minutes.open_questions], report))
    if doc.progress is not None:
        for status in ("done", "cancelled"):  # a progress item matches only with the same status
            gold = [p for p in doc.progress if p.status == status]
            got = [(p.source.start, p.source.end, p.text) for p in minutes.progress if p.status.value == status]
            report.progress.add(_score_items(doc.id, f"progress_{status}", gold, got, report))


def pair_tasks(gold_tasks: list[GoldTask], predicted: list, span=lambda task: (task.source.start, task.source.end)) -> tuple[dict[int, GoldTask], list[GoldTask]]:
    """One-to-one matching (docs/corpus.md, Scoring): predicted index → its gold task, and the gold
    tasks left unmatched. `predicted` items have an `owner`; `span` gives their (start, end) —
    `Task`s by default, drafts too (`minutes train-veto` labels them this way)."""
    used: dict[int, GoldTask] = {}
    # First pass: overlap and owner agree; second pass: overlap alone.
    unmatched = list(gold_tasks)
    for need_owner in (True, False):
        still = []
        for gold in unmatched:
            found = None
            for i, task in enumerate(predicted):
                if i in used or not overlaps(gold.start, gold.end, *span(task)):
                    continue
                if need_owner and not owner_matches(gold, task):
                    continue
                found = i
                break
            if found is None:
                still.append(gold)
            else:
                used[found] = gold
        unmatched = still
    return used, unmatched


def _score_tasks(doc: GoldDocument, predicted: list[Task], report: Report) -> None:
    used, unmatched = pair_tasks(doc.tasks, predicted)
    pairs = [(gold, predicted[i]) for i, gold in used.items()]
    counts = Counts(tp=len(pairs), fp=len(predicted) - len(used), fn=len(unmatched))
    report.tasks.add(counts)
    for gold in unmatched:
        report.misses.append(Miss(doc.id, "task_missed", gold.quote, ""))
    for i, task in enumerate(predicted):
        if i not in used:
            report.misses.append(Miss(doc.id, "task_extra", "", f"{task.source.text[:60]} → {task.title}"))
    for gold, task in pairs:
        for name, ok, gold_value, got in (
            ("owner", owner_matches(gold, task), gold.owner, task.owner and (task.owner.name or task.owner.dept)),
            ("deadline", deadline_matches(gold, task), gold.deadline_date or gold.deadline_kind, task.deadline and (task.deadline.date or task.deadline.kind.value)),
            ("criteria", criteria_matches(gold, task), gold.criteria, task.criteria),
        ):
            getattr(report, name).add(ok)
            if not ok:
                report.misses.append(Miss(doc.id, name, f"{gold_value} ⟵ {gold.quote[:40]}", str(got)))


def _score_items(doc_id: str, kind: str, gold: list[GoldItem], predicted: list[tuple[int, int, str]], report: Report) -> Counts:
    used: set[int] = set()
    tp = 0
    for item in gold:
        for i, (start, end, _) in enumerate(predicted):
            if i not in used and overlaps(item.start, item.end, start, end):
                used.add(i)
                tp += 1
                break
        else:
            report.misses.append(Miss(doc_id, f"{kind}_missed", item.quote, ""))
    for i, (_, _, text) in enumerate(predicted):
        if i not in used:
            report.misses.append(Miss(doc_id, f"{kind}_extra", "", text[:60]))
    return Counts(tp=tp, fp=len(predicted) - len(used), fn=len(gold) - tp)


def evaluate(documents: list[GoldDocument], extractor=None) -> Report:
    """Run the extractor (default: `minutes_ai.extract`) on every document and score it."""
    if extractor is None:
        from .pipeline import extract as extractor
    report = Report()
    for doc in documents:
        score_document(doc, extractor(doc.text, doc.meeting_date), report)
    return report
