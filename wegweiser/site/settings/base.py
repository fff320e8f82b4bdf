"""Settings shared by every environment; the environment-specific modules override them."""

from __future__ import annotations

from pathlib import Path

from wegweiser.site.plugins import discover_plugin_apps
from wegweiser.site.settings.environment import (
    cache_from_env,
    database_from_env,
    email_from_env,
    env_bool,
    env_int,
    env_list,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(env_str("WEGWEISER_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "wegweiser.site.views.csrf_failure"

CORE_APPS = [
    "wegweiser.site",
    "wegweiser.search",
    "wegweiser.api",
    "wegweiser.reports",
]

# Plugins come in through the entry-point group ``wegweiser.plugins``, built-in or third-party alike.
WEGWEISER_PLUGINS_EXCLUDE = env_list("WEGWEISER_PLUGINS_EXCLUDE")
PLUGIN_APPS = discover_plugin_apps(exclude=WEGWEISER_PLUGINS_EXCLUDE)

INSTALLED_APPS = [
    *CORE_APPS,
    *PLUGIN_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "wegweiser.site.cache_generations.ReadOncePerRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wegweiser.site.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wegweiser.site.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wegweiser.site.middleware.PortalLocaleMiddleware",
    "wegweiser.site.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wegweiser.site.scoping.AdminScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wegweiser.site.middleware.OverflowNotFoundMiddleware",
    "wegweiser.site.middleware.IncompleteFormMiddleware",
]

ROOT_URLCONF = "wegweiser.site.urls"
WSGI_APPLICATION = "wegweiser.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "wegweiser.site.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(f"sqlite:///{VAR_DIR / 'wegweiser.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": cache_from_env()}

# Password guessing: after this many failures an account, or a client, waits the cool-off time.
AUTHENTICATION_BACKENDS = ["wegweiser.site.login_throttle.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "wegweiser.site.login_throttle.ThrottledLoginForm"
WEGWEISER_LOGIN_FAILURES_PER_ACCOUNT = env_int("LOGIN_FAILURES_PER_ACCOUNT", 10)
WEGWEISER_LOGIN_FAILURES_PER_CLIENT = env_int("LOGIN_FAILURES_PER_CLIENT", 30)
# Requests per client to the public API, counted in the database for every app server: "120/minute".
WEGWEISER_API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/minute")
WEGWEISER_LOGIN_COOL_OFF_SECONDS = env_int("LOGIN_COOL_OFF_SECONDS", 900)
# How often one client may send a public form valid per hour (0: no limit), by the form's rate-limit bucket:
# "account-request", "feedback", "data-request", "place-alert", "volunteer-signup", "event-registration"
# and those of other plugins. A form not named here: 5. Sends with mistakes do not count; sends of any kind
# stop at ten times the limit. "Copy or delete my data" requests each send a mail to the address typed in:
# DATA_REQUESTS_PER_HOUR.
WEGWEISER_PUBLIC_FORM_LIMITS = {"data-request": env_int("DATA_REQUESTS_PER_HOUR", 5)}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the default content language; the others are the newcomers' languages.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("tr", "Türkçe"),
]
LANGUAGES_BIDI = ["ar", "fa"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The portal's own catalogue, then German for other packages' messages that theirs leave in English
# (wagtail-localize's editor, forms and report): LOCALE_PATHS come before every app's catalogue, and
# wagtail-localize's editor reads its JavaScript catalogue (djangojs) through them too.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "third_party" / "locale"]
FORMAT_MODULE_PATH = ["wegweiser.site.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# favicon.ico and apple-touch-icon.png at the site's root, where browsers and crawlers ask for them unprompted.
WHITENOISE_ROOT = PACKAGE_DIR / "root_files"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

_email = email_from_env()
# Every mail goes into the outbox (wegweiser.site.outbox) and the task worker delivers it through the
# backend EMAIL_URL names, with retries.
EMAIL_BACKEND = "wegweiser.site.outbox.OutboxBackend"
WEGWEISER_MAIL_DELIVERY_BACKEND = _email.pop("EMAIL_BACKEND")
globals().update(_email)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wegweiser <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Tasks (mails, index sync, feed import) run in the task worker: ``manage.py db_worker``.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Wegweiser")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# A private page or collection (the admin's "Privacy") asks for its password or a login on a page of the portal.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "core/private/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = WAGTAIL_PASSWORD_REQUIRED_TEMPLATE
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "core/private/login.html"
# An image is decoded whole for every rendition: 25 megapixels (a 24 MP camera photo) keep that near
# 100 MB; Wagtail's default of 128 megapixels let one upload take gigabytes on every preview.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "wegweiser.site.image_form.PortalImageForm"
# Video and captions (WebVTT) for the sign-language page, served by the portal itself.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "txt", "mp4", "webm", "vtt"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Dates in the admin as partners write them, "12.01.2027 18:00": the picker read a date typed so as no date and
# put today's in its place, without a word. Every language's input formats take it (wegweiser.site.formats).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# The finder's backend: "database" (embedded default) or "elasticsearch".
WEGWEISER_SEARCH = {
    "BACKEND": env_str("SEARCH_BACKEND", "elasticsearch" if env_str("ELASTICSEARCH_URL") else "database"),
    # One node, or several of one cluster separated by commas (a request goes on to the next on failure).
    "ELASTICSEARCH_URL": env_str("ELASTICSEARCH_URL", ""),
    # Copies of each shard on other nodes: 1 on a cluster of two or more, so that losing a node loses nothing.
    "REPLICAS": env_int("ELASTICSEARCH_REPLICAS", 0),
    "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "wegweiser"),
    "TIMEOUT": float(env_str("ELASTICSEARCH_TIMEOUT", "2")),
    # On PostgreSQL, match words through the finder's GIN-indexed text table instead of LIKE scans.
    "POSTGRES_FULL_TEXT": env_bool("SEARCH_POSTGRES_FULL_TEXT", True),
    # On SQLite, match words through the FTS5 index of the same table instead of LIKE scans.
    "SQLITE_FULL_TEXT": env_bool("SEARCH_SQLITE_FULL_TEXT", True),
}

# Logged searches (anonymous) are deleted after this many days by the daily clean-up job.
WEGWEISER_SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 90)
# Listings whose last review is older than this are flagged to their organisation.
# Whole public pages kept for anonymous visitors (wegweiser.site.page_cache); 0 switches it off. Publishing
# and the other changes of the page tree show at once; only what depends on the clock may be this old.
WEGWEISER_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

WEGWEISER_STALE_AFTER_DAYS = env_int("WEGWEISER_STALE_AFTER_DAYS", 183)
# Map tiles only from a server the operator configures; off by default (no third-party requests).
WEGWEISER_MAP_TILE_URL = env_str("MAP_TILE_URL", "")
WEGWEISER_MAP_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "wegweiser": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO"), "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no requests to other hosts, in the admin either
