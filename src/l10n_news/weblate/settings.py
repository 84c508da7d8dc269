"""`[weblate]` in l10n-news.toml: where the server is, which project, which repository."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from l10n_news.errors import ConfigError
from l10n_news.workspace import Workspace

_SLUG_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")
_KEYS = {
    "url", "project", "project_name", "website", "api_key_env", "repo", "push", "branch",
    "push_branch",
    "timeout",
}


@dataclass(frozen=True)
class WeblateSettings:
    url: str  # the server, e.g. https://weblate.example.kz/ (API under /api/)
    project: str  # the project's slug
    project_name: str
    website: str  # the project's web site in Weblate: the news site itself
    api_key_env: str  # the name of the environment variable holding the API token
    repo: str  # the git URL Weblate clones
    push: str  # the git URL Weblate pushes to (default: repo)
    branch: str  # the branch Weblate reads
    push_branch: str  # the branch Weblate writes its commits to (never the editors' branch)
    timeout: float

    @property
    def api_url(self) -> str:
        return self.url.rstrip("/") + "/api/"

    def api_key(self, ws: Workspace) -> str:
        """Read when a request is about to be made; never stored anywhere."""
        key = os.environ.get(self.api_key_env, "").strip()
        if not key:
            raise ConfigError(
                f"no Weblate API token: set the environment variable {self.api_key_env}"
                " (your token is on your Weblate profile page, under API access)",
                path=ws.config_path,
            )
        return key


def load_settings(ws: Workspace) -> WeblateSettings:
    table = ws.section("weblate")
    where = ws.config_path
    if not table:
        raise ConfigError("no [weblate] table: see README, 'Working as a team'", path=where)
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"[weblate] has no key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})", path=where
        )

    def text(key: str, default: str | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"[weblate] {key} must be a non-empty string", path=where)
        return value.strip()

    url = text("url")
    if not url.startswith(("http://", "https://")):
        raise ConfigError("[weblate] url must start with http:// or https://", path=where)
    project = text("project")
    if not _SLUG_RE.fullmatch(project):
        raise ConfigError(
            f"[weblate] project {project!r} is not a Weblate slug (a-z, 0-9, - and _)", path=where
        )
    repo = text("repo")
    timeout = table.get("timeout", 60)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError("[weblate] timeout must be a positive number of seconds", path=where)
    return WeblateSettings(
        url=url,
        project=project,
        project_name=text("project_name", ws.project),
        website=text("website") if "website" in table else _site_url(ws),
        api_key_env=text("api_key_env", "WEBLATE_API_KEY"),
        repo=repo,
        push=text("push", repo),
        branch=text("branch", "main"),
        push_branch=text("push_branch", "weblate"),
        timeout=float(timeout),
    )


def _site_url(ws: Workspace) -> str:
    """The published site's address from [publish] base_url, which Weblate shows as the web site."""
    base = ws.section("publish").get("base_url")
    if isinstance(base, str) and base.startswith(("http://", "https://")):
        return base
    raise ConfigError(
        "[weblate] website (the news site's address, shown in Weblate) is needed when "
        "[publish] base_url is not set",
        path=ws.config_path,
    )
