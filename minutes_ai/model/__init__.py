"""The model half of rule-plus-model: a small trained spaCy pipeline shipped inside the package.

- `tokenizer` — spaCy tokenizer on the project's jieba tokenizer and lexicon (no second jieba);
- `data` — turns the annotated corpus into training examples (sentence labels and spans);
- `train` — builds the pipeline reproducibly (`minutes train`, `make model`);
- `predict` — loads the shipped pipeline lazily, once per process, and scores sentences.

How the model and the rules are combined is documented in `minutes_ai/combine.py`.
"""

PIPELINE_DIR = "pipeline"
# What a sentence does: hands out a task, records a decision, leaves a question open, reports work
# done or called off (DONE), or none of these (INFO: background, discussion, figures). Multi-label:
# "会议决定由王磊牵头" is a decision and a task.
LABELS = ("TASK", "DECISION", "QUESTION", "DONE", "INFO")
SPAN_LABELS = ("OWNER", "DEADLINE", "CRITERIA")


def doc_words(text: str) -> list[str]:
    """The tokens the model sees for `text`: the project tokenizer's words, or the text itself as
    one token when it has none (spaCy refuses an empty doc). The spaCy tokenizer and the numpy
    classifier both use this, so their scores stay equal."""
    from ..text.segment import words_of

    return list(words_of(text)) or [text]
