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
def train(corpus: tuple[str, ...], output: str | None, epochs: int, seed: int | None) -> None:
    """Train the sentence classifier and span tagger on CORPUS (default: corpus/train).

    The dev split is refused: it is what `minutes eval corpus/dev --ablation` measures on.

    \b
    Example:
        minutes train corpus/train
        minutes train corpus/train -o /tmp/pipeline --epochs 5
    """
    from ..corpus import CorpusError
    from ..model.predict import pipeline_path
    from ..model.train import SEED
    from ..model.train import train as run

    paths = list(corpus) or ["corpus/train"]
    target = pathlib.Path(output) if output else pipeline_path()
    try:
        summary = run(paths, target, epochs=epochs, seed=SEED if seed is None else seed, log=lambda line: click.echo(line, err=True))
    except (CorpusError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"trained on {summary['documents']} documents ({summary['sentences']} sentences), {epochs} epochs, seed {summary['seed']} → {target}")
