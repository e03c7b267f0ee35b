"""HTML pages of the demo outlets, shaped like a real news site (chrome an extractor must skip)."""

from __future__ import annotations

import json
from datetime import datetime
from html import escape

from newsloom.demo.feeds import iso
from newsloom.demo.newsroom import DemoArticle, Outlet

_STYLE = (
    "body{font-family:Georgia,serif;margin:0;color:#222}header,footer{background:#13294b;"
    "color:#fff;padding:.6em 1.2em}header a,footer a{color:#fff;margin-right:1em}"
    "main{max-width:44em;margin:auto;padding:1em}.lead{font-size:1.2em}"
    ".cookie-notice{background:#ffe;padding:.5em;border-bottom:1px solid #cc9}"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _chrome_top(outlet: Outlet, home: str, sections: list[str]) -> str:
    nav = "".join(f'<li><a href="{_e(home)}#{_e(s)}">{_e(s.title())}</a></li>' for s in sections)
    return (
        '<div class="cookie-notice" role="dialog">We use cookies to remember your preferences '
        "and to measure readership. <button>Accept</button> <button>Settings</button></div>"
        f'<header class="site-header"><a class="logo" href="{_e(home)}">{_e(outlet.name)}</a>'
        f'<span class="tagline">{_e(outlet.tagline)}</span>'
        f'<nav class="main-nav"><ul><li><a href="{_e(home)}">Home</a></li>{nav}</ul></nav></header>'
    )


def _chrome_bottom(outlet: Outlet, year: int) -> str:
    return (
        '<aside class="newsletter"><h2>Get the evening briefing</h2><p>The five stories that '
        'mattered today, in your inbox at six.</p><form><input type="email" '
        'placeholder="you@example.org"><button>Sign up</button></form></aside>'
        f'<footer class="site-footer"><p>&copy; {year} {_e(outlet.name)}. All rights reserved.</p>'
        '<p><a href="#about">About us</a><a href="#contact">Contact</a>'
        '<a href="#privacy">Privacy</a><a href="#terms">Terms</a></p></footer>'
    )


def _document(lang: str, head: str, body: str) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_STYLE}</style>{head}</head><body>{body}</body></html>\n"
    ).encode()


def article_page(
    outlet: Outlet,
    article: DemoArticle,
    *,
    home: str,
    canonical: str,
    image: str,
    published: datetime,
    related: list[tuple[str, str]],  # (url, title)
    credit: str = "",  # the original outlet of a republished wire story
) -> bytes:
    section = article.category
    structured = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": iso(published),
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": outlet.name},
            "image": image or None,
            "mainEntityOfPage": canonical,
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")  # a "</script>" inside a title must not end the script element
    head = (
        f"<title>{_e(article.title)} | {_e(outlet.name)}</title>"
        f'<link rel="canonical" href="{_e(canonical)}">'
        f'<meta name="description" content="{_e(article.lead)}">'
        f'<meta name="author" content="{_e(article.author)}">'
        '<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{_e(article.title)}">'
        f'<meta property="og:url" content="{_e(canonical)}">'
        f'<meta property="og:site_name" content="{_e(outlet.name)}">'
        + (f'<meta property="og:image" content="{_e(image)}">' if image else "")
        + f'<meta property="article:published_time" content="{iso(published)}">'
        f'<meta property="article:section" content="{_e(section)}">'
        f'<script type="application/ld+json">{structured}</script>'
    )
    figure = f'<figure><img src="{_e(image)}" alt="{_e(article.title)}"></figure>' if image else ""
    credit_html = f' <span class="credit">for {_e(credit)}</span>' if credit else ""
    related_html = "".join(f'<li><a href="{_e(u)}">{_e(t)}</a></li>' for u, t in related)
    body = (
        _chrome_top(outlet, home, [section])
        + '<main><nav class="breadcrumbs" aria-label="Breadcrumb">'
        f'<a href="{_e(home)}">Home</a> &rsaquo; <a href="{_e(home)}#{_e(section)}">'
        f"{_e(section.title())}</a> &rsaquo; <span>{_e(article.title)}</span></nav>"
        f'<article><h1 class="headline">{_e(article.title)}</h1>'
        f'<p class="byline">By <span class="author">{_e(article.author)}</span>{credit_html} '
        f'&middot; <time datetime="{iso(published)}">{published:%d %B %Y, %H:%M} UTC</time></p>'
        f'{figure}<p class="lead">{_e(article.lead)}</p><div class="article-body">'
        + "".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)
        + "</div></article>"
        f'<aside class="related"><h2>Related stories</h2><ul>{related_html}</ul></aside>'
        + _chrome_bottom(outlet, published.year)
        + "</main>"
    )
    return _document(article.lang, head, body)


def front_page(
    outlet: Outlet, home: str, entries: list[tuple[str, DemoArticle]], year: int
) -> bytes:
    """The outlet's home page: newest articles first, grouped by nothing but time."""
    items = "".join(
        f'<li><a href="{_e(url)}">{_e(a.title)}</a> <small>{_e(a.category)}</small>'
        f"<p>{_e(a.lead)}</p></li>"
        for url, a in entries
    )
    head = f'<title>{_e(outlet.name)}</title><link rel="canonical" href="{_e(home)}">'
    sections = sorted({a.category for _, a in entries})
    body = (
        _chrome_top(outlet, home, sections)
        + f'<main><h1>{_e(outlet.name)}</h1><ul class="latest">{items}</ul>'
        + _chrome_bottom(outlet, year)
        + "</main>"
    )
    return _document(outlet.language, head, body)


def index_page(outlets: list[tuple[str, Outlet]]) -> bytes:
    items = "".join(f'<li><a href="{_e(u)}">{_e(o.name)}</a></li>' for u, o in outlets)
    return _document(
        "en",
        "<title>Demo newsroom</title>",
        "<main><h1>Demo newsroom</h1><p>Fictional outlets for newsloom.</p>"
        f"<ul>{items}</ul></main>",
    )
