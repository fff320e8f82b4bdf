"""The office's review of what a partner submits: Wagtail's group approval, except that "Request changes" says
what to change. A partner whose listing came back with an empty comment saw "changes requested" on its start
page and had to phone the office to learn what."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What should the organisation change?"),
        help_text=_("The organisation sees this on its start page, next to the listing."),
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Please say what should be changed, so that the organisation knows.")},
    )

    def clean_comment(self) -> str:
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(self.fields["comment"].error_messages["required"], code="required")
        return comment


class OfficeReviewTask(AbstractGroupApprovalTask):
    """The one review step of the portal's workflow (``setup.ensure_moderation_workflow``); the office's
    group approves or requests changes."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    class Meta:
        verbose_name = _("review by the integration office")
        verbose_name_plural = _("reviews by the integration office")
