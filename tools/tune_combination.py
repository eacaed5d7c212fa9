"""Choose the combination thresholds (combine.ADD for tasks; PROGRESS_DROP, PROGRESS_ADD for
progress lines) by cross-validation on the train split
only — never on dev.

    .venv/bin/python tools/tune_combination.py [--folds 3] [--tasks-only] [--models DIR]

For each fold: train the pipeline on the other folds, then score the held-out fold with rules
alone, the model alone and every ADD; print pooled task F1 and precision per value (the fold
pipelines have no task veto, so every rule draft is kept: the veto is fitted by `minutes
train-veto`, model/veto.py), then the same for progress F1 over (PROGRESS_DROP, PROGRESS_ADD) with the
task thresholds at their defaults. Training is most of the time (about five minutes a fold):
with --models the fold pipelines are kept in DIR and reused by the next run.
"""

from __future__ import annotations

import argparse
import itertools
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=15, help="as `minutes train`")
    parser.add_argument("--models", type=pathlib.Path, help="keep the fold pipelines here and reuse them")
    parser.add_argument("--tasks-only", action="store_true", help="skip the progress grid")
    args = parser.parse_args()

    import shutil

    from minutes_ai import combine
    from minutes_ai.corpus import load_corpus
    from minutes_ai.evaluate import evaluate
    from minutes_ai.model import predict
    from minutes_ai.model.train import train
    from minutes_ai.pipeline import extract

    docs = sorted(load_corpus(ROOT / "corpus" / "train"), key=lambda d: d.id)
    grid = [0.6, 0.7, 0.8, 0.9, 1.01]
    totals = {pair: [0, 0, 0] for pair in grid}
    rules_total = [0, 0, 0]
    progress_grid = list(itertools.product([0.0, 0.05, 0.1, 0.2, 0.3], [0.5, 0.6, 0.7, 0.8, 0.9, 1.01]))
    progress_totals = {pair: [0, 0, 0] for pair in progress_grid}
    progress_rules = [0, 0, 0]
    default_add = combine.ADD
    model_total = [0, 0, 0]
    for fold in range(args.folds):
        held = [d for i, d in enumerate(docs) if i % args.folds == fold]
        rest = [d for i, d in enumerate(docs) if i % args.folds != fold]
        with tempfile.TemporaryDirectory() as tmp:
            out = (args.models or pathlib.Path(tmp)) / f"fold{fold + 1}of{args.folds}"
            if not (out / "meta.json").exists():
                corpus_dir = pathlib.Path(tmp) / "corpus"
                corpus_dir.mkdir()
                for d in rest:
                    shutil.copy(ROOT / "corpus" / "train" / f"{d.id}.yaml", corpus_dir)
                train([str(corpus_dir)], out, epochs=args.epochs, log=lambda *_: None)
            predict.pipeline_path = lambda out=out: out  # load() and classifier() cache per path
            report = evaluate(held, lambda t, d: extract(t, d, use_model="rules"))
            for i, v in enumerate((report.tasks.tp, report.tasks.fp, report.tasks.fn)):
                rules_total[i] += v
            for i, v in enumerate((report.progress.tp, report.progress.fp, report.progress.fn)):
                progress_rules[i] += v
            report = evaluate(held, lambda t, d: extract(t, d, use_model="model"))
            for i, v in enumerate((report.tasks.tp, report.tasks.fp, report.tasks.fn)):
                model_total[i] += v
            for add in grid:
                combine.ADD = add
                report = evaluate(held, lambda t, d: extract(t, d, use_model="combined"))
                for i, v in enumerate((report.tasks.tp, report.tasks.fp, report.tasks.fn)):
                    totals[add][i] += v
            combine.ADD = default_add
            for drop, add in [] if args.tasks_only else progress_grid:
                combine.PROGRESS_DROP, combine.PROGRESS_ADD = drop, add
                report = evaluate(held, lambda t, d: extract(t, d, use_model="combined"))
                for i, v in enumerate((report.progress.tp, report.progress.fp, report.progress.fn)):
                    progress_totals[(drop, add)][i] += v
        print(f"fold {fold + 1}/{args.folds} done", flush=True)

    def f1(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        return p, r, 2 * p * r / (p + r) if p + r else 0

    print("rules only: P=%.3f R=%.3f F1=%.3f" % f1(*rules_total))
    print("model only: P=%.3f R=%.3f F1=%.3f" % f1(*model_total))
    for key, counts in sorted(totals.items(), key=lambda kv: -f1(*kv[1])[2]):
        print("ADD=%.2f  P=%.3f R=%.3f F1=%.3f" % (key, *f1(*counts)))
    if args.tasks_only:
        return
    print("progress, rules only: P=%.3f R=%.3f F1=%.3f" % f1(*progress_rules))
    for pair, counts in sorted(progress_totals.items(), key=lambda kv: -f1(*kv[1])[2])[:12]:
        print("PROGRESS_DROP=%.2f PROGRESS_ADD=%.2f  P=%.3f R=%.3f F1=%.3f" % (*pair, *f1(*counts)))


if __name__ == "__main__":
    main()
