"""summarize/facts.py: near-identical sentences of several outlets form one fact."""

import numpy as np

from newsloom.summarize.facts import Candidate, group_facts


def test_each_sentence_joins_the_closest_fact_at_same_fact_or_founds_one() -> None:
    candidates = [
        Candidate("The north dam was closed on Tuesday.", 0, 0, 7),
        Candidate("The north dam was closed on Tuesday morning.", 1, 0, 8),
        Candidate("Volunteers filled sandbags in Oddun.", 1, 1, 5),
        Candidate("The dam was closed on Tuesday.", 2, 0, 6),
    ]
    # Unit rows: 0, 1 and 3 point almost one way, 2 another.
    rows = np.array([[1.0, 0.0], [0.96, 0.28], [0.0, 1.0], [0.8, 0.6]])
    facts = group_facts(rows, [1, 2, 0, 3], candidates)
    # In the order given: 1 founds a fact, 2 another, 0 joins 1 (0.96); 3 is 0.6 from 2 and
    # 0.936 from 1: it joins the closest.
    assert [(f.rep, f.members, sorted(f.articles)) for f in facts] == [
        (1, (1, 0, 3), [0, 1, 2]),
        (2, (2,), [1]),
    ]
