"""Tags for the mails of the review workflow (a partner submits, the office approves or asks for changes)."""

from __future__ import annotations

from django import template
from wagtail.models import TaskState

register = template.Library()


@register.simple_tag
def review_comment(obj) -> str:
    """``{% review_comment object as comment %}``: what the reviewer wrote with the last decision on ``obj``
    (a page), or ``""``. Wagtail's mail on an approval leaves out the comment the office wrote with it."""
    workflow_state = obj.workflow_states.order_by("-created_at").first()
    if workflow_state is None:
        return ""
    decided = TaskState.objects.filter(workflow_state=workflow_state).exclude(finished_at=None)
    task_state = decided.order_by("-finished_at").first()
    return (task_state.specific.get_comment() or "") if task_state else ""
