"""The office's review of what a partner submits: Wagtail's group approval, except that "Request changes" says
what to change. A partner whose listing came back with an empty comment saw "changes requested" on its start
page and had to phone the office to learn what."""

from __future__ import annotations

import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask

logger = logging.getLogger(__name__)


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

    def on_action(self, task_state, user, action_name, **kwargs):
        """The modal checks the comment; the page editor's own form hands on whatever its POST carried, so a
        hand-made POST without a comment is checked here too and leaves the page in review."""
        if action_name == "reject":
            form = RequestChangesForm(kwargs)
            if not form.is_valid():
                logger.warning("Changes requested without a comment on task state %s: ignored", task_state.pk)
                return
            kwargs = form.cleaned_data
        super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        verbose_name = _("review by the integration office")
        verbose_name_plural = _("reviews by the integration office")
