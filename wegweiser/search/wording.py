"""Forgiving words, the same on both sides of the search: folding, Snowball stems, stop words, synonyms.

What is stored for a listing (:func:`index_forms`) and what a typed word is looked up by
(:func:`query_forms`) come from the same functions, so they always agree: letters folded ("Prüfung",
"Pruefung" and "prufung" are one word, "Straße" is "strasse"), every word reduced to its Snowball stem
("Kurse" and "Kurs", "Prüfungen" and "Prüfung"), German compounds split into the parts the portal knows
(:mod:`wegweiser.search.vocabulary`), and the office's synonym list.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wegweiser.search.models import Synonym
from wegweiser.site.cache_generations import bump, generation, kept_in_process

_SYNONYM_GENERATION = "wegweiser:search:synonyms-generation"
#: Persian joins a word's endings with a zero-width non-joiner ("کلاس‌های"), or without one ("کلاسهای"), or
#: after a space: a word is read without it, so that the stemmer sees the whole word either way.
_ZWNJ = "\u200c"
#: Marks that are not letters of their own: the zero-width non-joiner, Arabic vowel signs (harakat, "تدرّب" is
#: "تدرب") and the tatweel that stretches a word ("مـدرسة"), the apostrophe. Left in, a vowel sign cut a word in
#: two. And the digits of Arabic and Persian, read as 0 to 9.
_NOT_LETTERS = {
    _ZWNJ: None,
    "\u0640": None,
    # The madda and the hamza written above or below a letter, as Lucene's Persian normalisation reads them:
    # Persian writes the ezafe with one ("دورهٔ زبان", a course of language)
    **{chr(code): None for code in range(0x064B, 0x0656)},
    "\u0670": None,
    # Arabic and Persian digits read as the listings write them: a Persian phone types "B۱" for "B1", an Arabic
    # one "B١"; the Persian ones were words of their own, and "B۱" found nothing.
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    # An apostrophe, as any keyboard types it ("сім'я", "сімʼя", "сім’я", "сім`я"), is part of its word, not a
    # break: the modifier letter apostrophe of Ukrainian layouts is a letter, so "воззʼєднання сімʼї" was two words
    # found nowhere, and the others cut a word in two, leaving the letters after them as words of their own ("ї").
    **{apostrophe: None for apostrophe in "'\u02bc\u2019`"},
}
_FOLDING = str.maketrans(
    {
        **{"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "á": "a", "à": "a"},
        # Turkish as typed on a keyboard without its letters: "danismanlik" is "danışmanlık". "İ" lower-cased
        # is "i" and a combining dot above.
        **{"ı": "i", "ş": "s", "ç": "c", "ğ": "g", "\u0307": None},
        # Alef with hamza or madda as plain alef, alef maksura as yeh: phones type "الالمانية" and "المانی" for
        # "الألمانية" and "آلمانی", and Lucene's Arabic normalisation reads them alike, too.
        **{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"},
        # The Persian ezafe written as one letter ("دورۀ زبان") is the heh it is written on ("دوره زبان")
        "ۀ": "ه",
        **_NOT_LETTERS,
    }
)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: The Arabic article, alone and after "and", "with", "like" or "so" ("الصحة", "والصحة", "بالصحة"), taken
#: off as Lucene's Arabic stemmer does. Snowball's Arabic rules keep it on short words ("الصحة" was "الصح",
#: "صحة" stayed "صحة"), so a word typed without its article did not find the word with it, nor the reverse.
ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "ال")
#: Letters only Persian has: a word with one of them is Persian, where "ال" is not an article ("الکترونیک").
_PERSIAN_ONLY = "پچژگکی"
_PERSIAN_LETTERS = re.compile(f"[{_PERSIAN_ONLY}]")
#: The Persian kaf and yeh as Arabic writes them, so that a word is one word whichever keyboard typed it
#: ("کلاس" and "كلاس") and Persian endings meet the Arabic rules' ("یادگیری" and "یادگیر" share a stem).
_PERSIAN_AS_ARABIC = str.maketrans({"ک": "ك", "ی": "ي"})
#: A closing "ة" that the stemmer left is "ه", as many type it ("صحه" for "صحة"; Persian writes "دوره" where
#: Arabic writes "دورة").
_CLOSING_TEH = str.maketrans({"ة": "ه"})
#: Letters only Ukrainian has. Snowball has no Ukrainian rules, and the Russian ones did not know its endings
#: ("курсів" stayed "курсів" while "курси" was "курс"): a Ukrainian word is written as Russian writes its
#: letters and these endings ("курсів" as "курсов", "німецької" as "нимецькой") before the Russian rules.
_UKRAINIAN_ONLY = "іїєґ"
_UKRAINIAN_LETTERS = re.compile(f"[{_UKRAINIAN_ONLY}]")
_LATIN_LETTERS = re.compile(r"[a-zß-ɏ]")  # Basic Latin to Latin Extended-B, lower case
_UKRAINIAN_ENDINGS = (("ів", "ов"), ("їв", "ов"), ("ої", "ой"))
#: Letters a language does not write, which its neighbours in the same script do: a term with one of them is
#: not offered to a visitor of that language as a completion ("курс німецької" is Ukrainian, "کلاس زبان"
#: Persian, "دورة لغة" Arabic, "almanca öğrenmek" Turkish).
_LETTERS_NOT_WRITTEN = {
    "de": "ışğç",
    "en": "äöüßışğç",
    "tr": "äß",
    "ru": _UKRAINIAN_ONLY,
    "uk": "ыэъё",
    "ar": _PERSIAN_ONLY,
    "fa": "ةكيى",
}
_UKRAINIAN_AS_RUSSIAN = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г"})
_STEMMERS: dict[str, snowballstemmer.stemmer] = {}
#: Arabic "broken" plurals of words newcomers search for, with their singulars. No rule makes "شقق" of "شقة"
#: (flats, flat) or "أطفال" of "طفل" (children, child), so neither the Snowball nor Lucene's Arabic rules
#: join them; here a plural is read as its singular, in a listing and in what is typed.
_ARABIC_BROKEN_PLURALS = {
    "أطفال": "طفل", "أولاد": "ولد", "بنات": "بنت", "أمهات": "أم", "آباء": "أب", "أسر": "أسرة", "نساء": "امرأة",
    "رجال": "رجل", "شباب": "شاب", "شقق": "شقة", "بيوت": "بيت", "مساكن": "مسكن", "غرف": "غرفة",
    "مدارس": "مدرسة", "دروس": "درس", "صفوف": "صف", "فصول": "فصل", "حصص": "حصة", "أطباء": "طبيب",
    "وظائف": "وظيفة", "أعمال": "عمل", "مكاتب": "مكتب", "وثائق": "وثيقة", "أوراق": "ورقة", "مواعيد": "موعد",
    "أسئلة": "سؤال", "مشاكل": "مشكلة", "حقوق": "حق", "قوانين": "قانون", "لغات": "لغة",
    # not a plural: "the woman" ("المرأة") drops the first letter of "امرأة"
    "مرأة": "امرأة",
}  # fmt: skip

#: Words that carry no meaning for the search, in the portal's seven languages: a query made only of
#: them is searched as typed, otherwise they are left out, so "Deutschkurs mit Kinderbetreuung" is
#: "Deutschkurs Kinderbetreuung". With them the words that say that something is wanted, looked for or asked
#: about ("finden", "I want", "چطور", "шукаю"), as newcomers type a question or a wish: a listing that has one
#: of them was the only hit ("Arbeit finden" found the volunteering advice, "wir finden das passende Ehrenamt";
#: "چطور کار پیدا کنم", how do I find work, a flat-hunting workshop, "چطور آپارتمان پیدا کنم؟"), and the German
#: article joined to a preposition ("beim", "ins", "fürs"), which "bei" and "im" were already.
STOP_WORDS = frozenset(
    """
    der die das den dem des ein eine einer einem einen eines und oder mit für fur von vom zu zum zur im in
    an am auf aus bei bis nach über uber unter um ohne für auch als wie wo was wer ich du sie wir ihr es
    mein meine kein keine nicht ja nein hier dort gibt gesucht suche suchen brauche
    beim ins ans aufs fürs furs finden finde kann können konnen möchte mochte bitte
    the a an and or with for of to in on at by from my me i is are what where how need looking near
    find finding can want please
    في من على مع و أو الى إلى عن هل أين كيف ل ب لل
    اريد ابحث اجد بدي وين ممكن
    در از با و یا به برای که را این آن کجا چگونه ها های هایی ای ی
    چطور چطوری میخواهم میخوام دنبال هستم پیدا کنم کردن
    в на з із та і й або для до у про де як що мені потрібен потрібна
    шукаю хочу знайти можна потрібно
    в на с и или для до у по о где как что мне нужен нужна
    ищу хочу найти можно нужно
    ve ile için bir bu şu ne nerede nasıl veya ya da mi mı
    arıyorum ariyorum istiyorum lazım lazim bulmak
    """.split()
)


def _stemmer(language: str) -> snowballstemmer.stemmer:
    if language not in _STEMMERS:
        _STEMMERS[language] = snowballstemmer.stemmer(language)
    return _STEMMERS[language]


def fold(text: str) -> str:
    """Lower case without umlauts, ß or accents: how a word is compared whatever the keyboard."""
    return text.lower().translate(_FOLDING)


def ranked_form(text: str) -> str:
    """A title, summary or searched word as the ranking compares them (:func:`fold`), with the Persian kaf and yeh
    as Arabic writes them: "كودك" typed on an Arabic keyboard ranks the title "کودکان" as "کودک" does (it
    found it, and ranked it 14th instead of first)."""
    return fold(text).translate(_PERSIAN_AS_ARABIC)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A word's Snowball stem, folded: German for Latin letters, Arabic or Russian for their scripts.

    Persian is stemmed with the Arabic rules (its kaf and yeh written as Arabic writes them) and Ukrainian
    with the Russian ones (:func:`as_russian`); an Arabic word loses its article first
    (:func:`without_article`). The forms only have to agree between a listing and a query, and they are made
    by this one function on both sides.
    """
    word = as_read(without_article(fold(word)))
    if _ARABIC_SCRIPT.search(word):
        word = _SINGULARS.get(word, word)
        # A closing yeh (the adjective ending of both languages, "ألماني", "آلمانی"; Persian's "a" or "of",
        # "کودکی") comes off first: the Arabic rules read "ني" in "آلماني" as "me" and left "الم".
        if word.endswith("ي") and len(word) >= 4:
            word = word[:-1]
        stemmer = _stemmer("arabic")
    elif _CYRILLIC.search(word):
        stemmer = _stemmer("russian")
    else:
        stemmer = _stemmer("german")
    # Twice, so that a stem is its own stem ("Kurse" -> "kurs" -> "kur", like "Kurs" -> "kur").
    stemmed = fold(stemmer.stemWord(fold(stemmer.stemWord(word)))).translate(_CLOSING_TEH)
    if stemmer is _stemmer("russian"):
        stemmed = _FLEETING_VOWEL.sub(r"\1\2", stemmed)
    return stemmed if len(stemmed) >= 2 else word


#: The vowel that Russian and Ukrainian drop before a last "к" or "ц" when an ending follows ("дитсадок",
#: "дитсадка"; "німець", "німці"), which the Russian rules keep: a stem is written without it, so that both
#: forms are one word (in words of five letters or more: "урок" stays "урок").
_FLEETING_VOWEL = re.compile(r"^(\w{3,})[оеё]([кц])$")


_SINGULARS = {fold(plural): fold(singular) for plural, singular in _ARABIC_BROKEN_PLURALS.items()}


def as_read(word: str) -> str:
    """A word with the letters its stemmer knows, letter for letter: the Persian kaf and yeh as Arabic writes
    them, a Ukrainian word as Russian writes it (:func:`as_russian`)."""
    return as_russian(word.translate(_PERSIAN_AS_ARABIC))


def without_article(word: str) -> str:
    """An Arabic word without its article ("الصحة" -> "صحة", "بالعربية" -> "عربية"); other words as they are."""
    if _PERSIAN_LETTERS.search(word):
        return word
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def as_russian(word: str) -> str:
    """A Ukrainian word with the letters and endings the Russian stemmer knows; other words as they are."""
    if not _UKRAINIAN_LETTERS.search(word):
        return word
    for ending, russian in _UKRAINIAN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            word = word[: -len(ending)] + russian
            break
    return word.translate(_UKRAINIAN_AS_RUSSIAN)


#: The stop words of the Arabic script with the Persian kaf and yeh as Arabic writes them: a Persian word typed on an
#: Arabic keyboard ("براي" for "برای", "for") is the same stop word.
_ARABIC_SCRIPT_STOP_WORDS = frozenset(
    word.translate(_PERSIAN_AS_ARABIC) for word in STOP_WORDS if _ARABIC_SCRIPT.search(word)
)


def is_stop_word(word: str) -> bool:
    """A word of :data:`STOP_WORDS`; folded only outside the Latin script (Arabic and Persian letter forms, the
    Persian kaf and yeh typed on an Arabic keyboard): folded, the Turkish "iş" (work) was the English "is", and
    "iş arama" searched only for "arama". The German stop words are listed with and without their umlauts."""
    lowered = word.lower()
    if lowered in STOP_WORDS or _LATIN_LETTERS.search(lowered):
        return lowered in STOP_WORDS
    folded = fold(word)
    return folded in STOP_WORDS or folded.translate(_PERSIAN_AS_ARABIC) in _ARABIC_SCRIPT_STOP_WORDS


def meaningful(words: list[str]) -> list[str]:
    """The words without stop words; all of them if nothing else is left (so "in" still searches)."""
    unique = list({word.lower(): word for word in reversed(words)}.values())[::-1]
    kept = [word for word in unique if not is_stop_word(word)]
    return kept or unique


def word_variants(word: str) -> list[str]:
    """What to look for as substrings when a visitor types ``word``: its stem, spellings and synonyms.

    ``icontains`` on SQLite only folds ASCII case, so a variant with a capital first letter is added
    for words that start with an umlaut ("über" -> "Über").
    """
    word = word.strip(".,;:!?\"'()[]")
    synonyms = [synonym if " " in synonym else written_stem(synonym) for synonym in synonyms_of(word)]
    return _spellings(word, synonyms)


def typed_variants(word: str) -> list[str]:
    """The spellings of what was typed, without its synonyms: what is found as the beginning of a word."""
    return _spellings(word.strip(".,;:!?\"'()[]"), [])


def _spellings(word: str, synonyms: list[str]) -> list[str]:
    base = word.lower() if " " in word else written_stem(word)
    if not base:
        return []
    variants = [base, *synonyms]
    spelled = _with_umlauts(base)
    if spelled != base:
        variants.append(spelled)
    for variant in list(variants):
        if variant and not variant[0].isascii():
            variants.append(variant[0].upper() + variant[1:])
    return list(dict.fromkeys(variants))


def written_stem(word: str) -> str:
    """The stem as it is written in the text (umlauts kept): the longest common beginning of word and stem.

    A word typed with "ue" for "ü" ("Fuehrerschein") has the written stem of the word with its umlaut, spelled
    back as typed: the stemmer reads it as "führerschein", so only "fue" began both, and a search for "fü"
    found every "für". A stem that is not the word's beginning at all (the Arabic rules took off a prefix,
    "الالمانية" is "مان") is its own written form, not the word's first three letters.
    """
    whole = word.lower().translate(_WITHOUT_MARKS)
    umlauted = _with_umlauts(whole)
    if umlauted != whole and stem(umlauted) == stem(whole):
        return _with_digraphs(written_stem(umlauted))
    stemmed = stem(whole)
    lowered = without_article(whole)  # "الصحة" is found as "صحة", which is also in "صحة" and "والصحة"
    folded = as_read(fold(lowered)).translate(_CLOSING_TEH)  # letter for letter as stem() reads it
    if len(folded) != len(lowered):  # "ß" folds to two letters: positions no longer line up
        return stemmed
    length = 0
    while length < min(len(folded), len(stemmed)) and folded[length] == stemmed[length]:
        length += 1
    if not length:
        return stemmed
    return lowered[: max(length, min(len(lowered), 3))]


_UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü"}
_UMLAUT_DIGRAPHS = re.compile(r"(?<!q)(ae|oe|ue)")


def _with_umlauts(word: str) -> str:
    """ "ae", "oe" and "ue" as the umlauts they stand for (not in "que"), as the German stemmer reads them."""
    return _UMLAUT_DIGRAPHS.sub(lambda match: _UMLAUTS[match.group(1)], word)


def _with_digraphs(word: str) -> str:
    return word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The editable synonym list, kept until a group is saved or deleted (a query asks for it many times)."""
    key = f"wegweiser:search:synonym-groups:{synonyms_generation()}"
    return kept_in_process(key, _synonym_groups_from_rows, 3600)


def _synonym_groups_from_rows() -> tuple[tuple[str, ...], ...]:
    groups = (tuple(synonym.term_list) for synonym in Synonym.objects.all())
    return tuple(group for group in groups if len(group) > 1)


def synonyms_generation() -> int:
    """Changes whenever a synonym group is saved or deleted: part of the key of what is built from them."""
    return generation(_SYNONYM_GENERATION)


def invalidate_synonyms() -> None:
    bump(_SYNONYM_GENERATION)


@lru_cache(maxsize=50_000)
def stems(term: str) -> tuple[str, ...]:
    """The stems of a word or a several-word term: how synonyms are compared ("мовні курси" is "мовний курс")."""
    return tuple(stem(word) for word in term.lower().split())


@lru_cache(maxsize=50_000)
def typed_stems(word: str) -> frozenset[str]:
    """The stems a typed word may have: by its script's rules, and a word in Latin letters also without the
    endings Turkish adds, which the German rules do not know ("doktorlar" is "doktor", "okula" is "okul")."""
    found = {stem(word)}
    if not _ARABIC_SCRIPT.search(word) and not _CYRILLIC.search(word):
        for spelled in dict.fromkeys([word.lower(), _with_dotless_i(word.lower())]):
            found.add(stem(_stemmer("turkish").stemWord(spelled)))
    return frozenset(found)


_TURKISH_BACK_VOWELS = frozenset("aıou")
_TURKISH_VOWELS = frozenset("aıoueiöü")


def _with_dotless_i(word: str) -> str:
    """A Turkish word typed without "ı" as Turkish writes it: an "i" after a back vowel is "ı" (vowel harmony),
    so that the Turkish rules know its endings ("kurslari" is "kursları", the course's plural)."""
    letters, previous = [], ""
    for letter in word:
        if letter == "i" and previous in _TURKISH_BACK_VOWELS:
            letter = "ı"
        if letter in _TURKISH_VOWELS:
            previous = letter
        letters.append(letter)
    return "".join(letters)


def _is_typed(term_stems: tuple[str, ...], typed: list[frozenset[str]]) -> bool:
    return len(term_stems) == len(typed) and all(
        one in alternatives for one, alternatives in zip(term_stems, typed, strict=True)
    )


def word_orders(term_stems: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The orders a term's words may be typed in: a two-word term either way round, as languages put an
    adjective after or before its noun and people type both ("немецкий курс" for "курс немецкого", "kurs
    almanca", "course German")."""
    if len(term_stems) == 2:
        return (term_stems, term_stems[::-1])
    return (term_stems,)


@lru_cache(maxsize=4)
def _groups_by_stems(groups: tuple[tuple[str, ...], ...]) -> dict[tuple[str, ...], list[int]]:
    """Which groups (by position) hold a term with these stems, in any of their orders (:func:`word_orders`),
    or written as one word (:func:`as_one_word`): built once per version of the list."""
    index: dict[tuple[str, ...], list[int]] = {}
    for position, group in enumerate(groups):
        for term in group:
            for order in word_orders(stems(term)):
                index.setdefault(order, []).append(position)
            if joined := as_one_word(term):
                index.setdefault((stem(joined),), []).append(position)
    return index


def as_one_word(term: str) -> str | None:
    """A several-word term written as one word, as a loanword is also typed ("جابسنتر" or, with a zero-width
    non-joiner, "جاب‌سنتر" for "جاب سنتر", the Jobcenter; "جوبسنتر" for "جوب سنتر"); ``None`` for one word."""
    words = term.split()
    return "".join(words) if len(words) > 1 else None


def synonyms_of(word: str) -> list[str]:
    """The other words of every synonym group containing ``word`` (compared by stem, word for word)."""
    groups = synonym_groups()
    own = stems(word)
    found = [term for term in _terms_of_groups_with(word, groups) if stems(term) != own]
    return list(dict.fromkeys(found))


def listed_forms(word: str) -> list[str]:
    """How the synonym list writes a typed word or phrase that it has in another form ("کلاس زبان" for
    "کلاس‌های زبان", "курси німецької мови" for "курсів німецької мови"): the same stems, other letters."""
    own = stems(word)
    found = [
        term
        for term in _terms_of_groups_with(word, synonym_groups())
        if stems(term) == own and fold(term) != fold(word)
    ]
    return list(dict.fromkeys(found))


def _terms_of_groups_with(word: str, groups: tuple[tuple[str, ...], ...]) -> list[str]:
    index = _groups_by_stems(groups)
    positions = {
        position
        for typed in product(*(typed_stems(one) for one in word.lower().split()))
        for position in index.get(typed, ())
    }
    return [term for position in sorted(positions) for term in groups[position]]


def _is_latin(word: str) -> bool:
    return all(ord(letter) < 0x0250 for letter in word)


def highlight(text: str, words: list[str], limit: int | None = None) -> SafeString:
    """``text`` HTML-escaped, with every occurrence of the searched words (or their stems) in ``<mark>``."""
    if limit and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    needles = sorted(
        {variant for word in words for variant in word_variants(word) if len(variant) > 1}, key=len
    )
    if not needles:
        return escape(text)
    # A stem marks the whole word it begins ("Kinderbetreu" -> "Kinderbetreuung"), and an Arabic word's
    # article with it ("لغة" marks "اللغة"). Inside a word only a Latin one, the part of a German compound
    # ("Migrations<mark>beratung</mark>"): the Arabic stem "مان" of "الألمانية" (German) marked "در<mark>مانی</mark>"
    # (medical) for a Persian searching "آلمانی".
    inner = [re.escape(needle) for needle in reversed(needles) if _is_latin(needle)]
    initial = [re.escape(needle) for needle in reversed(needles) if not _is_latin(needle)]
    found = [rf"\b(?:{'|'.join(ARABIC_ARTICLES)})?(?:{'|'.join(initial)})\w*"] if initial else []
    found += [rf"(?:{'|'.join(inner)})\w*"] if inner else []
    pattern = re.compile("|".join(found), re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


#: Parts of German compounds common in integration offers: the decompounder's vocabulary starts with
#: them, before the portal's own words (:mod:`wegweiser.search.vocabulary`) are added.
COMPOUND_PARTS = (
    "arbeit", "arzt", "asyl", "beratung", "beruf", "betreuung", "bewerbung", "bildung", "café", "cafe",
    "deutsch", "eltern", "familie", "frauen", "gesundheit", "hilfe", "integration", "jugend", "kinder",
    "kurs", "lern", "migration", "müttern", "nachhilfe", "orientierung", "paten", "prüfung", "recht",
    "schule", "schulden", "sozial", "sprach", "sprache", "treff", "übersetz", "unterricht", "wohnung", "wohn",
)  # fmt: skip
_COMPOUND_STEMS = frozenset(stem(part) for part in COMPOUND_PARTS)
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_WITHOUT_MARKS = str.maketrans(_NOT_LETTERS)


#: Languages that share a script with another one whose letters tell them apart: which a term is written in
#: may have to be told. Not German and Turkish: most words of each have no letter the other does not write.
_NEIGHBOURS = {"ru": "uk", "uk": "ru", "ar": "fa", "fa": "ar"}


def written_in(term: str, language: str) -> bool:
    """Whether ``term`` may be in ``language``: it has no letter the language does not write
    (:data:`_LETTERS_NOT_WRITTEN`). A term in another script may still be; what is typed chooses the script."""
    return not set(term.lower()) & set(_LETTERS_NOT_WRITTEN.get(language, ""))


def marked_as(term: str, language: str) -> bool:
    """Whether ``term`` has a letter that ``language`` writes and its neighbour in the script does not: "і"
    marks "курс німецької" as Ukrainian, "ы" "курсы немецкого языка" as Russian, "ة" "دورة لغة" as Arabic.
    "курс немецкого" and "دوره زبان" are marked as neither."""
    neighbour = _NEIGHBOURS.get(language)
    return neighbour is not None and bool(set(term.lower()) & set(_LETTERS_NOT_WRITTEN[neighbour]))


def without_marks(text: str) -> str:
    """``text`` without the marks that are not letters of their own (:data:`_NOT_LETTERS`), as every word is
    read, stored and searched: "کلاس‌های" is the one word "کلاسهای", not "کلاس" and "های"."""
    return text.translate(_WITHOUT_MARKS)


def joined_parts(word: str) -> list[str]:
    """The words a zero-width non-joiner joins in a typed word ("کلاس‌های": "کلاس", "های"), as others write
    them apart ("کلاس های"); none if it joins none."""
    return tokens(word.replace(_ZWNJ, " ")) if _ZWNJ in word else []


def tokens(text: str) -> list[str]:
    """The words of a text, lower-cased (letters and digits; what FTS5 and ``to_tsvector`` see as words)."""
    return _WORD_RE.findall(without_marks(text.lower()))


def index_forms(text: str, known: frozenset[str] | None = None) -> str:
    """Every word of ``text`` as its stem plus the stems of its compound parts: the stored "forms".

    ``known`` is the decompounder's vocabulary (by default the portal's current one).
    """
    # vocabulary.py imports this module
    from wegweiser.search.vocabulary import known_stems, split_compound

    known = known_stems() if known is None else known
    forms: list[str] = []
    for token in tokens(text):
        forms.append(stem(token))
        forms.extend(split_compound(token, known))
    return " ".join(dict.fromkeys(forms))


def query_forms(word: str) -> list[str]:
    """The forms of a typed word to look up in the "forms" (its stem and its synonyms' stems)."""
    forms = [] if " " in word else [stem(word)]
    forms.extend(synonym_forms(word))
    return [form for form in dict.fromkeys(forms) if form]


#: A typed word's stem shorter than this begins too many other words ("віза" is "виз", which begins
#: "визнання"; "خانه" is "خان", which begins "خانواده"): when the visitor typed more than the stem, the stem is
#: found only as a whole word and what was typed as a beginning (:func:`short_stem`).
SHORTEST_BEGINNING = 4


#: A typed word shorter than this is a word of its own, not the beginning of longer ones: Turkish "ev" (home)
#: began "event", "every" and "evangelisch", "iş" (work) "ist" and "Dolmetscherin" ("is" inside it ranked).
SHORTEST_TYPED_BEGINNING = 3


def is_short_word(word: str) -> bool:
    """Whether a typed word is so short that it is found and ranked only as a whole word."""
    return (
        " " not in word and len(tokens(word)) == 1 and len(fold(tokens(word)[0])) < SHORTEST_TYPED_BEGINNING
    )


def short_stem(word: str) -> tuple[str, str] | None:
    """For a typed word longer than its short stem: the stem (a whole word) and the word as the stemmer reads
    it (a beginning), else ``None``."""
    if " " in word:
        return None
    stemmed = stem(word)
    read = as_read(without_article(fold(word))).translate(_CLOSING_TEH)
    if len(stemmed) < SHORTEST_BEGINNING and len(read) > len(stemmed) and read.startswith(stemmed):
        return stemmed, read
    return None


def synonym_forms(word: str) -> list[str]:
    """The stems of the one-word synonyms of a typed word: found as whole stored forms, not as the beginning
    of a longer word ("work" for "Job" is not "Workshop", "виза" is not "визнання"), unless they begin
    compounds (:func:`begins_compounds`). Not a stem that is a stop word: the Turkish "ders" (lesson), a synonym
    of "Kurs", is "der", and "Kurs" found "Kochtreff der Kulturen"."""
    forms = (stem(synonym) for synonym in synonyms_of(word) if " " not in synonym)
    return [form for form in dict.fromkeys(forms) if form and not is_stop_word(form)]


def begins_compounds(form: str) -> bool:
    """Whether a stem is one of the German :data:`COMPOUND_PARTS`, which a synonym's form also finds at the
    beginning of a stored word: the decompounder does not split off every first part ("Asylverfahrensberatung"
    is stored as "asylverfahr" and "berat"), and "Asyl" for "asylum" must find it."""
    return form in _COMPOUND_STEMS


def query_units(words: list[str]) -> list[str]:
    """The typed words, with any several-word synonym kept together as one unit, in any of its words' forms
    ("German courses" is "German course", "курси німецької" is "курс німецької", "Almanca kursları" is "Almanca kurs")."""
    phrases = sorted(
        {
            order
            for group in synonym_groups()
            for term in group
            if " " in term
            for order in word_orders(stems(term))
        },
        key=len,
        reverse=True,
    )
    typed = [typed_stems(word) for word in words]
    units, position = [], 0
    while position < len(words):
        for phrase in phrases:
            if _is_typed(phrase, typed[position : position + len(phrase)]):
                units.append(" ".join(words[position : position + len(phrase)]))
                position += len(phrase)
                break
        else:
            units.append(words[position])
            position += 1
    return units
