import numpy as np

from newsloom.cluster.centroids import MAX_POSTING, CentroidRows, KeyPostings


def test_rows_grow_and_a_dropped_row_is_filled_by_the_last() -> None:
    rows = CentroidRows(4)
    eye = np.eye(4, dtype=np.float32)
    for story_id in range(100):  # past the initial 64 rows
        rows.set(story_id, eye[story_id % 4] * 3)
    rows.drop(5)
    rows.drop(12345)  # unknown ids are ignored
    assert len(rows) == 99 and 5 not in rows and 99 in rows
    cos = rows.cosines(eye[1])
    assert cos.shape == (99,)
    by_id = dict(zip(rows.ids, cos.tolist(), strict=True))
    assert by_id[97] == 1.0 and by_id[99] == 0.0  # unit rows; the moved row (99) kept its id
    assert rows.cosines_of([9, 10], eye[1]).tolist() == [1.0, 0.0]


def test_postings_skip_keys_too_common_to_select_stories() -> None:
    postings = KeyPostings()
    for story_id in range(MAX_POSTING + 1):
        postings.add(story_id, ["t:council", f"e:name{story_id}"])
    assert postings.lookup(["t:council"]) == []
    assert postings.lookup(["e:name7", "e:name3", "t:council"]) == [3, 7]
    postings.remove(7)
    postings.add(3, ["e:other"])  # re-indexing replaces the story's keys
    assert postings.lookup(["e:name7", "e:name3", "e:other"]) == [3]


def test_a_lookup_takes_the_rarest_keys_first_and_stops_at_its_limit() -> None:
    postings = KeyPostings()
    for story_id in range(40):
        postings.add(story_id, ["t:common"] + (["e:rare"] if story_id in (5, 6) else []))
    assert postings.lookup(["t:common", "e:rare"], limit=2) == [5, 6]
    assert len(postings.lookup(["t:common", "e:rare"], limit=3)) == 40
