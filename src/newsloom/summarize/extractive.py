"""Extractive multi-document summarizer: every sentence is a source sentence, cited to all the
articles that state it.

Salience of a sentence = 0.6 x centrality (cosine to the story centroid, scaled so the best is 1)
+ 0.25 x position (1 / (1 + index / 2), the lead weighs most) + 0.8 x cross-outlet support (mean
over the other articles of the best cosine to one of their sentences: what other outlets also
report, in any wording) + 1.0 x shared word pairs (mean share of its word pairs that other
outlets use, overlap.py) + 0.15 x shared facts (share of the other outlets stating the same fact
nearly word for word). Sections are filled with MMR in this order: paragraphs (the word budget;
the most salient fact leads, the others follow by article time then position), bullets (short
salient sentences; after a development also weighed by how far other outlets carry their words;
a long sentence shown as its main statement in bullets 2-3, clip.py), takeaways (what to watch,
watch.py: a next step, a pending decision, an effect on people, the most central first; then a
consequence already told, consequences.py; fewer when the story tells fewer, never a scene, a
quotation or an opinion). No fact appears twice;
near-identical sentences of several outlets form one fact, shown in the earliest article's
wording and cited to all. "What's new" holds the facts of articles added since the previous
version that no earlier article or summary stated, ranked with word pairs shared among the added
articles only.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import cached_property

import numpy as np

from newsloom.errors import SummarizeError
from newsloom.records import Article, Cited, Summary
from newsloom.summarize.background import is_background
from newsloom.summarize.clauses import new_clauses, told_in_order
from newsloom.summarize.clip import headline_statement, main_statement
from newsloom.summarize.commentary import is_commentary
from newsloom.summarize.consequences import new_consequence, told_kinds
from newsloom.summarize.deeds import figure_beside_name
from newsloom.summarize.described import as_named, descriptions
from newsloom.summarize.details import bare_figure
from newsloom.summarize.eventfacts import no_event_fact
from newsloom.summarize.facts import Candidate, Fact, candidates_of, group_facts
from newsloom.summarize.framed import frame_told
from newsloom.summarize.headline import choose_headline, complete_title
from newsloom.summarize.innerrefs import inner_reference
from newsloom.summarize.lede import (
    LEDE_WINDOW,
    REPORT_SHARE,
    RESTATES,
    article_words,
    develops,
    follows,
    follows_event,
    lede_of,
    main_clause,
    report_scores,
    retells,
    sets_scene,
    stand_in_title,
)
from newsloom.summarize.lede import title_words as lede_words
from newsloom.summarize.mainverb import lacks_main_clause
from newsloom.summarize.nocomment import only_refusal
from newsloom.summarize.offstory import off_story, unshared
from newsloom.summarize.openings import (
    content_words,
    demonstrative_reference,
    names_something,
    opening_reference,
    speaks_to_reader,
    unnamed_speaker,
)
from newsloom.summarize.overlap import bigram_support, word_support
from newsloom.summarize.people import Role, article_roles, introduce_once, people_of
from newsloom.summarize.roles import (
    MAIN_EVENT_MAX_WORDS,
    describes_present,
    done_events,
    is_reaction,
    judged_away,
    long_past,
    looks_ahead,
    ongoing,
    pending_events,
    provisional,
    revised_away,
    revised_figures,
    revises,
    tallies,
    wait_over,
    waits,
)
from newsloom.summarize.samestate import same_subject_state
from newsloom.summarize.scenes import shows_scene
from newsloom.summarize.shortnames import name_things_once
from newsloom.summarize.standfirst import retells_lede
from newsloom.summarize.text import clean_title
from newsloom.summarize.toldagain import Page
from newsloom.summarize.unattributed import unattributed_quotation
from newsloom.summarize.updates import summary_texts
from newsloom.summarize.vectors import (
    Embed,
    Selection,
    centroid,
    cross_support,
    embed_rows,
    mmr,
    repeated_facts,
    tfidf_rows,
)
from newsloom.summarize.voices import in_statement, instructs, speaker_turn
from newsloom.summarize.watch import (
    due_soon,
    open_question,
    says_effect,
    says_future,
    what_to_watch,
)
from newsloom.summarize.words import tokens

W_CENTRAL, W_POSITION, W_SUPPORT, W_CROSS = 0.6, 0.25, 0.15, 0.8
W_PAIRS = 1.0  # share of the sentence's word pairs that other outlets use (overlap.py)
# Share of a statement's words that other outlets carry (overlap.word_support), weighed as its
# word pairs are, in the choice of bullets 2-3 after a development.
W_CARRIED = W_PAIRS
BULLETS = 3
PARAGRAPHS = 3
TAKEAWAYS = 3
WHATS_NEW = 6  # at most this many sentences
WHATS_NEW_WORDS = 120  # and about this many words (or the body budget when smaller)
BULLET_MAX_WORDS = 25
# Words of the report's title a statement must carry to tell what bullet 1 left out: two, so
# that one shared word (a name, "Assembly") is not taken for the same point.
TITLE_CLUE = 2
MIN_BODY = 2  # sentences the paragraphs may take before bullets get any
# Reports published this close together describe the same moment; one older than that may
# describe a state of things a later report has overtaken.
NEWS_CYCLE = timedelta(hours=1)
# What "tonight", "overnight" or "tomorrow morning" in a report has reached (watch.due_soon).
DAY = timedelta(days=1)
# A stale statement of a state that had lasted until its report ("the miners have been in the
# chamber since midnight") is about bullet 1's subject when it shares a content word with it: the
# state is narrow (present perfect with "since"), and the subject is often one noun ("miners").
OVERTAKEN_SHARED = 1
NEW_FACT_LIMIT = 0.5  # TF-IDF cosine to a previous summary sentence above which a fact is old


class ExtractiveSummarizer:
    """Cited extractive summaries. ``embed`` (texts -> one vector per text) replaces TF-IDF for
    salience and the MMR penalty; redundancy and citations always use TF-IDF, which is exact about
    shared words."""

    method = "extractive"

    def __init__(self, embed: Embed | None = None) -> None:
        self._embed = embed

    def summarize(
        self,
        story_id: int,
        articles: Sequence[Article],
        previous: Summary | None,
        words: int,
        now: datetime,
    ) -> Summary:
        if not articles:
            raise SummarizeError(f"summarize: story {story_id} has no articles")
        if any(a.id is None for a in articles):
            raise SummarizeError(f"summarize: story {story_id} has an article without an id")
        if words < 1:
            raise SummarizeError(f"summarize: word budget must be positive, got {words}")
        ordered = sorted(articles, key=lambda a: (a.published, a.id or 0))
        plan = _Plan(ordered, previous, self._embed)
        paragraph_facts, bullets, takeaways = plan.sections(words)
        headline = plan.headline(bullets[0] if bullets else None)
        shown_bullets = list(enumerate(bullets))  # (place in the plan, fact)
        restated = plan.restatement(bullets[0]) if not headline and bullets else None
        if restated is not None:
            # No article has a title: another report's opening that restates bullet 1 in a
            # line stands in for one, as a title restates its article's lede (_Plan.restatement).
            headline = restated
        elif not headline and (bullets or paragraph_facts):
            # No article has a title and no other report restates bullet 1 in a line: the
            # headline is the main event's own sentence, and the bullets go on from the next
            # fact instead of stating it again (a card showing the headline and bullet 1 would
            # show one sentence twice).
            headline = plan.cite((bullets or paragraph_facts)[0]).text.rstrip(".")
            shown_bullets = shown_bullets[1:] if len(bullets) > 1 else shown_bullets
            if len(bullets) == 1 and not paragraph_facts:
                # Bullet 1 is the page's only statement: it stays whole, with its citation, and
                # the headline over it is its head that states the event alone (a name's
                # description left to the bullet), or another report's wording of it, so the
                # card does not show it twice (_Plan.single_statement).
                headline, single = plan.single_statement(bullets[0])
                shown_bullets = [(0, single)]
            if len(bullets) == 1 and paragraph_facts:
                # No next fact could be a bullet (its main statement tells bullet 1 again): the
                # page's first statement is then the first paragraph's fact, whole, rather than
                # bullet 1 stated again under the headline made of its own words.
                shown_bullets = [(0, paragraph_facts[0])]
                paragraph_facts = paragraph_facts[1:]
        chunks = plan.paragraphs(paragraph_facts)
        page = [plan.cite(i, plan.bullet_text(i, k)) for k, i in shown_bullets]
        # Facts once, clause by clause (clauses.py): a paragraph whose one clause the page told
        # shows its other clause alone, still cited to its articles.
        body = [i for chunk in chunks for i in chunk]
        told = [headline, *(c.text for c in page)]
        shown_body = new_clauses(told, [plan.shown[i] for i in body])
        page += [plan.cite(i, t) for i, t in zip(body, shown_body, strict=True)]
        page += [plan.cite(i) for i in takeaways]
        # Read in page order, each person is introduced once (people.py), and a thing named by
        # its short name ("the hall") before the page says which one gets its name (shortnames.py).
        order = [i for _, i in shown_bullets] + [i for chunk in chunks for i in chunk] + takeaways
        texts = introduce_once(
            [c.text for c in page], plan.people, lambda k: plan.article_roles(order[k])
        )
        texts = name_things_once(texts, [plan.short_names(i) for i in order], headline)
        page = [Cited(t, c.article_ids) for t, c in zip(texts, page, strict=True)]
        shown = iter(page)
        return Summary(
            story_id=story_id,
            version=previous.version + 1 if previous else 1,
            headline=headline,
            bullets=tuple(next(shown) for _ in shown_bullets),
            paragraphs=tuple(tuple(next(shown) for _ in chunk) for chunk in chunks),
            takeaways=tuple(next(shown) for _ in takeaways),
            created=now,
            whats_new=_introduced(plan, plan.whats_new(min(words, WHATS_NEW_WORDS))),
            method="extractive",
            article_ids=tuple(sorted({a.id for a in articles if a.id is not None})),
        )


def _introduced(plan: _Plan, facts: Sequence[int]) -> tuple[Cited, ...]:
    cited = [plan.cite(i) for i in facts]
    texts = introduce_once(
        [c.text for c in cited], plan.people, lambda k: plan.article_roles(facts[k])
    )
    return tuple(Cited(t, c.article_ids) for t, c in zip(texts, cited, strict=True))


class _Plan:
    """Scores of one story's sentences and facts; the section choices are made from it."""

    def __init__(
        self, articles: Sequence[Article], previous: Summary | None, embed: Embed | None
    ) -> None:
        self.articles = articles
        self.previous = previous
        self.candidates: list[Candidate] = candidates_of(articles)
        # The story's people, read once: descriptions, and each person introduced once.
        self.people = people_of(f"{a.lead}\n\n{a.text}" for a in articles)
        self._article_roles: dict[int, dict[str, Role]] = {}  # article -> article_roles, asked once
        self.facts: list[Fact] = []
        self.clipped: dict[int, str] = {}  # fact -> its main statement, for a bullet
        self._clipped_rows: dict[int, int] = {}  # fact -> its main statement's row in _same_fact
        self._same_fact = np.zeros((0, 0), dtype=bool)
        self.update_shift = np.zeros(0)  # per candidate: what's-new salience minus the story's
        self._done_events: dict[int, frozenset[str]] = {}  # article -> events it states done
        self._headlines: dict[int | None, str] = {}  # bullet 1 -> the headline shown over it
        self._roles: dict[int, int] = {}  # fact -> _role, asked each time a body is ordered
        self._first_reports: dict[int, int] = {}  # fact -> _first_report, asked for every use
        self.reports: list[int] = []  # articles that read as the story's reports (main_event)
        self.later_ledes: list[int] = []  # ledes of the reports after the report's news cycle
        self.whole: set[int] = set()  # bullets 2-3 shown as their whole sentence (_other_lede)
        # bullet 1 -> the line heading an untitled page and the fact it is (_restating)
        self._restatements: dict[int, tuple[str, int] | None] = {}
        self.described: dict[str, str] = {}  # a description -> the surname (described.py)
        if not self.candidates:
            return
        texts = [c.text for c in self.candidates]
        old_texts = summary_texts(previous)
        lexical_all = tfidf_rows(texts + old_texts)
        lexical, self.old_rows = lexical_all[: len(texts)], lexical_all[len(texts) :]
        self.sentence_rows = lexical
        semantic = embed_rows(embed, texts) if embed else lexical
        # One product of the sentences' TF-IDF rows serves the grouping into facts and, without
        # an embedder, the cross-outlet support too (the same product each computed before).
        lexical_sims = lexical @ lexical.T
        by_article: list[list[int]] = [[] for _ in articles]
        for i, candidate in enumerate(self.candidates):
            by_article[candidate.article].append(i)
        central = semantic @ centroid(semantic, by_article)
        central = central / central.max() if central.max() > 0 else central
        position = np.array([1.0 / (1.0 + c.position / 2.0) for c in self.candidates])
        self.base = W_CENTRAL * central + W_POSITION * position
        if len(articles) > 1:
            sims = lexical_sims if semantic is lexical else None
            self.base = self.base + W_CROSS * cross_support(semantic, by_article, sims)
            owners = [c.article for c in self.candidates]
            pairs = bigram_support(texts, owners, articles)
            self.base = self.base + W_PAIRS * pairs
            if previous is not None:
                # What's new: support counts only among the added articles, so a new sentence is
                # not promoted for repeating what the earlier articles said.
                known = set(previous.article_ids)
                added = [a.id not in known for a in articles]
                fresh_pairs = bigram_support(texts, owners, articles, added)
                self.update_shift = W_PAIRS * (fresh_pairs - pairs)
        order = sorted(range(len(texts)), key=lambda i: (-self.base[i], i))
        self.facts = group_facts(lexical, order, self.candidates, lexical_sims)
        reps = [f.rep for f in self.facts]
        outlets = [frozenset(articles[a].source_id for a in f.articles) for f in self.facts]
        n_outlets = len({a.source_id for a in articles})
        support = np.array(
            [(len(o) - 1) / (n_outlets - 1) if n_outlets > 1 else 0.0 for o in outlets]
        )
        self.salience = self.base[reps] + W_SUPPORT * support
        self.central = W_CENTRAL * central[reps] + W_SUPPORT * support
        self.lexical = lexical[reps]
        fact_lexical = self.lexical @ self.lexical.T
        # The wording shown for each fact: the earliest report whose opening stands on its own.
        self.shown = [self.candidates[self._first_report(i)].text for i in range(len(reps))]
        # Per long fact, its main statement, the words before its elaboration ("..., which
        # ...", "..., according to ...": clip.py): a bullet shows the fact in fewer words.
        self.clipped = {
            i: clipped
            for i, text in enumerate(self.shown)
            if len(text.split()) > BULLET_MAX_WORDS
            and (clipped := main_statement(text, BULLET_MAX_WORDS))
        }
        # Facts once, whichever wording the page shows: repeats are judged over the sentences
        # and the main statements together (a main statement, shorter than its sentence, may
        # share half of its words with another statement where the whole sentence did not).
        clipped_rows = {i: len(self.shown) + k for k, i in enumerate(self.clipped)}
        # A description the articles attach to one person is compared as that person's name
        # (described.py): "The Carrow schoolgirl secured ..." tells of Sato-Berg.
        described = self.described = descriptions(articles, self.people)
        same_words, same_fact = repeated_facts(
            [as_named(t, described) for t in [*self.shown, *self.clipped.values()]]
        )
        self._clipped_rows, self._same_fact = clipped_rows, same_fact
        n_shown = len(self.shown)
        same_words, same_fact = same_words[:n_shown, :n_shown], same_fact[:n_shown, :n_shown]
        self.selection = Selection(
            scores=self.salience,
            # Without an embedder semantic is lexical: the same product, computed once.
            semantic=fact_lexical if semantic is lexical else semantic[reps] @ semantic[reps].T,
            lexical=fact_lexical,
            words=[self.candidates[self._first_report(i)].words for i in range(len(reps))],
            outlets=outlets,
            repeated=same_words,
        )
        # The page's statements are read one by one as the story's facts: there a fact told
        # again in other words (the same name or number, the same thing said of it) is a
        # repeat. What's new keeps the looser test: an update restates on purpose.
        self.statements = dataclasses.replace(self.selection, repeated=same_fact)

    def sections(self, words: int) -> tuple[list[int], list[int], list[int]]:
        """Fact indexes for paragraphs, bullets and takeaways, chosen in the plan's order.

        Bullet 1 states the main event; bullets 2-3 are the next most salient distinct facts;
        takeaways are what to watch (watch.py); the paragraphs then fill the word budget
        with what is left. Every statement must stand on its own once bullet 1 is read
        (openings.py), and no fact appears twice across the sections.
        """
        n = len(self.facts)
        if n == 0:
            return [], [], []
        main = self.main_event()
        # What the reader has before the body: bullet 1 and the headline the page shows. Not
        # every title of bullet 1's reports: a word only another outlet's title gives ("Harbour
        # arrivals hit a 30-year high") is not on the page, and "The figures were the
        # largest since 1994" would point at nothing there.
        told = {w.lower() for w in self.shown[main].split()} | {
            w.lower() for w in tokens(self.headline(main))
        }
        since = min(self.facts[main].articles)
        overtaken = self._overtaken(main, since)
        # Kept off the page (no bullet, paragraph or takeaway): the standfirst of bullet 1's own
        # article telling bullet 1's news again in its editor's words (standfirst.py); a
        # sentence of another story that a roundup or a stray page brought into the cluster
        # (offstory.py); the writer's commentary or verdict, with no one credited
        # (commentary.py: "Don't panic: ...", "two superb performances"): a summary tells what
        # happened.
        kept_off = self._retold_by_standfirst(main) | self._off_story(main)
        kept_off |= {i for i in range(n) if i != main and is_commentary(self.shown[i])}
        # Nor a statement that someone gave no comment and nothing else (nocomment.py).
        kept_off |= {i for i in range(n) if i != main and only_refusal(self.shown[i])}
        # Nor, without titles, the fact whose wording heads the page (restated_fact): bullet 1's
        # fact again, whose main statement may be the headline's very words.
        if not self.headline(main) and (restated := self.restated_fact(main)) is not None:
            kept_off.add(restated)
        # Nor a sentence read from someone's statement without their name (voices.in_statement:
        # "Every ferry line faces such risks." between the company's "our crews" and "we will
        # review it"), nor a transcript's turn ("HOLM: That seems right ..."): on the page it
        # would be a claim in the page's voice.
        kept_off |= {i for i in range(n) if i != main and self._in_statement(i)}
        # Another report's lede introducing bullet 1's person as bullet 1 does ("The 3-0 win
        # belonged to Leo Haskins, a 19-year-old" under "Leo Haskins, nineteen years old, scored
        # a hat-trick", _reintroduces) tells bullet 1's news again: no bullet, no paragraph.
        body_pool = [
            i
            for i in range(n)
            if i != main
            and i not in overtaken
            and self._stands_alone(i, told)
            and not self._reintroduces(i, main)
            and i not in kept_off
        ]
        # After a development, what earlier reports said of the present or the future may no
        # longer hold ("safe for now" in the refuge chamber once the miners are out): bullets and
        # takeaways, read on their own as how things stand, leave it out. (The body keeps it as
        # context: leaving it out there too cost DUC 2007 update recall, see the issue report.)
        pool = [i for i in body_pool if not self._stale(i, since)]
        # A long sentence may still be a bullet as its main statement (self.clipped). A feature's
        # opening scene (lede.sets_scene) tells a moment, not news: a bullet read alone reports.
        # Nor is background a bullet: what happened years before its report ("were level on
        # points two seasons ago", roles.long_past) stays for the paragraphs, as does a bare
        # figure of the setting ("The attendance at the Millrace Ground was 9,870.",
        # details.bare_figure).
        # Nor is another report's opening telling bullet 1's event again in its own words
        # (lede.retells): the page has it already, under the headline. Nor a sentence speaking
        # to its reader (openings.speaks_to_reader, voices.instructs): read alone, nobody's
        # statement.
        # Nor a statement opening on bullet 1's subject in bullet 1's state ("The weather
        # satellite is healthy in orbit" under "Aurora-2 is healthy"): one fact (samestate.py).
        # Nor background: a timeless statement ("Lenders rely on credit agencies"), history ("In
        # the past, ..."): background.py.
        unfit = self._retelling(main) | {
            i
            for i in pool
            if speaks_to_reader(self.clipped.get(i, self.shown[i]))
            or instructs(self.shown[i])
            or is_background(self.clipped.get(i, self.shown[i]))
            or same_subject_state(self.shown[main], self.clipped.get(i, self.shown[i]))
        }
        short = [
            i
            for i in pool
            if (self.selection.words[i] <= BULLET_MAX_WORDS or i in self.clipped)
            and not sets_scene(self.shown[i])
            and not bare_figure(self.shown[i])
            and not self._long_past(i)
            and i not in unfit
        ]
        # The next bullets come from the reports since bullet 1's when bullet 1 is a development
        # (a later news cycle than the story's first report): how things stand now. Reports of
        # one moment all tell the same news, and then every short fact may be a bullet.
        developed = self.articles[since].published - self.articles[0].published > NEWS_CYCLE
        current = [i for i in short if not developed or max(self.facts[i].articles) >= since]
        # What bullet 1's own report put in its title and bullet 1 leaves unsaid ("l'interdiction
        # prolongée" beside the confirmed toxins) is that editor's next key fact: it leads the
        # next bullets when a statement tells it.
        untold = self._untold_title(main)
        titled = [i for i in current if len(lede_words(self.shown[i]) & untold) >= TITLE_CLUE]
        # After a development the later articles include features, whose ledes open on a scene
        # ("The community hall on Rope Walk was full by breakfast time") and weigh as ledes do;
        # how things stand now is what the other outlets carry too (the toll, the people still
        # in shelters), so the next bullets weigh that as well (overlap.word_support).
        # As bullets 2-3, the long facts show their main statements: repeats are judged on those.
        as_bullets = self._shown_as(i for i in self.clipped if i != main)
        next_facts = as_bullets
        if developed:
            scores = self.salience + W_CARRIED * self._carried()
            next_facts = dataclasses.replace(next_facts, scores=scores)
        bullets = [main, *mmr(next_facts, titled, [main], count=1)]
        # The latest key fact is a bullet when bullet 1 is not it: a later report's lede
        # (main_event: what happened since the report, a consequence as well as a new state),
        # whole up to the length a development may have as bullet 1 (its who, what and when
        # may run past its first clause, as bullet 1's do).
        later = [
            i
            for i in self.later_ledes
            if i in pool
            and i not in bullets
            and self.selection.words[i] <= MAIN_EVENT_MAX_WORDS
            and follows_event(self.shown[i], self.shown[main])
        ]
        bullets += mmr(next_facts, later[:1], bullets, count=min(1, BULLETS - len(bullets)))
        # Without titles (Multi-News, microblogs, some JSON Feeds) no headline gives another
        # outlet's wording of the news, and each report's opening is the one line in which its
        # editor summed the story up: the facts it puts beside bullet 1's event ("..., and the
        # council will vote on the closure next week") are what that outlet found key. So the next bullet is
        # another report's lede (main_event's reports, not an angle), shown whole as bullet 1 is,
        # up to the length a lede may have as a bullet (MAIN_EVENT_MAX_WORDS): its main statement
        # alone is mostly the event bullet 1 states. Its own fact, not a near copy of bullet 1.
        if not any(a.title.strip() for a in self.articles):
            bullets += self._other_lede(main, pool, bullets)
            # The next bullets are judged against that lede as shown: whole.
            as_bullets = self._shown_as(
                i for i in self.clipped if i != main and i not in self.whole
            )
            next_facts = dataclasses.replace(as_bullets, scores=next_facts.scores)
        # Bullets 2-3 are the next facts of the event: a scene (scenes.py), a description of how
        # a thing is or works or a view someone holds (eventfacts.py) is one only when no other
        # fact is left.
        facts_first = [
            i
            for i in current
            if not (shows_scene(self.shown[i]) or no_event_fact(self.shown[i], self.shown[main]))
        ]
        bullets += mmr(next_facts, facts_first, bullets, count=BULLETS - len(bullets))
        bullets += mmr(next_facts, current, bullets, count=BULLETS - len(bullets))
        if len(bullets) < BULLETS:
            fresh = [i for i in pool if i not in unfit]
            bullets += mmr(as_bullets, fresh, bullets, count=BULLETS - len(bullets))
        # The rest of the page is judged against the bullets as they are shown.
        page = self._shown_as(i for i in bullets[1:] if i in self.clipped and i not in self.whole)
        by_centrality = dataclasses.replace(page, scores=self.central)
        # Takeaways say what to watch (watch.py): a next step, a pending decision, an effect on
        # people. A page without enough of them shows fewer takeaways rather than filling them
        # with a scene, background, a quotation or the writer's opinion.
        # The plainer ones first: a next step said as such before one only reported.
        # A step an earlier report saw due within the day ("the team would release further
        # balloons overnight and decide at the morning briefing", said the day before a launch)
        # has come by the time of a bullet 1 reported a day later: not what to watch now.
        # Nor is a takeaway, read alone, a sentence speaking to its reader ("The patch will let
        # you manage your friends", "Tap (Share) on a photo, and ..."), as no bullet is.
        watch = {
            i: 0
            if self._due_before(i, since)
            or not (level := what_to_watch(self.shown[i]))
            or speaks_to_reader(self.shown[i])
            or instructs(self.shown[i])
            or is_background(self.shown[i])
            else level
            for i in range(n)
        }
        ahead = [i for i in pool if watch[i] == 2]
        reported = [i for i in pool if watch[i] == 1]
        # A short story may not have enough self-contained facts for the page's shape; then it
        # takes those whose reference the page has resolved by then ("The team ..." once a
        # statement names the team), and no others: a fact whose opening points at what the page
        # never says ("The performance sent Democrats into a panic", "That number was up 36
        # percent") reads as a riddle, so a short page shows fewer paragraphs, as it shows fewer
        # takeaways (issue 16: 86 of NeuS's 88 openings that named no one came this way).
        rest = [i for i in range(n) if i != main and i not in set(body_pool)]
        rest = [
            i
            for i in rest
            if not self._stale(i, since) and i not in overtaken and i not in kept_off
        ]

        def resolved(read: list[int]) -> list[int]:
            """The facts of ``rest`` that stand alone once the statements ``read`` are read,
            bullets 2-3 as the page shows them."""
            shown = [
                self.clipped.get(i, self.shown[i])
                if i in bullets[1:] and i not in self.whole
                else self.shown[i]
                for i in read
            ]
            said = told | {w.lower() for text in shown for w in text.split()}
            return [i for i in rest if self._stands_alone(i, said)]

        count = min(TAKEAWAYS, max(0, n - BULLETS - MIN_BODY))
        body_count = max(MIN_BODY, len(body_pool) - (len(bullets) - 1) - count)
        paragraphs = mmr(page, body_pool, bullets, count=body_count, budget=words)
        # Facts once across the page (toldagain.py): a paragraph whose counts, names and words
        # the headline, the bullets and the paragraphs before it have all told leaves the body,
        # and its words go to the next fact; so does every other fact the page that stays has
        # all told (it would be told again wherever it stood).
        while again := self._told_again(bullets, paragraphs, []):
            staying = [i for i in paragraphs if i not in again]
            others = [i for i in body_pool if i not in staying]
            again |= self._told_again(bullets, staying, [], others)
            body_pool = [i for i in body_pool if i not in again]
            paragraphs = mmr(page, body_pool, bullets, count=body_count, budget=words)
        steps = [i for i in ahead if says_future(self.shown[i]) or says_effect(self.shown[i])]
        steps += [i for i in reported if open_question(self.shown[i])]
        left = [i for i in ahead + reported if i not in paragraphs and i not in bullets]
        if count and steps and left:
            # What the page tells again is no takeaway either (below): a paragraph "the new
            # timetable will start over the coming weeks" leaves none of its retellings; nor does
            # one too close to what the page says (mmr skips it there as here).
            left = [i for i in left if i not in self._told_again(bullets, paragraphs, [], left)]
            left = mmr(by_centrality, left, bullets + paragraphs, count=1, lam=1.0)
        if count and steps and not left:
            # The paragraphs, filled first, took or told every statement of what to watch, and the
            # page would have no takeaway: the most central next step said in a future form
            # ("Fernlight says it will use the money to hire four more people"), an effect on
            # people said as such ("The council urged drivers to stay off the coast road") or an
            # open question the story names (watch.open_question), one the paragraphs took, is
            # kept for the takeaways, and the paragraphs are chosen without it. (A time word
            # alone, "until", as often dates past narrative: "sat in a basement until a team began
            # rebuilding it".)
            taken = [i for i in steps if i in paragraphs] or steps
            kept = set(mmr(by_centrality, taken, bullets, count=1, lam=1.0))
            body = [i for i in body_pool if i not in kept]
            paragraphs = mmr(page, body, bullets, count=body_count, budget=words)
        if len(paragraphs) < MIN_BODY:
            chosen = bullets + paragraphs
            paragraphs += mmr(page, resolved(chosen), chosen, count=MIN_BODY - len(paragraphs))
        takeaways: list[int] = []
        # A takeaway is read alone, after the statements a reader reads first: the bullets, each
        # paragraph's opening and the takeaways before it. One whose reference only those have
        # resolved comes last ("The club's supporters' trust ..." once a bullet names the club);
        # a page short of them has fewer takeaways.
        # The most central first, by centrality alone (lam=1): a repeat of what the page says is
        # left out outright (same_fact, lexical redundancy), and a penalty for sharing the page's
        # subject would prefer what is furthest from the story, a roundup's aside about another
        # event (Giveme: NASA's launch system under Musk's Tesla launch, NASA's Orion capsule
        # under China's far side mission).
        openings = [chunk[0] for chunk in self.paragraphs(paragraphs) if chunk]
        for candidates in (ahead, reported, None):
            if len(takeaways) < count:
                chosen = bullets + paragraphs + takeaways
                if candidates is None:
                    read_first = resolved(bullets + openings + takeaways)
                    found = [i for i in read_first if watch[i]]
                else:
                    found = candidates
                # Nor a takeaway whose facts the page has all told (toldagain.py), or told in
                # one statement's frame (framed.py: a paragraph that gave way comes back as none).
                again = self._told_again(bullets, paragraphs, takeaways, found)
                found = [i for i in found if i not in again]
                takeaways += mmr(
                    by_centrality, found, chosen, count=count - len(takeaways), lam=1.0
                )
        if len(takeaways) < count:
            # Then a consequence already told (consequences.py: "the ferry app is still
            # available for older phones", "her contract has been extended through 2031"): who
            # or what the news affected and how, of a kind the page has not told (another
            # outlet's toll is the page's toll again). Background long past is not this news's.
            chosen = bullets + paragraphs + takeaways
            told_now = told_kinds([self.headline(main), *(self.shown[i] for i in chosen)])
            outcomes = [
                i
                for i in pool
                if not watch[i]
                and new_consequence(self.shown[i], told_now)
                and not self._long_past(i)
            ]
            takeaways += mmr(by_centrality, outcomes, chosen, count=count - len(takeaways), lam=1.0)
        return paragraphs, bullets, takeaways

    def _told_again(
        self,
        bullets: Sequence[int],
        paragraphs: Sequence[int],
        takeaways: Sequence[int],
        candidates: Iterable[int] | None = None,
    ) -> set[int]:
        """Without ``candidates``: the paragraph facts that the headline, the bullets as shown
        and the paragraphs before them, in reading order, have all told (toldagain.py). With
        them: those of ``candidates`` the whole page so far (with ``takeaways``) has told, or
        one of its statements told in its frame (framed.py)."""
        shown = [self.bullet_text(i, k) or self.shown[i] for k, i in enumerate(bullets)]
        headline = self.headline(bullets[0]) if bullets else ""
        body = [i for chunk in self.paragraphs(paragraphs) for i in chunk]
        if candidates is None:
            found = told_in_order([headline, *shown], [self.shown[i] for i in body])
            return {body[k] for k in found}
        texts = [headline, *shown, *(self.shown[i] for i in [*body, *takeaways])]
        read = Page.of(texts)
        return {
            i
            for i in candidates
            if read.tells(self.shown[i]) or frame_told(self.shown[i], texts, read)
        }

    def _other_lede(self, main: int, pool: list[int], bullets: list[int]) -> list[int]:
        """For a story without titles: the most salient first fact of another report's opening
        (self._openings, one of self.reports) that is in ``pool``, not yet a bullet, not a
        repeat of bullet 1 and at most MAIN_EVENT_MAX_WORDS long, as a list of at most one. It
        is then shown whole (self.whole, bullet_text)."""
        own = self.candidates[self._first_report(main)].article
        ledes = [
            facts[0]
            for article, facts in sorted(self._openings.items())
            if article != own
            and article in self.reports
            and facts[0] in pool
            and facts[0] not in bullets
            and not self._same_fact[main, facts[0]]
            and self.selection.words[facts[0]] <= MAIN_EVENT_MAX_WORDS
        ]
        found = mmr(self.statements, ledes, bullets, count=min(1, BULLETS - len(bullets)))
        self.whole.update(found)
        return found

    def single_statement(self, main: int) -> tuple[str, int]:
        """For a page without titles whose only statement is bullet 1: its headline and the fact
        bullet 1 shows. The headline is the sentence's head that states the event alone
        (clip.headline_statement); without one, another report's opening telling the same fact
        in other words (a repeat: the page has no other statement for being one) is the other
        line, the shorter wording heading the longer as a title heads the lede that tells it
        with more; else the sentence stands alone under itself."""
        text = self.shown[main]
        head = headline_statement(text, BULLET_MAX_WORDS)
        if head:
            return head, main
        own = self.candidates[self._first_report(main)].article
        others = [
            f
            for article, facts in sorted(self._openings.items())
            if article != own and article in self.reports
            for f in facts
            if f != main and self._same_fact[main, f]
        ]
        if not others:
            return text.rstrip("."), main
        other = max(others, key=lambda f: (float(self.salience[f]), -f))
        short, long = sorted((main, other), key=lambda f: (self.selection.words[f], f))
        return self.shown[short].rstrip("."), long

    def bullet_text(self, fact_index: int, place: int) -> str | None:
        """What bullet ``place`` (0 = bullet 1) shows of the fact when not its sentence: bullets
        2-3 show a long fact's main statement. Bullet 1 keeps its whole sentence: the main
        event's who, what, where and when may run past its first clause ("raised its offer
        ..., valuing ..., and promised ..."); so does another report's lede in a story
        without titles (_other_lede)."""
        if fact_index in self.whole:
            return None
        return self.clipped.get(fact_index) if place > 0 else None

    def _shown_as(self, clipped: Iterable[int]) -> Selection:
        """The statements' selection inputs with the facts ``clipped`` shown as their main
        statements: their repeats judged on those words."""
        identity = np.arange(len(self.facts))
        rows = identity.copy()
        for i in clipped:
            rows[i] = self._clipped_rows[i]
        if (rows == identity).all():
            return self.statements
        return dataclasses.replace(self.statements, repeated=self._same_fact[np.ix_(rows, rows)])

    def _carried(self) -> np.ndarray:
        """Per fact: how far the other outlets carry the words of its shown wording."""
        shown_by = [self.candidates[self._first_report(i)].article for i in range(len(self.facts))]
        return word_support(self.shown, shown_by, self.articles)

    def main_event(self) -> int:
        """Bullet 1: the lede of the story's report (lede.py), or of a later report that develops
        it (the miners are out, the bid was raised). The headline then follows bullet 1."""
        if not self._openings:
            return int(np.argmax(self.salience))
        openings, titles, ledes, reports = self._reading(heads=True)
        # The report: the most central lede among the articles that read as reports (at least
        # REPORT_SHARE of the best): angles and features are left out, not merely outweighed.
        candidates = [a for a in reports if reports[a] >= REPORT_SHARE]
        self.reports = candidates
        if any(not a.title.strip() for a in self.articles):
            # Without a title, an article reads as a report, not an angle, when it does by the
            # line standing in for its title (lede.stand_in_title) or by its whole first
            # sentence: a lede's head is a shorter line than the sentences it is weighed with.
            whole = self._reading(heads=False)[3]
            self.reports = sorted({*candidates, *(a for a in whole if whole[a] >= REPORT_SHARE)})
        report = max(candidates, key=lambda a: (float(self.central[openings[a][ledes[a][0]]]), -a))
        cycle = self.articles[report].published + NEWS_CYCLE
        # What a development must restate: the reports' titles up to the report's news cycle.
        report_titles = [titles[a] for a in candidates if self.articles[a].published <= cycle]
        developments: list[tuple[int, int]] = []  # (article, fact)
        for article, facts in sorted(openings.items()):
            if self.articles[article].published <= cycle:
                continue
            if not any(follows(titles[article], t) for t in report_titles):
                continue
            # New since the report's news cycle (no earlier article states it) and restating a
            # report's title: the same event moved on, not the report told again.
            stated = [
                f
                for f in facts
                if self.articles[min(self.facts[f].articles)].published > cycle
                and any(develops(self.shown[f], t) for t in report_titles)
            ]
            if stated and self.selection.words[stated[0]] <= MAIN_EVENT_MAX_WORDS:
                developments.append((article, stated[0]))
        # The latest key fact wins over the first report when the story's reports, taken
        # together, tell it at least as centrally (the miners are out, the bid was raised), or
        # when the report's own outlet followed it up: it has updated its story.
        lede = openings[report][ledes[report][0]]
        # A later report of the story (its title the others tell) whose lede no earlier article
        # states tells what happened since, even when it does not restate the report's title:
        # a consequence ("Kestrel Athletic have sacked their manager" the day after the match).
        self.later_ledes = [
            openings[a][ledes[a][0]]
            for a in sorted(candidates, key=lambda a: self.articles[a].published, reverse=True)
            if self.articles[a].published > cycle
            and self.articles[min(self.facts[openings[a][ledes[a][0]]].articles)].published > cycle
        ]
        found = [(report, lede), *developments]
        source = self.articles[report].source_id
        _, best = max(
            found,
            key=lambda af: (
                af[0] != report and self.articles[af[0]].source_id == source,
                float(self.central[af[1]]),
                af[0],
            ),
        )
        return best

    def _reading(
        self, heads: bool
    ) -> tuple[dict[int, list[int]], dict[int, str], dict[int, tuple[int, int]], dict[int, float]]:
        """The openings (with a scene-setting feature's standfirst first), the titles, the ledes
        and the report scores (lede.report_scores) main_event reads; ``heads``: an untitled
        article's title is the line standing in for it (_stand_in), else its first sentence."""
        openings = dict(self._openings)  # adds standfirsts to its copy
        # An article without a title (a microblog post, a roundup's lead paragraph) states its
        # point in its first self-contained sentence, as a title would: that sentence stands
        # in for the title, so the report the other articles tell still wins over an angle
        # ("Under cover of the storm, Veland is moving to redraw the coast's map") when no article
        # has a title.
        headed = [
            dataclasses.replace(
                article,
                title=self._stand_in(k, openings[k][0]) if heads else self.shown[openings[k][0]],
            )
            if k in openings and not article.title.strip()
            else article
            for k, article in enumerate(self.articles)
        ]
        titles = {a: clean_title(headed[a].title, headed[a].outlet) for a in openings}
        ledes = {
            a: lede_of(titles[a], [self.shown[f] for f in found]) for a, found in openings.items()
        }
        # A feature whose lede sets a scene (lede.sets_scene) tells its news in its standfirst:
        # the standfirst is that article's lede, and the article reads as a report only as far
        # as the standfirst states its title.
        for a, fact in self._standfirsts().items():
            if a in ledes and sets_scene(self.shown[openings[a][ledes[a][0]]]):
                openings[a] = [fact, *openings[a]]
                ledes[a] = (0, len(lede_words(titles[a]) & lede_words(self.shown[fact])))
        reports = report_scores(
            headed, {a: (openings[a][i], carried) for a, (i, carried) in ledes.items()}
        )
        return openings, titles, ledes, reports

    def _stand_in(self, article: int, first: int) -> str:
        """The line standing in for an untitled article's title (lede.stand_in_title)."""
        whole = self.shown[first]
        head = headline_statement(whole, BULLET_MAX_WORDS)
        others = [words for k, words in enumerate(self._article_words) if k != article]
        return stand_in_title(whole, head, others)

    @cached_property
    def _article_words(self) -> list[frozenset[str]]:
        return [article_words(a) for a in self.articles]

    def restatement(self, main: int) -> str | None:
        """The line heading a page without titles (_restating), or None."""
        found = self._restating(main)
        return found[0] if found else None

    def restated_fact(self, main: int) -> int | None:
        """On a page without titles, the fact whose wording heads the page (restatement): it
        is bullet 1's fact told again, so it is no statement of the page, not even as its main
        statement (clip.py), which may be the very line the headline shows."""
        found = self._restating(main)
        return found[1] if found else None

    def _restating(self, main: int) -> tuple[str, int] | None:
        """Read once for each bullet 1 (the plan asks while choosing and the page again)."""
        if main not in self._restatements:
            self._restatements[main] = self._restate(main)
        return self._restatements[main]

    def _restate(self, main: int) -> tuple[str, int] | None:
        """A headline for a story without titles, as a title would be: another wording of the
        lede. It is a sentence of the opening (lede.LEDE_WINDOW, where an article states what
        its title says) of another report (main_event; an angle is none) of bullet 1's news
        cycle (NEWS_CYCLE: a report of another day tells another moment), that bullet 1
        restates as a lede restates its title: bullet 1 carries at least lede.RESTATES of its
        content words. The page takes it for another statement of bullet 1's fact (a repeat;
        another outlet's near copy of bullet 1 is one fact with it, and no other wording), so
        it is never a statement of the page too. It reads as a line (a bullet's length, or its
        head as a headline, clip.headline_statement: bullet 1 below tells the rest; with no head,
        whole up to bullet 1's length, the line the page shows when nothing restates it); questions
        are no sentences of the story (text.py). The one whose words bullet 1's main clause
        carries most of wins (lede.main_clause: what follows "after" is background, and a
        sentence telling the background is a poorer title), then the one bullet 1 carries most
        of, then the earlier report. None when no other report restates bullet 1 so."""
        own = self.candidates[self._first_report(main)].article
        told = lede_words(self.shown[main])
        news = lede_words(main_clause(self.shown[main]))
        lines: list[tuple[float, float, int, str, int]] = []
        for article, facts in self._openings.items():
            if article == own or article not in self.reports:
                continue
            if abs(self.articles[article].published - self.articles[own].published) > NEWS_CYCLE:
                continue
            for f in facts:
                if f == main or not self._same_fact[main, f]:
                    continue
                for member in self.facts[f].members:
                    candidate = self.candidates[member]
                    if candidate.article != article:
                        continue
                    text = (
                        candidate.text
                        if candidate.words <= BULLET_MAX_WORDS
                        else headline_statement(candidate.text, BULLET_MAX_WORDS)
                    )
                    # With no head to cut, it is the line whole when no longer than bullet 1:
                    # without it the page is headed by bullet 1's own sentence, as long.
                    if not text and candidate.words <= self.selection.words[main]:
                        text = candidate.text
                    if not text:
                        continue
                    words = lede_words(text)
                    carried = len(words & told)
                    if words and carried >= RESTATES * len(words):
                        stated = len(words & news) / len(words)
                        lines.append((stated, carried / len(words), -article, text, f))
        if not lines:
            return None
        best = max(lines, key=lambda line: line[:4])
        return best[3].rstrip("."), best[4]

    @cached_property
    def _openings(self) -> dict[int, list[int]]:
        """Article index -> the facts of its first self-contained sentences that name someone,
        in reading order (lede.LEDE_WINDOW of them). A standfirst leans on its headline; a lede
        must say who."""
        opening: dict[int, list[tuple[int, int]]] = {}
        for fact_index, fact in enumerate(self.facts):
            for member in fact.members:
                candidate = self.candidates[member]
                text = candidate.text
                if candidate.standfirst or not names_something(text):
                    continue
                if opening_reference(text) or unnamed_speaker(text):
                    continue
                opening.setdefault(candidate.article, []).append((candidate.position, fact_index))
        return {
            article: [f for _, f in sorted(found)[:LEDE_WINDOW]]
            for article, found in opening.items()
        }

    def _off_story(self, main: int) -> set[int]:
        """The facts every sentence of which tells another story than bullet 1's and the
        headline's (offstory.off_story)."""
        event = [self.shown[main], self.headline(main)]
        stray = off_story(event, self.articles, self.candidates)
        alone = unshared(event, self.articles, self.candidates)
        return {
            i
            for i, fact in enumerate(self.facts)
            if i != main
            and (
                all(m in stray for m in fact.members)
                # Its main statement (clip.py), the news it tells: an elaboration (", which
                # will begin ... at the Harbour Hall") tells of what that statement names.
                or alone(self.clipped.get(i, self.shown[i]), fact.members)
            )
        }

    def _retold_by_standfirst(self, main: int) -> set[int]:
        """The facts told by the first sentence of a standfirst of an article whose body opens
        on bullet 1's fact (self._openings: its lede), when that sentence retells it
        (standfirst.retells_lede). An article that tells bullet 1 further down has a standfirst
        of its own angle."""
        openings = self._openings
        ledes = {
            self.candidates[m].article: self.candidates[m].text
            for m in self.facts[main].members
            if not self.candidates[m].standfirst
            and main in openings.get(self.candidates[m].article, ())
        }
        found: set[int] = set()
        for fact_index, fact in enumerate(self.facts):
            if fact_index == main:
                continue
            for member in fact.members:
                candidate = self.candidates[member]
                if not candidate.standfirst or candidate.position != 0:
                    continue
                lede = ledes.get(candidate.article)
                if lede is not None and retells_lede(
                    as_named(candidate.text, self.described), as_named(lede, self.described)
                ):
                    found.add(fact_index)
        return found

    def _standfirsts(self) -> dict[int, int]:
        """Article index -> the fact of its standfirst's first sentence (a feed summary the body
        lacks), when that sentence stands on its own: it names someone, opens on nothing outside
        it and has a main clause."""
        found: dict[int, int] = {}
        for fact_index, fact in enumerate(self.facts):
            for member in fact.members:
                candidate = self.candidates[member]
                text = candidate.text
                if not candidate.standfirst or candidate.position != 0:
                    continue
                if not names_something(text) or opening_reference(text) or unnamed_speaker(text):
                    continue
                if lacks_main_clause(text):
                    continue
                found[candidate.article] = fact_index
        return found

    def headline(self, main: int | None) -> str:
        if main not in self._headlines:
            self._headlines[main] = self._headline(main)
        return self._headlines[main]

    def _headline(self, main: int | None) -> str:
        """The most central neutral title, weighed by its closeness to bullet 1. When bullet 1's
        first report came in a later news cycle than the story's first article (a
        development), only the titles since then compete: the earlier ones are stale
        ("Fourteen miners trapped ..." once they are out)."""
        if main is None:
            return choose_headline(self.articles, "")
        since = min(self.facts[main].articles)
        developed = self.articles[since].published - self.articles[0].published > NEWS_CYCLE
        found = choose_headline(self.articles[since:], self.shown[main]) if developed else ""
        found = found or choose_headline(self.articles, self.shown[main])
        return complete_title(found, self.articles)

    def _retelling(self, main: int) -> set[int]:
        """The facts stated in the opening (LEDE_WINDOW sentences) of a report that retell
        bullet 1 under the headline (lede.retells), in the words a bullet would show them. The
        opening is counted over statements as main_event reads it (_openings: the first that
        name someone), as well as by position: a feature may greet its reader or set its colour
        first ("Say hello to the champions."), and its first statement then comes later. Not
        one telling what bullet 1's own report put in its title and bullet 1 leaves unsaid
        (_untold_title: "l'interdiction prolongée"): the headline names it, the page has yet
        to state it."""
        told = [self.shown[main], self.headline(main)]
        untold = self._untold_title(main)
        opening = {f for facts in self._openings.values() for f in facts}
        found = set()
        for fact_index, fact in enumerate(self.facts):
            if fact_index == main:
                continue
            if fact_index not in opening and all(
                self.candidates[m].position >= LEDE_WINDOW for m in fact.members
            ):
                continue
            shown = self.clipped.get(fact_index, self.shown[fact_index])
            if len(lede_words(shown) & untold) < TITLE_CLUE and retells(shown, told):
                found.add(fact_index)
        return found

    def _reintroduces(self, fact_index: int, main: int) -> bool:
        """The fact gives a person of bullet 1 the figure bullet 1 gives beside the name
        (deeds.figure_beside_name: an age, a count)."""
        subject = figure_beside_name(self.shown[main])
        other = figure_beside_name(self.shown[fact_index])
        return any(subject[k] & other[k] for k in subject.keys() & other.keys())

    def _untold_title(self, main: int) -> frozenset[str]:
        """The content words of the title of bullet 1's first report that bullet 1 does not
        carry."""
        first = min(self.facts[main].articles)
        article = self.articles[first]
        return lede_words(clean_title(article.title, article.outlet)) - lede_words(self.shown[main])

    def _stale(self, fact_index: int, since: int) -> bool:
        """Stated only by reports from before the news cycle of ``since`` (article index) and
        about the present or the future."""
        if not self._before_cycle(fact_index, since):
            return False
        text = self.shown[fact_index]
        return looks_ahead(text) or describes_present(text)

    def _last_reported(self, fact_index: int) -> datetime:
        """When the latest report stating the fact was published."""
        return self.articles[max(self.facts[fact_index].articles)].published

    def _before_cycle(self, fact_index: int, since: int) -> bool:
        """Stated only by reports from before the news cycle of ``since`` (article index)."""
        return self._last_reported(fact_index) <= self.articles[since].published - NEWS_CYCLE

    def _due_before(self, fact_index: int, since: int) -> bool:
        """A step due within the day (watch.due_soon) in reports a day or more older than
        ``since`` (article index): by then it has come."""
        due = self._last_reported(fact_index) <= self.articles[since].published - DAY
        return due and due_soon(self.shown[fact_index])

    def _overtaken(self, main: int, since: int) -> set[int]:
        """Facts a later report has overtaken, left out of every section: a count it revised
        (four dead, then nine: roles.revises), and, once bullet 1 is a development, what the
        earlier reports said of how things stood with its subject ("safe for now" in the refuge
        chamber once the miners are out; _stale and sharing two of bullet 1's words), and an aim
        its report saw pending that a later news cycle reports done ("the effort to free the
        miners" once they are freed, _aim_reached), and a wait an earlier report announced that a
        later news cycle tells over (_wait_ended)."""
        found: set[int] = set()
        counted = [i for i in range(len(self.facts)) if tallies(self.shown[i])]
        for i in counted:
            latest = self._last_reported(i)
            for j in counted:
                first = self.articles[min(self.facts[j].articles)].published
                if first - latest > NEWS_CYCLE and revises(self.shown[i], self.shown[j]):
                    found.add(i)
                    break
        # A wait an earlier report announced ("will wait at least a day longer") once a report
        # of a later news cycle tells the awaited event happened "after a one-day delay".
        found.update(i for i in range(len(self.facts)) if self._wait_ended(i))
        # A figure a report of a later news cycle changed ("raised its offer ... to 68 crowns"):
        # the earlier "The offer, 62 crowns in cash for each share, ..." is no longer true, nor
        # is "The board says the offer undervalues the company" the board's stance.
        found.update(i for i in range(len(self.facts)) if self._figure_changed(i))
        if since > 0:
            subject = content_words(self.shown[main])
            for i in range(len(self.facts)):
                if i == main or not self._stale(i, since):
                    continue
                text = self.shown[i]
                if (
                    provisional(text)
                    or (ongoing(text) and len(content_words(text) & subject) >= OVERTAKEN_SHARED)
                    or self._aim_reached(i)
                ):
                    found.add(i)
        return found

    def _later_reports(self, fact_index: int) -> list[int]:
        """The articles published a news cycle or more after the last article stating the fact:
        the reports that may tell it overtaken."""
        reported = self._last_reported(fact_index)
        return [
            k
            for k, article in enumerate(self.articles)
            if article.published - reported > NEWS_CYCLE
        ]

    @cached_property
    def _texts(self) -> list[str]:
        """Per article, its title, lead and text: where a later report tells what changed."""
        return [f"{a.title}\n{a.lead}\n{a.text}" for a in self.articles]

    def _figure_changed(self, fact_index: int) -> bool:
        """The fact gives a figure, or a verdict on a thing, that a report from a later news
        cycle says was changed (roles.revised_figures, roles.revised_away, roles.judged_away)."""
        text = self.shown[fact_index]
        return any(
            revised_away(text, self._changes[k]) or judged_away(text, self._changes[k])
            for k in self._later_reports(fact_index)
        )

    @cached_property
    def _changes(self) -> list[frozenset[tuple[str, str, str]]]:
        """Per article, the figures it says were changed (roles.revised_figures)."""
        return [revised_figures(text) for text in self._texts]

    def _wait_ended(self, fact_index: int) -> bool:
        """The fact announces a wait (roles.waits) and a report from a later news cycle tells
        it over (roles.wait_over)."""
        return waits(self.shown[fact_index]) and any(
            wait_over(self._texts[k]) for k in self._later_reports(fact_index)
        )

    def _aim_reached(self, fact_index: int) -> bool:
        """The fact states an aim as pending ("at the centre of the effort to free the miners")
        and a report from a later news cycle states that event done ("freed miners")."""
        aims = pending_events(self.shown[fact_index])
        return bool(aims) and any(aims & self._done(k) for k in self._later_reports(fact_index))

    def _done(self, article_index: int) -> frozenset[str]:
        if article_index not in self._done_events:
            self._done_events[article_index] = done_events(self._texts[article_index])
        return self._done_events[article_index]

    def _in_statement(self, fact_index: int) -> bool:
        """The fact's shown sentence is someone's words without their name in its article: a
        transcript's turn (voices.speaker_turn) or a sentence in a run of a first-person
        statement (voices.in_statement), whose neighbours are the candidates either side of it
        there (a sentence refused as a candidate breaks the run)."""
        rep = self.candidates[self.facts[fact_index].rep]
        if speaker_turn(rep.text, rep.position):
            return True
        at = self._at
        around = [at.get((rep.article, rep.position + step), "") for step in (-1, 0, 1)]
        around[1] = rep.text
        return all(around) and in_statement(around, 1)

    @cached_property
    def _at(self) -> dict[tuple[int, int], str]:
        """Each candidate's text by its article and position there."""
        return {(c.article, c.position): c.text for c in self.candidates}

    def _long_past(self, fact_index: int) -> bool:
        """The fact's shown wording tells what happened long before its report (roles.long_past)."""
        report = self.articles[self.candidates[self._first_report(fact_index)].article]
        return long_past(self.shown[fact_index], report.published.year)

    def _stands_alone(self, fact_index: int, told: set[str]) -> bool:
        text = self.shown[fact_index]
        return (
            not opening_reference(text, told)
            and not unnamed_speaker(text)
            and not unattributed_quotation(text)
            and not demonstrative_reference(text, told)
            and not inner_reference(text, told)
        )

    def paragraphs(self, chosen: Sequence[int]) -> list[list[int]]:
        """Chosen facts (best first) cut into about three paragraphs of at most four sentences (a
        short body gets one-sentence paragraphs). The most salient fact leads; the others run
        what happened, then reactions, then what comes next, each in reading order (article
        time, then position)."""
        n = len(chosen)
        if n == 0:
            return []
        rest = sorted(chosen[1:], key=lambda i: (self._role(i), self._reading_key(i)))
        ordered = [chosen[0], *rest]
        count = min(n, max(PARAGRAPHS, math.ceil(n / 4)))
        size, extra = divmod(n, count)
        chunks, start = [], 0
        for k in range(count):
            end = start + size + (1 if k < extra else 0)
            chunks.append(ordered[start:end])
            start = end
        return chunks

    def _role(self, fact_index: int) -> int:
        """0 what happened or context, 1 a reaction, 2 what comes next (roles.py)."""
        if fact_index not in self._roles:
            text = self.shown[fact_index]
            self._roles[fact_index] = 2 if looks_ahead(text) else 1 if is_reaction(text) else 0
        return self._roles[fact_index]

    def whats_new(self, words: int) -> list[int]:
        """Facts stated only by articles added since the previous summary and absent from it."""
        if self.previous is None or not self.facts:
            return []
        known = set(self.previous.article_ids)
        # Everything already reported: the previous summary and every known article's sentences.
        old_rows = [self.old_rows] + [
            self.sentence_rows[k]
            for k, c in enumerate(self.candidates)
            if self.articles[c.article].id in known
        ]
        reported = np.vstack(old_rows) if len(old_rows) > 1 else self.old_rows
        fresh = []
        for i, fact in enumerate(self.facts):
            if any(self.articles[a].id in known for a in fact.articles):
                continue
            if len(reported) and float((reported @ self.lexical[i]).max()) >= NEW_FACT_LIMIT:
                continue
            fresh.append(i)
        selection = self.selection
        if len(self.update_shift):
            reps = [f.rep for f in self.facts]
            selection = dataclasses.replace(
                selection, scores=self.salience + self.update_shift[reps]
            )
        return mmr(selection, fresh, [], count=WHATS_NEW, budget=words)

    def cite(self, fact_index: int, text: str | None = None) -> Cited:
        """The fact as shown (or as ``text``, its main statement), cited to every article
        stating it."""
        fact = self.facts[fact_index]
        ids = {self.articles[a].id for a in fact.articles}
        shown = text or self.shown[fact_index]
        return Cited(shown, tuple(sorted(i for i in ids if i is not None)))

    def article_roles(self, fact_index: int) -> dict[str, Role]:
        """The roles the fact's articles give its people (people.article_roles): the shown
        sentence's article first, then the others citing it."""
        first = self.candidates[self._first_report(fact_index)].article
        merged: dict[str, Role] = {}
        for a in [first, *sorted(self.facts[fact_index].articles - {first})]:
            if a not in self._article_roles:
                article = self.articles[a]
                self._article_roles[a] = article_roles(
                    f"{article.lead}\n\n{article.text}", self.people
                )
            for surname, role in self._article_roles[a].items():
                merged.setdefault(surname, role)
        return merged

    def short_names(self, fact_index: int) -> tuple[tuple[str, str], ...]:
        """The shown sentence's short names of things and the names its article gave them."""
        return self.candidates[self._first_report(fact_index)].short_names

    def _first_report(self, fact_index: int) -> int:
        """The member sentence shown and its place: the earliest article's, unless its opening
        points outside it and another outlet's wording does not. Read once per fact."""
        if fact_index not in self._first_reports:
            self._first_reports[fact_index] = self._find_first_report(fact_index)
        return self._first_reports[fact_index]

    def _find_first_report(self, fact_index: int) -> int:
        members = sorted(self.facts[fact_index].members, key=self._candidate_key)
        if len(members) == 1:
            return members[0]
        alone = [m for m in members if not opening_reference(self.candidates[m].text)]
        return (alone or members)[0]

    def _reading_key(self, fact_index: int) -> tuple[int, int]:
        return self._candidate_key(self._first_report(fact_index))

    def _candidate_key(self, candidate_index: int) -> tuple[int, int]:
        candidate = self.candidates[candidate_index]
        return candidate.article, candidate.position
