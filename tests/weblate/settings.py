"""Settings of the throw-away Weblate server the integration tests start (loopback only).

Weblate's own example settings, with the database, folders and port taken from the
environment the fixture sets, a memory cache, and Celery tasks run in the request.
"""

import os

from weblate.settings_example import *  # noqa: F403

DATA_DIR = os.environ["L10N_WEBLATE_DATA"]
CACHE_DIR = f"{DATA_DIR}/cache"
MEDIA_ROOT = f"{DATA_DIR}/media"
STATIC_ROOT = f"{CACHE_DIR}/static"
DATABASES["default"].update(  # noqa: F405
    NAME="weblate",
    USER="weblate",
    PASSWORD="",
    HOST="127.0.0.1",
    PORT=os.environ["L10N_WEBLATE_PG_PORT"],
)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "avatar": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://"
VCS_FILE_PROTOCOL = True  # the tests' repository is a local bare one (file://)
SECRET_KEY = "l10n-news-tests-only"
DEBUG = False
SITE_DOMAIN = "127.0.0.1"
SITE_URL = "http://127.0.0.1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
OTP_WEBAUTHN_RP_ID = "localhost"
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost"]
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "otp_webauthn.E031", "weblate.W039"]  # noqa: F405
WEBLATE_MACHINERY = []
REGISTRATION_OPEN = False
