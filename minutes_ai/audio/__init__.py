"""Speech → text: Chinese meeting recordings into a `Transcript`, offline, on the CPU.

    >>> from minutes_ai.audio import transcribe
    >>> transcript = transcribe("周会.m4a")            # bundled Whisper base, language zh
    >>> print(transcript.text)                          # simplified Chinese, one segment per line

`model.py` finds the model (bundled whisper-base joined once into the cache, a directory, or a
size name), `decode.py` reads and checks the recording, `transcriber.py` runs faster-whisper,
`hallucinations.py` drops what Whisper made up, `formats.py` writes txt/srt/vtt/json and
`sniff.py` tells a recording from a text file.
(Not "transcribe.py": a submodule named like the `transcribe` function exported here would be
shadowed by it, and `mock.patch("minutes_ai.audio.transcribe.load_model")` would miss.)
faster-whisper, CTranslate2 and PyAV are imported on first use, never by importing this package,
so `minutes extract` on text stays fast and works without them installed.
"""

from __future__ import annotations

from .errors import AudioError, ModelError
from .model import DEFAULT_MODEL, ResolvedModel, resolve_model
from .transcriber import SilentRecordingWarning, TranscribeOptions, TranscriptionInterrupted, transcribe

__all__ = [
    "AudioError",
    "DEFAULT_MODEL",
    "ModelError",
    "ResolvedModel",
    "SilentRecordingWarning",
    "TranscribeOptions",
    "TranscriptionInterrupted",
    "resolve_model",
    "transcribe",
]
