"""Extraction speed: warm extraction of a 30,000-character transcript against bare jieba
segmentation of the same text (the floor), and a cold `minutes extract` CLI run on a one-page note.

    .venv/bin/python bench/bench_extract.py [--repeat 5] [--json]

Both sides run in this one process, side by side, on the same text; the ratio is what to compare
across machines, not the seconds. The transcript is the dev split of the annotated corpus (nine
styles, written by separate authors and never edited after), repeated until it reaches 30,000
characters: unlike the train split it does not grow, so stops compare on the same text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def transcript(chars: int = 30_000) -> str:
    import yaml

    texts = [yaml.safe_load(p.read_text(encoding="utf-8"))["text"] for p in sorted((ROOT / "corpus" / "dev").glob("*.yaml"))]
    out, i = [], 0
    while sum(map(len, out)) < chars:
        out.append(texts[i % len(texts)])
        i += 1
    return "\n".join(out)[:chars]


def best_of(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import jieba

    from minutes_ai import extract
    from minutes_ai.text.segment import tokenizer

    text = transcript()
    meeting = dt.date(2026, 11, 24)
    jieba.setLogLevel(60)
    jieba.initialize()
    tokenizer()
    extract(text[:2000], meeting)  # load rules and caches: "warm" means everything is loaded once
    floor = best_of(lambda: jieba.lcut(text), args.repeat)
    from minutes_ai.text.segment import _segment

    from minutes_ai.extract.cues import _unspaced, has
    from minutes_ai.extract.merge import _same_names, bigrams
    from minutes_ai.model.bow import string_hash
    from minutes_ai.text.names import _may_start_mention, _mentions

    per_text_caches = (_segment, has, _unspaced, bigrams, _same_names, string_hash, _may_start_mention, _mentions)

    def extract_fresh():
        # each run segments and reads its sentences itself: caches keyed by the text's words and
        # sentences are emptied, so the last run cannot help (rule data stays loaded: "warm")
        for cached in per_text_caches:
            cached.cache_clear()
        extract(text, meeting)

    warm = best_of(extract_fresh, args.repeat)

    note = ROOT / "samples" / "项目协调会纪要.txt"
    exe = ROOT / ".venv" / "bin" / "minutes"
    command = [str(exe), "extract", str(note), "--format", "json"] if exe.exists() else [sys.executable, "-m", "minutes_ai.cli", "extract", str(note), "--format", "json"]
    cold = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        cold.append(time.perf_counter() - start)

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "chars": len(text),
        "jieba_lcut_s": round(floor, 4),
        "extract_warm_s": round(warm, 4),
        "ratio_extract_to_jieba": round(warm / floor, 2),
        "cli_cold_median_s": round(statistics.median(cold), 3),
        "cli_cold_min_s": round(min(cold), 3),
        "note_chars": len(note.read_text(encoding="utf-8")),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"machine: {result['machine']}")
    print(f"text: {result['chars']} characters of meeting records (corpus/dev, repeated)")
    print(f"jieba.lcut (floor):       {floor * 1000:8.1f} ms")
    print(f"minutes_ai.extract, warm: {warm * 1000:8.1f} ms   = {warm / floor:.2f} × floor")
    print(f"minutes extract (cold CLI, {result['note_chars']}-char note): median {result['cli_cold_median_s']:.2f} s, best {result['cli_cold_min_s']:.2f} s")


if __name__ == "__main__":
    main()
