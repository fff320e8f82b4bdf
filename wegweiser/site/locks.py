"""A page's lock names the person who locked it only to those who may see that person in the admin.

Wagtail's lock says "Only Jana Jobcenter can make changes while the page is locked" to everyone who opens
the page, and a partner may open another organisation's published pages (read only). Another
organisation's editors are that organisation's business (:func:`~wegweiser.site.scoping.people_visible_to`),
so to them the lock says that the page is locked, without the name.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str
from wagtail.locks import BasicLock


class NamedToColleaguesLock(BasicLock):
    def _names_nobody_for(self, user) -> bool:
        """Whether ``user`` may not read the name of the person who locked the page: asked once per user,
        though the status panel asks for the message and the description."""
        # scoping imports the page models, which give their pages this lock
        from wegweiser.site.scoping import people_visible_to

        locker = self.object.locked_by_id
        if not locker or locker == user.pk:
            return False
        hidden = self.__dict__.setdefault("_hidden_from", {})
        if user.pk not in hidden:
            visible = people_visible_to(user, get_user_model().objects.filter(pk=locker)).exists()
            hidden[user.pk] = not visible
        return hidden[user.pk]

    def get_message(self, user):
        if self._names_nobody_for(user):
            return format_html(_("<b>'{title}' is locked</b>."), title=get_latest_str(self.object))
        return super().get_message(user)

    def get_description(self, user):
        if self._names_nobody_for(user):
            return _("Only the person who locked this page can make changes while it is locked.")
        return super().get_description(user)
