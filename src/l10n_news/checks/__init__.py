"""Quality checks: one small function per check id, findings returned as data.

`run.check_workspace` and `run.check_message` are the entry points; `registry.CHECKS` lists
every check explicitly.
"""

from l10n_news.checks.base import Finding, Severity
from l10n_news.checks.run import check_message, check_workspace

__all__ = ["Finding", "Severity", "check_message", "check_workspace"]
