"""Write files atomically: a temporary file in the same folder, then a rename.

An export interrupted half-way (Ctrl-C, a full disk) must never leave a truncated 会议纪要.md
where a good one was; neither may a half-joined model file in the cache.
"""

from __future__ import annotations

import os
import pathlib
import tempfile
from typing import BinaryIO, Callable


def _default_mode() -> int:
    """What a plain open() would give (0666 less the umask): mkstemp's 0600 would hide exports
    and shared caches from the user's other tools."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_with(path: str | os.PathLike, write: Callable[[BinaryIO], object]) -> None:
    """Create `path` by calling `write(handle)` on a temporary file, then renaming it into place."""
    target = pathlib.Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        os.chmod(tmp, _default_mode())
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        pathlib.Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike, data: str | bytes, encoding: str = "utf-8") -> None:
    payload = data.encode(encoding) if isinstance(data, str) else data
    replace_with(path, lambda handle: handle.write(payload))
