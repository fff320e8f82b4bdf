"""How the portal sees volunteer opportunities: the listing type and its facets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wegweiser.plugin_api import Facet, Language, ListingType, term_choices
from wegweiser.volunteers.demo import load_demo_opportunities
from wegweiser.volunteers.models import Suitability, VolunteerOpportunityPage


def _language_choices():
    return term_choices(Language)


def volunteer_listing_type() -> ListingType:
    return ListingType(
        key="volunteer",
        position=30,
        model=VolunteerOpportunityPage,
        label=_("Volunteer opportunity"),
        label_plural=_("Volunteering"),
        facets=[
            Facet(
                "commitment",
                _("Time commitment"),
                "commitment",
                choices=lambda: list(VolunteerOpportunityPage.Commitment.choices),
            ),
            Facet(
                "suitable_for",
                _("Suitable for"),
                "suitable_for__slug",
                choices=lambda: list(Suitability.Kind.choices),
            ),
            Facet(
                "languages_wanted", _("Languages wanted"), "languages_wanted__slug", choices=_language_choices
            ),
        ],
        document_fields={
            "commitment": lambda page: page.commitment,
            "places_free": lambda page: page.places_free,
        },
        card_template="volunteers/volunteer_opportunity_card.html",
        demo_content=load_demo_opportunities,
        prefetch=("suitable_for", "languages_wanted"),
        icon="group",
    )
