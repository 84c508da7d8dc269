"""What Weblate should hold for a workspace: one component per domain, with our file layout.

Each domain (an article's slug, or `ui`) is a component whose translations are
`locales/<lang>/LC_MESSAGES/<domain>.po` and whose template is `locales/<domain>.pot`. Its
source language is the domain's own (an article written in Kazakh is a kk-source
component), and `language_regex` admits only the languages we translate that domain into, so
our `locales/en/...` catalog of a Russian article is a translation like any other and never
meets Weblate's own source "translation" of an English one.

The `ui` component clones the repository; the others link to it (`weblate://project/ui`), so
Weblate keeps one clone and makes one commit for the whole workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from l10n_news.weblate.settings import WeblateSettings
from l10n_news.workspace import UI_DOMAIN, Workspace

# The component fields we own; anything else in Weblate is the Weblate admin's to set.
OWNED_FIELDS = ("filemask", "new_base", "template", "file_format", "language_regex")


@dataclass(frozen=True)
class ComponentPlan:
    domain: str
    source_language: str
    languages: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.domain

    def fields(self) -> dict[str, Any]:
        return {
            "file_format": "po",
            "filemask": f"locales/*/LC_MESSAGES/{self.domain}.po",
            "new_base": f"locales/{self.domain}.pot",
            "template": "",
            "language_regex": "^(" + "|".join(self.languages) + ")$",
        }

    def create_payload(self, settings: WeblateSettings, main: str | None) -> dict[str, Any]:
        """The POST body; `main` is the slug of the component holding the clone, if any."""
        payload: dict[str, Any] = {
            "name": self.domain,
            "slug": self.slug,
            "source_language": {"code": self.source_language},
            "new_lang": "none",  # our languages come from l10n-news.toml, not from Weblate
            **self.fields(),
        }
        if main is None:
            payload.update(
                vcs="git",
                repo=settings.repo,
                push=settings.push,
                branch=settings.branch,
                push_branch=settings.push_branch,
            )
        else:
            payload.update(vcs="git", repo=f"weblate://{settings.project}/{main}")
        return payload

    def differences(self, existing: dict[str, Any]) -> dict[str, Any]:
        """Our fields whose value in Weblate is not ours."""
        wanted = self.fields()
        return {k: v for k, v in wanted.items() if (existing.get(k) or "") != v}


def plan_components(ws: Workspace) -> list[ComponentPlan]:
    """Every domain with a template, `ui` first (it holds the clone)."""
    plans = []
    for domain in ws.domains():
        source = ws.domain_source_language(domain)
        targets = tuple(lang for lang in ws.languages if lang != source)
        if targets:
            plans.append(ComponentPlan(domain, source, targets))
    plans.sort(key=lambda p: (p.domain != UI_DOMAIN, p.domain))
    return plans
