"""Local development: SQLite, the database search backend, mail on the console, tasks run at once."""

from wegweiser.site.settings.base import *  # noqa: F403
from wegweiser.site.settings.environment import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
WEGWEISER_PAGE_CACHE_SECONDS = 0  # a developer changing a template sees it at once
# runserver handles each request in a new thread, so a persistent connection is never reused but stays open
# until it times out: a few hundred requests fill PostgreSQL's connection slots (Django's docs: do not enable
# persistent connections in development).
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
