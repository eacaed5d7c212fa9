"""Training examples from the annotated corpus.

Each sentence the splitter produces (`minutes_ai.text.split_sentences`) becomes one example:
its categories say whether it overlaps a gold task, decision, open question or progress quote
(DONE: work reported done or cancelled), INFO when it overlaps none — the annotation is exhaustive,
so a sentence no annotator marked is information, except a line that restates a task quoted
elsewhere (an Action Items recap), whose TASK label is left unknown — and its
spans mark where the gold owner, deadline phrase and criterion stand inside it. Sentences are
the unit because that is what the rules decide on, so the two halves can be compared 1:1.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..corpus import GoldDocument
from ..evaluate import overlaps
from ..text.normalize import normalize
from ..text.sentences import split_sentences
from . import LABELS


@dataclass
class Example:
    text: str
    cats: dict[str, float]
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # offsets within `text`


def examples(doc: GoldDocument) -> list[Example]:
    from ..pipeline import _known_names

    text = normalize(doc.text)
    out = []
    for sentence in split_sentences(text, known=_known_names(text)):
        if sentence.heading:
            continue
        s, e = sentence.start, sentence.end
        tasks = [t for t in doc.tasks if overlaps(s, e, t.start, t.end)]
        cats = {
            "TASK": float(bool(tasks)),
            "DECISION": float(any(overlaps(s, e, d.start, d.end) for d in doc.decisions)),
            "QUESTION": float(any(overlaps(s, e, q.start, q.end) for q in doc.open_questions)),
        }
        if doc.progress is not None:  # not annotated for progress: DONE and INFO stay unknown
            cats["DONE"] = float(any(overlaps(s, e, p.start, p.end) for p in doc.progress))
            cats["INFO"] = float(not any(cats.values()))
        if not tasks and _restates(sentence.text, doc):
            # "@tianxu — v3.2-rc1 tag（10月23日）" in Action Items repeats a task the annotator
            # quoted where it was assigned: one quote per task, so this line is not a negative
            cats.pop("TASK")
            cats.pop("INFO", None)
        assert set(cats) <= set(LABELS)
        spans: list[tuple[int, int, str]] = []
        for task in tasks:
            for value, label in ((task.owner, "OWNER"), (task.deadline_text, "DEADLINE"), (task.criteria, "CRITERIA")):
                if value:
                    found = sentence.text.find(normalize(value))
                    if found >= 0:
                        spans.append((found, found + len(value), label))
        out.append(Example(sentence.text, cats, _dedupe(spans)))
    return out


def _restates(text: str, doc: GoldDocument) -> bool:
    """Does `text` name the owner of a gold task quoted elsewhere, and is at least 40 % of its own
    wording (character bigrams, names and punctuation aside) in that task's quote?"""
    from ..extract.merge import bigrams

    for task in doc.tasks:
        if not task.owner or task.owner not in text:
            continue
        own = bigrams(text.replace(task.owner, ""), ignore=r"[\W_]")
        if len(own) >= 4 and len(own & bigrams(task.quote, ignore=r"[\W_]")) / len(own) >= 0.4:
            return True
    return False


def _dedupe(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return sorted(set(spans))
