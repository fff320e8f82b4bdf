"""System checks: an incompatible or malformed plugin is reported before the portal starts."""

from __future__ import annotations

from django.core.checks import Error, Tags, register
from django.urls import get_resolver
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

import wegweiser
from wegweiser.site.plugins import PluginMeta, installed_plugins
from wegweiser.site.scoping import OrganisationScopedViewSetMixin, is_organisation_owned


@register(Tags.compatibility)
def check_plugin_compatibility(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    core_version = Version(wegweiser.__version__)
    for config in installed_plugins():
        meta = getattr(config, "plugin_meta", None)
        if not isinstance(meta, PluginMeta):
            errors.append(
                Error(
                    f"Plugin app {config.name!r} has no PluginMeta.",
                    hint="Set plugin_meta = PluginMeta(...) on its AppConfig.",
                    obj=config,
                    id="wegweiser.E001",
                )
            )
            continue
        try:
            spec = SpecifierSet(meta.compatibility)
        except InvalidSpecifier:
            errors.append(
                Error(
                    f"Plugin {meta.name!r} declares an invalid compatibility {meta.compatibility!r}.",
                    obj=config,
                    id="wegweiser.E002",
                )
            )
            continue
        if core_version not in spec:
            errors.append(
                Error(
                    f"Plugin {meta.name!r} {meta.version} requires Wegweiser {meta.compatibility}, "
                    f"but this is Wegweiser {core_version}.",
                    hint="Install a plugin version made for this Wegweiser release, or exclude the plugin "
                    "with WEGWEISER_PLUGINS_EXCLUDE.",
                    obj=config,
                    id="wegweiser.E003",
                )
            )
    return errors


@register(Tags.security)
def check_organisation_scoping(app_configs=None, **kwargs) -> list[Error]:
    """An organisation-owned model in the admin without the scoped viewset would show every partner's data."""
    _ = get_resolver().url_patterns  # loading the admin's URLs registers every viewset
    errors = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet) or model is None or not is_organisation_owned(model):
            continue
        if not isinstance(viewset, OrganisationScopedViewSetMixin):
            errors.append(
                Error(
                    f"{model._meta.label} belongs to an organisation, but its admin viewset "
                    f"{type(viewset).__qualname__} shows every organisation's objects.",
                    hint="Subclass wegweiser.site.scoping.OrganisationScopedViewSet (see docs/plugins.md).",
                    obj=viewset,
                    id="wegweiser.E010",
                )
            )
    return errors
