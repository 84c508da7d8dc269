"""What a translation may carry into a page: the rules of `checks.unsafe`, as a refusal.

Text is always escaped when rendered; this module refuses, before anything is written, a
translation that tries to bring its own active content or markup or structure its source unit
does not have. `check` reports the same rules as `unsafe-markup` errors.
"""

from __future__ import annotations

from pathlib import Path

from l10n_news.catalogs.catalog import Message
from l10n_news.checks.unsafe import markup_signature, unsafe_problems
from l10n_news.errors import PublishError

__all__ = ["VariantRefused", "check_translation", "markup_signature", "unsafe_message"]


class VariantRefused(PublishError):
    """One variant cannot be rendered as it is; it is held back, the rest is published."""


def unsafe_message(msg: Message) -> str | None:
    """Why the entry's translation may not be shown, or None when it is safe."""
    for form, translation in enumerate(msg.strings):
        source = msg.msgid if form == 0 else msg.msgid_plural or msg.msgid
        problems = unsafe_problems(source, translation)
        if problems:
            return f"refused: the translation of {_short(msg.msgid)} {'; '.join(problems)}"
    return None


def check_translation(msg: Message, po_path: Path | str) -> None:
    """Raise PublishError (naming the .po file and line) if the translation is not safe to show."""
    problem = unsafe_message(msg)
    if problem:
        raise PublishError(problem, path=po_path, line=msg.lineno)


def _short(text: str, width: int = 40) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")
