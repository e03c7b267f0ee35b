"""Is the extracted text only a teaser of a paywalled article?

Two kinds of evidence. The page's markup may say so: schema.org ``isAccessibleForFree: false``
(the structured data publishers give search engines for paywalled articles) or an
``article:content_tier`` of ``locked`` or ``metered``. Or the text itself ends in a subscription
prompt. Either counts only when the text is short, because a page that declares a paywall but still
serves the whole article (to crawlers, or under a metered quota) gives us the article.

``extract_article`` reports a teaser through ``Extracted.quality``: a teaser's quality is in
(0, PAYWALL_QUALITY), an ordinary article's at least PAYWALL_QUALITY. ``looks_paywalled`` reads it.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from newsloom.extract.choose import paragraphs, size
from newsloom.records import Extracted
from newsloom.textsafe import loads_json

PAYWALL_QUALITY = 0.3
# Longer than this, the text is an article whatever the page says about access.
TEASER_MAX_TOKENS = 350
# The prompt must be in the last paragraphs of the text.
PROMPT_TAIL_PARAGRAPHS = 3
_NOT_FREE = {"false", "no", "0"}
_LOCKED_TIERS = {"locked", "metered", "premium", "subscriber", "subscribers"}
_PROMPT = re.compile(
    r"subscribe (now )?to (continue|keep) reading|to (continue|keep) reading|"
    r"already a subscriber|subscribers? only|exclusive(ly)? for subscribers|"
    r"(sign|log) ?in to (continue|keep|read)|to read the (full|whole|rest of the) (article|story)|"
    r"this (article|story|content) is (only )?(available|reserved) (to|for) (subscribers|members)|"
    r"réservé aux abonnés|pour lire la suite|il vous reste \d+ ?% de cet article|"
    r"weiterlesen mit|nur für abonnenten|exklusiv für abonnenten|"
    r"exclusivo para (suscriptores|assinantes)|para seguir leyendo|para continuar lendo|"
    r"riservato agli abbonati|per continuare a leggere",
    re.IGNORECASE,
)


def _json_ld_not_free(node: Any) -> bool:
    if isinstance(node, dict):
        value = node.get("isAccessibleForFree")
        if value is not None and str(value).strip().lower() in _NOT_FREE:
            return True
        return any(_json_ld_not_free(child) for child in node.values())
    if isinstance(node, list):
        return any(_json_ld_not_free(child) for child in node)
    return False


def declares_paywall(document: lxml_html.HtmlElement) -> bool:
    """True when the markup says the article is not free to read."""
    for meta in document.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = (meta.get("content") or "").strip().lower()
        if key == "isaccessibleforfree" and value in _NOT_FREE:
            return True
        if key == "article:content_tier" and value in _LOCKED_TIERS:
            return True
    for script in document.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            if _json_ld_not_free(loads_json(script.text)):
                return True
        except (ValueError, RecursionError):  # unreadable, or nested past the stack
            continue
    return False


def ends_with_prompt(text: str) -> bool:
    """True when one of the last paragraphs asks the reader to subscribe or sign in."""
    tail = paragraphs(text)[-PROMPT_TAIL_PARAGRAPHS:]
    return any(_PROMPT.search(para) for para in tail)


def is_teaser(text: str, document: lxml_html.HtmlElement | None) -> bool:
    if size(text) > TEASER_MAX_TOKENS:
        return False
    return ends_with_prompt(text) or (document is not None and declares_paywall(document))


def looks_paywalled(extracted: Extracted) -> bool:
    """True when ``extract_article`` judged the text a teaser of a paywalled article."""
    return 0.0 < extracted.quality < PAYWALL_QUALITY
