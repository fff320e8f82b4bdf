"""Mails still waiting in the volunteers' own queue move to the core's outbox, owned by their sign-up."""

from django.db import migrations


def copy_to_core(apps, schema_editor):
    Old = apps.get_model("volunteers", "OutgoingMail")
    New = apps.get_model("core", "OutgoingMail")
    ContentType = apps.get_model("contenttypes", "ContentType")
    owner_type = None
    for mail in Old.objects.order_by("pk").iterator():
        if mail.application_id is not None and owner_type is None:
            owner_type, _created = ContentType.objects.get_or_create(
                app_label="volunteers", model="volunteerapplication"
            )
        New.objects.create(
            owner_type=owner_type if mail.application_id is not None else None,
            owner_id=mail.application_id,
            purpose=f"volunteers.{mail.purpose}"[:60],
            to=mail.to,
            subject=mail.subject,
            body=mail.body,
            headers=mail.headers,
            attachment_name=mail.attachment_name,
            attachment_content=mail.attachment_content,
            attachment_mimetype=mail.attachment_mimetype,
            created_at=mail.created_at,
            attempts=mail.attempts,
            next_attempt_at=mail.next_attempt_at,
            last_error=mail.last_error,
        )


def copy_back(apps, schema_editor):
    Old = apps.get_model("volunteers", "OutgoingMail")
    New = apps.get_model("core", "OutgoingMail")
    for mail in New.objects.filter(purpose__startswith="volunteers.").order_by("pk").iterator():
        Old.objects.create(
            application_id=mail.owner_id,
            purpose=mail.purpose.removeprefix("volunteers.")[:40],
            to=mail.to,
            subject=mail.subject,
            body=mail.body,
            headers=mail.headers,
            attachment_name=mail.attachment_name,
            attachment_content=mail.attachment_content,
            attachment_mimetype=mail.attachment_mimetype,
            created_at=mail.created_at,
            attempts=mail.attempts,
            next_attempt_at=mail.next_attempt_at,
            last_error=mail.last_error,
        )
        mail.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0003_office_group_may_view_volunteering_report"),
        ("core", "0011_outgoing_mail"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_to_core, copy_back)]
