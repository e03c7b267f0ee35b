"""The LLM backend against a real chat-completions server on 127.0.0.1 with scripted replies."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from newsloom.records import Article, Summary
from newsloom.settings import Settings
from newsloom.summarize import ExtractiveSummarizer, build_summarizer
from newsloom.summarize.llm import LLMSummarizer
from newsloom.summarize.watch import what_to_watch
from tests.unit.summarize.fictional_stories import T0, article, barrier_story

STALL_SECONDS = 1.5
WRONG = 12  # a source sentence the good reply does not use
INVENTED = "Mayor Oskar Lind announced 55 new ferries for the estuary on Friday."
SHE_SAID = "She said the council would rebuild the old sea wall by June."
VARGA = "Mayor Ilse Varga said the barrier had protected some 18,000 homes in the lower town."


def varga_story() -> list[Article]:
    """The barrier story with one more fact from the mayor, told as "she said" in its source."""
    return [
        replace(a, text=a.text.replace(VARGA, f"{VARGA}\n{SHE_SAID}")) if VARGA in a.text else a
        for a in barrier_story()
    ]


def sources_of(prompt: str) -> dict[int, str]:
    return {int(n): text for n, text in re.findall(r"^\[(\d+)\] (.+)$", prompt, re.MULTILINE)}


def good_reply(sources: dict[int, str], extra: list[dict[str, Any]] | None = None) -> dict:
    def item(n: int) -> dict[str, Any]:
        return {"text": sources[n], "sources": [n]}

    def ahead(n: int) -> dict[str, Any]:
        # As the prompt asks, the model names what the source's "The council" is.
        return {"text": sources[n].replace("The council", "Port Elling council"), "sources": [n]}

    # The takeaways a model asked for "consequences and what to watch" writes: what comes next.
    used = [sources[n] for n in (1, 3, 4, 5, 6, 7, 11) if n in sources]
    coming = [
        n
        for n, text in sources.items()
        if AHEAD.search(text) and not any(text[:30] == told[:30] for told in used)
    ]
    return {
        "headline": "Port Elling tidal barrier closes for the first time",
        # Source sentences 2 and 9 repeat 1 and 5 (two outlets' words for one fact): not used.
        "bullets": [item(1), item(3), item(11), *(extra or [])],
        "paragraphs": [[item(4), item(5)], [item(6), item(7)]],
        "takeaways": [*(ahead(n) for n in coming), item(1)],  # item(1) repeats a bullet: dropped
    }


AHEAD = re.compile(r"\b(?:will|would|expected|expects)\b")
SCENE = "Residents of the lower town watched from the sea wall"


HEADED = "Striker Joel Arkwright headed the winning goal in the 112th minute."
SCORED = "Joel Arkwright scored twice, including the winner."


def final_story() -> list[Article]:
    """Two outlets on a cup final; each tells the winning goal in its own words."""
    first = (
        "Quay Park won the Elling Cup on Saturday, beating Norland Rovers 3-2 after extra time.\n\n"
        f"{HEADED}\n\n"
        "Rovers captain Tomas Wren forced extra time with a late free kick.\n\n"
        "Around 30,000 spectators watched the final at the Quayside Ground."
    )
    second = (
        "Quay Park beat Norland Rovers 3-2 after extra time to lift the Elling Cup.\n\n"
        f"{SCORED}\n\n"
        "Norland defender Karl Otten was sent off for a second yellow card.\n\n"
        "Rovers have asked the football association to review the red card."
    )
    return [
        article(21, 1, "Coastal Wire", "Quay Park win the Elling Cup", first, 0),
        article(
            22, 2, "Elling Radio", "Quay Park beat Norland Rovers in the cup final", second, 30
        ),
    ]


def retold_reply(sources: dict[int, str]) -> dict:
    """The winning goal as a bullet, then again in the other outlet's words as a takeaway: both
    grounded, the second a repeat the page must drop."""

    def item(text: str) -> dict[str, Any]:
        n = next(n for n, source in sources.items() if text in source)
        return {"text": sources[n], "sources": [n]}

    return {
        "headline": "Quay Park beat Norland Rovers 3-2 to win the Elling Cup",
        "bullets": [item("won the Elling Cup"), item(HEADED), item("late free kick")],
        "paragraphs": [[item("sent off"), item("30,000 spectators")]],
        "takeaways": [item(SCORED), item("review the red card")],
    }


def references_reply(sources: dict[int, str]) -> dict:
    """The mayor's words as "she said": kept after the sentence that names her, dropped as a
    bullet, which a reader reads on its own."""
    mayor = next(n for n, text in sources.items() if "Ilse Varga" in text)
    # Her words as the prompt numbers them (the source's "She said" named, by the repair).
    she = next(n for n, text in sources.items() if "old sea wall" in text)
    # Not sentence 2 (1 in other words), nor her words twice: the same facts twice.
    others = [n for n in sources if "Ilse Varga" not in sources[n] and n not in (2, she)]

    def item(n: int) -> dict[str, Any]:
        return {"text": sources[n], "sources": [n]}

    return {
        "headline": "Port Elling tidal barrier closes for the first time",
        "bullets": [*(item(n) for n in others[:3]), {"text": SHE_SAID, "sources": [she]}],
        "paragraphs": [
            [item(mayor), {"text": SHE_SAID, "sources": [she]}],
            [item(others[3]), item(others[4])],
        ],
        "takeaways": [item(n) for n in others[5:8]],
    }


def contract_reply(sources: dict[int, str]) -> dict:
    """Grounded sentences that break the page's contract: a bullet opening with a connective and
    one carrying an embedded post's link; both must go, the plain ones stay."""
    reply = good_reply(sources)
    reply["bullets"] = [
        {"text": "Meanwhile, " + sources[1][0].lower() + sources[1][1:], "sources": [1]},
        {"text": sources[2] + " pic.twitter.com/x1y2z3", "sources": [2]},
        *reply["bullets"],
    ]
    # A takeaway that tells nothing to watch (a scene), grounded, which the extractive page
    # would not show as a takeaway either.
    scene = next(n for n, text in sources.items() if SCENE in text)
    reply["takeaways"] = [{"text": sources[scene], "sources": [scene]}, *reply["takeaways"]]
    return reply


def completion(content: str | None, refusal: str | None = None) -> dict:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal:
        message["refusal"] = refusal
    return {"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": message}]}


class ScriptedChat(BaseHTTPRequestHandler):
    """``/<scenario>/v1/chat/completions``; the scenario decides the reply."""

    calls: ClassVar[Counter[str]] = Counter()
    requests: ClassVar[list[dict[str, Any]]] = []
    wrong_text = ""

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        scenario = self.path.strip("/").split("/")[0]
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls[scenario] += 1
        type(self).requests.append(
            {"scenario": scenario, "auth": self.headers["Authorization"], "body": body}
        )
        sources = sources_of(body["messages"][-1]["content"])
        type(self).wrong_text = sources.get(WRONG, "")
        schema = (body.get("response_format") or {}).get("type") == "json_schema"
        if scenario == "good":
            self._json(completion(json.dumps(good_reply(sources))))
        elif scenario == "fenced":
            self._json(completion("```json\n" + json.dumps(good_reply(sources)) + "\n```"))
        elif scenario == "wrong_sources":
            wrong = {"text": sources[WRONG], "sources": [1]}  # true, but not what [1] says
            self._json(completion(json.dumps(good_reply(sources, [wrong]))))
        elif scenario == "invented":
            made_up = {"text": INVENTED, "sources": [1]}
            self._json(completion(json.dumps(good_reply(sources, [made_up]))))
        elif scenario == "all_invented":
            reply = {"bullets": [{"text": INVENTED, "sources": [1]}], "paragraphs": []}
            self._json(completion(json.dumps(reply)))
        elif scenario == "contract":
            self._json(completion(json.dumps(contract_reply(sources))))
        elif scenario == "retold":
            self._json(completion(json.dumps(retold_reply(sources))))
        elif scenario == "references":
            self._json(completion(json.dumps(references_reply(sources))))
        elif scenario == "bad_json":
            self._json(completion('{"bullets": [ this is not json'))
        elif scenario == "wrong_schema":
            self._json(completion(json.dumps(["three", "bullets"])))
        elif scenario == "schema_refused" and schema:
            # What a server without structured outputs answers a response_format it does not know.
            self._error(400, {"error": {"message": "response_format json_schema not supported"}})
        elif scenario == "context":
            self._error(400, {"error": {"message": "the request exceeds the context size"}})
        elif scenario == "schema_refused":
            self._json(completion(json.dumps(good_reply(sources))))
        elif scenario == "flat_paragraphs":
            # The shape a 0.5B model wrote: paragraphs as one flat list of sentence objects.
            reply = good_reply(sources)
            reply["paragraphs"] = [s for p in reply["paragraphs"] for s in p]
            self._json(completion(json.dumps(reply)))
        elif scenario == "inline_citations":
            reply = good_reply(sources)
            reply["bullets"] = [f"{b['text']} [{b['sources'][0]}]" for b in reply["bullets"]]
            self._json(completion(json.dumps(reply)))
        elif scenario == "truncated":
            whole = json.dumps(good_reply(sources))
            self._json(completion(whole[: len(whole) // 2]))
        elif scenario == "refusal":
            self._json(completion(None, refusal="I can't help with that."))
        elif scenario == "refusal_text":
            self._json(completion("I'm sorry, but I cannot summarise these articles."))
        elif scenario == "stall":
            time.sleep(STALL_SECONDS)
            self._json(completion(json.dumps(good_reply(sources))))
        elif scenario == "huge":
            self._json(completion("x" * 300_000))
        else:
            self.send_response(500)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _error(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _json(self, payload: dict) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the stall scenario)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), ScriptedChat)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def summarize(
    base: str, scenario: str, articles: list[Article] | None = None, **options: Any
) -> Summary:
    llm = LLMSummarizer(
        f"{base}/{scenario}/v1",
        "test-model",
        fallback=ExtractiveSummarizer(),
        api_key="secret-test-key",
        timeout=options.pop("timeout", 5.0),
        **options,
    )
    return llm.summarize(7, articles or barrier_story(), None, 120, T0)


def test_a_deed_retold_in_other_words_is_dropped_as_a_repeat(server: str) -> None:
    # "headed the winning goal" and "scored ..., including the winner": one person, one deed.
    summary = summarize(server, "retold", articles=final_story())
    assert summary.method == "llm"
    texts = all_cited(summary)
    assert HEADED in texts
    assert SCORED not in texts
    assert any("review the red card" in t for t in texts)


def all_cited(summary: Summary) -> list[str]:
    texts = [*summary.bullets, *summary.takeaways]
    texts += [c for paragraph in summary.paragraphs for c in paragraph]
    return [c.text for c in texts]


@pytest.fixture()
def extractive() -> Summary:
    return ExtractiveSummarizer().summarize(7, barrier_story(), None, 120, T0)


@pytest.mark.parametrize("scenario", ["good", "fenced"])
def test_grounded_reply_is_used(server: str, scenario: str) -> None:
    summary = summarize(server, scenario)
    assert summary.method == "llm"
    assert summary.headline == "Port Elling tidal barrier closes for the first time"
    assert len(summary.bullets) == 3 and len(summary.paragraphs) == 2
    assert len(summary.takeaways) == 2  # the repeated bullet was dropped
    texts = all_cited(summary)
    assert len(texts) == len(set(texts))
    assert all(c.article_ids for c in summary.bullets)
    assert ScriptedChat.requests[-1]["auth"] == "Bearer secret-test-key"


def test_unsupported_sentences_are_dropped(server: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsloom.summarize.llm"):
        summary = summarize(server, "invented")
    assert summary.method == "llm"
    assert len(summary.bullets) == 3
    assert INVENTED not in all_cited(summary)
    assert any(r.getMessage().startswith("summarize: dropped") for r in caplog.records)


def test_a_true_statement_citing_the_wrong_sentence_is_cited_to_the_one_that_holds_it(
    server: str,
) -> None:
    """Small models state a fact right and cite the sentence beside it: the citation is remade
    from the sentences that carry the statement's words, and checked against those."""
    summary = summarize(server, "wrong_sources")
    assert summary.method == "llm"
    wrong = ScriptedChat.wrong_text
    statement = next(c for c in summary.bullets if c.text == wrong)
    holders = tuple(a.id for a in barrier_story() if wrong in a.text)
    assert holders and statement.article_ids == holders


def test_a_pronoun_is_kept_only_after_the_name_it_refers_to(server: str) -> None:
    summary = summarize(server, "references", articles=varga_story())
    assert summary.method == "llm"
    assert SHE_SAID in [c.text for c in summary.paragraphs[0]]
    assert SHE_SAID not in [c.text for c in summary.bullets]
    assert len(summary.bullets) == 3


@pytest.mark.parametrize(
    ("scenario", "reason", "requests"),
    [
        ("all_invented", "too few LLM sentences", 1),
        ("bad_json", "not JSON", 2),
        ("wrong_schema", "does not fit the summary schema", 2),
        ("truncated", "not JSON", 2),
        ("refusal", "refused", 1),
        ("refusal_text", "refused", 1),
        ("stall", "timed out", 2),
        ("huge", "reply over", 2),
        ("error500", "HTTP 500", 2),
    ],
)
def test_failures_fall_back_to_the_extractive_summary(
    server: str,
    extractive: Summary,
    caplog: pytest.LogCaptureFixture,
    scenario: str,
    reason: str,
    requests: int,
) -> None:
    before = ScriptedChat.calls[scenario]
    timeout = 0.5 if scenario == "stall" else 5.0
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="newsloom.summarize.llm"):
        summary = summarize(server, scenario, timeout=timeout)
    assert summary == extractive  # method "extractive", every section as the fallback made it
    assert ScriptedChat.calls[scenario] - before == requests  # one retry at most
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("summarize: ") and reason in m for m in messages), messages
    if scenario == "stall":
        assert time.monotonic() - started < 2 * STALL_SECONDS


def test_a_refresh_summarises_extractively_and_the_queue_uses_the_llm(server: str) -> None:
    from newsloom.pipeline.rewrite import llm_summarizer

    settings = Settings(llm_base_url=f"{server}/good/v1", llm_model="m", llm_api_key="k")
    assert isinstance(build_summarizer(settings), ExtractiveSummarizer)
    summarizer = llm_summarizer(settings)
    assert isinstance(summarizer, LLMSummarizer)
    assert summarizer.summarize(7, barrier_story(), None, 120, T0).method == "llm"


def test_the_reply_schema_is_sent_to_the_server(server: str) -> None:
    summary = summarize(server, "good")
    assert summary.method == "llm"
    body = ScriptedChat.requests[-1]["body"]
    assert body["response_format"]["type"] == "json_schema"
    schema = body["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["paragraphs"]["items"]["type"] == "array"
    assert body["stream"] is False and body["max_tokens"] > 0
    assert len(sources_of(body["messages"][-1]["content"])) <= 30


def test_a_server_refusing_the_schema_is_asked_in_json_mode_from_then_on(server: str) -> None:
    llm = LLMSummarizer(
        f"{server}/schema_refused/v1", "m", fallback=ExtractiveSummarizer(), timeout=5.0
    )
    before = ScriptedChat.calls["schema_refused"]
    assert llm.summarize(7, barrier_story(), None, 120, T0).method == "llm"
    assert ScriptedChat.calls["schema_refused"] - before == 2  # the schema, then JSON mode
    assert llm.summarize(7, barrier_story(), None, 120, T0).method == "llm"
    assert ScriptedChat.calls["schema_refused"] - before == 3  # JSON mode at once
    assert ScriptedChat.requests[-1]["body"]["response_format"] == {"type": "json_object"}


@pytest.mark.parametrize("scenario", ["flat_paragraphs", "inline_citations"])
def test_near_miss_shapes_are_read_tolerantly_then_grounded(server: str, scenario: str) -> None:
    summary = summarize(server, scenario)
    assert summary.method == "llm"
    assert len(summary.bullets) == 3 and all(c.article_ids for c in summary.bullets)
    assert all(not c.text.endswith("]") for c in summary.bullets)
    assert summary.paragraphs and all(len(p) <= 3 for p in summary.paragraphs)


def test_the_llm_path_keeps_the_pages_contract(server: str) -> None:
    summary = summarize(server, "contract")
    assert summary.method == "llm"
    bullets = [c.text for c in summary.bullets]
    assert len(bullets) == 3
    assert not any(b.startswith("Meanwhile") or "pic.twitter.com" in b for b in bullets)
    takeaways = [c.text for c in summary.takeaways]
    assert len(takeaways) == 2 and not any(SCENE in t for t in takeaways)
    assert all(what_to_watch(t) for t in takeaways)


def test_a_client_error_about_something_else_keeps_the_schema(server: str) -> None:
    """A 400 that is not about the reply format (the prompt exceeds the context) is that
    request's failure: the summarizer does not give up on the schema for later stories."""
    llm = LLMSummarizer(f"{server}/context/v1", "m", fallback=ExtractiveSummarizer(), timeout=5.0)
    assert llm.summarize(7, barrier_story(), None, 120, T0).method == "extractive"
    assert ScriptedChat.requests[-1]["body"]["response_format"]["type"] == "json_schema"
