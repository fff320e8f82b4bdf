"""Admin menu items that only some users see (the office's pages, a partner's inbox, the outbox), and the
"Pages" item that opens a partner's page explorer at its own organisation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse
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
