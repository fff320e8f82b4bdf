"""Who may see volunteers' personal data.

A sign-up belongs to the organisation that offers the opportunity: people who may edit the opportunity
through a page permission on the organisation's own subtree see it (the core's
:func:`~wegweiser.site.scoping.organisations_for` with ``own_only``). Page rights granted higher up (the
integration office's rights on the whole site) do not reveal personal data; that needs the explicit
permission ``volunteers.view_personal_data``.
"""

from __future__ import annotations

from django.db.models import QuerySet

from wegweiser.plugin_api import organisations_for
from wegweiser.volunteers.models import VolunteerApplication, VolunteerOpportunityPage

PERSONAL_DATA_PERMISSION = "volunteers.view_personal_data"


def sees_every_organisation(user) -> bool:
    return user.is_active and user.has_perm(PERSONAL_DATA_PERMISSION)


def opportunities_for(user) -> QuerySet:
    """Opportunities whose sign-ups ``user`` may see, with personal data."""
    if not user.is_authenticated or not user.is_active:
        return VolunteerOpportunityPage.objects.none()
    if sees_every_organisation(user):
        return VolunteerOpportunityPage.objects.all()
    return VolunteerOpportunityPage.objects.filter(organisation__in=organisations_for(user, own_only=True))


def applications_for(user) -> QuerySet:
    """The sign-ups ``user`` may open: confirmed ones (double opt-in) of their own opportunities."""
    return VolunteerApplication.objects.reached_organisation().filter(
        opportunity__in=opportunities_for(user).values("pk")
    )


def may_see_personal_data(user, application: VolunteerApplication) -> bool:
    opportunity = application.opportunity
    if not opportunities_for(user).filter(pk=opportunity.pk).exists():
        return False
    return sees_every_organisation(user) or opportunity.permissions_for_user(user).can_edit()
