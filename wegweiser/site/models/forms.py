"""Form pages: the accessibility statement with its feedback form (BITV 2.0 requires one)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField

from wegweiser.site.blocks import ContentStreamBlock
from wegweiser.site.models.easy_language import EasyLanguageVersionMixin
from wegweiser.site.public_forms import HoneypotMixin, no_store, rate_limit_exceeded


class FeedbackFormField(AbstractFormField):
    page = ParentalKey(
        "core.AccessibilityStatementPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class AccessibilityStatementPage(EasyLanguageVersionMixin, AbstractEmailForm):
    """ "Erklärung zur Barrierefreiheit" with a feedback form that mails the office.

    The form is exempt from CSRF (see the page URL pattern in ``wegweiser.site.urls``) so that anonymous
    visitors who only read the statement get no cookie; it only mails the office. The honeypot and the
    per-client limit of :mod:`wegweiser.site.public_forms` keep robots and floods out.
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

    def get_form_class(self):
        return type("FeedbackForm", (HoneypotMixin, super().get_form_class()), {})

    def process_form_submission(self, form):
        form.cleaned_data.pop(HoneypotMixin.honeypot_field, None)
        return super().process_form_submission(form)

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_bot():
                # A robot filled in the hidden field: pretend success, store and send nothing.
                return self.render_landing_page(request, None, *args, **kwargs)
            if rate_limit_exceeded(request, "feedback", feedback_per_hour()):
                form.is_valid()
                form.add_error(
                    None, _("Too many messages from your connection. Please try again in an hour.")
                )
                context = self.get_context(request)
                context["form"] = form
                return no_store(TemplateResponse(request, self.get_template(request), context, status=429))
        return super().serve(request, *args, **kwargs)


def feedback_per_hour() -> int:
    return int(getattr(settings, "WEGWEISER_FEEDBACK_PER_HOUR", 5))


class RateLimitCounter(models.Model):
    """Attempts of one client at one public form within the hour (see :mod:`wegweiser.site.public_forms`).

    ``key`` is a keyed hash of the form and the client's address; no address is stored.
    """

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate limit counter")
        verbose_name_plural = _("rate limit counters")

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.count}"
