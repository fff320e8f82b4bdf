"""The admin form of a calendar feed: only public addresses, and "published right away" only with the right."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import GroupPagePermission

from wegweiser.events.ical_import import feed_address
from wegweiser.events.models import CalendarFeed
from wegweiser.plugin_api import FetchRefused, check_public_url

NO_PUBLISH_RIGHT = _(
    "Your organisation's events are reviewed by the integration office before they appear. "
    "Please choose “as drafts, for review”."
)


def may_publish_anywhere(user) -> bool:
    """Whether ``user`` holds the publish permission on any page (a quick test before the per-page one)."""
    if user is None or not user.is_active:
        return False
    return (
        user.is_superuser
        or GroupPagePermission.objects.filter(group__user=user, permission__codename="publish_page").exists()
    )


class CalendarFeedForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("publish_mode")
        if field is not None and not may_publish_anywhere(self.for_user):
            field.choices = [(CalendarFeed.PublishMode.DRAFT, CalendarFeed.PublishMode.DRAFT.label)]
            field.error_messages["invalid_choice"] = NO_PUBLISH_RIGHT
            field.help_text = NO_PUBLISH_RIGHT

    def clean_url(self) -> str:
        url = self.cleaned_data.get("url", "")
        if url:
            try:
                check_public_url(feed_address(url))
            except FetchRefused as error:
                raise forms.ValidationError(
                    _(
                        "The portal cannot load a calendar from this address. "
                        "Please enter the public internet address of your calendar."
                    )
                ) from error
        return url

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if (
            cleaned.get("publish_mode") == CalendarFeed.PublishMode.PUBLISHED
            and organisation is not None
            and not organisation.permissions_for_user(self.for_user).can_publish_subpage()
        ):
            self.add_error("publish_mode", NO_PUBLISH_RIGHT)
        return cleaned

    def save(self, commit: bool = True):
        # Whoever saves the feed answers for its publish mode; the import checks their right each time.
        self.instance.configured_by = self.for_user
        return super().save(commit=commit)
