"""Form pages: the accessibility statement with its feedback form (BITV 2.0 requires one)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField

from wegweiser.site.blocks import ContentStreamBlock
from wegweiser.site.models.easy_language import EasyLanguageVersionMixin


class FeedbackFormField(AbstractFormField):
    page = ParentalKey(
        "core.AccessibilityStatementPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class AccessibilityStatementPage(EasyLanguageVersionMixin, AbstractEmailForm):
    """ "Erklärung zur Barrierefreiheit" with a feedback form that mails the office.

    The form is exempt from CSRF (see the page URL pattern in ``wegweiser.site.urls``) so that anonymous
    visitors who only read the statement get no cookie; a honeypot field keeps robots out.
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("statement"))
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Feedback form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    promote_panels = [*AbstractEmailForm.promote_panels, *EasyLanguageVersionMixin.easy_language_panels]
    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        from django import forms

        form.fields["website"] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off"}),
        )
        return form

    def process_form_submission(self, form):
        form.cleaned_data.pop("website", None)
        return super().process_form_submission(form)

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get("website"):
            # A robot filled in the hidden field: pretend success, store nothing.
            return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)
