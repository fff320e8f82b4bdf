"""A listing as schema.org JSON-LD, for open-data catalogues and search engines.

The schema.org type is the page model's ``schema_org_type`` attribute when a plugin sets one
(``"Course"``, ``"Event"``), else ``"Service"``, which fits counselling and offers alike. A listing whose
model implements :meth:`~wegweiser.site.models.Listing.structured_data` adds its own document on top
(the same one its public page carries).
"""

from __future__ import annotations

from wegweiser.api.records import Labels, full_url
from wegweiser.site.models import Listing
from wegweiser.site.structured_data import place_json_ld


def listing_jsonld(page, listing_type, request, labels: Labels) -> dict:
    url = full_url(page, request)
    document = {
        "@context": "https://schema.org",
        "@type": getattr(listing_type.model, "schema_org_type", "Service"),
        "@id": url,
        "identifier": str(page.translation_key),
        "url": url,
        "name": page.title,
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "isAccessibleForFree": page.cost == Listing.Cost.FREE,
        "about": [
            {"@type": "DefinedTerm", "termCode": t["slug"], "name": t["name"]}
            for t in _terms(page.topics, labels)
        ],
        "audience": [
            {"@type": "Audience", "audienceType": t["name"]} for t in _terms(page.target_groups, labels)
        ],
        "availableLanguage": [
            {"@type": "Language", "alternateName": t["slug"], "name": t["name"]}
            for t in _terms(page.languages, labels)
        ],
    }
    if page.organisation_id and page.organisation.live:
        document["provider"] = {
            "@type": "Organization",
            "name": page.organisation.title,
            "url": full_url(page.organisation, request),
        }
    if page.street or page.city or page.has_coordinates:
        location = place_json_ld(page, getattr(page, "place_name", "") or None)
        if page.wheelchair_accessible:
            location["amenityFeature"] = {
                "@type": "LocationFeatureSpecification",
                "name": "wheelchair accessible",
                "value": True,
            }
        document["location" if document["@type"] == "Event" else "areaServed"] = location
    if page.registration_url:
        document["potentialAction"] = {"@type": "RegisterAction", "target": page.registration_url}
    # The plugin's own document (course instances, event schedules) wins where both say something.
    document.update(page.structured_data(request) or {})
    return {key: value for key, value in document.items() if value not in (None, [], "")}


def _terms(related, labels: Labels) -> list[dict]:
    return labels.terms(related.all())
