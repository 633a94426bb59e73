"""A comment's sentences and clauses, for the semantic tier's clause-level reading.

One sentence vector of a whole comment blurs its topics: "the queue was two hours, but the
nurse was kind" is about waiting and about attitude. The semantic tier therefore also reads
each clause on its own (semantic.py). A comment is cut at sentence ends and at the
conjunctions that join two statements (fi, sv, en); pieces too short to say anything on
their own are joined to the one before.
"""

from __future__ import annotations

import re

# Sentence ends, semicolons, and line breaks.
_SENTENCES = re.compile(r"(?<=[.!?;…])\s+|\s*\n+\s*")
# Conjunctions that start a new statement: after a comma, or (the contrastive and causal ones)
# on their own. "ja"/"och"/"and" only after a comma: without one they mostly join two nouns.
_CLAUSES = re.compile(
    r",\s+(?=(?:ja|mutta|mut|vaan|koska|kun|vaikka|joten|eikä|men|och|eftersom|fast|så|trots"
    r"|but|and|because|although|though|so|while)\b)"
    r"|\s+(?=(?:mutta|mut|vaan|koska|vaikka|men|eftersom|but|because|although)\b)"
    r"|\s+[–—-]\s+",
    re.IGNORECASE,
)
MIN_WORDS = 3  # a shorter piece ("Kiitos!", "but no") is joined to the one before
MAX_CLAUSES = 8  # a very long comment: the first pieces, each already a few sentences' worth


def clauses_of(text: str) -> list[str]:
    """The comment's clauses in order; one item (the text) when it holds only one."""
    pieces: list[str] = []
    for sentence in _SENTENCES.split(text.strip()):
        for clause in _CLAUSES.split(sentence):
            clause = clause.strip(" ,")
            if not clause:
                continue
            if pieces and (len(clause.split()) < MIN_WORDS or len(pieces[-1].split()) < MIN_WORDS):
                pieces[-1] = f"{pieces[-1]} {clause}"
            else:
                pieces.append(clause)
    if len(pieces) > MAX_CLAUSES:
        pieces = [*pieces[: MAX_CLAUSES - 1], " ".join(pieces[MAX_CLAUSES - 1 :])]
    return pieces if len(pieces) > 1 else [text]
