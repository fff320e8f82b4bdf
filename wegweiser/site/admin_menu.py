"""Admin menu items that only some users see (the office's pages, a partner's inbox, the outbox), and the
"Pages" item that opens a partner's page explorer at its own organisation."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem

from wegweiser.site.scoping import explorer_start_page


class RestrictedMenuItem(MenuItem):
    """A menu item shown to the users for whom ``shown_to(user)`` is true (a permission, a role, own records)."""

    def __init__(self, label, url, *, shown_to: Callable[[Any], bool], **kwargs) -> None:
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request) -> bool:
        return self.shown_to(request.user)


def having_permission(permission: str) -> Callable[[Any], bool]:
    """``shown_to`` for the users who have ``permission`` (``"app_label.codename"``)."""
    return lambda user: user.has_perm(permission)


def settings_page(name: str, label, permission: str, *, icon_name: str, order: int) -> Callable:
    """Decorates an admin view as a page under Settings for the users who have ``permission``.

    Registers the view under the URL ``name`` at ``<name>/`` (with hyphens) in the admin, and its menu item
    (named like the address) shown to the same users; everyone else gets 403 from the view.
    """
    slug = name.replace("_", "-")

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        def menu_item() -> RestrictedMenuItem:
            shown_to = having_permission(permission)
            return RestrictedMenuItem(
                label, reverse(name), shown_to=shown_to, name=slug, icon_name=icon_name, order=order
            )

        hooks.register("register_admin_urls", lambda: [path(f"{slug}/", guarded, name=name)])
        hooks.register("register_settings_menu_item", menu_item)
        return guarded

    return decorate


class OwnPagesExplorerMenuItem(ExplorerMenuItem):
    """Wagtail's "Pages" item, opening the explorer where the user works (:func:`explorer_start_page`).

    Wagtail opens it at the common ancestor of the pages a user may edit. A partner edits its organisation's
    page in every language, so that was the tree's root: five home pages and the notice that pages created
    there have no address, instead of its own listings.
    """

    def get_context(self, request):
        context = super().get_context(request)
        start_page = explorer_start_page(request.user)
        if start_page is not None:
            context["start_page_id"] = start_page.pk
        return context

    def render_component(self, request):
        start_page = explorer_start_page(request.user)
        if start_page is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=(start_page.pk,)),
            start_page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )

    @classmethod
    def replacing(cls, item: ExplorerMenuItem) -> OwnPagesExplorerMenuItem:
        return cls(item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order)
