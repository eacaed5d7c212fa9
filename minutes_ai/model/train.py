"""Train the sentence classifier and span tagger on the annotated corpus, reproducibly.

    minutes train corpus/train            # or: make model

Same corpus + same seed → the same weights (spaCy's `fix_random_seed`, a fixed example order).
The dev split is never passed here: `minutes eval corpus/dev --ablation` measures the result on
text the model has not seen.
"""

from __future__ import annotations

import pathlib
import random

from . import LABELS, SPAN_LABELS
from .bow import write_symbols
from .veto import DOCUMENTS_FILE

SEED = 20261127


def build_pipeline(spans: bool = True):
    """spacy.blank("zh") with the project tokenizer, a multi-label sentence classifier (bag of
    words and bigrams: small, fast, and enough for cue-word evidence) and a span categoriser
    (left out when `spans` is false: the fold classifiers of `crossfit` need no spans)."""
    import spacy

    from . import tokenizer  # noqa: F401 - registers minutes_ai.jieba_tokenizer.v1

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "minutes_ai.jieba_tokenizer.v1"}}})
    nlp.add_pipe(
        "textcat_multilabel",
        config={"model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2, "no_output_layer": False, "length": 262144}},
    )
    for label in LABELS:
        nlp.get_pipe("textcat_multilabel").add_label(label)
    if not spans:
        return nlp
    nlp.add_pipe(
        "spancat",
        config={
            "spans_key": "sc",
            "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": [1, 2, 3, 4, 5, 6]},
            "model": {
                "@architectures": "spacy.SpanCategorizer.v1",
                "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 64},
                "scorer": {"@layers": "spacy.LinearLogistic.v1"},
                "tok2vec": {
                    "@architectures": "spacy.HashEmbedCNN.v2",
                    "pretrained_vectors": None,
                    "width": 64,
                    "depth": 2,
                    "embed_size": 4000,
                    "window_size": 1,
                    "maxout_pieces": 3,
                    "subword_features": True,
                },
            },
        },
    )
    for label in SPAN_LABELS:
        nlp.get_pipe("spancat").add_label(label)
    return nlp


def train(corpus_paths: list[str], output: pathlib.Path, *, epochs: int = 15, seed: int = SEED, only: frozenset[str] | None = None, spans: bool = True, log=print) -> dict:
    """Train on the documents under `corpus_paths` (those whose ids are in `only`, when given);
    write the pipeline to `output` (the classifier alone when `spans` is false)."""
    import spacy
    from spacy.training import Example as SpacyExample
    from spacy.util import minibatch

    from ..corpus import load_corpus
    from .data import examples

    spacy.util.fix_random_seed(seed)
    documents = [doc for path in corpus_paths for doc in load_corpus(path) if only is None or doc.id in only]
    if any(doc.id.startswith("dev-") for doc in documents):
        raise ValueError("refusing to train on the dev split (documents with ids dev-*)")
    nlp = build_pipeline(spans)
    data = []
    for doc in sorted(documents, key=lambda d: d.id):
        for ex in examples(doc):
            predicted = nlp.make_doc(ex.text)
            found = [predicted.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in ex.spans]
            gold = {"cats": ex.cats, "spans": {"sc": [(sp.start_char, sp.end_char, sp.label_) for sp in found if sp is not None]}}
            data.append(SpacyExample.from_dict(predicted, gold))
    rng = random.Random(seed)
    optimizer = nlp.initialize(lambda: data)
    losses: dict[str, float] = {}
    for epoch in range(epochs):
        rng.shuffle(data)
        losses = {}
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        log(f"epoch {epoch + 1:2d}  " + "  ".join(f"{k} {v:.2f}" for k, v in sorted(losses.items())))
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    write_symbols(output)
    # the linear models must not read these documents with this classifier (model/veto.py)
    (output / DOCUMENTS_FILE).write_text("".join(f"{doc.id}\n" for doc in sorted(documents, key=lambda d: d.id)), encoding="utf-8")
    return {"documents": len(documents), "sentences": len(data), "epochs": epochs, "seed": seed, "losses": losses}
