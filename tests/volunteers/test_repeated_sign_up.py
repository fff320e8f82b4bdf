"""The same address sends the sign-up form again: one sign-up, the page a first sign-up gets, and a mail
that says what happened, to that address only (the page must not tell a stranger who has signed up)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tests.volunteers.conftest import signup_data
from wegweiser.plugin_api.testing import body_of, link_path
from wegweiser.volunteers.models import VolunteerApplication

pytestmark = pytest.mark.django_db

EMAIL = "erika@example.org"


def sign_up(client, opportunity, language: str, **overrides):
    """Send the form on the opportunity's page in ``language``; the page the visitor is shown after it."""
    with translation.override(language):
        url = reverse("volunteers:signup", args=[opportunity.pk])
    sent = client.post(url, signup_data(**overrides))
    assert sent.status_code == 302
    page = client.get(sent["Location"])
    assert page.status_code == 200
    return sent["Location"], page.content.decode()


def confirm(client, mail) -> None:
    client.post(link_path(mail, "/ehrenamt/bestaetigen/"))


def test_a_confirmed_volunteer_who_signs_up_again_is_told_in_ukrainian_and_nothing_new_is_stored(
    client, opportunity, smtp_server
):
    first_page = sign_up(client, opportunity, "uk")
    [confirmation] = smtp_server.to(EMAIL)
    confirm(client, confirmation)
    assert len(smtp_server.to("kontakt@verein.example")) == 1

    again_page = sign_up(client, opportunity, "uk", email="Erika@Example.org ", name="Someone Else")

    assert again_page == first_page, "the page does not tell whether the address had signed up"
    application = VolunteerApplication.objects.get()
    assert (application.status, application.name) == ("confirmed", "Erika Mustermann")
    [_confirmation, already] = smtp_server.to(EMAIL)
    assert str(already["Subject"]).strip() == "Ви вже подали заявку: \u2068Sprachpatenschaft\u2069"
    body = body_of(already)
    assert "Ви вже подали заявку на «\u2068Sprachpatenschaft\u2069» (\u2068Verein A\u2069)." in body
    assert "Ваша заявка залишається без змін, другу ми не зберегли." in body
    assert "/ehrenamt/bestaetigen/" not in body and "Someone Else" not in body
    withdraw = link_path(already, "/ehrenamt/abmelden/")
    assert withdraw.startswith("/uk/")
    assert len(smtp_server.to("kontakt@verein.example")) == 1, "the organisation gets the person once"

    client.post(withdraw)
    assert VolunteerApplication.objects.get().status == "withdrawn"


def test_an_unconfirmed_sign_up_sent_again_by_anyone_keeps_its_details_and_its_link_comes_again_in_russian(
    client, opportunity, smtp_server
):
    """Anyone who knows the address can send the form: a stranger's name, phone and message had replaced the
    person's, who then confirmed them with the link from the first mail."""
    first_page = sign_up(client, opportunity, "ru", availability="montags")

    again_page = sign_up(
        client,
        opportunity,
        "ru",
        email="ERIKA@example.org",
        name="Someone Else",
        phone="0170 0000000",
        message="Bitte rufen Sie mich an.",
        availability="dienstags nachmittags",
    )

    assert again_page == first_page
    application = VolunteerApplication.objects.get()
    assert (application.status, application.name, application.phone, application.availability) == (
        "new",
        "Erika Mustermann",
        signup_data()["phone"],
        "montags",
    )
    assert application.message == signup_data()["message"]
    [first, second] = smtp_server.to(EMAIL)
    assert {str(mail["Subject"]).strip() for mail in (first, second)} == {
        "Пожалуйста, подтвердите заявку: \u2068Sprachpatenschaft\u2069"
    }
    assert link_path(second, "/ehrenamt/bestaetigen/").startswith("/ru/")
    confirm(client, second)
    assert VolunteerApplication.objects.get().status == "confirmed"
    assert len(smtp_server.to("kontakt@verein.example")) == 1


def test_after_withdrawing_the_same_address_can_sign_up_anew_and_is_then_signed_up_once(
    client, opportunity, smtp_server
):
    first_page = sign_up(client, opportunity, "de")
    [confirmation] = smtp_server.to(EMAIL)
    confirm(client, confirmation)
    client.post(link_path(confirmation, "/ehrenamt/abmelden/"))

    assert sign_up(client, opportunity, "de") == first_page
    assert sorted(VolunteerApplication.objects.values_list("status", flat=True)) == ["new", "withdrawn"]
    new_confirmation = smtp_server.to(EMAIL)[-1]
    assert (
        str(new_confirmation["Subject"]).strip()
        == "Bitte bestätigen Sie Ihre Anmeldung: \u2068Sprachpatenschaft\u2069"
    )
    confirm(client, new_confirmation)

    # Sent once more: the new sign-up is the one the person is told of, in German, and can withdraw.
    assert sign_up(client, opportunity, "de") == first_page
    already = smtp_server.to(EMAIL)[-1]
    assert str(already["Subject"]).strip() == "Sie sind bereits angemeldet: \u2068Sprachpatenschaft\u2069"
    assert "Ihre Anmeldung bleibt, wie sie ist; eine zweite haben wir nicht gespeichert." in body_of(already)
    client.post(link_path(already, "/ehrenamt/abmelden/"))
    assert sorted(VolunteerApplication.objects.values_list("status", flat=True)) == ["withdrawn", "withdrawn"]
