"""`minutes transcribe` and `minutes run`: a recording → transcript (→ minutes).

Thin like the other commands: the library transcribes (`minutes_ai.audio`), extracts
(`minutes_ai.pipeline`) and renders; this module parses options, shows progress in audio seconds
on stderr, and turns the three ways a long transcription ends early into something a user can act
on: a library error is one "Error: …" line and exit 1; a silent recording is an empty transcript,
a one-line warning and exit 0; Ctrl-C keeps what was transcribed so far (written atomically) and
exits 130. faster-whisper is imported by the library on first use, never by this module, so
`minutes run notes.txt` costs what `minutes extract notes.txt` does.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sys
import time
import warnings

import click

from . import main
from .options import emit, library_errors, output_options

TRANSCRIPT_FORMATS = ["txt", "srt", "vtt", "json"]
INTERRUPTED_EXIT = 130  # 128 + SIGINT, what shells report for Ctrl-C


def audio_options(func):
    """--model, --glossary, --language, --beam-size, --no-vad, --workers: how a recording is transcribed."""

    @click.option("--model", default=None, metavar="PATH|NAME", help="A faster-whisper model directory, or a size name (small, large-v3 …; downloaded if online). Default: the bundled whisper-base.")
    @click.option("--glossary", type=click.Path(dir_okay=False), default=None, help="Names and jargon, one per line: guide recognition and fix near-homophones (王蕾 → 王磊).")
    @click.option("--language", default="zh", show_default=True, help="Spoken language code; 'auto' lets Whisper detect it.")
    @click.option("--beam-size", type=click.IntRange(1, 10), default=None, help="Beam width; 1 is greedy and fastest. Default 5 (measured in docs/benchmarks-audio.md).")
    @click.option("--no-vad", is_flag=True, help="Transcribe pauses too: more text made up in silence, slower on recordings with long pauses.")
    @click.option("--workers", type=click.IntRange(1, 16), default=None, help="Parts of a long recording decoded at once, sharing the CPU threads. Default 2; 1 decodes it whole, in order.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


# -- progress --------------------------------------------------------------------------------


@contextlib.contextmanager
def _progress(name: str):
    """A progress callback in audio seconds: a rich bar on a terminal, a plain line now and then
    (every 30 s of wall time, and at the end) when stderr is a log file or a pipe."""
    began = time.monotonic()
    state = {"done": 0.0, "total": 0.0, "printed": began}
    bar = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:>7.1f} / {task.total:.1f} s"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
    task = None

    def report(done: float, total: float) -> None:
        nonlocal task
        state["done"], state["total"] = done, total
        if bar is not None:
            if task is None:
                bar.start()
                task = bar.add_task(f"transcribing {name}", total=total or None)
            bar.update(task, completed=done, total=total or None)
        elif time.monotonic() - state["printed"] >= 30:
            state["printed"] = time.monotonic()
            click.echo(f"transcribing {name}: {done:.0f} of {total:.0f} s", err=True)

    try:
        yield report
    except BaseException:
        if bar is not None and task is not None:
            bar.stop()
        raise
    if bar is not None and task is not None:
        bar.stop()
    if state["total"]:
        took = time.monotonic() - began
        click.echo(
            f"transcribed {state['total']:.1f} s of audio in {took:.1f} s (real-time factor {took / state['total']:.2f})",
            err=True,
        )


def _transcribe(recording: str, *, model, glossary, language, beam_size, no_vad, workers=None):
    """Run the library's transcribe with the CLI's options, progress and warning display."""
    import dataclasses

    from ..audio import SilentRecordingWarning, TranscribeOptions, transcribe
    from ..audio.glossary import load_glossary

    terms = load_glossary(glossary) if glossary else None
    options = TranscribeOptions()
    options = dataclasses.replace(
        options,
        beam_size=beam_size or options.beam_size,
        vad_filter=options.vad_filter and not no_vad,
        workers=workers or options.workers,
    )
    language = None if language in ("auto", "") else language
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SilentRecordingWarning)
        with _progress(click.format_filename(recording, shorten=True)) as report:
            transcript = transcribe(recording, model=model, language=language, glossary=terms, options=options, progress=report)
    for warning in caught:
        if issubclass(warning.category, SilentRecordingWarning):
            click.echo(f"Warning: {warning.message}", err=True)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    return transcript


@contextlib.contextmanager
def _interruptible(on_partial):
    """Ctrl-C: hand the partial transcript to `on_partial` (which says what it kept), exit 130."""
    from ..audio import TranscriptionInterrupted

    try:
        yield
    except TranscriptionInterrupted as stop:
        kept = on_partial(stop.transcript)
        click.echo(f"Interrupted at {stop.done:.1f} of {stop.total:.1f} s: {kept}", err=True)
        raise click.exceptions.Exit(INTERRUPTED_EXIT) from None
    except KeyboardInterrupt:
        click.echo("Interrupted before any speech was transcribed; nothing written", err=True)
        raise click.exceptions.Exit(INTERRUPTED_EXIT) from None


def _segments(n: int) -> str:
    return f"{n} segment{'s' if n != 1 else ''}"


def _keep(text: str, output: str | None) -> str:
    """Write a partial result without a "wrote …" line of its own (the interrupt message says it)."""
    if output is None:
        click.echo(text, nl=False)
        return "on standard output"
    from ..atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        return f"could not write {output} ({exc.strerror or exc})"
    return f"in {output}"


# -- minutes transcribe ------------------------------------------------------------------------


@main.command()
@click.argument("recording", type=str)
@click.option("-f", "--format", "fmt", type=click.Choice(TRANSCRIPT_FORMATS), default=None, help="txt, srt, vtt or json (the Transcript contract). Default: from the -o suffix, else txt.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, help="Write to this file (atomically) instead of standard output.")
@audio_options
@library_errors
def transcribe(recording: str, fmt: str | None, output: str | None, model, glossary, language, beam_size, no_vad, workers) -> None:
    """Transcribe RECORDING (wav, mp3, m4a, ogg, flac …) to text or subtitles, offline.

    Progress goes to stderr. Ctrl-C keeps the segments transcribed so far (exit 130); a recording
    with no speech gives an empty transcript and a warning.

    Example:

    \b
        minutes transcribe meeting.m4a -o meeting.srt
        minutes transcribe meeting.m4a --glossary names.txt --format json -o meeting.json
        minutes transcribe call.wav --beam-size 1 --no-vad > call.txt
    """
    from ..audio.formats import format_for, render_transcript

    kind = format_for(output, fmt)

    def keep(partial) -> str:
        return f"kept {_segments(len(partial.segments))} {_keep(render_transcript(partial, kind), output)}"

    with _interruptible(keep):
        transcript = _transcribe(recording, model=model, glossary=glossary, language=language, beam_size=beam_size, no_vad=no_vad, workers=workers)
    emit(render_transcript(transcript, kind), output)


# -- minutes run -------------------------------------------------------------------------------


@main.command()
@click.argument("source", type=str)
@click.option("--meeting-date", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Date relative deadlines count from (default: from the text, else today).")
@audio_options
@click.option("--save-transcript", type=click.Path(dir_okay=False, writable=True), default=None, help="Recordings: also write the transcript here (txt, srt, vtt or json by suffix).")
@output_options(["table", "md", "json", "csv"], default="table")
@click.option("--review", "then_review", is_flag=True, help="Review the extracted items at once (as `minutes review`); the minutes JSON is kept beside SOURCE.")
@click.option("--db", type=click.Path(dir_okay=False), envvar="MINUTES_AI_DB", default=None, help="With --review: save the confirmed minutes to this task store.")
@click.pass_context
@library_errors
def run(ctx: click.Context, source: str, meeting_date: dt.datetime | None, model, glossary, language, beam_size, no_vad, workers, save_transcript, fmt, output, then_review: bool, db: str | None) -> None:
    """Minutes from SOURCE, a recording or notes: transcribe it if it is audio, then extract
    decisions, tasks and open questions. Task sources carry times in the recording.

    Notes (.txt, .md, or any text) go straight to extraction, as with `minutes extract`.

    Example:

    \b
        minutes run meeting.m4a --meeting-date 2026-12-01 --glossary names.txt
        minutes run meeting.m4a --format md -o 会议纪要.md --save-transcript meeting.srt
        minutes run notes.txt --format json
        minutes run notes.txt --review --db team.db
    """
    from ..audio.sniff import open_input
    from ..pipeline import extract as run_extract

    date = meeting_date.date() if meeting_date else None
    given = open_input(source)
    if not given.is_audio:
        if glossary:
            click.echo(f"Note: {source} is text, not a recording; --glossary applies to recordings only", err=True)
        minutes = run_extract(given.text, date, source_path=None if source == "-" else source, encoding=given.encoding)
        _deliver(ctx, minutes, source, fmt, output, then_review, db)
        return

    from ..audio.formats import format_for, render_transcript

    def render_saved(transcript) -> str:
        return render_transcript(transcript, format_for(save_transcript, None))

    def keep(partial) -> str:
        if not save_transcript:
            return "no minutes written (--save-transcript FILE keeps the transcript so far)"
        return f"kept {_segments(len(partial.segments))} {_keep(render_saved(partial), save_transcript)}; no minutes written"

    with _interruptible(keep):
        transcript = _transcribe(source, model=model, glossary=glossary, language=language, beam_size=beam_size, no_vad=no_vad, workers=workers)
    if save_transcript:
        emit(render_saved(transcript), save_transcript)
    minutes = run_extract(transcript, date, source_path=source)
    _deliver(ctx, minutes, source, fmt, output, then_review, db)


def _deliver(ctx: click.Context, minutes, source: str, fmt: str, output: str | None, then_review: bool, db: str | None) -> None:
    """Render the minutes; with --review, first write them as JSON and review them in place."""
    from ..render import render

    if not then_review:
        emit(render(minutes, fmt), output)
        return
    if source == "-":
        raise click.ClickException("--review needs a file: standard input carries the review answers")
    import pathlib

    from ..atomic import write_atomic
    from ..models import Minutes
    from ..review import progress_path
    from .review import review

    reviewed = pathlib.Path(output) if output and fmt == "json" else pathlib.Path(source).with_suffix(".minutes.json")
    if not (reviewed.exists() and progress_path(reviewed).exists()):  # a review under way resumes
        write_atomic(reviewed, minutes.model_dump_json(indent=2))
    ctx.invoke(review, minutes_file=str(reviewed), accept_all=False, output=None, db=db, restart=False)
    if output and fmt != "json":
        emit(render(Minutes.model_validate_json(reviewed.read_text(encoding="utf-8")), fmt), output)
