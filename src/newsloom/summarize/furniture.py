"""Page furniture that extractors let through: captions, credits, embedded posts, prompts.

Every rule names something that is furniture on any page layout (a photo credit, a "pic.twitter"
link, a caption label, a tweet's signature line), never a phrase of one outlet, so the rules hold
for sites the project has not seen. A sentence that matches is refused whole: the reader would
not miss it, and a half-cleaned caption still reads as one.
"""

from __future__ import annotations

import re

from newsloom.summarize.captions import is_caption
from newsloom.summarize.words import MONTHS

_MONTH = f"(?:{'|'.join(month.capitalize() for month in MONTHS)})"

# A wire photo's caption ends on its place and full date after a comma (below).
_DATED_CAPTION = rf"(?<!day),\s*{_MONTH} \d{{1,2}}, \d{{4}}\.?\s*$"
_FURNITURE = re.compile(
    "|".join(
        (
            # Caption and credit labels as extractors flatten them.
            r"\b(?:image|media|video|photo) (?:caption|copyright|credit)\b",
            r"\btoggle caption\b",
            r"\benlarge this image\b",
            r"\b(?:photo|photograph|picture|image) (?:issued|released|provided|supplied) by\b",
            r"\b(?:file|stock) (?:photo|image|picture)\b",
            r"\((?:PA|AP|AFP|EPA|Reuters|Getty|Getty Images|PA Wire|PA Media)\)",
            r"\b(?:Getty Images|Shutterstock|AP Photo|AFP Photo|PA Wire|Reuters/)",
            r"\(pictured(?: [a-z]+)?\)",
            # Caption positions and shirt numbers: "Marsh (left) and Odell (right)",
            # "winger Tomas Reyne (7) stretches for the cross".
            r"\((?:left|right|centre|center|top|bottom|front|back|second left|second right)\)",
            r"\b[A-Z][a-z]+ \(\d{1,2}\) [a-z]",
            r"\bpictured (?:above|below|left|right|here)\b",
            # Embedded social posts: links, handles in a signature, hashtags run into words.
            r"pic\.twitter\.com/",
            r"https?://",
            r"\bt\.co/",
            r"\(@\w+\)",
            rf"—\s*[^—]{{1,60}}\s*{_MONTH} \d{{1,2}}, \d{{4}}\s*$",
            r"\w#\w",
            # A wire photo's caption: who "is seen" doing what, then place and full date after
            # a comma ("... meet the harbour master in Port Alder, Veland, March 4, 2019."); prose
            # dates an event "on October 13", and says "is seen as" for a view.
            r"\b(?:is|are) seen (?:during|at|in|on|with|after|before|outside|inside|near|"
            r"leaving|arriving|walking|standing|sitting)\b",
            _DATED_CAPTION,
            # Gallery and player labels: "Photos: Justin Timberlake's halftime show ...".
            r"\b(?:photos|pictures|gallery|slideshow)\s*:",
            r"^(?:video|watch|listen)\s*:",
            # A player's prompt as a sentence: "Watch the full interview with the mayor (video)."
            r"^(?:watch|listen to) (?:the|our|this|his|her|their)\b",
            # A signpost to what the article goes on to tell, alone in its sentence ("Here's
            # what you need to know.", "Here is what we know so far."): the summary has no
            # "here" for it to point at.
            r"^here(?:['’]s| is| are) (?:what|how|why|everything|the latest)\b[^:;,]{0,40}$",
            # A gallery's or a slideshow's caption: "Scenes from a marathon day in ...", "In
            # pictures: ...", "A look inside ...". It introduces pictures, it states nothing.
            r"^(?:scenes|moments|highlights|sights and sounds)\s+from\b",
            r"^in pictures\b",
            r"^a (?:look|glimpse) (?:at|inside|behind)\b",
            # A list's teaser addressing the reader ("Here are 8 things to know", "Voici ce
            # qu'il faut savoir"): it announces the facts that follow, it states none.
            r"^here(?:'s|’s| is| are)\b[^.]{0,40}\b(?:to know|you should know|what we know)\b",
            r"^voici ce qu['’]il faut savoir\b",
            # Prompts and player chrome.
            r"\bread more\b",
            # A prompt to follow a topic: "Follow Ferries to stay up to date on the latest ferry
            # news"; a report tells the news, it does not offer to keep you posted.
            r"\bstay up to date (?:on|with) (?:the latest|all the latest|our)\b",
            r"\bsign up\b",
            r"\bcontinue reading\b",
            r"\bskip in skip\b",
            r"\bembed x share\b",
            r"\bfollow [A-Z]\w+(?: [A-Z]\w+)* on (?:twitter|facebook|instagram)\b",
            r"\bmedia playback is (?:unsupported|not supported)\b",
            r"\bplease verify you'?re not a robot\b",
            # A site's description of itself, run in from its page template: it "delivers the
            # latest news"; a report tells the news, it does not advertise it.
            r"\b(?:delivers|brings you|offers|provides) (?:the )?(?:latest|breaking) news\b",
            # A menu path from a how-to ("Select (Settings) > [Account Management] > ..."):
            # screen labels in brackets joined by ">", instructions rather than a statement.
            r"[\])]\s*>\s*[\[(]",
            # A broadcaster's note on its transcript ("Transcripts are created on a rush
            # deadline by ...", "This text may not be in its final form", "The authoritative
            # record of ... is the audio record"): it tells how the page was made, not the news.
            r"\btranscripts? (?:is|are|was|were|has been|have been) (?:created|produced|"
            r"prepared|edited|generated)\b",
            r"\bthis is a rush transcript\b",
            # A transcript's stage direction for a clip ("MINISTER: (Speaking German).",
            # "(Through interpreter)", "(Laughter)", "(Soundbite of ...)"): the words are not on
            # the page.
            r"\((?:speaking (?:in )?[a-z]+|through (?:an )?interpreter|inaudible|laughter|applause|"
            r"crosstalk|soundbite of [^)]*|foreign language)\)",
            # A transcript's label for the broadcaster's own reporter ("ANA REYES, BYLINE: Good
            # morning."): the line is the programme's chat, not the news.
            r"\b[A-Z]{2,}, BYLINE:",
            r"\b(?:text|transcript|copy) may not be in (?:its|their) final form\b",
            r"\bauthoritative record of\b.{0,80}\b(?:audio|video) record\b",
        )
    ),
    re.IGNORECASE,
)
# A map's scale bar flattened into the text with the map's labels ("200 FEET LAS VEGAS BOULEVARD
# CROWD STAGE ..."): a distance in capitals is a graphic's label, prose writes "200 feet".
_MAP_SCALE = re.compile(r"\b\d+ (?:FEET|FT|YARDS|METERS|METRES|MILES|KM|KILOMETERS|KILOMETRES)\b")
# Labels that open a caption run: "Photo LONDON -- ...", "CLOSE Elon Musk ...".
_CAPTION_LABEL = re.compile(r"^(?:Photo|Image|Picture|CLOSE)\s+(?=[A-Z\"“])")


# Characters or words one of which every _FURNITURE match contains: a cheap test that spares
# most sentences the many-branch regex.
_TRIGGERS = (
    "caption", "copyright", "credit", "image", "photo", "picture", "(", "http", "t.co", "#",
    "—", "read more", "sign up", "continue reading", "skip in", "embed", "follow", "playback",
    "robot", "pictured", "getty", "shutterstock", "reuters/", "pa wire", "twitter", "gallery",
    "slideshow", "video", "watch", "listen", "scenes", "moments", "highlights", "sights",
    "a look", "a glimpse", " seen ", *MONTHS, "latest news",
    "breaking news", ">", "transcript", "final form", "authoritative record", "to know",
    "we know", "savoir", "here's", "here’s", "here is", "here are", "up to date",
    "byline:",
)  # fmt: skip


# Every branch of _FURNITURE but the dated caption's holds a trigger other than a month's name;
# that one holds a month's name. Apart, "Mayor" ("may") no longer sends a sentence through every
# branch.
_MONTHS = tuple(_MONTH.strip("(?:)").lower().split("|"))
_UNDATED_TRIGGERS = tuple(t for t in _TRIGGERS if t not in _MONTHS)
_UNDATED = re.compile(_FURNITURE.pattern.replace(f"|{_DATED_CAPTION}", ""), re.IGNORECASE)
_DATED = re.compile(_DATED_CAPTION, re.IGNORECASE)
# Matched case-insensitively, these four meet a Latin letter ("ſ" an "s", the Kelvin sign a "k")
# that str.lower does not give: a sentence holding one is tried on the whole pattern, as before.
_FOLDING = frozenset("\u0130\u0131\u017f\u212a")


def is_furniture(sentence: str) -> bool:
    """True when the sentence is a caption, a credit, an embedded post or a page prompt; a
    caption or a clip's blurb in the present with no label on it is read by captions.py."""
    lower = sentence.lower()
    if _FOLDING.isdisjoint(sentence):
        if any(t in lower for t in _UNDATED_TRIGGERS) and _UNDATED.search(sentence):
            return True
        if any(m in lower for m in _MONTHS) and _DATED.search(sentence):
            return True
    elif any(t in lower for t in _TRIGGERS) and _FURNITURE.search(sentence):
        return True
    return bool(_MAP_SCALE.search(sentence)) or is_caption(sentence)


# A subheading an extractor ran into the next sentence: three or more all-capital words before a
# capitalised one ("HARBOUR TO CLOSE OLD PIER Port Alder may ...").
_RUN_IN_HEADING = re.compile(r"^(?:[A-Z][A-Z'’&-]+\s+){3,}(?=[A-Z][a-z])")


def strip_caption_label(sentence: str) -> str:
    """Drop a caption label or a run-in subheading that an extractor glued to the sentence after
    it ("Photo LONDON -- At least seven ..." keeps "LONDON -- At least seven ..." for the
    dateline rule)."""
    return _RUN_IN_HEADING.sub("", _CAPTION_LABEL.sub("", sentence, count=1), count=1)
