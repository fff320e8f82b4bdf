# The portal's review step becomes its own task type, whose "Request changes" asks for what to change
# (wegweiser.site.models.workflows). The task setup_portal made ("Prüfung durch das Integrationsbüro", a
# Wagtail group approval task) is turned into one in place: the same task, so that the pages waiting in it stay
# waiting and its history stays; other group approval tasks an office made itself stay as they are.

from django.db import migrations

REVIEW_TASK_NAME = "Prüfung durch das Integrationsbüro"


def _turn(apps, schema_editor, source: tuple[str, str], target: tuple[str, str]) -> None:
    """The review task, from the ``source`` task type to the ``target`` one: the task row stays (its id, name,
    workflows, states), its type's row and groups move."""
    Source = apps.get_model(*source)
    Target = apps.get_model(*target)
    Task = apps.get_model("wagtailcore", "Task")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label=target[0], model=target[1].lower())
    alias = schema_editor.connection.alias
    for old in Source.objects.using(alias).filter(name=REVIEW_TASK_NAME):
        groups = list(old.groups.all())
        turned = Target(task_ptr_id=old.pk, name=old.name, active=old.active, content_type_id=content_type.pk)
        turned.save_base(raw=True, using=alias)  # the type's own row only: the task row is there
        turned.groups.set(groups)
        Source.groups.through.objects.using(alias).filter(**{f"{source[1].lower()}_id": old.pk}).delete()
        Source.objects.using(alias).filter(pk=old.pk)._raw_delete(alias)  # the old type's row only
        Task.objects.using(alias).filter(pk=old.pk).update(content_type=content_type)


def to_office_review(apps, schema_editor):
    _turn(apps, schema_editor, ("wagtailcore", "GroupApprovalTask"), ("core", "OfficeReviewTask"))


def to_group_approval(apps, schema_editor):
    _turn(apps, schema_editor, ("core", "OfficeReviewTask"), ("wagtailcore", "GroupApprovalTask"))


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0023_office_review_task"),
    ]

    operations = [migrations.RunPython(to_office_review, to_group_approval)]
