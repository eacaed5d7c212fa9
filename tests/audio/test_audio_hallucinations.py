"""Whisper's hallucinations: the phrase list, each rule as a table, and the transcriber dropping them."""

from __future__ import annotations

import pytest
from audio_helpers import fake_segment, tone, write_wav

from minutes_ai.audio import hallucinations as h

# ------------------------------------------------------------------------------- the data file


def test_phrase_list_loads_and_is_consistent():
    phrases = h.default_phrases()
    assert len(phrases.credit) >= 20 and phrases.outro and phrases.suspect
    everything = [*phrases.credit, *phrases.outro, *phrases.suspect]
    assert all(p == h.normalize_phrase(p) for p in everything), "write phrases normalised (no punctuation, simplified)"
    assert not set(phrases.credit) & (phrases.outro | phrases.suspect)
    assert not phrases.outro & phrases.suspect


@pytest.mark.parametrize("line", ["credit", "credit\t", "nonsense\t字幕由", "字幕由"])
def test_malformed_phrase_lines_are_refused(line):
    with pytest.raises(ValueError, match="KIND<TAB>PHRASE"):
        h.parse_phrases(line)


# ------------------------------------------------------------------------------ one segment each


@pytest.mark.parametrize(
    "text, no_speech_prob, avg_logprob, reason",
    [
        # subtitle credits and channel plugs, as Whisper writes them (Traditional too)
        ("字幕由Amara.org社区提供", 0.0, -0.2, "credit"),
        ("中文字幕由 Amara.org 社群提供", 0.0, -0.2, "credit"),
        ("小編字幕由Amara.org社區提供", 0.0, -0.2, "credit"),
        ("请不吝点赞 订阅 转发 打赏支持明镜与点点栏目", 0.0, -0.2, "credit"),
        ("請不吝點贊 訂閱 轉發 打賞支持明鏡與點點欄目", 0.0, -0.2, "credit"),
        ("明镜需要您的支持 欢迎收看订阅明镜", 0.0, -0.2, "credit"),
        ("优优独播剧场——YoYo Television Series Exclusive", 0.0, -0.2, "credit"),
        ("字幕by索兰娅", 0.0, -0.2, "credit"),
        ("词曲 李宗盛", 0.0, -0.2, "credit"),
        ("了解更多,請訂閱谷歌頻道、按讚、分享、留言", 0.0, -0.2, "credit"),
        # video sign-offs, whole segment only
        ("谢谢观看!", 0.0, -0.2, "outro"),
        ("感謝收看。", 0.0, -0.2, "outro"),
        ("我们下期再见", 0.0, -0.2, "outro"),
        # the model's own no-speech rule: both conditions
        ("王磊负责接口联调", 0.7, -1.2, "no_speech"),
        ("王磊负责接口联调", 0.7, -0.5, None),
        ("王磊负责接口联调", 0.5, -1.5, None),
        # real words, dropped only when the model doubted them
        ("谢谢大家。", 0.45, -0.4, "suspect"),
        ("谢谢大家。", 0.05, -0.3, None),
        ("好", 0.35, -0.6, "suspect"),
        # real meeting speech is kept, even near a credit word
        ("会议决定，新版办公系统在十二月八号正式上线。", 0.01, -0.2, None),
        ("谢谢大家，今天的会就到这里。", 0.01, -0.2, None),
        ("视频的字幕由市场部提供，宣传片的英文翻译由外包团队负责，下周五之前全部完成交付验收并同步给法务审核。", 0.01, -0.2, None),
        ("订阅服务的续费下周再看", 0.01, -0.2, None),
        ("请大家点赞一下这个方案", 0.01, -0.2, None),
    ],
)
def test_segment_rules(text, no_speech_prob, avg_logprob, reason):
    drop = h.HallucinationFilter()
    assert drop.check(text, start=0.0, end=2.0, no_speech_prob=no_speech_prob, avg_logprob=avg_logprob) == reason
    assert [d.reason for d in drop.dropped] == ([reason] if reason else [])


@pytest.mark.parametrize(
    "texts, kept",
    [
        (["王磊负责接口联调", "王磊负责接口联调", "王磊负责接口联调"], ["王磊负责接口联调"]),
        (["好的。", "好的", "好的!"], ["好的。"]),  # identical once punctuation is ignored
        (["王磊负责", "李娜负责", "王磊负责"], ["王磊负责", "李娜负责", "王磊负责"]),  # not consecutive
        (["王磊负责", "字幕由Amara.org社区提供", "王磊负责"], ["王磊负责"]),  # consecutive among kept ones
        (["90", "90", "90", "90"], ["90"]),  # the numeric loop of jhj0517/Whisper-WebUI#152
    ],
)
def test_repeated_consecutive_segments(texts, kept):
    drop = h.HallucinationFilter()
    result = [t for i, t in enumerate(texts) if drop.check(t, start=i * 2.0, end=i * 2.0 + 1.5) is None]
    assert result == kept


@pytest.mark.parametrize(
    "text, expected",
    [
        ("好的好的好的好的好的", "好的"),
        ("汇聚精英 汇聚精英 汇聚精英 汇聚精英", "汇聚精英"),
        ("我们我们我们我们去吃饭", "我们去吃饭"),
        ("好的好的好的", "好的好的好的"),  # three times is how people talk
        ("对对对对", "对对对对"),  # single characters are not loops
        ("预算100000000元", "预算100000000元"),  # digits are numbers, not loops
        ("王磊负责接口联调", "王磊负责接口联调"),
    ],
)
def test_collapse_loops(text, expected):
    assert h.collapse_loops(text) == expected


# -------------------------------------------------------------------------------- text in silence


def _speech_then_silence():
    """2 s of a loud tone, 3 s of digital silence, 2 s of a quiet tone (about -40 dBFS)."""
    import numpy as np

    loud = 0.3 * np.sin(2 * np.pi * 220 * np.arange(2 * 16000) / 16000)
    quiet = 0.01 * np.sin(2 * np.pi * 220 * np.arange(2 * 16000) / 16000)
    return np.concatenate([loud, np.zeros(3 * 16000), quiet]).astype("float32")


@pytest.mark.parametrize(
    "start, end, silent",
    [
        (0.0, 2.0, False),
        (2.5, 4.5, True),  # all inside the silence, even with the margin
        (1.5, 3.5, False),  # overlaps the speech
        (4.8, 6.9, False),  # quiet speech is still speech
        (7.5, 9.0, False),  # past the end of the audio: nothing to judge by
    ],
)
def test_text_in_silence(start, end, silent):
    pytest.importorskip("numpy")
    drop = h.HallucinationFilter(samples=_speech_then_silence())
    assert drop.is_silent(start, end) is silent
    assert (drop.check("王磊负责接口联调", start=start, end=end) == "silence") is silent


# ----------------------------------------------------------------------- wired into transcription


def test_transcriber_drops_hallucinations_and_records_them(tmp_path, fake_whisper):
    from minutes_ai.audio import transcribe

    fake_whisper(
        [
            fake_segment(0.0, 2.0, "王磊负责接口联调"),
            fake_segment(2.0, 4.0, "王磊负责接口联调"),
            fake_segment(4.0, 6.0, "请不吝点赞 订阅 转发 打赏支持明镜与点点栏目"),
            fake_segment(6.0, 8.0, "本周五前完成", no_speech_prob=0.9, avg_logprob=-1.4),
            fake_segment(8.0, 10.0, "李娜负责测试好的好的好的好的"),
        ]
    )
    transcript = transcribe(write_wav(tmp_path / "tone.wav", tone(10.0)))
    assert transcript.text == "王磊负责接口联调\n李娜负责测试好的"
    assert [s.start for s in transcript.segments] == [0.0, 8.0]
    dropped = transcript.options["hallucinations_dropped"]
    assert [d["reason"] for d in dropped] == ["repeat", "credit", "no_speech"]
    assert dropped[1] == {"start": 4.0, "end": 6.0, "text": "请不吝点赞 订阅 转发 打赏支持明镜与点点栏目", "reason": "credit"}


def test_transcriber_drops_text_in_silence(tmp_path, fake_whisper):
    from minutes_ai.audio import transcribe

    fake_whisper([fake_segment(0.0, 2.0, "王磊负责接口联调"), fake_segment(3.0, 5.0, "谢谢大家")])
    recording = write_wav(tmp_path / "half.wav", tone(2.0) + [0] * (4 * 16000))
    transcript = transcribe(recording)
    assert transcript.text == "王磊负责接口联调"
    assert transcript.options["hallucinations_dropped"][0]["reason"] == "silence"


def test_filter_can_be_switched_off(tmp_path, fake_whisper):
    from minutes_ai.audio import TranscribeOptions, transcribe

    fake_whisper(["王磊负责", "王磊负责", "字幕由Amara.org社区提供"])
    transcript = transcribe(write_wav(tmp_path / "tone.wav", tone(6.0)), options=TranscribeOptions(drop_hallucinations=False))
    assert transcript.text.splitlines() == ["王磊负责", "王磊负责", "字幕由Amara.org社区提供"]
    assert transcript.options["hallucinations_dropped"] == []
