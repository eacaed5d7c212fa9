"""Read meeting notes from a file or stdin, whatever encoding a Chinese laptop saved them in.

Notepad on Chinese Windows saves GBK by default; WeChat exports are UTF-8 with or without BOM;
some tools write UTF-16. We try the encodings that are common here in order (UTF-8 with BOM
stripped, UTF-16 by BOM, GB18030 — a superset of GBK and GB2312), then charset-normalizer's
guess; a file that decodes as none of them, or holds NUL bytes, is not text and is refused.
"""

from __future__ import annotations

import pathlib
import sys

from .errors import InputError

MAX_BYTES = 5 * 1024 * 1024  # ~2.5 million Chinese characters: far beyond a day of meetings


def read_notes(path: str) -> tuple[str, str]:
    """Return (text, encoding) of the notes at `path` ("-" for stdin)."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "standard input"
    else:
        file = pathlib.Path(path)
        if not file.exists():
            raise InputError(f"file not found: {path}")
        if file.is_dir():
            raise InputError(f"is a directory, not a notes file: {path}")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file too large: {path} is {size / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB of text")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from exc
        name = path
    if len(data) > MAX_BYTES:
        raise InputError(f"input too large: {name} is over {MAX_BYTES // 1048576} MB")
    text, encoding = decode(data, name)
    if not text.strip():
        raise InputError(f"empty input: {name} has no text")
    return text, encoding


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        raise InputError(f"not a text file: {name} looks binary")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "gbk" if encoding == "gb18030" and _is_gbk(data) else encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        return str(best), best.encoding
    raise InputError(f"not a text file: {name} is in no known text encoding")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not a text file: {name} is not valid {encoding}") from exc


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return control / len(text) < 0.01


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gbk")
        return True
    except UnicodeDecodeError:
        return False
