"""Exact and near-duplicate detection with MinHash LSH; signatures survive a round trip."""

from __future__ import annotations

from sitrep.clean.duplicates import DuplicateIndex, exact_key, signature, similarity

STORY = (
    "Russian forces shelled the village overnight, killing two civilians and wounding five, the regional governor said "
    "on Tuesday. Emergency crews worked through the morning to clear debris from damaged homes, and a school was hit. "
    "The military said air defences shot down most of the drones launched at the region, but debris fell on a farm. "
    "Officials urged residents to stay in shelters while the attacks continued and promised aid for repairs."
)
OTHER = (
    "Protesters gathered outside parliament demanding higher wages for teachers, and police used tear gas to disperse "
    "the crowd after some demonstrators threw stones. Several people were detained and the interior ministry said an "
    "inquiry would follow. Unions called a general strike for next week if talks with the government fail."
)


def test_exact_duplicate_ignores_case_and_spacing() -> None:
    ix = DuplicateIndex(0.8)
    assert ix.add("a", STORY) is None
    assert ix.add("b", "  " + STORY.upper().replace(" ", "\n ")) == "a"
    assert exact_key(STORY) == exact_key(STORY.lower())


def test_near_duplicate_repost() -> None:
    ix = DuplicateIndex(0.8)
    ix.add("orig", STORY)
    repost = STORY.replace("on Tuesday", "on Tuesday evening") + " Advertisement."
    assert similarity(STORY, repost) > 0.8
    assert ix.add("copy", repost) == "orig"
    assert ix.add("different", OTHER) is None
    assert len(ix) == 3


def test_chain_points_to_first_story() -> None:
    ix = DuplicateIndex(0.8)
    ix.add("a", STORY)
    ix.add("b", STORY + " Extra line one.")
    assert ix.add("c", STORY + " Extra line one. Extra line two.") == "a"


def test_signature_round_trip() -> None:
    sig = signature(STORY)
    assert isinstance(sig, bytes) and len(sig) == 128 * 8
    ix = DuplicateIndex(0.8)
    assert ix.add_signature("a", sig) is None
    assert ix.add_signature("b", signature(STORY.replace("two civilians", "2 civilians"))) == "a"
    assert ix.add_signature("c", signature(OTHER)) is None
