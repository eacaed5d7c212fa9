"""The extraction pipeline: input text → normalised text → sentences → extractors → `Minutes`.

A `Transcript` goes the same way: its text is one segment per line, so the sentence splitter
already breaks at every segment boundary (and so at every pause Whisper or the VAD cut at);
each item's character span is then mapped back to the segments it overlaps, which gives its
`audio_start`/`audio_end` in the recording.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from typing import Optional, Union

from . import __version__
from .extract import (
    extract_decisions,
    extract_open_questions,
    extract_progress,
    extract_tasks,
    meeting_date as find_meeting_date,
    host_and_recorder,
    participants,
    read_meeting,
    recorder,
    units,
)
from .combine import MODES, QUESTION_ADD, QUESTION_DROP, Categories, combine, combine_decisions, combine_items, combine_progress, sentence_categories
from .extract.decisions import ItemDraft
from .extract.drafts import TaskDraft
from .extract import owners as owner_rules
from .models import Decision, Minutes, Owner, OpenQuestion, ProgressItem, Sentence, Source, Span, Task, Transcript
from .text import names
from .text.days import date_messages
from .text.labels import layout_rules, section_of
from .text.normalize import heard_right, normalize
from .text.sentences import HEADER_LINE, INLINE_HEADER, split_sentences, unknown_person

_SPEAKER = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([^\s:：\d][^:：\n]{0,11}?)\s*[:：]", re.M)


def extract(
    text: Union[str, Transcript],
    meeting_date: dt.date | None = None,
    *,
    source_path: str | None = None,
    encoding: str | None = None,
    kind: str | None = None,
    use_model: bool | str = "auto",
) -> Minutes:
    """Extract minutes (decisions, tasks, open questions, progress) from meeting notes, a chat log or a transcript.

    `text` is the notes as a string, or a `Transcript` of a recording: then every item's source
    also says where it is in the recording (`audio_start`/`audio_end`, from the segments its
    characters overlap) and `source.kind` is "audio" (`kind` overrides; default "notes" for text).
    `meeting_date` anchors relative deadlines ("本周五", "3个工作日内"); without it the date is read
    from the text ("客诉周会 8/27") or taken as today.
    """
    timing: Optional[_SegmentTimes] = None
    if isinstance(text, Transcript):
        timing = _SegmentTimes(text)
        text = text.text
        kind = kind or "audio"
    kind = kind or "notes"
    normalized = normalize(text) if timing is None else heard_right(normalize(text))
    if meeting_date is None:
        date, date_source = find_meeting_date(normalized, dt.date.today())
    else:
        date, date_source = meeting_date, "given"
    people, known, sentences, drafts = _rule_tasks(normalized, date)
    mode = _model_mode(use_model)
    cats = sentence_categories(sentences, mode)
    drafts = combine(sentences, drafts, meeting_date=date, known=known, mode=mode, cats=cats)
    departments = sorted({d.owner.dept for d in drafts if d.owner and d.owner.dept})
    meeting = read_meeting(normalized, date, date_source, departments, people)

    def span(start: int, end: int) -> Span:
        audio_start, audio_end = timing.between(start, end) if timing is not None else (None, None)
        return Span(text=text[start:end], start=start, end=end, audio_start=audio_start, audio_end=audio_end)

    tasks = [
        Task(
            id=f"T{i}",
            title=d.title,
            owner=d.owner,
            deadline=d.deadline,
            criteria=d.criteria,
            source=span(d.start, d.end),
            confidence=round(d.confidence, 2),
            flags=d.flags,
        )
        for i, d in enumerate(drafts, 1)
    ]
    found = combine_decisions(sentences, _rule_decisions(sentences, drafts), cats, mode, drafts)
    decisions = [Decision(id=f"D{i}", text=d.text, source=span(d.start, d.end)) for i, d in enumerate(found, 1)]
    found = combine_items(sentences, extract_open_questions(sentences, frozenset(d.start for d in drafts)), cats, mode, "QUESTION", QUESTION_DROP, QUESTION_ADD)
    questions = [OpenQuestion(id=f"Q{i}", text=q.text, source=span(q.start, q.end)) for i, q in enumerate(found, 1)]
    progress = [
        ProgressItem(id=f"P{i}", text=p.text, status=p.status, source=span(p.start, p.end))
        for i, p in enumerate(combine_progress(sentences, extract_progress(sentences), cats, mode), 1)
    ]
    return Minutes(
        meeting=meeting,
        decisions=decisions,
        tasks=tasks,
        open_questions=questions,
        progress=progress,
        source=Source(kind=kind, path=source_path, chars=len(text), encoding=encoding, extractor=f"minutes-ai {__version__} {mode}"),
    )


def _rule_tasks(normalized: str, date: dt.date) -> tuple[list[str], frozenset[str], list[Sentence], list[TaskDraft]]:
    """Participants, the names the document vouches for, its sentences and the rules' task drafts."""
    people = participants(normalized)
    known = _known_names(normalized, people)
    sentences = date_messages(normalized, split_sentences(normalized, known=known), date)
    known = known | _speakers(sentences)
    drafts = extract_tasks(sentences, text=normalized, meeting_date=date, known=known)
    return people, known, sentences, _the_writers_own(normalized, drafts)


def _the_writers_own(text: str, drafts: list[TaskDraft]) -> list[TaskDraft]:
    """Notes are written by their recorder ("记：雅婷"): a task a line with no speaker label says in
    the first person ("志愿者意外险我来买，下周三前统一买好") with no owner is the recorder's."""
    writer = recorder(text)
    if not writer:
        return drafts
    for draft in drafts:
        if draft.owner is None and draft.speaker is None and owner_rules.first_person(text[draft.start:draft.end]):
            draft.owner = Owner(name=writer, text=writer)
            draft.flags = [f for f in draft.flags if f != "no_owner"]
    return drafts


def task_candidates(text: str, meeting_date: dt.date) -> tuple[list[Sentence], list[TaskDraft], Categories]:
    """A document's sentences, the rules' task drafts before the model weighs them and the
    classifier's categories: what `minutes train-veto` learns from. Offsets are into the
    normalised text, which has the input's length and offsets."""
    _, _, sentences, drafts = _rule_tasks(normalize(text), meeting_date)
    return sentences, drafts, sentence_categories(sentences, "combined")


def decision_candidates(text: str, meeting_date: dt.date) -> tuple[list[Sentence], list[ItemDraft], Categories, list[TaskDraft]]:
    """A document's sentences, the rules' decisions, the classifier's categories and the combined
    tasks: what `minutes train-veto` fits the decision model on (offsets as `task_candidates`)."""
    _, known, sentences, drafts = _rule_tasks(normalize(text), meeting_date)
    cats = sentence_categories(sentences, "combined")
    drafts = combine(sentences, drafts, meeting_date=meeting_date, known=known, mode="combined", cats=cats)
    return sentences, _rule_decisions(sentences, drafts), cats, drafts


def _rule_decisions(sentences: list[Sentence], drafts: list[TaskDraft]) -> list[ItemDraft]:
    """The rules' decisions; a sentence that hands out an owned task needs a strong word (see
    `extract_decisions`)."""
    return extract_decisions(sentences, frozenset(d.start for d in drafts if d.owner is not None))


def _model_mode(use_model: bool | str) -> str:
    """"auto": rules plus the shipped model when it is installed; False: rules only;
    True: combined (an error if the model is missing); or a mode name from combine.MODES."""
    from .model.predict import available

    if use_model in MODES:
        mode = use_model
    elif use_model == "auto":
        mode = "combined" if available() else "rules"
    else:
        mode = "combined" if use_model else "rules"
    if mode != "rules" and not available():
        from .errors import MinutesError

        raise MinutesError("the trained model is not installed: run `make model` or use use_model=False")
    return mode


class _SegmentTimes:
    """Character offsets in a transcript's text → times in the recording, by segment.

    Line i of `Transcript.text` is segment i; each segment's text is looked up in order rather
    than assumed, so a transcript whose text was edited by hand (a name fixed, a line dropped)
    still maps wherever its segments can be found, and gives no time where they cannot.
    """

    def __init__(self, transcript: Transcript):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.times: list[tuple[float, float]] = []
        cursor = 0
        for segment in transcript.segments:
            at = transcript.text.find(segment.text, cursor) if segment.text else -1
            if at < 0:
                continue
            self.starts.append(at)
            self.ends.append(at + len(segment.text))
            self.times.append((segment.start, segment.end))
            cursor = at + len(segment.text)

    def between(self, start: int, end: int) -> tuple[Optional[float], Optional[float]]:
        """(earliest start, latest end) of the segments that the characters start:end overlap."""
        first = bisect.bisect_right(self.ends, start)  # segments ending at or before `start` don't overlap
        last = bisect.bisect_left(self.starts, max(end, start + 1))  # … nor those starting at or after `end`
        if first >= last:
            return None, None
        hit = self.times[first:last]
        return round(min(t[0] for t in hit), 3), round(max(t[1] for t in hit), 3)


def _speakers(sentences: list) -> frozenset[str]:
    """Full names the splitter read as speakers or per-person headings ("[潘一帆] …", "00:07:48
    冯晓雨", "园长-何丽萍 09:12", "【刘洋】"): the document vouches for them too, so "小潘" or "老冯"
    in a sentence can be resolved to them. Short Chinese speaker labels too ("大刚：", "老板："):
    that is what the dialogue calls those people, and "大刚，收割机你去…" calls one of them."""
    found = {s.speaker for s in sentences if s.speaker} | {s.person for s in sentences if s.person}
    full = {n for n in found if len(n) >= 2 and names.is_full_name(n, loose=True) and not names.is_title_form(n)}
    called = {s.speaker for s in sentences if s.speaker and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", s.speaker) and not names.is_department(s.speaker)}
    return frozenset(full | called)


def _rest_of_line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[at:end if end >= 0 else len(text)]


def _known_names(text: str, people: list[str] | None = None) -> frozenset[str]:
    """Names the document vouches for: its participants (`people`, read here unless the caller
    has them), listed units and speaker labels."""
    known = set(participants(text) if people is None else people) | set(units(text)) | set(host_and_recorder(text))
    said = [(match.group(1).strip(), _rest_of_line(text, match.end())) for match in _SPEAKER.finditer(text)]
    labels = [label for label, _ in said]
    # "郑晓燕 00:00:29", "00:07:48 冯晓雨": a header line of its own, read as the splitter reads it
    # "石磊 00:01:58 嗯 …": the name, the time and what is said on one line
    for line in map(str.strip, text.splitlines()):
        if header := HEADER_LINE.match(line):
            labels.append(header.group("who") or header.group("after"))
        if inline := INLINE_HEADER.match(line):
            labels.append(inline.group("who"))
    speaking = Counter(label for label, words in said if layout_rules()["speech"].search(words))
    for label in labels:
        if names.is_person(label, loose=True) and not names.is_department(label) and not section_of(label):  # not "Yesterday："
            known.add(label)
        elif speaking[label] >= 2 and unknown_person(label):
            known.add(label)  # "二柱：…", "老板娘：…" line after line: what this dialogue calls its people
    called = {_called(_SPEAKER.sub("", line, count=1)) for line in text.splitlines() if "你" in line} - {None}
    # "雨晴，你把…" among the participants 邵雨晴: the full name stands for her already
    known.update(c for c in called if not any(k != c and k.endswith(c) for k in known))
    return frozenset(k for k in known if len(k) >= 2)


# a turn that opens by calling someone, then gives them the work with 你: "大刘，你那两个新来的切配…",
# "晓斌，流程你自己琢磨一下", "二叔 土地流转那个合同…你明天去镇上给拿回来"
_CALLING = re.compile(r"\s*(?P<who>[\u4e00-\u9fff]{2,3})(?P<pause>[，,]|\s+)(?=[^\n。？?]{0,40}你)")


def _called(words: str) -> str | None:
    """The one a line calls at its start, when the word is shaped like what people are called: a
    nickname (大刘, 阿杰) or a kin term (二叔), or a given name (晓斌) with a comma after it — in
    speech without punctuation "环创 这块…" is a topic."""
    match = _CALLING.match(words)
    if match is None:
        return None
    who = match.group("who")
    given = names.is_given_name(who) and match.group("pause") in "，,"
    return who if (names.is_called_name(who) or names.is_kin_term(who) or given) and not names.never_a_person(who) else None
