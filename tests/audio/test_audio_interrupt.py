"""Ctrl-C in the library: `TranscriptionInterrupted` is a KeyboardInterrupt carrying the transcript so far."""

from __future__ import annotations

import pytest
from audio_helpers import fake_segment, tone, write_wav

from minutes_ai.audio import TranscriptionInterrupted, transcribe
from minutes_ai.models import Transcript


def test_interrupt_carries_the_partial_transcript(tmp_path, fake_whisper):
    fake_whisper([fake_segment(0.0, 2.0, "王磊负责接口联调"), fake_segment(2.0, 4.0, "字幕由Amara.org社区提供"), fake_segment(4.0, 6.0, "李娜负责测试")], interrupt_after=2)
    with pytest.raises(KeyboardInterrupt) as info:
        transcribe(write_wav(tmp_path / "tone.wav", tone(8.0)))
    stop = info.value
    assert isinstance(stop, TranscriptionInterrupted)
    assert (stop.done, stop.total) == (4.0, 8.0)
    partial = stop.transcript
    assert isinstance(partial, Transcript) and partial.text == "王磊负责接口联调"
    assert partial.options["interrupted_at"] == 4.0
    assert [d["reason"] for d in partial.options["hallucinations_dropped"]] == ["credit"]


def test_interrupt_before_the_first_segment_is_an_empty_partial(tmp_path, fake_whisper):
    fake_whisper(["王磊负责接口联调"], interrupt_after=0)
    with pytest.raises(TranscriptionInterrupted) as info:
        transcribe(write_wav(tmp_path / "tone.wav", tone(3.0)))
    assert info.value.transcript.text == "" and info.value.transcript.segments == []
    assert info.value.done == 0.0
