"""Plugin discovery and the plugin AppConfig base.

A Wegweiser plugin is a Django app whose ``AppConfig`` subclasses :class:`PluginConfig` and which
is announced in the entry-point group ``wegweiser.plugins``. The built-in offers, events and
volunteers plugins come in through this door exactly like a third-party package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points

from django.apps import AppConfig, apps

ENTRY_POINT_GROUP = "wegweiser.plugins"


@dataclass(frozen=True)
class PluginMeta:
    """What a plugin says about itself; ``compatibility`` is a PEP 440 specifier on the core's version."""

    name: str
    version: str
    description: str = ""
    author: str = ""
    compatibility: str = ">=0.1,<1.0"
    # URL module included under ``url_prefix`` in the public (language-prefixed) URLs, if any.
    urls: str | None = None
    url_prefix: str = ""
    extra: dict = field(default_factory=dict)


class PluginConfig(AppConfig):
    """Base ``AppConfig`` for plugins. Subclasses set ``plugin_meta``."""

    default_auto_field = "django.db.models.BigAutoField"
    plugin_meta: PluginMeta
    #: Modules imported once the app registry is ready: those connecting signal receivers.
    receivers: tuple[str, ...] = ()

    def ready(self) -> None:
        for module in self.receivers:
            import_module(module)

    @property
    def is_wegweiser_plugin(self) -> bool:
        return True


def discover_plugin_apps(exclude: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Dotted AppConfig paths of every installed plugin, minus those excluded by entry-point name.

    ``exclude`` may name a plugin by its entry-point name (``events``) or its module (``wegweiser.events``).
    """
    excluded = set(exclude)
    found = []
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        module = entry_point.value.split(":")[0]
        app_module = module.rsplit(".apps.", 1)[0] if ".apps." in module else module
        if entry_point.name in excluded or app_module in excluded:
            continue
        found.append(entry_point.value.replace(":", "."))
    return found


def installed_plugins() -> list[PluginConfig]:
    return [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]
