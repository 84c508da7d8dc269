"""Catalogs: the model (`catalog`) apart from its file formats (`pofile`, `mofile`)."""

from l10n_news.catalogs.catalog import Catalog, Message, State, UpdateReport
from l10n_news.catalogs.mofile import write_mo
from l10n_news.catalogs.pofile import read_po, write_po

__all__ = ["Catalog", "Message", "State", "UpdateReport", "read_po", "write_mo", "write_po"]
