"""Rules plus model: how the two halves decide together what is a task, and what a decision.

The rules are precise on the forms they know and they normalise what they find (a deadline
becomes a date, an owner a person or department). The model (a bag-of-words sentence
classifier and a span tagger trained on the corpus, `minutes_ai/model/`) has seen forms nobody
wrote a rule for, and gives every sentence a probability of handing out a task. Combined:

1. every rule task is weighed by the task veto (`model/linear.py`, `task_veto.json`): a logistic
   regression over what the rules know of the draft and its sentence (`draft_features`: the
   classifier's five probabilities, which layout or wording vouches for it — a table row, a
   labelled record, an owner put in charge in so many words, a dated commitment whose owner the
   speaker or the layout gives (`vouched_by`) —, where its owner and deadline came from, the cue
   words the sentence says of those rules/model_features.yaml lists), trained on corpus documents
   the classifier never saw. It is kept when P(real task) ≥ the veto's threshold. Until stop 17 hand-set thresholds did this (drop
   below P(task) 0.2, 0.05 when the layout vouched, never a dated commitment): the learned
   weights took heldout task F1 from 0.826 to 0.844 and dev from 0.842 to 0.848 (docs/benchmarks.md);
   the drafts UNVETOED names stay whatever it says;
2. without a shipped veto (a pipeline trained without one) every rule task is kept;
3. a sentence the rules passed over becomes a task when the model is confident (P(task) ≥ ADD),
   the sentence can hold a task at all (not a report, cancellation or question) and it names an
   owner or a deadline. The rules' own owner and deadline finders fill the fields; where they
   find neither, the model's spans do, validated by the rules (a span must be a person or
   department; a deadline span must resolve to a date).
4. confidence = the mean of the rule confidence and P(task).

Progress lines (work reported done or called off, `combine_progress`) are combined the same way:
a rule item is kept unless P(done) < PROGRESS_DROP; a sentence the rules passed over becomes one
when P(done) ≥ PROGRESS_ADD and it is not a question or still running (`progress_not`); its
status comes from the cue words (cancelled when it says so, else done). Open questions
(`combine_items`) likewise: a rule item is kept unless P(QUESTION) < QUESTION_DROP, and a sentence
the rules passed over becomes one when P(QUESTION) ≥ QUESTION_ADD.

Decisions (`combine_decisions`) have a learned model of their own (`decision_model.json`, fitted
with the task veto): a logistic regression over the candidate sentences (`decision_features`: the
rules' decisions and the sentences the classifier or a decision word puts forward) that weighs the
rules' verdict, the classifier, the layout, the tasks drafted there, who speaks and where. From
stop 18 it replaced keeping the rules' decisions above P(DECISION) 0.02 and adding those with a
decision word above 0.5: cross-validated decision F1 on the unseen train documents 0.767 → 0.813
(0.815 on the 340 of stop 19, 0.820 on the 380 of stop 20); with the stop's rule fixes heldout 0.757 → 0.786, dev 0.776 → 0.810
(docs/benchmarks.md). A line
labelled the conclusion ("结论是…") stands whatever it says. Without a shipped decision model the
thresholds (DECISION_DROP, DECISION_ADD) still apply.

`mode` selects "rules" (no model), "model" (sentences with P(task) ≥ 0.5, fields from spans,
resolved by the rules) or "combined" (the default when the pipeline is installed).
"""

from __future__ import annotations

import collections
import datetime as dt
import math
import re

from .extract import owners as owner_rules
from .extract.deadlines import resolve_deadline
from .extract.cues import has
from .extract.decisions import ItemDraft
from .extract.progress import ProgressDraft
from .extract.roles import is_cancelled, is_decision, may_be_task
from .extract.drafts import TaskDraft, drafts_for
from .extract.merge import same_task
from .extract.tasks import prose_fields
from .extract.titles import clean_title
from . import ruledata
from .models import Sentence
from .text import names

# P(TASK) from which a sentence the rules passed over is added as a task. Chosen on train read with
# the out-of-fold probabilities (stop 24): 0.6 → task F1 0.8910, 0.7 → 0.8930, 0.8 → 0.8939,
# 0.9 → 0.8937 (owners 0.9417 → 0.9430: what the model adds alone is less often owned right),
# never → 0.8902; the strictest within 0.001 of the best (model/veto.py: strictest_tie).
ADD = 0.9
# Kept whatever the veto says: a dated "我…", a named owner put in charge with a date ("@Cindy 主图
# 下周三前出完", "1. 王磊：整理需求池" under a shared date), a dated request to 你 whose owner the
# turn gives, the next entry of a list whose owner's task was drafted just before. The bag of words
# reads a long spoken turn by its report words ("我先说一下研发进度，登陆模块已经完成，…我会在本
# 周五前完成支付接口的对接": P(task) 0.03), and a short list entry has few words to read. Keeping them
# cost 0.3 points of cross-validated F1 on the train documents the classifier never saw; what a
# person reads as plainly assigned must not depend on a bag of words.
UNVETOED: frozenset[str] = frozenset({"dated_commitment", "dated_assignment", "dated_request", "list_entry"})
# Progress: a rule's report is dropped below P(DONE) PROGRESS_DROP, a sentence the rules passed over
# added from PROGRESS_ADD. Chosen on train read with the out-of-fold probabilities (stop 24, the
# classifier trained on all of train): drop 0.01 → 0.8587 (add 0.7), 0.02 → 0.8580, 0.05 → 0.8528,
# 0.1 → 0.8353; add 0.6–1.0 within 0.002 of each other. The strictest setting within 0.001 of the
# best, as for the linear models (model/veto.py: strictest_tie).
PROGRESS_DROP = 0.02
PROGRESS_ADD = 0.8
# Decisions and open questions the rules find are vetoed when the classifier all but rules them out;
# open questions it is sure of are added. Chosen on the 180 train documents the shipped model
# never saw (the 23rd–28th, 30th, 32nd and 33rd blind sets): decision F1 0.755 → 0.784 (0.773–0.784
# from 0.01 to 0.04), open-question F1 0.851 → 0.860 (veto) and 0.865 (adding at 0.6–0.7). Adding
# any sentence as a decision gained nothing; adding those with a decision or rejection word at
# P ≥ 0.5 took decisions from 0.784 to 0.794 (0.785–0.794 from 0.5 to 0.9).
DECISION_DROP = 0.02
DECISION_ADD = 0.5  # …and only sentences with a decision or rejection word (decision_or_rejection)
# P(DECISION) from which the decision model weighs a sentence that no rule, decision word or label
# puts forward. Cross-validated decision F1 on the train documents the classifier never saw
# (stop 18, one dealing into folds): 0.05 → 0.809, 0.2 → 0.812, 0.5 → 0.815, 0.7 → 0.816,
# 0.9 → 0.815, never → 0.815.
# Sentences only the bag of words calls decisions are mostly not; more than likely is the bar.
DECISION_CANDIDATE = 0.5
QUESTION_DROP = 0.01
QUESTION_ADD = 0.7
MODES = ("rules", "model", "combined")

Categories = dict[int, dict[str, float]]
"""Sentence start → the classifier's probability for each label."""


def sentence_categories(sentences: list[Sentence], mode: str) -> Categories:
    """The classifier's categories for every sentence that is not a heading (none in rules mode):
    computed once per document and shared by `combine` and `combine_progress`."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    if mode == "rules":
        return {}
    from .model.predict import categories

    units = [s for s in sentences if not s.heading]
    return {s.start: cats for s, cats in zip(units, categories([s.text for s in units]))}


def combine_progress(sentences: list[Sentence], drafts: list[ProgressDraft], cats: Categories, mode: str) -> list[ProgressDraft]:
    done_p = {start: c["DONE"] for start, c in cats.items() if "DONE" in c}
    if mode == "rules" or not done_p:
        return drafts  # rules only, or a pipeline trained before the DONE class existed
    if mode == "model":
        return [_progress_draft(s) for s in sentences if done_p.get(s.start, 0.0) >= 0.5]
    kept = [d for d in drafts if d.marked or done_p.get(d.unit, 1.0) >= PROGRESS_DROP]
    covered = {d.unit for d in drafts}
    added = [
        _progress_draft(s)
        for s in sentences
        if done_p.get(s.start, 0.0) >= PROGRESS_ADD and s.start not in covered and not has("progress_not", s.text)
    ]
    return sorted(kept + added, key=lambda d: d.start)


def combine_items(sentences: list[Sentence], items: list[ItemDraft], cats: Categories, mode: str, label: str, drop: float, add: float | None = None, cue: str | None = None) -> list[ItemDraft]:
    """Decisions (label DECISION) or open questions (QUESTION) of the rules, combined with the
    classifier like tasks: vetoed below `drop` unless the wording vouches for them (`vouches`),
    sentences the rules passed over added at `add` (only those that say one of the `cue` words,
    when given)."""
    p = {start: c[label] for start, c in cats.items() if label in c}
    if mode == "rules" or not p:
        return items
    if mode == "model":
        return [ItemDraft(s.text, s.start, s.end) for s in sentences if p.get(s.start, 0.0) >= 0.5]
    by_start = {s.start: s for s in sentences}
    kept = [i for i in items if p.get(i.start, 1.0) >= drop or vouches(by_start.get(i.start), label)]
    covered = {i.start for i in items}
    added = [
        ItemDraft(s.text, s.start, s.end)
        for s in sentences
        if add is not None and not (s.heading or s.row) and s.start not in covered and p.get(s.start, 0.0) >= add and (cue is None or has(cue, s.text))
    ]
    return sorted(kept + added, key=lambda i: i.start)


def combine_decisions(sentences: list[Sentence], items: list[ItemDraft], cats: Categories, mode: str, drafts: list[TaskDraft]) -> list[ItemDraft]:
    """Decisions: what the decision model keeps of the candidates (`decision_features`; a line
    labelled the conclusion is always kept) when the pipeline ships one, else the rules'
    decisions combined by thresholds (`combine_items`).
    `items` are the rules' decisions, `drafts` the tasks already combined."""
    model = decision_model() if mode == "combined" else None
    if model is None:
        return combine_items(sentences, items, cats, mode, "DECISION", DECISION_DROP, DECISION_ADD, "decision_or_rejection")
    return [ItemDraft(s.text, s.start, s.end) for s, features in decision_features(sentences, items, cats, drafts) if features.get("labelled") or model.keeps(features)]


def decision_model():
    """The shipped decision model (`LinearModel`), or None when the pipeline has none."""
    from .model.predict import decision_model as load

    return load()


def decision_features(sentences: list[Sentence], items: list[ItemDraft], cats: Categories, drafts: list[TaskDraft]) -> list[tuple[Sentence, dict[str, float]]]:
    """The sentences the decision model weighs, with what it weighs of each (named features, 0/1
    unless said): the rules' decisions, and the other sentences that say a decision or rejection
    word, that a 决议 heading or label vouches for, or that the classifier gives P(DECISION) ≥
    DECISION_CANDIDATE. Of the gold decisions of the train documents the classifier never saw
    these hold 90% (95% from P 0.05, which cross-validated worse); the rules' own held 80%.

    The features: the classifier's five probabilities (and the previous sentence's P(DECISION)),
    whether the rules call it a decision, whether a task was drafted from it (owned or not), the
    section and layout, whether the one who speaks most says it, where it stands in the document
    (decisions come late), whether the document has a 决议 section and the sentence stands outside
    it, and the cue lists rules/model_features.yaml names. (Whether the sentence is echoed in the
    决议 section weighed nothing in cross-validation and cost about 3% of the warm benchmark: left out.)"""
    units = [s for s in sentences if not s.heading]
    ruled = {i.start for i in items}
    owned = {d.start for d in drafts if d.owner is not None}
    tasked = {d.start for d in drafts}
    has_decisions_section = any(s.section == "decisions" for s in units)
    turns = collections.Counter(s.speaker for s in units if s.speaker is not None)
    chair = turns.most_common(1)[0][0] if turns else None
    cue_names = ruledata.load("model_features.yaml")["decision_cues"]
    out = []
    for index, sentence in enumerate(units):
        text = sentence.text
        probabilities = cats.get(sentence.start, {})
        rule = sentence.start in ruled
        vouched = vouches(sentence, "DECISION")
        if not (rule or probabilities.get("DECISION", 0.0) >= DECISION_CANDIDATE or has("decision_or_rejection", text) or has("verdict", text) or vouched):
            continue
        previous = units[index - 1] if index else None
        f: dict[str, float] = {f"logit_{label}": _logit(p) for label, p in probabilities.items()}
        f["previous_logit_DECISION"] = _logit(cats.get(previous.start, {}).get("DECISION", 0.01)) if previous is not None else 0.0
        # the rules' decisions passed is_decision already (extract_decisions): not asked twice
        f.update({"rule": rule, "is_decision": rule or is_decision(sentence), "vouches": vouched})
        # labelled the conclusion in so many words ("结论是…", "会上定了："): kept whatever the model says.
        # The classifier is a bag of words trained on the corpus; on real minutes of other teams it
        # gave such lines P(DECISION) 0.002–0.016 (PaddleOCR community minutes). In the train
        # documents the classifier never saw, 16 of 17 such lines are decisions.
        f["labelled"] = _labelled_decision(text)
        f.update({"task": sentence.start in tasked, "owned_task": sentence.start in owned, "rule&task": rule and sentence.start in tasked})
        f[f"section={sentence.section}"] = 1
        f.update({"speaker": sentence.speaker is not None, "person": sentence.person is not None, "row": sentence.row, "item": sentence.item})
        f["top_speaker"] = chair is not None and sentence.speaker == chair  # who speaks most chairs, and concludes
        f["section_decisions&task"] = sentence.section == "decisions" and sentence.start in tasked
        f["position"] = index / max(1, len(units) - 1)  # a number: 0 first sentence … 1 last
        f["log_length"] = math.log1p(len(text))  # a number
        f["question_mark"] = "?" in text or "？" in text
        f["previous_question"] = previous is not None and ("?" in previous.text or "？" in previous.text)
        f["previous_rule"] = previous is not None and previous.start in ruled
        # a document with a 决议 section lists its decisions there; the discussion above says them first
        f["document_has_decisions"] = has_decisions_section
        f["outside_decisions"] = has_decisions_section and sentence.section != "decisions"
        f.update({f"cue={name}": 1 for name in cue_names if has(name, text)})
        out.append((sentence, {name: float(value) for name, value in f.items() if value}))
    return out


def vouches(sentence: Sentence | None, label: str) -> bool:
    """Wording the classifier must not overrule: a 决议/结论 section or line ("结论是新功能代码改动
    过大…", "基本思路确定为…", "会议决定…"), a 待定 section or "待定"/"再议" said outright. The
    classifier is a bag of words trained on the corpus; on real minutes of other teams it gave
    such lines P(DECISION) 0.002–0.016 (PaddleOCR community minutes)."""
    if sentence is None:
        return False
    if label == "DECISION":
        return sentence.section == "decisions" or has("strong_decision", sentence.text) or _labelled_decision(sentence.text)
    return sentence.section == "questions" or has("labelled_question", sentence.text)


def _labelled_decision(text: str) -> bool:
    """Labelled the conclusion in so many words: "结论是…", "会上定了：…"."""
    return has("decided_label", text) or has("labelled_decision", text)


def _progress_draft(sentence: Sentence) -> ProgressDraft:
    cancelled = has("progress_cancelled", sentence.text) or is_cancelled(sentence.text)
    return ProgressDraft(sentence.text, sentence.start, sentence.end, "cancelled" if cancelled else "done")


def combine(sentences: list[Sentence], drafts: list[TaskDraft], *, meeting_date: dt.date, known: frozenset[str], mode: str, cats: Categories | None = None) -> list[TaskDraft]:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    if mode == "rules":
        return drafts
    from .model.predict import spans

    if cats is None:
        cats = sentence_categories(sentences, mode)
    units = [s for s in sentences if not s.heading]
    task_p = {s.start: cats[s.start]["TASK"] for s in units}
    if mode == "model":
        chosen = [s for s in units if task_p[s.start] >= 0.5]
        return [d for s, found in zip(chosen, spans([s.text for s in chosen])) for d in _model_drafts(s, task_p[s.start], found, s.day or meeting_date, known)]
    veto = task_veto()
    out = list(drafts) if veto is None else [d for d, features in zip(drafts, draft_features(units, drafts, cats)) if never_vetoed(features) or veto.keeps(features)]
    for draft in out:
        draft.confidence = round((draft.confidence + task_p.get(draft.start, 1.0)) / 2, 2)
    covered = {d.start for d in drafts} | {start for d in out for start in d.absorbed}
    candidates = [s for s in units if task_p[s.start] >= ADD and s.start not in covered and not s.row and may_be_task(s) and not _names_only(s.text)]
    unfilled = []
    for sentence in candidates:
        # the rules fill in what the model found; its span tagger only where they find nothing
        filled = [d for d in prose_fields(sentence, sentence.day or meeting_date, known) if d.owner is not None or (d.deadline is not None and d.deadline.date is not None)]
        # "④ 保险——浩浩妈妈，下周一前" in a closing recap: the task was already kept where it was given
        new = [d for d in filled if not any(same_task(kept_draft, d) for kept_draft in out)]
        for draft in new:
            draft.confidence = round(task_p[sentence.start], 2)
        out.extend(new)
        if not filled:
            unfilled.append(sentence)
    for sentence, found in zip(unfilled, spans([s.text for s in unfilled])):
        out.extend(_model_drafts(sentence, task_p[sentence.start], found, sentence.day or meeting_date, known, need_field=True))
    return sorted(out, key=lambda d: d.start)


# "[@Sunting78](https://github.com/Sunting78)（孙婷）": an entry of a roster, a name and its link;
# the bag of words reads the link and the handle as a task's (P 0.9), there is no work in it
_NOT_WORK = re.compile(r"\]\([^)]*\)|https?://\S+|@[\w\-.]+|[（(][^）)]*[）)]|[\W_]")


def _names_only(text: str) -> bool:
    return len(_NOT_WORK.sub("", text)) < 2


def task_veto():
    """The shipped task veto (`LinearModel`), or None when the pipeline has none."""
    from .model.predict import task_veto as load

    return load()


def never_vetoed(features: dict[str, float]) -> bool:
    """Is the draft vouched for by one of the UNVETOED reasons (its `draft_features` say)?"""
    return any(features.get(f"vouched_by={reason}") for reason in UNVETOED)


def draft_features(units: list[Sentence], drafts: list[TaskDraft], cats: Categories) -> list[dict[str, float]]:
    """What the task veto weighs for each rule draft (see point 1 above): named features, 0/1 unless
    said. `units` are the document's sentences that are not headings, in order."""
    cue_names = ruledata.load("model_features.yaml")["task_cues"]
    by_start = {s.start: s for s in units}
    before = {s.start: previous for previous, s in zip([None, *units], units)}
    per_sentence = collections.Counter(d.start for d in drafts)
    seen: set[tuple[int, str | None]] = set()  # (sentence start, owner) of the drafts before
    cues_of: dict[int, dict[str, int]] = {}
    out = []
    for draft in drafts:
        sentence = by_start.get(draft.start)
        owner = draft.owner.name or draft.owner.dept if draft.owner is not None else None
        f: dict[str, float] = {f"logit_{label}": _logit(p) for label, p in cats.get(draft.start, {}).items()}
        f["rule_confidence"] = draft.confidence  # a number: how sure the rule that made it is
        f["drafts_in_sentence"] = min(per_sentence[draft.start], 4)  # a number: one per owner, capped
        f.update({"summary": draft.summary, "reply": draft.reply, "absorbed": bool(draft.absorbed), "criteria": draft.criteria is not None})
        if draft.owner is not None:
            f["owner_person" if draft.owner.name else "owner_department"] = 1
            f["owner_in_sentence"] = sentence is not None and owner in sentence.text
            f["owner_is_speaker"] = sentence is not None and owner == sentence.speaker
            # "研发部负责技术实现": the owner, then at once the word that puts them in charge
            f["owner_in_charge"] = sentence is not None and _in_charge(sentence.text, owner)
            # "小雨你先去上门道个歉": called by name, then 你 — handed the work in person
            f["owner_addressed"] = sentence is not None and _addressed(sentence.text, owner)
        if draft.deadline is not None:
            f[f"deadline_{draft.deadline.kind.value}"] = 1
            f["deadline_dated"] = draft.deadline.date is not None
            # given elsewhere: "以上各项…均于12月4日前完成", "同上", the cell of a table
            f["deadline_in_sentence"] = sentence is not None and draft.deadline.text in sentence.text
        if sentence is not None:
            f[f"vouched_by={vouched_by(draft, sentence, before[draft.start], seen)}"] = 1
            f[f"section={sentence.section}"] = 1
            f.update({"speaker": sentence.speaker is not None, "person": sentence.person is not None, "row": sentence.row, "item": sentence.item})
            f["log_length"] = math.log1p(len(sentence.text))  # a number
            f["long"] = len(sentence.text) > 80
            f["question_mark"] = "?" in sentence.text or "？" in sentence.text
            if sentence.start not in cues_of:  # drafts of one sentence share its cue words
                cues_of[sentence.start] = {f"cue={name}": 1 for name in cue_names if has(name, sentence.text)}
            f.update(cues_of[sentence.start])
            # a linear model cannot see "both": the pairs that mean more together than apart
            # ("1. 王磊：整理需求池" is a list of assignments, "王磊：整理需求池" alone a chat line)
            f["item&speaker"] = sentence.item and sentence.speaker is not None
            f["item&dated"] = sentence.item and f.get("deadline_dated", False)
            f["speaker&dated"] = sentence.speaker is not None and f.get("deadline_dated", False)
        seen.add((draft.start, owner))
        out.append({name: float(value) for name, value in f.items() if value})
    return out


def _addressed(text: str, owner: str | None) -> bool:
    return _owner_then(text, owner, r"\s*[，,]?\s*[你您](?!们)")


def _in_charge(text: str, owner: str | None) -> bool:
    return _owner_then(text, owner, r"\s*(?:负责|牵头|主责|来|去|跟进|对接)")


def _owner_then(text: str, owner: str | None, after: str) -> bool:
    """Is the owner's first mention in `text` followed at once by `after`?"""
    at = text.find(owner) if owner else -1
    return at >= 0 and re.match(after, text[at + len(owner):]) is not None


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def vouched_by(draft: TaskDraft, sentence: Sentence, previous: Sentence | None, earlier: set[tuple[int, str | None]]) -> str | None:
    """What in the layout or the wording vouches for a rule draft (see point 1 above), or None.

    `previous` is the sentence before; `earlier` holds (sentence start, owner) of the drafts before."""
    owner = draft.owner.name or draft.owner.dept if draft.owner is not None else None
    person = draft.owner.name if draft.owner is not None else None
    if person is not None and person not in sentence.text and draft.owner.text in sentence.text:
        person = draft.owner.text  # resolved to the full name ("建军哥" → 王建军): look for it as written
    dated = draft.deadline is not None and draft.deadline.date is not None
    if sentence.row:
        return "row"
    if dated and (owner_rules.first_person(sentence.text) or sentence.person is not None):
        return "dated_commitment"
    if "\n" in sentence.text or "：" in sentence.text[:12]:
        return "fields"
    if person is not None and owner_rules.named_in_charge(sentence.text, person):
        return "dated_assignment" if dated else "in_charge"
    if dated and person is not None and owner_rules.called_by_name(sentence.text, person):
        return "dated_assignment"  # "黄师傅你后天之前一块弄完吧": called by name and given a day
    if dated and owner is not None and len(sentence.text) <= 60 and _ADDRESSED.search(sentence.text):
        return "dated_request"  # "那你明天去一趟农行那个支行": 你 does it, by a day (not a talk's long "你今天可能养100只羊…")
    if dated and sentence.item and person is not None and sentence.speaker == person:
        return "dated_assignment"  # "1. 王磊：整理需求池" under "以上各项…均于12月4日前完成": a list of assignments
    if dated and sentence.item and person is not None and _opens_with(sentence.text, person):
        return "dated_assignment"  # "- 阿梅 冷菜 寿宴八个冷碟 11点半前装好": a list item that opens with its owner
    if dated and person is not None and _named_then_dated(sentence.text, person, draft.deadline.text):
        return "dated_assignment"  # "马骏、韩露下月底前完成…", "包姐，今天先在漏水点放接水桶": the owners, then the day
    # the next entry of a list the same owner's kept task opened on the same line
    # ("王芳：1. 整理客户名单，周五前 2. 回访重点客户")
    if owner is not None and sentence.item and previous is not None and previous.item and sentence.start - previous.end <= 4 and (previous.start, owner) in earlier:
        return "list_entry"
    if sentence.item and sentence.section == "tasks" and person is not None and person == sentence.person:
        return "plan_entry"  # "王磊 / 下周计划： / 1. 完成支付页开发": an entry of the person's own plan
    if not dated and person is not None and person == sentence.speaker and has("takes_it", sentence.text):
        return "takes_it"  # "摄影我来，我带相机和无人机": the speaker takes it, no day said
    return None


# 你 as the one who acts: not 给你/跟你/问你 (the object), not 你说/你看/你觉得 (asking a view)
_ADDRESSED = re.compile(r"(?<![给跟和与向对帮替问找叫让请催])你(?:们)?(?!说|看看?[，,。？?]|觉得|知道|好|呢|吗|的|像|可能|要是|如果|会发现|就会|想想)")


def _named_then_dated(text: str, name: str, due: str) -> bool:
    """Does the sentence open with its owners (`name` among them, or called with a comma) and go
    straight on to the day it is due?"""
    at = text.find(due)
    if at <= 0:
        return False
    head = text[:at]
    mentions = [m for m in names.find_mentions(head) if m.kind == "person"]
    if not any(m.name == name or head[m.start:m.end] == name for m in mentions):
        return False
    rest = head
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:m.start] + rest[m.end:]
    return re.fullmatch(r"[\s\-*•@、，,和及与/]*(?:于|在)?\s*", rest) is not None


def _opens_with(text: str, name: str) -> bool:
    """Does `text` open with `name` and a space ("阿梅 冷菜 …")?"""
    rest = text.lstrip(" -*•@")
    return rest.startswith(name) and rest[len(name):len(name) + 1].isspace()


def _model_drafts(sentence: Sentence, task_p: float, found, meeting_date: dt.date, known: frozenset[str], *, need_field: bool = False) -> list[TaskDraft]:
    text = sentence.text
    best = {}
    for start, end, label, value in found:
        if value >= 0.5 and (label not in best or value > best[label][2]):
            best[label] = (start, end, value)
    owners = []
    if "OWNER" in best:
        s, e, _ = best["OWNER"]
        candidate = text[s:e].lstrip("@")
        if candidate in known or names.is_person(candidate) or names.is_department(candidate) or text[s:s + 1] == "@":
            owners = owner_rules.owner_from_cell(candidate, known)
    deadline = resolve_deadline(text[best["DEADLINE"][0]:best["DEADLINE"][1]], meeting_date) if "DEADLINE" in best else None
    criteria = text[best["CRITERIA"][0]:best["CRITERIA"][1]] if "CRITERIA" in best else None
    if need_field and not owners and (deadline is None or deadline.date is None):
        return []
    title = clean_title(text, owners, deadline) or text[:40]
    return drafts_for(title, owners, deadline, criteria, sentence, confidence=round(task_p, 2))
