"""`minutes eval`: score the extractors on an annotated corpus."""

from __future__ import annotations

import json

import click

from . import main


@main.command(name="eval")
@click.argument("corpus", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List every miss (for development, on the train split only).")
@click.option("--ablation", is_flag=True, help="Score rules only, model only and combined side by side.")
@click.option("--mode", type=click.Choice(["auto", "rules", "model", "combined"]), default="auto", show_default=True, help="Which half extracts.")
def evaluate(corpus: tuple[str, ...], as_json: bool, show_errors: bool, ablation: bool, mode: str) -> None:
    """Precision/recall/F1 for tasks, decisions and open questions; accuracy for owner,
    deadline and criteria — on CORPUS (YAML files, JSONL files or directories; see docs/corpus.md).

    \b
    Example:
        minutes eval corpus/dev
        minutes eval held-out.jsonl --json
    """
    from ..corpus import CorpusError, load_corpus
    from ..evaluate import evaluate as run

    try:
        documents = [doc for path in corpus for doc in load_corpus(path)]
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from exc
    if ablation:
        _ablation(documents, as_json)
        return
    report = run(documents, _extractor(mode))
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    if show_errors:
        for miss in report.misses:
            click.echo(f"{miss.doc}\t{miss.kind}\t{miss.gold}\t{miss.predicted}")
    scores = report.as_dict()
    click.echo(f"documents: {scores['documents']}   gold tasks: {report.tasks.tp + report.tasks.fn}")
    click.echo(f"{'':16}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name in ("tasks", "decisions", "open_questions", "progress"):
        s = scores[name]
        click.echo(f"{name:16}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['f1']:>10.3f}")
    click.echo(f"{'':16}{'accuracy':>10}{'correct':>10}{'of':>10}")
    for name in ("owner", "deadline", "criteria"):
        s = scores[name]
        click.echo(f"{name:16}{s['accuracy']:>10.3f}{s['correct']:>10}{s['total']:>10}")


def _extractor(mode: str):
    from ..pipeline import extract

    return lambda text, date: extract(text, date, use_model=mode)


def _ablation(documents, as_json: bool) -> None:
    from ..evaluate import evaluate as run

    rows = {mode: run(documents, _extractor(mode)).as_dict() for mode in ("rules", "model", "combined")}
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"documents: {rows['rules']['documents']}")
    click.echo(f"{'':22}{'rules':>10}{'model':>10}{'combined':>10}")
    for metric in ("tasks", "decisions", "open_questions", "progress"):
        for part in ("precision", "recall", "f1"):
            click.echo(f"{metric + ' ' + part:22}" + "".join(f"{rows[m][metric][part]:>10.3f}" for m in rows))
    for metric in ("owner", "deadline", "criteria"):
        click.echo(f"{metric + ' accuracy':22}" + "".join(f"{rows[m][metric]['accuracy']:>10.3f}" for m in rows))
