"""A spaCy tokenizer that reuses the project's jieba tokenizer.

spaCy's own Chinese jieba segmenter initialises jieba's global dictionary — a second copy, a
second second of start-up, and without our lexicon. This tokenizer calls
`minutes_ai.text.segment.tokenize`, so the model sees exactly the words the rules see, and the
doc text is the input text character for character (whitespace stays as tokens).
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from . import doc_words


class JiebaTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = doc_words(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    # The tokenizer has no state of its own: serialisation is a no-op.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "JiebaTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "JiebaTokenizer":
        return self


@spacy.registry.tokenizers("minutes_ai.jieba_tokenizer.v1")
def create_tokenizer():
    def make(nlp):
        return JiebaTokenizer(nlp.vocab)

    return make
