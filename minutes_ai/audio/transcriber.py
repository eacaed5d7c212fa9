"""Recording → `Transcript`, with faster-whisper on the CPU.

The steps, and why each is here:

1. `decode.decode` checks and decodes the file first, so bad input fails fast with an AudioError.
2. A recording that is digital silence (peak below -60 dBFS) is not sent to the model at all:
   Whisper "hears" subtitles credits in silence. It gives an empty transcript and a warning.
3. The model is resolved (bundled / PATH / NAME) and loaded once per process (`model.load_model`).
4. faster-whisper's segments come from a lazy generator: decoding happens while we iterate, so we
   iterate once, report progress per segment, and keep only what the contract needs (one list of
   `Segment`s; the text is joined from it at the end). Ctrl-C during the loop raises
   `TranscriptionInterrupted`, a KeyboardInterrupt that carries the transcript so far.
   Whisper's hallucinations (subtitle credits, text in silence, repetition loops) are dropped
   segment by segment as they come (`hallucinations.py`) and listed in `Transcript.options`.
5. Whisper writes Chinese in Traditional characters about as often as Simplified; the whole
   project works in Simplified, so each segment goes through `to_simplified` (one char for one).
6. `Transcript.text` is the segments one per line, so line *i* of the text is segment *i* and the
   extractors' character offsets map back to audio times. The options used are recorded in
   `Transcript.options`, so a transcript says how it was made.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import warnings
from typing import Callable, Iterable, Optional, Union

from minutes_ai.models import Segment, Transcript

from .decode import DecodedAudio, decode
from .errors import AudioError, ModelError
from .hallucinations import HallucinationFilter, collapse_loops
from .model import load_model, resolve_model
from .parallel import LEAD_IN_SECONDS, DecodeError, PartDecoder, plan

log = logging.getLogger(__name__)

#: A recording whose loudest sample is below this (about -60 dBFS) is treated as silence.
SILENCE_PEAK = 1e-3

Progress = Callable[[float, float], None]
"""Called after each segment with (seconds transcribed so far, total seconds)."""


class SilentRecordingWarning(UserWarning):
    """The recording held no speech; the transcript is empty."""


class TranscriptionInterrupted(KeyboardInterrupt):
    """Ctrl-C during transcription, with what was transcribed so far.

    A KeyboardInterrupt, so code that does not care stops as usual; the CLI catches it to save
    `transcript` (segments up to `done` seconds of `total`) instead of losing an hour's work.
    """

    def __init__(self, transcript: Transcript, done: float, total: float):
        super().__init__(f"interrupted at {done:.1f} of {total:.1f} s")
        self.transcript = transcript
        self.done = done
        self.total = total


@dataclasses.dataclass(frozen=True)
class TranscribeOptions:
    """Decoding settings. Defaults: what measured best for Mandarin meetings on 2 CPU cores.

    beam_size 5 and int8 are faster-whisper's recommended CPU settings; VAD (Silero, shipped with
    faster-whisper) skips silence, which is both faster and avoids text hallucinated into pauses.
    Measured against beam 1/2, VAD off and BatchedInferencePipeline in docs/benchmarks-audio.md:
    with VAD, beam 1 and the batched pipeline skipped whole utterances there.
    `drop_hallucinations` runs hallucinations.HallucinationFilter on every segment.
    `workers` decoders run at once on consecutive parts of a recording of a minute or more
    (parallel.py), sharing the `cpu_threads` between them: sequential beam search keeps one core
    busy, two decoders keep two — RTF 0.097–0.114 (plain faster-whisper) → 0.062–0.071 on this
    2-core machine, with fewer character errors (docs/benchmarks-audio.md). `lead_in` seconds
    before each cut are decoded again as context for the part after it.
    `hotwords` / `initial_prompt` bias the decoder towards names and jargon. A glossary fills
    `initial_prompt`, and `hotwords` too only with glossary_hotwords=True: on Whisper base,
    hotwords for terms that are not spoken cost accuracy (measurements in glossary.py).
    """

    beam_size: int = 5
    vad_filter: bool = True
    language: Optional[str] = "zh"
    compute_type: str = "int8"
    device: str = "cpu"
    cpu_threads: int = 2
    workers: int = 2
    lead_in: float = LEAD_IN_SECONDS
    condition_on_previous_text: bool = True
    initial_prompt: Optional[str] = None
    hotwords: Optional[str] = None
    glossary_hotwords: bool = False
    vad_min_silence_ms: int = 500
    drop_hallucinations: bool = True

    def to_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


def _decode_kwargs(options: TranscribeOptions) -> dict[str, object]:
    kwargs: dict[str, object] = dict(
        language=options.language,
        beam_size=options.beam_size,
        vad_filter=options.vad_filter,
        condition_on_previous_text=options.condition_on_previous_text,
        initial_prompt=options.initial_prompt or None,
        hotwords=options.hotwords or None,
    )
    if options.vad_filter:
        kwargs["vad_parameters"] = {"min_silence_duration_ms": options.vad_min_silence_ms}
    return kwargs


def _apply_glossary(options: TranscribeOptions, glossary) -> tuple[TranscribeOptions, list[str]]:
    """Fill initial_prompt (and hotwords, if asked) from the glossary terms, unless already set."""
    terms = list(dict.fromkeys(str(t).strip() for t in (glossary or ()) if str(t).strip()))
    if not terms:
        return options, []
    from .glossary import build_hotwords, build_initial_prompt

    return (
        dataclasses.replace(
            options,
            hotwords=options.hotwords or (build_hotwords(terms) if options.glossary_hotwords else None),
            initial_prompt=options.initial_prompt or build_initial_prompt(terms),
        ),
        terms,
    )


def _corrector(terms: list[str]):
    """The near-homophone corrector for the glossary terms, or a pass-through without them."""
    if not terms:
        return None
    from .glossary import HomophoneCorrector

    return HomophoneCorrector(terms)


def transcribe(
    path: Union[str, os.PathLike],
    *,
    model: Optional[Union[str, os.PathLike]] = None,
    language: Optional[str] = "zh",
    glossary: Optional[Iterable[str]] = None,
    options: Optional[TranscribeOptions] = None,
    progress: Optional[Progress] = None,
) -> Transcript:
    """Transcribe a recording into a `Transcript` (simplified Chinese, one segment per line).

    model: None for the bundled whisper-base, a model directory, or a faster-whisper size name.
    language: the spoken language ("zh"); None lets Whisper detect it. It overrides
    `options.language`, which only records it.
    glossary: terms (names, departments, products) to bias recognition towards and to correct
    near-homophones to afterwards.
    progress: called as progress(done_seconds, total_seconds) after each segment.

    Raises AudioError for a file that is missing, empty, not audio, corrupt or truncated, and
    ModelError for a model that cannot be found, assembled or loaded. A silent recording gives
    an empty transcript and a SilentRecordingWarning.
    """
    options = dataclasses.replace(options or TranscribeOptions(), language=language)
    options, terms = _apply_glossary(options, glossary)
    audio = decode(path)

    recorded = options.to_dict()
    recorded["glossary_terms"] = len(terms)

    if _is_silent(audio):
        return _empty(path, audio, options, recorded, label=_label_without_loading(model), why="silent")

    resolved = resolve_model(model)
    parts = plan(audio.samples, audio.sample_rate, options.workers, lead_in=options.lead_in)
    workers = min(options.workers, len(parts))
    whisper = load_model(
        resolved,
        device=options.device,
        compute_type=options.compute_type,
        cpu_threads=max(1, options.cpu_threads // workers),
        num_workers=workers,
    )
    decoder = PartDecoder(whisper.transcribe, audio.samples, audio.sample_rate, parts, workers, _decode_kwargs(options))
    recorded["parts"] = len(parts)

    total = float(audio.duration)
    correct = _corrector(terms)
    drop = HallucinationFilter(samples=audio.samples, sample_rate=audio.sample_rate) if options.drop_hallucinations else None
    segments: list[Segment] = []  # the only copy: Transcript.text is joined from it at the end
    offset = 0  # where the next segment's line starts in Transcript.text (for glossary corrections)

    def keep(part_start: float, raw) -> None:
        nonlocal offset
        text = collapse_loops(_clean(raw.text))
        start, end = part_start + max(0.0, float(raw.start)), part_start + max(0.0, float(raw.end))
        if text and drop is not None and drop.check(
            text,
            start=start,
            end=end,
            no_speech_prob=float(getattr(raw, "no_speech_prob", 0.0) or 0.0),
            avg_logprob=float(getattr(raw, "avg_logprob", 0.0) or 0.0),
        ):
            text = ""
        if text and correct is not None:
            text = correct(text, offset=offset)
        if text:
            segments.append(Segment(start=start, end=max(start, min(end, total)), text=text))
            offset += len(text) + 1

    try:
        for part_start, raw in decoder:
            keep(part_start, raw)
            if progress is not None:
                progress(min(decoder.seconds_done, total), total)
    except KeyboardInterrupt:
        for part_start, raw in decoder.pending():  # decoded by a later part, not yet taken
            keep(part_start, raw)
        done = min(decoder.seconds_done, total)
        recorded["interrupted_at"] = round(done, 3)
        info = _combined_info(decoder.infos, options)
        _record_filters(recorded, info, total, correct, drop)
        partial = _transcript(segments, total, info, options, resolved.label, recorded)
        raise TranscriptionInterrupted(partial, done, total) from None
    except DecodeError as exc:
        if isinstance(exc.cause, ValueError):  # e.g. a language code Whisper does not know
            raise ModelError(f"faster-whisper refused the options: {exc}") from None
        raise ModelError(f"transcription failed: {type(exc.cause).__name__}: {exc}") from None
    if progress is not None:
        progress(total, total)

    info = _combined_info(decoder.infos, options)
    _record_filters(recorded, info, total, correct, drop)
    if not segments:
        return _empty(path, audio, options, recorded, label=resolved.label, why="no speech", language=info.language)
    return _transcript(segments, total, info, options, resolved.label, recorded)


def _combined_info(infos: dict, options: TranscribeOptions):
    """One TranscriptionInfo-like record for all parts: the first part's language, the summed
    duration after VAD."""
    import types

    first = infos[min(infos)] if infos else None
    return types.SimpleNamespace(
        language=getattr(first, "language", None) or options.language,
        language_probability=getattr(first, "language_probability", 0.0),
        duration_after_vad=sum(float(getattr(i, "duration_after_vad", 0.0) or 0.0) for i in infos.values()),
    )


def _record_filters(recorded: dict, info, total: float, correct, drop) -> None:
    recorded["language_probability"] = round(float(info.language_probability or 0.0), 4)
    recorded["glossary_corrections"] = len(correct.corrections) if correct is not None else 0
    recorded["duration_after_vad"] = round(float(getattr(info, "duration_after_vad", total) or 0.0), 3)
    recorded["hallucinations_dropped"] = [d.to_dict() for d in drop.dropped] if drop is not None else []


def _transcript(segments: list[Segment], total: float, info, options: TranscribeOptions, label: str, recorded) -> Transcript:
    return Transcript(
        text="\n".join(segment.text for segment in segments),
        duration=round(total, 3),
        language=info.language or options.language or "zh",
        model=label,
        segments=segments,
        options=recorded,
    )


def _clean(text: str) -> str:
    """Strip, simplify, and keep a segment on one line (the text is one segment per line)."""
    from minutes_ai.text.normalize import to_simplified

    return to_simplified(" ".join(text.split()))


def _is_silent(audio: DecodedAudio) -> bool:
    import numpy as np

    return float(np.max(np.abs(audio.samples))) < SILENCE_PEAK


def _label_without_loading(model) -> str:
    from .model import DEFAULT_MODEL

    return DEFAULT_MODEL if model is None else os.fspath(model)


def _empty(path, audio: DecodedAudio, options: TranscribeOptions, recorded, *, label: str, why: str, language=None):
    detail = "digital silence" if why == "silent" else "nothing recognised"
    message = f"{os.fspath(path)}: no speech in {audio.duration:.1f} s ({detail}); the transcript is empty"
    log.debug(message)
    warnings.warn(message, SilentRecordingWarning, stacklevel=3)
    recorded["empty_reason"] = why
    return Transcript(
        text="",
        duration=round(audio.duration, 3),
        language=language or options.language or "zh",
        model=label,
        segments=[],
        options=recorded,
    )


__all__ = ["AudioError", "ModelError", "SilentRecordingWarning", "TranscribeOptions", "TranscriptionInterrupted", "transcribe"]
