from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from newsloom.cluster import ClusterDoc, StoryClusterer, cluster_stream, embed_docs, get_embedder
from newsloom.errors import ClusterError

T0 = datetime(2031, 3, 2, 8, 0, tzinfo=UTC)

# Two fictional events reported by several outlets, interleaved in time.
PIER = [
    (
        "Port Elling north pier reopens after two-year repair",
        "The harbour authority of Port Elling reopened the north pier on Monday after a two-year "
        "repair programme. Ferries to Skerra return to their old berths.",
    ),
    (
        "Ferries return as Port Elling pier reopens",
        "Ferry services to Skerra moved back to the north pier in Port Elling, which reopened "
        "after repairs costing 14 million crowns, the harbour authority said.",
    ),
    (
        "Port Elling's rebuilt pier opens to the public",
        "Crowds walked the rebuilt north pier in Port Elling as the harbour authority held an "
        "opening day with a brass band and free ferry rides to Skerra.",
    ),
]
VOTE = [
    (
        "Valdoria parliament rejects budget in late-night vote",
        "Lawmakers in Valdoria voted down Prime Minister Anja Korsa's budget by 61 votes to 54, "
        "raising the prospect of an early election.",
    ),
    (
        "Korsa budget defeated, Valdoria faces early election",
        "Prime Minister Anja Korsa lost the budget vote in the Valdoria parliament and said she "
        "would consult coalition partners before deciding on an early election.",
    ),
    (
        "Valdoria's Korsa weighs snap poll after budget defeat",
        "After the parliament in Valdoria rejected her budget, Anja Korsa met coalition leaders to "
        "discuss a snap election.",
    ),
]


def _docs(with_text: bool = True) -> tuple[list[ClusterDoc], list[str]]:
    docs: list[ClusterDoc] = []
    gold: list[str] = []
    for i, (pier, vote) in enumerate(zip(PIER, VOTE, strict=True)):
        for j, (label, (title, text)) in enumerate((("pier", pier), ("vote", vote))):
            docs.append(
                ClusterDoc(
                    article_id=len(docs) + 1,
                    title=title,
                    text=text if with_text else "",
                    published=T0 + timedelta(hours=5 * i, minutes=j),
                    source_id=len(docs) % 3,
                )
            )
            gold.append(label)
    return embed_docs(docs, get_embedder().embed), gold


def _groups(story_ids: list[int], gold: list[str]) -> set[frozenset[str]]:
    return {
        frozenset(g for g, s in zip(gold, story_ids, strict=True) if s == story)
        for story in set(story_ids)
    }


@pytest.mark.parametrize("with_text", [True, False])
def test_interleaved_events_become_two_stories(with_text: bool) -> None:
    docs, gold = _docs(with_text)
    story_ids = cluster_stream(docs, StoryClusterer())
    assert len(set(story_ids)) == 2
    assert _groups(story_ids, gold) == {frozenset({"pier"}), frozenset({"vote"})}


def test_clustering_is_deterministic() -> None:
    docs, _ = _docs()
    assert cluster_stream(docs, StoryClusterer()) == cluster_stream(docs, StoryClusterer())


def test_assignment_explains_the_match() -> None:
    docs, _ = _docs()
    clusterer = StoryClusterer()
    first = clusterer.assign(docs[0])
    assert first.story_id is None
    clusterer.add(docs[0], 41)
    clusterer.add(docs[1], 42)
    match = clusterer.assign(docs[2])
    assert match.story_id == 41
    assert 0.0 < match.similarity <= 1.0
    assert match.reasons.startswith("cos=")
    assert "elling" in match.reasons
    assert "entities:" in match.reasons


def test_warm_up_with_add_then_new_ids_continue_after_the_largest() -> None:
    docs, _ = _docs()
    clusterer = StoryClusterer()
    clusterer.add(docs[0], 500)
    story_ids = cluster_stream(docs[1:], clusterer)
    assert story_ids[1] == 500  # the second pier article joins the warmed story
    assert min(s for s in story_ids if s != 500) == 501


def test_old_stories_are_pruned_and_not_matched() -> None:
    docs, _ = _docs()
    clusterer = StoryClusterer(window_hours=24, dormant_factor=1)
    clusterer.add(docs[0], 1)
    assert len(clusterer) == 1
    later = ClusterDoc(
        article_id=99,
        title=docs[2].title,
        text=docs[2].text,
        published=T0 + timedelta(days=3),
        vector=docs[2].vector,
    )
    assert clusterer.assign(later).story_id is None
    assert len(clusterer) == 0
    assert clusterer.memory_hours == 48


def test_dormant_story_needs_a_stronger_match() -> None:
    docs, _ = _docs()
    clusterer = StoryClusterer(window_hours=24)
    clusterer.add(docs[0], 1)
    fresh = clusterer.assign(docs[2])
    weeks_later = ClusterDoc(
        article_id=99,
        title=docs[2].title,
        text=docs[2].text,
        published=T0 + timedelta(days=14),
        vector=docs[2].vector,
    )
    late = clusterer.assign(weeks_later)
    assert fresh.story_id == 1
    assert late.similarity == pytest.approx(fresh.similarity, abs=0.01)
    strict = StoryClusterer(window_hours=24, threshold=fresh.similarity - 0.01)
    strict.add(docs[0], 1)
    assert strict.assign(docs[2]).story_id == 1
    assert strict.assign(weeks_later).story_id is None


def test_dormant_stories_are_found_by_a_shared_name_or_title_word_not_by_a_scan() -> None:
    vector = np.eye(384, dtype=np.float32)[3]
    clusterer = StoryClusterer(window_hours=24)
    clusterer.add(ClusterDoc(1, "Brask council approves harbour plan", "", T0, vector=vector), 1)
    days_later = T0 + timedelta(days=5)
    unrelated_words = ClusterDoc(2, "Zebra quantum lighthouse", "", days_later, vector=vector)
    assignment = clusterer.assign(unrelated_words)
    assert assignment.story_id is None
    assert assignment.reasons.startswith("new story: no story")
    follow_up = ClusterDoc(3, "Brask council approves harbour plan", "", days_later, vector=vector)
    assert clusterer.assign(follow_up).story_id == 1
    clusterer.add(follow_up, 1)  # revived: active again, so a candidate by its embedding alone
    again = clusterer.assign(replace(unrelated_words, article_id=4))
    assert "cos=1.00" in again.reasons and "story of 2" in again.reasons


def test_wrong_vector_size_is_a_cluster_error() -> None:
    doc = ClusterDoc(1, "Title", "", T0, vector=np.ones(10, dtype=np.float32))
    with pytest.raises(ClusterError, match=r"^cluster: "):
        StoryClusterer().assign(doc)


def test_stories_outside_the_window_are_pruned_so_assignment_cost_is_bounded() -> None:
    # Speed itself is measured by `newsloom bench cluster`; here: what keeps it flat.
    rng = np.random.default_rng(7)
    vocabulary = [f"word{i}" for i in range(3000)]

    def stream(n: int, start: datetime) -> list[ClusterDoc]:
        docs = []
        for i in range(n):
            words = rng.choice(vocabulary, size=40)
            vector = rng.normal(size=384).astype(np.float32)
            docs.append(
                ClusterDoc(
                    article_id=i,
                    title=" ".join(words[:8]).title(),
                    text=" ".join(words),
                    published=start + timedelta(minutes=2 * i),
                    vector=vector / np.linalg.norm(vector),
                )
            )
        return docs

    clusterer = StoryClusterer(window_hours=6, dormant_factor=1)
    cluster_stream(stream(1500, T0), clusterer)  # 50 h of archive, mostly pruned by now
    assert len(clusterer) < 400
    cluster_stream(stream(500, T0 + timedelta(days=5)), clusterer)
    # Only the live and dormant windows' stories stay candidates (12 h of a story every 2 minutes,
    # pruned lazily), not the 2,000 stories the stream made.
    assert len(clusterer) < 400


def test_memory_is_capped_by_evicting_the_idlest_stories() -> None:
    clusterer = StoryClusterer(max_stories=10)
    vectors = np.eye(384, dtype=np.float32)
    for i in range(25):
        doc = ClusterDoc(i, f"Topic{i}", "", T0 + timedelta(minutes=i), vector=vectors[i])
        clusterer.add(doc, i + 1)
    assert len(clusterer) <= 10
    latest = ClusterDoc(99, "Topic24", "", T0 + timedelta(hours=1), vector=vectors[24])
    assert clusterer.assign(latest).story_id == 25
    oldest = ClusterDoc(98, "Topic0", "", T0 + timedelta(hours=1), vector=vectors[0])
    assert clusterer.assign(oldest).story_id is None


def _unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).normal(size=384).astype(np.float32)
    return vector / np.linalg.norm(vector)


LONG_LEAD = " ".join(["The council in Brask approved the plan after a long debate."] * 8)


def test_a_different_language_never_joins_a_story() -> None:
    clusterer = StoryClusterer()
    vector = _unit(1)
    english = ClusterDoc(1, "Brask opens its harbour", LONG_LEAD, T0, vector=vector, language="en")
    clusterer.add(english, 1)
    french = ClusterDoc(
        2, "Brask opens its harbour", LONG_LEAD, T0, vector=vector, language="fr-CH"
    )
    assert clusterer.assign(french).story_id is None
    # The same text with no language known still joins: unknown matches any language.
    unknown = ClusterDoc(3, "Brask opens its harbour", LONG_LEAD, T0, vector=vector)
    assert clusterer.assign(unknown).story_id == 1


def test_full_articles_sharing_no_key_terms_stay_apart_even_with_close_embeddings() -> None:
    clusterer = StoryClusterer()
    vector = _unit(2)
    chess = " ".join(["Young Brask player wins the chess title with a quiet endgame draw."] * 8)
    football = " ".join(["A striker scored twice as the national football side beat Ostra."] * 8)
    clusterer.add(ClusterDoc(1, "Brask teenager takes chess crown", chess, T0, vector=vector), 1)
    other = ClusterDoc(2, "Brask side beats Ostra in qualifier", football, T0, vector=vector)
    assignment = clusterer.assign(other)
    assert assignment.story_id is None
    assert "new story" in assignment.reasons


def test_a_headline_alone_joins_when_it_shares_two_title_words() -> None:
    clusterer = StoryClusterer()
    vector = _unit(3)
    clusterer.add(
        ClusterDoc(1, "Brask council approves harbour plan", LONG_LEAD, T0, vector=vector), 1
    )
    headline = ClusterDoc(2, "Brask harbour plan gets green light", "", T0, vector=vector)
    assert clusterer.assign(headline).story_id == 1


def test_a_headline_sharing_one_word_is_another_event_however_close_its_embedding() -> None:
    clusterer = StoryClusterer()
    vector = _unit(3)
    clusterer.add(ClusterDoc(1, "Kestrel audio range expands market", "", T0, vector=vector), 1)
    headline = ClusterDoc(2, "Kestrel sues to stop design leaks", "", T0, vector=vector)
    assignment = clusterer.assign(headline)
    assert assignment.story_id is None
    assert "headline shares 1 title word(s)" in assignment.reasons


def test_full_articles_naming_other_principal_actors_stay_apart() -> None:
    clusterer = StoryClusterer()
    vector = _unit(4)
    reid = (
        "Tara Vell has checked into the Harbourside treatment centre, her publicist said. "
        "Vell, 33, entered the centre on Friday. Vell did not say how long she would stay."
    )
    lohan = (
        "Lina Moray has checked into the Harbourside treatment centre, her lawyer said. "
        "Moray, 26, entered the centre on Thursday. Moray is due in court next month."
    )
    clusterer.add(ClusterDoc(1, "Tara Vell checks into rehab", reid * 2, T0, vector=vector), 1)
    other = ClusterDoc(2, "Lina Moray checks into rehab", lohan * 2, T0, vector=vector)
    assignment = clusterer.assign(other)
    assert assignment.story_id is None
    assert "other principal names" in assignment.reasons
    same = ClusterDoc(
        3,
        "Tara Vell enters treatment centre",
        reid.replace("33", "thirty-three") * 2,
        T0,
        vector=vector,
    )
    assert clusterer.assign(same).story_id == 1


def test_a_match_report_with_another_score_is_another_match() -> None:
    clusterer = StoryClusterer()
    vector = _unit(5)
    report = (
        "Harbour City beat Veln Rovers 3 - 1 on Saturday to reach the cup final. Anton Sael scored "
        "twice for Harbour City. Veln Rovers coach Ilse Marr said her side had been second best."
    )
    clusterer.add(ClusterDoc(1, "Harbour City into the final", report * 2, T0, vector=vector), 1)
    rematch = report.replace("3 - 1", "2 - 0").replace("cup final", "league title")
    assignment = clusterer.assign(
        ClusterDoc(2, "Harbour City take the title", rematch * 2, T0, vector=vector)
    )
    assert assignment.story_id is None
    assert "scores differ (0-2 vs 1-3)" in assignment.reasons
    same = ClusterDoc(3, "Sael double sends Harbour City through", report * 2, T0, vector=vector)
    assert clusterer.assign(same).story_id == 1


def _injury(player: str) -> str:
    last = player.split()[1]
    return (
        f"The Harbour Saints placed {player} on injured reserve, ending his season. {last} hurt "
        f"his knee in practice, the Saints said. {last} will have surgery next week, and the "
        f"Saints signed a replacement for {last} from their practice squad. "
    ) * 2


def test_without_time_between_them_another_protagonist_is_another_event() -> None:
    vector = _unit(6)
    clusterer = StoryClusterer()
    # The team is among both documents' principal names: only who was hurt differs.
    first = ClusterDoc(1, "Saints put Varn on reserve", _injury("Pierre Varn"), T0)
    clusterer.add(replace(first, vector=vector), 1)
    other = ClusterDoc(2, "Saints put Delmar on reserve", _injury("Rico Delmar"), T0)
    assignment = clusterer.assign(replace(other, vector=vector))
    assert assignment.story_id is None
    assert "other protagonist, no time between them" in assignment.reasons
    # Published an hour apart, the window and the other vetoes judge, not the names alone.
    later = replace(other, vector=vector, published=T0 + timedelta(hours=1))
    assert "other protagonist" not in clusterer.assign(later).reasons
