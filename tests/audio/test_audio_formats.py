"""Transcript writers (txt, srt, vtt, json) and the recording/notes sniffer of `minutes run`."""

from __future__ import annotations

import json

import pytest
from audio_helpers import CLIP, tone, write_wav

from minutes_ai.audio.formats import TranscriptFormat, format_for, render_transcript
from minutes_ai.audio.sniff import audio_signature, open_input
from minutes_ai.errors import InputError
from minutes_ai.models import Segment, Transcript

TRANSCRIPT = Transcript(
    text="会议决定下周上线\n王磊负责接口联调",
    duration=3725.5,
    language="zh",
    model="whisper-base",
    segments=[Segment(start=0.0, end=2.5, text="会议决定下周上线"), Segment(start=3661.25, end=3665.0049, text="王磊负责接口联调")],
    options={"beam_size": 5},
)
EMPTY = Transcript(text="", duration=3.0, language="zh", model="whisper-base", segments=[], options={})


def test_srt():
    assert render_transcript(TRANSCRIPT, "srt") == (
        "1\n00:00:00,000 --> 00:00:02,500\n会议决定下周上线\n\n"
        "2\n01:01:01,250 --> 01:01:05,005\n王磊负责接口联调\n"
    )


def test_vtt():
    assert render_transcript(TRANSCRIPT, "vtt") == (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n会议决定下周上线\n\n01:01:01.250 --> 01:01:05.005\n王磊负责接口联调\n"
    )


def test_txt_and_json():
    assert render_transcript(TRANSCRIPT, "txt") == "会议决定下周上线\n王磊负责接口联调\n"
    data = json.loads(render_transcript(TRANSCRIPT, "json"))
    assert data == TRANSCRIPT.model_dump(mode="json")
    assert "王磊" in render_transcript(TRANSCRIPT, "json")  # not \u738b
    assert Transcript.model_validate(data) == TRANSCRIPT


@pytest.mark.parametrize("fmt, expected", [("txt", ""), ("srt", ""), ("vtt", "WEBVTT\n")])
def test_empty_transcript(fmt, expected):
    assert render_transcript(EMPTY, fmt) == expected


@pytest.mark.parametrize(
    "output, fmt, expected",
    [
        ("meeting.srt", None, "srt"),
        ("会议.VTT", None, "vtt"),
        ("out/meeting.json", None, "json"),
        ("meeting.txt", None, "txt"),
        ("meeting.log", None, "txt"),
        (None, None, "txt"),
        ("meeting.srt", "json", "json"),  # --format wins over the suffix
    ],
)
def test_format_for(output, fmt, expected):
    assert format_for(output, fmt) is TranscriptFormat(expected)


# ----------------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"RIFF\x24\x08\x00\x00WAVEfmt ", "wav"),
        (b"ID3\x04\x00", "mp3"),
        (b"\xff\xfb\x90\x00", "mp3"),
        (b"fLaC\x00\x00", "flac"),
        (b"OggS\x00\x02", "ogg"),
        (b"\x00\x00\x00\x20ftypM4A ", "m4a"),
        (b"\x1aE\xdf\xa3\x9fB\x86", "webm"),
        (b"#!AMR\n", "amr"),
        (b"FORM\x00\x00\x00\x00AIFF", "aiff"),
        ("会议纪要：王磊负责".encode("utf-8"), None),
        ("会议纪要".encode("gbk"), None),
        (b"", None),
    ],
)
def test_audio_signature(head, expected):
    assert audio_signature(head) == expected


def _write(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, make, kind",
    [
        ("notes.txt", lambda p: _write(p, "王磊负责接口联调，本周五前完成。".encode("utf-8")), "text"),
        ("notes.md", lambda p: _write(p, "# 周会\n- 王磊：接口联调".encode("gbk")), "text"),
        ("chat.log", lambda p: _write(p, "王磊：收到，周五前给".encode("utf-8")), "text"),
        ("recording.txt", lambda p: _write(p, CLIP.read_bytes()), "audio"),  # a recording with the wrong suffix
        ("recording.dat", lambda p: _write(p, CLIP.read_bytes()), "audio"),
        ("tone.wav", lambda p: write_wav(p, tone(0.1)), "audio"),
        ("empty.wav", lambda p: _write(p, b""), "audio"),  # the audio side reports "empty (0 bytes)"
        ("noise.bin", lambda p: _write(p, bytes(range(256)) * 4), "audio"),  # binary: the decoder names the problem
        ("missing.m4a", lambda p: p, "audio"),
    ],
)
def test_open_input_kind(tmp_path, name, make, kind):
    given = open_input(make(tmp_path / name))
    assert given.kind == kind
    assert (given.text is not None) is (kind == "text")


@pytest.mark.parametrize(
    "name, make, message",
    [
        ("empty.txt", lambda p: _write(p, b""), "empty input"),
        ("missing.txt", lambda p: p, "file not found"),
        ("binary.txt", lambda p: _write(p, b"\x00\x01\x02" * 100), "not a text file"),
    ],
)
def test_open_input_bad_notes(tmp_path, name, make, message):
    with pytest.raises(InputError, match=message):
        open_input(make(tmp_path / name))
