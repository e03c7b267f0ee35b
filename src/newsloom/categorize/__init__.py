"""newsloom categorize stage: the taxonomy, a story's category and its importance."""

from newsloom.categorize.classifier import CategoryClassifier
from newsloom.categorize.rank import importance
from newsloom.categorize.story import ArticlePredictor, Classifier, categorize_story
from newsloom.categorize.taxonomy import GENERAL, SECTION_SYNONYMS, TAXONOMY, normalise_section

__all__ = [
    "GENERAL",
    "SECTION_SYNONYMS",
    "TAXONOMY",
    "ArticlePredictor",
    "CategoryClassifier",
    "Classifier",
    "categorize_story",
    "importance",
    "normalise_section",
]
