"""The fictional town of Neustadt am Fluss: its districts, terms and partner organisations."""

TOWN = "Neustadt am Fluss"
POSTCODE = "34567"

DISTRICTS = [
    # slug, German, English, latitude, longitude
    ("altstadt", "Altstadt", "Old Town", 51.3127, 9.4797),
    ("nordstadt", "Nordstadt", "North Town", 51.3290, 9.4860),
    ("suedstadt", "Südstadt", "South Town", 51.2975, 9.4830),
    ("weststadt", "Weststadt", "West Town", 51.3140, 9.4540),
    ("ostviertel", "Ostviertel", "East Quarter", 51.3110, 9.5100),
    ("am-hafen", "Am Hafen", "Harbour", 51.3220, 9.5010),
]

TOPICS = [
    ("sprache", "Sprache", "Language"),
    ("arbeit", "Arbeit & Beruf", "Work & careers"),
    ("wohnen", "Wohnen", "Housing"),
    ("gesundheit", "Gesundheit", "Health"),
    ("kinder-schule", "Kinder & Schule", "Children & school"),
    ("aufenthalt", "Aufenthalt & Recht", "Residence & legal matters"),
    ("beratung", "Beratung", "Counselling"),
    ("freizeit", "Freizeit & Begegnung", "Leisure & meeting people"),
    ("ehrenamt", "Ehrenamt", "Volunteering"),
]

TARGET_GROUPS = [
    ("alle", "Alle", "Everyone"),
    ("frauen", "Frauen", "Women"),
    ("jugendliche", "Jugendliche und junge Erwachsene", "Young people"),
    ("familien", "Familien", "Families"),
    ("gefluechtete", "Geflüchtete", "Refugees"),
    ("eu-buerger", "EU-Bürgerinnen und -Bürger", "EU citizens"),
    ("senioren", "Seniorinnen und Senioren", "Older people"),
]

LANGUAGES = [
    # code, German name, English name, native name, direction
    ("de", "Deutsch", "German", "Deutsch", "ltr"),
    ("en", "Englisch", "English", "English", "ltr"),
    ("ar", "Arabisch", "Arabic", "العربية", "rtl"),
    ("fa", "Persisch (Farsi)", "Persian (Farsi)", "فارسی", "rtl"),
    ("uk", "Ukrainisch", "Ukrainian", "Українська", "ltr"),
    ("ru", "Russisch", "Russian", "Русский", "ltr"),
    ("tr", "Türkisch", "Turkish", "Türkçe", "ltr"),
    ("ku", "Kurdisch", "Kurdish", "Kurdî", "ltr"),
    ("ti", "Tigrinya", "Tigrinya", "ትግርኛ", "ltr"),
    ("fr", "Französisch", "French", "Français", "ltr"),
    ("pl", "Polnisch", "Polish", "Polski", "ltr"),
    ("ro", "Rumänisch", "Romanian", "Română", "ltr"),
    ("ps", "Paschtu", "Pashto", "پښتو", "rtl"),
    ("so", "Somali", "Somali", "Soomaali", "ltr"),
]

# slug, name, kind, district, street, summary (de), summary (en), email, phone
ORGANISATIONS = [
    ("caritas", "Caritasverband Neustadt e.V.", "welfare", "altstadt", "Domplatz 4",
     "Migrationsberatung für Erwachsene, Sozialberatung und Sprachcafé.",
     "Migration counselling for adults, social counselling and a language café.",
     "migration@caritas-neustadt.example", "05561 3030-0"),
    ("diakonie", "Diakonisches Werk Neustadt", "welfare", "suedstadt", "Kirchstraße 12",
     "Flüchtlingsberatung, Asylverfahrensberatung und Begleitung im Alltag.",
     "Counselling for refugees and asylum seekers, and support in everyday life.",
     "fluechtlingsberatung@diakonie-neustadt.example", "05561 4411"),
    ("awo", "AWO Kreisverband Neustadt", "welfare", "nordstadt", "Bahnhofstraße 31",
     "Jugendmigrationsdienst für junge Menschen von 12 bis 27 Jahren.",
     "Youth migration service for young people aged 12 to 27.",
     "jmd@awo-neustadt.example", "05561 2210"),
    ("vhs", "Volkshochschule Neustadt", "course_provider", "altstadt", "Am Markt 1",
     "Integrationskurse, Alphabetisierungskurse und Berufssprachkurse.",
     "Integration courses, literacy courses and job-related language courses.",
     "deutsch@vhs-neustadt.example", "05561 9090"),
    ("lingua-nova", "Sprachschule Lingua Nova GmbH", "course_provider", "weststadt", "Goethestraße 8",
     "Zugelassener Träger für Integrationskurse mit Kinderbetreuung.",
     "Licensed integration-course provider with childcare.",
     "info@lingua-nova.example", "05561 777 50"),
    ("jobcenter", "Jobcenter Neustadt", "authority", "am-hafen", "Hafenstraße 2",
     "Arbeitsvermittlung, Bürgergeld und Förderung der Sprachkurse.",
     "Job placement, basic income support and funding for language courses.",
     "jobcenter-neustadt@jobcenter-ge.example", "05561 555-0"),
    ("auslaenderbehoerde", "Ausländerbehörde der Stadt Neustadt", "authority", "altstadt", "Rathausplatz 1",
     "Aufenthaltstitel, Verlängerungen und Einbürgerung – Termine nur nach Vereinbarung.",
     "Residence permits, extensions and naturalisation – by appointment only.",
     "auslaenderbehoerde@neustadt.example", "05561 100-320"),
    ("drk", "Deutsches Rotes Kreuz, Ortsverein Neustadt", "welfare", "ostviertel", "Lindenallee 40",
     "Suchdienst, Erste-Hilfe-Kurse in mehreren Sprachen und Kleiderkammer.",
     "Tracing service, first-aid courses in several languages and a clothing store.",
     "kontakt@drk-neustadt.example", "05561 6060"),
    ("frauentreff", "Internationaler Frauentreff Neustadt e.V.", "association", "nordstadt", "Weberstraße 5",
     "Treffpunkt, Beratung und Kurse von Frauen für Frauen.",
     "A meeting place, counselling and courses by women for women.",
     "hallo@frauentreff-neustadt.example", "05561 8899"),
    ("mriya", "Ukrainischer Kulturverein „Mriya“ e.V.", "migrant", "weststadt", "Schillerstraße 21",
     "Begegnung, Beratung und Kulturarbeit für Menschen aus der Ukraine.",
     "Meeting, counselling and culture for people from Ukraine.",
     "info@mriya-neustadt.example", "05561 4321"),
    ("jasmin", "Syrisch-Deutscher Verein „Jasmin“ e.V.", "migrant", "ostviertel", "Uferweg 7",
     "Beratung auf Arabisch, Hausaufgabenhilfe und Elterncafé.",
     "Counselling in Arabic, homework help and a parents' café.",
     "kontakt@jasmin-neustadt.example", "05561 1234"),
    ("bibliothek", "Stadtbibliothek Neustadt", "authority", "altstadt", "Bücherstraße 3",
     "Mehrsprachige Medien, Lesestunden und offene Lernorte.",
     "Multilingual media, story times and open learning spaces.",
     "bibliothek@neustadt.example", "05561 100-450"),
    ("familienzentrum", "Familienzentrum Nordstadt", "association", "nordstadt", "Rosenweg 14",
     "Eltern-Kind-Gruppen, Familienberatung und Mittagstisch.",
     "Parent-and-child groups, family counselling and lunch.",
     "team@familienzentrum-nordstadt.example", "05561 3344"),
    ("ehrenamtsagentur", "Ehrenamtsagentur Neustadt", "association", "altstadt", "Marktgasse 9",
     "Vermittelt Ehrenamtliche an Sprachpatenschaften, Lesepatenschaften und Begleitung.",
     "Matches volunteers with language mentoring, reading mentoring and accompaniment.",
     "engagement@ehrenamt-neustadt.example", "05561 2468"),
    ("elternverein", "Türkisch-Deutscher Elternverein Neustadt e.V.", "migrant", "suedstadt", "Brunnenstraße 18",
     "Elternbildung, Schulberatung und Nachhilfe.",
     "Parent education, school counselling and tutoring.",
     "elternverein@tdev-neustadt.example", "05561 9876"),
]

CONTENT_PAGES = [
    # slug, German title, English title, German intro, English intro, in menu
    ("ueber-uns", "Über das Integrationsbüro", "About the integration office",
     "Das Integrationsbüro der Stadt Neustadt berät Neuzugewanderte, vernetzt Vereine und Träger und "
     "koordiniert die Integrationsarbeit in der Stadt.",
     "The integration office of the town of Neustadt advises newcomers, connects associations and providers, "
     "and coordinates integration work in the town.", True),
    ("leichte-sprache", "Leichte Sprache", "Easy German",
     "Hier finden Sie Informationen in Leichter Sprache. Wir helfen Menschen, die neu in Neustadt sind.",
     "Information in easy German. We help people who are new in Neustadt.", True),
    ("gebaerdensprache", "Gebärdensprache", "German Sign Language",
     "Informationen in Deutscher Gebärdensprache (DGS).",
     "Information in German Sign Language (DGS).", False),
    ("impressum", "Impressum", "Legal notice",
     "Stadt Neustadt am Fluss, Integrationsbüro, Rathausplatz 1, 34567 Neustadt am Fluss.",
     "Town of Neustadt am Fluss, integration office, Rathausplatz 1, 34567 Neustadt am Fluss.", False),
    ("datenschutz", "Datenschutz", "Privacy",
     "Dieses Portal setzt keine Cookies für Besucherinnen und Besucher, die kein Formular absenden, und lädt "
     "nichts von fremden Servern.",
     "This portal sets no cookies for visitors who do not submit a form and loads nothing from other servers.", False),
]
