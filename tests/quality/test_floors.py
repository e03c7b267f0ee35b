"""Quality floors: today's figures on the shared evaluation sets, pinned so that a change lowering
one fails here (the trafilatura model: quality floors pinned in CI).

Each floor runs the same `newsloom eval` command anyone can re-run, reads the figure from the JSON it
prints, and checks it against the floor measured when the floor was set. The evaluations are
deterministic (fixed ONNX threads, no sampling), so a floor sits at the measured figure rounded
down to the shown precision, not at some margin below it. Each corpus is pinned by its SHA-256 too:
a changed corpus fails with a message asking to measure again, rather than passing or failing for a
reason nobody chose.

Lowering a floor is a visible edit of FLOORS below, with its reason in the commit. Raising one after
an improvement keeps the gain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from newsloom.cli import main
from tests.conftest import shared_data_dir

pytestmark = pytest.mark.slow

BBC_LABELS = json.dumps(
    {
        "sport": "sports",
        "business": "business",
        "politics": "politics",
        "tech": "technology",
        "entertainment": "entertainment",
    }
)


@dataclass(frozen=True)
class Floor:
    name: str
    command: tuple[str, ...]  # after `newsloom eval`; {data} is the shared data folder
    corpus: dict[str, str]  # path under the data folder -> its SHA-256
    figures: dict[str, float]  # dotted key in the printed JSON -> floor
    # dotted key -> the most a flaw count may measure (a count of flaws falls as pages improve)
    ceilings: dict[str, float] = field(default_factory=dict)


CLUSTERING = (
    "clustering/giveme5w1h_news_cluster.jsonl",
    "clustering/ecbplus_dev.jsonl",
    "clustering/headline_stream.jsonl",
)

EXTRACTION = ("extraction/scrapinghub", "extraction/wcxb_dev", "extraction/l3s_gn1_dev")

FLOORS = [
    Floor(
        "extraction on the three dev sets (4-token shingle F1, issue 17)",
        ("extraction", *(f"{{data}}/{p}" for p in EXTRACTION), "--no-baselines"),
        {
            "extraction/scrapinghub": "d855fde099568179897791f700266d9d12783ad9935dcb4bf3eec49a4ecea0b4",
            "extraction/wcxb_dev": "dad50be5150f46da7cfac9492f3e108d043cac866973f303f4701297728daafb",
            "extraction/l3s_gn1_dev": "ceb7cf64d90b5f26e77a7256ea99c256b1f2e472a8ef288fef92e21f57d26e42",
        },
        {
            # Measured 0.9784 / 0.9460 / 0.9370, macro 0.9538 (issue 17: body choice and repair;
            # jusText opinion, comment sections by name, announced lists; edges: the opening
            # put back, teaser cards after the article out; the tail only one reader keeps;
            # link paragraphs ending the body; headings and lists put back between two
            # neighbouring body paragraphs, extract/between; the tail standing outside the
            # opening's container, extract/outside; the body's start found in markup that
            # writes its first words with entities or line breaks, extract/edges; the box lines
            # after the article the walk does not meet, found on the page, extract/outside; the
            # opening put back after the lines opening a body, extract/edges; the lines between
            # like comment sections, extract/comments; section headings set in wrappers of their
            # own, read in page order, extract/headings; list items placed under their lead-in,
            # whatever their ending, extract/gaps; a body mostly one flattened layout-table row
            # lacks the shape of an article, choose.flattened; prose recall mode holds between
            # two neighbouring paragraphs of the precise body, extract/recalled).
            "sets.scrapinghub.newsloom.f1": 0.978,
            "sets.wcxb_dev.newsloom.f1": 0.946,
            "sets.l3s_gn1_dev.newsloom.f1": 0.937,
            "macro_f1.newsloom": 0.953,
        },
    ),
    Floor(
        "clustering on the three dev sets (B3-F1, issue 15)",
        ("clustering", *(f"{{data}}/{p}" for p in CLUSTERING)),
        {
            "clustering/giveme5w1h_news_cluster.jsonl": "319ac64f0cdfdf42686fc25e894e4206c8209893386303f47a24f1855ea1d8d7",
            "clustering/ecbplus_dev.jsonl": "b59368d57579a9a4488798ddf5d3df92216cb8a0d8522ba84b03927ffab32dcc",
            "clustering/headline_stream.jsonl": "8972aabdb6f0544fda4ac9ec69bbc1068389ff17055fee348b192f5d569fb18b",
        },
        {
            "files.{data}/clustering/giveme5w1h_news_cluster.jsonl.b3_f1": 0.923,
            "files.{data}/clustering/ecbplus_dev.jsonl.b3_f1": 0.906,
            # 0.914 -> 0.9128 when embeddings moved to int8 arithmetic (cluster/int8model.py,
            # 1.6x faster); giveme, ecbplus_dev and the macro-average held to the third decimal.
            "files.{data}/clustering/headline_stream.jsonl.b3_f1": 0.912,
            "macro_average.b3_f1": 0.914,
        },
    ),
    Floor(
        "categories on BBC News (macro-F1)",
        ("categories", "{data}/categories/bbc.jsonl", "--label-map", BBC_LABELS),
        {
            "categories/bbc.jsonl": "a8f1933b9e783f8ad1b2be947449b49cbf3e96e87dca877e0a99821f1a9f7fce"
        },
        # 0.913 / 0.8903 -> 0.9122 / 0.8899 (one document of 2,225) with the int8 embeddings;
        # -> 0.9201 / 0.8993 once the eval reads articles as refresh does (their stored vectors).
        # -> 0.9200 / 0.8993: a cyclone's and a tsunami's toll are world news, not climate
        # (prototypes.py). 9 of 2,225 moved: one business and one politics article now right,
        # two politics ones (a nuclear-terror risk, tsunami aid) now "world", five between wrong
        # classes (four tsunami business reports from climate to world).
        {"macro_f1": 0.920, "accuracy": 0.899},
    ),
    Floor(
        "summaries on NeuS (ROUGE-2 at 70 words, in the page's reading order)",
        ("summarization", "{data}/summarization/neus_allsides.jsonl", "--words", "70"),
        {
            "summarization/neus_allsides.jsonl": "654a5079cebf08f95bc663f22ac5ca17b1ba8ad4788ca0bb8fe107d744c40bab"
        },
        # rouge1 42.12 -> 42.04: bullets 2-3 no longer restate bullet 1's fact in other words
        # (issue 16, facts once), which the references do; rouge2 holds. 19.06 / 42.15 ->
        # 19.08 / 42.18: quotations kept whole, the next bullet from the report's title.
        # rouge1 42.18 -> 42.16 (rouge2 holds at 19.08): one person's deed told in other word
        # forms ("scored the winner", "headed the winning goal") is one fact (deeds.py), and
        # the references, which retell it, share a few more single words with the retelling.
        # 19.08 / 42.16 -> 19.10 / 42.21: a figure told again in words is one fact (vaguer.py).
        # 19.10 / 42.21 -> 19.11 / 42.22: a deed is a word after the name (or two beside it).
        # 19.11 / 42.22 -> 19.43 / 42.50: bullets 2-3 may show a long sentence's main statement
        # (clip.py), so a long lede of another outlet fits and a third fact enters the 70 words.
        # 19.43 / 42.50 -> 19.58 / 42.58: a participle clause after a comma (", making it ...")
        # ends a main statement too.
        # 19.58 / 42.58 -> 19.59 / 42.57: each person named in full once, by the surname after
        # (people.py); the later mentions lose given names and roles ("Governor Ilona Maszek"
        # -> "Maszek") that the references repeat as single words, and rouge1 gives 0.01.
        # 42.57 -> 42.58 (rouge2 holds at 19.59): a verb of schedule ("The play runs ...") ends
        # a bare definite subject, so such an opening is refused where the page has not named it.
        # rouge2 19.59 -> 19.58 (rouge1 holds at 42.58): a name followed by "who" or an age is a
        # person's (a full name, then ", who ..."), introduced once and named by the surname after;
        # the four people it finds on NeuS are all people, and the references repeat their
        # given names.
        # 19.58 / 42.58 -> 19.59 / 42.62 with the next rule merged beside it: one count over a
        # dozen of one thing said of one actor is one fact (counted.same_counted_thing: "400
        # jobs" in two bullets; alone it gave 19.60 / 42.61).
        # 19.59 / 42.62 -> 19.64 / 42.64: "those <noun>" or "these <noun>" of a noun the page has
        # not told points outside the statement (openings.demonstrative_reference); items 150
        # and 281 gain, 075 and 276 keep their scores (untitled: 17.75 holds, 41.04 -> 41.06).
        # rouge1 42.64 -> 42.62, lowered on purpose (rouge2 holds at 19.64): what happened years
        # before its report is background, not a bullet (roles.long_past), so items 104 (a justice's
        # appointment decades before) and 135 (a politician's convention speech four years
        # before) show it after the next bullet, and the references share a
        # few single words less within 70 words (untitled: 17.76 holds, 41.08 -> 41.05).
        # Branch s31openings (issue 16, NeuS opening references), measured alone on the tree
        # before main's roles.long_past:
        # 19.64 / 42.64 -> 19.67 / 42.61: a short page shows fewer paragraphs rather than a
        # leftover whose opening names no one (issue 16: NeuS opening references 0.0686 ->
        # 0.0025); 12 items up, 7 down (115 and 087 lose a true statement refused as a bare
        # definite, "The administration ...", "The unemployment rate ...").
        # 19.67 / 42.61 -> 19.69 / 42.66: openings that stand alone are no longer refused
        # (openings.py: "The unemployment rate ...", "The administration ...", an expletive
        # "It's no secret that ...", "As he prepared ..., President <name> ..."); 8 items up
        # (115 +21.1, 087 +8.5), 8 down (184 -15.3, 210 -15.3: another true sentence enters).
        # 19.69 / 42.66 -> 19.68 / 42.65, on purpose: a role before a possessive or "of" ("The
        # former chief justice of <a state>'s Supreme Court ...") names no one, and
        # item 012's takeaway gives way to another statement the references share less.
        # Both merged: 19.68 / 42.63 (main alone 19.64 / 42.62).
        # 19.68 / 42.63 -> 19.67 / 42.60, on purpose (issue 16, Giveme bullets): another report's
        # opening that retells bullet 1 under the headline is no bullet (lede.retells), nor is a
        # sentence speaking to its reader ("you", openings.speaks_to_reader). Items 097 (+3.5,
        # a broadcaster's retelling of the inquiry's announcement gives way), 193 (+1.7, a
        # sentence advising the reader before donating), 217 up; 089 (-3.3), 293 (-1.1), 227
        # (-1.1), 244 (-1.0, the court order told again gives way to the judge's name and the
        # ruling called a first legal setback) down: the references retell bullet 1 too.
        # rouge1 42.60 -> 42.59, on purpose (rouge2 holds): a bare definite the page did
        # introduce in other words is no riddle (openings.told_head: "The case ..." under the
        # court's ruling, "The shooting rampage began ..." under the shooting, "The fee increases" under "would increase the fee").
        # Items 151 (-3.1) down, 167 (+1.0) up, 110 and 295 change words only.
        # 19.67 / 42.59 -> 19.65 / 42.58, on purpose (issue 16, demo headlines): an explainer's
        # title framing a question without its mark ("What we know about ...", "Why ...") is
        # penalised as a question is (headline._FRAMED_QUESTION); 8 items get a report's title
        # instead: 027, 139, 205, 270 up or down by under 0.1, 039, 085, 141 hold, 252 down
        # (-4.2: an explainer's "Why ..." title on tariffs gives way to a report's title on the
        # farm aid offered).
        # rouge1 42.58 -> 42.57, on purpose (rouge2 holds at 19.65): the one next step of a
        # page whose paragraphs took every statement of what to watch is a takeaway, not a
        # paragraph (watch.says_future).
        # 19.67 / 42.59 -> 19.75 / 42.70: a text cut mid-sentence gives its last sentence's
        # finished clause (cut.py), and a lede over MAX_WORDS its main statement (facts.py);
        # items 009 (+6.8), 138, 228 and 304 (+13.1) up, 256 (-0.9) and 117 (-0.2) down.
        # 19.75 / 42.70 -> 19.77 / 42.71: a text cut right after a colon gives the clause before
        # it (cut.py); item 099 up (+5.5), 230 (-0.1) down.
        # rouge1 42.71 -> 42.72 (rouge2 holds): a cleft's "it" ("it will be <party> who
        # chair ...") points at nothing (openings._EXPLETIVE_IT); item 117 up.
        # Merged (main 19.65 / 42.57, the branch 19.77 / 42.72): 19.75 / 42.70.
        # 19.75 / 42.70 -> 19.76 / 42.73 (merged with offstory.py, then innerrefs.py): a
        # statement whose reference past its opening points at nothing the page told (a "that
        # gap" the page never named, a "them" with no plural before it) is refused as an
        # opening is; item 063 up (+2.6), 062, 178, 182, 189 change words only.
        # 19.76 / 42.71 (as measured at the merge) -> 19.78 / 42.72: a person's role moves to
        # the first mention and a title before the surname alone is a mention (people.py):
        # items 25, 130, 170, 278 give the role where the reader meets the person.
        # Both merged: 19.79 / 42.74.
        # 19.79 / 42.74 -> 19.82 / 42.78: a text cut mid-sentence gives the clause before an
        # adjunct of time, cause or means opened without a comma ("... after ...", "... by
        # arranging ...": cut._ADJUNCT); item 073 up (+10.7), 013 (-0.9) down.
        # 19.82 / 42.78 -> 19.83 / 42.80: "The suit" and "The lawsuit" are told by a lawsuit or
        # its verb in any form ("was suing"; openings._SUIT); item 282 up (+3.1), none down.
        # 19.79 / 42.74 -> 19.80 / 42.75: "to" before a determiner is no infinitive
        # (mainverb.py), so a tag line ("A plain guide to the recall.") is a fragment.
        # All merged, with label lines as fragments and a verdict of what something deserves
        # (commentary.py): 19.84 / 42.82.
        # 19.84 / 42.82 -> 19.85 / 42.80: an initial, a party and state or a numeral ("I.",
        # "(I-Vt.)", "World War I") is no first-person "I" (openings._FIRST_PERSON).
        # 19.85 / 42.80 -> 19.86 / 42.81: a statement that someone gave no comment and nothing
        # else ("... did not respond to requests for comment.") is no statement of the page
        # (nocomment.py); item 210 up (+2.3), none down.
        # rouge1 42.81 -> 42.82 (rouge2 holds at 19.86): a player's prompt ("Watch the full
        # interview ... (video).") and a signpost alone in its sentence ("Here's what you need
        # to know.") are furniture; item 300 up (+1.7), none down.
        # rouge1 42.82 -> 42.81, on purpose (rouge2 holds at 19.86): the writer's verdicts,
        # asides and words to the reader are commentary (commentary.py, issue 16); item 165 drops
        # its bullet, a jibe calling a display pathetic (R2 +0.9, R1 -3.8: the reference shares
        # single words with the jibe).
        # All of the session merged (statements leaning on a sentence not shown, captions,
        # another story's statements, open questions as takeaways): 19.87 / 42.80.
        # 19.87 / 42.80 -> 19.90 / 42.82: a pronoun after "said" and before a verb ("<name>
        # says she wants ...") is what was said, not an unnamed speaker (openings
        # ._PRONOUN_SPEAKER): such ledes may lead again; items 088 (+7.0) and 236 (+6.4) up,
        # 245 (-1.3) down.
        # 19.90 / 42.82 -> 19.94 / 42.84: "The <noun> whose ..." says which one as "who" does
        # (openings.definite_head); item 177 up (+9.6), none down.
        # With the above merged: 19.94 / 42.84 -> 19.93 / 42.85, on purpose (issue 16, bullets
        # 2-3 are facts of the event): a description in the timeless present under a lede
        # telling an event, and a view held with nothing to check, are bullets only when no other fact is left
        # (eventfacts.py); item 036 shows a candidate's own statement for a bare "no evidence"
        # line pointing back (R2 -0.2), 195 a signpost line to the candidates' statements goes
        # down a place (R2 -1.7), 120 one view for another (R2 holds).
        {"rouge2": 19.93, "rouge1": 42.85},
    ),
    Floor(
        "summaries of untitled documents on NeuS (ROUGE-2 at 70 words, issue 16)",
        (
            "summarization",
            "{data}/summarization/neus_allsides.jsonl",
            "--words",
            "70",
            "--no-titles",
        ),
        {
            "summarization/neus_allsides.jsonl": "654a5079cebf08f95bc663f22ac5ca17b1ba8ad4788ca0bb8fe107d744c40bab"
        },
        # Roundup sets and untitled feed items come without titles; MMR TF-IDF scores 18.73
        # here (--baselines). 17.76 / 41.08 -> 18.05 / 41.19: without titles, another report's
        # opening that bullet 1 restates, in a line, is the headline (extractive._Plan
        # .restatement), and bullet 1 follows it whole as on a titled page; 43 items move, 30
        # up and 13 down.
        # 18.05 / 41.19 -> 18.07 / 41.13: no leftover paragraph whose opening names no one
        # (as on the titled page); 19 items up, 7 down.
        # 18.07 / 41.13 -> 18.15 / 41.25: openings that stand alone are no longer refused
        # (openings.py); 7 items up, 8 down.
        # 18.15 / 41.25 -> 18.13 / 41.24, on purpose: the same role is refused here too.
        # Merged with main's roles.long_past and "The 3-0 ..." rules (main alone 18.06 / 41.17):
        # 18.14 / 41.22.
        # 18.14 / 41.22 -> 18.18 / 41.28: bullets are no retelling of bullet 1 from another
        # report's opening (lede.retells) and never speak to the reader (speaks_to_reader);
        # item 034 up (+12.4), 293 and 193 up, 244 (-0.9) and 171 (-0.1) down.
        # 18.18 / 41.28 -> 18.44 / 41.51: without titles, another report's lede is the next
        # bullet, whole (extractive._Plan._other_lede); 46 items up (260 +51, 226 +14, 255
        # +14), 37 down (243 -12, 166 -10, 101 -9).
        # 18.18 / 41.28 -> 18.17 / 41.25, on purpose: a bare definite the page did introduce in
        # other words is no riddle (openings.told_head); items 151 (-2.5) and 110 (-0.3) down,
        # 167 (+1.2) up.
        # Both merged, with close-set datelines stripped and "Chat with us ..." refused as
        # furniture: 18.43 / 41.48.
        # 18.43 / 41.48 -> 18.45 / 41.52: a page whose only statement is bullet 1 is headed by
        # the sentence's head (clip.headline_statement), not the sentence again; items 142, 256
        # and 304 get a shorter headline (same bullet), none down.
        # 18.45 / 41.52 -> 18.44 / 41.53, on purpose: the one next step of a page whose
        # paragraphs took every statement of what to watch is a takeaway, not a paragraph
        # (watch.says_future); DUC 260 rises 10.05 -> 10.06, untitled 10.34 -> 10.37.
        # 18.45 / 41.52 -> 18.45 / 41.50, on purpose: another outlet's statement telling an
        # event the page told, with nothing checkable of its own, is a repeat (retelling.py);
        # item 253 alone moves: another outlet's retelling of bullet 1's admission gives way to
        # a new fact, the president on what the investigation found.
        # 18.45 / 41.52 -> 18.49 / 41.59: a text cut mid-sentence gives its last sentence's
        # finished clause (cut.py: a text cut inside a participle clause, "Voters on Tuesday
        # approved ..., ending a system that ...", ends before ", ending"), and a lede over MAX_WORDS its main
        # statement (facts.py); items 304 (+18.8), 228, 009 and 138 up, 215 (-14.9: the
        # finished lede is bullet 2 in place of another outlet's), 256 and 117 down.
        # 18.49 / 41.59 -> 18.53 / 41.64: a page whose only statement is bullet 1, with no head
        # that states it alone, is headed by the shorter of its wording and another report's
        # wording of the same fact, over the longer (extractive._Plan.single_statement), not by
        # the sentence again; items 126, 145 and 188 up, none down.
        # 18.53 / 41.64 -> 18.55 / 41.68: a text cut right after a colon gives the clause before
        # it (cut.py); item 099 up (+10.7), 230 (-2.1) down.
        # rouge1 41.68 -> 41.69 (rouge2 holds): a cleft's "it" points at nothing
        # (openings._EXPLETIVE_IT); item 117 no longer shows one sentence as headline and
        # bullet 1 (its other statement, a cleft on which party would chair the committees after a
        # win, is bullet 1).
        # 18.55 / 41.69 -> 18.60 / 41.72: another report's opening that restates bullet 1 heads
        # the page as its headline statement when it is too long for a line (clip
        # .headline_statement, before a closing appositive or an occasion), and a headline
        # statement keeps a time phrase whole ("a month | after") and has a verb only verbs
        # have; items 163 (+6.3), 211 (+4.5), 225, 111, 090 up, none down.
        # Merged (main 18.44 / 41.50, the branch 18.60 / 41.72): 18.58 / 41.70.
        # 18.58 / 41.70 -> 18.60 / 41.72 (merged with offstory.py, then innerrefs.py): a
        # reference past the opening that the page never resolves is refused (innerrefs.py).
        # DUC 260 falls 10.06 -> 10.01 (untitled 10.37 -> 10.34), two right refusals:
        # D0711C-B loses a sentence whose "did precisely that" points at nothing shown,
        # D0711C-C one whose "that decision" the page never told.
        # 18.59 / 41.70 (as measured at the merge) -> 18.60 / 41.70: roles at the first mention.
        # Both merged: 18.61 / 41.72.
        # 18.61 / 41.73 -> 18.67 / 41.82: a text cut mid-sentence gives the clause before an
        # adjunct of time, cause or means opened without a comma (cut._ADJUNCT): a lede that
        # was lost whole ("... said the council had told her to close the pool by moving swimmers
        # ahead of the") is quoted to its finished clause; items 073 (+11.6) and 013
        # (+3.9) up, none down.
        # 18.67 / 41.82 -> 18.68 / 41.84: "The suit" and "The lawsuit" are told by a lawsuit or
        # its verb in any form ("was suing"; openings._SUIT); item 282 up (+4.0), none down.
        # 18.61 / 41.73 -> 18.62 / 41.74: a tag line with "to" before a determiner is a
        # fragment (mainverb.py).
        # All merged (as above): 18.69 / 41.85.
        # 18.69 / 41.85 -> 18.62 / 41.82, lowered on purpose: an initial, a party and state or
        # a numeral ("I.", "(I-Vt.)", "World War I") is no first-person "I"; the sentences it
        # refused are a reader's facts. The fall is one item (221), where the other of two
        # near-identical ledes is now shown.
        # rouge1 41.82 -> 41.81 (rouge2 holds at 18.62): a statement that someone gave no
        # comment and nothing else is no statement of the page (nocomment.py); item 202 up
        # (+1.4 R2), 210 loses 2.3 R1 (its next sentence holds fewer of the reference's words).
        # 18.62 / 41.81 -> 18.63 / 41.82: the fact whose wording heads an untitled page
        # (_Plan.restated_fact) is no statement of it: its main statement, the headline's very
        # words, was shown again as bullet 3 (items 162 +3.1 and 183); 005, 046, 225, 245 move
        # past the 70 words, none down.
        # rouge1 41.82 -> 41.81, on purpose (rouge2 holds at 18.63; titled 19.86 / 42.82 hold):
        # a statement leaning on a sentence the page does not show in forms past the plain
        # opening ("Earlier <name> made ...", "A similar <noun> ...", "Each <noun> ...", "In a
        # way, that <noun> is ...") is refused (openings._RELATIVE_TIME,
        # _SIMILAR_OPENING, _POINTED_NOUN); items 099, 100, 191 and 216 move, all four right.
        # Then the writer's verdicts, prescriptions and words to the
        # reader are commentary (commentary.py, issue 16); items 125, 165 and 193 each lose one
        # (R2 up on all three; R1 +1.7 on 125, -3.3 on 165 and -2.6 on 193).
        # All of the session merged: 18.64 / 41.79 (R1 down on the items whose removed lines
        # shared single words with the references; each removal read right).
        # 18.64 / 41.79 -> 18.71 / 41.85: another report's opening that restates bullet 1 with
        # no head to cut heads the page whole when no longer than bullet 1 (the line the page
        # shows when nothing restates it; extractive._Plan._restate); 14 items up (240 +18.0,
        # 008 +13.0, 221 +10.6, 219 +9.3), 8 down (150 -25.1, 255 -10.4, 084, 134, 183, 014).
        # 18.71 / 41.85 -> 18.76 / 41.88: a pronoun after "said" and before a verb is what was
        # said, not an unnamed speaker (openings._PRONOUN_SPEAKER); items 236 (+7.6), 088
        # (+5.2), 091 (+3.6) up, 245 (-1.2) down.
        # 18.76 / 41.88 -> 18.79 / 41.86: "The <noun> whose ..." says which one as "who" does
        # (openings.definite_head); item 177 alone moves (R2 +8.9, R1 down: that lede now leads).
        # With the above merged: 18.79 / 41.86 -> 18.78 / 41.85, on purpose: bullets 2-3 are
        # facts of the event, a description or a view only when no other fact is left
        # (eventfacts.py); items 195 (the signpost line down a place) and 120 (one view for
        # another) move.
        # 18.79 / 41.86 -> 18.96 / 42.01 measured alone (merged with the above: 18.78 / 41.85 ->
        # 18.96 / 42.00): an untitled article's long lede stands in for its title by its head when the others tell as large a share of the head's words
        # (lede.stand_in_title), so short plain ledes no longer fall under the report line for
        # its length; 9 items up (131 +43.7, 264 +5.7, 144 +3.3, 79 +2.9), 6 down (152 -3.8,
        # 59 -1.6, 156 -1.5, 30 -0.9, 163, 246); without item 131 the rise is about +0.03.
        {"rouge2": 18.96, "rouge1": 42.00},
    ),
    Floor(
        "update summaries on DUC 2007 (ROUGE-2 recall of What's new)",
        (
            "summarization",
            "{data}/summarization/duc2007_update.jsonl",
            "--words",
            "100",
            "--previous",
        ),
        {
            "summarization/duc2007_update.jsonl": "5417f0da96801ee52d4e758f20db2d722f0ee8b59993ae8283ff57ed74ba1875"
        },
        # 9.96 -> 10.10: after a development, bullets 2-3 weigh how far the other outlets carry
        # their words (overlap.word_support), so a feature's scene no longer takes them.
        # 10.10 -> 9.97, lowered on purpose: bullets 2-3 may show a long sentence's main
        # statement (clip.py; NeuS R2 19.11 -> 19.43). Two items of 30 change: one batch-A
        # story page takes another next fact as a bullet (-4.2), the What's new that follows
        # it gains 0.24.
        # 9.97 -> 9.86, lowered on purpose: a participle clause ends a main statement too
        # (NeuS R2 19.43 -> 19.58). Three batch-A story pages of 30 change a next bullet
        # (-3.0, -1.0, +0.7); What's new is unchanged.
        # 9.86 -> 9.87: an aim an earlier report saw pending ("the effort to free the miners")
        # leaves the page once a later report says it is done (roles.pending_events).
        # 9.87 -> 10.03: a wire digest's items ("-- <an airline> is poised ...") lose their
        # list marker and are sentences again, no longer refused as fragments.
        {"rouge2_recall": 10.03},
    ),
    Floor(
        "long summaries on DUC 2007 update (ROUGE-2 at 260 words, the Multi-News budget)",
        ("summarization", "{data}/summarization/duc2007_update.jsonl", "--words", "260"),
        {
            "summarization/duc2007_update.jsonl": "5417f0da96801ee52d4e758f20db2d722f0ee8b59993ae8283ff57ed74ba1875"
        },
        # Issue 16's unseen Multi-News-style set has newsloom below MMR at 260 words; here MMR
        # TF-IDF scores 8.64 / 30.53 in the same run (--baselines).
        # 10.01 / 30.79 -> 10.12 / 30.89: list items lose their marker ("-- ", "_ ").
        # 10.12 / 30.89 -> 10.13 / 30.94: an untitled document's lede stands in for its title
        # when the report is chosen (some DUC documents have no headline).
        # 10.13 / 30.94 -> 10.09 / 30.91, lowered on purpose: one count of one thing said of one
        # actor is one fact (counted.same_counted_thing), so the balloon story's second telling of
        # the round-the-world voyage's count of days no longer follows the first; the sentence that takes its place retells the pyramids landing, which
        # the references score lower. The untitled figure rises 10.25 -> 10.26, NeuS R1 +0.04.
        # 10.09 / 30.91 -> 10.08 / 30.90, lowered on purpose: a leading phrase pointing back
        # with a demonstrative is an opening reference, so item D0721E-B no longer shows a
        # sentence opening "For that, prosecutors are seeking ..." (for what?); the
        # sentence that takes its place shares fewer word pairs with the references.
        # 10.08 -> 10.06, lowered on purpose (rouge1 holds at 30.90): a later report's lede that
        # tells what followed the main event is a bullet (lede.follows_event), so D0740I-B
        # shows the balloon over Mexico after its crossing of the Pacific
        # and D0711C-B Microsoft quitting its trade association earlier on the page; the
        # sentences they push past 260 words share more word pairs with the references.
        # 10.06 -> 10.05: main measures 10.05 / 30.90 since the s32-demo3 merge (shortnames,
        # crowds); with bare definites the page introduced in other words released
        # (openings.told_head) it is 10.05 / 30.92.
        # 10.05 / 30.92 -> 10.06 / 30.93: a page whose paragraphs took every statement of what
        # to watch keeps its most central next step in a future form for the takeaways, and
        # the paragraphs are chosen without it (extractive.sections, watch.says_future).
        # 10.06 / 30.93 -> 10.01 / 30.88, on purpose: a statement whose reference past its
        # opening the page never resolves is refused (innerrefs.py); D0711C-B and D0711C-C
        # each lose a sentence whose "that" points at nothing shown.
        # 10.01 -> 10.00, on purpose (rouge1 holds at 30.88): "Later, <someone> ate
        # lunch ..." counts from a time the page does not show and is refused
        # (openings._RELATIVE_TIME); D0726F-A takes another sentence in its place.
        # 10.00 / 30.88 -> 10.01 / 30.80, rouge1 lowered on purpose: the end of somebody's words
        # whose opening and speaker are in a sentence the page does not show ("<words>.''",
        # "..., <words>,'' she said.") is refused (unattributed.closes_unopened_quotation);
        # D0706B-B and D0736H-B take other sentences (untitled rises 10.34 -> 10.72).
        # 10.01 -> 10.00, on purpose (rouge1 holds at 30.80): a plural role before two names
        # is each one's role (people.shared_role), so one item's second pilot is a person:
        # named in full where the reader meets him ("<pilot> and <first name> <surname>, who
        # took off ..."), by the surname after it; the repeats of his first name go.
        {"rouge2": 10.00, "rouge1": 30.80},
    ),
    Floor(
        "long summaries of untitled documents on DUC 2007 update (ROUGE-2 at 260 words)",
        (
            "summarization",
            "{data}/summarization/duc2007_update.jsonl",
            "--words",
            "260",
            "--no-titles",
        ),
        {
            "summarization/duc2007_update.jsonl": "5417f0da96801ee52d4e758f20db2d722f0ee8b59993ae8283ff57ed74ba1875"
        },
        # Multi-News documents come without titles; MMR TF-IDF scores 8.64 / 30.53.
        # 9.39 / 29.71 -> 10.14 / 30.86: the headline that falls back to bullet 1's sentence is
        # no longer told again as bullet 1 (the bullets go on from the next fact).
        # 10.14 / 30.86 -> 10.25 / 30.94: list items lose their marker ("-- ", "_ ").
        # rouge1 30.94 -> 30.91, lowered on purpose (rouge2 holds at 10.25): an untitled
        # document's lede stands in for its title when the report is chosen, so an angle's
        # opening no longer leads; NeuS without titles gains R2 17.51 -> 17.75, R1 40.79 ->
        # 41.06 (15 of the 21 items whose bullet 1 changes gain, 4 lose).
        # 10.25 / 30.91 -> 10.26 / 30.92: one count of one thing said of one actor is one fact.
        # 10.26 / 30.92 -> 10.30 / 30.96: a sentence without a main clause is no statement
        # (mainverb.py); item D0726F-A's freed words go to a statement the references share.
        # 10.30 -> 10.28, lowered on purpose (rouge1 30.96 -> 30.97): a later report's lede
        # telling what followed the main event is a bullet (lede.follows_event).
        # 10.31 / 30.97 (as measured before this change) -> 10.34 / 31.06:
        # without titles, another report's lede is the next bullet, whole (_other_lede).
        # 10.28 / 30.97 -> 10.26 / 30.95, on purpose: a bare definite the page did introduce in
        # other words is no riddle (openings.told_head: "The quake ..." under "an earthquake",
        # "The mine ..." under "mine,"); D0703A-C (-0.5) and D0736H-B (-0.8) take such a
        # statement in place of another the references share more, D0716D-C holds.
        # Merged with main's s32-demo3 (main alone 10.31 / 30.97): 10.29 / 30.95.
        # Both merged, with close-set datelines stripped: 10.34 / 31.06.
        # 10.34 / 31.06 -> 10.37 / 31.10: the one next step of a page whose paragraphs took
        # every statement of what to watch is a takeaway (watch.says_future).
        # 10.37 / 31.10 -> 10.34 / 31.08, on purpose: the same refusals (innerrefs.py).
        # 10.37 / 31.10 -> 10.38 / 31.09, rouge1 lowered on purpose: a person's role moves to
        # the first mention (people.roles_first); D0726F-C gives a man's role as an apposition
        # where the reader meets him, and the 260-word cut loses two words at the end.
        # Both merged: 10.35 / 31.07.
        # 10.35 -> 10.34, on purpose (rouge1 holds at 31.07): the same refusal of "Later, the
        # vice president ..." in D0726F-A (openings._RELATIVE_TIME).
        # 10.34 / 31.07 -> 10.72 / 31.35: the end of a quotation opened in a sentence the page
        # does not show, with no speaker named, is refused
        # (unattributed.closes_unopened_quotation); D0706B-B and D0736H-B move.
        # 10.72 -> 10.71, on purpose (rouge1 holds at 31.35): the same second pilot introduced
        # once (people.shared_role).
        # 10.71 / 31.35 -> 10.75 / 31.41: an untitled article's long lede stands in for its
        # title by its head (lede.stand_in_title); D0711C-C (+0.8) and D0703A-C (+0.2) up,
        # D0711C-A moves at the same score, none down.
        {"rouge2": 10.75, "rouge1": 31.41},
    ),
    Floor(
        "the grounding check on FRANK (ROC-AUC per half)",
        ("grounding", "{data}/summarization/frank_cnndm_xsum.jsonl"),
        {
            "summarization/frank_cnndm_xsum.jsonl": "5e1fc1b2bcbaff5282a2cd9e82a3a213f1ef84696a0e8e0232906b768ce598b3"
        },
        # CNN/DM 0.8025 -> 0.8013 (XSum 0.7178 -> 0.7181) with the int8 embeddings; 0.8083
        # with contractions joined again ("has n't"); 0.8101 when a claim's meaning match is its
        # least supported sentence's; trigram overlap scores 0.742 / 0.530. 0.8112 / 0.7201 when
        # a copied statement given to another named actor than its source's costs (swapped);
        # 0.8196 / 0.7261 when a model's unknown-word placeholder ("UNK") is no invented word;
        # 0.8203 / 0.7261 when bracket escapes ("-LRB-") are neither; 0.8215 / 0.7261 with
        # detached possessives joined ("Port Alder 's"); 0.8255 / 0.7379 when a sentence saying
        # a word more often than its evidence does (a looping generator) costs (looped);
        # 0.8264 / 0.7379 when a copied statement that drops its source's hedge ("allegedly
        # ...", "thought to ...") costs (unhedged); 0.8265 / 0.7385 when a
        # sentence cut short ("She knew the") costs (cut); 0.8268 / 0.7385 when page furniture
        # ("Click here for all the latest sailing news.") does; 0.8281 / 0.7420 when a run of
        # function words alone ("has been") marks no seam and equally long runs are read from
        # the sentence the run before came from; 0.8292 / 0.7469 when a run that several
        # sentences hold is read from the one giving the fewest seams; 0.8305 / 0.7469 when a
        # name copied inside a run ("Peter Vale, 37, took ...") is checked as an actor too and
        # a title ("Mr") is no actor; 0.8320 / 0.7469 when a sentence-opening "he" stands for
        # the subject of the sentence before and a phrase said of several actors is no one's;
        # 0.8341 / 0.7469 when a pronoun after an opening connective ("However, he") opens
        # the sentence; 0.8352 / 0.7469 when a caption's position note ("Marsh (centre) is")
        # does not hide the actor; 0.8364 / 0.7469 when a "he" inside a sentence stands for
        # its subject; 0.8403 / 0.7442 when words put in a copied phrase's slot in place of
        # the source's own, taken from elsewhere in it ("Bets on [the skipper] being named ..."),
        # cost (spliced: 4 right and 18 wrong CNN/DM summaries move down, 1 and 9 on XSum;
        # XSum's 0.0027 is within its bootstrap spread of 0.06); 0.8422 / 0.7442 when each
        # sentence of a tokenised claim is covered by its own closest source sentences and the
        # claim is as covered as its least covered sentence; 0.8433 / 0.7442 when a dropped
        # placeholder ending a sentence ("of UNK . he") no longer hides the sentence end;
        # 0.8463 / 0.7479 when a copied statement given a circumstance copied from a sentence
        # that is not next to its own ("resigned || after the final whistle") or a negation
        # its source does not give it costs (relations: 4 right and 16 wrong CNN/DM summaries
        # move down, 0 and 12 on XSum); 0.8468 / 0.7527 when an attribute put next to a name
        # ("former Veland captain Arden", "Lind, 51,") that the sources give another holder
        # or never say near it costs (attributes: 0 right and 3 wrong CNN/DM summaries move
        # down, 0 and 14 on XSum); 0.8494 / 0.7527 when right summaries stop paying for a
        # run copied across a source sentence end (no seam where the copy reads on), for a
        # "he" put where the origin has "who" (it means the name before "who") and for a
        # number glued to its unit in the evidence ("7pm": said once): 4 right CNN/DM
        # summaries move up, no wrong one; 0.8501 / 0.7527 when a name modifying a
        # description ("the Parnu Tigers captain") is not whom that sentence's "he" means (one
        # right CNN/DM summary moves up, no wrong one); 0.8512 / 0.7527 when a capitalised
        # word after "the" ("the Briton", "the Georgian national") is read as a description,
        # not as another actor (2 right CNN/DM summaries move up, no wrong one); 0.8517 /
        # 0.7527 when a description put where the copied source sentence has "he" ("The
        # nine-year-old moved ...") stands for the name the sources write with it
        # ("nine-year-old Toby") and that name is the one meant (1 right CNN/DM summary
        # moves up, no wrong one); 0.8566 / 0.7527 when a copy that skips from a word to its
        # next mention in one source phrase ("paid for her [vote against her] party") costs
        # (grounding_deletions.py; not for a preposition, which shortens a chain): 4 wrong
        # CNN/DM summaries move down (2 pgn, 2 bus) and 1 right one (bus); XSum unmoved.
        # Measured before that: 0.8533 / 0.7556 when a quotation no one source sentence holds
        # whole (two statements' words in one pair of quotation marks, or words the source
        # never said between them) and a named speaker given words the source gives another
        # it names cost (grounding_quotes.py: 1 right and 5 wrong CNN/DM summaries move down,
        # 1 and 11 on XSum; s2s .9300 -> .9273, TConvS2S .7328 -> .7304); 0.8545 / 0.7556
        # when first-person words outside quotation marks, in a sentence with no speech verb,
        # cost too (a speaker's words given as the summary's own: 1 wrong pgn summary moves
        # down, no right one); 0.8548 / 0.7556 when a statement cited "according to" another
        # source than the one its source sentence cites costs too (2 wrong CNN/DM summaries
        # move down, no right one). Both merged: 0.8597 / 0.7556. 0.8601 / 0.7556 when a
        # plural pronoun opening a copied sentence ("They were lit at night") may stand for
        # the subject of the source sentence before, a common noun as much as a name
        # (references.py: 1 right bert_sum summary moves up, no wrong one; XSum unmoved).
        {"roc_auc_cnndm": 0.860, "roc_auc_xsum": 0.755},
    ),
    Floor(
        "pages of the Giveme clusters read as a reader meets them (issue 16)",
        ("readability", "{data}/clustering/giveme5w1h_news_cluster.jsonl"),
        {
            "clustering/giveme5w1h_news_cluster.jsonl": "319ac64f0cdfdf42686fc25e894e4206c8209893386303f47a24f1855ea1d8d7",
        },
        {},
        # Facts once across the page (toldagain.py): a statement after bullet 1 whose counts,
        # names and words the page has all told. 0 of 69 stories' statements when the count
        # came (2 of 31 demo stories, both true repeats, which the summarizer now leaves out).
        # A person met without a role their statement's own article gives (people.py,
        # roles_from_articles): 5 first mentions (0.072 per story) before the page took the
        # article's role (stories 44, two people; 67; 69); the one left, a person's remarks
        # "from" him, reads his name as a place.
        {
            "facts_told_again_per_story": 0.0,
            "repeated_fact_pairs_per_story": 0.0,
            "people_unnamed_in_articles_per_story": 0.014,
        },
    ),
]


def _digest(path: Path) -> str:
    """SHA-256 of a file, or of a folder's files (names and contents, in name order)."""
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        if path.is_dir():
            digest.update(str(file.relative_to(path)).encode() + b"\0")
        with file.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _figure(result: dict[str, Any], dotted: str, data: str) -> float:
    """The figure at ``dotted`` ("files.<path>.b3_f1"); paths in keys hold dots of their own."""
    key = dotted.replace("{data}", data)
    node: Any = result
    while "." in key:
        head = next((k for k in node if isinstance(k, str) and key.startswith(k + ".")), None)
        if head is None:
            break
        node, key = node[head], key[len(head) + 1 :]
    return float(node[key])


@pytest.mark.parametrize("floor", FLOORS, ids=[f.name for f in FLOORS])
def test_quality_holds_its_floor(
    floor: Floor, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shared = shared_data_dir()
    if shared is None:
        pytest.skip("the shared evaluation sets are not on this machine")
    for relative, expected in floor.corpus.items():
        found = _digest(shared / relative)
        assert found == expected, (
            f"{relative} changed (sha256 {found}): measure this floor again and update FLOORS"
        )
    data = str(shared)
    command = [part.replace("{data}", data) for part in floor.command]
    assert main(["--data-dir", str(tmp_path), "eval", *command]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    below = {
        key: (figure, measured)
        for key, figure in floor.figures.items()
        if (measured := _figure(result, key, data)) < figure
    }
    assert not below, f"{floor.name}: below the floor (floor, measured): {below}"
    above = {
        key: (figure, measured)
        for key, figure in floor.ceilings.items()
        if (measured := _figure(result, key, data)) > figure
    }
    assert not above, f"{floor.name}: above the ceiling (ceiling, measured): {above}"
