"""The accessibility statement's feedback form is the portal's own (a message and an optional address, in
every language), no longer fields the office builds: earlier submissions keep what was sent, under the new
form's names ("message", "email"), before the office's field definitions go."""

from django.db import migrations


def carried_over(fields, data: dict) -> dict:
    """An earlier submission's ``data`` under the new form's names: the first e-mail field is the address, the
    other fields make the message (a field's label before its value where there were several)."""
    email_fields = [field for field in fields if field.field_type == "email"][:1]
    texts = [(field.label, data.get(field.clean_name)) for field in fields if field not in email_fields]
    texts = [(label, value) for label, value in texts if value not in (None, "", [])]
    if len(texts) == 1:
        message = str(texts[0][1])
    else:
        message = "\n".join(f"{label}: {value}" for label, value in texts)
    email = data.get(email_fields[0].clean_name, "") if email_fields else ""
    return {"message": message, "email": email}


def carry_submissions_over(apps, schema_editor):
    FeedbackFormField = apps.get_model("core", "FeedbackFormField")
    FormSubmission = apps.get_model("wagtailforms", "FormSubmission")
    fields_by_page = {}
    for field in FeedbackFormField.objects.order_by("sort_order", "pk"):
        fields_by_page.setdefault(field.page_id, []).append(field)
    for page_id, fields in fields_by_page.items():
        for submission in FormSubmission.objects.filter(page_id=page_id):
            if "message" not in (submission.form_data or {}):
                submission.form_data = carried_over(fields, submission.form_data or {})
                submission.save(update_fields=["form_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0016_organisation_kind_one_list"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [
        migrations.RunPython(carry_submissions_over, migrations.RunPython.noop, elidable=True),
        migrations.DeleteModel(
            name="FeedbackFormField",
        ),
    ]
