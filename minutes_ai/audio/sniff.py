"""Recording or notes? `minutes run FILE` takes either, and must not send a .txt to Whisper.

Suffixes lie both ways — WeChat saves voice notes as .silk, recorders write .dat, people rename
notes to .log — so the decision rests on the file itself:

* .txt and .md are read as notes first (`reader.read_notes`: UTF-8, GBK, UTF-16); only if that
  fails *and* the file starts with an audio container signature is it a recording after all.
* anything else with a known audio/video signature (RIFF/WAVE, ID3 or an MPEG frame, fLaC, OggS,
  ftyp for m4a/mp4/mov, EBML for webm/mka, #!AMR, FORM/AIFF, caff, ASF) is a recording;
* without one, text is notes and the rest goes to the decoder, which names what is wrong with it.

Only the first bytes are read, and nothing here imports faster-whisper: `minutes run notes.txt`
stays as fast as `minutes extract notes.txt`.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
from typing import Optional, Union

from minutes_ai.errors import InputError

from .decode import _looks_like_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
AUDIO_SUFFIXES = frozenset(
    {".wav", ".mp3", ".m4a", ".mp4", ".aac", ".flac", ".ogg", ".oga", ".opus", ".webm", ".mka", ".mkv",
     ".mov", ".amr", ".aif", ".aiff", ".caf", ".wma", ".3gp"}
)


def audio_signature(head: bytes) -> Optional[str]:
    """The container a file's first bytes announce (wav, mp3, m4a, ogg …), or None."""
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"AVI "):
        return "wav" if head[8:12] == b"WAVE" else "avi"
    if head[:3] == b"ID3":
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return "mp3"  # an MPEG audio frame sync (or ADTS AAC), no ID3 tag; layer bits never 00
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"OggS":
        return "ogg"
    if head[4:8] == b"ftyp":
        return "m4a"
    if head[:4] == b"\x1aE\xdf\xa3":
        return "webm"
    if head[:5] == b"#!AMR" or head[:9] == b"#!SILK_V3" or head[:10] == b"\x02#!SILK_V3":
        return "amr"
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "aiff"
    if head[:4] == b"caff":
        return "caf"
    if head[:8] == b"\x30\x26\xb2\x75\x8e\x66\xcf\x11":
        return "wma"
    return None


@dataclasses.dataclass(frozen=True)
class MeetingInput:
    """What `minutes run` was given: notes (with their text) or a recording (to transcribe)."""

    kind: str  # "text" or "audio"
    path: str
    text: Optional[str] = None
    encoding: Optional[str] = None

    @property
    def is_audio(self) -> bool:
        return self.kind == "audio"


def _head(file: pathlib.Path) -> bytes:
    try:
        with open(file, "rb") as handle:
            return handle.read(512)
    except OSError:
        return b""


def open_input(path: Union[str, os.PathLike]) -> MeetingInput:
    """Decide whether `path` ("-" for stdin) is notes or a recording; read notes right away.

    Raises InputError for notes that cannot be read (missing, empty, too large, binary and no
    audio signature either). A recording is only classified here; `transcribe` checks it.
    """
    name = os.fspath(path)
    if name == "-":
        return _notes(name)
    file = pathlib.Path(name).expanduser()
    suffix = file.suffix.lower()
    if not file.exists() or file.is_dir():
        return MeetingInput("audio", name) if suffix in AUDIO_SUFFIXES else _notes(name)
    head = _head(file)
    if suffix in TEXT_SUFFIXES:
        try:
            return _notes(name)
        except InputError:
            if audio_signature(head):
                return MeetingInput("audio", name)
            raise
    if audio_signature(head):
        return MeetingInput("audio", name)
    if not head:  # zero bytes: let the side the suffix points to say so
        return MeetingInput("audio", name) if suffix in AUDIO_SUFFIXES else _notes(name)
    if _looks_like_text(head):
        return _notes(name)
    return MeetingInput("audio", name)


def _notes(name: str) -> MeetingInput:
    from minutes_ai.reader import read_notes

    text, encoding = read_notes(name)
    return MeetingInput("text", name, text=text, encoding=encoding)


__all__ = ["AUDIO_SUFFIXES", "MeetingInput", "TEXT_SUFFIXES", "audio_signature", "open_input"]
