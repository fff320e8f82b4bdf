"""Admin menu items that only some users see: the office's pages, a partner's inbox, the outbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wagtail.admin.menu import MenuItem


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
