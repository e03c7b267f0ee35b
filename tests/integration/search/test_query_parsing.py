"""The query parser, the FTS5 string it builds and snippets (pure functions, no database)."""

from __future__ import annotations

from newsloom.search import Term, matches_term, parse_query, snippet
from newsloom.search.backends.sqlite import fts5_query


def test_words_phrases_prefixes_and_exclusions() -> None:
    parsed = parse_query('Ferry "harbour master" dredg* -silt -"bad weather"')
    assert parsed.required == (
        Term(("ferry",)),
        Term(("harbour", "master")),
        Term(("dredg",), prefix=True),
    )
    assert parsed.excluded == (Term(("silt",)), Term(("bad", "weather")))
    assert fts5_query(parsed) == (
        '(("ferry" AND "harbour master" AND "dredg"*) NOT "silt") NOT "bad weather"'
    )


def test_operators_and_column_filters_become_plain_words() -> None:
    parsed = parse_query('headline:ferry NEAR(a b) OR "unbalanced (( ^x')
    words = [w for t in parsed.required for w in t.words]
    assert words == ["headline", "ferry", "near", "b", "unbalanced", "x"]  # "a", "or": stopwords
    query = fts5_query(parsed)
    assert query.count('"') % 2 == 0 and ":" not in query and "(" not in query


def test_stopwords_are_dropped_unless_nothing_else_is_left() -> None:
    assert parse_query("the bridge").required == (Term(("bridge",)),)
    assert parse_query("the").required == (Term(("the",)),)
    assert parse_query("").empty and parse_query("-ferry").empty and parse_query("***").empty


def test_snippet_centres_on_the_matching_words_and_stays_plain_text() -> None:
    words = [f"filler{n}" for n in range(60)]
    words[40:43] = ["the", "ferries", "<script>"]
    text = " ".join(words)
    cut = snippet(text, parse_query("ferry"), words=10)
    assert cut.startswith("… ") and cut.endswith(" …")
    assert "ferries <script>" in cut and len(cut.split()) == 12
    assert snippet("Short text.", parse_query("ferry")) == "Short text."


def test_matches_term_uses_a_light_stem_and_prefixes() -> None:
    parsed = parse_query("ferry dredg*")
    assert matches_term("Ferries", parsed) and matches_term("dredging", parsed)
    assert not matches_term("fair", parsed) and not matches_term("ferryman's", parsed)
