"""Publishing: the site theme, the `ui` catalog, the gate, rendering and the leak check."""

from l10n_news.publish.site import PublishReport, publish_workspace
from l10n_news.publish.ui import ui_template

__all__ = ["PublishReport", "publish_workspace", "ui_template"]
