"""The demo town in every portal language: terms, the home page, the menu pages and the organisations
whose listings the plugins translate. German stays the source; English names of terms live in ``data``."""

from __future__ import annotations

# Languages besides German and English that the demo ships in full (terms, home page, finders, menu pages).
OTHER_LANGUAGES = ("ar", "fa", "uk", "ru", "tr")
# Languages in which a third of the listings (and the organisations holding them) are translated.
LISTING_LANGUAGES = ("ar", "fa", "uk")

TOPICS = {
    "sprache": {"ar": "اللغة", "fa": "زبان", "uk": "Мова", "ru": "Язык", "tr": "Dil"},
    "arbeit": {
        "ar": "العمل والمهنة",
        "fa": "کار و حرفه",
        "uk": "Робота і професія",
        "ru": "Работа и профессия",
        "tr": "İş ve meslek",
    },
    "wohnen": {"ar": "السكن", "fa": "مسکن", "uk": "Житло", "ru": "Жильё", "tr": "Konut"},
    "gesundheit": {"ar": "الصحة", "fa": "سلامت", "uk": "Здоров'я", "ru": "Здоровье", "tr": "Sağlık"},
    "kinder-schule": {
        "ar": "الأطفال والمدرسة",
        "fa": "کودکان و مدرسه",
        "uk": "Діти і школа",
        "ru": "Дети и школа",
        "tr": "Çocuklar ve okul",
    },
    "aufenthalt": {
        "ar": "الإقامة والقانون",
        "fa": "اقامت و حقوق",
        "uk": "Перебування і право",
        "ru": "Пребывание и право",
        "tr": "Oturum ve hukuk",
    },
    "beratung": {
        "ar": "الاستشارة",
        "fa": "مشاوره",
        "uk": "Консультації",
        "ru": "Консультации",
        "tr": "Danışmanlık",
    },
    "freizeit": {
        "ar": "أوقات الفراغ واللقاءات",
        "fa": "اوقات فراغت و دیدار",
        "uk": "Дозвілля і зустрічі",
        "ru": "Досуг и встречи",
        "tr": "Boş zaman ve buluşma",
    },
    "ehrenamt": {
        "ar": "العمل التطوعي",
        "fa": "کار داوطلبانه",
        "uk": "Волонтерство",
        "ru": "Волонтёрство",
        "tr": "Gönüllülük",
    },
}

TARGET_GROUPS = {
    "alle": {"ar": "الجميع", "fa": "همه", "uk": "Усі", "ru": "Все", "tr": "Herkes"},
    "frauen": {"ar": "النساء", "fa": "زنان", "uk": "Жінки", "ru": "Женщины", "tr": "Kadınlar"},
    "jugendliche": {"ar": "الشباب", "fa": "جوانان", "uk": "Молодь", "ru": "Молодёжь", "tr": "Gençler"},
    "familien": {"ar": "العائلات", "fa": "خانواده‌ها", "uk": "Сім'ї", "ru": "Семьи", "tr": "Aileler"},
    "gefluechtete": {
        "ar": "اللاجئون",
        "fa": "پناهجویان",
        "uk": "Біженці",
        "ru": "Беженцы",
        "tr": "Mülteciler",
    },
    "eu-buerger": {
        "ar": "مواطنو الاتحاد الأوروبي",
        "fa": "شهروندان اتحادیه اروپا",
        "uk": "Громадяни ЄС",
        "ru": "Граждане ЕС",
        "tr": "AB vatandaşları",
    },
    "senioren": {
        "ar": "كبار السن",
        "fa": "سالمندان",
        "uk": "Люди похилого віку",
        "ru": "Пожилые люди",
        "tr": "Yaşlılar",
    },
}

LANGUAGES = {
    "de": {"ar": "الألمانية", "fa": "آلمانی", "uk": "Німецька", "ru": "Немецкий", "tr": "Almanca"},
    "en": {"ar": "الإنجليزية", "fa": "انگلیسی", "uk": "Англійська", "ru": "Английский", "tr": "İngilizce"},
    "ar": {"ar": "العربية", "fa": "عربی", "uk": "Арабська", "ru": "Арабский", "tr": "Arapça"},
    "fa": {
        "ar": "الفارسية",
        "fa": "فارسی",
        "uk": "Перська (фарсі)",
        "ru": "Персидский (фарси)",
        "tr": "Farsça",
    },
    "uk": {"ar": "الأوكرانية", "fa": "اوکراینی", "uk": "Українська", "ru": "Украинский", "tr": "Ukraynaca"},
    "ru": {"ar": "الروسية", "fa": "روسی", "uk": "Російська", "ru": "Русский", "tr": "Rusça"},
    "tr": {"ar": "التركية", "fa": "ترکی", "uk": "Турецька", "ru": "Турецкий", "tr": "Türkçe"},
    "ku": {"ar": "الكردية", "fa": "کردی", "uk": "Курдська", "ru": "Курдский", "tr": "Kürtçe"},
    "ti": {"ar": "التغرينية", "fa": "تیگرینیا", "uk": "Тигринья", "ru": "Тигринья", "tr": "Tigrinya"},
    "fr": {"ar": "الفرنسية", "fa": "فرانسوی", "uk": "Французька", "ru": "Французский", "tr": "Fransızca"},
    "pl": {"ar": "البولندية", "fa": "لهستانی", "uk": "Польська", "ru": "Польский", "tr": "Lehçe"},
    "ro": {"ar": "الرومانية", "fa": "رومانیایی", "uk": "Румунська", "ru": "Румынский", "tr": "Rumence"},
    "ps": {"ar": "البشتو", "fa": "پشتو", "uk": "Пушту", "ru": "Пушту", "tr": "Peştuca"},
    "so": {"ar": "الصومالية", "fa": "سومالیایی", "uk": "Сомалі", "ru": "Сомалийский", "tr": "Somalice"},
}

DISTRICTS = {
    "altstadt": {
        "ar": "المدينة القديمة",
        "fa": "شهر قدیم",
        "uk": "Старе місто",
        "ru": "Старый город",
        "tr": "Eski Şehir",
    },
    "nordstadt": {
        "ar": "شمال المدينة",
        "fa": "شمال شهر",
        "uk": "Північне місто",
        "ru": "Северный район",
        "tr": "Kuzey Şehir",
    },
    "suedstadt": {
        "ar": "جنوب المدينة",
        "fa": "جنوب شهر",
        "uk": "Південне місто",
        "ru": "Южный район",
        "tr": "Güney Şehir",
    },
    "weststadt": {
        "ar": "غرب المدينة",
        "fa": "غرب شهر",
        "uk": "Західне місто",
        "ru": "Западный район",
        "tr": "Batı Şehir",
    },
    "ostviertel": {
        "ar": "الحي الشرقي",
        "fa": "محله شرقی",
        "uk": "Східний квартал",
        "ru": "Восточный квартал",
        "tr": "Doğu Mahallesi",
    },
    "am-hafen": {
        "ar": "منطقة الميناء",
        "fa": "منطقه بندر",
        "uk": "Біля порту",
        "ru": "У гавани",
        "tr": "Liman",
    },
}

HOME = {
    "de": {
        "title": "Willkommen in Neustadt am Fluss",
        "intro": "Sprachkurse, Beratung, Veranstaltungen und Ehrenamt: Hier finden Sie die Angebote der Stadt "
        "und ihrer Partner – in Ihrer Sprache.",
        "topics": "Was brauchen Sie?",
        "steps": "Neu in Neustadt – die ersten Schritte",
        "steps_intro": "Was ist wann zu tun, von der Ankunft bis zur Einbürgerung? Jeder Schritt führt zu "
        "passenden Angeboten.",
        "dates": "Die nächsten Veranstaltungen",
        "contact": "So erreichen Sie das Integrationsbüro",
        "hours": "Mo–Do 9–16 Uhr, Fr 9–12 Uhr",
        "link": "Passende Angebote",
    },
    "en": {
        "title": "Welcome to Neustadt am Fluss",
        "intro": "Language courses, counselling, events and volunteering: the offers of the town and its "
        "partners – in your language.",
        "topics": "What do you need?",
        "steps": "New in Neustadt – first steps",
        "steps_intro": "What to do in which order, from arrival to naturalisation. Each step leads to "
        "matching offers.",
        "dates": "Next events",
        "contact": "How to reach the integration office",
        "hours": "Mon–Thu 9:00–16:00, Fri 9:00–12:00",
        "link": "Matching offers",
    },
    "ar": {
        "title": "مرحبًا بكم في نويشتات أم فلوس",
        "intro": "دورات اللغة والاستشارات والفعاليات والعمل التطوعي: هنا تجدون عروض المدينة وشركائها بلغتكم.",
        "topics": "ماذا تحتاج؟",
        "steps": "جديد في نويشتات – الخطوات الأولى",
        "steps_intro": "ماذا تفعل وبأي ترتيب، من الوصول حتى التجنس. كل خطوة تقودك إلى العروض المناسبة.",
        "dates": "الفعاليات القادمة",
        "contact": "كيف تتواصل مع مكتب الاندماج",
        "hours": "الاثنين–الخميس من 9:00 إلى 16:00، الجمعة من 9:00 إلى 12:00",
        "link": "العروض المناسبة",
    },
    "fa": {
        "title": "به نویشتات آم فلوس خوش آمدید",
        "intro": "کلاس‌های زبان، مشاوره، رویدادها و کار داوطلبانه: پیشنهادهای شهر و شرکای آن را اینجا به زبان "
        "خودتان پیدا کنید.",
        "topics": "به چه چیزی نیاز دارید؟",
        "steps": "تازه‌وارد در نویشتات – نخستین گام‌ها",
        "steps_intro": "از ورود تا تابعیت، چه کاری را به چه ترتیبی انجام دهید. هر گام شما را به پیشنهادهای "
        "مناسب می‌رساند.",
        "dates": "رویدادهای پیش رو",
        "contact": "راه‌های تماس با دفتر ادغام",
        "hours": "دوشنبه تا پنجشنبه از 9:00 تا 16:00، جمعه از 9:00 تا 12:00",
        "link": "پیشنهادهای مناسب",
    },
    "uk": {
        "title": "Ласкаво просимо до Нойштадта-на-Флусі",
        "intro": "Мовні курси, консультації, заходи та волонтерство: тут ви знайдете пропозиції міста та його "
        "партнерів – вашою мовою.",
        "topics": "Що вам потрібно?",
        "steps": "Нові в Нойштадті – перші кроки",
        "steps_intro": "Що робити і в якому порядку – від приїзду до натуралізації. Кожен крок веде до "
        "відповідних пропозицій.",
        "dates": "Найближчі заходи",
        "contact": "Як зв'язатися з бюро інтеграції",
        "hours": "Пн–Чт 9:00–16:00, Пт 9:00–12:00",
        "link": "Відповідні пропозиції",
    },
    "ru": {
        "title": "Добро пожаловать в Нойштадт-на-Флусе",
        "intro": "Языковые курсы, консультации, мероприятия и волонтёрство: здесь вы найдёте предложения "
        "города и его партнёров – на вашем языке.",
        "topics": "Что вам нужно?",
        "steps": "Впервые в Нойштадте – первые шаги",
        "steps_intro": "Что делать и в каком порядке – от приезда до натурализации. Каждый шаг ведёт к "
        "подходящим предложениям.",
        "dates": "Ближайшие мероприятия",
        "contact": "Как связаться с бюро по интеграции",
        "hours": "Пн–Чт 9:00–16:00, Пт 9:00–12:00",
        "link": "Подходящие предложения",
    },
    "tr": {
        "title": "Neustadt am Fluss'a hoş geldiniz",
        "intro": "Dil kursları, danışmanlık, etkinlikler ve gönüllülük: şehrin ve ortaklarının tekliflerini "
        "burada kendi dilinizde bulabilirsiniz.",
        "topics": "Neye ihtiyacınız var?",
        "steps": "Neustadt'ta yeni misiniz? İlk adımlar",
        "steps_intro": "Varıştan vatandaşlığa kadar neyi hangi sırayla yapmalısınız? Her adım sizi uygun "
        "tekliflere götürür.",
        "dates": "Yaklaşan etkinlikler",
        "contact": "Uyum bürosuna nasıl ulaşılır",
        "hours": "Pzt–Per 9:00–16:00, Cum 9:00–12:00",
        "link": "Uygun teklifler",
    },
}

# The topic tiles: topic slug and icon; their names come from the (translated) topics.
TILES = [
    ("sprache", "language"),
    ("arbeit", "work"),
    ("wohnen", "housing"),
    ("gesundheit", "health"),
    ("kinder-schule", "children"),
    ("aufenthalt", "residence"),
    ("beratung", "counselling"),
    ("freizeit", "meeting"),
]

# From arrival to naturalisation: the topic whose offers a step links to, then its title and text per language.
FIRST_STEPS = [
    (
        "beratung",
        {
            "de": (
                "Wohnung anmelden",
                "Melden Sie sich innerhalb von zwei Wochen nach dem Einzug im Bürgerbüro an. "
                "Bringen Sie Ihren Pass und die Bestätigung des Vermieters mit.",
            ),
            "en": (
                "Register your address",
                "Register at the citizens' office within two weeks of moving in. Bring "
                "your passport and your landlord's confirmation.",
            ),
            "ar": (
                "تسجيل عنوان السكن",
                "سجّل في مكتب المواطنين خلال أسبوعين من الانتقال إلى السكن. أحضر جواز سفرك وتأكيد المؤجر.",
            ),
            "fa": (
                "ثبت نشانی محل سکونت",
                "ظرف دو هفته پس از نقل مکان در دفتر شهروندی ثبت‌نام کنید. گذرنامه و تأییدیه "
                "صاحب‌خانه را همراه داشته باشید.",
            ),
            "uk": (
                "Зареєструвати адресу",
                "Зареєструйтеся в бюро громадян протягом двох тижнів після заселення. "
                "Візьміть паспорт і підтвердження від орендодавця.",
            ),
            "ru": (
                "Зарегистрировать адрес",
                "Зарегистрируйтесь в бюро граждан в течение двух недель после "
                "заселения. Возьмите паспорт и подтверждение арендодателя.",
            ),
            "tr": (
                "Adresinizi kaydettirin",
                "Taşındıktan sonra iki hafta içinde vatandaş bürosuna kaydolun. "
                "Pasaportunuzu ve ev sahibinin onayını getirin.",
            ),
        },
    ),
    (
        "aufenthalt",
        {
            "de": (
                "Aufenthaltstitel",
                "Die Ausländerbehörde erteilt und verlängert Ihren Aufenthaltstitel. "
                "Buchen Sie früh einen Termin.",
            ),
            "en": (
                "Residence permit",
                "The immigration office issues and extends your residence permit. Book an appointment early.",
            ),
            "ar": ("تصريح الإقامة", "تصدر دائرة شؤون الأجانب تصريح إقامتك وتمدده. احجز موعدًا مبكرًا."),
            "fa": (
                "اجازه اقامت",
                "اداره اتباع خارجی اجازه اقامت شما را صادر و تمدید می‌کند. زودتر وقت بگیرید.",
            ),
            "uk": (
                "Дозвіл на проживання",
                "Відомство у справах іноземців видає і продовжує ваш дозвіл на "
                "проживання. Запишіться на прийом заздалегідь.",
            ),
            "ru": (
                "Вид на жительство",
                "Ведомство по делам иностранцев выдаёт и продлевает ваш вид на "
                "жительство. Запишитесь на приём заранее.",
            ),
            "tr": (
                "Oturma izni",
                "Yabancılar dairesi oturma izninizi verir ve uzatır. Erkenden randevu alın.",
            ),
        },
    ),
    (
        "sprache",
        {
            "de": (
                "Integrationskurs",
                "Lernen Sie Deutsch und das Leben in Deutschland kennen: 600 Stunden "
                "Sprachkurs und 100 Stunden Orientierungskurs.",
            ),
            "en": (
                "Integration course",
                "Learn German and about life in Germany: 600 hours of language course and "
                "100 hours of orientation course.",
            ),
            "ar": (
                "دورة الاندماج",
                "تعلّم اللغة الألمانية والحياة في ألمانيا: 600 ساعة دورة لغة و100 ساعة دورة توجيهية.",
            ),
            "fa": (
                "دوره ادغام",
                "زبان آلمانی و زندگی در آلمان را بیاموزید: 600 ساعت کلاس زبان و 100 ساعت دوره آشنایی.",
            ),
            "uk": (
                "Інтеграційний курс",
                "Вивчайте німецьку мову та життя в Німеччині: 600 годин мовного курсу і "
                "100 годин орієнтаційного курсу.",
            ),
            "ru": (
                "Интеграционный курс",
                "Изучайте немецкий язык и жизнь в Германии: 600 часов языкового курса "
                "и 100 часов ориентационного курса.",
            ),
            "tr": (
                "Uyum kursu",
                "Almancayı ve Almanya'daki yaşamı öğrenin: 600 saat dil kursu ve 100 saat oryantasyon kursu.",
            ),
        },
    ),
    (
        "arbeit",
        {
            "de": (
                "Arbeit und Jobcenter",
                "Das Jobcenter hilft bei der Arbeitssuche und zahlt Bürgergeld. Lassen "
                "Sie Ihre Abschlüsse anerkennen.",
            ),
            "en": (
                "Work and the job centre",
                "The job centre helps you find work and pays citizen's income. Have "
                "your qualifications recognised.",
            ),
            "ar": (
                "العمل ومركز العمل",
                "يساعدك مركز العمل في البحث عن عمل ويدفع إعانة المواطن. اطلب الاعتراف بشهاداتك.",
            ),
            "fa": (
                "کار و مرکز کاریابی",
                "مرکز کاریابی در پیدا کردن کار کمک می‌کند و کمک‌هزینه شهروندی می‌پردازد. "
                "مدارک تحصیلی خود را به رسمیت بشناسانید.",
            ),
            "uk": (
                "Робота і джобцентр",
                "Джобцентр допомагає шукати роботу і виплачує громадянську допомогу. Визнайте свої дипломи.",
            ),
            "ru": (
                "Работа и джобцентр",
                "Джобцентр помогает найти работу и выплачивает гражданское пособие. "
                "Подтвердите свои дипломы.",
            ),
            "tr": (
                "İş ve iş merkezi",
                "İş merkezi iş bulmanıza yardım eder ve vatandaşlık parası öder. Diplomalarınızın tanınmasını sağlayın.",
            ),
        },
    ),
    (
        "kinder-schule",
        {
            "de": (
                "Kita und Schule",
                "Kinder ab sechs Jahren müssen zur Schule gehen. Melden Sie Ihr Kind früh "
                "für einen Kita-Platz an.",
            ),
            "en": (
                "Day care and school",
                "Children from the age of six must go to school. Register your child "
                "early for a day-care place.",
            ),
            "ar": (
                "الحضانة والمدرسة",
                "يجب على الأطفال من سن السادسة الذهاب إلى المدرسة. سجّل طفلك مبكرًا "
                "للحصول على مكان في الحضانة.",
            ),
            "fa": (
                "مهدکودک و مدرسه",
                "کودکان از شش سالگی باید به مدرسه بروند. فرزندتان را زود برای مهدکودک ثبت‌نام کنید.",
            ),
            "uk": (
                "Дитсадок і школа",
                "Діти з шести років мають ходити до школи. Запишіть дитину до дитсадка заздалегідь.",
            ),
            "ru": (
                "Детский сад и школа",
                "Дети с шести лет обязаны ходить в школу. Запишите ребёнка в детский сад заранее.",
            ),
            "tr": (
                "Kreş ve okul",
                "Altı yaşından itibaren çocukların okula gitmesi zorunludur. Çocuğunuzu kreş "
                "için erkenden kaydettirin.",
            ),
        },
    ),
    (
        "gesundheit",
        {
            "de": (
                "Krankenversicherung",
                "Alle in Deutschland brauchen eine Krankenversicherung. Wählen Sie eine "
                "Krankenkasse und eine Hausärztin oder einen Hausarzt.",
            ),
            "en": (
                "Health insurance",
                "Everyone in Germany needs health insurance. Choose a health insurance fund "
                "and a family doctor.",
            ),
            "ar": (
                "التأمين الصحي",
                "يحتاج الجميع في ألمانيا إلى تأمين صحي. اختر صندوق تأمين صحي وطبيب أسرة.",
            ),
            "fa": (
                "بیمه درمانی",
                "همه در آلمان به بیمه درمانی نیاز دارند. یک صندوق بیمه و یک پزشک خانواده انتخاب کنید.",
            ),
            "uk": (
                "Медичне страхування",
                "Кожен у Німеччині потребує медичного страхування. Оберіть лікарняну "
                "касу і сімейного лікаря.",
            ),
            "ru": (
                "Медицинская страховка",
                "Каждому в Германии нужна медицинская страховка. Выберите больничную "
                "кассу и семейного врача.",
            ),
            "tr": (
                "Sağlık sigortası",
                "Almanya'da herkesin sağlık sigortası olmalıdır. Bir sağlık sigortası "
                "kurumu ve aile hekimi seçin.",
            ),
        },
    ),
    (
        "aufenthalt",
        {
            "de": (
                "Einbürgerung",
                "Nach fünf Jahren können Sie meist die deutsche Staatsangehörigkeit beantragen. "
                "Lassen Sie sich zu den Voraussetzungen beraten.",
            ),
            "en": (
                "Naturalisation",
                "After five years you can usually apply for German citizenship. Get advice on "
                "the requirements.",
            ),
            "ar": (
                "التجنس",
                "بعد خمس سنوات يمكنك غالبًا التقدم بطلب الجنسية الألمانية. احصل على استشارة حول الشروط.",
            ),
            "fa": (
                "تابعیت",
                "معمولاً پس از پنج سال می‌توانید برای تابعیت آلمان درخواست دهید. درباره شرایط آن "
                "مشاوره بگیرید.",
            ),
            "uk": (
                "Натуралізація",
                "Зазвичай через п'ять років можна подати заяву на німецьке громадянство. "
                "Отримайте консультацію щодо умов.",
            ),
            "ru": (
                "Натурализация",
                "Обычно через пять лет можно подать заявление на немецкое гражданство. "
                "Получите консультацию об условиях.",
            ),
            "tr": (
                "Vatandaşlık",
                "Genellikle beş yıl sonra Alman vatandaşlığına başvurabilirsiniz. Koşullar "
                "hakkında danışmanlık alın.",
            ),
        },
    ),
]

# Pages of the main navigation: slug -> language -> (title, introduction).
MENU_PAGES = {
    "ueber-uns": {
        "ar": (
            "عن مكتب الاندماج",
            "يقدّم مكتب الاندماج في مدينة نويشتات الاستشارة للقادمين الجدد، ويربط الجمعيات "
            "والجهات المقدّمة، وينسّق عمل الاندماج في المدينة.",
        ),
        "fa": (
            "درباره دفتر ادغام",
            "دفتر ادغام شهر نویشتات به تازه‌واردان مشاوره می‌دهد، انجمن‌ها و ارائه‌دهندگان "
            "را به هم پیوند می‌دهد و کار ادغام در شهر را هماهنگ می‌کند.",
        ),
        "uk": (
            "Про бюро інтеграції",
            "Бюро інтеграції міста Нойштадт консультує новоприбулих, об'єднує "
            "організації та надавачів послуг і координує інтеграційну роботу в місті.",
        ),
        "ru": (
            "О бюро по интеграции",
            "Бюро по интеграции города Нойштадт консультирует новоприбывших, объединяет "
            "организации и поставщиков услуг и координирует интеграционную работу в городе.",
        ),
        "tr": (
            "Uyum bürosu hakkında",
            "Neustadt şehrinin uyum bürosu yeni gelenlere danışmanlık "
            "yapar, dernekleri ve kurumları bir araya getirir ve şehirdeki entegrasyon çalışmalarını koordine "
            "eder.",
        ),
    },
    "partner": {
        "ar": ("الشركاء", "جمعيات ومنظمات رعاية اجتماعية ومقدّمو دورات ومنظمات المهاجرين وجهات رسمية."),
        "fa": ("شرکا", "انجمن‌ها، سازمان‌های رفاهی، ارائه‌دهندگان دوره، سازمان‌های مهاجران و ادارات دولتی."),
        "uk": (
            "Партнери",
            "Об'єднання, благодійні організації, організатори курсів, організації мігрантів і "
            "державні установи.",
        ),
        "ru": (
            "Партнёры",
            "Объединения, благотворительные организации, организаторы курсов, организации "
            "мигрантов и государственные учреждения.",
        ),
        "tr": (
            "Ortaklar",
            "Dernekler, refah kuruluşları, kurs sağlayıcılar, göçmen örgütleri ve kamu kurumları.",
        ),
    },
}

# Organisations whose listings are translated (see LISTING_LANGUAGES): summary and opening hours.
ORGANISATIONS = {
    "caritas": {
        "ar": "استشارة الهجرة للبالغين، استشارة اجتماعية ومقهى لغة.",
        "fa": "مشاوره مهاجرت برای بزرگسالان، مشاوره اجتماعی و کافه زبان.",
        "uk": "Міграційні консультації для дорослих, соціальні консультації та мовне кафе.",
    },
    "diakonie": {
        "ar": "استشارة للاجئين وطالبي اللجوء، ومرافقة في الحياة اليومية.",
        "fa": "مشاوره برای پناهندگان و پناهجویان و همراهی در زندگی روزمره.",
        "uk": "Консультації для біженців і шукачів притулку та супровід у повсякденному житті.",
    },
    "vhs": {
        "ar": "دورات الاندماج ودورات محو الأمية ودورات اللغة المهنية.",
        "fa": "دوره‌های ادغام، دوره‌های سوادآموزی و دوره‌های زبان حرفه‌ای.",
        "uk": "Інтеграційні курси, курси грамотності та професійні мовні курси.",
    },
    "jobcenter": {
        "ar": "التوسط في العمل، تأمين الدخل الأساسي وتمويل دورات اللغة.",
        "fa": "کاریابی، تأمین حداقل معاش و پرداخت هزینه دوره‌های زبان.",
        "uk": "Працевлаштування, базове соціальне забезпечення та фінансування мовних курсів.",
    },
    "auslaenderbehoerde": {
        "ar": "تصاريح الإقامة وتمديدها والتجنس – بموعد مسبق فقط.",
        "fa": "صدور و تمدید اجازه اقامت و تابعیت – فقط با وقت قبلی.",
        "uk": "Дозволи на проживання, їх продовження та натуралізація – лише за попереднім записом.",
    },
    "familienzentrum": {
        "ar": "مجموعات للأهل والأطفال، استشارة أسرية ووجبة غداء.",
        "fa": "گروه‌های والدین و کودکان، مشاوره خانواده و ناهار.",
        "uk": "Групи для батьків і дітей, сімейні консультації та обід.",
    },
}

ORGANISATION_HOURS = {
    "ar": ("الاثنين–الخميس من 9 إلى 16، الجمعة من 9 إلى 12", "المواعيد بالحجز المسبق فقط"),
    "fa": ("دوشنبه تا پنجشنبه از 9 تا 16، جمعه از 9 تا 12", "مراجعه فقط با وقت قبلی"),
    "uk": ("Пн–Чт 9–16, Пт 9–12", "Прийом лише за попереднім записом"),
}
