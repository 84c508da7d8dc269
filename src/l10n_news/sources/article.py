"""An article: Markdown with YAML front matter (title, lang, date, section, author, ...)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from l10n_news.config import is_time_zone
from l10n_news.errors import SourceError
from l10n_news.fileio import read_text
from l10n_news.languages import LANGUAGES

REQUIRED = ("title", "lang", "date")
_SHIFTABLE = range(2, 9998)  # years whose dates every time zone can show
# libyaml's safe loader when PyYAML was built with it: the same documents, ten times faster.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Image:
    src: str
    caption: str = ""
    line: int = 0


@dataclass
class Article:
    slug: str
    lang: str
    title: str
    date: dt.datetime  # aware: carries the article's UTC offset
    body: str
    path: Path | None = None
    section: list[str] = field(default_factory=list)
    author: str = ""
    summary: str = ""
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    time_zone: str | None = None  # IANA name, when the front matter gives one
    front_matter: dict[str, Any] = field(default_factory=dict)
    body_line: int = 1  # line of article.md where the body starts
    key_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> its line
    date_only: bool = False  # the page gave a day and no time (`date: 2019-06-24`)


_FENCE = re.compile(r"^---\s*$")


def load_article(path: Path, slug: str | None = None) -> Article:
    text = read_text(path)
    return parse_article(text, slug or path.parent.name, path=path)


def parse_article(text: str, slug: str, *, path: Path | None = None) -> Article:
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        raise SourceError(
            "missing front matter: the file must start with a '---' line", path=path, line=1
        )
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        raise SourceError("front matter is not closed by a '---' line", path=path, line=1)
    fm_text = "\n".join(lines[1:end])
    try:
        meta = yaml.load(fm_text, Loader=_YamlLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(f"front matter: {problem}", path=path, line=line) from None
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of keys to values", path=path, line=2)
    key_lines = {}
    for i in range(1, end):
        m = re.match(r"([A-Za-z_][\w-]*)\s*:", lines[i])
        if m and m.group(1) not in key_lines:
            key_lines[m.group(1)] = i + 1
    for key in REQUIRED:
        if not meta.get(key):
            raise SourceError(f"front matter has no {key!r}", path=path, line=2)

    def fail(key: str, message: str) -> SourceError:
        return SourceError(message, path=path, line=key_lines.get(key, 2))

    lang = meta["lang"]
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise fail("lang", f"unknown language code {lang!r} (known: {', '.join(LANGUAGES)})")
    date_only = _is_date_only(meta["date"])
    date = _noon_utc(meta["date"], fail) if date_only else _parse_date(meta["date"], fail)
    section = meta.get("section", [])
    if isinstance(section, str):
        section = [section]
    tags = meta.get("tags", []) or []
    if not isinstance(section, list) or not all(isinstance(s, str) for s in section):
        raise fail("section", "section must be a list of names")
    if not isinstance(tags, list) or not all(isinstance(s, str) for s in tags):
        raise fail("tags", "tags must be a list of words")
    for key in ("title", "author", "summary"):
        if key in meta and not isinstance(meta[key], str):
            raise fail(key, f"{key} must be text")
    images = _images(meta, key_lines, lines, end, fail)
    time_zone = meta.get("time_zone")
    if time_zone is not None and not (isinstance(time_zone, str) and is_time_zone(time_zone)):
        raise fail("time_zone", "time_zone must be an IANA name such as Asia/Almaty")
    return Article(
        slug=slug,
        lang=lang,
        title=meta["title"].strip(),
        date=date,
        body="\n".join(lines[end + 1 :]),
        path=path,
        section=[s.strip() for s in section],
        author=(meta.get("author") or "").strip(),
        summary=(meta.get("summary") or "").strip(),
        tags=[t.strip() for t in tags],
        images=images,
        time_zone=time_zone,
        front_matter=meta,
        body_line=end + 2,
        key_lines=key_lines,
        date_only=date_only,
    )


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date_only(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return False
    return isinstance(value, dt.date) or (isinstance(value, str) and bool(_DAY.fullmatch(value)))


def _noon_utc(value: Any, fail) -> dt.datetime:
    """A date-only `date` as noon UTC: the same calendar day in every zone from UTC-11 to
    UTC+11, so ordering and the shown day are right without inventing a time."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    except ValueError:
        raise fail("date", f"date {value!r} is not a valid day (YYYY-MM-DD)") from None
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)


def _parse_date(value: Any, fail) -> dt.datetime:
    if isinstance(value, dt.datetime):
        date = value
    elif isinstance(value, str):
        try:
            date = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise fail(
                "date", f"date {value!r} is not ISO 8601 (e.g. 2013-02-19T19:05:00+06:00)"
            ) from None
    else:
        raise fail(
            "date", "date must be ISO 8601 with a UTC offset, e.g. 2013-02-19T19:05:00+06:00"
        )
    if date.tzinfo is None:
        raise fail("date", "date needs a UTC offset, e.g. 2013-02-19T19:05:00+06:00")
    if not _SHIFTABLE.start <= date.year <= _SHIFTABLE.stop:
        # Shown in any time zone, a date at the edge of year 1 or 9999 would overflow.
        raise fail("date", f"date {date.isoformat()} is out of range (years 2 to 9998)")
    return date


def _images(meta: dict, key_lines: dict[str, int], lines: list[str], end: int, fail) -> list[Image]:
    raw = meta.get("images", [])
    if "image" in meta:
        raw = [meta["image"], *raw]
    if not isinstance(raw, list):
        raise fail("images", "images must be a list of {src, caption}")
    images = []
    for item in raw:
        if isinstance(item, str):
            item = {"src": item}
        if not isinstance(item, dict) or not isinstance(item.get("src", ""), str):
            raise fail("images", "each image needs a src (and may have a caption)")
        caption = item.get("caption") or ""
        if not isinstance(caption, str):
            raise fail("images", "an image caption must be text")
        line = key_lines.get("images", key_lines.get("image", 2))
        if caption:
            first = caption.strip().split("\n")[0][:30]
            line = next((i + 1 for i in range(1, end) if first and first in lines[i]), line)
        images.append(Image(src=item.get("src", ""), caption=caption.strip(), line=line))
    return images
