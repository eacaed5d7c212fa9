"""Helpers of the audio tests: WAV writers, a fake Whisper model, the bundled-model check.

The fake stands in for faster_whisper.WhisperModel so the transcription contract, the hallucination
filter and the CLI can be tested in milliseconds; only test_audio_sample.py (and the one real clip
in test_audio_transcribe.py) run the real model.
"""

from __future__ import annotations

import math
import pathlib
import struct
import types
import wave

RATE = 16000
AUDIO_DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "audio"
CLIP = AUDIO_DATA / "aishell-BAC009S0724W0121.wav"


def write_wav(path: pathlib.Path, samples: list[int] | None = None, *, seconds: float = 0.0, rate: int = RATE) -> pathlib.Path:
    """A 16-bit mono WAV through the stdlib `wave` module; silence unless samples are given."""
    if samples is None:
        samples = [0] * int(seconds * rate)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def tone(seconds: float, freq: float = 440.0, amplitude: int = 8000) -> list[int]:
    return [int(amplitude * math.sin(2 * math.pi * freq * i / RATE)) for i in range(int(seconds * RATE))]


def fake_segment(start: float, end: float, text: str, *, no_speech_prob: float = 0.01, avg_logprob: float = -0.2):
    """What faster-whisper yields per segment, reduced to the fields we read."""
    return types.SimpleNamespace(start=start, end=end, text=text, no_speech_prob=no_speech_prob, avg_logprob=avg_logprob)


class FakeWhisper:
    """Yields the given segments lazily (as faster-whisper does); may raise KeyboardInterrupt after
    `interrupt_after` segments, like Ctrl-C in the middle of a long recording."""

    def __init__(self, segments, interrupt_after: int | None = None):
        self.segments = segments
        self.interrupt_after = interrupt_after
        self.calls: list[dict] = []

    def transcribe(self, audio, **kwargs):
        self.calls.append(kwargs)
        duration = len(audio) / RATE

        def generate():
            for i, segment in enumerate(self.segments):
                if self.interrupt_after is not None and i == self.interrupt_after:
                    raise KeyboardInterrupt
                yield segment

        info = types.SimpleNamespace(language="zh", language_probability=0.99, duration=duration, duration_after_vad=duration)
        return generate(), info


def bundled_model_available() -> bool:
    try:
        from minutes_ai.audio import model as model_module
        from minutes_ai.errors import MinutesError

        try:
            model_module.bundled_parts()
        except MinutesError:
            return False
        import faster_whisper  # noqa: F401
    except ImportError:
        return False
    return True


# Bad recordings both the library and the CLI must refuse in one line.


def missing_recording(tmp):
    return tmp / "no-such-recording.wav"


def empty_recording(tmp):
    (tmp / "empty.wav").write_bytes(b"")
    return tmp / "empty.wav"


def text_as_recording(tmp):
    (tmp / "notes.wav").write_text("会议纪要：王磊负责接口联调，本周五前完成。\n", encoding="utf-8")
    return tmp / "notes.wav"


def truncated_recording(tmp):
    data = CLIP.read_bytes()
    (tmp / "cut.wav").write_bytes(data[: len(data) // 3])
    return tmp / "cut.wav"
