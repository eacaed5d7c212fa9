"""Parallel parts (minutes_ai/audio/parallel.py): where a recording is cut, and that the segments of
parts decoded at once come back in audio order, with nothing lost on Ctrl-C or errors."""

from __future__ import annotations

import threading
import time
import types

import numpy as np
import pytest
from audio_helpers import RATE, fake_segment, tone, write_wav

from minutes_ai.audio import TranscribeOptions, TranscriptionInterrupted, transcribe
from minutes_ai.audio.parallel import DecodeError, Part, PartDecoder, plan


def noise(seconds: float, seed: int = 0) -> np.ndarray:
    return (np.random.default_rng(seed).standard_normal(int(seconds * RATE)) * 0.1).astype(np.float32)


@pytest.mark.parametrize(
    "seconds, workers, parts",
    [
        (20, 2, 1),     # shorter than two 30 s parts: one part
        (59, 2, 1),
        (65, 1, 1),     # one worker: never cut
        (65, 2, 2),     # the shipped sample: two parts
        (95, 4, 3),     # four workers, but no part under 30 s
        (426, 2, 2),    # 7 minutes: two parts of at most 5 minutes each
        (3600, 2, 12),  # an hour: parts of 5 minutes, so the first ones stream out early
    ],
)
def test_plan_cuts_into_parts_of_30_s_to_5_min(seconds, workers, parts):
    samples = np.zeros(int(seconds * RATE), dtype=np.float32)
    bounds = plan(samples, RATE, workers)
    assert len(bounds) == parts
    assert bounds[0].start == 0 and bounds[-1].end == len(samples)
    assert all(a.end == b.start for a, b in zip(bounds, bounds[1:]))  # contiguous: no sample lost or doubled
    assert all(a.start <= b.lead <= b.start for a, b in zip(bounds, bounds[1:]))  # lead-in inside the part before


def test_a_cut_moves_to_the_middle_of_the_pause_near_the_planned_point():
    # speech-like noise with one 0.5 s pause at 42.0–42.5 s; the planned cut is about 40 s
    samples = np.concatenate([noise(42.0), np.zeros(int(0.5 * RATE), np.float32), noise(27.5, seed=1)])
    (first, second) = plan(samples, RATE, 2)
    assert 42.1 <= first.end / RATE <= 42.4 and second.start == first.end


def test_decoders_get_equal_shares_lead_in_included():
    (first, second) = plan(np.zeros(426 * RATE, np.float32), RATE, 2)
    assert (second.start - second.lead) / RATE == pytest.approx(30, abs=3)
    assert first.end - first.start == pytest.approx(second.end - second.lead, rel=0.05)


def fake_transcribe(script: dict[int, list], delays: dict[int, float] | None = None, fail: dict[int, BaseException] | None = None):
    """A WhisperModel.transcribe for PartDecoder: part i is recognised by its length in seconds."""
    delays, fail = delays or {}, fail or {}

    def transcribe(audio, **kwargs):
        part = int(round(len(audio) / RATE))
        if part in fail and isinstance(fail[part], ValueError):
            raise fail[part]

        def generate():
            for i, segment in enumerate(script[part]):
                time.sleep(delays.get(part, 0.0))
                if part in fail and i == 1:
                    raise fail[part]
                yield segment

        return generate(), types.SimpleNamespace(language="zh", language_probability=0.9, duration_after_vad=part)

    return transcribe


def two_parts(first: float = 40.0, second: float = 50.0):
    samples = np.zeros(int((first + second) * RATE), np.float32)
    cut = int(first * RATE)
    return samples, [Part(0, cut, 0), Part(cut, len(samples), cut)]


def test_segments_come_back_in_audio_order_when_the_later_part_finishes_first():
    samples, parts = two_parts()
    script = {40: [fake_segment(0, 5, "甲一"), fake_segment(5, 9, "甲二")], 50: [fake_segment(1, 4, "乙一")]}
    decoder = PartDecoder(fake_transcribe(script, delays={40: 0.05}), samples, RATE, parts, 2, {})
    got = [(offset + s.start, s.text) for offset, s in decoder]
    assert got == [(0, "甲一"), (5, "甲二"), (41.0, "乙一")]
    assert sorted(decoder.infos) == [0, 1] and decoder.seconds_done == 90.0


def test_the_parts_run_at_the_same_time():
    samples, parts = two_parts()
    running, most = set(), []

    def transcribe(audio, **kwargs):
        def generate():
            running.add(threading.get_ident())
            most.append(len(running))
            time.sleep(0.1)
            yield fake_segment(0, 1, "话")
            running.discard(threading.get_ident())

        return generate(), types.SimpleNamespace(language="zh", language_probability=0.9, duration_after_vad=1)

    assert len(list(PartDecoder(transcribe, samples, RATE, parts, 2, {}))) == 2
    assert max(most) == 2


def test_an_interrupted_part_keeps_what_later_parts_decoded():
    samples, parts = two_parts()
    script = {40: [fake_segment(0, 5, "甲一"), fake_segment(5, 9, "甲二")], 50: [fake_segment(1, 4, "乙一")]}
    decoder = PartDecoder(fake_transcribe(script, delays={40: 0.05}, fail={40: KeyboardInterrupt()}), samples, RATE, parts, 2, {})
    seen = []
    with pytest.raises(KeyboardInterrupt):
        for offset, segment in decoder:
            seen.append(segment.text)
    assert seen == ["甲一"]
    assert [(offset, s.text) for offset, s in decoder.pending()] == [(40.0, "乙一")]


@pytest.mark.parametrize("error", [ValueError("invalid language code"), RuntimeError("CTranslate2 failed")])
def test_a_model_error_in_a_part_reaches_the_caller_with_its_cause(error):
    samples, parts = two_parts()
    script = {40: [fake_segment(0, 5, "甲一"), fake_segment(5, 9, "甲二")], 50: [fake_segment(1, 4, "乙一")]}
    with pytest.raises(DecodeError) as info:
        list(PartDecoder(fake_transcribe(script, fail={40: error}), samples, RATE, parts, 2, {}))
    assert info.value.cause is error


def test_transcribe_shifts_each_part_to_recording_time(tmp_path, fake_whisper):
    fake = fake_whisper([fake_segment(1.0, 3.0, "王磊负责接口")])  # every part "hears" one segment
    recording = write_wav(tmp_path / "long.wav", tone(70.0))
    transcript = transcribe(recording, options=TranscribeOptions(drop_hallucinations=False, lead_in=0))  # the same line twice
    assert transcript.options["parts"] == 2 and len(fake.calls) == 2
    cut = transcript.segments[1].start - 1.0
    assert 25.0 <= cut <= 45.0  # the second part starts near the middle
    assert [s.start for s in transcript.segments] == [1.0, pytest.approx(cut + 1.0)]


def test_one_worker_decodes_the_recording_whole(tmp_path, fake_whisper):
    fake = fake_whisper(["王磊负责接口"])
    transcript = transcribe(write_wav(tmp_path / "long.wav", tone(70.0)), options=TranscribeOptions(workers=1))
    assert transcript.options["parts"] == 1 and len(fake.calls) == 1


def test_ctrl_c_in_a_parallel_run_keeps_the_transcript_so_far(tmp_path, fake_whisper):
    fake_whisper([fake_segment(0.0, 2.0, "王磊负责接口联调"), fake_segment(2.0, 4.0, "李娜负责测试")], interrupt_after=1)
    with pytest.raises(TranscriptionInterrupted) as info:
        transcribe(write_wav(tmp_path / "long.wav", tone(70.0)))
    kept = info.value.transcript
    assert kept.text.splitlines()[0] == "王磊负责接口联调"
    assert all(line == "王磊负责接口联调" for line in kept.text.splitlines())  # nothing after the interruption


def test_a_later_part_starts_early_for_context_and_drops_what_it_heard_before_the_cut():
    samples = np.zeros(200 * RATE, np.float32)
    parts = [Part(0, 100 * RATE, 0), Part(100 * RATE, 200 * RATE, 70 * RATE)]
    heard = []

    def transcribe(audio, **kwargs):
        heard.append(len(audio) / RATE)
        # each part "hears" a sentence every 10 s of what it is given
        segments = [fake_segment(t, t + 8, f"句{t}") for t in range(0, int(len(audio) / RATE), 10)]
        return iter(segments), types.SimpleNamespace(language="zh", language_probability=0.9, duration_after_vad=1)

    decoder = PartDecoder(transcribe, samples, RATE, parts, 2, {})
    got = [offset + s.start for offset, s in decoder]
    assert sorted(heard) == [100.0, 130.0]  # the second part began 30 s early
    assert got == sorted(got) and len(got) == len(set(got))      # in order, nothing twice
    assert got[:10] == [float(t) for t in range(0, 100, 10)]      # the first part whole
    assert all(t >= 96 for t in got[10:])                          # the lead-in itself is not kept


def test_segments_kept_after_an_interruption_are_trimmed_at_the_cut_too():
    samples = np.zeros(100 * RATE, np.float32)
    parts = [Part(0, 50 * RATE, 0), Part(50 * RATE, 100 * RATE, 20 * RATE)]  # the second starts 30 s early
    script = {
        50: [fake_segment(40, 49, "测试结束后,我会提交报告。"), fake_segment(49, 50, "嗯")],  # stopped after the first
        # the second part's first segment began in its lead-in and runs past the cut
        80: [fake_segment(29, 35, "测试结束后,我会提交报告。用户培训我来负责"), fake_segment(36, 40, "乙二")],
    }
    decoder = PartDecoder(fake_transcribe(script, delays={50: 0.1}, fail={50: KeyboardInterrupt()}), samples, RATE, parts, 2, {})
    with pytest.raises(KeyboardInterrupt):
        for _ in decoder:
            pass
    assert [s.text for _, s in decoder.pending()] == ["用户培训我来负责", "乙二"]


@pytest.mark.parametrize(
    "tail, text, kept",
    [
        # a segment that began in the lead-in and ran on past the cut: the repeated words go
        ("我负责在下周三之前完成全部功能测试。要求功能测试的通过率不少于95%。测试结束后,我会在三个工作日内提交测试报告。",
         "要求功能测试的通过率不少与95%。测试结束后,我会在三个工作日内提交测试报告。好的,用户培训由我来负责",
         "好的,用户培训由我来负责"),
        ("……测试结束后,我会在三个工作日内提交测试报告。", "测试结束后,我会在三个工作日内提交测试报告。", None),  # all said before
        ("……测试结束后,我会在三个工作日内提交测试报告。", "好的,用户培训由我来负责", "好的,用户培训由我来负责"),  # all new
        ("", "好的,用户培训由我来负责", "好的,用户培训由我来负责"),
    ],
)
def test_words_a_lead_in_says_again_are_dropped(tail, text, kept):
    from minutes_ai.audio.parallel import _without_overlap

    result = _without_overlap(fake_segment(0.5, 9.0, text), tail)
    assert (result.text if result is not None else None) == kept
