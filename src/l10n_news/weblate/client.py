"""A small client of Weblate's REST API: its own session, the token in a header, one error.

Only what `sync` needs: projects, components, translations, units, changes, comments and
repository operations. Every failure becomes a `WeblateError` naming the request, so the CLI
prints one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import requests

from l10n_news import __version__
from l10n_news.errors import L10nError


class WeblateError(L10nError):
    """The Weblate server refused a request or could not be reached."""


class WeblateClient:
    def __init__(self, api_url: str, token: str, *, timeout: float = 60.0) -> None:
        self.api_url = api_url if api_url.endswith("/") else api_url + "/"
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update(
            {
                "Authorization": f"Token {token}",
                "Accept": "application/json",
                "User-Agent": f"l10n-news/{__version__}",
            }
        )

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.api_url + path

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        url = self.url(path)
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise WeblateError(f"Weblate is out of reach ({method} {url}): {exc}") from None
        if response.status_code >= 400:
            raise WeblateError(
                f"Weblate refused {method} {url}: HTTP {response.status_code}"
                f" {_error_detail(response)}"
            )
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise WeblateError(f"Weblate answered {method} {url} with no JSON") from None

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params or None)

    def post(self, path: str, data: dict[str, Any]) -> Any:
        return self.request("POST", path, json=data)

    def patch(self, path: str, data: dict[str, Any]) -> Any:
        return self.request("PATCH", path, json=data)

    def get_or_none(self, path: str) -> Any:
        """The object, or None where Weblate answers 404."""
        try:
            return self.request("GET", path)
        except WeblateError as exc:
            if "HTTP 404" in exc.message:
                return None
            raise

    def pages(self, path: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Every result of a paginated listing, page after page."""
        data = self.get(path, **params)
        while True:
            yield from data.get("results", [])
            following = data.get("next")
            if not following:
                return
            # Weblate builds `next` from its own idea of its host name; keep ours.
            data = self.get(following.split("/api/", 1)[1])


def _error_detail(response: requests.Response) -> str:
    """The server's reason on one line, without echoing a whole HTML page."""
    try:
        body = response.json()
    except ValueError:
        return ""
    errors = body.get("errors") if isinstance(body, dict) else None
    if errors:
        parts = [
            (f"{e['attr']}: " if e.get("attr") else "") + str(e.get("detail")) for e in errors
        ]
        return "(" + "; ".join(parts)[:300] + ")"
    return "(" + str(body)[:300] + ")"
