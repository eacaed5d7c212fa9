"""Fixtures of the audio tests (helpers live in audio_helpers.py)."""

from __future__ import annotations

import pytest
from audio_helpers import FakeWhisper, fake_segment


@pytest.fixture
def fake_whisper(monkeypatch):
    """install(segments or texts, interrupt_after=None) → the FakeWhisper the transcriber will use."""
    pytest.importorskip("faster_whisper")
    from minutes_ai.audio import model as model_module
    from minutes_ai.audio import transcriber

    def install(segments, interrupt_after: int | None = None) -> FakeWhisper:
        segments = [fake_segment(i * 2.0, i * 2.0 + 1.8, s) if isinstance(s, str) else s for i, s in enumerate(segments)]
        fake = FakeWhisper(segments, interrupt_after)
        monkeypatch.setattr(transcriber, "resolve_model", lambda spec: model_module.ResolvedModel(ref="fake", label="fake-model", kind="path"))
        monkeypatch.setattr(transcriber, "load_model", lambda resolved, **kw: fake)
        return fake

    return install


@pytest.fixture
def no_model(monkeypatch):
    """Fail the test if transcription gets as far as resolving or loading a model."""
    pytest.importorskip("faster_whisper")
    from minutes_ai.audio import transcriber

    def refuse(*args, **kwargs):
        raise AssertionError("the model must not be needed for this input")

    monkeypatch.setattr(transcriber, "resolve_model", refuse)
    monkeypatch.setattr(transcriber, "load_model", refuse)
