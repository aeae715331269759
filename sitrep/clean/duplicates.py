"""Exact and near-duplicate bodies: one story re-posted by many sites is one story.

``DuplicateIndex`` keeps an exact-hash table and a datasketch ``MinHashLSH`` over word
5-shingles of normalised bodies. ``add(doc_id, body)`` returns the id of the first document it
duplicates (exactly, or with estimated Jaccard ≥ threshold) or None when the body is new.
``signature(body)`` returns the MinHash as bytes, so a store can persist it and rebuild the index
with ``add_signature`` without re-reading bodies. Independent of any database.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import numpy as np

NUM_PERM = 128
SHINGLE = 5
_SEED = 1
SCHEME = "affine32"  # datasketch 2 default; persisted signatures must be rebuilt with the same scheme
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(body: str) -> list[str]:
    return _TOKEN.findall(body.lower())


def exact_key(body: str) -> str:
    """Hash of the normalised word sequence (whitespace, case and punctuation ignored)."""
    return hashlib.sha256(" ".join(_tokens(body)).encode("utf-8")).hexdigest()


def minhash(body: str) -> Any:
    from datasketch import MinHash

    toks = _tokens(body)
    shingles = {" ".join(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def signature(body: str) -> bytes:
    """The body's MinHash signature as bytes (``NUM_PERM`` little-endian uint64)."""
    return np.asarray(minhash(body).hashvalues, dtype="<u8").tobytes()


def from_signature(sig: bytes) -> Any:
    from datasketch import MinHash

    values = np.frombuffer(sig, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), seed=_SEED, hashvalues=values, scheme=SCHEME)


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two bodies' shingle sets."""
    return float(minhash(a).jaccard(minhash(b)))


class DuplicateIndex:
    """In-memory index of bodies seen so far."""

    def __init__(self, threshold: float = 0.8) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._exact: dict[str, str] = {}
        self._sigs: dict[str, Any] = {}
        self._canon: dict[str, str] = {}  # duplicate id → the first document of its story

    def __len__(self) -> int:
        return len(self._sigs)

    def _add(self, doc_id: str, mh: Any, key: str | None) -> str | None:
        if key is not None and key in self._exact:
            return self._exact[key]
        if doc_id in self._sigs:
            return None
        best: tuple[float, str] | None = None
        for other in self._lsh.query(mh):
            sim = float(mh.jaccard(self._sigs[other]))
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, other)
        self._lsh.insert(doc_id, mh)
        self._sigs[doc_id] = mh
        if key is not None:
            self._exact[key] = doc_id
        if best is None:
            return None
        return self._canonical(best[1])

    def _canonical(self, doc_id: str) -> str:
        return self._canon.get(doc_id, doc_id)

    def add(self, doc_id: str, body: str) -> str | None:
        """Index ``body``; return the id of the document it duplicates, or None if it is new."""
        found = self._add(doc_id, minhash(body), exact_key(body))
        if found is not None:
            self._canon[doc_id] = found
        return found

    def add_signature(self, doc_id: str, sig: bytes, exact: str | None = None) -> str | None:
        """Index a persisted signature (see :func:`signature`); same result as :meth:`add`."""
        found = self._add(doc_id, from_signature(sig), exact)
        if found is not None:
            self._canon[doc_id] = found
        return found
