"""Fictional multi-outlet stories for the summarizer tests (all names and events are invented)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsloom.records import Article

T0 = datetime(2031, 5, 6, 7, 0, tzinfo=UTC)

# The wire sentence three outlets print almost word for word.
WIRE = (
    "The Port Elling tidal barrier closed for the first time on Tuesday as a storm surge of "
    "3.2 metres hit the estuary."
)

BARRIER_WIRE = """PORT ELLING (Coastal Wire) - The Port Elling tidal barrier closed for the first time on Tuesday as a storm surge of 3.2 metres hit the estuary.
Engineers lowered the twelve steel gates in 40 minutes, faster than the hour the design allowed.
Mayor Ilse Varga said the barrier had protected about 18,000 homes in the lower town.
By Jonas Pell
Read more: our full coverage of the storm season.
The barrier cost 410 million crowns and took six years to build.
Dr. Mara Quist of the Elling Hydraulics Institute said the surge was the highest since 1987.
Is the town finally safe?
Photo: Harbour Gazette archive"""

BARRIER_GAZETTE = """By Helga Strand, Harbour Gazette
The Port Elling tidal barrier closed for the first time on Tuesday as a storm surge of 3.2 metres hit the estuary.
Residents of the lower town watched from the sea wall as the gates rose out of the water.
Fishermen had moved their boats to the inner basin on Monday after the harbour master issued a red warning.
Mayor Ilse Varga said the barrier had protected some 18,000 homes in the lower town.
Subscribe to the Gazette for 1 crown a week.
The council will publish a report on the closure within a month, officials said.
"It worked," she said.
Critics had called the project too costly when it was approved by a narrow council vote in 2024."""

BARRIER_RADIO = """LONDON — The Port Elling tidal barrier closed for the first time on Tuesday as a storm surge of 3.2 metres hit the estuary, officials said.
Rail services along the coast were suspended for most of the afternoon.
Engineers lowered the twelve steel gates in 40 minutes, faster than the hour the design allowed.
Insurers said the closure probably saved them several hundred million crowns in claims.
The storm is expected to weaken over the North Sea by Thursday morning.
Schools in the lower town stayed closed and pupils were told to learn from home.
Water companies asked residents of the estuary villages to boil tap water until Friday.
Sign up for our newsletter to get storm alerts every morning."""

BARRIER_LATE = """Port Elling reopened its tidal barrier on Wednesday morning after the storm surge passed.
Ferry services to Skerra resumed at noon once the gates were fully raised.
The harbour master said inspections found no damage to the twelve steel gates.
Engineers will now review sensor data from the first closure before the winter storms."""


def article(
    article_id: int, source_id: int, outlet: str, title: str, text: str, minutes: int
) -> Article:
    published = T0 + timedelta(minutes=minutes)
    return Article(
        source_id=source_id,
        url=f"https://example.test/{article_id}",
        canonical_url=f"https://example.test/{article_id}",
        title=title,
        text=text,
        published=published,
        fetched_at=published,
        id=article_id,
        outlet=outlet,
    )


def barrier_story() -> list[Article]:
    """Three outlets on the first closure of a tidal barrier."""
    return [
        article(
            11,
            1,
            "Coastal Wire",
            "Port Elling tidal barrier closes for first time as storm surge hits - Coastal Wire",
            BARRIER_WIRE,
            0,
        ),
        article(
            12,
            2,
            "Harbour Gazette",
            "WATCH: Will the barrier hold?! Town holds its breath | Harbour Gazette",
            BARRIER_GAZETTE,
            25,
        ),
        article(
            13,
            3,
            "Elling Radio",
            "Tidal barrier closes for first time as storm surge hits Port Elling",
            BARRIER_RADIO,
            50,
        ),
    ]


def barrier_followup() -> Article:
    return article(
        14,
        3,
        "Elling Radio",
        "Port Elling reopens tidal barrier after surge",
        BARRIER_LATE,
        24 * 60,
    )
