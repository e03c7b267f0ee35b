"""The default category taxonomy and the mapping from feeds' declared sections to it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from newsloom.records import Category

GENERAL = "general"

TAXONOMY: tuple[Category, ...] = (
    Category("world", "World", "International affairs, conflicts and diplomacy between countries."),
    Category("politics", "Politics", "Governments, elections, parliaments, parties and policy."),
    Category("business", "Business", "Companies, markets, trade, jobs and the economy."),
    Category("technology", "Technology", "Computing, the internet, gadgets, software and AI."),
    Category("science", "Science", "Research, discoveries, space and the natural world."),
    Category("health", "Health", "Medicine, public health, diseases and wellbeing."),
    Category("sports", "Sports", "Competitions, teams, athletes and results."),
    Category("entertainment", "Entertainment", "Film, music, television, books, arts and culture."),
    Category(
        "climate", "Climate", "Climate change, the environment, energy transition and weather."
    ),
    Category(GENERAL, "General", "Everything else; the fallback when nothing more specific fits."),
)
SLUGS = tuple(c.slug for c in TAXONOMY)

# Declared section names (normalised: lower case, words joined by "-") -> taxonomy slug.
# Geographic scopes of home news ("us-news", "national") are not topics, so they map to general.
SECTION_SYNONYMS: dict[str, str] = {
    **{slug: slug for slug in SLUGS},
    **dict.fromkeys(
        "international global foreign world-news worldnews europe asia africa americas "
        "middle-east mideast latin-america australia-news asia-pacific uk-world".split(),
        "world",
    ),
    **dict.fromkeys(
        "political elections election government policy us-politics uk-politics congress "
        "parliament white-house whitehouse campaign-2024 democracy law-and-politics".split(),
        "politics",
    ),
    **dict.fromkeys(
        "economy economics markets market finance financial money companies industry "
        "business-news biz personal-finance investing stocks trade jobs work careers "
        "real-estate property retail banking startups".split(),
        "business",
    ),
    **dict.fromkeys(
        "tech technologies sci-tech scitech science-and-technology science-technology it "
        "computing gadgets internet digital ai artificial-intelligence software cyber "
        "cybersecurity security-and-privacy innovation gaming games mobile".split(),
        "technology",
    ),
    **dict.fromkeys(
        "sciences research space astronomy physics biology chemistry nature medicine-and-science "
        "science-news archaeology".split(),
        "science",
    ),
    **dict.fromkeys(
        "medicine medical wellness wellbeing well-being healthcare health-care public-health "
        "fitness nutrition mental-health coronavirus covid-19 covid".split(),
        "health",
    ),
    **dict.fromkeys(
        "sport football soccer basketball baseball cricket tennis golf rugby nfl nba mlb nhl "
        "hockey cycling athletics formula-one f1 motorsport olympics boxing".split(),
        "sports",
    ),
    **dict.fromkeys(
        "culture arts art arts-and-culture music film films movies movie tv television "
        "television-and-radio books celebrity celebrities showbiz lifestyle media stage "
        "theatre theater fashion style entertainment-news".split(),
        "entertainment",
    ),
    **dict.fromkeys(
        "environment climate-change climate-crisis energy weather green sustainability "
        "planet wildlife climate-and-environment earth".split(),
        "climate",
    ),
    **dict.fromkeys(
        "news top-stories topstories headlines latest home front-page frontpage main "
        "us-news uk-news us uk national nation domestic local breaking-news misc other".split(),
        GENERAL,
    ),
}

# The sections of French, German and Spanish outlets, by the names they give them (written
# without accents: keys are folded, so "Économie" and "Economie" meet). Item categories carry
# them (Article.section), and an item in another language is placed by them alone: the
# classifier's model reads English.
SECTION_SYNONYMS.update(
    {
        **dict.fromkeys(
            "monde international internationale ausland welt mundo internacional".split(), "world"
        ),
        **dict.fromkeys("politique politik politica".split(), "politics"),
        **dict.fromkeys(
            "economie entreprises bourse emploi wirtschaft finanzen borse unternehmen "
            "economia empresas mercados finanzas".split(),
            "business",
        ),
        **dict.fromkeys(
            "numerique technologie technologies technik netzwelt tecnologia".split(), "technology"
        ),
        **dict.fromkeys("wissenschaft wissen forschung ciencia ciencias".split(), "science"),
        **dict.fromkeys("sante gesundheit salud".split(), "health"),
        **dict.fromkeys("fussball deportes futbol".split(), "sports"),
        **dict.fromkeys(
            "cinema musique livres television spectacles kultur feuilleton kino musik "
            "unterhaltung cultura cine musica espectaculos".split(),
            "entertainment",
        ),
        **dict.fromkeys(
            "planete environnement climat ecologie meteo umwelt klima wetter medio-ambiente "
            "clima planeta".split(),
            "climate",
        ),
        **dict.fromkeys(
            "actualite actualites societe faits-divers france regions a-la-une inland lokales "
            "vermischtes panorama gesellschaft sociedad sucesos nacional portada".split(),
            GENERAL,
        ),
    }
)

_SEPARATORS = re.compile(r"[\s_/&+,.:;|]+|-+")
_NEWS_AFFIX = re.compile(r"^(?:news-)|(?:-news)$")


def _key(text: str) -> str:
    # Accents folded ("Économie" -> "economie", "Fußball" -> "fussball"): outlets and their
    # feeds write section names with and without them.
    folded = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return "-".join(part for part in _SEPARATORS.split(plain.replace("&", " and ")) if part)


def normalise_section(section: str) -> str | None:
    """Taxonomy slug for a declared section ("Sci/Tech" -> "technology"), or None if unknown.

    Accepts plain names, names with "news" around them ("business-news") and URL paths
    ("/sport/football/"), where the most specific known segment wins.
    """
    text = section.strip().lower()
    if not text:
        return None
    if "://" in text:
        text = text.split("://", 1)[1].partition("/")[2]
    whole = _key(text)
    for candidate in (whole, _NEWS_AFFIX.sub("", whole), whole.replace("-and-", "-")):
        if candidate in SECTION_SYNONYMS:
            return SECTION_SYNONYMS[candidate]
    segments = [_key(s) for s in text.split("/") if _key(s)]
    for segment in reversed(segments if len(segments) > 1 else []):
        found = normalise_section(segment)
        if found is not None:
            return found
    return None


def filed_section(categories: Iterable[str]) -> str:
    """The slug of the first of a feed item's categories that names a specific section ("World
    news" -> "world"), or "". Free tags (people, places, "Breaking") name none and are passed
    over; "News" and other general ones too, since they say nothing of the topic."""
    for category in categories:
        slug = normalise_section(category)
        if slug is not None and slug != GENERAL:
            return slug
    return ""
