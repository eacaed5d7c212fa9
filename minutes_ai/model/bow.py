"""The sentence classifier without spaCy: numpy inference for the shipped bag-of-words model.

Why: the classifier runs on every sentence of every run, and importing spaCy to run it costs
0.6 s of a cold `minutes extract` (the whole extraction of a one-page note takes less). The
model is spaCy's TextCatBOW: a hashed linear model over token and token-bigram ids followed by a
logistic. Its weights are read from the shipped pipeline and the same arithmetic is done here:

- a token id is spaCy's string hash, MurmurHash64A(utf-8, seed 1), or the id of a spaCy symbol
  when the token is one of spaCy's symbol names (`symbols.json`, written next to the pipeline
  when it is trained);
- a bigram id is MurmurHash64A over the two token ids (16 bytes, seed 0);
- each id picks two weight columns, MurmurHash3_x86_32(id, seed 0 / seed 1) modulo the table
  length; a sentence's score is the sum over its ids plus the bias, through a sigmoid.

`tests/test_model.py` checks the scores against spaCy's on the corpus. A pipeline of another
architecture is refused (`UnsupportedModel`) and `predict` falls back to spaCy.
"""

from __future__ import annotations

import functools
import json
import pathlib

import numpy as np

_M = 0xC6A4A7935BD1E995
_MASK = (1 << 64) - 1
ORTH = 65  # spaCy's attribute id for the token text


class UnsupportedModel(Exception):
    """The saved classifier is not the bag-of-words model this module computes."""


@functools.lru_cache(maxsize=200_000)
def string_hash(text: str) -> int:
    """spaCy's id for a string (`spacy.strings.hash_string`): MurmurHash64A, seed 1."""
    data = text.encode("utf-8")
    length = len(data)
    h = (1 ^ (length * _M)) & _MASK
    whole = length - length % 8
    for i in range(0, whole, 8):
        k = (int.from_bytes(data[i : i + 8], "little") * _M) & _MASK
        k ^= k >> 47
        k = (k * _M) & _MASK
        h = ((h ^ k) * _M) & _MASK
    if length % 8:
        h = ((h ^ int.from_bytes(data[whole:], "little")) * _M) & _MASK
    h ^= h >> 47
    h = (h * _M) & _MASK
    return h ^ (h >> 47)


def _mix64(k: np.ndarray) -> np.ndarray:
    k = k * np.uint64(_M)
    k ^= k >> np.uint64(47)
    return k * np.uint64(_M)


def bigram_hash(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """MurmurHash64A over each pair of uint64 ids (thinc's `ops.ngrams(2, ids)`), vectorised."""
    h = np.full(first.shape, (16 * _M) & _MASK, dtype=np.uint64)
    for k in (first, second):
        h = (h ^ _mix64(k)) * np.uint64(_M)
    h ^= h >> np.uint64(47)
    h = h * np.uint64(_M)
    return h ^ (h >> np.uint64(47))


def _rotl32(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def murmur3_32(keys: np.ndarray, seed: int) -> np.ndarray:
    """MurmurHash3_x86_32 of each uint64 key (thinc's SparseLinear indexing), vectorised."""
    c1, c2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)
    h = np.full(keys.shape, seed, dtype=np.uint32)
    for half in ((keys & np.uint64(0xFFFFFFFF)).astype(np.uint32), (keys >> np.uint64(32)).astype(np.uint32)):
        k = _rotl32(half * c1, 15) * c2
        h = _rotl32(h ^ k, 13) * np.uint32(5) + np.uint32(0xE6546B64)
    h ^= np.uint32(8)
    h ^= h >> np.uint32(16)
    h = h * np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class BowClassifier:
    """Category probabilities for token lists, computed as spaCy's TextCatBOW computes them."""

    def __init__(self, labels: list[str], weights: np.ndarray, bias: np.ndarray, symbols: dict[str, int]):
        self.labels = labels
        self.weights = weights  # (n_labels, table length)
        self.bias = bias
        self.symbols = symbols

    @classmethod
    def load(cls, pipeline: pathlib.Path, component: str = "textcat_multilabel") -> "BowClassifier":
        import srsly

        folder = pipeline / component
        try:
            labels = json.loads((folder / "cfg").read_text(encoding="utf-8"))["labels"]
            symbols = json.loads((pipeline / "symbols.json").read_text(encoding="utf-8"))
            saved = srsly.msgpack_loads((folder / "model").read_bytes())
        except (OSError, ValueError, KeyError) as exc:
            raise UnsupportedModel(f"cannot read {folder}: {exc}") from exc
        names = [node["name"] for node in saved["nodes"]]
        if names[0] != "with_cpu(extract_ngrams>>resizable(sparse_linear))>>with_cpu(logistic)":
            raise UnsupportedModel(f"classifier architecture {names[0]!r}")
        ngrams = saved["attrs"][names.index("extract_ngrams")]
        linear = names.index("sparse_linear")
        if srsly.msgpack_loads(ngrams["ngram_size"]) != 2 or srsly.msgpack_loads(ngrams["attr"]) != ORTH:
            raise UnsupportedModel("classifier features are not token unigrams and bigrams")
        if srsly.msgpack_loads(saved["attrs"][linear].get("v1_indexing", srsly.msgpack_dumps(False))):
            raise UnsupportedModel("classifier uses v1 indexing")
        n_out, length = saved["nodes"][linear]["dims"]["nO"], saved["nodes"][linear]["dims"]["length"]
        params = saved["params"][linear]
        weights = np.asarray(params["W"], dtype=np.float32).reshape(n_out, length)
        return cls(labels, weights, np.asarray(params["b"], dtype=np.float32), symbols)

    def predict(self, docs: list[list[str]]) -> np.ndarray:
        """(len(docs), n_labels) probabilities; a doc is its list of tokens (never empty). All
        docs are hashed in one pass: per-doc numpy calls cost more than the arithmetic."""
        n_labels = len(self.labels)
        if not docs:
            return np.zeros((0, n_labels), dtype=np.float32)
        symbols = self.symbols
        lengths = np.fromiter((len(words) for words in docs), dtype=np.int64, count=len(docs))
        ids = np.fromiter(
            (symbols[w] if w in symbols else string_hash(w) for words in docs for w in words),
            dtype=np.uint64,
            count=int(lengths.sum()),
        )
        doc_of = np.repeat(np.arange(len(docs)), lengths)
        same_doc = doc_of[:-1] == doc_of[1:]  # bigrams never cross from one sentence to the next
        bigrams = bigram_hash(ids[:-1][same_doc], ids[1:][same_doc])
        scores = np.empty((len(docs), n_labels), dtype=np.float64)
        length = np.uint32(self.weights.shape[1])
        for keys, owner in ((ids, doc_of), (bigrams, doc_of[:-1][same_doc])):
            columns = self.weights[:, murmur3_32(keys, 0) % length] + self.weights[:, murmur3_32(keys, 1) % length]
            for label in range(n_labels):
                part = np.bincount(owner, weights=columns[label], minlength=len(docs))
                scores[:, label] = part if keys is ids else scores[:, label] + part
        scores += self.bias
        return 1.0 / (1.0 + np.exp(-scores))


def write_symbols(pipeline: pathlib.Path) -> None:
    """Save spaCy's symbol table beside a trained pipeline (token texts that are symbol names get
    the symbol's id, not a hash)."""
    from spacy.symbols import IDS

    (pipeline / "symbols.json").write_text(json.dumps(dict(IDS), ensure_ascii=False, sort_keys=True), encoding="utf-8")
