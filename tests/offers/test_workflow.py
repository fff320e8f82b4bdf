"""The review workflow: a partner submits, the office rejects with a comment, the partner fixes, the office approves."""

from __future__ import annotations

from django.core import mail
from wagtail.models import TaskState, WorkflowState

from tests.offers.admin_forms import offer_form_data
from wegweiser.offers.models import OfferPage


def _add_url(organisation) -> str:
    return f"/admin/pages/add/offers/offerpage/{organisation.pk}/"


def test_partner_submits_office_rejects_partner_fixes_office_approves(
    client, organisation_a, editor_a, office_user
):
    client.force_login(editor_a)
    response = client.post(
        _add_url(organisation_a), offer_form_data("publish", title="Sprachcafe", slug="sprachcafe")
    )
    assert response.status_code == 302
    offer = OfferPage.objects.get(slug="sprachcafe")
    assert not offer.live, "a partner without the publishing right must not publish directly"

    response = client.post(f"/admin/pages/{offer.pk}/edit/", offer_form_data("submit", title="Sprachcafe"))
    assert response.status_code == 302
    workflow_state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(offer.pk))
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = workflow_state.current_task_state

    client.force_login(office_user)
    mail.outbox.clear()
    response = client.post(
        f"/admin/pages/workflow/action/{offer.pk}/reject/{task_state.pk}/",
        {"comment": "Bitte die Uhrzeit ergänzen und den Titel korrigieren (Sprachcafé)."},
    )
    assert response.status_code in (200, 302)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment.startswith("Bitte die Uhrzeit")
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The partner is told what to change, not that the page was "abgelehnt" (rejected) by a login name
    [told] = [message for message in mail.outbox if editor_a.email in message.to]
    assert told.subject == "Bitte um Änderungen: „Sprachcafe“"
    assert "Das Integrationsbüro bittet um Änderungen an „Sprachcafe“" in told.body
    assert "Bitte die Uhrzeit ergänzen und den Titel korrigieren (Sprachcafé)." in told.body
    assert "abgelehnt" not in told.body + told.subject and office_user.username not in told.body
    offer.refresh_from_db()
    assert not offer.live

    client.force_login(editor_a)
    response = client.post(
        f"/admin/pages/{offer.pk}/edit/",
        offer_form_data("submit", title="Sprachcafé", opening_hours="Mittwochs 15–17 Uhr"),
    )
    assert response.status_code == 302
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    new_task_state = workflow_state.current_task_state

    client.force_login(office_user)
    mail.outbox.clear()
    response = client.post(
        f"/admin/pages/workflow/action/{offer.pk}/approve/{new_task_state.pk}/",
        {"comment": "Danke! Bitte halten Sie die freien Plätze aktuell."},
    )
    assert response.status_code in (200, 302)
    offer.refresh_from_db()
    assert offer.live
    # Wagtail's mail on an approval left out the comment the office wrote with it
    [told] = [message for message in mail.outbox if editor_a.email in message.to]
    assert told.subject == "„Sprachcafé“ wurde freigegeben"
    assert "Danke! Bitte halten Sie die freien Plätze aktuell." in told.body
    assert offer.title == "Sprachcafé" and offer.opening_hours == "Mittwochs 15–17 Uhr"

    client.logout()
    page = client.get(offer.url)
    assert page.status_code == 200
    assert "Mittwochs 15–17 Uhr" in page.content.decode()


def test_organisation_with_publishing_right_publishes_directly(client, organisation_a, editor_a):
    organisation_a.may_publish_directly = True
    organisation_a.save_revision().publish()
    client.force_login(editor_a)
    client.post(_add_url(organisation_a), offer_form_data("publish", title="Sprachcafe", slug="sprachcafe"))
    assert OfferPage.objects.get(slug="sprachcafe").live


def test_partner_cannot_create_an_offer_below_another_organisation(
    client, organisation_a, organisation_b, editor_a
):
    client.force_login(editor_a)
    response = client.post(_add_url(organisation_b), offer_form_data("submit", slug="eingeschmuggelt"))
    assert response.status_code in (302, 403)
    assert not OfferPage.objects.filter(slug="eingeschmuggelt").exists()
