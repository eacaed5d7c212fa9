"""A logistic regression over named features, fitted and applied with numpy alone.

Why a second, tiny model: the rules already know a great deal about a candidate task that the
sentence classifier does not see — which layout vouched for it (a table row, a "负责人：" field, a
dated "我…"), whether its owner was named in the sentence or came from the speaker label, what
kind of deadline it has, which cue words fired — and until stop 17 these facts were weighed by
hand-set thresholds (`combine`'s DROP / VOUCHED_DROP / UNVETOED). A logistic regression learns
those weights from the annotated corpus instead, and stays readable: `weights` is a dict from
feature name to weight, saved as JSON beside the pipeline.

Fitting is Newton's method on the L2-penalised log loss (the bias is not penalised): no
randomness, so the same rows give the same weights on every machine.
"""

from __future__ import annotations

import json
import math
import pathlib
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from ..atomic import write_atomic


@dataclass(frozen=True)
class LinearModel:
    """P(label) = sigmoid(bias + Σ weights[name] · value); `threshold` is the probability at or above
    which the item is kept (chosen by cross-validation when fitted, see `model.veto`)."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    about: dict = field(default_factory=dict)  # how it was trained: documents, rows, l2, scores

    def probability(self, features: Mapping[str, float]) -> float:
        score = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, score))))

    def keeps(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """`probability` of every row at once (cross-validation scores thousands)."""
        names = sorted(self.weights)
        score = matrix(rows, names) @ np.array([self.weights[n] for n in names]) + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(score, -60.0, 60.0)))

    def save(self, path: str | pathlib.Path) -> None:
        data = {"bias": self.bias, "threshold": self.threshold, "about": self.about, "weights": dict(sorted(self.weights.items()))}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def load(cls, path: str | pathlib.Path) -> "LinearModel":
        data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]), data.get("about", {}))


def matrix(rows: Sequence[Mapping[str, float]], names: Sequence[str]) -> np.ndarray:
    """The rows as a dense (len(rows), len(names)) array; features not in `names` are dropped."""
    index = {name: i for i, name in enumerate(names)}
    out = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            if name in index:
                out[r, index[name]] = value
    return out


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[float], l2: float, *, iterations: int = 100) -> LinearModel:
    """Minimise Σ log loss + l2/2 · |w|² by Newton steps; features never seen non-zero get no weight."""
    names = sorted({name for row in rows for name, value in row.items() if value})
    x = np.hstack([matrix(rows, names), np.ones((len(rows), 1))])
    y = np.asarray(labels, dtype=float)
    penalty = np.diag([l2] * len(names) + [0.0])
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -60, 60)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    weights = {name: round(float(v), 6) for name, v in zip(names, w[:-1]) if abs(v) >= 1e-6}
    return LinearModel(weights, round(float(w[-1]), 6))
