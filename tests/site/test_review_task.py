"""A portal set up before the office's review asked for a comment keeps its review task, turned in place by
migration 0024: the pages waiting in it stay waiting, with the same task and the office's group."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowTask

from wegweiser.site.models import OfficeReviewTask

pytestmark = pytest.mark.django_db

turn = importlib.import_module("wegweiser.site.migrations.0024_turn_the_review_task")


def test_the_review_task_of_an_earlier_setup_is_turned_in_place_and_back(db):
    office = Group.objects.create(name="Integrationsbüro Testhausen")
    review = GroupApprovalTask.objects.create(name=turn.REVIEW_TASK_NAME)
    review.groups.set([office])
    own = GroupApprovalTask.objects.create(name="Zweite Prüfung der Rechtsabteilung")
    workflow = Workflow.objects.create(name="Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    schema_editor = SimpleNamespace(connection=connection)

    turn.to_office_review(apps, schema_editor)

    turned = Task.objects.get(pk=review.pk).specific
    assert isinstance(turned, OfficeReviewTask) and turned.name == turn.REVIEW_TASK_NAME
    assert list(turned.groups.all()) == [office]
    assert list(workflow.tasks.all()) == [Task.objects.get(pk=review.pk)], "the same task in the workflow"
    assert not GroupApprovalTask.objects.filter(pk=review.pk).exists()
    assert isinstance(Task.objects.get(pk=own.pk).specific, GroupApprovalTask), "an office's own task stays"

    turn.to_group_approval(apps, schema_editor)

    back = Task.objects.get(pk=review.pk).specific
    assert isinstance(back, GroupApprovalTask) and list(back.groups.all()) == [office]
    assert not OfficeReviewTask.objects.filter(pk=review.pk).exists()
