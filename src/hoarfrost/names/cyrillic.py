"""Latin readings of names written in Cyrillic.

A Cyrillic name reaches lists and customer files through many romanisations at once: the US/UK geographic
standard, the passport of the year the person applied, the press of the country that reported on them. Each
scheme below is a public function `scheme(text) -> str` (space-separated tokens), and `readings(text)`
gathers all of them that fit the language of the name, best first.

Which comes from where:

- `iuliia` (pinned) supplies the Russian schemes it has, applied per token: BGN/PCGN (`bgn_pcgn`, Russian),
  the Wikipedia/English-press baseline (`wikipedia`: Yevgeny, Yury, Pyotr), ICAO Doc 9303 (`icao_doc_9303`,
  Russian passports since 2013: Evgenii), GOST R 52535.1-2006 (`gost_52535`, passports 2010-2013: ц = tc),
  MVD 310-1997 and MVD 782-2000 (`old_passport`, `mvd_782`: the pre-2010 passports, Evgeniy, Sergey,
  Aleksandr) and GOST 7.79-2000 = ISO 9:1995 (`iso_9`, diacritics folded: Evgenij Prigozin).
  iuliia leaves letters outside Russian untouched; those are mapped afterwards by a per-scheme table of the
  extra letters (Ukrainian, Belarusian, Serbian/Macedonian, Kazakh/Kyrgyz/Tajik/Mongolian), anyascii being
  the last resort for anything rarer.
- Written here, as small tables run by one context-aware engine (`_Table`), because iuliia has no such
  schemes: the German Duden transcription (`german`: Jewgeni Prigoschin, Chodorkowski), the French one
  (`french`: Evgueni Prigojine, Poutine), the Polish one (`polish`: Jewgienij Prigożyn, Chodorkowski), the
  English press conventions on top of iuliia's Wikipedia scheme (`english_press`: Alexander, Alexei, Yulia),
  the Ukrainian national system of 2010 used in Ukrainian passports (`ukrainian_national`: Oleksandr,
  Zghurskyi), BGN/PCGN for Ukrainian and Belarusian (`bgn_pcgn(text, "uk"|"be")`), the Belarusian passport
  system of 2008/2010, which is ICAO's Belarusian table (`belarusian_passport`: Aliaksandr Lukashenka),
  the Belarusian national Latin of 2007 with its diacritics folded (`belarusian_national`: Lukasenka),
  Bulgarian's Streamlined System (`bulgarian`), Serbian Latin (`serbian`) and Macedonian (`macedonian`).
- Palladius, the Russian system for Chinese, is reversed here (`palladius`): a pinyin syllable inventory
  and the standard Palladius spelling of every syllable, generated from the initial/final rules of the
  system, and a dynamic-programming segmentation of each Cyrillic token into those syllables ("Цзиньпин" =
  цзинь + пин = jinping). A Palladius reading is only given when every token of the name segments. The
  same segmentation reads Japanese names in Polivanov's system back to Hepburn (`polivanov`: Хаттори ->
  hattori, Миядзаки -> miyazaki) and Korean names in Kontsevich or the older Russian practice back to the
  DPRK/McCune-Reischauer style (`korean`: Ким Чен Ын -> kim jong un; only when a common Korean surname
  anchors the name). No library does these reverse directions.
- Foreign names in Russian practical transcription (Уильям, Джонсон, Максвелл) get one reading that undoes
  its conventions (`foreign`: дж -> j, кс -> x, initial уи/уо -> wi/wo, х -> h).
- The English press writes the given names spelt with ё as "yo" even where Russian print has е (Пётр/Петр
  -> Pyotr, Артём, Фёдор, Семён, Алёна); `english_press` restores that ё for this closed set of names.
- A Belarusian name also gets a reading of its Russian-style spelling (`belarusian_as_russian`), rewritten
  by the regular Belarusian-Russian correspondences of names (дзе ~ де, ці ~ ти, -авіч ~ -ович, -энка ~
  -енко), so that Аляксандр Лукашэнка also reads as "alyaksandr lukashenko".

The text may mix scripts. Parenthesised or slash-separated parts without Cyrillic ("Latin (Кириллица)")
are left out; inside a Cyrillic word, Latin look-alike letters typed by mistake (the Latin "i" of many
Belarusian names on lists, a Latin "C" or "O") are read as the Cyrillic letters they stand for. Stress
marks are dropped, apostrophes join (Валер'еўна), hyphens split.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import iuliia
from anyascii import anyascii

from hoarfrost.names.org_words_ru import (
    geographic_stem,
    ic_stem,
    is_geographic_adjective,
    phrase_senses,
    sense_count,
    translate_phrase,
    translate_word,
)
from hoarfrost.names.orgtypes import cyrillic_form_class, is_legal_form
from hoarfrost.names.readings import Reading, unique_readings

# --- letters -------------------------------------------------------------------------------------------

_VOWELS = frozenset("аеёиоуыэюяіїєәөұүӣӯӑӗӧӱӓӹ")
_SIGNS = frozenset("ьъ")
_HUSHING = frozenset("жчшщц")
_ALNUM = re.compile(r"[^a-z0-9]+")

RUSSIAN = "ru"
UKRAINIAN = "uk"
BELARUSIAN = "be"
BULGARIAN = "bg"
SERBIAN = "sr"
MACEDONIAN = "mk"
CENTRAL_ASIAN = "kk"  # Kazakh, Kyrgyz, Tajik, Mongolian ...: Russian letters plus their own

# Letters outside the Russian alphabet, in the spelling most lists use (BGN-like); per scheme overrides.
_EXTRA_LETTERS: Mapping[str, str] = MappingProxyType({
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "g", "ќ": "k", "ѕ": "dz",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ӣ": "i", "ӯ": "u",
    "ҳ": "h", "ҷ": "j", "ҕ": "g", "ӑ": "a", "ӗ": "e", "ҫ": "s", "ӳ": "u", "ҙ": "z", "ҡ": "k", "ӧ": "o",
    "ӱ": "u", "ӓ": "a", "ӹ": "y", "ӈ": "ng", "ҥ": "ng", "ӏ": "", "ё": "e", "ъ": "", "ь": "",
})

# Latin letters typed inside Cyrillic words because they look the same.
_LOOKALIKES: Mapping[str, str] = MappingProxyType({
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У", "Ë": "Ё", "Ï": "Ї", "É": "Е", "Á": "А", "Ó": "О",
    "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к", "ĸ": "к",
    "ë": "ё", "ï": "ї", "é": "е", "á": "а", "ó": "о", "ý": "у",
})
_UPPER_LOOKALIKES = frozenset("ABCEHIKMOPTXY")
_STRESSED = str.maketrans({"ѐ": "е", "ѝ": "и", "Ѐ": "Е", "Ѝ": "И"})
_APOSTROPHES = "'’ʼ‘`´ʹ′"
_WORD = re.compile(rf"[^\W_]+(?:[{_APOSTROPHES}][^\W_]+)*")
_SEGMENTS = re.compile(r"[()\[\]{}（）/;|]")
_HYPHENS = frozenset("-‐‑‒–—")


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u052f" or "\ua640" <= char <= "\ua69f"


# --- the text: segments, tokens, language ------------------------------------------------------------

@lru_cache(maxsize=16384)
def _prepare(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """Lower-case Cyrillic tokens of the Cyrillic parts of `text`, and for each whether it was hyphen-joined
    to the one before (Palladius needs "Цзэ-минь" as one given name)."""
    tokens, joined, _, _ = _marked_tokens(text)
    return tokens, joined


@lru_cache(maxsize=16384)
def _marked_tokens(text: str) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...], tuple[bool, ...]]:
    """As _prepare, and for each token whether it is a one-word name in quotes (see _QUOTED_WORD) and whether
    it is an initial (one letter and a full stop: the "С." of "им. С.В. Ильюшина" is no preposition)."""
    text = unicodedata.normalize("NFC", text).translate(_STRESSED)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M"))  # stress marks
    tokens: list[str] = []
    joined: list[bool] = []
    quoted: list[bool] = []
    initial: list[bool] = []
    for segment in _SEGMENTS.split(text):
        if not any(_is_cyrillic(c) for c in segment):
            continue
        spans = [match.span(1) for match in _QUOTED_WORD.finditer(segment)]
        end = -1
        for match in _WORD.finditer(segment):
            token = _fix_token(match.group())
            if not token:
                continue
            between = segment[end:match.start()].strip() if end >= 0 else ""
            end = match.end()
            if between in _HYPHENS and token in _ORDINAL_ENDINGS and tokens and tokens[-1].isdigit():
                continue  # "142-й", "20-я": the number is the ordinal, as "142nd" is "142" once normalised
            joined.append(between in _HYPHENS)
            tokens.append(token)
            quoted.append(any(start <= match.start() < stop for start, stop in spans))
            initial.append(len(token) == 1 and segment[match.end():match.end() + 1] == ".")
    return tuple(tokens), tuple(joined), tuple(quoted), tuple(initial)


# A name of one word (hyphens allowed: "Алмаз-Антей") in the innermost quotes, «Прибор», ‘Вымпел’: the
# brand of an organisation, which lists transliterate (Pribor, Almaz) though it is a word ("instrument",
# "diamond"). A closing quote may be missing: the legal-form reader strips one that ends the name, and
# may have put the name's legal form, now Latin, after it.
_QUOTE_CHARS = "«»“”„‟\"‘’‚‛'`"
_QUOTED_WORD = re.compile(rf"(?<!\w)[«“„‟\"‘‚‛'`]\s*([^\s{_QUOTE_CHARS}]+)\s*(?:[»”\"’'`]|$|(?=[a-z ]+$))")


# Endings written after a number to make it an ordinal, in every case and gender ("142-й", "20-я", "3-го").
_ORDINAL_ENDINGS = frozenset({
    "й", "я", "е", "ю", "м", "х", "го", "му", "ми", "ой", "ый", "ий", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ых",
    "ыми", "ую", "ей", "та", "тя", "ша", "ге", "га",  # Ukrainian: 93-тя, 1-ша
})


def _fix_token(raw: str) -> str:
    """One word: apostrophes out, look-alike Latin letters into Cyrillic, lower case."""
    word = "".join(c for c in raw if c not in _APOSTROPHES)
    if any(_is_cyrillic(c) for c in word):
        word = "".join(_LOOKALIKES.get(c, c) for c in word)
    elif word and all(c in _UPPER_LOOKALIKES for c in word):  # "OOO", "AO" beside Cyrillic words
        word = "".join(_LOOKALIKES[c] for c in word)
    return word.lower()


def detect_language(text: str) -> str:
    """The language of a Cyrillic name from the letters only that language uses ("ru" when undecided)."""
    return _language(" ".join(_prepare(text)[0]))


def _language(letters: str) -> str:
    chars = set(letters)
    if chars & set("ѓќѕ"):
        return MACEDONIAN
    if chars & set("ђћџљњј"):
        return SERBIAN
    if chars & set("әғқңөұүһӣӯҳҷҕӑӗҫӳҙҡӧӱӓӹӈҥӏ"):
        return CENTRAL_ASIAN
    if chars & set("іїєґў"):
        return BELARUSIAN if _belarusian_score(letters) > _ukrainian_score(letters) else UKRAINIAN
    if re.search("ъ(?![еёюя])", letters) and not chars & set("ыэё"):
        return BULGARIAN
    if not chars & set("ищъ") and _BELARUSIAN_WITHOUT_I.search(letters):  # Аляксандр Лукашэнка
        return BELARUSIAN
    return RUSSIAN


_BELARUSIAN_MARKS = re.compile(r"ў|ы|э|ё|дз|ц[іеяюё]|віч\b|аўна|[ао]ўск")
_BELARUSIAN_WITHOUT_I = re.compile("[бвгджзклмнпрстфхцчшў]э|дз[еёюяь]|ц[еёюяь]|ў")
_UKRAINIAN_MARKS = re.compile(r"и|ї|є|ґ|івна\b")


def _belarusian_score(letters: str) -> int:
    """Belarusian spells what Ukrainian does not: ў ы э ё, дз and ц before soft vowels, -авіч."""
    return 2 * letters.count("ў") + len(_BELARUSIAN_MARKS.findall(letters))


def _ukrainian_score(letters: str) -> int:
    """Ukrainian has и ї є ґ, none of them Belarusian."""
    return len(_UKRAINIAN_MARKS.findall(letters))


def _undecided_east_slavic(letters: str) -> bool:
    """No letter tells Russian from Ukrainian or Bulgarian ("Володимир Зеленський" has none)."""
    return not set(letters) & set("ыэёъ")


# --- the engine for the schemes written here ------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


def _letters(spec: str) -> dict[str, str]:
    """'а a б b ь -' -> {"а": "a", "б": "b", "ь": ""}: tables stay readable as one line per scheme."""
    items = spec.split()
    return {items[i]: "" if items[i + 1] == "-" else items[i + 1] for i in range(0, len(items), 2)}


_NO: Mapping[str, str] = MappingProxyType({})


def _context() -> Any:
    """A field of _Table: a context in which letters are spelt otherwise; none by default."""
    return field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class _Table:
    """A transcription as letters plus the contexts in which a letter is spelt otherwise.

    Iotated vowels are the main reason for contexts: German writes е as "je" at the start of a word and
    after a vowel (Jewgeni, Andrejew) but "e" after a consonant; Polish writes "ie" after most consonants
    (Siergiej) but "e" after ж ш ч щ ц л; the Ukrainian national system writes "ya" only at the start.
    """

    letters: Mapping[str, str]
    start: Mapping[str, str] = _context()  # first letter of a word
    after_vowel: Mapping[str, str] = _context()  # after a vowel; after ь ъ too unless after_sign is given
    after_sign: Mapping[str, str] = _context()
    after_consonant: Mapping[str, str] = _context()
    after_hushing: Mapping[str, str] = _context()  # after ж ч ш щ ц
    after_l: Mapping[str, str] = _context()
    before_soft: Mapping[str, str] = _context()  # consonant before е ё и э ы і (French г -> gu)
    between_vowels: Mapping[str, str] = _context()  # French/German с -> ss
    pairs: Mapping[str, str] = _context()  # two letters -> spelling of the second ("зг" -> "gh")
    endings: tuple[tuple[str, str], ...] = ()  # word-final, longest first
    rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()  # applied to the word first
    extra: Mapping[str, str] = field(default_factory=lambda: _EXTRA_LETTERS)
    _merged: dict[str, dict[str, str]] = field(init=False, repr=False)

    def with_letters(self, spec: str, **changes: object) -> _Table:
        """The same transcription for another language: some letters and contexts differ."""
        values = {name: getattr(self, name) for name, spec in self.__dataclass_fields__.items() if spec.init}
        values["letters"] = {**self.letters, **_letters(spec)}
        values.update(changes)
        return _Table(**values)

    def spell(self, word: str) -> str:
        for pattern, replacement in self.rewrites:
            word = pattern.sub(replacement, word)
        stem, tail = word, ""
        for ending, spelling in self.endings:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                stem, tail = word[: -len(ending)], spelling
                break
        out: list[str] = []
        for i, char in enumerate(stem):
            prev = stem[i - 1] if i else ""
            nxt = stem[i + 1] if i + 1 < len(stem) else word[len(stem): len(stem) + 1]
            out.append(self._letter(prev, char, nxt))
        out.append(tail)
        return "".join(out)

    def _letter(self, prev: str, char: str, nxt: str) -> str:
        spelling = self.pairs.get(prev + char) if self.pairs else None
        if spelling is None and nxt and self.before_soft and nxt in "еёиэыі":
            spelling = self.before_soft.get(char)
        if spelling is None and prev and nxt and self.between_vowels and prev in _VOWELS and nxt in _VOWELS:
            spelling = self.between_vowels.get(char)
        if spelling is None:
            spelling = self._merged[_PREV_CLASS.get(prev, "consonant")].get(char, char)
        return spelling

    def __post_init__(self) -> None:
        """Merge extra letters, letters and each context into one dict per kind of previous letter."""
        base = {**self.extra, **self.letters}
        after_sign = self.after_sign or self.after_vowel
        merged = {
            "start": {**base, **self.start}, "vowel": {**base, **self.after_vowel}, "sign": {**base, **after_sign},
            "consonant": {**base, **self.after_consonant},
            "hushing": {**base, **(self.after_hushing or self.after_consonant)},
            "l": {**base, **(self.after_l or self.after_consonant)},
        }
        object.__setattr__(self, "_merged", merged)


_PREV_CLASS: Mapping[str, str] = MappingProxyType({
    "": "start", "л": "l", **dict.fromkeys(_VOWELS, "vowel"), **dict.fromkeys(_SIGNS, "sign"),
    **dict.fromkeys(_HUSHING, "hushing"),
})


_IOTATED_J = _letters("е je ё jo ю ju я ja")

_GERMAN = _Table(
    letters=_letters("а a б b в w г g д d е e ё jo ж sch з s и i й i к k л l м m н n о o п p р r с s т t "
                     "у u ф f х ch ц z ч tsch ш sch щ schtsch ъ - ы y ь - э e ю ju я ja"),
    start={**_IOTATED_J, "й": "j"}, after_vowel=_IOTATED_J, after_sign={**_IOTATED_J, "и": "ji"},
    after_hushing=_letters("ё o"), between_vowels=_letters("с ss"), endings=(("ий", "i"), ("ый", "y")),
)
_GERMAN_UK = _GERMAN.with_letters("г h ґ g и y і i ї ji є je е e й j", start={**_IOTATED_J, "е": "e", "й": "j"},
                                  after_vowel=_letters("ё jo ю ju я ja"), endings=(("ий", "yj"),))
_GERMAN_BE = _GERMAN.with_letters("г h і i ў w э e")

_FRENCH = _Table(
    letters=_letters("а a б b в v г g д d е e ё io ж j з z и i й i к k л l м m н n о o п p р r с s т t "
                     "у ou ф f х kh ц ts ч tch ш ch щ chtch ъ - ы y ь - э e ю iou я ia"),
    after_vowel=_letters("е ie"), after_hushing=_letters("ё o"), before_soft=_letters("г gu"),
    between_vowels=_letters("с ss"), endings=(("ий", "i"), ("ый", "y"), ("ин", "ine"), ("ын", "yne")),
)
_FRENCH_UK = _FRENCH.with_letters("г h ґ g и y і i ї i є ie", before_soft=_NO, endings=(("ий", "y"),))
_FRENCH_BE = _FRENCH.with_letters("г h і i ў ou э e", before_soft=_NO)

_POLISH_SOFT = _letters("е e ё o ю u я a и y")
_POLISH = _Table(
    letters=_letters("а a б b в w г g д d е ie ё io ж z з z и i й j к k л l м m н n о o п p р r с s т t "
                     "у u ф f х ch ц c ч cz ш sz щ szcz ъ - ы y ь - э e ю iu я ia"),
    start=_IOTATED_J, after_vowel=_IOTATED_J, after_hushing=_POLISH_SOFT,
    after_l=_letters("е e ё o ю u я a"),
    endings=(("ский", "ski"), ("цкий", "cki"), ("ий", "ij"), ("ый", "yj")),
)
_POLISH_UK = _POLISH.with_letters("г h ґ g и y і i ї ji є ie е e й j", start={**_IOTATED_J, "є": "je"},
                                  after_vowel={**_IOTATED_J, "є": "je"}, after_hushing=_letters("ю u я a"),
                                  after_l=_letters("ю u я a є e"),
                                  endings=(("ський", "ski"), ("цький", "cki"), ("ий", "yj")))
_POLISH_BE = _POLISH.with_letters("г h і i ў u э e е e", after_consonant=_letters("е ie"))

_UKRAINIAN_NATIONAL = _Table(
    letters=_letters("а a б b в v г h ґ g д d е e є ie ж zh з z и y і i ї i й i к k л l м m н n о o п p "
                     "р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ь - ю iu я ia ы y э e ё io ъ -"),
    start=_letters("є ye ї yi й y ю yu я ya"), pairs=_letters("зг gh"),
)
_BGN_UKRAINIAN = _Table(letters={**_UKRAINIAN_NATIONAL.letters, **_letters("є ye ї yi й y ю yu я ya")})
_BELARUSIAN_PASSPORT = _Table(
    letters=_letters("а a б b в v г h ґ g д d е e ё io ж zh з z і i и i й i к k л l м m н n о o п p р r "
                     "с s т t у u ў u ф f х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю iu я ia"),
)
_BGN_BELARUSIAN = _BELARUSIAN_PASSPORT.with_letters(
    "ё yo й y ў w ю yu я ya", start=_letters("е ye"), after_vowel=_letters("е ye"),
    after_consonant=_letters("ў w"), pairs={"ўе": "ye"})
_BELARUSIAN_NATIONAL = _BELARUSIAN_PASSPORT.with_letters(
    "е ie ё io ж z й j х ch ц c ч c ш s ў u ю iu я ia",
    start=_IOTATED_J, after_vowel=_IOTATED_J, after_sign=_IOTATED_J)

_BULGARIAN = _Table(
    letters=_letters("а a б b в v г g д d е e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u "
                     "ф f х h ц ts ч ch ш sh щ sht ъ a ь y ю yu я ya ы y э e ё yo"),
    endings=(("ия", "ia"),),
)
# Foreign names in Russian practical transcription, read back: дж is j, кс x, х h, initial уи/уо w
# (Уильям, Уотсон), ю after a consonant u (Дюпон).
_FOREIGN = _Table(
    letters=_letters("а a б b в v г g д d е e ё o ж j з z и i й y к k л l м m н n о o п p р r с s т t у u "
                     "ф f х h ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya"),
    after_consonant=_letters("ю u я ia"),
    rewrites=((re.compile("^у(?=[оиэа])"), "w"), (re.compile("кс"), "x"),
              # English words and brands: Euro- (Евроцемент), -ec (Остек, Ostec), -tech (Ростех), -dge (Бридж)
              (re.compile("^евро(?=[^впл])"), "euro"), (re.compile("(?<=..)ек$"), "ec"), (re.compile("тех$"), "tech"),
              (re.compile("(?<=.)дж$"), "dge"), (re.compile("дж"), "j")),
)
_SERBIAN = _Table(
    letters=_letters("а a б b в v г g д d ђ d е e ж z з z и i ј j к k л l љ lj м m н n њ nj о o п p р r "
                     "с s т t ћ c у u ф f х h ц c ч c џ dz ш s"),
)
_SERBIAN_DJ = _SERBIAN.with_letters("ђ dj")
_MACEDONIAN = _SERBIAN.with_letters("ѓ gj ќ kj ѕ dz ж zh ч ch ш sh џ dzh")
_MACEDONIAN_FOLDED = _SERBIAN.with_letters("ѓ g ќ k ѕ dz")


@lru_cache(maxsize=131072)
def _spell(table: _Table, word: str) -> str:
    return _clean(table.spell(word))


def _clean(spelt: str) -> str:
    """Lower-case ASCII letters and digits only: whatever a scheme left (ë, ’, ·) folded or dropped."""
    if not spelt.isascii():
        spelt = anyascii(spelt)
    return _ALNUM.sub("", spelt.lower())


# --- the iuliia schemes ---------------------------------------------------------------------------------

_ICAO_EXTRA: Mapping[str, str] = MappingProxyType({**_EXTRA_LETTERS, "є": "ie", "ї": "i", "ћ": "c", "ђ": "d"})


@lru_cache(maxsize=131072)
def _iuliia(schema_name: str, word: str) -> str:
    schema = getattr(iuliia, schema_name)
    extra = _ICAO_EXTRA if schema_name in ("ICAO_DOC_9303", "GOST_52535") else _EXTRA_LETTERS
    return _clean("".join(extra.get(c, c) for c in schema.translate(word)))


# English press conventions over the Wikipedia scheme: Greek-derived names keep x (Alexander, Alexei,
# Maxim), -ндр is "nder" (Alexander), -ей is "ei" (Sergei, Andrei), -ия is "ia" (Maria, Yulia).
_PRESS_PREFIXES = (("алекс", "alex"), ("макс", "max"))
_PRESS_ENDINGS = (("ндр", "nder"), ("ия", "ia"), ("ей", "ei"))


# Russian print usually writes ё as е, but the English press spells the given names that have ё with "yo"
# (Pyotr, Artyom, Fyodor, Semyon, Alyona) and so their patronymics and surnames (Fyodorovich, Semyonov).
_YO_NAMES = re.compile("^(?:п(?=етр$)|арт(?=ем)|ф(?=едор)|сем(?=ен)|ал(?=ен[аы]$))е")


@lru_cache(maxsize=131072)
def _press(word: str, initial_ye: bool = True, ending_i: bool = False) -> str:
    """One word in English press spelling; initial_ye=False gives Evgeny, ending_i=True gives Yuri, Dmitri."""
    word = _YO_NAMES.sub(lambda m: m.group()[:-1] + "ё", word)
    tail = ""
    for ending, spelling in _PRESS_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            tail, word = spelling, word[: -len(ending)]
            break
    head = ""
    for prefix, spelling in _PRESS_PREFIXES:
        if word.startswith(prefix):
            head, word = spelling, word[len(prefix):]
            break
    if head or (not initial_ye and word[:1] == "е"):  # spelt as after a consonant: Alexeyev, Evgeny
        body = _iuliia("WIKIPEDIA", "з" + word)[1:] if word else ""
    else:
        body = _iuliia("WIKIPEDIA", word)
    if ending_i and word.endswith("ий") and body.endswith("y"):
        body = body[:-1] + "i"
    return _clean(head + body + tail)


# --- Belarusian names in their Russian-style spelling ---------------------------------------------------

_BE_TO_RU = (
    (re.compile("дз(?=[еёіюяь])"), "д"),
    (re.compile("ц(?=[еёіюяь])"), "т"),
    (re.compile("([лнсз])\\1(?=[яюеі])"), r"\1ь"),
    (re.compile("([бвгджзклмнпрстфхцчш])э"), r"\1е"),
    (re.compile("авіч$"), "ович"),
    (re.compile("аўна$"), "овна"),
    (re.compile("еўна$"), "евна"),
    (re.compile("([еэ])нка$"), "енко"),
    (re.compile("([сц]к)і$"), r"\1ий"),
    (re.compile("і"), "и"),
    (re.compile("ў"), "в"),
)


@lru_cache(maxsize=65536)
def _be_to_ru(word: str) -> str:
    for pattern, replacement in _BE_TO_RU:
        word = pattern.sub(replacement, word)
    return word


# --- Palladius ------------------------------------------------------------------------------------------

# The pinyin syllables, by initial.
_PINYIN_TEXT = """
a ai an ang ao e ei en eng er o ou yi ya yao ye you yan yin yang ying yong yu yue yuan yun wu wa wo wai wei wan
wen wang weng
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
"""

_PALLADIUS_INITIALS = _letters("zh чж ch ч sh ш b б p п m м f ф d д t т n н l л g г k к h х j цз q ц x с "
                               "r ж z цз c ц s с")
_PALLADIUS_ZERO = _letters(
    "a а ai ай an ань ang ан ao ао e э ei эй en энь eng эн er эр o о ou оу yi и ya я yao яо ye е you ю yan янь "
    "yin инь yang ян ying ин yong юн yu юй yue юэ yuan юань yun юнь wu у wa ва wo во wai вай wei вэй wan вань "
    "wen вэнь wang ван weng вэн")
_PALLADIUS_FINALS = _letters(
    "a а ai ай an ань ang ан ao ао e э ei эй en энь eng эн o о ou оу ong ун i и ia я ian янь iang ян iao яо "
    "ie е in инь ing ин iong юн iu ю u у ua уа uai уай uan уань uang уан ui уй un унь uo о v юй ve юэ")


def _palladius_of(syllable: str) -> str:
    """The Palladius spelling of one pinyin syllable (v stands for ü)."""
    if syllable in _PALLADIUS_ZERO:
        return _PALLADIUS_ZERO[syllable]
    initial = syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[:1]
    final = syllable[len(initial):]
    if initial in "jqx" and final[:1] == "u":  # ju = jü
        final = "v" + final[1:]
    if final == "i" and initial in ("z", "c", "s"):
        return _PALLADIUS_INITIALS[initial] + "ы"
    if syllable == "hui":
        return "хуэй"
    if final in ("vn", "van"):
        return _PALLADIUS_INITIALS[initial] + {"vn": "юнь", "van": "юань"}[final]
    return _PALLADIUS_INITIALS[initial] + _PALLADIUS_FINALS[final]


@lru_cache(maxsize=1)
def _palladius_table() -> dict[str, str]:
    """Palladius syllable -> pinyin (v written as u for the Latin side: lü -> lu)."""
    table: dict[str, str] = {}
    for syllable in _PINYIN_TEXT.split():
        table.setdefault(_palladius_of(syllable), syllable.replace("v", "u"))
    return table


@lru_cache(maxsize=65536)
def _palladius_syllables(word: str) -> tuple[str, ...] | None:
    """Pinyin syllables of one Cyrillic token, or None when it does not segment into Palladius syllables."""
    return _segment(word, _palladius_table())


def _segment(word: str, table: Mapping[str, str]) -> tuple[str, ...] | None:
    """The Latin syllables of `word` cut into syllables of `table` (Cyrillic -> Latin), or None.

    Among the segmentations, fewest syllables wins, then fewest syllables that start with a vowel after the
    first (Palladius marks such a boundary with ъ, so "хунань" is hu-nan, not hong-an). Keys of the form
    "м>бпм" are units allowed only before one of the letters after ">" (Polivanov's м for ん before labials),
    keys "<й" only after a vowel (the second half of a diphthong, Хэйсэй = heisei).
    """
    if not word or not all(_is_cyrillic(c) for c in word):
        return None
    longest = max(map(len, table))
    best: list[tuple[int, tuple[str, ...]] | None] = [None] * (len(word) + 1)
    best[0] = (0, ())
    for start in range(len(word)):
        here = best[start]
        if here is None:
            continue
        for end in range(start + 1, min(len(word), start + longest) + 1):
            unit = word[start:end]
            latin = table.get(unit)
            if latin is None and end < len(word):
                latin = table.get(f"{unit}>{word[end]}")
            if latin is None and start and word[start - 1] in _VOWELS:
                latin = table.get(f"<{unit}")
            if latin is None:
                continue
            cost = here[0] + 10 + (1 if start and word[start] in _VOWELS else 0)
            there = best[end]
            if there is None or cost < there[0]:
                best[end] = (cost, (*here[1], latin))
    final = best[len(word)]
    return final[1] if final else None


# --- Polivanov: Japanese names in Cyrillic ----------------------------------------------------------------

_POLIVANOV_ROWS = (  # Cyrillic consonant, then the Hepburn syllables for а и у э о я ю ё
    ("", "a i u e o ya yu yo"), ("к", "ka ki ku ke ko kya kyu kyo"), ("с", "sa shi su se so sha shu sho"),
    ("т", "ta chi - te to cha chu cho"), ("н", "na ni nu ne no nya nyu nyo"), ("х", "ha hi - he ho hya hyu hyo"),
    ("м", "ma mi mu me mo mya myu myo"), ("р", "ra ri ru re ro rya ryu ryo"), ("в", "wa - - - o - - -"),
    ("г", "ga gi gu ge go gya gyu gyo"), ("дз", "za ji zu ze zo ja ju jo"), ("д", "da - - de do - - -"),
    ("б", "ba bi bu be bo bya byu byo"), ("п", "pa pi pu pe po pya pyu pyo"),
)


@lru_cache(maxsize=1)
def _polivanov_table() -> dict[str, str]:
    """Polivanov (the Russian system for Japanese) syllable -> Hepburn, with ん, っ and the diphthong й."""
    table: dict[str, str] = {"цу": "tsu", "фу": "fu", "н": "n", "м>б": "m", "м>п": "m", "м>м": "m", "<й": "i"}
    for consonant, syllables in _POLIVANOV_ROWS:
        for vowel, latin in zip("аиуэояюё", syllables.split(), strict=True):
            if latin != "-":
                table[consonant + vowel] = latin
    for doubled, latin in (("к", "k"), ("с", "s"), ("т", "t"), ("п", "p")):  # sokuon: Хаттори, Саппоро
        table[f"{doubled}>{doubled}"] = latin
    table["т>ц"] = "t"
    return table


@lru_cache(maxsize=65536)
def _polivanov_syllables(word: str) -> tuple[str, ...] | None:
    """Hepburn syllables of one Cyrillic token ("Хаттори" -> ha t to ri), or None when it does not segment."""
    return _segment(word, _polivanov_table())


# --- Korean names in Cyrillic (Kontsevich and the older Russian practice) --------------------------------

_KOREAN_INITIALS = _letters("к k кх k кк kk г g н n т t тх t тт tt д d р r л l м m п p пх p пп pp б b с s "
                            "сс ss х h ч j чж j чх ch чч jj")
_KOREAN_VOWELS = _letters("а a э ae я ya о o ё yo е e у u ю yu ы u и i ва wa вэ wae во wo ви wi ве oe ый ui "
                          "йе ye")
_KOREAN_FINALS = _letters("к k н n ль l р l м m п p т t")
# Common Korean surnames as Russian writes them: the anchor that tells a Korean name from a Russian one.
_KOREAN_SURNAMES = frozenset(_words("ким ли ри пак чхве чон чен кан чо юн чан лим хан со син квон хван ан сон ю хон "
                             "ко мун ян пэ пэк хо нам но ха квак чу ку мин рю чин чи ом пён чэ вон пан кон"))


@lru_cache(maxsize=1)
def _korean_table() -> dict[str, str]:
    """Cyrillic syllable -> DPRK/McCune-Reischauer-style Latin. Kontsevich writes both ㅓ and ㅗ as о and both
    ㄴ and ㅇ finals as н; the older practice writes ㅓ as е after ч and с (Ким Чен Ын, Ким Ир Сен). A final н
    after these vowels is read as "ng" (jong, song, myong), the commoner value in names."""
    table: dict[str, str] = {}
    for initial, latin_initial in (("", ""), *_KOREAN_INITIALS.items()):
        for vowel, latin_vowel in _KOREAN_VOWELS.items():
            if vowel == "е" and initial in ("ч", "чж", "с"):
                latin_vowel = "o"
            for final, latin_final in (("", ""), *_KOREAN_FINALS.items()):
                if final == "н" and vowel in ("о", "ё", "е"):
                    latin_final = "ng"
                table.setdefault(initial + vowel + final, latin_initial + latin_vowel + latin_final)
    return table


@lru_cache(maxsize=65536)
def _korean_syllables(word: str) -> tuple[str, ...] | None:
    syllables = _segment(word, _korean_table())
    return syllables if syllables and len(syllables) <= 3 else None


def korean(text: str) -> str:
    """A Korean name in Cyrillic read back to the DPRK/MR style, one token per syllable ("Ким Чен Ын" ->
    "kim jong un"), or "" when it is not shaped like one (two or more tokens, a common Korean surname first
    or last, every token one to three Korean syllables)."""
    return " ".join(_korean_tokens(text, False))


def _korean_tokens(text: str, join_given: bool) -> tuple[str, ...]:
    words = _tokens(text)
    if len(words) < 2 or not (words[0] in _KOREAN_SURNAMES or words[-1] in _KOREAN_SURNAMES):
        return ()
    parts = [_korean_syllables(w) for w in words]
    if any(p is None for p in parts):
        return ()
    syllables = [p for p in parts if p is not None]
    if not join_given:
        return tuple(s for part in syllables for s in part)
    if words[0] in _KOREAN_SURNAMES:
        return ("".join(syllables[0]), "".join(s for part in syllables[1:] for s in part))
    return ("".join(s for part in syllables[:-1] for s in part), "".join(syllables[-1]))


# --- public schemes -------------------------------------------------------------------------------------

def _tokens(text: str) -> tuple[str, ...]:
    return _prepare(text)[0]


def _join(parts: list[str]) -> str:
    return " ".join(p for p in parts if p)


def _table_for(text: str, language: str | None, tables: Mapping[str, _Table]) -> _Table:
    language = language or detect_language(text)
    return tables.get(language, tables[RUSSIAN])


def bgn_pcgn(text: str, language: str | None = None) -> str:
    """BGN/PCGN (US/UK geographic names): Yevgeniy Prigozhin; Ukrainian Oleksandr; Belarusian Alyaksandr."""
    language = language or detect_language(text)
    if language == UKRAINIAN:
        return _join([_spell(_BGN_UKRAINIAN, w) for w in _tokens(text)])
    if language == BELARUSIAN:
        return _join([_spell(_BGN_BELARUSIAN, w) for w in _tokens(text)])
    return _join([_iuliia("BGN_PCGN", w) for w in _tokens(text)])


def wikipedia(text: str) -> str:
    """iuliia's Wikipedia scheme, the English-language baseline: Yevgeny, Yury, Pyotr, Dmitry."""
    return _join([_iuliia("WIKIPEDIA", w) for w in _tokens(text)])


def english_press(text: str, initial_ye: bool = True, ending_i: bool = False) -> str:
    """English press spelling: Yevgeny (Evgeny with initial_ye=False, Yevgeni with ending_i=True),
    Alexander, Alexei, Sergei, Yulia, Prigozhin."""
    return _join([_press(w, initial_ye, ending_i) for w in _tokens(text)])


def icao_doc_9303(text: str) -> str:
    """ICAO Doc 9303 (Russian passports since 2013): Evgenii Prigozhin, Iuliia; Ukrainian є -> ie, г -> g."""
    return _join([_iuliia("ICAO_DOC_9303", w) for w in _tokens(text)])


def gost_52535(text: str) -> str:
    """GOST R 52535.1-2006 (Russian passports 2010-2013): ц -> tc, Evgenii."""
    return _join([_iuliia("GOST_52535", w) for w in _tokens(text)])


def old_passport(text: str) -> str:
    """MVD 310-1997 (Russian passports before 2010): Evgeniy, Sergey, Aleksandr, Yuliya."""
    return _join([_iuliia("MVD_310", w) for w in _tokens(text)])


def mvd_782(text: str) -> str:
    """MVD 782-2000 (passports 2000-2010 in some offices): as MVD 310 but ё -> yo/e."""
    return _join([_iuliia("MVD_782", w) for w in _tokens(text)])


def iso_9(text: str) -> str:
    """ISO 9:1995 = GOST 7.79-2000 System A with the diacritics folded: Evgenij Prigozin."""
    return _join([_iuliia("GOST_779", w) for w in _tokens(text)])


_GERMANS = MappingProxyType({RUSSIAN: _GERMAN, UKRAINIAN: _GERMAN_UK, BELARUSIAN: _GERMAN_BE})
_FRENCHES = MappingProxyType({RUSSIAN: _FRENCH, UKRAINIAN: _FRENCH_UK, BELARUSIAN: _FRENCH_BE})
_POLISHES = MappingProxyType({RUSSIAN: _POLISH, UKRAINIAN: _POLISH_UK, BELARUSIAN: _POLISH_BE})


def german(text: str, language: str | None = None) -> str:
    """German (Duden) transcription: Jewgeni Prigoschin, Chodorkowski, Schuwalow; Wolodymyr Selenskyj."""
    table = _table_for(text, language, _GERMANS)
    return _join([_spell(table, w) for w in _tokens(text)])


def french(text: str, language: str | None = None) -> str:
    """French transcription: Evgueni Prigojine, Khodorkovski, Poutine (ou for у, j for ж, ch for ш)."""
    table = _table_for(text, language, _FRENCHES)
    return _join([_spell(table, w) for w in _tokens(text)])


def polish(text: str, language: str | None = None) -> str:
    """Polish transcription, diacritics folded: Jewgienij Prigożyn -> prigozyn, Chodorkowski, Szczerbakow."""
    table = _table_for(text, language, _POLISHES)
    return _join([_spell(table, w) for w in _tokens(text)])


def ukrainian_national(text: str) -> str:
    """Ukrainian national transliteration (Cabinet resolution 55 of 2010, Ukrainian passports): Oleksandr,
    Yuliia, Zghurskyi; ye/yi/y/yu/ya only at the start of a word."""
    return _join([_spell(_UKRAINIAN_NATIONAL, w) for w in _tokens(text)])


def belarusian_passport(text: str) -> str:
    """Belarusian passports (MVD 2008/2010 = ICAO's Belarusian table): Aliaksandr Lukashenka, Siarhei."""
    return _join([_spell(_BELARUSIAN_PASSPORT, w) for w in _tokens(text)])


def belarusian_national(text: str) -> str:
    """Belarusian national Latin (2007, UN-adopted) with diacritics folded: Aliaksandr Lukasenka."""
    return _join([_spell(_BELARUSIAN_NATIONAL, w) for w in _tokens(text)])


def belarusian_as_russian(text: str) -> str:
    """A Belarusian name in its Russian-style spelling, then the Wikipedia scheme: Лукашэнка -> lukashenko."""
    return _join([_iuliia("WIKIPEDIA", _be_to_ru(w)) for w in _tokens(text)])


def bulgarian(text: str) -> str:
    """Bulgarian Streamlined System (official since 2009): ъ -> a, щ -> sht, х -> h: Hristo Stoichkov."""
    return _join([_spell(_BULGARIAN, w) for w in _tokens(text)])


def serbian(text: str, dj: bool = False) -> str:
    """Serbian Latin (Gaj) with diacritics folded as lists fold them (đ -> d, or "dj" with dj=True)."""
    table = _SERBIAN_DJ if dj else _SERBIAN
    return _join([_spell(table, w) for w in _tokens(text)])


def macedonian(text: str, folded: bool = False) -> str:
    """Macedonian official romanisation (ѓ gj, ќ kj, ж zh), or its diacritic form folded (ǵ -> g)."""
    table = _MACEDONIAN_FOLDED if folded else _MACEDONIAN
    return _join([_spell(table, w) for w in _tokens(text)])


def foreign(text: str) -> str:
    """A foreign name in Russian practical transcription read back: Уильям Джонсон -> wilyam jonson."""
    return _join([_spell(_FOREIGN, w) for w in _tokens(text)])


def palladius(text: str, split: bool = False) -> str:
    """Pinyin of a Chinese name in Palladius Cyrillic ("Си Цзиньпин" -> "xi jinping"), or "" unless every
    token segments into Palladius syllables. split=True gives a token per syllable ("xi jin ping")."""
    return " ".join(_syllable_tokens(text, _palladius_syllables, split))


def polivanov(text: str) -> str:
    """Hepburn of a Japanese name in Polivanov Cyrillic ("Хаяо Миядзаки" -> "hayao miyazaki"), or "" unless
    every token segments into Polivanov syllables."""
    return " ".join(_syllable_tokens(text, _polivanov_syllables, False))


def _syllable_tokens(text: str, segment: Callable[[str], tuple[str, ...] | None], split: bool) -> tuple[str, ...]:
    """Tokens of a name read syllable by syllable; () unless every token segments. Hyphenated parts are one
    given name ("Цзэ-минь" -> zemin) unless split."""
    words, joined = _prepare(text)
    out: list[str] = []
    for word, hyphenated in zip(words, joined, strict=True):
        syllables = segment(word)
        if syllables is None:
            return ()
        if split:
            out.extend(syllables)
        elif hyphenated and out:
            out[-1] += "".join(syllables)
        else:
            out.append("".join(syllables))
    return tuple(out)


# --- readings -------------------------------------------------------------------------------------------

TokenScheme = Callable[[str], str]
_Schemes = tuple[tuple[str, TokenScheme], ...]


def _with_table(table: _Table) -> TokenScheme:
    return lambda word: _spell(table, word)


def _with_iuliia(schema_name: str) -> TokenScheme:
    return lambda word: _iuliia(schema_name, word)


_PRESS: _Schemes = (
    ("english-press", _press),
    ("wikipedia", _with_iuliia("WIKIPEDIA")),
    ("bgn-pcgn", _with_iuliia("BGN_PCGN")),
    ("icao", _with_iuliia("ICAO_DOC_9303")),
    ("old-passport", _with_iuliia("MVD_310")),
)
_MORE_RUSSIAN: _Schemes = (
    ("english-press-e", lambda w: _press(w, False)),
    ("english-press-i", lambda w: _press(w, True, True)),
    ("mvd-782", _with_iuliia("MVD_782")),
    ("gost-52535", _with_iuliia("GOST_52535")),
    ("german", _with_table(_GERMAN)),
    ("french", _with_table(_FRENCH)),
    ("polish", _with_table(_POLISH)),
    ("iso-9", _with_iuliia("GOST_779")),
    ("foreign", _with_table(_FOREIGN)),
)
_TURKIC = _letters("ғ gh қ q ж j ҷ j")
_SCHEMES: Mapping[str, _Schemes] = MappingProxyType({
    RUSSIAN: _PRESS + _MORE_RUSSIAN,
    "ru-undecided": _PRESS + (("ukrainian-national", _with_table(_UKRAINIAN_NATIONAL)),) + _MORE_RUSSIAN
    + (("bulgarian", _with_table(_BULGARIAN)),),
    UKRAINIAN: (
        ("ukrainian-national", _with_table(_UKRAINIAN_NATIONAL)),
        ("bgn-pcgn-uk", _with_table(_BGN_UKRAINIAN)),
        ("english-press", _press), ("wikipedia", _with_iuliia("WIKIPEDIA")),
        ("icao", _with_iuliia("ICAO_DOC_9303")),
        ("german-uk", _with_table(_GERMAN_UK)), ("french-uk", _with_table(_FRENCH_UK)),
        ("polish-uk", _with_table(_POLISH_UK)), ("iso-9", _with_iuliia("GOST_779")),
        ("old-passport", _with_iuliia("MVD_310")),
    ),
    BELARUSIAN: (
        ("belarusian-passport", _with_table(_BELARUSIAN_PASSPORT)),
        ("bgn-pcgn-be", _with_table(_BGN_BELARUSIAN)),
        ("belarusian-national", _with_table(_BELARUSIAN_NATIONAL)),
        ("belarusian-as-russian", lambda w: _press(_be_to_ru(w))),
        ("belarusian-as-russian-bgn", lambda w: _iuliia("BGN_PCGN", _be_to_ru(w))),
        ("belarusian-as-russian-icao", lambda w: _iuliia("ICAO_DOC_9303", _be_to_ru(w))),
        ("german-be", _with_table(_GERMAN_BE)), ("french-be", _with_table(_FRENCH_BE)),
        ("polish-be", _with_table(_POLISH_BE)), ("wikipedia", _with_iuliia("WIKIPEDIA")),
        ("iso-9", _with_iuliia("GOST_779")),
    ),
    BULGARIAN: (("bulgarian", _with_table(_BULGARIAN)),) + _PRESS + _MORE_RUSSIAN,
    SERBIAN: (
        ("serbian", _with_table(_SERBIAN)), ("serbian-dj", _with_table(_SERBIAN_DJ)),
        ("icao", _with_iuliia("ICAO_DOC_9303")), ("bgn-pcgn", _with_iuliia("BGN_PCGN")),
        ("iso-9", _with_iuliia("GOST_779")),
    ),
    MACEDONIAN: (
        ("macedonian", _with_table(_MACEDONIAN)), ("macedonian-folded", _with_table(_MACEDONIAN_FOLDED)),
        ("serbian-dj", _with_table(_SERBIAN_DJ)), ("icao", _with_iuliia("ICAO_DOC_9303")),
        ("bgn-pcgn", _with_iuliia("BGN_PCGN")), ("iso-9", _with_iuliia("GOST_779")),
    ),
    CENTRAL_ASIAN: _PRESS[:3]
    + (("turkic", lambda w: _iuliia("WIKIPEDIA", "".join(_TURKIC.get(c, c) for c in w))),)
    + _PRESS[3:] + _MORE_RUSSIAN,
})


def readings(text: str) -> list[Reading]:
    """Every plausible Latin reading of a Cyrillic name, best first; [] when the text has no Cyrillic."""
    return list(_readings(text))


@lru_cache(maxsize=32768)
def _readings(text: str) -> tuple[Reading, ...]:
    words = _tokens(text)
    letters = " ".join(words)
    if not any(_is_cyrillic(c) for c in letters):
        return ()
    language = _language(letters)
    if language == RUSSIAN and _undecided_east_slavic(letters):
        language = "ru-undecided"
    forms = _legal_form_positions(words)
    if forms:
        words = tuple(forms.get(position, word) for position, word in enumerate(words))
    if forms or _names_organisation(words):
        words = _without_repeat(words)
    found: list[Reading] = []
    for name, scheme in _SCHEMES[language]:
        tokens = tuple(t for t in (word if position in forms else scheme(word) for position, word in enumerate(words))
                       if t)
        found.append(Reading(tokens, name))
        if len(found) == 3:  # a Chinese name: its pinyin right after the main Russian readings
            found.extend(_syllabic_readings(text))
    if len(found) < 3:
        found.extend(_syllabic_readings(text))
    _, _, quoted, initial = _marked_tokens(text)  # a repeat left out (_without_repeat) was at the end
    brand = _brand_positions(words, quoted[: len(words)])
    initials = frozenset(position for position, flag in enumerate(initial[: len(words)]) if flag)
    found[1:1] = _translations(words, _SCHEMES[language][0][1], brand, initials)  # organisation: after main reading
    return tuple(unique_readings(found))


def _legal_form_positions(words: tuple[str, ...]) -> dict[int, str]:
    """Abbreviated legal forms inside a name ("Филиал ПАО «Компания «Сухой»") and their classes, by position.
    Those at its ends are already classes (orgtypes.replace_legal_forms). A two-letter one (АО) only in the
    name of an organisation: Ао is also a Chinese surname."""
    found = {position: form for position, word in enumerate(words[1:-1], 1) if (form := cyrillic_form_class(word))}
    if not found or all(len(words[position]) >= 3 for position in found):
        return found
    organisation = _names_organisation(words)
    return {position: form for position, form in found.items() if organisation or len(words[position]) >= 3}


def _names_organisation(words: tuple[str, ...]) -> bool:
    """A legal form or a word of the vocabulary that says what kind of body a name is."""
    return any(is_legal_form(word) or ((english := translate_word(word)) is not None and english[1]) for word in words)


def _without_repeat(words: tuple[str, ...]) -> tuple[str, ...]:
    """An organisation's name given twice over ends with its repeat: "Акционерное общество «Швабе» АО «Швабе»"
    (full form, then short) is one name, "jsc shvabe", not two; the repeat is left out (two words or more)."""
    for size in range(len(words) // 2, 1, -1):
        if words[-size:] == words[-2 * size:-size]:
            return words[:-size]
    return words


TRANSLATION = "translation"
_MAX_TRANSLATIONS = 4  # the translation reading and at most three others (speed: each is a query form)
_SHORT_PLACES = -1  # a choice of readings: place adjectives read as places without -sk


def _translations(words: tuple[str, ...], transliterate: TokenScheme, brand: frozenset[int] = frozenset(),
                  initials: frozenset[int] = frozenset()) -> list[Reading]:
    """The translation reading of an organisation name, then others that change one thing each; [] for any
    other name.

    Each other reading changes one thing, most telling first: the place adjectives read as places without
    -sk ("курганский" is Kurgan, not Kurgansk), a quoted one-word name translated after all («Копир»,
    Copier), then one ambiguous word in its next sense ("завод" is a plant, works or factory in list
    English), second senses first. Changing
    one at a time keeps the rest in the commoner sense; the count is capped, as every reading is one more
    form to look up.
    """
    first = _translation(words, transliterate, {}, brand, initials)
    if first is None:
        return []
    choices: list[dict[int, int]] = []
    if any(is_geographic_adjective(word) and translate_word(word) is None for word in words):
        choices.append({_SHORT_PLACES: 1})
    if any(translate_word(words[position]) is not None for position in brand):
        choices.append({_BRANDS_TRANSLATED: 1})
    # the next sense of each ambiguous word before the third of any: "управление" (directorate, administration,
    # management, control) must not take every place from the words after it
    # management, control) must not take every place from the words after it; a sense spelt nearly as the
    # first (systems, system; centre, center) last, as the matcher meets it through the first anyway
    senses = sorted((_near_first(words, position, sense), sense, position) for position in range(len(words))
                    if position not in brand for sense in range(1, _senses(words, position)))
    choices += [{position: sense} for _, sense, position in senses]
    found = [first]
    for choice in choices[: _MAX_TRANSLATIONS - 1]:
        found.append(Reading(_translated_tokens(words, transliterate, choice, brand, initials)[0], TRANSLATION))
    return found


_BRANDS_TRANSLATED = -2  # a choice of readings: quoted one-word names translated like the rest


def _brand_positions(words: tuple[str, ...], quoted: tuple[bool, ...]) -> frozenset[int]:
    """Positions of the words of one-word quoted names, when words outside the quotes say what the
    organisation is (АО «НПО «Прибор»»: Pribor, not Instrument); «Технологии» alone is still translated."""
    if not any(quoted) or len(quoted) != len(words):
        return frozenset()
    outside = [word for word, inside in zip(words, quoted, strict=True) if not inside]
    if not any((found := translate_word(word)) is not None and found[1] for word in outside):
        return frozenset()
    return frozenset(position for position, inside in enumerate(quoted) if inside)


def _near_first(words: tuple[str, ...], position: int, sense: int) -> bool:
    """Whether a one-word sense is spelt nearly as the word's first: one holds the other, or they begin alike."""
    first, other = _sense_text(words, position, 0), _sense_text(words, position, sense)
    if " " in first or " " in other:
        return False
    return first in other or other in first or first[:4] == other[:4]


def _sense_text(words: tuple[str, ...], position: int, sense: int) -> str:
    if position + 1 < len(words):
        phrase = translate_phrase(words[position], words[position + 1], sense)
        if phrase is not None:
            return phrase[0]
    found = translate_word(words[position], sense)
    return found[0] if found else ""


def _senses(words: tuple[str, ...], position: int) -> int:
    """How many English senses the word at position has, or the phrase it starts with the next word."""
    if position + 1 < len(words) and phrase_senses(words[position], words[position + 1]):
        return len(phrase_senses(words[position], words[position + 1]))
    return sense_count(words[position])


def _translation(words: tuple[str, ...], transliterate: TokenScheme, choice: dict[int, int],
                 brand: frozenset[int] = frozenset(), initials: frozenset[int] = frozenset()) -> Reading | None:
    """An organisation name with its vocabulary in English and the rest transliterated, or None.

    "Хабаровский судостроительный завод" -> "khabarovsk shipbuilding plant": lists give such names in English
    translation, which no transliteration meets. Only when a word says the name is an organisation's: a word
    of the vocabulary that names a kind of body, or a legal form (already its class, `jsc`, `llc`, ...).
    """
    tokens, organisation = _translated_tokens(words, transliterate, choice, brand, initials)
    return Reading(tokens, TRANSLATION) if organisation else None


def _translated_tokens(words: tuple[str, ...], transliterate: TokenScheme, choice: dict[int, int],
                       brand: frozenset[int] = frozenset(),
                       initials: frozenset[int] = frozenset()) -> tuple[tuple[str, ...], bool]:
    """The tokens of the translation, each word in the sense `choice` gives its position (else its first),
    and whether a word marks an organisation. Words of a quoted name (`brand`) are transliterated unless
    the choice is to translate them; initials ("С." of "им. С.В. Ильюшина") are always."""
    tokens: list[str] = []
    organisation = False
    phrase_end = -1
    keep_brand = _BRANDS_TRANSLATED not in choice
    for position, word in enumerate(words):
        if position <= phrase_end:
            continue
        if position in initials or (keep_brand and position in brand):
            tokens.append(transliterate(word))
            continue
        found = translate_phrase(word, words[position + 1], choice.get(position, 0)) \
            if position + 1 < len(words) and not (keep_brand and position + 1 in brand) else None
        if found is not None:
            phrase_end = position + 1
        else:
            found = translate_word(word, choice.get(position, 0))
        if found is None and _is_cyrillic(word[:1]):
            stem = ic_stem(word)
            place = geographic_stem(word, _SHORT_PLACES in choice)
            tokens.append(transliterate(stem) + "c" if stem else transliterate(place))
            continue
        if found is None:
            organisation = organisation or is_legal_form(word)
            tokens.append(word)
            continue
        english, org = found
        organisation = organisation or org
        tokens.extend(english.split())
    return tuple(t for t in tokens if t), organisation


def _syllabic_readings(text: str) -> list[Reading]:
    """Chinese (Palladius), Japanese (Polivanov) and Korean readings, when every token segments."""
    found: list[Reading] = []
    joined = _syllable_tokens(text, _palladius_syllables, False)
    if joined:
        found += [Reading(joined, "palladius"), Reading(_syllable_tokens(text, _palladius_syllables, True),
                                                        "palladius")]
    japanese = _syllable_tokens(text, _polivanov_syllables, False)
    if japanese:
        found.append(Reading(japanese, "polivanov"))
    korean_tokens = _korean_tokens(text, False)
    if korean_tokens:
        found += [Reading(korean_tokens, "korean"), Reading(_korean_tokens(text, True), "korean")]
    return found
