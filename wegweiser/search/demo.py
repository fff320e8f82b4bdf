"""Starter synonyms: what newcomers type in their languages for what German providers write.

Each group is one German word (as listings say it) with the words for it in English, Arabic, Persian,
Ukrainian, Russian and Turkish. The office edits them in the admin ("Synonyms"); ``manage.py
search_starter_synonyms`` adds the groups that are not there yet (the demo town loads them).
"""

from __future__ import annotations

from wegweiser.search.models import Synonym

STARTER_SYNONYMS = [
    "Deutschkurs, Sprachkurs, German course, German class, language course, دورة لغة ألمانية, دورة ألمانية, "
    "دورة لغة, کلاس زبان آلمانی, دوره زبان آلمانی, کلاس زبان, دوره زبان, курс німецької, курси німецької мови, "
    "мовний курс, курс немецкого, курсы немецкого языка, языковой курс, Almanca kursu, Almanca kurs, dil kursu, "
    "Deutsch lernen, learn German, تعلم الألمانية, تعلم اللغة الألمانية, یادگیری آلمانی, یادگیری زبان آلمانی, "
    "вивчення німецької, вивчити німецьку, изучение немецкого, учить немецкий, Almanca öğrenmek, "
    "تعليم اللغة الألمانية, تعلم اللغة, تعليم اللغة, آموزش زبان آلمانی, آموزش آلمانی, آموزش زبان, "
    "уроки німецької, уроки німецької мови, уроки немецкого, Deutschunterricht, almani, nimecka, nemeckij, выучить немецкий, вивчити німецьку мову, "
    "آلمانی یاد بگیرم, زبان آلمانی یاد بگیرم, آلمانی یاد گرفتن",
    # "немецкий" (German) alone gave every listing, in alphabetical order: German is spoken in all of them
    "Deutsch, German, ألماني, الألمانية, آلمانی, німецька, німецький, німецької, немецкий, немецкого, "
    "немецкому, almanca, deutsche Sprache, German language, اللغة الألمانية, زبان آلمانی, німецька мова, "
    "немецкий язык, Almanca dili",
    "Kurs, Unterricht, course, class, lessons, دورة, كورس, دروس, دوره, کلاس, курс, уроки, заняття, занятия, "
    "kurs, ders",
    "Integrationskurs, integration course, دورة الاندماج, دوره ادغام, інтеграційний курс, "
    "интеграционный курс, uyum kursu, entegrasyon kursu, Integration, الاندماج, اندماج, انتگراسیون, ادغام, інтеграція, интеграция, entegrasyon",
    "Beratung, counselling, counseling, advice, استشارة, مشورة, مشاوره, консультація, консультация, "
    "danışmanlık",
    "Asyl, asylum, لجوء, پناهندگی, притулок, убежище, sığınma, iltica",
    # "çalışma" (work) found nothing; "iş ilanı" (job advert) found flats, whose Turkish label is "Konut ilanı"
    "Arbeit, Job, work, عمل, وظيفة, کار, شغل, робота, работа, iş, جوب, کاریابی, вакансії, вакансии, вакансия, "
    "iş ilanı, iş ilanları, çalışma, çalışmak, arbeiten, working, العمل, کار کردن, працювати, работать",
    "Wohnung, flat, apartment, housing, شقة, سكن, آپارتمان, خانه, квартира, житло, жильё, daire, konut, ev, بيت",
    "Arzt, Ärztin, doctor, طبيب, دكتور, پزشک, دکتر, лікар, врач, доктор, doktor",
    "Hebamme, midwife, قابلة, ماما, акушерка, ebe",
    "Kindergarten, Kita, Kindertagesstätte, day care, daycare, nursery, روضة أطفال, روضة, حضانة, مهد کودک, "
    "مهدکودک, дитячий садок, дитсадок, садочок, детский сад, садик, anaokulu, kreş, كيتا, کودکستان, кіта, "
    "детсад, детсадик, ясли, ясла",
    "Kinderbetreuung, childcare, child care, رعاية الأطفال, نگهداری از کودکان, догляд за дітьми, "
    "присмотр за детьми, çocuk bakımı",
    "Hausaufgabenhilfe, Hausaufgaben, Nachhilfe, homework, tutoring, واجبات مدرسية, دروس تقوية, تکالیف, "
    "کلاس تقویتی, домашні завдання, репетитор, домашнее задание, ödev, etüt, کمک درسی",
    "Schwimmkurs, Schwimmen, swimming, swimming course, سباحة, شنا, плавання, плавание, yüzme, مسبح, استخر, басейн, бассейн, havuz, "
    "Schwimmbad, Hallenbad, swimming pool, pool",
    # "psychological help", "مساعدة نفسية", "psikolojik destek" found first aid and homework help, not the
    # psychosocial counselling
    "psychosozial, Psychologe, Psychotherapie, psychologisch, Therapie, psychologist, psychological, "
    "psychosocial, mental health, therapy, طبيب نفسي, دعم نفسي, مساعدة نفسية, الصحة النفسية, روانشناس, "
    "روانشناسی, مشاوره روانی, سلامت روان, کمک روانی, психолог, психологічна, психологічний, психологическая, "
    "психологический, psikolog, psikolojik, Trauma, Depression, trauma, depression, صدمة نفسية, اكتئاب, "
    "افسردگی, депресія, депрессия, travma, depresyon",
    "Migrationsberatung, migration counselling, migration advice, استشارة الهجرة, مشاوره مهاجرت, "
    "міграційна консультація, миграционная консультация, göç danışmanlığı",
    "Familiennachzug, family reunification, لم الشمل, لم شمل الأسرة, الحاق خانواده, "
    "возз'єднання сім'ї, воссоединение семьи, aile birleşimi, aile birleşimi vizesi, Familienzusammenführung, "
    "Familie nachholen, family reunion",
    # No computer course in the demo town: "Computerkurs" found nothing, not even the digital help desk
    "digital, Computer, Computerkurs, Smartphone, Internet, computer course, حاسوب, كمبيوتر, کامپیوتر, "
    "رایانه, комп'ютер, компьютер, bilgisayar",
    "Schule, school, مدرسة, مدرسه, школа, okul",
    # "курс с ребенком" (a course with my child) left "ребенком" out: the group had the plural only
    "Kinder, Kind, children, child, kids, kid, أطفال, اطفال, طفل, کودکان, کودک, بچه, بچه‌ها, діти, дитина, дети, "
    "ребенок, ребёнок, çocuk, çocuklar, Baby, babies, رضيع, نوزاد, немовля, младенец, bebek",
    # "استشارة طبية" (medical advice) found only an escort to offices: "طبية" is neither "طبيب" nor "صحة"
    "Gesundheit, health, medical, صحة, الصحة, طبي, طبية, سلامت, بهداشت, پزشکی, здоров'я, здоровье, медичний, "
    "медицинский, sağlık, tıbbi",
    # Not the Arabic words for mother and father alone: "الأم" shares its stem with "الأمية" (illiteracy).
    "Eltern, Mutter, Mütter, Vater, Väter, parents, mother, father, الأهل, الوالدين, أولياء الأمور, والدین, "
    "مادر, پدر, батьки, мати, мама, батько, тато, родители, мать, отец, папа, ebeveyn, anne, baba, veli",
    "Familie, family, عائلة, أسرة, خانواده, сім'я, родина, семья, aile",
    "Aufenthalt, Aufenthaltstitel, Aufenthaltserlaubnis, residence, residence permit, إقامة, تصريح إقامة, "
    "اقامت, اجازه اقامت, посвідка на проживання, дозвіл на проживання, перебування, вид на жительство, "
    "пребывание, oturma izni, oturum, Visum, visa, віза, виза, vize, تأشيرة, ویزا, внж, ikamet",
    "Prüfung, exam, test, امتحان, اختبار, آزمون, іспит, экзамен, sınav",
    # "helfen" is not "Hilfe" by its stem: "Hilfe beim Amt" did not find "helfen Sie bei Terminen in Ämtern"
    "Hilfe, helfen, help, مساعدة, کمک, допомога, помощь, yardım",
    # Afghans call their Persian "Dari": "dari" found five flats and asked "Did you mean: darf"
    "Persisch, Farsi, Dari, Persian, فارسی, دری, перська, персидский, Farsça",
    # The Jobcenter pays the basic income: "işsizlik parası" (unemployment benefit) found a café and a festival
    # Ukrainians write "Bürgergeld" as they hear it: "бюргергельд" found nothing
    "Jobcenter, جوب سنتر, جاب سنتر, джобцентр, джоб центр, Bürgergeld, бюргергельд, Arbeitslosengeld, "
    "unemployment benefit, "
    "citizen's income, إعانة البطالة, مساعدة البطالة, بیمه بیکاری, کمک هزینه بیکاری, допомога по безробіттю, "
    "пособие по безработице, işsizlik parası, işsizlik maaşı, vatandaşlık geliri, Arbeitslosigkeit, "
    "unemployment, unemployed, البطالة, عاطل عن العمل, بیکاری, بیکار, безробіття, безробітний, безработица, "
    "безработный, işsizlik, işsiz",
    # "відомство у справах іноземців" is how the portal's own Ukrainian pages name the office; it found nothing
    "Ausländerbehörde, Ausländeramt, immigration office, foreigners' office, foreigners office, دائرة الأجانب, "
    "مكتب الأجانب, اداره اتباع خارجی, اداره خارجی‌ها, міграційна служба, відомство у справах іноземців, "
    "миграционная служба, ведомство по делам иностранцев, yabancılar dairesi, "
    "yabancılar şubesi",
    # "translate" found nothing, not "Sprachmittler", nor an English "Interpreting Arabic"
    "Dolmetscher, Übersetzung, Sprachmittler, Sprachmittlung, dolmetschen, übersetzen, interpreter, "
    "interpreting, translation, translate, translator, مترجم, ترجمة, ترجمه, перекладач, переклад, "
    "переводчик, перевод, tercüman, çeviri, çevirmen, tercümanlık",
    "Einbürgerung, Staatsangehörigkeit, citizenship, naturalisation, naturalization, تجنس, جنسية, تابعیت, "
    "شهروندی, громадянство, гражданство, vatandaşlık",
    "Gewalt, häusliche Gewalt, violence, domestic violence, عنف, عنف أسري, خشونت, خشونت خانگی, насильство, "
    "домашнє насильство, насилие, домашнее насилие, şiddet, aile içi şiddet",
    "Schwangerschaft, pregnancy, pregnant, حمل, حامل, بارداری, باردار, вагітність, вагітна, беременность, "
    "беременная, hamilelik, hamile, Geburt, birth, ولادة, زایمان, حاملگی, пологи, роды, doğum",
    "Führerschein, driving licence, driver's license, رخصة قيادة, رخصة سياقة, گواهینامه, گواهینامه رانندگی, "
    "посвідчення водія, водійські права, водительские права, ehliyet, sürücü belgesi",
    "Frauen, women, woman, نساء, امرأة, زنان, زن, жінки, жінок, жінка, женщины, женщин, kadınlar, kadın, سيدات, نسائي, خانم, خانم‌ها, خانمها",
    # Letters from an office are what newcomers most need help with: "رسالة من الجوب سنتر" (a letter from the
    # Jobcenter) found only the job application training ("رسالة التقديم", a cover letter), not the social
    # counselling that helps with "Anträgen" and "Bürgergeld"
    "Behörde, Behörden, Amt, Ämter, Dokumente, Papiere, Formulare, Antrag, Anträge, Brief, Briefe, documents, "
    "papers, paperwork, forms, letter, letters, أوراق, اوراق, وثائق, معاملات, رسالة, رسائل, مدارک, نامه, "
    "документи, документы, документами, лист, листи, письмо, письма, evrak, belgeler, belge, mektup",
    "Bewerbung, Lebenslauf, application, job application, CV, resume, résumé, سيرة ذاتية, رزومه, резюме, "
    "özgeçmiş, başvuru, iş başvurusu",
    "kostenlos, kostenfrei, gratis, free of charge, cheap, مجاني, مجانا, ببلاش, رخيص, رایگان, ارزان, "
    "безкоштовно, дешево, бесплатно, дешёво, ücretsiz, bedava, ucuz",
    "Schulden, debts, debt, ديون, قرض, بدهی, борги, долги, долг, borç, borçlar, Schuldnerberatung, debt advice, "
    "debt counselling, استشارة الديون, مشاوره بدهی, консультація щодо боргів, консультация по долгам, "
    "borç danışmanlığı",
    # "Anfänger" (beginners): a Russian "курс немецкого для начинающих" put the B1 and B2 courses first
    "Anfänger, Anfängerin, Anfängerinnen, Anfängerkurs, ohne Vorkenntnisse, beginners, beginner, "
    "for beginners, مبتدئين, للمبتدئين, مبتدئ, مبتدی, مبتدیان, برای مبتدیان, початківців, для початківців, "
    "початківці, начинающих, для начинающих, начинающие, başlangıç, başlayanlar, yeni başlayanlar, "
    "başlayanlar için",
    "Anerkennung, Anerkennungsberatung, Berufsanerkennung, recognition, recognition of qualifications, "
    "foreign qualifications, معادلة الشهادات, الاعتراف بالشهادات, معادلة, ارزشیابی مدرک, معادل سازی مدرک, "
    "визнання диплома, визнання дипломів, визнання кваліфікації, признание диплома, признание дипломов, "
    "признание квалификации, diploma denkliği, denklik",
    "Krankenversicherung, Krankenkasse, health insurance, تأمين صحي, التأمين الصحي, بیمه درمانی, بیمه سلامت, "
    "медичне страхування, медична страховка, медицинская страховка, медицинское страхование, "
    "sağlık sigortası",
    "Rechtsberatung, Rechtsanwalt, Anwalt, Anwältin, legal advice, lawyer, استشارة قانونية, محامي, محام, "
    "مشاوره حقوقی, وکیل, юридична консультація, юрист, адвокат, юридическая консультация, "
    "hukuki danışmanlık, avukat",
    "Fest, Festival, celebration, مهرجان, حفلة, جشن, جشنواره, фестиваль, свято, праздник, şenlik",
    "Veranstaltung, Veranstaltungen, event, events, فعالية, فعاليات, رویداد, رویدادها, захід, заходи, "
    "мероприятие, мероприятия, etkinlik, etkinlikler",
    "Kleidung, Kleiderkammer, clothes, clothing, ملابس, لباس, одяг, одежда, kıyafet, giysi",
    "Sprachcafé, Sprachcafe, language café, language exchange, conversation club, مقهى اللغة, تبادل لغوي, "
    "كافيه, کافه زبان, мовне кафе, розмовний клуб, языковое кафе, разговорный клуб, кафе, dil kafesi",
    "Alphabetisierung, Alphabetisierungskurs, literacy, reading and writing, محو الأمية, القراءة والكتابة, "
    "سوادآموزی, грамотність, грамотность, читать и писать, читати і писати, okuma yazma",
    "Ehrenamt, ehrenamtlich, Freiwillige, volunteer, volunteering, تطوع, متطوع, متطوعين, داوطلب, داوطلبانه, "
    "волонтер, волонтерство, волонтёр, gönüllü",
    # "اسعافات اولية" and "перша допомога" (first aid) found homework help and a family sponsorship
    "Erste Hilfe, first aid, إسعافات أولية, إسعاف أولي, کمک‌های اولیه, کمک های اولیه, перша допомога, "
    "первая помощь, ilk yardım",
    # "elderly" found nothing, not the seniors' meeting
    "Senioren, Seniorinnen, ältere Menschen, seniors, elderly, older people, كبار السن, مسنين, سالمندان, "
    "سالمند, літні люди, пенсіонери, пожилые, пенсионеры, yaşlılar, emekliler",
    # "nursing" found asylum counselling ("during" taken for a typo of it), not the nursing German course; not
    # "nurse", which the German rules read as "nur" (only)
    "Pflege, Pflegeberuf, Pflegekraft, nursing, care work, تمريض, ممرض, ممرضة, پرستاری, پرستار, "
    "медсестра, сиделка, hemşire, hemşirelik",
    # Learning, also as Persian says it, "یاد بگیرم" (that I learn; German, "آلمانی یاد بگیرم", in the first group):
    # "می‌خواهم زبان آلمانی یاد بگیرم" (I want to learn German) found a day care guide ("جا بگیرم", get a place)
    "lernen, learn, learning, تعلم, یادگیری, یاد گرفتن, یاد بگیرم, یاد میگیرم, вчити, вивчати, учить, изучать, "
    "öğrenmek, öğrenme",
]


def load_starter_synonyms() -> int:
    """Add the starter groups whose first (German) word has no group yet; returns how many were added."""
    existing = {synonym.term_list[0] for synonym in Synonym.objects.all() if synonym.term_list}
    added = 0
    for terms in STARTER_SYNONYMS:
        group = Synonym(terms=terms, note="Starter list")
        if group.term_list[0] not in existing:
            group.save()
            added += 1
    return added


def merge_starter_synonyms() -> int:
    """Add the starter list's words to the groups an installation already has for the same German word (a
    portal set up before a word joined the list keeps its own words and gets the new ones); returns how many
    groups were extended. A word the office removed comes back, so this runs only when asked for."""
    starter = {group.term_list[0]: group for group in (Synonym(terms=terms) for terms in STARTER_SYNONYMS)}
    extended = 0
    for synonym in Synonym.objects.all():
        words = synonym.term_list
        group = starter.get(words[0]) if words else None
        missing = (
            [term for term in group.terms.split(",") if term.strip().lower() not in words] if group else []
        )
        if missing:
            synonym.terms = ", ".join(
                [synonym.terms.strip().rstrip(","), *(term.strip() for term in missing)]
            )
            synonym.save()
            extended += 1
    return extended
