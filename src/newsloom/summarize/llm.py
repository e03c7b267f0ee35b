"""Optional LLM backend: an OpenAI-compatible chat API writes the summary, the grounding check vets it.

The prompt numbers the story's source sentences; the reply must be JSON in the summary's shape with
every sentence citing the numbers it rests on (validated with pydantic). A sentence citing unknown
numbers or not supported by the sentences it cites is dropped. Timeouts, HTTP errors, oversized or
bad replies and refusals fall back to the extractive summary, with the reason logged. Bounded: one
request timeout, a response size cap and a single retry.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

import httpx
from pydantic import BaseModel, Field, ValidationError

from newsloom.errors import SummarizeError
from newsloom.records import Article, Cited, Summary
from newsloom.settings import Settings
from newsloom.summarize.base import Summarizer
from newsloom.summarize.facts import candidates_of
from newsloom.summarize.furniture import is_furniture
from newsloom.summarize.grounding import GroundingChecker
from newsloom.summarize.mainverb import lacks_main_clause
from newsloom.summarize.openings import opening_reference, unnamed_speaker
from newsloom.summarize.retold import repeats_statement
from newsloom.summarize.vectors import Embed
from newsloom.summarize.watch import what_to_watch
from newsloom.summarize.words import tokens
from newsloom.textkit import STOP_WORDS, stem
from newsloom.textsafe import loads_json

log = logging.getLogger(__name__)

MAX_SOURCE_SENTENCES = 30
PER_ARTICLE = 8  # the leads carry the facts; later sentences add colour and length
MAX_REPLY_BYTES = 256_000
# Bounds the generation itself: a 3-3-3 summary is 400-700 tokens, a runaway one is cut here.
MAX_REPLY_TOKENS = 1500
# A flat list of paragraph sentences (small models write one) is read as paragraphs of this many.
PARAGRAPH_SENTENCES = 3
StructuredMode = Literal["auto", "json_schema", "json_object", "off"]
_REFUSALS = ("i can't", "i cannot", "i'm sorry", "i am sorry", "i won't", "as an ai")

SYSTEM_PROMPT = """You write neutral, factual news summaries from numbered source sentences.
Use only facts stated in the sources. Every sentence must cite the numbers of the source sentences
that state it. No opinions, no speculation, no fact stated twice across sections.
Plan: bullet 1 states the main event in one sentence (who, what, where, when) as it now stands:
a later development (a rising toll, a rescue, a raised offer) replaces the first report, and the
headline says the same. Bullets 2-3 are the next most important distinct facts. Paragraphs run
what happened, then details and context, then reactions, then what comes next. Takeaways are
consequences and what to watch, never quotations.
Every sentence stands alone: name people, places and organisations instead of "he", "it",
"the company"; no opening "But"/"Also"; no quotation whose speaker is not named; nothing from
captions, photo credits, social media posts or datelines.
Reply with one JSON object and nothing else:
{"headline": "neutral, specific headline",
 "bullets": [{"text": "...", "sources": [1]}, ...3 items],
 "paragraphs": [[{"text": "...", "sources": [1, 4]}, ...], ...about 3 paragraphs],
 "takeaways": [{"text": "...", "sources": [2]}, ...3 items]}"""


# The reply's shape as a JSON Schema, written out without $ref so that every server's grammar
# compiler (llama.cpp's json-schema-to-grammar, Ollama's format, vLLM's guided decoding) takes it.
# The item limits bound what a constrained model can generate.
_SENTENCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "minLength": 1, "maxLength": 600},
        "sources": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1},
            "minItems": 1,
            "maxItems": 6,
        },
    },
    "required": ["text", "sources"],
    "additionalProperties": False,
}
REPLY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "headline": {"type": "string", "minLength": 1, "maxLength": 200},
        "bullets": {"type": "array", "items": _SENTENCE_SCHEMA, "minItems": 1, "maxItems": 3},
        "paragraphs": {
            "type": "array",
            "items": {"type": "array", "items": _SENTENCE_SCHEMA, "minItems": 1, "maxItems": 4},
            "minItems": 1,
            "maxItems": 4,
        },
        "takeaways": {"type": "array", "items": _SENTENCE_SCHEMA, "maxItems": 3},
    },
    "required": ["headline", "bullets", "paragraphs", "takeaways"],
    "additionalProperties": False,
}


MAX_SENTENCE_CHARS = 600
MAX_ITEMS = 6


class _Sentence(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_SENTENCE_CHARS)
    sources: list[int] = Field(min_length=1, max_length=12)


class _Reply(BaseModel):
    headline: str = Field(default="", max_length=300)
    bullets: list[_Sentence] = Field(default_factory=list, max_length=MAX_ITEMS)
    paragraphs: list[list[_Sentence]] = Field(default_factory=list, max_length=MAX_ITEMS)
    takeaways: list[_Sentence] = Field(default_factory=list, max_length=MAX_ITEMS)


class LLMUnusable(SummarizeError):
    """The LLM reply cannot be used; the message says why."""


class _FormatRefused(Exception):
    """The server answered a request carrying a JSON Schema with a client error."""


@dataclass(frozen=True)
class _Numbered:
    texts: list[str]  # source sentence n is texts[n - 1]
    article_ids: list[int]  # the article each numbered sentence comes from


class LLMSummarizer:
    """``summarize`` like the extractive summarizer; ``method`` is "llm" only when the reply passed."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        fallback: Summarizer,
        api_key: str = "",
        checker: GroundingChecker | None = None,
        timeout: float = 300.0,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        retries: int = 1,
        transport: httpx.BaseTransport | None = None,
        structured: StructuredMode = "auto",
        max_sources: int = MAX_SOURCE_SENTENCES,
    ) -> None:
        if not base_url:
            raise SummarizeError("summarize: the LLM backend needs llm_base_url")
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._model = model
        self._api_key = api_key
        self._fallback = fallback
        self._checker = checker or GroundingChecker()
        self._timeout = timeout
        self._max_bytes = max_reply_bytes
        self._retries = retries
        self._transport = transport
        # "auto" asks for the schema first and settles on what the server takes.
        self._structured: StructuredMode = structured
        self._max_sources = max_sources

    @classmethod
    def from_settings(
        cls, settings: Settings, *, fallback: Summarizer, embed: Embed | None = None
    ) -> LLMSummarizer:
        return cls(
            settings.llm_base_url,
            settings.llm_model,
            fallback=fallback,
            api_key=settings.llm_api_key,
            checker=GroundingChecker(embed),
            timeout=settings.llm_timeout,
            structured=settings.llm_structured,
            max_sources=settings.llm_max_sources,
        )

    def summarize(
        self,
        story_id: int,
        articles: Sequence[Article],
        previous: Summary | None,
        words: int,
        now: datetime,
    ) -> Summary:
        extractive = self._fallback.summarize(story_id, articles, previous, words, now)
        try:
            return self.rewrite(articles, extractive, words, now)
        except LLMUnusable as exc:
            log.warning("%s; story %d keeps the extractive summary", exc, story_id)
            return extractive

    def rewrite(
        self, articles: Sequence[Article], base: Summary, words: int, now: datetime
    ) -> Summary:
        """``base`` (the story's extractive summary) written anew by the LLM and grounded;
        LLMUnusable with the reason when the reply cannot be used. The rewrite queue
        (pipeline/rewrite.py) calls this; ``summarize`` falls back instead."""
        ordered = sorted(articles, key=lambda a: (a.published, a.id or 0))
        numbered = _number_sentences(ordered, self._max_sources)
        if not numbered.texts:
            raise LLMUnusable("summarize: no source sentences to send to the LLM")
        reply = self._ask(numbered, words)
        return replace(self._grounded(reply, numbered, base), created=now)

    def _ask(self, numbered: _Numbered, words: int) -> _Reply:
        """The validated reply; one retry for transport errors, 5xx and unparseable replies."""
        last: LLMUnusable | None = None
        for _ in range(1 + self._retries):
            try:
                return _parse_reply(self._post(_messages(numbered, words)))
            except LLMUnusable as exc:
                last = exc
                if "refused" in str(exc) or "HTTP 4" in str(exc):
                    break  # asking again will not change a refusal or a bad request
        assert last is not None
        raise last

    def _post(self, messages: list[dict[str, str]]) -> bytes:
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        try:
            return self._post_as(messages, headers, self._structured)
        except _FormatRefused:
            # The server does not take a JSON Schema (an older llama.cpp, a hosted API without
            # structured outputs): plain JSON mode from now on, and the parser copes with shapes.
            log.warning("summarize: the LLM server refused a JSON Schema; using JSON mode")
            self._structured = "json_object"
            return self._post_as(messages, headers, "json_object")

    def _post_as(
        self, messages: list[dict[str, str]], headers: dict[str, str], mode: StructuredMode
    ) -> bytes:
        payload: dict[str, Any] = {
            "model": self._model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": MAX_REPLY_TOKENS,
            "stream": False,
        }
        if mode in ("auto", "json_schema"):
            payload["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "story_summary", "strict": True, "schema": REPLY_SCHEMA},
            }
        elif mode == "json_object":
            payload["response_format"] = {"type": "json_object"}
        deadline = time.monotonic() + self._timeout
        try:
            with (
                httpx.Client(timeout=self._timeout, transport=self._transport) as client,
                client.stream("POST", self._url, json=payload, headers=headers) as response,
            ):
                if response.status_code != 200:
                    detail = _error_detail(response)
                    if mode == "auto" and _refuses_format(response.status_code, detail):
                        raise _FormatRefused(detail)
                    raise LLMUnusable(
                        f"summarize: LLM answered HTTP {response.status_code}"
                        + (f": {detail}" if detail else "")
                    )
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > self._max_bytes:
                        raise LLMUnusable(f"summarize: LLM reply over {self._max_bytes} bytes")
                    if time.monotonic() > deadline:
                        raise LLMUnusable(f"summarize: LLM reply took over {self._timeout} s")
                return bytes(body)
        except httpx.TimeoutException as exc:
            raise LLMUnusable(f"summarize: LLM timed out after {self._timeout} s") from exc
        except httpx.HTTPError as exc:
            raise LLMUnusable(f"summarize: LLM request failed: {exc}") from exc

    def _grounded(self, reply: _Reply, numbered: _Numbered, extractive: Summary) -> Summary:
        """Keep the sentences their cited sources support; no fact twice across sections (the
        extractive summary's test, ``retold.repeats_statement``: half the content words shared,
        one person's deed in other word forms, or a figure told again in words)."""
        seen: list[str] = []
        dropped: Counter[str] = Counter()  # why sentences were dropped: the operator's view

        told: set[str] = {w.lower() for w in reply.headline.split()}

        def keep(
            items: Sequence[_Sentence], read: list[str] | None = None, *, takeaways: bool = False
        ) -> tuple[Cited, ...]:
            """``read``: the prose a reader has just read (paragraphs), so that "he" may refer
            to someone it names; bullets and takeaways stand alone. The extractive contract
            holds too: no furniture, no fragment, no unattributed words, every bullet, takeaway
            and paragraph opening names what it is about, and a takeaway tells what to watch
            (``watch.what_to_watch``: a next step, an effect, a pending process; never a
            quotation in any marks, commentary or an opinion)."""
            kept: list[Cited] = []
            for item in items:
                text = " ".join(item.text.split())
                opening = read is None or not kept
                if any(repeats_statement(earlier, text) for earlier in seen):
                    dropped["repeated"] += 1
                    continue
                if (
                    is_furniture(text)
                    or lacks_main_clause(text)
                    or unnamed_speaker(text)
                    or (takeaways and not what_to_watch(text))
                    or (opening and opening_reference(text, told))
                ):
                    dropped["against the page's contract"] += 1
                    continue
                cited = self._supporting(text, item.sources, numbered, read or ())
                if cited is None:
                    dropped["unsupported"] += 1
                    continue
                seen.append(text)
                told.update(w.lower() for w in text.split())
                if read is not None:
                    read.append(text)
                ids = tuple(sorted({numbered.article_ids[n - 1] for n in cited}))
                kept.append(Cited(text, ids))
            return tuple(kept)

        bullets = keep(reply.bullets)
        prose: list[str] = []
        paragraphs = tuple(p for p in (keep(p, prose) for p in reply.paragraphs) if p)
        takeaways = keep(reply.takeaways, takeaways=True)
        if dropped:
            log.warning(
                "summarize: dropped %d LLM sentences (%s)",
                sum(dropped.values()),
                ", ".join(f"{n} {why}" for why, n in dropped.most_common()),
            )
        # The LLM version replaces the extractive one only when it is as complete a page: as
        # many bullets (up to three), a paragraph, and takeaways when the extractive page has some.
        if (
            len(bullets) < min(3, max(1, len(extractive.bullets)))
            or not paragraphs
            or (extractive.takeaways and not takeaways)
        ):
            raise LLMUnusable(
                "summarize: too few LLM sentences survived the checks "
                f"({len(bullets)} bullets, {len(paragraphs)} paragraphs, {len(takeaways)} takeaways)"
            )
        headline = " ".join(reply.headline.split())
        if not headline or not self._checker.check(headline, numbered.texts).supported:
            headline = extractive.headline
        return replace(
            extractive,
            headline=headline,
            bullets=bullets,
            paragraphs=paragraphs,
            takeaways=takeaways,
            method="llm",
        )

    def _supporting(
        self, text: str, given: Sequence[int], numbered: _Numbered, read: Sequence[str]
    ) -> list[int] | None:
        """The numbers of the source sentences that support ``text``, or None when none do.

        The model's own citations are tried first. Small models often state a fact correctly
        and cite the sentence next to it; then the citation is remade from the sentences that
        carry the statement's words (``_carrying``), and the statement must pass the same check
        against those. A statement is never published on sentences that do not support it."""
        valid = sorted({n for n in given if 1 <= n <= len(numbered.texts)})
        tried: list[list[int]] = [valid] if valid else []
        carrying = _carrying(text, numbered.texts)
        if carrying and carrying not in tried:
            tried.append(carrying)
        for cited in tried:
            sources = [numbered.texts[n - 1] for n in cited]
            if self._checker.check(text, sources, read).supported:
                return cited
        return None


def _carrying(text: str, sources: Sequence[str], most: int = 3) -> list[int]:
    """Up to ``most`` source numbers (1-based) that together hold most of ``text``'s content
    words: greedily, the sentence adding the most words not yet held, while one adds any."""
    wanted = {stem(w) for w in tokens(text)} - STOP_WORDS
    held = [{stem(w) for w in tokens(source)} & wanted for source in sources]
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < most:
        gains = [len(words - covered) for words in held]
        best = max(range(len(held)), key=lambda k: gains[k], default=-1)
        if best < 0 or gains[best] == 0:
            break
        chosen.append(best + 1)
        covered |= held[best]
    return sorted(chosen)


def _number_sentences(articles: Sequence[Article], limit: int = MAX_SOURCE_SENTENCES) -> _Numbered:
    """At most ``limit`` sentences: every article's lead first, then each one's second sentence,
    and so on (up to ``PER_ARTICLE`` deep), so the prompt holds what most outlets reported and
    stays small enough for a small model on a CPU."""
    texts: list[str] = []
    ids: list[int] = []
    seen: set[str] = set()
    candidates = sorted(candidates_of(articles), key=lambda c: (c.position, c.article))
    for candidate in candidates:
        article_id = articles[candidate.article].id
        if article_id is None or candidate.position >= PER_ARTICLE or candidate.text in seen:
            continue
        seen.add(candidate.text)
        texts.append(candidate.text)
        ids.append(article_id)
        if len(texts) >= limit:
            break
    return _Numbered(texts, ids)


def _messages(numbered: _Numbered, words: int) -> list[dict[str, str]]:
    sources = "\n".join(f"[{n}] {text}" for n, text in enumerate(numbered.texts, start=1))
    user = (
        f"Source sentences:\n{sources}\n\nWrite the summary: 3 bullets, paragraphs of about "
        f"{words} words in all, 3 takeaways. Cite source numbers for every sentence."
    )
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def _parse_reply(body: bytes) -> _Reply:
    """The chat completion's message content, validated; LLMUnusable with the reason otherwise."""
    try:
        envelope = loads_json(body)
        message = envelope["choices"][0]["message"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMUnusable("summarize: LLM response is not a chat completion") from exc
    if not isinstance(message, dict):
        raise LLMUnusable("summarize: LLM response is not a chat completion")
    if message.get("refusal"):
        raise LLMUnusable("summarize: LLM refused the request")
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        raise LLMUnusable("summarize: LLM reply is empty")
    text = content.strip()
    if text.startswith("```"):  # models like to fence JSON even when told not to
        text = text.strip("`").removeprefix("json").strip()
    try:
        data = loads_json(text)
    except ValueError as exc:
        if text.lower().startswith(_REFUSALS):
            raise LLMUnusable("summarize: LLM refused the request") from exc
        raise LLMUnusable("summarize: LLM reply is not JSON") from exc
    try:
        return _Reply.model_validate(_tolerant(data))
    except ValidationError as exc:
        problems = "; ".join(err["msg"] for err in exc.errors()[:3])
        raise LLMUnusable(
            f"summarize: LLM reply does not fit the summary schema: {problems}"
        ) from exc


def _refuses_format(status: int, detail: str) -> bool:
    """A client error about the requested reply format (llama.cpp: "JSON schema error", OpenAI:
    "response_format ... not supported"), not about something else such as the context size."""
    lowered = detail.lower()
    return status in (400, 422, 501) and any(
        word in lowered for word in ("schema", "response_format", "grammar", "json")
    )


def _error_detail(response: httpx.Response) -> str:
    """The first part of an error body, one line (servers say there what they refused)."""
    try:
        body = response.read()[:400].decode("utf-8", errors="replace")
    except httpx.HTTPError:
        return ""
    return " ".join(body.split())[:200]


_INLINE_CITATION = re.compile(r"\s*[\[(]((?:\d{1,3}\s*[,;]?\s*)+)[\])]")


def _numbers(value: Any) -> list[int]:
    """Source numbers however a model wrote them: 3, "3", "3, 4", ["3", 4], [[3]]."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, str):
        return [int(n) for n in re.findall(r"\d{1,3}", value)]
    if isinstance(value, list):
        return [n for item in value[:12] for n in _numbers(item)]
    return []


def _sentence(item: Any) -> dict[str, Any] | None:
    """One cited sentence from the shapes models write: an object with text and sources (or
    source, citations), or a string with inline "[3, 4]" citations. None when nothing is cited:
    such a sentence could never be grounded."""
    if isinstance(item, str):
        text, sources = item, []
    elif isinstance(item, dict):
        text = item.get("text") or item.get("sentence") or ""
        sources = _numbers(item.get("sources", item.get("source", item.get("citations", []))))
    else:
        return None
    if not isinstance(text, str):
        return None
    inline = _INLINE_CITATION.findall(text)
    if inline:
        sources += [int(n) for group in inline for n in re.findall(r"\d{1,3}", group)]
        text = _INLINE_CITATION.sub("", text).strip()
    if not text.strip() or not sources or len(text) > MAX_SENTENCE_CHARS:
        return None
    return {"text": text, "sources": sorted(set(sources))}


def _sentences(items: Any) -> list[dict[str, Any]]:
    if not isinstance(items, list):
        items = [items] if isinstance(items, str | dict) else []
    return [s for s in (_sentence(item) for item in items) if s is not None]


def _paragraphs(value: Any) -> list[list[dict[str, Any]]]:
    """Paragraphs as lists of sentences. A flat list of sentences (what small models often
    write) is grouped ``PARAGRAPH_SENTENCES`` at a time; {"sentences": [...]} is a paragraph."""
    if not isinstance(value, list):
        value = [value] if value else []
    if value and all(not isinstance(item, list) for item in value):
        unwrapped = [
            item.get("sentences") if isinstance(item, dict) and "sentences" in item else None
            for item in value
        ]
        if all(u is not None for u in unwrapped):
            return [p for p in (_sentences(u) for u in unwrapped) if p]
        flat = _sentences(value)
        return [
            flat[start : start + PARAGRAPH_SENTENCES]
            for start in range(0, len(flat), PARAGRAPH_SENTENCES)
        ]
    return [p for p in (_sentences(item) for item in value) if p]


def _tolerant(data: Any) -> Any:
    """The reply in the summary's shape where a model came close: read tolerantly here, then
    validated strictly (pydantic) and grounded (every citation checked)."""
    if not isinstance(data, dict):
        return data
    headline = data.get("headline") or data.get("title") or ""
    return {
        "headline": headline if isinstance(headline, str) else "",
        "bullets": _sentences(data.get("bullets") or data.get("summary") or [])[:MAX_ITEMS],
        "paragraphs": [
            p[: MAX_ITEMS * 2] for p in _paragraphs(data.get("paragraphs") or [])[:MAX_ITEMS]
        ],
        "takeaways": _sentences(data.get("takeaways") or data.get("key_takeaways") or [])[
            :MAX_ITEMS
        ],
    }
