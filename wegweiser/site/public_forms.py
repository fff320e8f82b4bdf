"""What every public form of the portal and its plugins needs, in one place.

A form that anonymous visitors may send (an account request, a volunteer sign-up, an event registration,
accessibility feedback) uses:

* :class:`HoneypotMixin`: a field that people and assistive technology never meet; robots fill it in.
* :func:`too_many_sends`: valid sends per email address and hour, and a much higher ceiling on sends of any
  kind per client, counted in the database (shared by every worker and server), keyed by a hash of the address
  and of :func:`client_address` (trusted reverse proxies understood).
* :class:`ConsentMixin`: the consent checkbox's text comes from the form, and the text and its version
  are stored with what was sent.
* :func:`private_no_store`: pages with personal data never land in a cache or leak in a referrer;
  :func:`for_visitors`: that, GET and POST only and no CSRF cookie, for the form's own address and the
  links from its mails.
* :func:`reject_markup`: plain text only in free-text fields.
* :func:`name_field`, :func:`email_field` and :func:`phone_field`: a visitor's name, address and phone number,
  with the same limits and the same messages in every form; a name holds no web address
  (:func:`reject_web_addresses`).
* :func:`notice`: the short page that answers it (sent, confirmed, link expired) or asks for one step;
  :func:`ask_to_confirm`: that page asking for the one click a link from a mail needs; :func:`mail_link`: a
  link whose token a mail program cut off says so (:func:`incomplete_link`) and does nothing.
"""

from __future__ import annotations

import datetime
import ipaddress
import re
from collections.abc import Callable, Sequence
from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wegweiser.site import rate_limits
from wegweiser.site.links import IncompleteLink
from wegweiser.site.listings import localized_url
from wegweiser.site.page_views import about_page
from wegweiser.site.templatetags.direction_tags import isolate_text

#: What Django reads bytes as that are not UTF-8, and what the form then says.
REPLACEMENT_CHARACTER = "\ufffd"
UNREADABLE = _("Some characters of this text could not be read. Please type it again.")
MARKUP = re.compile(r"<\s*/?\s*[a-z!?]|javascript:|on\w+\s*=", re.IGNORECASE)
RATE_WINDOW = datetime.timedelta(hours=1)


# -- plain text ----------------------------------------------------------------------------------------


def reject_markup(value: str) -> None:
    """Form validator: plain text only (no tags, no script)."""
    if value and MARKUP.search(value):
        raise ValidationError(_("Please use plain text only, without HTML or script code."), code="markup")


#: A web address: a scheme ("https://"), "www.", or a name ending in a common top-level domain ("gewinn.com",
#: "example.de/x"). Not every word with a dot: "St.Georg", "Dr.Müller" and "e. V." are names.
WEB_ADDRESS = re.compile(
    r"[a-z][a-z0-9+.-]*://|\bwww\.|\b[\w-]+\.(?:com|net|org|info|biz|de|eu|ru|io|co|xyz|top|online|site|shop|"
    r"app|link|click|ly|me)\b",
    re.IGNORECASE,
)


def reject_web_addresses(value: str) -> None:
    """Form validator: no web address in a name. The portal's mails greet a visitor by the name typed into a
    public form and go to the address typed beside it, so a link in a name would be a link that anyone can
    send to anyone, signed by the portal."""
    if value and WEB_ADDRESS.search(value):
        raise ValidationError(_("Please enter the name without a web address."), code="web_address")


# -- contact fields ------------------------------------------------------------------------------------


def name_field(
    label: str = _("Your name"), max_length: int = 120, missing: str = _("Please enter your name.")
) -> forms.CharField:
    """A name typed into a public form (the visitor's, or their organisation's): plain text, no web address;
    left empty, ``missing`` says which name (Django's "This field is required." did not)."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        validators=[reject_markup, reject_web_addresses],
        error_messages={"required": missing},
    )


#: Only what may stand in a number; its length is ``max_length``'s to say ("at most 30 characters"): a long
#: number pasted was told "digits only".
PHONE = re.compile(r"^\+?[0-9 ()/\-]{5,}$")
PHONE_EXAMPLE = "0171 2345678"
#: The digits an Arabic or a Persian keyboard types, as the digits a phone dials.
WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
EMAIL_EXAMPLE = "name@example.org"


def _with_the_example_isolated() -> str:
    """The wrong-address message with its example address isolated left to right, as the phone number's is:
    closing an Arabic or Persian sentence, "name@example.org." read "….name@example.org"."""
    message = gettext("Please enter a valid email address, e.g. name@example.org.")
    return message.replace(EMAIL_EXAMPLE, isolate_text(EMAIL_EXAMPLE, "ltr"))


EMAIL_ERRORS = {
    "required": _("Please enter your email address."),
    "invalid": lazy(_with_the_example_isolated, str)(),
}


def email_field(
    help_text: str = "", label: str = _("Your email address"), required: bool = True
) -> forms.EmailField:
    """A visitor's email address (required unless ``required=False``): ``help_text`` says what the portal
    sends to it. Typed left to right on rtl pages too, where "name@" showed as "@name"."""
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        required=required,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )


class PhoneInput(forms.TextInput):
    """The phone keypad on a phone; left to right on rtl pages too, where "0171 2345678" read "2345678 0171"."""

    input_type = "tel"

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs={"autocomplete": "tel", "dir": "ltr", **(attrs or {})})


class PhoneNumberField(forms.CharField):
    """Digits, spaces, ``+ ( ) / -``; Arabic and Persian digits are taken as the digits they are."""

    widget = PhoneInput
    default_error_messages = {
        "invalid": _("Please enter a phone number with digits only, e.g. %(example)s."),
    }

    def to_python(self, value) -> str:
        return super().to_python(value).translate(WESTERN_DIGITS)

    def validate(self, value: str) -> None:
        super().validate(value)
        if value and not PHONE.match(value):
            example = isolate_text(PHONE_EXAMPLE, "ltr")
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"example": example})


def phone_field(label: str = _("Phone (optional)")) -> forms.CharField:
    """A visitor's phone number, optional."""
    return PhoneNumberField(label=label, max_length=30, required=False)


# -- honeypot ------------------------------------------------------------------------------------------


class HoneypotInput(forms.TextInput):
    """A text input inside a ``hidden`` block: not shown, not in the accessibility tree, not focusable.

    ``is_hidden`` puts the field among ``form.hidden_fields()``, so no form template prints a label or
    help text for it; only robots that read the markup fill it in.
    """

    is_hidden = True

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, None, attrs, renderer)
        return format_html(
            '<div class="honeypot" hidden aria-hidden="true"><label for="{}">{}</label>{}</div>',
            (attrs or {}).get("id", ""),
            _("Leave this field empty"),
            field,
        )


class HoneypotMixin(forms.Form):
    """Adds the honeypot; a view asks :meth:`is_bot` first and then stores nothing and says "thank you"."""

    honeypot_field = "homepage"

    homepage = forms.CharField(label=_("Leave this field empty"), required=False, widget=HoneypotInput)

    def is_bot(self) -> bool:
        return bool(str(self.data.get(self.honeypot_field, "")).strip())

    def full_clean(self) -> None:
        """Also refuses text the browser did not send as UTF-8: Django reads such bytes as "\ufffd", which a
        sign-up had stored and mailed ("Hallo ��") and shown in the organisation's list."""
        super().full_clean()
        if not self.is_bound:
            return
        for name in self.fields:
            if name in self.errors:
                continue
            values = self.data.getlist(self.add_prefix(name)) if hasattr(self.data, "getlist") else []
            if any(REPLACEMENT_CHARACTER in str(value) for value in values):
                self.add_error(name, UNREADABLE)


# -- consent -------------------------------------------------------------------------------------------


class ConsentMixin:
    """For forms with a ``consent`` checkbox: its label is :meth:`consent_text`, and
    :meth:`consent_record` gives the text exactly as shown and :attr:`consent_version` for storing.

    Change the wording only together with a new ``consent_version``.
    """

    consent_version: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = self.consent_text()

    def consent_text(self) -> str:
        raise NotImplementedError

    def consent_record(self) -> dict[str, str]:
        return {"consent_text": self.consent_text(), "consent_version": self.consent_version}


# -- the client and the rate limit ---------------------------------------------------------------------


def trusted_proxies() -> int | list[str]:
    """The reverse proxies in front of the portal: their addresses or networks (safest), or their number.

    With addresses, X-Forwarded-For is read only on requests that come from one of them; with a number
    (0: none, use the peer), the app servers must be reachable through the proxies alone.
    """
    proxies = getattr(
        settings, "WEGWEISER_TRUSTED_PROXIES", getattr(settings, "WEGWEISER_API_TRUSTED_PROXIES", 0)
    )
    return list(proxies) if isinstance(proxies, (list, tuple)) else int(proxies)


def _is_proxy(address: str, networks: list) -> bool:
    try:
        return any(ipaddress.ip_address(address) in network for network in networks)
    except ValueError:
        return False


def client_address(request: HttpRequest) -> str:
    """The client's IP; behind ``WEGWEISER_TRUSTED_PROXIES`` reverse proxies, from X-Forwarded-For.

    Only the entries the trusted proxies appended count, so a client cannot pick its own address by
    sending the header itself, neither through the proxies nor (with their addresses set) around them.
    """
    proxies = trusted_proxies()
    peer = request.META.get("REMOTE_ADDR", "unknown")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if isinstance(proxies, list):
        networks = [ipaddress.ip_network(proxy, strict=False) for proxy in proxies]
        if not _is_proxy(peer, networks):
            return peer
        for address in reversed(addresses):
            if not _is_proxy(address, networks):
                return address
        return addresses[0] if addresses else peer
    if proxies and addresses:
        return addresses[-min(proxies, len(addresses))]
    return peer


#: Valid sends of a public form per email address and hour (per client for a form sent without one) where
#: neither the settings nor the form say otherwise.
DEFAULT_SENDS_PER_HOUR = 5

#: Sends of any kind (valid, mistyped, empty) per client and hour, as a multiple of the valid sends: the
#: ceiling that stops a flood. Many people share one client address (a shelter's Wi-Fi, a course room, a mobile
#: carrier's network), so it is high enough for each of them to send the form, mistakes and all.
SENDS_OF_ANY_KIND_PER_VALID_SEND = 20

#: Valid sends per client and hour, as a multiple of the valid sends per address: enough for a course room or
#: a shelter's Wi-Fi to send the form person by person, not for one connection to mail a hundred strangers or to
#: hold an event's places under made-up addresses.
VALID_SENDS_PER_CLIENT_PER_ADDRESS = 6

#: What a refused send is told, whichever limit it met.
TOO_MANY_SENDS = _("This form has been sent too often in the last hour. Please try again in an hour.")
#: The code of that error: the form's error summary then says the form was not sent, not "Please correct the
#: following" (there is nothing to correct).
REFUSED = "too_many_sends"


def too_many_sends(
    request: HttpRequest, bucket: str, form: forms.Form, per_hour: int = DEFAULT_SENDS_PER_HOUR
) -> bool:
    """Validate ``form``, count this send and say whether to refuse it (answer 429, store nothing); a refused
    form carries :data:`TOO_MANY_SENDS` as its error.

    Only a valid send (the caller stores it or mails) counts toward the form's limit per hour (the site's
    ``WEGWEISER_PUBLIC_FORM_LIMITS[bucket]``, else ``per_hour``; 0 or less: no limit), and it counts for the
    email address it gives (:func:`_sender`): nobody gets more mails than that from the form, while the people
    behind one shared connection each send their own. A visitor who mistypes, or sends the form empty, keeps
    every send for the one that counts and gets the form back with its mistakes marked. Every send counts
    toward a ceiling per client :data:`SENDS_OF_ANY_KIND_PER_VALID_SEND` times as high, which stops a flood,
    and every valid one toward a ceiling per client :data:`VALID_SENDS_PER_CLIENT_PER_ADDRESS` times as high.
    The counts live in the database (:mod:`wegweiser.site.rate_limits`), so every worker and every server sees
    the same numbers.
    """
    valid = form.is_valid()
    limit = int(getattr(settings, "WEGWEISER_PUBLIC_FORM_LIMITS", {}).get(bucket, per_hour))
    if limit <= 0:
        return False
    address = client_address(request)
    refused = (
        rate_limits.hit(f"{bucket}:any", address, RATE_WINDOW).count
        > limit * SENDS_OF_ANY_KIND_PER_VALID_SEND
    )
    if not refused and valid:
        sender = _sender(request, form)
        refused = rate_limits.hit(bucket, sender, RATE_WINDOW).count > limit
        if sender != _client(address):
            per_client = rate_limits.hit(f"{bucket}:valid", address, RATE_WINDOW).count
            refused = refused or per_client > limit * VALID_SENDS_PER_CLIENT_PER_ADDRESS
    if refused:
        form.add_error(None, ValidationError(TOO_MANY_SENDS, code=REFUSED))
    return refused


def was_refused(form: forms.Form) -> bool:
    """Whether ``form`` was refused by :func:`too_many_sends`, whatever else it says."""
    return form.has_error(NON_FIELD_ERRORS, REFUSED)


def _sender(request: HttpRequest, form: forms.Form) -> str:
    """Whom a valid send counts for: the email address it gives (where its mail goes, the same however it is
    capitalised), else the client."""
    email = str(form.cleaned_data.get("email") or "").strip().lower()
    return f"email:{email}" if email else _client(client_address(request))


def _client(address: str) -> str:
    return f"client:{address}"


def forget_send(request: HttpRequest, bucket: str, form: forms.Form) -> None:
    """A valid send that :func:`too_many_sends` counted but that stored nothing after all (the date was
    booked out meanwhile) no longer counts toward the form's limits."""
    sender = _sender(request, form)
    rate_limits.take_back(bucket, sender)
    address = client_address(request)
    if sender != _client(address):
        rate_limits.take_back(f"{bucket}:valid", address)


# -- responses with personal data ----------------------------------------------------------------------


def no_store(response):
    """Keep a response with personal data out of every cache and its URL (a secret link) out of referrers.

    ``same-origin``, not ``no-referrer``: under ``no-referrer`` browsers send ``Origin: null`` with the
    page's own form POST, and Django's CSRF check refuses it. Other hosts still get no referrer.
    """
    patch_cache_control(response, private=True, no_store=True, no_cache=True, max_age=0)
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def private_no_store(view: Callable) -> Callable:
    """View decorator: :func:`no_store` on every answer of the view."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return no_store(view(request, *args, **kwargs))

    return wrapper


def for_visitors(view: Callable) -> Callable:
    """View decorator for what a visitor without an account sends: a public form's own address, or a link
    from a mail that asks on GET and acts on POST (:func:`ask_to_confirm`).

    GET and POST only. No CSRF token: public pages set no cookie, so the honeypot and the rate limits protect
    a form, and the signed token in its address a link. Every answer is kept out of caches
    (:func:`private_no_store`).
    """
    return csrf_exempt(private_no_store(require_http_methods(["GET", "POST"])(view)))


def notice(
    request: HttpRequest,
    title: str,
    text: str = "",
    status: int = 200,
    *,
    action: str = "",
    button: str = "",
    items=(),
    links: Sequence[tuple[str, str]] = (),
    about=None,
    about_detail: str = "",
) -> TemplateResponse:
    """The page ``notice.html``: what happened (``title``, ``text``, optional ``items``), an optional one-button
    form that POSTs to ``action``, and ``links`` onwards, ``(URL, text)`` each (without a form or a link of its own:
    the start page).

    ``about``: the listing it concerns (an event, an opportunity), shown as a link to it in the visitor's
    language and marked with its own language where that differs, followed by ``about_detail`` (say, the
    date; may be safe HTML).
    """
    context = {"title": title, "text": text, "action": action, "button": button, "items": items}
    context.update(links=links, about=about, about_detail=about_detail)
    return TemplateResponse(request, "notice.html", context, status=status)


def incomplete_link(request: HttpRequest, not_done: str) -> TemplateResponse:
    """The answer to a link from a mail whose token does not check out: cut off or mistyped, as mail programs
    do with long links. ``not_done`` says what did not happen ("Your alert has not been stopped."): the page had
    said "Alert stopped … we send you nothing more" while the alert went on sending. The visitor's way out
    is the link once more, or the page that deletes their data."""
    text = gettext(
        "Some mail programs cut long links. Please open the link in the mail once more, or copy all of it into "
        "the address bar of your browser."
    )
    return notice(
        request,
        gettext("This link is incomplete"),
        f"{not_done} {text}",
        status=404,
        links=[(reverse("data_requests:request"), gettext("Your data: request a copy or deletion"))],
    )


def mail_link(not_done: str) -> Callable:
    """View decorator for a link from a mail: a token that does not check out (:class:`IncompleteLink`, raised by
    ``unsign`` or by the view reading its token) is answered by :func:`incomplete_link`, saying what did
    ``not_done`` (lazily translated). A view reads its token before it changes anything, so a cut link changes
    nothing. Put it below :func:`for_visitors`."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def answer(request: HttpRequest, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except IncompleteLink:
                return incomplete_link(request, str(not_done))

        return answer

    return decorate


def check_your_mailbox(
    text, back: type | None = None, back_text="", back_link: Callable | None = None
) -> Callable:
    """The view a public form redirects to once it has sent a confirmation link: "Please check your mailbox"
    and ``text`` (what the link does, lazily translated), kept out of every cache.

    ``back``: the page model of the listing the form was about. The view's one URL argument is then the
    listing's id, and the page links back to it with ``back_text`` ("Back to the event"); an id that is no
    published listing is not found. ``back_link``: else a function of the request giving ``(URL, link text)``
    of where the visitor came from (a place alert's search).
    """

    @private_no_store
    def view(request: HttpRequest, **url_kwargs) -> TemplateResponse:
        if back is None:
            links = [back_link(request)] if back_link else []
            return notice(request, _("Please check your mailbox"), text, links=links)
        [(url_argument, listing_id)] = url_kwargs.items()
        listing = get_object_or_404(back.objects.live().public(), pk=listing_id)
        response = notice(
            request,
            _("Please check your mailbox"),
            text,
            links=[(localized_url(listing, request), back_text)],
        )
        response.context_data.update(about_page(listing, url_argument))
        return response

    return view


def ask_to_confirm(
    request: HttpRequest, title: str, text: str, button: str, items=(), **about
) -> TemplateResponse:
    """What a link from a mail (confirm, withdraw, stop) shows on GET: a :func:`notice` whose one button POSTs
    back to the same address, which then acts, so a mail program or scanner that opens the link changes
    nothing. ``about`` and ``about_detail`` as for :func:`notice`."""
    return notice(request, title, text, action=request.path, button=button, items=items, **about)
