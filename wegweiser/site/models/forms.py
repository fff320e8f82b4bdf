"""Form pages: the accessibility statement with its feedback form (BITV 2.0 requires one).

The statement follows the structure BITV 2.0 and the EU model statement ask for: the status of
compliance with the known gaps, when and how it was evaluated, whom to tell about a barrier, and the
arbitration body. Each part is a field the office fills in, so none can be forgotten.

The feedback form is the portal's own (:class:`BarrierReportForm`), not one the office builds: its fields
are then in every language of the portal, also where nobody has translated the statement.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, FormMixin
from wagtail.fields import RichTextField, StreamField

from wegweiser.site.blocks import ContentStreamBlock
from wegweiser.site.listings import language_name, visitor_language
from wegweiser.site.models.easy_language import EasyLanguageVersionMixin
from wegweiser.site.models.settings import PortalSettings
from wegweiser.site.outbox import queue_mails
from wegweiser.site.page_forms import ChoosableMediaFormMixin
from wegweiser.site.public_forms import HoneypotMixin, email_field, no_store, too_many_sends

#: The query of the page that thanks for a report (the form redirects there).
SENT = "gesendet"


class BarrierReportForm(HoneypotMixin, forms.Form):
    """What a visitor reports about a barrier: the message, and an address only if they want an answer."""

    message = forms.CharField(
        label=_("Your message"),
        help_text=_("Which barrier did you come across, and on which page?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please describe the barrier.")},
    )
    email = email_field(
        help_text=_("Only if you would like an answer."),
        label=_("Your email address (optional)"),
        required=False,
    )

    def __init__(self, *args, page=None, user=None, **kwargs):
        # Wagtail's form pages hand their form the page and the user; this form needs neither.
        super().__init__(*args, **kwargs)


#: The arbitration body under § 16 BGG, as the Federal Government Commissioner for Matters relating to
#: Persons with Disabilities publishes it (schlichtungsstelle-bgg.de). Many Länder have their own body for
#: municipal websites; the office enters that one instead where it applies.
FEDERAL_ARBITRATION_BODY = (
    "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz\n"
    "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen\n"
    "Mauerstraße 53\n"
    "10117 Berlin\n"
    "Telefon: +49 30 18 527-2805\n"
    "E-Mail: info@schlichtungsstelle-bgg.de"
)
FEDERAL_ARBITRATION_URL = "https://www.schlichtungsstelle-bgg.de"


class AccessibilityStatementForm(ChoosableMediaFormMixin, WagtailAdminFormPageForm):
    """The parts BITV 2.0 requires cannot be left out: gaps unless fully compliant, date and method."""

    def clean(self):
        cleaned = super().clean()
        required = {
            "evaluated_on": _("Enter the day of the evaluation."),
            "evaluation_method": _("Say how the portal was evaluated."),
            "prepared_on": _("Enter the day the statement was prepared or last reviewed."),
            "arbitration_body": _("Name the arbitration body and how to reach it."),
        }
        if cleaned.get("conformance") != AccessibilityStatementPage.Conformance.FULL:
            required["known_gaps"] = _("List the content that is not accessible yet.")
        for name, message in required.items():
            if name in self.fields and not strip_tags(str(cleaned.get(name) or "")).strip():
                self.add_error(name, message)
        return cleaned


class AccessibilityStatementPage(EasyLanguageVersionMixin, AbstractEmailForm):
    """ "Erklärung zur Barrierefreiheit" with a feedback form that mails the office.

    The form is exempt from CSRF (see the page URL pattern in ``wegweiser.site.urls``) so that anonymous
    visitors who only read the statement get no cookie; it only mails the office. The honeypot and the
    per-client limit of :mod:`wegweiser.site.public_forms` keep robots and floods out.
    """

    class Conformance(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    intro = models.TextField(_("introduction"), blank=True)
    conformance = models.CharField(
        _("status of compliance"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
        help_text=_(
            "How far the portal meets BITV 2.0 (WCAG 2.1 level AA). Be honest: list every known gap."
        ),
    )
    known_gaps = RichTextField(
        _("content that is not accessible"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "One item per barrier: what it is, why, and the accessible alternative or when it will be fixed."
        ),
    )
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True)
    evaluation_method = models.TextField(
        _("method of the evaluation"),
        blank=True,
        help_text=_(
            "For example: self-assessment with automated tests, or a BITV test by an independent body."
        ),
    )
    prepared_on = models.DateField(_("statement prepared or last reviewed on"), null=True, blank=True)
    feedback_contact = models.TextField(
        _("contact for feedback"),
        blank=True,
        help_text=_(
            "Who answers reports of barriers (name, address, phone). Empty: the office from the portal settings."
        ),
    )
    arbitration_body = models.TextField(
        _("arbitration body"),
        blank=True,
        default=FEDERAL_ARBITRATION_BODY,
        help_text=_(
            "Where visitors can turn when our answer does not satisfy them. The default is the arbitration "
            "body under § 16 BGG; if your Land has its own body for municipalities, enter that one."
        ),
    )
    arbitration_url = models.URLField(
        _("website of the arbitration body"), blank=True, default=FEDERAL_ARBITRATION_URL
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("further information"))
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    base_form_class = AccessibilityStatementForm
    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("conformance", widget=forms.RadioSelect),
                FieldPanel("known_gaps"),
                FieldRowPanel([FieldPanel("evaluated_on"), FieldPanel("prepared_on")]),
                FieldPanel("evaluation_method"),
            ],
            heading=_("Status of compliance"),
        ),
        FieldPanel("body"),
        FieldPanel("feedback_contact"),
        MultiFieldPanel(
            [FieldPanel("arbitration_body"), FieldPanel("arbitration_url")],
            heading=_("Enforcement procedure"),
        ),
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
        return BarrierReportForm

    def get_data_fields(self):
        """The columns of the submissions the office sees under Forms."""
        return [
            ("submit_time", _("Submission date")),
            ("message", _("Message")),
            ("email", _("Email address")),
            ("language", _("Language of the page")),
        ]

    def process_form_submission(self, form):
        """Store the report and mail it, also where the office left "to address" empty (see :meth:`send_mail`);
        Wagtail's email form would then only store it."""
        form.cleaned_data.pop(HoneypotMixin.honeypot_field, None)
        form.cleaned_data["language"] = visitor_language()
        submission = FormMixin.process_form_submission(self, form)
        self.send_mail(form)
        return submission

    def send_mail(self, form):
        """To the page's "to address", else to the office's address from the portal settings; in German
        whatever the visitor's language; a reply goes to the visitor's address."""
        recipients = [address.strip() for address in self.to_address.split(",") if address.strip()]
        if not recipients:
            recipients = [PortalSettings.for_site(self.get_site()).office_email]
        data = form.cleaned_data
        with translation.override(settings.LANGUAGE_CODE):
            language = language_name(data["language"])
            body = "\n\n".join(
                [
                    f"{_('Language of the page')}: {language}",
                    f"{_('Email address')}: {data['email'] or '–'}",
                    f"{_('Message')}:\n{data['message']}",
                ]
            )
        queue_mails(
            recipients,
            subject=self.subject or str(self),
            body=body,
            purpose="core.barrier_report",
            headers={"Reply-To": data["email"]} if data["email"] else None,
        )

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """The thanks are a page of their own after the POST (``?gesendet``): reloading them sent the report
        again."""
        if request.method == "POST":
            return redirect(f"{request.path}?{SENT}")
        return super().render_landing_page(request, form_submission, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        if request.method == "GET" and SENT in request.GET:
            return self.render_landing_page(request, None, *args, **kwargs)
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_bot():
                # A robot filled in the hidden field: pretend success, store and send nothing.
                return self.render_landing_page(request, None, *args, **kwargs)
            refused = too_many_sends(request, "feedback", form)
            if refused or not form.is_valid():  # answered 400 with its mistakes, as every public form is
                context = self.get_context(request)
                context["form"] = form
                status = 429 if refused else 400
                return no_store(TemplateResponse(request, self.get_template(request), context, status=status))
        return super().serve(request, *args, **kwargs)


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
