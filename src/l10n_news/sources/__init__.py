"""Article sources: reading articles and cutting them into translatable segments."""

from l10n_news.sources.article import Article, Image, load_article, parse_article
from l10n_news.sources.markdown import (
    Segment,
    TranslatedArticle,
    segment_article,
    translate_article,
)

__all__ = [
    "Article",
    "Image",
    "Segment",
    "TranslatedArticle",
    "load_article",
    "parse_article",
    "segment_article",
    "translate_article",
]
