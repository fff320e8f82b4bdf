"""What the limit on public forms means for a newcomer: sends with mistakes do not use it up, valid sends
are limited per email address, so that the people on one shelter's Wi-Fi each send their own, and a flood of
any sends from one connection stops at a ceiling twenty times as high.

Each send reaches "another app server" (every process-local cache cleared): the counts live in the database.
"""

from __future__ import annotations

import html

import pytest
from django.urls import reverse
from django.utils import translation

from tests.site.test_public_forms import (
    ALICE,
    BOB,
    FORMS,
    PROXY,
    PublicForm,
    account_form,
    another_server,
    event_form,
    feedback_form,
    from_client,
    volunteer_form,
)
from wegweiser.search.models import PlaceAlert
from wegweiser.site.models import RateLimitCounter

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def behind_the_reverse_proxy(settings):
    settings.WEGWEISER_TRUSTED_PROXIES = [PROXY]
    with translation.override("de"):
        yield


def place_alert_form() -> PublicForm:
    url = reverse("search:place_alert")
    data = {"type": "offer", "kind": "course", "email": "amira@example.org", "consent": "on", "homepage": ""}
    return PublicForm(url, url, data, 302)


def data_request_form() -> PublicForm:
    url = reverse("data_requests:request")
    return PublicForm(url, url, {"email": "olena@example.org", "action": "export", "homepage": ""}, 302)


ALL_FORMS = [*FORMS, "place alert", "data request"]

#: Each form's rate-limit bucket, the message that refuses a send beyond its limit, one mistake a visitor
#: makes in it and the message that points it out.
#: Every form refuses in the same words, whichever of its limits a send met.
REFUSAL = "This form has been sent too often in the last hour. Please try again in an hour."
WRONG_EMAIL = ({"email": "amina-at-example"}, "Please enter a valid email address, e.g. name@example.org.")
TABLE = {
    "account request": (
        "account-request",
        REFUSAL,
        WRONG_EMAIL,
    ),
    "volunteer sign-up": (
        "volunteer-signup",
        REFUSAL,
        WRONG_EMAIL,
    ),
    "event registration": (
        "event-registration",
        REFUSAL,
        WRONG_EMAIL,
    ),
    "accessibility feedback": (
        "feedback",
        REFUSAL,
        ({"message": ""}, "Please describe the barrier."),
    ),
    "place alert": (
        "place-alert",
        REFUSAL,
        WRONG_EMAIL,
    ),
    "data request": (
        "data-request",
        REFUSAL,
        WRONG_EMAIL,
    ),
}


@pytest.fixture
def public_form(request, home, organisation_a) -> PublicForm:
    return {
        "account request": account_form,
        "volunteer sign-up": lambda: volunteer_form(organisation_a),
        "event registration": lambda: event_form(organisation_a),
        "accessibility feedback": lambda: feedback_form(home),
        "place alert": place_alert_form,
        "data request": data_request_form,
    }[request.param]()


def stored(public_form: PublicForm) -> int:
    """Everything any of the forms could store, and every mail it could queue."""
    return public_form.stored() + PlaceAlert.objects.count()


class Visitor:
    """Sends one public form from one connection, each time to another app server."""

    def __init__(self, client, public_form: PublicForm, address: str):
        self.client, self.form, self.address = client, public_form, address

    def send(self, person: int = 0, **overrides):
        """The form as filled in by one person (another ``person`` number: another person's email address on
        the same connection; ``overrides`` change fields)."""
        data = {**self.form.data, **overrides}
        if person and "@" in data.get("email", ""):
            data["email"] = f"person{person}.{data['email']}"
        another_server()
        answer = self.client.post(self.form.post_url, data, **from_client(self.address))
        answer.text = html.unescape(answer.content.decode())
        return answer

    def send_empty(self):
        """The form sent without filling in anything: every field as the browser sends it, blank."""
        return self.send(**dict.fromkeys(self.form.data, ""))


def visitor(request, client, public_form, address=ALICE) -> tuple[Visitor, str, str, dict, str]:
    bucket, refusal, (mistake, pointed_out) = TABLE[request.node.callspec.params["public_form"]]
    assert translation.gettext(refusal) != refusal, "the refusal is translated"
    return Visitor(client, public_form, address), bucket, translation.gettext(refusal), mistake, pointed_out


@pytest.mark.parametrize("public_form", ALL_FORMS, indirect=True)
def test_mistakes_do_not_use_up_the_limit_and_five_valid_sends_are_taken(
    client, public_form, smtp_server, request
):
    alice, _bucket, refusal, mistake, pointed_out = visitor(request, client, public_form)

    for _attempt in range(3):
        mistyped = alice.send(**mistake)
        shown = mistyped.text.replace("\u2066", "").replace("\u2069", "")  # the example address is isolated
        assert translation.gettext(pointed_out) in shown, "the mistake is pointed out"
        assert "Bitte korrigieren Sie Folgendes:" in shown
        assert mistyped.status_code != 429 and refusal not in mistyped.text
    assert stored(public_form) == 0

    valid = [alice.send().status_code for _send in range(5)]
    assert valid == [public_form.success_status] * 5, "three mistakes, then all five sends are taken"

    empty = alice.send_empty()
    assert empty.status_code != 429 and refusal not in empty.text, "an empty form is not answered as a flood"

    before = stored(public_form)
    refused = alice.send()
    assert refused.status_code == 429
    assert refusal in refused.text
    # Nothing to correct: the summary had said "Bitte korrigieren Sie Folgendes:" above the refusal.
    assert "Das Formular wurde nicht gesendet:" in refused.text
    assert "korrigieren" not in refused.text
    assert stored(public_form) == before, "a refused send stores nothing and queues no mail"

    from_bob = Visitor(client, public_form, BOB).send(person=1)
    assert from_bob.status_code == public_form.success_status, "another connection keeps its own limit"


@pytest.mark.parametrize(
    "public_form", [form for form in ALL_FORMS if form != "accessibility feedback"], indirect=True
)
def test_fifteen_people_on_one_shared_connection_each_send_the_form(
    client, public_form, smtp_server, request
):
    """Everyone on a shelter's Wi-Fi, in a course room or behind a mobile carrier's shared address sends from one
    connection: the sixth of them was refused "Too many registrations from your connection"."""
    shelter, _bucket, refusal, _mistake, _pointed_out = visitor(request, client, public_form)

    answers = [shelter.send(person=person) for person in range(1, 16)]
    assert [answer.status_code for answer in answers] == [public_form.success_status] * 15
    assert not [answer for answer in answers if refusal in answer.text]

    repeated = [shelter.send(person=15).status_code for _send in range(5)]
    assert repeated == [public_form.success_status] * 4 + [429], "one address still gets five mails at most"


@pytest.mark.parametrize("public_form", ALL_FORMS, indirect=True)
def test_a_flood_of_mistaken_sends_is_refused_at_twenty_times_the_limit(
    client, public_form, smtp_server, settings, request
):
    alice, bucket, refusal, mistake, _pointed_out = visitor(request, client, public_form)
    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {bucket: 2}

    garbage = [alice.send(**mistake) for _send in range(40)]
    assert not [answer for answer in garbage if answer.status_code == 429]

    flood = alice.send(**mistake)
    assert flood.status_code == 429 and refusal in flood.text
    valid = alice.send()
    assert valid.status_code == 429 and refusal in valid.text, "beyond the ceiling even a valid send waits"
    assert stored(public_form) == 0

    from_bob = Visitor(client, public_form, BOB).send()
    assert from_bob.status_code == public_form.success_status


@pytest.mark.parametrize("public_form", ["event registration"], indirect=True)
def test_valid_sends_to_ever_new_addresses_stop_at_six_times_the_limit(
    client, public_form, smtp_server, settings, request
):
    """One connection mailing strangers, or holding an event's places under made-up addresses, meets a ceiling
    of its own: six times the form's limit, above a course room's people sending the form one by one."""
    alice, bucket, refusal, _mistake, _pointed_out = visitor(request, client, public_form)
    settings.WEGWEISER_PUBLIC_FORM_LIMITS = {bucket: 2}

    taken = [alice.send(person=person).status_code for person in range(1, 13)]
    assert taken == [public_form.success_status] * 12
    before = stored(public_form)
    flood = alice.send(person=13)
    assert flood.status_code == 429 and refusal in flood.text
    assert stored(public_form) == before


@pytest.mark.parametrize("public_form", ["volunteer sign-up"], indirect=True)
def test_a_connection_may_send_a_hundred_times_an_hour_whatever_it_sends(client, public_form, request):
    alice, _bucket, refusal, _mistake, _pointed_out = visitor(request, client, public_form)

    answers = [alice.send(name="").status_code for _send in range(99)] + [alice.send().status_code]
    assert answers == [400] * 99 + [302]
    refused = alice.send(person=1)
    assert refused.status_code == 429 and refusal in refused.text
    # Three counts (the address's valid sends, the connection's valid sends and its sends of any kind), in the
    # database every server reads.
    assert sorted(RateLimitCounter.objects.values_list("count", flat=True)) == [1, 1, 101]
