"""Tests trade safety for speed; the real PostgreSQL and Elasticsearch come in through the environment."""

import os

from wegweiser.site.settings.base import *  # noqa: F403
from wegweiser.site.settings.base import VAR_DIR
from wegweiser.site.settings.environment import database_from_env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
DATABASES = {"default": database_from_env("sqlite://:memory:")}
DATABASES["default"]["TEST"] = (
    # WEGWEISER_TEST_DATABASE lets two test runs share one PostgreSQL server without sharing a database.
    {"NAME": os.environ.get("WEGWEISER_TEST_DATABASE", "test_wegweiser")}
    if "postgresql" in DATABASES["default"]["ENGINE"]
    else {}
)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
WEGWEISER_MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WEGWEISER_SEARCH = {**WEGWEISER_SEARCH, "BACKEND": "database", "INDEX_PREFIX": "wegweiser-test"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The anonymous page cache is switched on by the tests of it (tests/site/test_page_cache.py): elsewhere a
# test that changes rows without signals (``update()``) and asks again would see the page it saw before.
WEGWEISER_PAGE_CACHE_SECONDS = 0
