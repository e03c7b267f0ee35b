"""Does one statement tell a fact another already told? Every test of facts once, on two texts.

``openings.repeats`` compares the statements' words and anchors; ``deeds.same_deed_near_name``
finds one person's deed in other word forms; ``vaguer.figure_in_words`` a figure told again
without its numbers; ``counted.same_count`` one count and the same deed after it;
``counted.same_measure`` one number in the same phrase; ``acts.same_act`` one actor's act on one
thing in other verbs; ``crowds.same_reaction`` a crowd's reaction to one person in other words;
``states.same_state`` one known thing's state in other words; ``retelling.retells_event`` another
outlet's statement of an event already told, with nothing checkable of its own (directional: ``b``
is the later statement, the one a reader meets second); ``details.same_bare_figure`` a bare figure
of the setting another statement gives too.
The summarizer applies them all (vectors.repeated_facts) and the readability evaluation counts
them all, so what is measured is what is enforced.
"""

from __future__ import annotations

from newsloom.summarize.acts import same_act
from newsloom.summarize.counted import same_count, same_counted_thing, same_measure
from newsloom.summarize.crowds import same_reaction
from newsloom.summarize.deeds import same_deed_near_name
from newsloom.summarize.details import same_bare_figure
from newsloom.summarize.openings import fact_words, repeats
from newsloom.summarize.retelling import retells_event
from newsloom.summarize.states import same_state
from newsloom.summarize.vaguer import figure_in_words


def repeats_statement(a: str, b: str) -> bool:
    """``b`` tells a fact ``a`` told; ``a`` is the statement read first."""
    return (
        repeats(fact_words(a), fact_words(b))
        or same_deed_near_name(a, b)
        or same_count(a, b)
        or same_measure(a, b)
        or same_counted_thing(a, b)
        or same_act(a, b)
        or same_reaction(a, b)
        or same_state(a, b)
        or figure_in_words(a, b)
        or figure_in_words(b, a)
        or retells_event(a, b)
        or same_bare_figure(a, b)
    )
