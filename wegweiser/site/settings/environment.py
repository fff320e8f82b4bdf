"""Read deployment configuration from environment variables (twelve-factor style)."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_env(default_url: str) -> dict:
    """``DATABASE_URL`` as a Django DATABASES entry (postgres://, sqlite:///...)."""
    config = dj_database_url.parse(os.environ.get("DATABASE_URL") or default_url, conn_max_age=60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {})
        config["OPTIONS"].setdefault("timeout", 20)
        config["CONN_MAX_AGE"] = 0
    return config


def cache_from_env(default_url: str = "locmem://") -> dict:
    """``CACHE_URL``: ``locmem://``, ``redis://host:port/db``, ``file:///path`` or ``dummy://``."""
    url = urlparse(os.environ.get("CACHE_URL") or default_url)
    if url.scheme == "redis" or url.scheme == "rediss":
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url.geturl()}
    if url.scheme == "file":
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": url.path}
    if url.scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url.netloc or "wegweiser"}


def email_from_env(default_url: str = "console://") -> dict:
    """``EMAIL_URL``: ``smtp://user:pass@host:port``, ``smtp+tls://...``, ``smtp+ssl://...`` or ``console://``."""
    url = urlparse(os.environ.get("EMAIL_URL") or default_url)
    if url.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if url.scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if not url.scheme.startswith("smtp"):
        raise ValueError(f"Unsupported EMAIL_URL scheme: {url.scheme!r}")
    options = parse_qs(url.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": url.hostname or "localhost",
        "EMAIL_PORT": url.port or (465 if url.scheme == "smtp+ssl" else 25),
        "EMAIL_HOST_USER": unquote(url.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(url.password or ""),
        "EMAIL_USE_TLS": url.scheme == "smtp+tls",
        "EMAIL_USE_SSL": url.scheme == "smtp+ssl",
        "EMAIL_TIMEOUT": int(options.get("timeout", ["10"])[0]),
    }
