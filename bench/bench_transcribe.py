"""Transcription speed (real-time factor) and accuracy (CER) of our settings against plain
faster-whisper, on this machine, side by side in one process with one loaded model.

    .venv/bin/python bench/bench_transcribe.py [--repeat 3] [--only sample|long] [--markdown results.md]

Files:
* sample — samples/audio/meeting.ogg (65 s synthetic meeting), reference samples/audio/meeting.txt;
* long — the external clips /work/shared/external/audio/*/*.wav and the sample, joined with 1 s of
  silence between them, written to /tmp at bench time (skipped when /work/shared is not there);
* meeting7 — bench/audio/long-meeting.ogg, a 7-minute synthetic five-speaker meeting made by
  tools/make_sample_audio.py --script bench/audio/long-meeting.script.txt, reference
  bench/audio/long-meeting.txt: long enough that the parallel parts and their cut matter.

Settings (all Whisper base, int8, 2 CPU threads in total, language zh):
* ours (default) — `minutes_ai.audio.transcribe` with `TranscribeOptions()`: decode checks, VAD,
  hallucination filter, simplification, two parts decoded in parallel (audio/parallel.py);
* ours sequential — the same with workers=1 (one decoder with 2 threads; the default until the
  parallel parts);
* plain faster-whisper — `WhisperModel.transcribe(path, language="zh")`: beam 5, no VAD;
* ours sequential with beam 1/2/5 × VAD on/off (not on meeting7, to keep the run short);
* faster_whisper.BatchedInferencePipeline, batch_size 4 and 8 (its defaults: VAD on, beam 5);
* glossary — ours with the meeting glossary (participants, departments, 待定), on the sample.

Real-time factor = wall time to decode and transcribe the file / its duration (lower is faster;
0.1 = an hour in 6 minutes), the best of --repeat runs: on a shared 2-core machine single runs
vary by ±30 %. CER is computed by `minutes_ai.audio.accuracy` (繁→简, numerals as
Chinese, punctuation and spaces removed).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pathlib
import platform
import sys
import time
from typing import Callable, Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "samples" / "audio" / "meeting.ogg"
SAMPLE_REF = ROOT / "samples" / "audio" / "meeting.txt"
EXTERNAL = pathlib.Path("/work/shared/external/audio")
LONG = pathlib.Path("/tmp/minutes-ai-bench-long.wav")
MEETING7 = ROOT / "bench" / "audio" / "long-meeting.ogg"
MEETING7_REF = ROOT / "bench" / "audio" / "long-meeting.txt"
GLOSSARY = ["张伟", "王磊", "李娜", "产品部", "研发部", "测试部", "待定"]
RATE = 16000


@dataclasses.dataclass
class Result:
    file: str
    setting: str
    seconds: float
    cpu_seconds: float
    duration: float
    cer: float
    text: str

    @property
    def rtf(self) -> float:
        return self.seconds / self.duration


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}), {model}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def _write_wav(path: pathlib.Path, samples) -> None:
    import wave

    import numpy as np

    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())


def long_file() -> Optional[tuple[pathlib.Path, str]]:
    """External clips + the sample, 1 s of silence between; None when /work/shared is absent."""
    clips = sorted(EXTERNAL.glob("*/*.wav")) if EXTERNAL.is_dir() else []
    if not clips:
        return None
    import numpy as np
    from faster_whisper.audio import decode_audio

    gap = np.zeros(RATE, dtype=np.float32)
    parts, refs = [], []
    for clip in [*clips, SAMPLE]:
        reference = clip.with_suffix(".txt")
        if not reference.exists():
            continue
        parts += [decode_audio(str(clip), sampling_rate=RATE), gap]
        refs.append(reference.read_text(encoding="utf-8").strip())
    _write_wav(LONG, np.concatenate(parts))
    return LONG, "\n".join(refs)


def timed(func: Callable[[], str], repeat: int) -> tuple[float, float, str]:
    """Best wall time and best CPU time (all threads of this process) of `repeat` runs, and the
    text (the same every run: decoding is deterministic). CPU time barely moves when another
    program competes for the cores; wall time does, so both are reported."""
    best, best_cpu, text = float("inf"), float("inf"), ""
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        text = func()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, text


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="Runs per setting; the best time counts.")
    parser.add_argument("--only", choices=["sample", "long", "meeting7"], default=None, help="Run one file only.")
    parser.add_argument("--markdown", default=None, help="Also write the result table (Markdown) to this file.")
    args = parser.parse_args()

    import faster_whisper

    from minutes_ai.audio import TranscribeOptions, resolve_model, transcribe
    from minutes_ai.audio.accuracy import character_error_rate
    from minutes_ai.audio.decode import decode
    from minutes_ai.audio.model import load_model
    from minutes_ai.text.normalize import to_simplified

    defaults = TranscribeOptions()
    resolved = resolve_model(None)
    model = load_model(resolved, compute_type=defaults.compute_type, cpu_threads=defaults.cpu_threads)
    batched = faster_whisper.BatchedInferencePipeline(model)

    def ours(path: pathlib.Path, **changes) -> Callable[[], str]:
        glossary = changes.pop("glossary", None)
        options = dataclasses.replace(defaults, **changes)
        return lambda: transcribe(path, options=options, glossary=glossary).text

    def plain(path: pathlib.Path) -> Callable[[], str]:
        def run() -> str:
            segments, _ = model.transcribe(str(path), language="zh")  # beam 5, no VAD: the library defaults
            return "\n".join(s.text for s in segments)

        return run

    def in_batches(path: pathlib.Path, batch_size: int) -> Callable[[], str]:
        def run() -> str:
            segments, _ = batched.transcribe(str(path), language="zh", batch_size=batch_size)
            return "\n".join(to_simplified(s.text) for s in segments)

        return run

    files: list[tuple[str, pathlib.Path, str]] = []
    if args.only in (None, "sample"):
        files.append(("sample", SAMPLE, SAMPLE_REF.read_text(encoding="utf-8")))
    if args.only in (None, "long"):
        made = long_file()
        if made is None:
            print(f"skipping the long file: {EXTERNAL} not found", file=sys.stderr)
        else:
            files.append(("long", *made))
    if args.only in (None, "meeting7"):
        files.append(("meeting7", MEETING7, MEETING7_REF.read_text(encoding="utf-8")))

    ours(SAMPLE)()  # warm-up: model weights, VAD model, OpenCC, page cache
    load_before = load()

    results: list[Result] = []
    for name, path, reference in files:
        duration = decode(path).duration
        vad = "on" if defaults.vad_filter else "off"
        settings: list[tuple[str, Callable[[], str]]] = [
            (f"ours (default: beam {defaults.beam_size}, VAD {vad}, {defaults.workers} parallel parts)", ours(path)),
            (f"ours sequential (beam {defaults.beam_size}, VAD {vad}, workers 1)", ours(path, workers=1)),
            ("plain faster-whisper (beam 5, no VAD)", plain(path)),
        ]
        grid = [(1, False)] if name == "meeting7" else [(b, v) for v in (True, False) for b in (1, 2, 5)]
        for beam, on in grid:
            if (beam, on) != (defaults.beam_size, defaults.vad_filter):
                settings.append((f"ours sequential beam {beam}, VAD {'on' if on else 'off'}", ours(path, beam_size=beam, vad_filter=on, workers=1)))
        settings += [(f"batched, batch_size {n} (beam 5, VAD on)", in_batches(path, n)) for n in ((8,) if name == "meeting7" else (4, 8))]
        if name == "sample":
            settings.append(("ours default + glossary (prompt)", ours(path, glossary=GLOSSARY)))
            settings.append(("ours default + glossary (prompt + hotwords)", ours(path, glossary=GLOSSARY, glossary_hotwords=True)))
        for setting, run in settings:
            seconds, cpu, text = timed(run, args.repeat)
            result = Result(name, setting, seconds, cpu, duration, character_error_rate(reference, text), text)
            results.append(result)
            print(f"{name:7} {setting:46} {seconds:7.2f} s  RTF {result.rtf:5.3f}  CPU {cpu:6.2f} s  CER {result.cer:5.3f}  load {load()}", flush=True)

    lines = [
        f"machine: {machine()}",
        f"faster-whisper {faster_whisper.__version__}, model {resolved.label}, int8, {defaults.cpu_threads} threads in total, best of {args.repeat}",
        f"command: .venv/bin/python bench/bench_transcribe.py {' '.join(sys.argv[1:])}".rstrip(),
        "",
        f"load average (1, 5, 15 min) before: {load_before}, after: {load()}",
        "",
        "| file | duration | setting | wall s | RTF | CPU s | CER |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [f"| {r.file} | {r.duration:.1f} s | {r.setting} | {r.seconds:.2f} | {r.rtf:.3f} | {r.cpu_seconds:.1f} | {r.cer:.3f} |" for r in results]
    table = "\n".join(lines)
    print()
    print(table)
    if args.markdown:
        pathlib.Path(args.markdown).write_text(table + "\n", encoding="utf-8")
    print("\ntranscripts:")
    for r in results:
        print(f"--- {r.file} / {r.setting}\n{r.text}")


if __name__ == "__main__":
    main()
