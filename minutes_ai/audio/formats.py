"""A `Transcript` written out: plain text, SubRip (srt), WebVTT (vtt) or the JSON contract.

Pure functions of a Transcript, like the minutes renderers: `minutes transcribe` picks one by
--format or by the -o suffix. Subtitles let a reviewer play the recording with the transcript on
screen and check a task against what was actually said; the JSON is `Transcript.model_dump`, which
`minutes run`'s extraction and other tools read back (`Transcript.model_validate_json`).
"""

from __future__ import annotations

import enum
import json
import pathlib
from typing import Optional

from minutes_ai.models import Transcript


class TranscriptFormat(str, enum.Enum):
    txt = "txt"
    srt = "srt"
    vtt = "vtt"
    json = "json"


SUFFIXES = {".txt": TranscriptFormat.txt, ".srt": TranscriptFormat.srt, ".vtt": TranscriptFormat.vtt, ".json": TranscriptFormat.json}


def format_for(output: Optional[str], fmt: Optional[str]) -> TranscriptFormat:
    """--format if given, else the -o suffix (meeting.srt → srt), else txt."""
    if fmt:
        return TranscriptFormat(fmt)
    if output:
        return SUFFIXES.get(pathlib.Path(output).suffix.lower(), TranscriptFormat.txt)
    return TranscriptFormat.txt


def _clock(seconds: float, separator: str) -> str:
    millis = int(round(max(0.0, seconds) * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def to_txt(transcript: Transcript) -> str:
    """The text, one segment per line (empty for a silent recording)."""
    return transcript.text + "\n" if transcript.text else ""


def to_srt(transcript: Transcript) -> str:
    """SubRip: numbered cues, "00:01:02,500 --> 00:01:05,000"."""
    cues = [
        f"{i}\n{_clock(s.start, ',')} --> {_clock(max(s.end, s.start), ',')}\n{s.text}\n"
        for i, s in enumerate(transcript.segments, 1)
    ]
    return "\n".join(cues)


def to_vtt(transcript: Transcript) -> str:
    """WebVTT: the "WEBVTT" header, then cues with "00:01:02.500 --> 00:01:05.000"."""
    cues = [f"{_clock(s.start, '.')} --> {_clock(max(s.end, s.start), '.')}\n{s.text}\n" for s in transcript.segments]
    return "\n".join(["WEBVTT\n", *cues])


def to_json(transcript: Transcript) -> str:
    """The Transcript contract (model_dump), UTF-8 Chinese as is."""
    return json.dumps(transcript.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


_WRITERS = {TranscriptFormat.txt: to_txt, TranscriptFormat.srt: to_srt, TranscriptFormat.vtt: to_vtt, TranscriptFormat.json: to_json}


def render_transcript(transcript: Transcript, fmt: TranscriptFormat | str) -> str:
    return _WRITERS[TranscriptFormat(fmt)](transcript)


__all__ = ["SUFFIXES", "TranscriptFormat", "format_for", "render_transcript", "to_json", "to_srt", "to_txt", "to_vtt"]
