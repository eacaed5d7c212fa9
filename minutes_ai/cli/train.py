"""`minutes train`: rebuild the shipped model from the annotated corpus."""

from __future__ import annotations

import pathlib

import click

from . import main


@main.command()
@click.argument("corpus", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), default=None, help="Where to write the pipeline (default: inside the package, replacing the shipped one).")
@click.option("--epochs", type=int, default=15, show_default=True)
@click.option("--seed", type=int, default=None, help="Random seed (default: the project's fixed seed).")
@click.option("--only", "only_file", type=click.Path(dir_okay=False, exists=True), default=None, help="Train only on the document ids listed in this file (one per line), e.g. the shipped pipeline's documents.txt.")
def train(corpus: tuple[str, ...], output: str | None, epochs: int, seed: int | None, only_file: str | None) -> None:
    """Train the sentence classifier and span tagger on CORPUS (default: corpus/train).

    The dev split is refused: it is what `minutes eval corpus/dev --ablation` measures on. The
    ids trained on are written to documents.txt in the pipeline. Then run `minutes cross-fit`
    and `minutes train-veto` (`make model` runs all three, reproducing the shipped pipeline).

    \b
    Example:
        minutes train corpus/train
        minutes train corpus/train -o /tmp/pipeline --epochs 5
    """
    from ..corpus import CorpusError
    from ..model.predict import pipeline_path
    from ..model.train import SEED
    from ..model.train import train as run
    from ..model.veto import document_ids

    paths = list(corpus) or ["corpus/train"]
    target = pathlib.Path(output) if output else pipeline_path()
    only = document_ids(pathlib.Path(only_file)) if only_file else None
    try:
        summary = run(paths, target, epochs=epochs, seed=SEED if seed is None else seed, only=only, log=lambda line: click.echo(line, err=True))
    except (CorpusError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"trained on {summary['documents']} documents ({summary['sentences']} sentences), {epochs} epochs, seed {summary['seed']} → {target}")


@main.command("cross-fit")
@click.argument("corpus", nargs=-1, type=click.Path(exists=True))
@click.option("--pipeline", "folder", type=click.Path(file_okay=False, exists=True), default=None, help="The pipeline to save the table in (default: the shipped one).")
@click.option("--folds", type=int, default=None, help="How many folds (default: 3).")
@click.option("--epochs", type=int, default=15, show_default=True)
@click.option("-j", "--jobs", type=int, default=None, help="Folds trained at once (default: one per CPU core).")
def cross_fit(corpus: tuple[str, ...], folder: str | None, folds: int | None, epochs: int, jobs: int | None) -> None:
    """Score every CORPUS document (default: corpus/train) with a classifier trained on the
    other folds, and keep those probabilities in the pipeline: `minutes train-veto` fits the task
    veto and the decision model on them (model/crossfit.py says why). About half an hour on two
    cores.

    \b
    Example:
        minutes cross-fit corpus/train
    """
    import os

    from ..corpus import CorpusError
    from ..model import crossfit
    from ..model.predict import pipeline_path

    target = pathlib.Path(folder) if folder else pipeline_path()
    try:
        about = crossfit.cross_fit(
            list(corpus) or ["corpus/train"], target, folds=folds or crossfit.FOLDS, epochs=epochs, jobs=jobs or os.cpu_count() or 1, log=lambda line: click.echo(line, err=True)
        )
    except (CorpusError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"out-of-fold probabilities: {about['documents']} documents, {about['sentences']} sentences, {about['folds']} folds → {target / crossfit.OUT_OF_FOLD_FILE}")


@main.command("train-veto")
@click.argument("corpus", nargs=-1, type=click.Path(exists=True))
@click.option("--pipeline", "folder", type=click.Path(file_okay=False, exists=True), default=None, help="The pipeline whose classifier the models weigh (default: the shipped one); they are saved in it.")
def train_veto(corpus: tuple[str, ...], folder: str | None) -> None:
    """Fit the task veto (which rule drafts are real tasks) and the decision model (which
    sentences are decisions) on the CORPUS documents (default: corpus/train), read with
    probabilities from a classifier that did not see them (`minutes cross-fit`). Run it after
    every `minutes train`: both weigh that classifier's probabilities, and a pipeline whose
    classifier changed uses neither.

    \b
    Example:
        minutes train-veto corpus/train
    """
    from ..corpus import CorpusError
    from ..model.predict import pipeline_path
    from ..model.veto import train_veto as run

    target = pathlib.Path(folder) if folder else pipeline_path()
    try:
        summary = run(list(corpus) or ["corpus/train"], target, log=lambda line: click.echo(line, err=True))
    except (CorpusError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    for name, about in summary.items():
        click.echo(f"{name.replace('_', ' ')}: {about['documents']} documents, {about['rows']} rows, l2 {about['l2']}, threshold {about['threshold']} → {target}")
