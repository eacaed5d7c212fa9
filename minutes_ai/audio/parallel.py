"""Decode a long recording as consecutive parts, two at a time, and give the segments back in order.

Why: faster-whisper's sequential beam search on Whisper base keeps about one core busy — CPU
seconds ≈ wall seconds even with `cpu_threads=2` (docs/benchmarks-audio.md), because the decoder's
matrices are too small to share across threads. Two decoders with one thread each, on two halves
of the recording, use both cores. Unlike faster-whisper's BatchedInferencePipeline (which drops
timestamps and, on our test file, whole short utterances), each part is decoded exactly as a short
recording would be: same beam, same VAD, same timestamps. A cut falls in the middle of a pause, so
no word is split; and since a part would otherwise start without the previous text as its
decoding prompt, every part after the first starts decoding a lead-in (30 s) before its cut and
drops what it hears there — the words a segment running across the cut repeats included.

`plan` decides the cut points (pure NumPy, no model), `PartDecoder` runs the model on the parts
with a thread pool and yields `(part_start_seconds, segment)` strictly in audio order, so the
caller's hallucination filter and glossary corrector see segments in the order they were spoken.
Segments of a later part that finishes early wait in memory (text only, one copy) until the
earlier parts are done. A worker's exception — including the KeyboardInterrupt a test double may
raise — is re-raised in the caller's thread; Ctrl-C in the caller stops the workers after their
current segment.
"""

from __future__ import annotations

import concurrent.futures
import queue
import threading
from typing import Any, Callable, Iterator, NamedTuple

#: No part shorter than this: Whisper decodes 30 s windows, and a cut costs the prompt context.
MIN_PART_SECONDS = 30.0
#: No part longer than this, so that a long recording streams: the first part's segments come
#: out after minutes, not after half the recording.
MAX_PART_SECONDS = 300.0
#: A cut is moved to the middle of the longest pause within this many seconds of the planned point.
SEARCH_SECONDS = 10.0
#: Each part after the first starts decoding this much earlier, so that its first words after the
#: cut are decoded with the sentences before them as context (one Whisper window); what it hears
#: before the cut is dropped. Measured in docs/benchmarks-audio.md: without it the 7-minute meeting
#: had about ten more character errors (CER 0.100 vs 0.089).
LEAD_IN_SECONDS = 30.0
QUIET_WINDOW_SECONDS = 0.3


class Part(NamedTuple):
    """A stretch of the recording one decoder is responsible for, in sample indices."""

    start: int  # its first sample: segments before it belong to the part before
    end: int
    lead: int  # where decoding begins (≤ start): the words just before the cut, as context


def plan(samples, rate: int, workers: int, *, lead_in: float = LEAD_IN_SECONDS,
         min_part: float = MIN_PART_SECONDS, max_part: float = MAX_PART_SECONDS) -> list[Part]:
    """The parts: one when there is one worker or the recording is shorter than two minimum parts;
    else at least `workers` parts of at most `max_part` seconds. Every part after the first starts
    decoding `lead_in` seconds early (at most a quarter of a part), and the cuts are placed so
    that each decoder gets the same amount of audio, lead-in included; each cut and each lead-in
    start is moved to the middle of a pause near it."""
    total = len(samples)
    seconds = total / rate
    if workers <= 1 or seconds < 2 * min_part:
        return [Part(0, total, 0)]
    count = max(workers, -(-int(seconds) // int(max_part)))
    count = min(count, int(seconds // min_part))
    # each decoder's share D = (total + (count - 1) * lead) / count, with lead ≤ D / 4
    share = seconds / count
    for _ in range(5):
        lead = min(lead_in, share / 4)
        share = (seconds + (count - 1) * lead) / count
    cuts = [0] + [_quietest_near(samples, rate, int((k * share - (k - 1) * lead) * rate)) for k in range(1, count)] + [total]
    parts = []
    for k, (start, end) in enumerate(zip(cuts, cuts[1:])):
        if end <= start:
            continue
        begin = start
        if k and lead >= 1:
            begin = max(cuts[k - 1], _quietest_near(samples, rate, start - int(lead * rate), search=lead / 4))
        parts.append(Part(start, end, min(begin, start)))
    return parts


def _quietest_near(samples, rate: int, point: int, search: float = SEARCH_SECONDS) -> int:
    """The middle of the longest pause within `search` seconds of `point`: 20 ms frames quieter
    than a tenth of the region's median loudness, the longest run of them, its centre. A cut in
    the middle of a pause keeps the words on both sides whole (a cut at the edge of the quietest
    window may clip the first syllable of the next sentence). Without a pause of 0.2 s, the centre
    of the quietest 0.3 s window."""
    import numpy as np

    lo = max(0, point - int(search * rate))
    hi = min(len(samples), point + int(search * rate))
    region = np.asarray(samples[lo:hi], dtype=np.float32)
    frame = max(1, rate // 50)
    count = len(region) // frame
    if count < 20:
        return point
    rms = np.sqrt((region[: count * frame].reshape(count, frame) ** 2).mean(axis=1))
    quiet = rms < max(float(np.median(rms)) * 0.1, 1e-4)
    best, best_start, run_start = 0, 0, None
    for i, q in enumerate([*quiet, False]):
        if q and run_start is None:
            run_start = i
        elif not q and run_start is not None:
            if i - run_start > best:
                best, best_start = i - run_start, run_start
            run_start = None
    if best * frame >= 0.2 * rate:
        return lo + (best_start * frame) + best * frame // 2
    window = max(1, int(QUIET_WINDOW_SECONDS * rate))
    hop = max(1, window // 6)
    energy = np.convolve(region * region, np.ones(window, dtype=np.float32), mode="valid")[::hop]
    return lo + int(np.argmin(energy)) * hop + window // 2



_TAIL_CHARS = 80


def _without_overlap(segment, tail: str):
    """`segment` without the words the part before already gave: a segment that began in the
    lead-in may run on past the cut ("要求通过率不少于95%。测试结束后……。好的，用户培训由我来负责…"),
    and its timestamps cannot split it. The end of `tail` is aligned with the start of the
    segment's text (difflib; the two decodings of the same words may differ in a character or
    two); what matches is cut off. None when nothing new is left."""
    import difflib

    text = segment.text
    if not tail or not text:
        return segment
    squeeze = lambda value: "".join(ch for ch in value if not ch.isspace())  # noqa: E731
    blocks = difflib.SequenceMatcher(None, squeeze(tail), squeeze(text), autojunk=False).get_matching_blocks()
    end_of_tail = len(squeeze(tail))
    cut = 0
    for block in blocks:
        # a match of a few characters that reaches (nearly) to the end of what was said before
        if block.size >= 4 and block.a + block.size >= end_of_tail - 6:
            cut = max(cut, block.b + block.size)
    if not cut:
        return segment
    kept, seen = 0, 0
    for kept, ch in enumerate(text):
        if seen == cut:
            break
        seen += not ch.isspace()
    else:
        kept = len(text)
    rest = text[kept:].lstrip(" ，,。.；;、")
    if len(rest) < 2:
        return None
    return _replace_text(segment, rest)


def _replace_text(segment, text: str):
    """faster-whisper's Segment is a dataclass (older versions: a NamedTuple); tests use
    SimpleNamespace. A copy with new text, whichever it is."""
    import copy
    import dataclasses

    if dataclasses.is_dataclass(segment):
        return dataclasses.replace(segment, text=text)
    if hasattr(segment, "_replace"):
        return segment._replace(text=text)
    clone = copy.copy(segment)
    clone.text = text
    return clone


class DecodeError(Exception):
    """The model failed on a part (refused an option, CTranslate2 error); `cause` says why."""

    def __init__(self, cause: Exception):
        super().__init__(str(cause))
        self.cause = cause


class PartDecoder:
    """Decode `parts` of `samples` with `workers` threads; iterate for (offset seconds, segment).

    `transcribe` is WhisperModel.transcribe. After an interruption, `pending()` gives the segments
    that later parts had finished but that were not yielded yet (so Ctrl-C loses nothing decoded).
    `infos` holds each part's TranscriptionInfo as it arrives; `seconds_done` the audio decoded so
    far across all parts (they run concurrently, so this is a sum, not the last segment's end).
    """

    def __init__(self, transcribe: Callable[..., tuple[Iterator[Any], Any]], samples, rate: int,
                 parts: list[Part], workers: int, kwargs: dict[str, Any]):
        self._transcribe, self._samples, self._rate = transcribe, samples, rate
        self.parts, self.workers, self._kwargs = parts, max(1, min(workers, len(parts))), kwargs
        self._starts = [part.lead for part in parts]  # where each decoder begins
        self.infos: dict[int, Any] = {}
        self._done_in_part = [0.0] * len(parts)
        self._waiting: list[list[Any]] = [[] for _ in parts]
        self._results: queue.Queue = queue.Queue()
        self._stop = threading.Event()

    @property
    def seconds_done(self) -> float:
        return sum(self._done_in_part)

    def _length(self, index: int) -> float:
        part = self.parts[index]
        return (part.end - part.start) / self._rate

    def _lead(self, index: int) -> float:
        return (self.parts[index].start - self._starts[index]) / self._rate

    def _work(self, index: int) -> None:
        end = self.parts[index].end
        lead = self._lead(index)
        try:
            if self._stop.is_set():
                return
            segments, info = self._transcribe(self._samples[self._starts[index]:end], **self._kwargs)
            self._results.put((index, "info", info))
            for segment in segments:  # lazy: the model decodes as this loop asks for segments
                if float(segment.end) > lead + 0.5:  # wholly inside the lead-in: context only
                    self._results.put((index, "segment", segment))
                if self._stop.is_set():
                    return
        except Exception as exc:  # noqa: BLE001 - handed to the caller's thread, raised there
            self._results.put((index, "error", DecodeError(exc)))
        except BaseException as exc:  # noqa: BLE001 - e.g. KeyboardInterrupt from a test double
            self._results.put((index, "error", exc))
        finally:
            self._results.put((index, "end", None))

    def __iter__(self) -> Iterator[tuple[float, Any]]:
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="whisper")
        finished = [False] * len(self.parts)
        self._current = 0
        self._tail = ""  # the last words yielded: what a lead-in may say again
        try:
            for index in range(len(self.parts)):
                pool.submit(self._work, index)
            while self._current < len(self.parts):
                try:
                    index, kind, value = self._results.get(timeout=0.2)  # a timeout lets Ctrl-C in
                except queue.Empty:
                    continue
                if kind == "error":
                    raise value
                if kind == "info":
                    self.infos[index] = value
                    continue
                if kind == "end":
                    finished[index] = True
                    self._done_in_part[index] = self._length(index)
                else:
                    self._done_in_part[index] = min(max(0.0, float(value.end) - self._lead(index)), self._length(index))
                    self._waiting[index].append(value)
                while self._current < len(self.parts):
                    offset = self._starts[self._current] / self._rate
                    while self._waiting[self._current]:
                        segment, self._tail = self._trimmed(self._current, self._waiting[self._current].pop(0), self._tail)
                        if segment is not None:
                            yield offset, segment
                    if not finished[self._current]:
                        break
                    self._current += 1
        finally:
            self._stop.set()
            pool.shutdown(wait=False, cancel_futures=True)

    def _trimmed(self, index: int, segment, tail: str):
        """(`segment` without what the part before already said, or None; the new tail). A
        segment that began in the lead-in may repeat the words before the cut."""
        lead = self._lead(index)
        if lead > 0 and float(segment.start) < lead + 2:
            segment = _without_overlap(segment, tail)
            if segment is None:
                return None, tail
        return segment, (tail + segment.text)[-_TAIL_CHARS:]

    def pending(self) -> list[tuple[float, Any]]:
        """Decoded segments not yielded yet, in audio order (for a transcript kept after Ctrl-C),
        trimmed at the cuts like the ones yielded."""
        out, tail = [], getattr(self, "_tail", "")
        for index in range(len(self.parts)):
            for segment in self._waiting[index]:
                segment, tail = self._trimmed(index, segment, tail)
                if segment is not None:
                    out.append((self._starts[index] / self._rate, segment))
        return out


__all__ = ["LEAD_IN_SECONDS", "MAX_PART_SECONDS", "MIN_PART_SECONDS", "DecodeError", "Part", "PartDecoder", "plan"]
