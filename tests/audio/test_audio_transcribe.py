"""Transcription: bad input, silence, the Transcript contract (with a fake model), and one real clip.

Bad-input and contract tests need PyAV (a faster-whisper dependency) but not the model. The
end-to-end test needs the bundled model packages and takes a few seconds on 2 cores.
"""

from __future__ import annotations

import types
import warnings

import pytest

pytest.importorskip("faster_whisper")

from minutes_ai.audio import AudioError, SilentRecordingWarning, TranscribeOptions, transcribe  # noqa: E402
from minutes_ai.audio import model as model_module  # noqa: E402
from minutes_ai.audio import transcriber as transcribe_module  # noqa: E402
from minutes_ai.errors import MinutesError  # noqa: E402
from minutes_ai.models import Transcript  # noqa: E402

from audio_helpers import AUDIO_DATA as DATA  # noqa: E402
from audio_helpers import CLIP, RATE, empty_recording, missing_recording, text_as_recording, tone, truncated_recording, write_wav  # noqa: E402

from minutes_ai.audio.accuracy import character_error_rate as cer  # noqa: E402


@pytest.mark.parametrize(
    "ref, hyp, expected",
    [("广州市房地产", "广州市房地产", 0.0), ("广州市房地产", "广州 市，房地产。", 0.0), ("abcd", "abxd", 0.25), ("ab", "", 1.0), ("ab", "abcd", 1.0)],
)
def test_cer(ref, hyp, expected):
    assert cer(ref, hyp) == pytest.approx(expected)


# ----------------------------------------------------------------------------------- bad input


def _text_gbk(tmp):
    (tmp / "notes.mp3").write_bytes("会议纪要：王磊负责接口联调。\r\n".encode("gbk"))
    return tmp / "notes.mp3"


def _header_only(tmp):
    (tmp / "header.wav").write_bytes(CLIP.read_bytes()[:44])
    return tmp / "header.wav"


def _no_frames(tmp):
    return write_wav(tmp / "noframes.wav", [])


def _random_bytes(tmp):
    import random

    rng = random.Random(7)
    (tmp / "noise.m4a").write_bytes(bytes([0]) + bytes(rng.randrange(256) for _ in range(20000)))
    return tmp / "noise.m4a"


def _directory(tmp):
    (tmp / "a-folder.wav").mkdir()
    return tmp / "a-folder.wav"


@pytest.mark.parametrize(
    "make, message",
    [
        (missing_recording, "audio file not found"),
        (empty_recording, r"empty \(0 bytes\)"),
        (text_as_recording, "is a text file, not a recording"),
        (_text_gbk, "is a text file, not a recording"),
        (truncated_recording, "is truncated"),
        (_header_only, "is truncated|no audio samples"),
        (_no_frames, "no audio samples"),
        (_random_bytes, "not a readable recording"),
        (_directory, "got a directory"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_bad_input_is_one_line_audio_error(tmp_path, no_model, make, message):
    with pytest.raises(AudioError, match=message) as info:
        transcribe(make(tmp_path))
    assert isinstance(info.value, MinutesError)
    assert "\n" not in str(info.value)


def test_streaming_wav_with_unknown_size_is_not_called_truncated(tmp_path):
    """Recorders that stream write 0xFFFFFFFF as the data size; such a file is fine."""
    from minutes_ai.audio.decode import wav_truncation

    path = write_wav(tmp_path / "stream.wav", tone(0.5))
    data = bytearray(path.read_bytes())
    data[40:44] = b"\xff\xff\xff\xff"
    path.write_bytes(bytes(data))
    assert wav_truncation(path) is None
    assert wav_truncation(truncated_recording(tmp_path)) is not None


# ------------------------------------------------------------------------------------- silence


@pytest.mark.parametrize("seconds", [0.2, 3.0])
def test_silent_recording_gives_empty_transcript_and_warning(tmp_path, no_model, seconds):
    path = write_wav(tmp_path / "silence.wav", seconds=seconds)
    with pytest.warns(SilentRecordingWarning, match="no speech"):
        transcript = transcribe(path)
    assert isinstance(transcript, Transcript)
    assert transcript.text == "" and transcript.segments == []
    assert transcript.duration == pytest.approx(seconds, abs=0.01)
    assert transcript.options["empty_reason"] == "silent"


# ------------------------------------------------------------------ the contract, with a fake model


class FakeWhisper:
    """Stands in for faster_whisper.WhisperModel: yields fixed segments lazily, records its call."""

    def __init__(self, texts):
        self.texts = texts
        self.calls = []
        self.consumed = 0

    def transcribe(self, audio, **kwargs):
        self.calls.append(kwargs)
        duration = len(audio) / RATE

        def generate():
            for i, text in enumerate(self.texts):
                self.consumed += 1
                yield types.SimpleNamespace(start=i * 1.0, end=i * 1.0 + 0.9, text=text)

        info = types.SimpleNamespace(language="zh", language_probability=0.99, duration=duration, duration_after_vad=duration)
        return generate(), info


@pytest.fixture
def fake_model(monkeypatch):
    def install(texts):
        fake = FakeWhisper(texts)
        monkeypatch.setattr(transcribe_module, "resolve_model", lambda spec: model_module.ResolvedModel(ref="fake", label="fake-model", kind="path"))
        monkeypatch.setattr(transcribe_module, "load_model", lambda resolved, **kw: fake)
        return fake

    return install


@pytest.mark.parametrize(
    "raw, lines",
    [
        ([" 會議決定下週上線。", "由研發部負責 "], ["会议决定下周上线。", "由研发部负责"]),
        (["王磊负责接口联调", "  ", "本周五前完成"], ["王磊负责接口联调", "本周五前完成"]),
        (["第一句\n第二句"], ["第一句 第二句"]),
    ],
)
def test_transcript_is_simplified_one_segment_per_line(tmp_path, fake_model, raw, lines):
    fake = fake_model(raw)
    done = []
    transcript = transcribe(write_wav(tmp_path / "tone.wav", tone(3.0)), progress=lambda d, t: done.append((d, t)))
    assert transcript.text.split("\n") == lines
    assert [s.text for s in transcript.segments] == lines
    assert transcript.model == "fake-model" and transcript.language == "zh"
    assert transcript.duration == pytest.approx(3.0)
    assert fake.consumed == len(raw)
    assert done[-1] == (pytest.approx(3.0), pytest.approx(3.0))
    assert [d for d, _ in done] == sorted(d for d, _ in done)


def test_options_are_passed_and_recorded(tmp_path, fake_model):
    fake = fake_model(["你好"])
    options = TranscribeOptions(beam_size=2, vad_filter=False, initial_prompt="研发部", hotwords="研发部")
    transcript = transcribe(write_wav(tmp_path / "tone.wav", tone(1.0)), options=options, language="zh")
    call = fake.calls[0]
    assert call["beam_size"] == 2 and call["vad_filter"] is False and call["language"] == "zh"
    assert call["initial_prompt"] == "研发部" and call["hotwords"] == "研发部"
    assert "vad_parameters" not in call
    recorded = transcript.options
    assert recorded["beam_size"] == 2 and recorded["vad_filter"] is False and recorded["compute_type"] == "int8"
    assert recorded["glossary_terms"] == 0
    Transcript.model_validate_json(transcript.model_dump_json())  # round-trips through the contract


def test_glossary_sets_prompt_and_corrects_homophones(tmp_path, fake_model):
    pytest.importorskip("pypinyin")
    fake = fake_model(["由研發布負責接口联调", "王蕾确认"])
    transcript = transcribe(write_wav(tmp_path / "tone.wav", tone(2.0)), glossary=["研发部", "王磊", " "])
    call = fake.calls[0]
    assert call["initial_prompt"] == "会议中提到了研发部、王磊等。"
    assert call["hotwords"] is None  # hotwords only with glossary_hotwords=True
    assert transcript.text == "由研发部负责接口联调\n王磊确认"
    assert transcript.options["glossary_terms"] == 2 and transcript.options["glossary_corrections"] == 2


def test_glossary_hotwords_on_request(tmp_path, fake_model):
    pytest.importorskip("pypinyin")
    fake = fake_model(["好"])
    transcribe(write_wav(tmp_path / "tone.wav", tone(1.0)), glossary=["研发部"], options=TranscribeOptions(glossary_hotwords=True))
    assert fake.calls[0]["hotwords"] == "研发部"


def test_no_speech_after_vad_is_empty_with_warning(tmp_path, fake_model):
    fake_model([])
    with pytest.warns(SilentRecordingWarning, match="no speech"):
        transcript = transcribe(write_wav(tmp_path / "hum.wav", tone(1.0, amplitude=300)))
    assert transcript.text == "" and transcript.options["empty_reason"] == "no speech"


# -------------------------------------------------------------------------- end to end, real model


def _bundled_model_available() -> bool:
    try:
        model_module.bundled_parts()
    except MinutesError:
        return False
    return True


@pytest.mark.skipif(not _bundled_model_available(), reason="bundled whisper-base packages not installed")
def test_real_clip_end_to_end():
    with warnings.catch_warnings():
        warnings.simplefilter("error", SilentRecordingWarning)
        transcript = transcribe(CLIP)
    reference = (DATA / "aishell-BAC009S0724W0121.txt").read_text(encoding="utf-8")
    assert cer(reference, transcript.text) <= 0.25, transcript.text
    assert transcript.model == "whisper-base" and transcript.language == "zh"
    assert transcript.duration == pytest.approx(4.28, abs=0.05)
    assert transcript.segments and transcript.text.count("\n") == len(transcript.segments) - 1
    for segment in transcript.segments:
        assert 0 <= segment.start < segment.end <= transcript.duration + 0.5
    assert transcript.options["beam_size"] == 5 and transcript.options["vad_filter"] is True
