"""Production settings refuse insecure defaults; the environment configures every service."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from wegweiser.site.settings.environment import cache_from_env, database_from_env, email_from_env

GOOD_KEY = "k" * 20 + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7"


def _import_production(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", "import django, os; django.setup()"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "wegweiser.site.settings.production", **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ALLOWED_HOSTS": "portal.example", "DATABASE_URL": "postgres://u:p@h/db"}, "SECRET_KEY"),
        (
            {
                "SECRET_KEY": "dev-only-insecure",
                "ALLOWED_HOSTS": "portal.example",
                "DATABASE_URL": "postgres://h/db",
            },
            "SECRET_KEY",
        ),
        (
            {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*", "DATABASE_URL": "postgres://u:p@h/db"},
            "ALLOWED_HOSTS",
        ),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "portal.example"}, "DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_with_an_insecure_default(env, message):
    result = _import_production(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_when_configured():
    result = _import_production(
        SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="portal.example", DATABASE_URL="sqlite:///tmp/x.db"
    )
    assert result.returncode == 0, result.stderr


def test_database_cache_and_mail_come_from_urls(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://wegweiser:secret@db.internal:5433/portal")
    database = database_from_env("sqlite:///unused")
    assert (database["ENGINE"], database["HOST"], database["PORT"], database["NAME"]) == (
        "django.db.backends.postgresql",
        "db.internal",
        5433,
        "portal",
    )
    monkeypatch.setenv("CACHE_URL", "redis://cache.internal:6379/1")
    assert cache_from_env()["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    monkeypatch.setenv("EMAIL_URL", "smtp+tls://mailer:p%40ss@mail.internal:587")
    mail = email_from_env()
    assert (mail["EMAIL_HOST"], mail["EMAIL_PORT"], mail["EMAIL_HOST_PASSWORD"], mail["EMAIL_USE_TLS"]) == (
        "mail.internal",
        587,
        "p@ss",
        True,
    )


def test_the_development_server_closes_each_database_connection_after_its_request():
    """runserver answers each request in a new thread: with persistent connections, a crawl of a few hundred
    pages left as many idle PostgreSQL connections and the next requests failed ("remaining connection slots
    are reserved")."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wegweiser.site.settings.dev",
            "DATABASE_URL": "postgres://u:p@h/db",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
