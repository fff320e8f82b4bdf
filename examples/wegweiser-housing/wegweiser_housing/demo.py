"""Demo housing offers for the fictional town, added by ``manage.py load_demo`` through the plugin API.

The offers mirror what integration offices actually collect: flats for families that accept the Jobcenter's
rent payment, a transitional flat for women, rooms with host families and in shared flats.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from wegweiser_housing.models import HousingKind, HousingOfferPage, Wbs

# organisation, slug, district, German fields, English fields, housing facts, terms
DEMO_OFFERS = [
    {
        "organisation": "caritas",
        "slug": "wohnraumvermittlung-3-zimmer-nordstadt",
        "district": "nordstadt",
        "street": "Lessingstraße 17",
        "de": {
            "title": "Wohnraumvermittlung: 3-Zimmer-Wohnung in der Nordstadt",
            "summary": "Helle 3-Zimmer-Wohnung im 2. Stock mit Balkon, nahe Grundschule und Straßenbahn. Die "
            "Vermieterin akzeptiert die Mietzahlung durch das Jobcenter. Die Caritas begleitet zur Besichtigung.",
            "cost_note": "Kaution 2 Monatsmieten, Übernahme durch das Jobcenter möglich",
        },
        "en": {
            "title": "Housing placement: 3-room flat in North Town",
            "summary": "Bright 3-room flat on the 2nd floor with a balcony, close to a primary school and the tram. "
            "The landlady accepts rent payment by the Jobcenter. Caritas comes with you to the viewing.",
            "cost_note": "Deposit of 2 months' rent; the Jobcenter may cover it",
        },
        "facts": {
            "kind": HousingKind.FLAT,
            "rooms": 3,
            "living_space": Decimal("74.5"),
            "rent_cold": Decimal("545"),
            "rent_warm": Decimal("720"),
            "available_in_days": 21,
            "wbs": Wbs.REQUIRED,
            "kdu_accepted": True,
            "family_suitable": True,
        },
        "topics": ("wohnen",),
        "target_groups": ("familien", "gefluechtete"),
        "languages": ("de", "ar", "en"),
    },
    {
        "organisation": "diakonie",
        "slug": "uebergangswohnung-frauen-kinder",
        "district": "suedstadt",
        "street": "Am Kirchhof 3",
        "de": {
            "title": "Übergangswohnung für Frauen mit Kindern",
            "summary": "Möblierte 2-Zimmer-Wohnung für eine Frau mit bis zu zwei Kindern, für bis zu zwölf Monate. "
            "Eine Sozialarbeiterin hilft bei der Suche nach einer eigenen Wohnung.",
            "cost_note": "Nutzungsentgelt, wird in der Regel vom Jobcenter oder Sozialamt übernommen",
        },
        "en": {
            "title": "Transitional flat for women with children",
            "summary": "Furnished 2-room flat for a woman with up to two children, for up to twelve months. A social "
            "worker helps you find a flat of your own.",
            "cost_note": "Usage fee, usually paid by the Jobcenter or social welfare office",
        },
        "facts": {
            "kind": HousingKind.TEMPORARY,
            "rooms": 2,
            "living_space": Decimal("48"),
            "rent_warm": Decimal("410"),
            "kdu_accepted": True,
            "furnished": True,
            "family_suitable": True,
            "cost": "funded",
        },
        "topics": ("wohnen", "beratung"),
        "target_groups": ("frauen", "familien"),
        "languages": ("de", "fa", "ar"),
    },
    {
        "organisation": "awo",
        "slug": "barrierefreie-2-zimmer-wohnung-am-hafen",
        "district": "am-hafen",
        "street": "Kaiweg 8",
        "de": {
            "title": "Barrierefreie 2-Zimmer-Wohnung am Hafen",
            "summary": "Ebenerdige Wohnung mit Aufzug und bodengleicher Dusche, geeignet für Menschen im Rollstuhl "
            "und ältere Menschen. Die Wohnungsbaugenossenschaft vermietet an Menschen mit WBS.",
            "cost_note": "Genossenschaftsanteile 500 €",
        },
        "en": {
            "title": "Barrier-free 2-room flat at the harbour",
            "summary": "Step-free flat with a lift and a level-access shower, suitable for wheelchair users and older "
            "people. The housing cooperative lets it to people with a WBS.",
            "cost_note": "Cooperative shares of €500",
        },
        "facts": {
            "kind": HousingKind.FLAT,
            "rooms": 2,
            "living_space": Decimal("56"),
            "rent_cold": Decimal("430"),
            "rent_warm": Decimal("565"),
            "wbs": Wbs.REQUIRED,
            "kdu_accepted": True,
            "barrier_free": True,
            "wheelchair_accessible": True,
        },
        "topics": ("wohnen",),
        "target_groups": ("senioren", "gefluechtete"),
        "languages": ("de", "tr"),
    },
    {
        "organisation": "mriya",
        "slug": "zimmer-bei-gastfamilie-weststadt",
        "district": "weststadt",
        "street": "Ahornweg 5",
        "de": {
            "title": "Zimmer bei einer Gastfamilie in der Weststadt",
            "summary": "Eine Familie bietet ein möbliertes Zimmer mit Mitbenutzung von Küche und Bad an. Die Familie "
            "spricht Ukrainisch und Russisch. Mriya vermittelt den Kontakt und hilft beim Mietvertrag.",
            "cost_note": "Pauschalmiete inklusive Nebenkosten",
        },
        "en": {
            "title": "Room with a host family in West Town",
            "summary": "A family offers a furnished room; kitchen and bathroom are shared. The family speaks "
            "Ukrainian and Russian. Mriya puts you in touch and helps with the tenancy agreement.",
            "cost_note": "Flat-rate rent including service charges",
        },
        "facts": {
            "kind": HousingKind.ROOM,
            "rooms": 1,
            "living_space": Decimal("14"),
            "rent_warm": Decimal("320"),
            "kdu_accepted": True,
            "furnished": True,
        },
        "topics": ("wohnen",),
        "target_groups": ("gefluechtete",),
        "languages": ("uk", "ru", "de"),
    },
    {
        "organisation": "awo",
        "slug": "wg-zimmer-altstadt-junge-erwachsene",
        "district": "altstadt",
        "street": "Mühlengasse 11",
        "de": {
            "title": "WG-Zimmer für junge Erwachsene in der Altstadt",
            "summary": "Zimmer in einer Wohngemeinschaft mit zwei Auszubildenden, fünf Minuten zur Berufsschule. "
            "Der Jugendmigrationsdienst begleitet den Einzug.",
            "cost_note": "",
        },
        "en": {
            "title": "Room in a shared flat for young adults in the Old Town",
            "summary": "Room in a shared flat with two apprentices, five minutes from the vocational school. The youth "
            "migration service helps you move in.",
            "cost_note": "",
        },
        "facts": {
            "kind": HousingKind.SHARED_FLAT,
            "rooms": 1,
            "living_space": Decimal("16"),
            "rent_warm": Decimal("390"),
            "available_in_days": 10,
            "furnished": True,
        },
        "topics": ("wohnen",),
        "target_groups": ("jugendliche",),
        "languages": ("de", "en", "ti"),
    },
    {
        "organisation": "familienzentrum",
        "slug": "4-zimmer-wohnung-grosse-familie-ostviertel",
        "district": "ostviertel",
        "street": "Birkenstraße 29",
        "de": {
            "title": "4-Zimmer-Wohnung für eine große Familie im Ostviertel",
            "summary": "Ruhige Wohnung mit Garten zur Mitbenutzung, Kita und Schule in der Nähe. Die städtische "
            "Wohnungsgesellschaft vergibt sie an eine Familie mit mindestens drei Kindern.",
            "cost_note": "Kaution 3 Monatsmieten",
        },
        "en": {
            "title": "4-room flat for a large family in the East Quarter",
            "summary": "Quiet flat with a shared garden, day-care centre and school nearby. The municipal housing "
            "company lets it to a family with at least three children.",
            "cost_note": "Deposit of 3 months' rent",
        },
        "facts": {
            "kind": HousingKind.FLAT,
            "rooms": 4,
            "living_space": Decimal("96"),
            "rent_cold": Decimal("690"),
            "rent_warm": Decimal("905"),
            "available_in_days": 45,
            "wbs": Wbs.REQUIRED,
            "kdu_accepted": True,
            "family_suitable": True,
        },
        "topics": ("wohnen", "kinder-schule"),
        "target_groups": ("familien",),
        "languages": ("de", "ar", "ku"),
    },
]


def load_housing_demo(ctx) -> None:
    """Create the demo housing offers, in German with an English translation (``ctx`` is a DemoContext)."""
    for offer in DEMO_OFFERS:
        organisation = ctx.organisations.get(offer["organisation"])
        if organisation is None:
            continue
        facts = dict(offer["facts"])
        days = facts.pop("available_in_days", None)
        available_from = ctx.today + datetime.timedelta(days=days) if days else None
        place = ctx.place_of(organisation)
        district = ctx.district(offer["district"])
        place.update(
            street=offer["street"],
            district=district,
            latitude=district.latitude,
            longitude=district.longitude,
            wheelchair_accessible=facts.pop("wheelchair_accessible", False),
        )
        page = HousingOfferPage(
            slug=offer["slug"],
            **offer["de"],
            **place,
            **facts,
            available_from=available_from,
            contact_name="Wohnraumvermittlung",
            contact_email=organisation.email,
            contact_phone=organisation.phone,
            registration="<p>Bitte vereinbaren Sie einen Besichtigungstermin. Bringen Sie Ihren Ausweis, den "
            "Bescheid des Jobcenters und, falls vorhanden, den WBS mit.</p>",
        )
        ctx.add(
            organisation,
            page,
            topics=ctx.topics(*offer["topics"]),
            target_groups=ctx.target_groups(*offer["target_groups"]),
            languages=ctx.languages(*offer["languages"]),
        )
        ctx.translate(
            page,
            **offer["en"],
            registration="<p>Please arrange a viewing. Bring your ID, the Jobcenter's decision and, if you have "
            "one, your WBS.</p>",
        )
