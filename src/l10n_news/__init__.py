"""l10n-news: localise a news site between Russian, English and Kazakh through gettext."""

__version__ = "0.1.0"
