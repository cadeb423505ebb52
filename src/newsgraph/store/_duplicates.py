"""Near-duplicate articles: wire copies re-published by many sites, found with MinHash + LSH.

Pure functions::

    signature(text) -> bytes | None             # MinHash of the text's word 5-shingles
    near_duplicates(items) -> list[Duplicate]   # each copy → the first-published original

Two articles are near-duplicates when the estimated Jaccard similarity of their sets of word
5-shingles (lower case) is at least :data:`SIMILARITY`. Copies are grouped transitively, and
every member of a group points at its earliest-published article (then the smallest id), so a
story syndicated to ten sites counts once. Texts shorter than :data:`MIN_WORDS` get no
signature: a two-line brief says too little to call it a copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

# Words per shingle: 5-word shingles are the usual choice for near-duplicate news detection
# (shorter ones make unrelated articles on one topic look alike).
SHINGLE_WORDS = 5
# Permutations per signature: the Jaccard estimate's standard error is ~1/sqrt(128) ≈ 0.09.
NUM_PERM = 128
SEED = 1
# datasketch 2's 32-bit hashing scheme; stored signatures are only comparable within one scheme.
SCHEME = "affine32"
# Estimated Jaccard similarity from which two texts are one article (wire copies with a changed
# headline, byline or a trimmed last paragraph stay above it).
SIMILARITY = 0.8
MIN_WORDS = 50

_WORD = re.compile(r"\w+")


# datasketch pulls in scipy (~0.7 s): imported on first use, not with newsgraph.


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text as bytes, or None for a text under MIN_WORDS words."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def _minhash(data: bytes) -> MinHash:
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        scheme=SCHEME,
        hashvalues=np.frombuffer(data, dtype=np.uint32),
    )


@dataclass(frozen=True, slots=True)
class Duplicate:
    article_id: str
    duplicate_of: str
    similarity: float


def near_duplicates(items: Iterable[tuple[str, date | None, bytes]]) -> list[Duplicate]:
    """Copies among ``(article_id, published, signature)`` items, each with its original."""
    entries = sorted(items, key=lambda item: (item[1] or date.max, item[0]))
    if len(entries) < 2:
        return []
    from datasketch import MinHashLSH

    hashes = {article_id: _minhash(data) for article_id, _, data in entries}
    index = MinHashLSH(threshold=SIMILARITY, num_perm=NUM_PERM)
    for article_id, _, _ in entries:
        index.insert(article_id, hashes[article_id])
    order = {article_id: position for position, (article_id, _, _) in enumerate(entries)}
    parent = {article_id: article_id for article_id, _, _ in entries}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    for article_id, _, _ in entries:
        for other in index.query(hashes[article_id]):
            if other == article_id or hashes[article_id].jaccard(hashes[other]) < SIMILARITY:
                continue
            first, second = root(article_id), root(other)
            if first != second:
                # the earlier-published root stays the group's original
                keep, drop = sorted((first, second), key=order.__getitem__)
                parent[drop] = keep
    duplicates = []
    for article_id, _, _ in entries:
        original = root(article_id)
        if original != article_id:
            similarity = hashes[article_id].jaccard(hashes[original])
            duplicates.append(Duplicate(article_id, original, round(float(similarity), 3)))
    return duplicates
