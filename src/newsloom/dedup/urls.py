"""Canonical URLs: one spelling per article, whatever tracking, AMP or mobile variant linked it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

# Query parameters that identify a campaign or a click, never the article (compared lower-cased).
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "ocid", "_ga", "_gl", "_hsenc",
        "_hsmi", "mkt_tok", "smid", "smtyp", "s_cid", "wt.mc_id", "wt_mc", "ns_mchannel",
        "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "xtor", "guccounter",
        "guce_referrer", "guce_referrer_sig", "at_medium", "at_campaign", "at_custom1",
        "at_custom2", "at_custom3", "at_custom4", "fb_action_ids", "fb_action_types",
        "fb_source", "fb_ref", "sr_share", "soc_src", "soc_trk", "spm", "__twitter_impression",
        "amp", "outputtype", "ito", "icid", "intcmp",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "vero_", "oly_")
# Only these values of "outputType" mean AMP; other values are kept below.
_AMP_VALUES = {"amp"}
_KEEP_UNLESS_AMP = {"outputtype"}
_MOBILE_PREFIXES = ("m.", "mobile.", "amp.")
# What a site's own host names may start with (canonical_url keeps "www.": some sites serve
# other pages without it).
_SITE_PREFIXES = ("www.", *_MOBILE_PREFIXES)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = "/:@!$'()*+,;-._~?"
_AMP_CACHE_SUFFIX = ".cdn.ampproject.org"


def canonical_url(url: str) -> str:
    """The canonical spelling of ``url``; idempotent: canonical_url(canonical_url(u)) == it."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if host.endswith(_AMP_CACHE_SUFFIX):
        unwrapped = _unwrap_amp_cache(parts.path, parts.query)
        if unwrapped:
            return canonical_url(unwrapped)
    for prefix in _MOBILE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    path = _normalize_path(parts.path) if netloc else parts.path
    query = _normalize_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


def site_host(host: str) -> str:
    """The site a host name belongs to: lower-cased, without a www., mobile or AMP prefix
    (``www.example.com``, ``m.example.com`` and ``example.com`` are one site)."""
    host = host.lower()
    for prefix in _SITE_PREFIXES:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def _normalize_path(path: str) -> str:
    path = _normalize_escapes(path, _PATH_SAFE)
    path = re.sub(r"/{2,}", "/", path)
    # AMP renditions: /story/amp, /story/amp/, /story.amp
    path = re.sub(r"(?:/amp|\.amp)/?$", "", path)
    path = path.rstrip("/")
    return path or "/"


def _normalize_query(query: str) -> str:
    if not query:
        return ""
    kept: list[tuple[str, str]] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        name = key.lower()
        if name in _KEEP_UNLESS_AMP and value.lower() not in _AMP_VALUES:
            kept.append((key, value))
        elif name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
            continue
        else:
            kept.append((key, value))
    kept.sort()
    return "&".join(
        quote(k, safe=_QUERY_SAFE) + ("=" + quote(v, safe=_QUERY_SAFE) if v else "")
        for k, v in kept
    )


def _normalize_escapes(text: str, safe: str) -> str:
    """Decode escapes of unreserved characters, upper-case the rest, escape what must be escaped."""
    text = _BAD_PERCENT.sub("%25", text)

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()

    return quote(_ESCAPE.sub(fix, text), safe=safe)


def _unwrap_amp_cache(path: str, query: str) -> str:
    # Google's AMP cache: /c/s/example.com/story (https) or /c/example.com/story (http).
    match = re.match(r"^/[cv]/(s/)?(.+)$", path)
    if not match:
        return ""
    scheme = "https" if match.group(1) else "http"
    return f"{scheme}://{match.group(2)}" + (f"?{query}" if query else "")
