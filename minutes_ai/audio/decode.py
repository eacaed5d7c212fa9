"""Read a recording into 16 kHz mono samples, refusing bad input with a one-line AudioError.

faster-whisper decodes through PyAV (FFmpeg). Left to itself it fails in ways a user cannot act
on: an `av.error.InvalidDataError` with an FFmpeg errno for a text file or an empty file, an
`IndexError` for a picture (no audio stream), and — worse — *no error at all* for a truncated WAV:
FFmpeg quietly decodes the part that is there, and the minutes would miss the end of the meeting
without anyone noticing. So the file is checked and decoded here, before the model is loaded
(a bad file is reported in milliseconds, not after a second of model loading), and every
failure becomes an AudioError naming the file and what is wrong with it.

Truncation is detected where the file itself says how long it should be: the RIFF header of a
WAV (FFmpeg clamps the declared size to the file size, so we read the header ourselves) and the
stream duration of FLAC and MP4/M4A, whose headers count samples exactly. MP3 and Ogg headers
only estimate durations, so those are trusted as decoded.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import pathlib
import struct
from typing import Optional, Union

from .errors import AudioError

SAMPLE_RATE = 16000
#: Container formats (FFmpeg names) whose stream duration comes from exact sample counts.
_EXACT_DURATION_FORMATS = ("flac", "mov", "mp4", "m4a")
#: Decoded audio may fall short of the declared length by this much before we call it truncated.
_TRUNCATION_TOLERANCE_S = 0.5


@dataclasses.dataclass
class DecodedAudio:
    """Samples (float32, mono, 16 kHz) and what the container said about them."""

    samples: "object"  # numpy.ndarray; typed loosely so importing this module needs no NumPy
    sample_rate: int
    format: str

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


@functools.lru_cache(maxsize=1)
def _av():
    """PyAV (FFmpeg inside its wheel), which faster-whisper depends on; imported on first use."""
    from .model import _faster_whisper

    _faster_whisper()  # a one-line ModelError saying what to install, if it is missing
    import av

    return av


def check_file(path: Union[str, os.PathLike]) -> pathlib.Path:
    """Fail early, in plain words, on a path that cannot be a recording."""
    file = pathlib.Path(path).expanduser()
    if not file.exists():
        raise AudioError(f"audio file not found: {file}")
    if file.is_dir():
        raise AudioError(f"expected an audio file, got a directory: {file}")
    try:
        size = file.stat().st_size
        with open(file, "rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise AudioError(f"cannot read audio file {file}: {exc.strerror or exc}") from None
    if size == 0:
        raise AudioError(f"audio file is empty (0 bytes): {file}")
    if _looks_like_text(head):
        raise AudioError(
            f"{file} is a text file, not a recording: pass notes and transcripts to "
            f"`minutes extract`, audio (wav, mp3, m4a, …) to transcription"
        )
    return file


def _looks_like_text(head: bytes) -> bool:
    """True for UTF-8/UTF-16/GBK text; audio headers (RIFF, ID3, fLaC, ftyp…) contain NULs or binary."""
    if not head:
        return False
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True  # a byte-order mark: text saved by Notepad
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start >= len(head) - 3:
                return True  # a multi-byte character cut by the 512-byte read
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        return printable >= 0.95 * len(text)
    return False


def wav_truncation(path: Union[str, os.PathLike]) -> Optional[tuple[int, int]]:
    """For a WAV whose data chunk is cut short, (declared bytes, present bytes); else None.

    Reads only the RIFF chunk headers. Streaming writers put 0 or 0xFFFFFFFF in the size field
    when they cannot know it; those files are not called truncated.
    """
    with open(path, "rb") as handle:
        riff = handle.read(12)
        if len(riff) < 12 or riff[:4] != b"RIFF" or riff[8:12] != b"WAVE":
            return None
        file_size = os.fstat(handle.fileno()).st_size
        offset = 12
        while offset + 8 <= file_size:
            handle.seek(offset)
            chunk_id, chunk_size = struct.unpack("<4sI", handle.read(8))
            if chunk_id == b"data":
                present = file_size - offset - 8
                if chunk_size in (0, 0xFFFFFFFF) or chunk_size <= present:
                    return None
                return chunk_size, present
            offset += 8 + chunk_size + (chunk_size & 1)
    return None


def decode(path: Union[str, os.PathLike]) -> DecodedAudio:
    """Decode `path` to 16 kHz mono float32, or raise AudioError saying why it cannot be."""
    file = check_file(path)
    av = _av()
    try:
        with av.open(str(file), mode="r", metadata_errors="ignore") as container:
            fmt = container.format.name
            streams = container.streams.audio
            if not streams:
                raise AudioError(f"{file} has no audio track (format: {fmt})")
            stream = streams[0]
            declared = float(stream.duration * stream.time_base) if stream.duration and stream.time_base else None
        from faster_whisper.audio import decode_audio

        samples = decode_audio(str(file), sampling_rate=SAMPLE_RATE)
    except AudioError:
        raise
    except (av.error.FFmpegError, IndexError, ValueError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise AudioError(f"{file} is not a readable recording (corrupt or unsupported: {reason})") from None
    except MemoryError:
        raise AudioError(f"{file} is too long to decode in memory; split the recording") from None

    decoded = DecodedAudio(samples=samples, sample_rate=SAMPLE_RATE, format=fmt)
    truncated = wav_truncation(file) if fmt == "wav" else None
    if truncated:
        declared_bytes, present_bytes = truncated
        raise AudioError(
            f"{file} is truncated: its header promises {declared_bytes:,} bytes of audio but only "
            f"{present_bytes:,} are there ({decoded.duration:.1f} s); an incomplete copy or download?"
        )
    if (
        declared is not None
        and any(name in _EXACT_DURATION_FORMATS for name in fmt.split(","))
        and declared - decoded.duration > max(_TRUNCATION_TOLERANCE_S, 0.05 * declared)
    ):
        raise AudioError(
            f"{file} is truncated or damaged: its header says {declared:.1f} s but only "
            f"{decoded.duration:.1f} s could be decoded"
        )
    if len(samples) == 0:
        raise AudioError(f"{file} contains no audio samples (a header without sound)")
    return decoded
