"""What the stages share: the one sentence splitter (:mod:`.sentences`), atomic file
writes (:mod:`.files`) and progress bars (:mod:`.progress`).

>>> from econnews.common import split_sentences
>>> split_sentences("The U.S. deficit rose. It fell.")
[(0, 22), (23, 31)]
"""

from .sentences import sentence_at, split_sentences

__all__ = ["sentence_at", "split_sentences"]
