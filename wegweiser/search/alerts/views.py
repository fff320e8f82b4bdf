"""The alert's own small pages: the form, the double opt-in, stop and extend (a copy or the deletion of
one's data is the core's page, ``data_requests:request``).

The finder and listing pages only link here (with the finder's criteria in the address), so they carry no
form token and stay in the anonymous page cache. These pages send ``Cache-Control: private, no-store``.
The forms need no CSRF cookie (the portal sets none for anonymous visitors): a forged sign-up still needs
the confirmation link from the person's mailbox, and the signed links are their own proof.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Site

from wegweiser.plugin_api import (
    PortalSettings,
    ask_to_confirm,
    check_your_mailbox,
    enabled_listing_types,
    for_visitors,
    mail_link,
    notice,
    too_many_sends,
    visitor_language,
)
from wegweiser.search.alerts import criteria as alert_criteria
from wegweiser.search.alerts import links, mails
from wegweiser.search.alerts.forms import PlaceAlertForm
from wegweiser.search.models import PlaceAlert
from wegweiser.site.links import on_this_site


def alert_days(site: Site | None) -> int:
    """How long an alert runs: the office's setting for the site (Settings › Portal settings)."""
    return PortalSettings.for_site(site).place_alert_days if site is not None else 90


def _gone(request):
    return notice(
        request,
        _("This link is no longer valid"),
        _("The alert has ended, or the link has expired. You can set up a new alert in the search."),
        status=404,
        links=[(reverse("search:search"), _("Go to the search"))],
    )


@for_visitors
def new_alert(request):
    site = Site.find_for_request(request)
    available = enabled_listing_types(site)
    data = request.POST if request.method == "POST" else request.GET
    criteria, messages = alert_criteria.criteria_from(data, locale=visitor_language(), available=available)
    days = alert_days(site)
    form = PlaceAlertForm(
        request.POST if request.method == "POST" else None, days=days, words=criteria["text"]
    )
    context = {
        "form": form,
        "criteria": criteria,
        "criteria_labels": alert_criteria.labels(criteria, available),
        "querystring": alert_criteria.querystring(criteria),
        "hidden": [(name, value) for name, values in _criteria_data(criteria) for value in values],
        "criteria_messages": messages,
        "days": days,
    }
    if alert_criteria.is_empty(criteria):
        context["empty"] = True
        return TemplateResponse(request, "search/alerts/new.html", context, status=400)
    if request.method == "GET":
        return TemplateResponse(request, "search/alerts/new.html", context)
    sent = f"{reverse('search:place_alert_sent')}?{context['querystring']}"
    if back := on_this_site(request, request.GET.get("back", "")):
        sent += f"&{urlencode({'back': back})}"
    if form.is_bot():
        return HttpResponseRedirect(sent)
    if too_many_sends(request, "place-alert", form):
        return TemplateResponse(request, "search/alerts/new.html", context, status=429)
    if not form.is_valid():
        return TemplateResponse(request, "search/alerts/new.html", context, status=400)
    alert, created = PlaceAlert.subscribe(
        email=form.cleaned_data["email"],
        site=site,
        criteria_key=alert_criteria.criteria_key(criteria),
        language=visitor_language(),
        consent=form.consent_record(),
        token=links.new_token(),
        **criteria,
    )
    # The page is the same either way, so it does not tell whether an address has an alert: the mail does,
    # to the address alone.
    if created or alert.status == PlaceAlert.Status.PENDING:
        mails.send_confirmation_request(alert)
    else:
        mails.send_already_on(alert)
    return HttpResponseRedirect(sent)  # with the criteria: the page leads back to the results they give


def _criteria_data(criteria: dict) -> list[tuple[str, list[str]]]:
    return list(QueryDict(alert_criteria.querystring(criteria)).lists())


alert_sent = check_your_mailbox(
    gettext_lazy(
        "We have sent you a mail with a link. Your alert starts only after you have confirmed it with this "
        "link. If the mail does not arrive, please look in your spam folder."
    ),
    back_link=lambda request: _way_back(request),
)


def _way_back(request) -> tuple[str, str]:
    """Where the alert was set up: the page it was asked for on (a course, a finder, the search), else the
    search its criteria give. A Turkish visitor who asked on a full course's page was sent to a search page
    with the course's level and district that they had never seen."""
    if back := on_this_site(request, request.GET.get("back", "")):
        return back, _("Back to the page you came from")
    return _results_url(request), _("Back to the results")


def _results_url(request) -> str:
    """The search the alert was set up from (its criteria in the address), read as the alert form reads them."""
    site = Site.find_for_request(request)
    criteria, _messages = alert_criteria.criteria_from(
        request.GET, locale=visitor_language(), available=enabled_listing_types(site)
    )
    query = alert_criteria.querystring(criteria)
    return reverse("search:search") + (f"?{query}" if query else "")


def _alert_for(signed: str, purpose: str, max_age: int | None = None) -> PlaceAlert | None:
    """The alert a link from a mail names; ``None`` if the link has expired or the alert has ended. An
    incomplete link raises ``IncompleteLink``, which the view's ``mail_link`` answers."""
    token = links.token_from(signed, purpose, max_age=max_age)
    return (
        PlaceAlert.objects.filter(token=token).exclude(status=PlaceAlert.Status.ENDED).first()
        if token
        else None
    )


def _labels(alert: PlaceAlert) -> list[str]:
    return alert_criteria.labels(alert.criteria, enabled_listing_types(alert.site))


@for_visitors
@mail_link(gettext_lazy("Your alert has not been switched on."))
def confirm_alert(request, token: str):
    alert = _alert_for(token, links.CONFIRM, max_age=links.CONFIRM_MAX_AGE)
    if alert is None:
        return _gone(request)
    if alert.status == PlaceAlert.Status.ACTIVE:
        return notice(request, _("Alert already confirmed"), _("You have already confirmed this alert."))
    if request.method == "GET":
        text = _("Please confirm that we may tell you by mail when something matching opens:")
        return ask_to_confirm(request, _("Confirm your alert"), text, _("Confirm alert"), _labels(alert))
    now = timezone.now()
    with transaction.atomic():
        alert.status = PlaceAlert.Status.ACTIVE
        alert.confirmed_at = now
        alert.checked_until = now
        alert.expires_at = now + datetime.timedelta(days=alert_days(alert.site))
        alert.save(update_fields=["status", "confirmed_at", "checked_until", "expires_at"])
    text = _(
        "We will write to you when something matching is published or has free places again, at most "
        "once a day, until %(date)s. Every mail has a link to stop the alert."
    ) % {"date": _date(alert.expires_at)}
    # The text promises a way to stop it: here is one at once, before the first mail comes.
    stop = reverse("search:place_alert_stop", kwargs={"token": links.sign(alert, links.STOP)})
    return notice(request, _("Your alert is on"), text, items=_labels(alert), links=[(stop, _("Stop alert"))])


def _date(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


@for_visitors
@mail_link(gettext_lazy("Your alert has not been stopped."))
def stop_alert(request, token: str):
    """One click in the mail (or in the mail program, RFC 8058) stops the alert, no account needed."""
    alert = _alert_for(token, links.STOP)
    stopped = _("Alert stopped")
    if alert is None:
        text = _("This alert no longer exists. We send you nothing more.")
        return notice(request, stopped, text, status=404)
    if request.method == "GET":
        text = _("Do you want to stop this alert? We will then send you nothing more about it.")
        return ask_to_confirm(request, _("Stop your alert"), text, _("Stop alert"), _labels(alert))
    if alert.status == PlaceAlert.Status.PENDING:
        alert.delete()
    else:
        alert.end(PlaceAlert.EndReason.UNSUBSCRIBED)
    return notice(request, stopped, _("Your alert has stopped and your email address has been deleted."))


@for_visitors
@mail_link(gettext_lazy("Your alert has not been extended."))
def extend_alert(request, token: str):
    alert = _alert_for(token, links.EXTEND)
    if alert is None or alert.status != PlaceAlert.Status.ACTIVE:
        return _gone(request)
    days = alert_days(alert.site)
    if request.method == "GET":
        text = ngettext(
            "Your alert runs for another %(days)s day from today:",
            "Your alert runs for another %(days)s days from today:",
            days,
        ) % {"days": days}
        return ask_to_confirm(request, _("Extend your alert"), text, _("Extend alert"), _labels(alert))
    alert.expires_at = timezone.now() + datetime.timedelta(days=days)
    alert.reminded_at = None
    alert.save(update_fields=["expires_at", "reminded_at"])
    text = _("Your alert now runs until %(date)s.") % {"date": _date(alert.expires_at)}
    return notice(request, _("Your alert is extended"), text)
