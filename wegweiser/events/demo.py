"""Demo events of the fictional town: one-off evenings, weekly Sprachcafés, a monthly breakfast, one cancellation."""

from __future__ import annotations

import datetime

from wegweiser.events import demo_translations
from wegweiser.events.models import EventException, EventPage
from wegweiser.events.recurrence import BERLIN

# (org, slug, title_de, title_en, summary_de, summary_en, day offset, start hour, hours, topics, groups, languages,
#  cost, extra fields)
EVENTS = [
    (
        "vhs",
        "infoabend-integrationskurse",
        "Infoabend Integrationskurse",
        "Information evening: integration courses",
        "Wie melde ich mich zum Integrationskurs an? Wer bezahlt? Die VHS beantwortet alle Fragen.",
        "How do I sign up for an integration course? Who pays? The adult education centre answers all questions.",
        6,
        18,
        2,
        ("sprache",),
        ("alle", "gefluechtete"),
        ("de", "ar", "uk"),
        "free",
        {},
    ),
    (
        "ehrenamtsagentur",
        "interkulturelle-woche",
        "Interkulturelle Woche",
        "Intercultural Week",
        "Eine Woche mit Festen, Lesungen, Filmen und offenen Türen in der ganzen Stadt.",
        "A week of festivals, readings, films and open doors all over town.",
        20,
        0,
        0,
        ("freizeit",),
        ("alle",),
        ("de", "en"),
        "free",
        {"all_day": True, "end_offset_days": 6},
    ),
    (
        "caritas",
        "sprachcafe-dienstag",
        "Sprachcafé",
        "Language café",
        "Jeden Dienstag Deutsch sprechen üben, bei Kaffee und Tee, ohne Anmeldung.",
        "Practise speaking German every Tuesday over coffee and tea, no registration needed.",
        None,
        19,
        2,
        ("sprache", "freizeit"),
        ("alle",),
        ("de",),
        "free",
        {"recurrence_frequency": "WEEKLY", "recurrence_weekdays": ["TU"], "weekday": 1},
    ),
    (
        "diakonie",
        "sprechstunde-migrationsberatung",
        "Offene Sprechstunde Migrationsberatung",
        "Open office hours: migration counselling",
        "Fragen zu Aufenthalt, Familiennachzug und Behörden – jeden Donnerstag ohne Termin.",
        "Questions about residence, family reunification and authorities – every Thursday without appointment.",
        None,
        10,
        2,
        ("beratung", "aufenthalt"),
        ("gefluechtete", "familien"),
        ("de", "ar", "fa", "en"),
        "free",
        {"recurrence_frequency": "WEEKLY", "recurrence_weekdays": ["TH"], "weekday": 3},
    ),
    (
        "frauentreff",
        "frauenfruehstueck",
        "Internationales Frauenfrühstück",
        "International women's breakfast",
        "Am ersten Freitag im Monat: Frühstück, Austausch und Kinderbetreuung.",
        "On the first Friday of the month: breakfast, conversation and childcare.",
        None,
        9,
        2,
        ("freizeit",),
        ("frauen",),
        ("de", "ar", "tr", "fa"),
        "free",
        {
            "recurrence_frequency": "MONTHLY",
            "recurrence_weekdays": ["FR"],
            "recurrence_week_of_month": 1,
            "first_friday": True,
            "recurrence_count": 12,
        },
    ),
    (
        "ehrenamtsagentur",
        "fest-der-kulturen-marktplatz",
        "Fest der Kulturen",
        "Festival of cultures",
        "Musik, Tanz und Essen aus aller Welt auf dem Marktplatz.",
        "Music, dance and food from all over the world.",
        27,
        14,
        6,
        ("freizeit",),
        ("alle", "familien"),
        ("de", "en", "ar", "uk", "tr"),
        "free",
        {},
    ),
    (
        "elternverein",
        "elternabend-schule",
        "Elternabend: Das deutsche Schulsystem",
        "Parents' evening: German schools",
        "Von der Grundschule bis zum Abitur: wie das Schulsystem funktioniert, mit Dolmetschung.",
        "From primary school to A levels: how the school system works, with interpreters.",
        9,
        19,
        2,
        ("kinder-schule",),
        ("familien",),
        ("de", "ar", "uk", "ru"),
        "free",
        {},
    ),
    (
        "jobcenter",
        "bewerbungstraining-termin",
        "Bewerbungstraining",
        "Job application training",
        "Lebenslauf, Anschreiben und Vorstellungsgespräch üben. Bitte anmelden, 12 Plätze.",
        "Practise CV, cover letter and interview. Please register, 12 places.",
        12,
        9,
        4,
        ("arbeit",),
        ("alle",),
        ("de",),
        "free",
        {"registration_mode": "internal", "capacity": 12},
    ),
    (
        "bibliothek",
        "vorlesestunde-mehrsprachig",
        "Mehrsprachige Vorlesestunde",
        "Multilingual story time",
        "Bilderbücher auf Deutsch und in den Sprachen der Kinder, jeden zweiten Samstag.",
        "Picture books in German and in the children's languages, every other Saturday.",
        None,
        11,
        1,
        ("kinder-schule", "sprache"),
        ("familien",),
        ("de", "uk", "ar"),
        "free",
        {
            "recurrence_frequency": "WEEKLY",
            "recurrence_weekdays": ["SA"],
            "recurrence_interval": 2,
            "weekday": 5,
        },
    ),
    (
        "auslaenderbehoerde",
        "info-einbuergerung",
        "Informationsveranstaltung Einbürgerung",
        "Information on naturalisation",
        "Voraussetzungen, Unterlagen und Ablauf der Einbürgerung nach dem neuen Recht.",
        "Requirements, documents and procedure of naturalisation under the new law.",
        15,
        17,
        2,
        ("aufenthalt",),
        ("alle",),
        ("de", "en"),
        "free",
        {},
    ),
    (
        "awo",
        "kochabend-international",
        "Internationaler Kochabend",
        "International cooking evening",
        "Gemeinsam kochen und essen – jede und jeder bringt ein Rezept mit.",
        "Cook and eat together – everyone brings a recipe.",
        8,
        18,
        3,
        ("freizeit",),
        ("alle",),
        ("de", "ar", "fa"),
        "reduced",
        {"registration_mode": "internal", "capacity": 16, "cost_note": "5 € für Zutaten"},
    ),
    (
        "drk",
        "erste-hilfe-kurs",
        "Erste-Hilfe-Kurs mit Dolmetschung",
        "First aid course with interpreting",
        "Ein Tag Erste Hilfe für Führerschein und Beruf, mit Dolmetschung ins Arabische.",
        "A day of first aid for the driving licence and work, interpreted into Arabic.",
        18,
        9,
        8,
        ("gesundheit",),
        ("alle",),
        ("de", "ar"),
        "fee",
        {"cost_note": "45 €"},
    ),
    (
        "mriya",
        "ukrainischer-abend",
        "Ukrainischer Kulturabend",
        "Ukrainian cultural evening",
        "Lieder, Gedichte und Gespräche – Ukrainerinnen und Ukrainer laden die Nachbarschaft ein.",
        "Songs, poems and conversation – Ukrainians invite the neighbourhood.",
        11,
        18,
        3,
        ("freizeit",),
        ("alle",),
        ("uk", "de"),
        "free",
        {},
    ),
    (
        "jasmin",
        "beratung-online",
        "Online-Sprechstunde auf Arabisch",
        "Online office hours in Arabic",
        "Fragen zu Schule, Arbeit und Behörden per Videokonferenz.",
        "Questions about school, work and authorities by video call.",
        None,
        17,
        1,
        ("beratung",),
        ("gefluechtete",),
        ("ar",),
        "free",
        {
            "recurrence_frequency": "WEEKLY",
            "recurrence_weekdays": ["MO"],
            "weekday": 0,
            "online_url": "https://meet.example.org/jasmin-sprechstunde",
            "online_only": True,
        },
    ),
    (
        "familienzentrum",
        "krabbelgruppe",
        "Internationale Krabbelgruppe",
        "International toddler group",
        "Spielen, singen, andere Eltern kennenlernen – jeden Mittwochvormittag.",
        "Play, sing and meet other parents – every Wednesday morning.",
        None,
        10,
        2,
        ("kinder-schule", "freizeit"),
        ("familien",),
        ("de", "tr", "ar"),
        "free",
        {
            "recurrence_frequency": "WEEKLY",
            "recurrence_weekdays": ["WE"],
            "weekday": 2,
            "recurrence_count": 20,
        },
    ),
    (
        "lingua-nova",
        "einstufungstest",
        "Einstufungstest Deutschkurse",
        "German course placement test",
        "Welcher Kurs passt? Kostenloser Einstufungstest ohne Termin.",
        "Which course fits? Free placement test.",
        4,
        9,
        3,
        ("sprache",),
        ("alle",),
        ("de",),
        "free",
        {},
    ),
    (
        "vhs",
        "lesecafe",
        "Lesecafé Leichte Sprache",
        "Reading café in easy German",
        "Kurze Texte in Leichter Sprache lesen und darüber sprechen.",
        "Read short texts in easy German and talk.",
        5,
        15,
        2,
        ("sprache",),
        ("alle", "senioren"),
        ("de",),
        "free",
        {},
    ),
    (
        "caritas",
        "wohnungssuche-workshop",
        "Workshop Wohnungssuche",
        "Workshop: finding a flat",
        "Wie finde ich eine Wohnung? Anzeigen lesen, Besichtigung, Mietvertrag.",
        "How do I find a flat? Reading adverts, viewings, tenancy agreements.",
        13,
        16,
        2,
        ("wohnen",),
        ("gefluechtete", "familien"),
        ("de", "ar", "uk"),
        "free",
        {"status": "cancelled", "status_note": "Die Referentin ist erkrankt. Neuer Termin folgt."},
    ),
    (
        "ehrenamtsagentur",
        "ehrenamtsboerse",
        "Ehrenamtsbörse",
        "Volunteering fair",
        "Vereine stellen sich vor: Sprachpatenschaften, Begleitung, Hausaufgabenhilfe.",
        "Associations present themselves: language mentoring, accompanying, homework help.",
        23,
        11,
        4,
        ("ehrenamt",),
        ("alle",),
        ("de", "en"),
        "free",
        {},
    ),
    (
        "diakonie",
        "gesundheit-infoabend",
        "Gesundheitsversorgung in Deutschland",
        "Health care in Germany",
        "Krankenversicherung, Hausarzt, Notfall: ein Abend mit Dolmetschung.",
        "Health insurance, GP, emergencies: an evening with interpreters.",
        16,
        18,
        2,
        ("gesundheit",),
        ("gefluechtete",),
        ("de", "fa", "ar", "ti"),
        "free",
        {},
    ),
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=BERLIN)


def _first_day(ctx, offset, extra) -> datetime.date:
    today = ctx.today
    if "weekday" in extra:
        return today + datetime.timedelta(days=(extra["weekday"] - today.weekday()) % 7)
    if extra.get("first_friday"):
        month_start = today.replace(day=1)
        first = month_start + datetime.timedelta(days=(4 - month_start.weekday()) % 7)
        return first
    return today + datetime.timedelta(days=offset)


def load_event_demo(ctx) -> None:
    model_fields = {field.name for field in EventPage._meta.get_fields()}
    for row in EVENTS:
        (
            org_slug,
            slug,
            title_de,
            title_en,
            summary_de,
            summary_en,
            offset,
            hour,
            hours,
            topics,
            groups,
            langs,
        ) = row[:12]
        cost, extra = row[12], dict(row[13])
        organisation = ctx.organisations.get(org_slug)
        if organisation is None:
            continue
        day = _first_day(ctx, offset, extra)
        start = _at(day, hour)
        fields = {name: value for name, value in extra.items() if name in model_fields}
        if extra.get("all_day"):
            end = _at(day + datetime.timedelta(days=extra.get("end_offset_days", 0)), 0)
        else:
            end = start + datetime.timedelta(hours=hours)
        place = {} if extra.get("online_only") else ctx.place_of(organisation)
        event = EventPage(
            title=title_de,
            slug=slug,
            summary=summary_de,
            start=start,
            end=end,
            cost=cost,
            contact_email=organisation.email,
            **place,
            **fields,
        )
        if event.recurrence_frequency == "WEEKLY" and slug == "sprachcafe-dienstag":
            event.exceptions = [
                EventException(
                    occurrence_date=day + datetime.timedelta(days=14),
                    action="cancel",
                    note="Fällt wegen Feiertag aus.",
                ),
            ]
        ctx.add(
            organisation,
            event,
            topics=ctx.topics(*topics),
            target_groups=ctx.target_groups(*groups),
            languages=ctx.languages(*langs),
        )
        ctx.translate(event, title=title_en, summary=summary_en)
        for language, (title, summary) in demo_translations.EVENTS.get(slug, {}).items():
            exceptions = [
                EventException(
                    occurrence_date=exception.occurrence_date,
                    action=exception.action,
                    note=demo_translations.CANCELLED_NOTE[language],
                )
                for exception in event.exceptions.all()
            ]
            ctx.translate(event, language, title=title, summary=summary, exceptions=exceptions)
