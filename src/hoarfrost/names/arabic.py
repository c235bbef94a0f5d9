"""Latin readings and consonant skeletons of names written in Arabic script (Arabic, Persian, Urdu, Pashto, Uyghur).

Arabic script leaves short vowels unwritten, so "محمد" is m-h-m-d and the Latin "Muhammad", "Mohammed",
"Mohamed" and "Mehmet" cannot be told apart letter by letter. This module therefore gives three kinds of
reading:

1. **Consonant skeletons** (key space `SKELETON`): every word becomes a key of consonant classes, and
   `latin_skeleton` maps any Latin token into the same alphabet, so a Latin name and an Arabic-script name
   meet there. `hebrew.py` maps Hebrew into the same alphabet, so all three meet in one space.
2. **Common spellings** (scheme "arabic-common-spelling", Latin space): a table of the few hundred most
   frequent Arabic and Persian name elements with their usual Latin spellings, plus the rules for the
   particles (al-, bin, abu, abd) that join or split them: "عبد الرحمن" -> "abdul rahman", "abdulrahman",
   "abd al rahman", "abdurrahman"... Words outside the table get a plain letter reading
   (scheme "arabic-letters") that writes the long vowels only.
3. **Uyghur** (written with all its vowels): the Uyghur Latin script ULY (scheme "uly"), the same with the
   English habits x -> h, q -> k ("uly-common"), and the pinyin-style spelling that Chinese documents
   give Uyghur names (scheme "uyghur-pinyin": "Memet" -> "Maimaiti").

The key alphabet (lower-case ASCII; one letter per class):

    a  only as the first letter: the word starts with a vowel, alif, hamza or ʿayn (Ali, Omar, Ibrahim).
       Arabic script cannot begin a word with a bare vowel, so this is reliable on both sides, and it keeps
       "Ali" (al) apart from "Li", "Lee" (l).
    b  ب پ, Latin b p: Arabic has no p and writes foreign p as ب.
    t  ت ط ث ٹ ټ, Latin t th: ث is "th" in Arabic spellings (Othman, Haitham) and "t" in Egyptian ones
       (Tamer); its Persian/Turkish "s" (Osman) comes from a variant reading, not from the class.
    j  ج ژ ږ, Latin j dj dzh zh.
    h  ح ه خ ہ ھ, Latin h kh: Russian and Central Asian spellings write ح/ه as "kh" (Khasan, Khamid) and
       Turkish ones write خ as "h" (Halil), so one class. A plain h that ends a word is dropped on both
       sides (ة and final ه are silent: Fatima/Fatimah/Fatemeh; Abdulla/Abdullah), and so is final ح,
       since Latin cannot tell "Saleh" (ح) from "-eh" (ه).
    d  د ذ ض ظ ز ڈ ډ ځ, Latin d dh z: ذ ض ظ are "dh"/"d" in Arabic spellings and "z" in Persian, Urdu
       and Turkish ones (Dhia, Diya, Zia; Ramadan, Ramazan; Zawahiri), so d and z are one class.
    r  ر ڑ ړ ڕ.       s  س ص څ, Latin s c(e, i) ts tz.
    x  ش چ ښ, Latin sh sch ch tch: French spellings of Maghreb names write ش as "ch" (Chérif, Achour)
       and English ones write چ as "ch" (Chaudhry).
    k  ق ك ک گ غ ګ ڭ, Latin k q c g gh ck: ق is q/k, g (Gulf and Egyptian speech: Gaddafi) and gh
       (Persian: Ghasem); غ is gh/g; Persian گ is g.
    f  ف ڤ, Latin f ph, and v inside a word: Arabic writes a foreign v as ف (فيكتور); the Persian
       و read as v (Javad, Mousavi) comes from the Persian variant reading.
    l m n  as written (ں ڼ are n).
    w  و only at the start of a word, Latin w, v at the start (Vahid, Persian وحید) and French "ou"
       before a vowel (Ouahab).
    y  ي ی only at the start of a word, Latin y before a vowel.

Latin x is ks. Urdu ھ after a consonant marks aspiration: it is dropped where Latin writes the aspirate as
one of the digraphs above (dh, th, kh, gh, ph, ch: چودھری Chaudhry) and kept as h elsewhere (بھٹو Bhutto).

Everything else is dropped: the vowels, ا ى ء ع, and و ي inside a word, which are vowels (ū, ī, ō, ē)
or consonants (w, y, Persian v) in ways the script does not show; Latin a e i o u, inner w, y and v
likewise. A Latin consonant written twice in a row (shadda: Mohammed, Hassan) counts once.
The particles al-/el- (and ad-, ar-, as-, ... with the assimilated sun letters), bin/ben/ibn, bint and
ould carry no key: `latin_skeleton` gives "" and the Arabic article is taken off the word it is
written on. Compounds are cut the same way on both sides: `latin_skeleton("Abdulaziz")` is abd + aziz
("abdadd"), "Abdurrahman" and "Abdel Rahman" lose their article, "Nasrullah" is nasr + allah ("nsral"),
and the Arabic readings include the joined tokens. Variant readings add the forms Latin spellings use
for other compounds and for the article ("Salahuddin", "Saiful Islam", "Alnajrani"), and whole-name
regional profiles: Persian/Turkic (ث s, ة t, و between vowels v) and Egyptian (ج g).

How names are typed is read too: a space lost after a letter that never joins (أمجدعباس is أمجد عباس), titles
that open a name (سيد, شيخ, مولوي, دکتر: read with and without them), several aliases in one field (comma or
slash), a Persian family name of two words written apart (قره باغی: Qarehbaghi), the Persian silent ه before a
zero-width non-joiner (خامنه‌ای: Khamenei), and an English brand of a company spelt in Arabic letters as separate
words (توربو شافت: Turboshaft).

Known collisions of the key space (Latin does not show the difference either): Hasan/Husayn (hsn),
Omar/Amer (amr), Said/Saad/Saud (sd) and other names that differ only in their vowels or in ي/و.

All of this is written here: no maintained library maps Latin name spellings into an Arabic consonant
space, and anyascii's Arabic reading is a bare letter-by-letter transcription ("mhmd") that neither
knows the name conventions nor the spelling classes. The tables are general linguistics (standard
transliteration, well-known national spelling habits), not names taken from any list.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import zip_longest

from hoarfrost.names.org_words_ar import (
    KIND,
    PHRASE_LENGTHS,
    Translation,
    is_name_word,
    translate_phrase,
    translate_word,
)
from hoarfrost.names.orgtypes import kept_in_skeleton
from hoarfrost.names.readings import Reading, unique_readings

SKELETON = "consonant-skeleton"
SKELETON_SCHEME = "arabic-skeleton"
COMMON_SPELLING = "arabic-common-spelling"
LETTERS = "arabic-letters"
ULY = "uly"
ULY_COMMON = "uly-common"
UYGHUR_PINYIN = "uyghur-pinyin"

# ---------------------------------------------------------------------------------------------------------
# Arabic-script letters
# ---------------------------------------------------------------------------------------------------------

_ZWNJ = "\u200c"
# Harakat, Quranic marks, superscript alif, tatweel and joiners: not letters of the skeleton.
_STRIP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200d\u200e\u200f]")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]")

_CONSONANT_KEYS: dict[str, str] = {}
for _letters, _key in (
    ("بپٻڀ", "b"), ("تطثٹټٺٽ", "t"), ("جژږڃڄ", "j"), ("شچښڇ", "x"), ("حخهہھ", "h"),
    ("دذضظزڈډځڌڊڍۮ", "d"), ("رڑړڕ", "r"), ("سصڛ", "s"), ("څ", "s"), ("قكکگغګڭڪڨ", "k"),
    ("فڤڥ", "f"), ("لڵ", "l"), ("م", "m"), ("نںڼڻ", "n"),
):
    for _letter in _letters:
        _CONSONANT_KEYS[_letter] = _key

# Letters that are vowels, alif or glottal: no key (but they mark a vowel-initial word).
_VOWEL_LETTERS = frozenset("اأإآٱءؤئىعۇۆۈۉېەۅێۍےٵٶٷٸ")
_W_LETTERS = frozenset("وۋ")  # consonant w/v at the start of a word, a vowel or v/w inside it
_Y_LETTERS = frozenset("يیۑ")  # consonant y at the start of a word, a vowel inside it
_SILENT_FINALS = frozenset("ةۃهہھح")  # a final h-class letter that Latin spellings drop or cannot show
_AFFRICATE_SECONDS = frozenset("شسز")
_DIGRAPH_ASPIRATES = frozenset("دڈتٹټکكگګپچ")
_LATIN_DIGRAPH_KEYS = {"ک": "h", "ك": "h", "پ": "f"}  # the key of the Latin digraph of an aspirated letter
_SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")

# Whole-name reading profiles: the letter classes a regional spelling habit changes.
# Persian, Turkish and Urdu spellings: ث is s (Osman, Haris), ة is t (Rahmat, Izzat, Hayat), and و between
# vowels is v (Javad, Mousavi, Davood): Latin medial v is f-class, as in foreign names written in Arabic.
_PERSIAN_TURKIC = {"ث": "s", "ة": "t", "و": "f"}
_EGYPTIAN = {"ج": "k"}  # Gamal, Ragab, Naguib
# Persian و between two consonants is often v with short vowels around it, unwritten (توکلی Tavakoli,
# موحد Movahed, نوبخت Nowbakht), as often as the vowel o/u (روحانی Rouhani): a second Persian profile reads it v.
_PERSIAN_V = "persian-v"
# English spellings write ظ and ذ "th" as often as "dh" or "z" (Kathim, Nathim, Thafer: كاظم, ناظم, ظافر).
_TH = {"ظ": "t", "ذ": "t"}
_PROFILE_TABLES: dict[str, dict[str, str]] = {"": {}, "persian": _PERSIAN_TURKIC, _PERSIAN_V: _PERSIAN_TURKIC,
                                              "egyptian": _EGYPTIAN, "th": _TH}


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ے": "ي", "ک": "ك",
                       "ة": "ه", "ہ": "ه", "ۃ": "ه", "ھ": "ه", "ۀ": "ه"})


def fold_arabic(word: str) -> str:
    """One spelling of a word for table look-ups: hamza seats, Persian/Urdu yeh, kaf and heh, ta marbuta."""
    return word.translate(_FOLD)


@dataclass(frozen=True, slots=True)
class _Word:
    """One written word, with the article taken off and what the particles mean for the skeleton."""

    text: str  # the letters without the article
    article: bool  # the word was written with the article ال
    particle: bool  # bin, bint, ibn, the family marker آل, a lone article: no key
    folded: str = ""  # `text` as `fold_arabic` folds it, for table look-ups
    joined: bool = False  # written joined to the next word (Persian محمدحسین, علیرضا)

    @property
    def allah(self) -> bool:
        return self.article and self.folded in ("له", "لهي")  # Allah, and its nisba: فیض اللهی Feyzollahi


def _word(text: str, article: bool, particle: bool) -> _Word:
    return _Word(text, article, particle, fold_arabic(text))


# folded: آل is ال; في (in) and a lone و (and) join the words of organisation names, and carry no key either
_PARTICLES = frozenset({"بن", "ابن", "بنت", "ال", "ولد", "في", "و"})
_ABD = "عبد"
_ABU = frozenset({"ابو", "ابي", "بو"})
# Second elements of compounds that Latin spellings often join to the word before:
# Nasrallah, Salahuddin, Saiful Islam, Ziaulhaq, Habibur Rahman.
_COMPOUND_HEADS = frozenset({"له", "دين", "اسلام", "حق", "رحمن", "رحمان", "زمان", "هدي", "نبي", "نور", "ملك"})


def _clean(text: str) -> str:
    """NFKC (presentation forms and the ﷲ ligature become letters), without marks and tatweel."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text))


def _split_words(text: str, keep_zwnj: bool = False) -> list[str]:
    """Runs of Arabic-script letters; a zero-width non-joiner keeps its word whole (Persian احمدی‌نژاد), and is
    kept in it with `keep_zwnj`."""
    words: list[str] = []
    current: list[str] = []
    for char in _clean(text):
        if _ARABIC_LETTER.match(char):
            current.append(char)
        elif char == _ZWNJ and current:
            if keep_zwnj:
                current.append(char)
            continue
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _analyse(word: str) -> _Word:
    """Take the article off a word and mark particles."""
    folded = fold_arabic(word)
    if folded in _PARTICLES:
        return _word(word, False, True)
    if len(word) >= 4 and folded.startswith("ال") and word[0] != "آ":  # آلومینا is not an article
        return _word(word[2:], True, False)
    return _word(word, False, False)


def _words(text: str) -> list[_Word]:
    return list(_cached_words(text))


@lru_cache(maxsize=65536)
def _cached_words(text: str) -> tuple[_Word, ...]:
    """The words of a name, with compounds written as one word (عبدالرحمن, ابوالحسن, نصرالله,
    نورالدين) cut where the article starts, as they are when written apart."""
    words: list[_Word] = []
    for whole in _split_words(text, keep_zwnj=True):
        pieces = _zwnj_pieces(whole)
        for piece in pieces[:-1]:  # احمدی‌مقدم: Ahmadi-Moghaddam or Ahmadimoghaddam
            words.extend(_piece_words(piece))
            words[-1] = replace(words[-1], joined=True)
        words.extend(_piece_words(pieces[-1]))
    return tuple(words)


# A ه written before a zero-width non-joiner after a consonant: the Persian final vowel e, silent in the key.
_SILENT_HEH = re.compile("[^اآويی]ه$")
_PLURAL_ENDINGS = frozenset({"هاي", "ها", "هايي", "اي", "ايي"})


def _zwnj_pieces(word: str) -> list[str]:
    """A word cut at its zero-width non-joiners, where both sides have three letters or more (a plural or
    ezafe ending stays on its word)."""
    pieces: list[str] = []
    for piece in word.split(_ZWNJ):
        if pieces and (len(pieces[-1]) < 3 or len(piece) < 3 or fold_arabic(piece) in _PLURAL_ENDINGS):
            if _SILENT_HEH.search(pieces[-1]):  # خامنه‌ای, اژه‌ای: the ه is the vowel e (Khamenei, Ejei)
                pieces[-1] = pieces[-1][:-1]
            pieces[-1] += piece
        elif piece:
            pieces.append(piece)
    return pieces


def _piece_words(raw: str) -> list[_Word]:
    """The words of one written word: compounds cut where the article starts, compound given names split."""
    words: list[_Word] = []
    if raw:
        folded = fold_arabic(raw)
        cut = next((len(prefix) - 2 for prefix in ("عبدال", "ابوال") if folded.startswith(prefix)), 0)
        if not cut:
            cut = next((len(raw) - len(suffix) for suffix in ("الله", "الدين") if folded.endswith(suffix)), 0)
        if cut >= 2 and len(raw) - cut >= 4:
            words.append(_analyse(raw[:cut]))
            words.append(_analyse(raw[cut:]))
        elif folded.startswith("بن") and folded[2:] in _COMMON and len(folded) >= 5:  # بنحسين: Ben Hassine
            words += [_analyse(raw[:2]), _analyse(raw[2:])]
        elif folded.startswith("وال") and len(folded) >= 7:  # والمسلمين: wa al-Muslimin
            words += [_analyse(raw[:1]), _analyse(raw[1:])]
        elif (given := _given_names_cut(folded)) is not None:
            words.append(replace(_analyse(raw[:given]), joined=True))
            words.extend(_piece_words(raw[given:]))  # صقرأسعدالرستم: three words run together
        else:
            words.append(_analyse(raw))
    return words


def _given_names_cut(folded: str) -> int | None:
    """Where a word joins two common name elements, or None: Persian writes compound given names as one word
    (محمدحسین, علیرضا, احمدعلی) and Latin apart or hyphenated (Mohammad Hossein, Ali-Reza)."""
    if folded in _COMMON or len(folded) < 6:
        return None
    for cut in range(3, len(folded) - 2):
        head, tail = folded[:cut], folded[cut:]
        if tail.startswith("ي"):
            continue
        if head[-1] in _NON_JOINING and _lost_space(head, tail):
            return cut
        known_head = head in _COMMON or (head.endswith("ي") and head[:-1] in _COMMON)  # احمدی‌مقدم
        if tail in _SURNAME_SUFFIXES:
            if known_head and len(tail) >= 4:  # زاده, نژاد, مقدم: a surname the query lost its ZWNJ in
                return cut
            continue
        if head in _FIRST_ELEMENTS or (head in _COMMON and (tail in _COMMON or (tail.endswith("ي")
                                                                                 and tail[:-1] in _COMMON))):
            return cut
    return None


# Letters that never join the letter after them: a space after one does not show, and is often left out
# when a name is typed (أمجدعباس, ظاهرعويس, أسعدالرستم read as أمجد عباس, ظاهر عويس, أسعد الرستم).
_NON_JOINING = frozenset("اأإآٱدذرزژوؤ")


def _lost_space(head: str, tail: str) -> bool:
    """Whether a word cut after a non-joining letter is two words typed without the space between them:
    the second has the article (and three letters after it), or the first is a common name element and the
    second is one too or a word of four letters or more that is no surname ending."""
    if tail.startswith("ال") and len(tail) >= 5:
        return True
    if head not in _COMMON or head == _ABD or head in _ABU:  # عبدللهپور is one name: Abdollahpour
        return False
    return tail in _COMMON or (len(tail) >= 4 and tail not in _SURNAME_SUFFIXES)


# Name elements that open most Persian compounds, whatever follows (محمدباقر, محمدتقی, آقااحمدی, اللهکرم).
_FIRST_ELEMENTS = frozenset(fold_arabic(word) for word in ("محمد", "علی", "احمد", "سید", "حسین", "امیر", "آقا",
                                                            "الله"))


@lru_cache(maxsize=131072)
def _letters_key(word: str, initial: bool = True, profile: str = "", final: bool = True,
                 aspiration: bool = True) -> str:
    """The skeleton key of the letters of one word (without its article).

    `initial` is False when the word is read as the inside of a longer token (the rest of "Abdulaziz"):
    then neither the vowel marker nor an initial w/y consonant is written, as on the Latin side.
    `final` is False when more letters follow in the Latin token ("Salah" in "Salahuddin"), so that a
    final h-class letter is not silent.
    """
    keys: list[str] = []
    last = len(word) - 1
    table = _PROFILE_TABLES[profile]
    for index, char in enumerate(word):
        first = index == 0 and initial
        if char in table and (char != "و" or _consonantal_vav(word, index)
                              or (profile == _PERSIAN_V and _inner_vav(word, index))):
            keys.append(table[char])
        elif char in _VOWEL_LETTERS or char == "ة":
            if first:
                keys.append("a")
        elif char in _W_LETTERS:
            if first:
                keys.append("w")
        elif char in _Y_LETTERS:
            if first:
                keys.append("y")
        elif aspiration and char == "ھ" and index > 0 and word[index - 1] in _DIGRAPH_ASPIRATES:
            if keys and word[index - 1] in _LATIN_DIGRAPH_KEYS:  # کھ is Latin kh (Lakhvi), پھ ph (Phool)
                keys[-1] = _LATIN_DIGRAPH_KEYS[word[index - 1]]
            continue  # Urdu aspiration that Latin writes inside a digraph: dh, th, kh, gh, ph, ch
        elif char in _CONSONANT_KEYS:
            if final and index == last and char in _SILENT_FINALS and index > 1:
                continue  # but طه (Taha): a two-letter word keeps its h
            if char == "ت" and word[index + 1:index + 2] in _AFFRICATE_SECONDS:
                continue  # ت+ش, ت+س, ت+ز write foreign ch, ts, tz ("تشافيز" Chavez): one class in Latin
            keys.append("s" if char == "ز" and index > 0 and word[index - 1] == "ت" else _CONSONANT_KEYS[char])
    return "".join(keys)


def _consonantal_vav(word: str, index: int) -> bool:
    """و inside a word next to a long vowel letter (جواد, موسوی, داوود) is a consonant, w or v; so it is in
    the Persian surname ending وند (Alvand, Khoshnamvand)."""
    if index == 0:
        return False
    return word[index - 1] == "ا" or word[index + 1:index + 2] in ("ا", "ی", "ي", "ى") or word[index + 1:] == "ند"


def _inner_vav(word: str, index: int) -> bool:
    """و inside a word between two consonant letters (توکلی, موحد): v in the `_PERSIAN_V` profile."""
    return 0 < index < len(word) - 1 and word[index - 1] in _CONSONANT_KEYS and word[index + 1] in _CONSONANT_KEYS


def _word_key(word: _Word, profile: str = "") -> str:
    if word.particle:
        return ""
    if word.allah:
        return "al"  # Allah, Ullah: the article is part of the word in every Latin spelling
    return _letters_key(word.text, True, profile)


@lru_cache(maxsize=65536)
def arabic_skeleton(text: str) -> tuple[str, ...]:
    """One skeleton key per written word (article off; "" for bin, bint, آل and other particles)."""
    return tuple(_word_key(word) for word in _words(text))


def _is_compound(head: _Word, word: _Word) -> bool:
    """Two words that Latin spellings often write as one, or with the article on the first: Salahuddin,
    Saiful Islam, Ziaulhaq. (Abd, Abu and Allah compounds need no variant: `latin_skeleton` writes
    "Abdulaziz" as abd + aziz and "Nasrullah" as nasr + allah, which the matcher joins.)"""
    if head.particle or word.particle or head.article or not word.article or word.allah:
        return False
    return head.folded != _ABD and head.folded not in _ABU and word.folded in _COMPOUND_HEADS


def _compound_keys(head: _Word, word: _Word, profile: str, mode: str) -> tuple[str, ...]:
    """Keys of a compound written in one way: attach (Saiful Islam), attach-sun (Habibur Rahman),
    join (Ziaulhaq, Salahaldin), join-sun (Salahuddin, Nasruddin)."""
    first = _letters_key(head.text, True, profile, final=False)
    inner = _letters_key(word.text, False, profile)
    sun = word.text[:1] in _SUN_LETTERS
    if mode.endswith("-sun") and not sun:
        return (_word_key(head, profile), _word_key(word, profile))
    if mode == "attach":
        return (first + "l", _word_key(word, profile))
    if mode == "attach-sun":
        return (first + inner[:1], _word_key(word, profile))
    return (first + ("" if mode == "join-sun" else "l") + inner,)


def _compound_variant(words: list[_Word], profile: str, mode: str) -> tuple[str, ...] | None:
    """The name with every compound written in one way (`mode`), or None when it has no compound."""
    keys: list[str] = []
    found = False
    index = 0
    while index < len(words):
        word = words[index]
        if index + 1 < len(words) and _is_compound(word, words[index + 1]):
            keys.extend(_compound_keys(word, words[index + 1], profile, mode))
            found = True
            index += 2
            continue
        keys.append(_word_key(word, profile))
        index += 1
    return tuple(keys) if found else None


def _core_joined(words: list[_Word], keys: tuple[str, ...], profile: str = "") -> tuple[str, ...]:
    """Abd, Abu and Allah compounds as one token (Abdulaziz, Abubakar, Nasrullah): the two keys end to end,
    as `latin_skeleton` cuts them. The matcher can join two tokens itself, but only those left over after
    the single matches, and "Nurullah Nuri" would lose its "nr" to the wrong token. Words written joined
    (محمدحسین, اللهکرم) are one Latin word: the second is read as its inside (Mohammadhossein, Allahkaram)."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        nxt = words[index + 1] if index + 1 < len(words) else None
        head = words[index]
        if nxt is not None and not nxt.particle and keys[index + 1] and (
                nxt.allah or (not head.article and head.folded in _ABU | {_ABD})):
            joined.append(keys[index] + keys[index + 1])
            index += 2
            continue
        if nxt is not None and not nxt.particle and head.joined:
            joined.append(("alh" if head.allah else keys[index]) + _letters_key(nxt.text, False, profile))
            index += 2
            continue
        joined.append(keys[index])
        index += 1
    return tuple(joined)


def _tokenisations(words: list[_Word], profile: str) -> list[tuple[str, ...]]:
    """Skeleton tuples of one name: as written, compounds joined, the article written on its word."""
    plain = tuple(_word_key(word, profile) for word in words)
    variants: list[tuple[str, ...]] = [plain, _core_joined(words, plain, profile)]
    has_compound = any(_is_compound(head, word) for head, word in zip(words, words[1:], strict=False))
    for mode in ("join-sun", "join", "attach", "attach-sun") if has_compound else ():
        variant = _compound_variant(words, profile, mode)
        if variant is not None:
            variants.append(variant)
    if any(word.folded in _SURNAME_SUFFIXES for word in words[1:]):  # زارع پور: Zarepour
        variants += [_suffixes_joined(words, plain, profile, final) for final in (True, False)]
    if any(word.article and not word.allah for word in words):  # Alnajrani, Elmasry, and Persian الوند Alvand
        variants.append(tuple(
            _letters_key("ال" + word.text, True, profile) if word.article and not word.allah else key
            for word, key in zip(words, plain, strict=True)
        ))
    return [tuple(key for key in variant if key) for variant in variants]


# Persian (and Pashto) surname endings that are words of their own, often written apart (زارع پور, ایمانی نژاد,
# قلی زاده) where Latin joins them (Zarepour, Imaninejad, Gholizadeh).
_SURNAME_SUFFIXES = frozenset(fold_arabic(word) for word in (
    "پور", "نژاد", "زاده", "وند", "خواه", "کیا", "نیا", "فر", "راد", "منش", "پناه", "ورز", "کش", "خیل", "آبادی",
    "آباد", "نسب", "دوست", "یار", "مقدم", "زی", "جان"))


def _suffixes_joined(words: list[_Word], keys: tuple[str, ...], profile: str, final: bool) -> tuple[str, ...]:
    """The keys with every surname ending written apart joined to the word before it. The ending's
    initial و is Latin v (Adinehvand, Nikvarz); with `final` False, the word before keeps a final ه
    (Adinehvand, not Adinevand)."""
    joined: list[str] = []
    for index, (word, key) in enumerate(zip(words, keys, strict=True)):
        if joined and joined[-1] and word.folded in _SURNAME_SUFFIXES:
            before = words[index - 1]
            if not final and not before.particle and not before.allah:
                joined[-1] = _letters_key(before.text, True, profile, final=False)
            suffix = _letters_key(word.text, False, profile)
            joined[-1] += "f" + suffix if word.text[0] in _W_LETTERS else suffix
        else:
            joined.append(key)
    return tuple(joined)


def _family_joined(words: list[_Word]) -> list[tuple[str, ...]]:
    """The keys with the last two words joined, or []: Persian family names of two words are written apart
    (قره باغی, شوشتری پوستی) and in Latin as one (Qarehbaghi, Shoushtaripousti); the first keeps a final ه
    that Latin writes inside the word (Qareh-)."""
    before, last = words[-2], words[-1]
    if any(word.particle or word.allah or word.folded in _COMMON for word in (before, last)):
        return []
    keys = [_word_key(word) for word in words[:-2]]
    joined = _letters_key(before.text, True, final=False) + _letters_key(last.text, False)
    return [tuple(key for key in (*keys, joined) if key)]


def skeleton_readings(text: str, uyghur: bool = False) -> list[Reading]:
    """Skeleton readings: the plain one first, then compound and article variants, then regional profiles.

    Uyghur is read with its own letters (ھ after a consonant is h there, not Urdu aspiration) and no
    regional profiles."""
    if uyghur:
        keys = tuple(key for key in (_letters_key(word, aspiration=False) for word in _split_words(text)) if key)
        return [Reading(keys, SKELETON_SCHEME, SKELETON)] if keys else []
    words = _words(text)
    if not words:
        return []
    found: list[Reading] = []
    persian = any(char in _PERSIAN_LETTERS for char in text)
    for profile, table in _PROFILE_TABLES.items():
        if profile and not any(letter in table for word in words for letter in word.text):
            continue
        if profile == _PERSIAN_V and not (persian and any(
                _inner_vav(word.text, index) for word in words for index in range(len(word.text)))):
            continue
        found.extend(Reading(tokens, SKELETON_SCHEME, SKELETON) for tokens in _tokenisations(words, profile))
    if persian and len(words) >= 3:
        found.extend(Reading(tokens, SKELETON_SCHEME, SKELETON) for tokens in _family_joined(words))
    if any(_DIGRAPH_PAIR.search(word.text) for word in words if not word.particle):
        keys = tuple(_word_key(replace(word, text=_as_digraphs(word.text)) if not word.particle else word)
                     for word in words)
        found.append(Reading(tuple(key for key in keys if key), SKELETON_SCHEME, SKELETON))
    return unique_readings(found)


# A consonant then ح or ه inside a word, which Latin spellings write as one of their digraphs: س+ح "sh" (اسحاق
# Is-haq: Ishaq, Ishakzai), ز or ظ+ه "zh" (اظهر, مظهر: Azhar, Mazhar), د or ض+ح/ه "dh" (مدحت Midhat, أدهم Adham),
# ت or ط+ح/ه "th" (فتحي Fathi). Latin reads the digraph as one letter (ش, ژ, ذ, ث), so a variant reads the pair so.
_DIGRAPH_PAIR = re.compile("([سزظدضتط])[حهہھ](?=.)")
_DIGRAPH_LETTER = {"س": "ش", "ز": "ژ", "ظ": "ژ", "د": "د", "ض": "ض", "ت": "ت", "ط": "ط"}


def _as_digraphs(text: str) -> str:
    return _DIGRAPH_PAIR.sub(lambda match: _DIGRAPH_LETTER[match.group(1)], text)


# ---------------------------------------------------------------------------------------------------------
# Latin tokens into the skeleton alphabet
# ---------------------------------------------------------------------------------------------------------

_LATIN_PARTICLES = frozenset({
    "al", "el", "ul", "il", "ol", "ad", "ar", "as", "at", "az", "ash", "ath", "adh", "ud", "ur", "us", "uz", "ush",
    "ut", "ed", "er", "es", "et", "ez", "esh", "bin", "ben", "ibn", "ibni", "ibnu", "bn", "bint", "binti", "binte",
    "bent", "ould", "uld", "wuld",
})
_VOWELS = frozenset("aeiou")
# Longest first at each position.
_LATIN_UNITS: tuple[tuple[str, str], ...] = (
    ("tsch", "x"), ("dzh", "j"), ("tch", "x"), ("tsh", "x"), ("sch", "x"),
    ("sh", "x"), ("ch", "x"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "k"), ("th", "t"), ("dh", "d"),
    ("ph", "f"), ("ck", "k"), ("tz", "s"), ("ts", "s"), ("x", "ks"),
    ("b", "b"), ("p", "b"), ("v", "f"), ("d", "d"), ("z", "d"), ("f", "f"), ("g", "k"), ("k", "k"), ("q", "k"),
    ("h", "h"), ("j", "j"), ("l", "l"), ("m", "m"), ("n", "n"), ("r", "r"), ("s", "s"), ("t", "t"),
)
_LATIN_UNIT_MAP = dict(_LATIN_UNITS)


def _ascii_token(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.casefold())
    return "".join(char for char in decomposed if char.isascii() and char.isalnum())


def _latin_units(token: str) -> Iterator[tuple[str, str]]:
    """(spelling unit, key) pairs of a Latin token, digraphs first."""
    index = 0
    while index < len(token):
        for size in (4, 3, 2):
            unit = token[index:index + size]
            if len(unit) == size and unit in _LATIN_UNIT_MAP:
                yield unit, _LATIN_UNIT_MAP[unit]
                index += size
                break
        else:
            char = token[index]
            if char == "c":
                yield char, "s" if token[index + 1:index + 2] in ("e", "i", "y") else "k"
            else:
                yield char, _LATIN_UNIT_MAP.get(char, char if char.isdigit() else "")
            index += 1


_ALLAH_ENDINGS = ("ullahi", "allahi", "ollahi", "ullah", "ulla", "allah", "alla", "ollah", "olla", "ullo")
_SUN_UNITS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")
_BIN_AL = ("binal", "benal", "ibnal", "binel", "benel")
_ABUL = re.compile(r"ab(?:u|ou|o)(?:a|e)?l(.*)")  # Abulfazl, Abolfazl, Abualfazl, Abouelkheir


def _after_article(rest: str) -> str:
    """What follows an article written on the word before it: "ulaziz" -> "aziz", "urrahman" -> "rahman"."""
    if not rest or rest[0] not in _VOWELS:
        return rest  # Abdrahman
    after = rest[1:]
    if after == "l" or after in _SUN_UNITS:
        return ""  # Abdul, Abdel, Abdur, Abdus
    if after.startswith("l"):
        return after[1:]  # Abdul-aziz, Abdel-kader
    for unit in _SUN_UNITS:
        if after.startswith(unit + unit):
            return after[len(unit):]  # Abdur-rahman, Abdus-salam
    return after  # Abdu-rahman, Abdou


def _compound_skeleton(text: str) -> str | None:
    """The key of a token that joins two Arabic words, as the Arabic side writes them apart, or None.

    name + Allah ("Nasrullah", "Abdallah") -> nasr + al; abd + article + name ("Abdulaziz",
    "Abdurrahman", "Abdelkader") -> abd + aziz; abu + article + name ("Abulhassan") -> ab + hassan.
    The matcher joins the two Arabic keys, so the article and the linking vowel must not be in the key.
    """
    for ending in _ALLAH_ENDINGS:
        if text.endswith(ending):
            stem = _word_skeleton(text[:-len(ending)])
            if len(stem) >= 2 or (len(text) - len(ending) >= 3 and stem not in ("", "a")):  # Ruhollah, not Mullah
                return stem + "al"
    if text.startswith("abd") and len(text) > 4:
        return "abd" + _consonantal(_word_skeleton(_after_article(text[3:])))
    for prefix in _BIN_AL:  # the nasab particle and the article written on the name: Binalshibh, Benalhadj
        if text.startswith(prefix) and len(text) - len(prefix) >= 3:
            return _consonantal(_word_skeleton(text[len(prefix):]))
    abul = _ABUL.fullmatch(text)
    if abul:
        return "ab" + _consonantal(_word_skeleton(abul.group(1)))
    return None


def _consonantal(key: str) -> str:
    """A key that says something, or "": a bare vowel marker ("Abdou" -> abd + "a") says nothing."""
    return key if key not in ("", "a") else ""


@lru_cache(maxsize=131072)
def english_key(token: str) -> str:
    """The skeleton key of an English word of a translated organisation name: a company word or legal
    form stays itself, as in a listed Latin name's skeleton (matching.forms.skeleton_of)."""
    return token if kept_in_skeleton(token) else latin_skeleton(token)


@lru_cache(maxsize=262144)  # every listed Latin name's tokens pass here when the index is built
def latin_skeleton(token: str) -> str:
    """A Latin token in the skeleton alphabet: "Mohammed" -> "mhmd", "Kassem" -> "ksm", "al" -> ""."""
    text = _ascii_token(token)
    if not text or text in _LATIN_PARTICLES:
        return ""
    compound = _compound_skeleton(text)
    return compound if compound is not None else _word_skeleton(_without_written_article(text))


_ASSIMILATED_ARTICLE = re.compile("e(tt|dd|rr|ss|nn)(?=[a-z]{3})")  # not Ezz- (عز: Ezzeddine, Ezzat)


def _without_written_article(text: str) -> str:
    """The Maghreb (French) spelling of the assimilated article written on its word, taken off:
    "Essabar" (الصبار) -> "sabar", "Eddine" -> "dine", "Ennahda" -> "nahda"; not "Essam" or "Essa"."""
    return text[2:] if _ASSIMILATED_ARTICLE.match(text) else text


def _word_skeleton(text: str) -> str:
    """The key of one Latin word with no compound in it. English "ight" (light, night) is said "ait", as
    Arabic letters write it (مونلايت): the gh is silent."""
    if not text:
        return ""
    text = text.replace("ight", "it")
    keys: list[str] = []
    start = 0
    if text.startswith("ou") and text[2:3] in _VOWELS:  # French ou before a vowel is w: Ouahab, Ouali
        keys.append("w")
        start = 2
    elif text[0] in "wv" or (text[0] == "y" and text[1:2] in _VOWELS):
        keys.append("w" if text[0] in "wv" else "y")
        start = 1
    elif text[0] in _VOWELS or text[0] == "y":
        keys.append("a")
    previous = ""  # the unit just before: a letter written twice (mm, ss, dhdh) is one consonant
    last_unit = ""
    for unit, key in _latin_units(text[start:]):
        last_unit = unit
        if key and unit != previous:
            keys.append(key)
        previous = unit
    if last_unit == "h" and len(keys) > 1 and keys[-1] == "h":
        keys.pop()
    return "".join(keys)


# ---------------------------------------------------------------------------------------------------------
# Common spellings: Latin readings of the most frequent name elements
# ---------------------------------------------------------------------------------------------------------

# The most frequent Arabic and Persian name elements with their usual Latin spellings, most usual first;
# after "/" the Persian, Afghan and Urdu spellings, put first when the name is written with Persian letters.
# General knowledge of Arabic onomastics (given names, the 99 names that follow Abd, common family-name
# words), not names picked from any list. Keys are written as `fold_arabic` folds them.
_COMMON_TABLE = """
محمد: muhammad mohammed mohamed mohammad muhammed mohamad mohd / mohammad mohamad muhammad
احمد: ahmad ahmed / ahmad
محمود: mahmoud mahmud mahmood / mahmood mahmoud
مصطفي: mustafa mostafa moustafa mustapha / mostafa mustafa
علي: ali aly
حسن: hassan hasan / hasan hassan
حسين: hussein husayn hussain husain hossein hosein / hossein hussain hosein
حسني: husni hosni
عمر: omar umar
عثمان: othman uthman osman usman / osman usman
عمار: ammar
خالد: khalid khaled
خليل: khalil
خليفه: khalifa khalifah
ابراهيم: ibrahim ebrahim brahim / ebrahim ibrahim
اسماعيل: ismail ismael esmail / esmail ismail
اسحاق: ishaq ishak eshaq / eshaq ishaq
يعقوب: yaqub yacoub yakub yaqoob / yaqub yaqoob
يوسف: yusuf youssef yousef yousif yusef / yousef yusuf
يونس: yunus younes younis yunis
موسي: musa moussa mousa / mousa musa
عيسي: isa issa eisa
سليمان: sulaiman suleiman sulayman soleiman slimane / soleiman sulaiman
داود: dawood daoud dawud daud / davood dawood
داوود: dawood daoud dawud / davood dawood
الياس: ilyas elias
زكريا: zakaria zakariya zakariyya
يحيي: yahya yehia yahia
نوح: nuh nouh
ادم: adam
هارون: harun haroun haroon
صالح: salih saleh
صلاح: salah
جمال: jamal gamal djamel
كمال: kamal kemal
جلال: jalal
بلال: bilal
طارق: tariq tarek tarik
فيصل: faisal faysal feisal faycal
فهد: fahd fahad
سعود: saud
سعد: saad saad sad
سعيد: said saeed saeid / saeed saeid
سيد: sayed sayyid syed said / sayed seyed syed
فاطمه: fatima fatimah fatma fatemeh / fatemeh fatima
عايشه: aisha aishah ayesha aicha
عائشه: aisha aishah ayesha aicha
خديجه: khadija khadijah khadijeh
مريم: maryam mariam meriem
زينب: zainab zaynab zeinab
نور: nur noor nour
امينه: amina aminah
حمزه: hamza hamzah hamzeh
اسامه: osama usama oussama
عبد: abd abdul abdel
رحمن: rahman rehman
رحيم: rahim raheem
عزيز: aziz
كريم: karim kareem
لطيف: latif lateef
حميد: hamid hameed
مجيد: majid majeed
قادر: qadir kader qader
مالك: malik malek
ملك: malik malek
سلام: salam
جبار: jabbar
غني: ghani
وهاب: wahab wahhab
رزاق: razzaq razaq razak
حكيم: hakim hakeem
حليم: halim
باسط: basit baset
هادي: hadi
ناصر: nasser nasir naser
قيوم: qayyum qayoom
جليل: jalil
حفيظ: hafiz hafeez
واحد: wahid
صمد: samad
رووف: rauf raouf
رءوف: rauf raouf
اله: ilah
منعم: monem munim
فتاح: fattah
ستار: sattar
غفور: ghafoor ghafur
شكور: shakur shakoor
عظيم: azim azeem
عليم: alim aleem
رشيد: rashid rasheed rachid
مطلب: muttalib
محسن: mohsen muhsin
منان: mannan
قدوس: quddus
حي: hai hay
حق: haq haque
دين: din deen
اسلام: islam
زمان: zaman
هدي: huda hoda
نبي: nabi
رسول: rasul rasool
امين: amin ameen
انور: anwar anouar
انس: anas
ايمن: ayman aymen
اكرم: akram
اسعد: asad asaad
اسد: asad
اشرف: ashraf
اياد: iyad eyad
بكر: bakr bakar bakir
ابو: abu abou
بشير: bashir basheer bachir
بشار: bashar
ثامر: thamer thamir tamer
جابر: jaber jabir
جعفر: jafar jaafar
حارث: harith haris
حامد: hamed hamid
حبيب: habib
حسام: hussam hossam
حافظ: hafez hafiz
حيدر: haidar haider hayder
راشد: rashed rashid
رضا: rida ridha reza / reza
رياض: riyadh riad riyad
زياد: ziad ziyad
زيد: zaid zayd zeid
سالم: salem salim
سليم: salim selim
سامي: sami samy
سلمان: salman
سلطان: sultan
شريف: sharif cherif
شاكر: shakir shaker
صابر: saber sabir
صدام: saddam
ضياء: dhia zia diya diaa
ضيا: zia dhia / zia
طلال: talal
طه: taha
عادل: adel adil
عامر: amer amir
امير: amir ameer
عباس: abbas
عدنان: adnan
عزت: izzat ezzat
عصام: issam essam
علاء: alaa ala
عماد: imad emad
عمران: imran omran
عوض: awad
غازي: ghazi
غسان: ghassan
فارس: fares faris
فاروق: farouk faruq farooq
فاضل: fadel fadhil fazel
فتحي: fathi fathy
فراس: firas
فريد: farid
فواد: fouad fuad
فؤاد: fouad fuad
قاسم: qasim qasem kassem kasim / qasem ghasem qasim
كاظم: kadhim kazem kazim / kazem kazim
ماجد: majed majid
مازن: mazen
مجدي: magdy majdi
مختار: mokhtar mukhtar
مراد: murad mourad morad
مروان: marwan
مسعود: masoud masud
معاذ: muadh moaz
منصور: mansour mansur
مهدي: mahdi mehdi / mehdi mahdi
ناجي: naji
نبيل: nabil nabeel
نجيب: najib naguib
نزار: nizar
نصر: nasr
نعيم: naim naeem
نادر: nader nadir
نايف: nayef naif
نواف: nawaf
هاشم: hashem hashim
هشام: hisham hicham
هيثم: haitham haytham
هاني: hani hany
وائل: wael wail
وايل: wael wail
وليد: walid waleed
ياسر: yasser yasir yaser
ياسين: yassin yasin yaseen
يزيد: yazid yazeed
بدر: badr badar
نجم: najm
شمس: shams
سيف: saif seif sayf
مجاهد: mujahid
تركي: turki
بندر: bandar
سلمي: salma
ليلي: layla leila laila
ساره: sara sarah
هند: hind
مني: mona muna
رانيا: rania
جميل: jamil jameel
جواد: jawad javad / javad jawad
اكبر: akbar
اصغر: asghar
غلام: ghulam gholam
رحمت: rahmat
نعمت: nimat nemat
عزيزي: azizi
خان: khan
جان: jan
امجد: amjad
صقر: saqr saqer sakr
ظاهر: zahir dhahir daher / zaher zahir
ماهر: maher mahir
وسيم: wasim waseem wassim
غياث: ghiath ghayth ghaith
رامي: rami ramy
باسل: basil bassel
نضال: nidal nedal
لؤي: louay luay
قصي: qusay qusai kusai
همام: humam hammam
جهاد: jihad jehad
نذير: nazir nadhir
زهير: zuhair zouhair zuhayr
رائد: raed raid
صادق: sadiq sadek sadegh / sadegh sadeq sadiq
باقر: baqir bagher baqer / bagher baqer
تقي: taqi taghi / taghi taqi
نقي: naqi naghi / naghi naqi
مهند: muhannad mohannad
معتز: moutaz mutaz
مصعب: musab mosab
عاصم: asim assem asem
رستم: rustam rostam / rostam rustam
خسرو: khosrow khosro khusro
پرويز: parviz pervez parvez
بهرام: bahram
بهمن: bahman
داريوش: dariush daryoush
كوروش: kourosh kurosh
فريدون: fereydoun freydun
شهرام: shahram
كامران: kamran
منوچهر: manouchehr manuchehr
ايرج: iraj
سهراب: sohrab
بيژن: bijan bizhan
فرهاد: farhad
وحيد: vahid wahid / vahid
فرشاد: farshad
نويد: navid naveed
گل: gul gol
شاه: shah
زاده: zadeh zada zade
پور: pour pur
نژاد: nejad nezhad
حاجي: haji hajji
ملا: mullah mulla
شيخ: sheikh shaikh shaykh
دكتر: dr doctor
دكتور: dr doctor
محيي: muhyi mohie
عبيد: obaid ubaid
عواد: awad
مبارك: mubarak
منير: munir mounir
سمير: samir
بسام: bassam
حمد: hamad
حماد: hammad
حمدان: hamdan
حمود: hamoud hammoud
مشعل: mishal meshal
متعب: mutaib miteb
سعدي: saadi
ربيع: rabie rabih
رمضان: ramadan ramzan ramazan
شعبان: shaaban chaabane
رجب: rajab ragab
جمعه: juma jumaa gomaa
خميس: khamis
عيد: eid
عوده: ouda awda
زهره: zahra zohra
رقيه: ruqayya roqia
حليمه: halima
صفيه: safia safiya
امنه: amna amina
"""

_PERSIAN_LETTERS = frozenset("پچژگکی")
_ABD_SPELLINGS = (("abdul",), ("abdul+",), ("abd", "al"), ("abdel",), ("abdel+",), ("abdu*",), ("abd",))


def _parse_table(text: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """word -> (Arabic-habit spellings, Persian-habit spellings)."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for line in text.strip().splitlines():
        word, spellings = line.split(":", 1)
        arabic_part, _, persian_part = spellings.partition("/")
        arabic = tuple(dict.fromkeys(arabic_part.split()))
        persian = tuple(dict.fromkeys(persian_part.split() + list(arabic)))
        table[word.strip()] = (arabic, persian)
    return table


_COMMON = _parse_table(_COMMON_TABLE)


def common_spellings(word: str, persian: bool = False) -> tuple[str, ...]:
    """Usual Latin spellings of one name element (no article), most usual first; () when not in the table.

    A nisba (the -i adjective of a name: سليماني, محمدي) takes the spellings of its stem plus "i".
    """
    folded = fold_arabic(word)
    entry = _COMMON.get(folded)
    if entry is None and len(folded) > 3 and folded.endswith("ي"):
        stem = _COMMON.get(folded[:-1])
        if stem is not None:
            entry = (tuple(_nisba(s) for s in stem[0] if not s.endswith("i")),
                     tuple(_nisba(s) for s in stem[1] if not s.endswith("i")))
    if entry is None:
        return ()
    return entry[1] if persian else entry[0]


def _nisba(spelling: str) -> str:
    return (spelling[:-1] if spelling.endswith("e") else spelling) + "i"  # Slimane -> Slimani


_LETTER_LATIN: dict[str, str] = {}
for _letters, _latin in (
    ("بٻ", "b"), ("پ", "p"), ("تطٹټ", "t"), ("ث", "th"), ("ج", "j"), ("چ", "ch"), ("حهہھ", "h"), ("خ", "kh"),
    ("دڈډ", "d"), ("ذ", "dh"), ("رڑړڕ", "r"), ("زظځ", "z"), ("ضڌ", "d"), ("ژږ", "zh"), ("سصڛ", "s"), ("څ", "s"),
    ("شښ", "sh"), ("غ", "gh"), ("فڥ", "f"), ("ڤۋ", "v"), ("ق", "q"), ("كکڪ", "k"), ("گګڭ", "g"), ("لڵ", "l"),
    ("م", "m"), ("نںڼڻ", "n"), ("اآأٱ", "a"), ("إ", "i"), ("ىة", "a"), ("ۃ", "a"), ("ےې", "e"),
):
    for _letter in _letters:
        _LETTER_LATIN[_letter] = _latin


@lru_cache(maxsize=65536)
def letter_reading(word: str, back_vowel: str = "u", front_vowel: str = "i") -> str:
    """A rough Latin reading of one word from its letters: long vowels only, as the script shows them.

    Good for foreign names (written with their vowels: "توميتا" -> "tumita") and a fuzzy hint for Arabic ones
    ("سليماني" -> "slimani"). و and ي are w/y at the start of a word or beside alif, else the vowels
    `back_vowel` (u or o) and `front_vowel` (i or e).
    """
    out: list[str] = []
    for index, char in enumerate(word):
        before = word[index - 1] if index else ""
        after = word[index + 1:index + 2]
        beside_alif = before == "ا" or after == "ا"
        if char in _W_LETTERS:
            out.append("w" if index == 0 or beside_alif else back_vowel)
        elif char in _Y_LETTERS:
            out.append("y" if index == 0 or beside_alif else front_vowel)
        elif char == "ع":
            vowel_near = before in _VOWEL_LETTERS or after in _VOWEL_LETTERS | _W_LETTERS | _Y_LETTERS
            out.append("" if vowel_near else "a")
        elif char == "ھ" and before in _CONSONANT_KEYS:
            out.append("h")  # Urdu aspirate: bh, dh, kh as written (Bhutto)
        else:
            out.append(_LETTER_LATIN.get(char, ""))
    return "".join(out)


_ALTERNATIVES_CAP = 6


def _unit_alternatives(words: list[_Word], index: int, persian: bool,
                       back_vowel: str = "u") -> tuple[list[tuple[str, ...]], int, bool]:
    """Ranked Latin spellings of the unit that starts at words[index]: (alternatives, words used, all known)."""
    word = words[index]
    if word.allah:
        return [("allah",), ("ullah",)], 1, True
    nxt = words[index + 1] if index + 1 < len(words) else None
    if word.particle:
        folded = word.folded
        particle = {"بن": ("bin", "ibn", "ben"), "ابن": ("ibn", "bin"), "بنت": ("bint",), "ولد": ("ould",),
                    "في": ("fi",), "و": ("wa",)}
        return [(spelling,) for spelling in particle.get(folded, ("al",))], 1, True
    head, head_known = _spellings(word, persian, back_vowel)
    if nxt is not None and not nxt.particle and not word.article and nxt.article:
        tail, tail_known = _spellings(nxt, persian, back_vowel)
        return _compound_spellings(word, nxt, head, tail), 2, head_known and (tail_known or nxt.allah)
    if word.folded in _ABU and nxt is not None and not nxt.particle:
        tail, tail_known = _spellings(nxt, persian, back_vowel)
        return [("abu", tail[0]), ("abu" + tail[0],), ("abou", tail[0])] + [("abu", t) for t in tail[1:]], 2, \
            tail_known
    if word.article:
        sun = word.text[:1] in _SUN_LETTERS
        alternatives = [("al", head[0]), ("al" + head[0],), ("el", head[0])]
        if sun:
            alternatives.append((_sun_article(head[0]), head[0]))
        alternatives.extend(("al", spelling) for spelling in head[1:])
        return alternatives, 1, head_known
    return [(spelling,) for spelling in head], 1, head_known


def _sun_article(spelling: str) -> str:
    """The assimilated article before a sun letter: ad-Din, ash-Shami, ar-Rahman."""
    digraph = spelling[:2]
    return "a" + (digraph if digraph in ("sh", "th", "dh") else spelling[:1])


def _spellings(word: _Word, persian: bool, back_vowel: str) -> tuple[tuple[str, ...], bool]:
    known = common_spellings(word.text, persian)
    if known:
        return known, True
    letters = letter_reading(word.text, back_vowel, "e" if back_vowel == "o" else "i")
    return ((letters,) if letters else ("",)), False


def _compound_spellings(head_word: _Word, word: _Word, head: tuple[str, ...],
                        tail: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A word followed by an article word: Abd al-Rahman, Nasrallah, Salah al-Din, Saif al-Islam, or just
    a name and a family name with al- (Muhammad al-Tikriti)."""
    h, t = head[0], tail[0]
    if word.allah:
        if head_word.folded == _ABD:
            return [("abdullah",), ("abdallah",), ("abd", "allah"), ("abdulla",)]
        return [(h + "ullah",), (h + "allah",), (h, "allah"), (h, "ullah")] + [(x + "ullah",) for x in head[1:]]
    sun = word.text[:1] in _SUN_LETTERS
    assimilated = _sun_article(t)[1:] if sun else "l"
    if head_word.folded == _ABD:
        found = [("abdul", t), ("abdul" + t,), ("abd", "al", t), ("abdel", t), ("abdel" + t,)]
        if sun:  # Abdurrahman, Abdus Salam
            found[3:3] = [("abdu" + assimilated + t,), ("abdu" + assimilated, t)]
        return found + [("abdul", x) for x in tail[1:]]
    if word.folded in _COMPOUND_HEADS:
        linked = "u" + assimilated + t if sun else "ul" + t
        return [(h + linked,), (h, "al", t), (h + "al" + t,), (h + ("e" + assimilated + t if sun else "el" + t),)]
    return [(h, "al", t), (h, "al" + t), (h, "el", t)] + [(x, "al", t) for x in head[1:]]


def common_spelling_readings(text: str) -> list[Reading]:
    """Latin readings from the table of common name elements, ranked: the i-th reading takes every word's
    i-th usual spelling. Words outside the table get their letter reading (scheme "arabic-letters")."""
    words = _words(text)
    if not words:
        return []
    persian = any(char in _PERSIAN_LETTERS for char in text)
    units, all_known = _units(words, persian, "u")
    scheme = COMMON_SPELLING if all_known else LETTERS
    depth = min(_ALTERNATIVES_CAP, max(len(unit) for unit in units))
    found = [Reading(_ranked(units, rank), scheme) for rank in range(depth)]
    if not all_known:  # foreign names keep o, e where Arabic writes u, i: "توميتا" tomita
        found.insert(1, Reading(_ranked(_units(words, persian, "o")[0], 0), LETTERS))
        found.insert(2, Reading(tuple(letter_reading(w.text, "o") for w in words if not w.particle and w.text),
                                LETTERS))
    return unique_readings(found)


def _units(words: list[_Word], persian: bool, back_vowel: str) -> tuple[list[list[tuple[str, ...]]], bool]:
    units: list[list[tuple[str, ...]]] = []
    all_known = True
    index = 0
    while index < len(words):
        alternatives, used, known = _unit_alternatives(words, index, persian, back_vowel)
        units.append(alternatives)
        all_known = all_known and known
        index += used
    return units, all_known


def _ranked(units: list[list[tuple[str, ...]]], rank: int) -> tuple[str, ...]:
    """Every unit's rank-th spelling (or its last): names are spelt in one habit more often than mixed."""
    return tuple(token for unit in units for token in unit[min(rank, len(unit) - 1)] if token)


# ---------------------------------------------------------------------------------------------------------
# Uyghur: written with all its vowels, so it is transliterated, not guessed
# ---------------------------------------------------------------------------------------------------------

_UYGHUR_MARKS = frozenset("ۇۆۈېەۋڭ")
# Letters of Persian, Pashto, Urdu and Sorani Kurdish that Uyghur does not use: their presence rules it out
# (Pashto shares ې, Sorani shares ە and ۆ).
_NOT_UYGHUR = frozenset("یکټډړږښګڼځڅێڕڵۍےہٹڈڑں")
_ULY: dict[str, str] = {
    "ا": "a", "ە": "e", "ب": "b", "پ": "p", "ت": "t", "ج": "j", "چ": "ch", "خ": "x", "د": "d", "ر": "r",
    "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "گ": "g", "ڭ": "ng",
    "ل": "l", "م": "m", "ن": "n", "ھ": "h", "ه": "h", "و": "o", "ۇ": "u", "ۆ": "ö", "ۈ": "ü", "ۋ": "w",
    "ې": "é", "ى": "i", "ي": "y", "ئ": "",
}
_ULY_FOLD = str.maketrans({"ö": "o", "ü": "u", "é": "e"})


_UYGHUR_SEATED = re.compile("(?:^|(?<=[^\u0620-\u06ff]))ئ[اەوۇۆۈېى]|ى(?=[\u0620-\u06ff])")


def is_uyghur(text: str) -> bool:
    """Uyghur Arabic script: its own vowel letters (ۇ ۆ ۈ ې ە), ۋ ڭ, a vowel on a hamza seat at the start of
    a word (ئا ئى: Arabic writes ا إ there), or ى inside a word (Arabic writes it only at the end); and none
    of the Persian, Pashto, Urdu or Kurdish letters that Uyghur lacks."""
    letters = set(text)
    if letters & _NOT_UYGHUR:
        return False
    return bool(letters & _UYGHUR_MARKS) or bool(_UYGHUR_SEATED.search(text))


def _uly_words(text: str) -> list[str]:
    """ULY of every word, with ö ü é kept (the pinyin-style reading needs them)."""
    return [word for word in ("".join(_ULY.get(char, "") for char in raw) for raw in _split_words(text)) if word]


def uly(text: str) -> str:
    """Uyghur Latin Yéziqi (ULY, 2001), with ö ü é folded to o u e: "ئىلھام توختى" -> "ilham toxti"."""
    return " ".join(_uly_words(text)).translate(_ULY_FOLD)


def uly_common(text: str) -> str:
    """ULY as English-language sources write Uyghur names: x as h, q as k ("Ilham Tohti", "Rebiya Kadeer")."""
    return uly(text).replace("x", "h").replace("q", "k")


_ULY_UNITS = re.compile("ch|sh|zh|gh|ng(?![aeéiouöü])|[a-zé-ü]")
_PINYIN_VOWELS = {"a": "a", "e": "ai", "é": "ai", "i": "i", "o": "u", "ö": "u", "u": "u", "ü": "u"}
_PINYIN_ONSETS = {"q": "k", "x": "h", "gh": "g", "ch": "q", "sh": "x", "zh": "r", "ng": "n"}
_PINYIN_CODAS = {"r": "er", "l": "li", "m": "mu", "b": "bu", "p": "pu", "d": "de", "t": "ti", "k": "ke", "q": "ke",
                 "g": "ge", "gh": "ge", "h": "he", "x": "he", "s": "si", "sh": "xi", "z": "zi", "j": "ji",
                 "ch": "qi", "f": "fu", "w": "wu", "y": "yi", "zh": "ri", "n": "n", "ng": "ng"}
_E_AFTER = frozenset({"r", "h", "x", "k", "q", "g", "gh"})  # re, he, ke, ge: Chinese writes these with e


def uyghur_pinyin(text: str) -> str:
    """The pinyin-style spelling of Uyghur names in Chinese documents: every consonant that closes a syllable
    gets a vowel ("Tohti" -> "tuheti", "Memet" -> "maimaiti", "Ilham" -> "yilihamu"), e is "ai", o u ö ü are
    "u", and a word starting with i or u takes y or w ("yi", "wu"). General letter rules only: the
    Chinese-character spellings they imitate vary."""
    return " ".join(_pinyin_word(word) for word in _uly_words(text))


def _pinyin_word(word: str) -> str:
    units = _ULY_UNITS.findall(word)
    out: list[str] = []
    for index, unit in enumerate(units):
        vowel = unit in _PINYIN_VOWELS
        previous = units[index - 1] if index else ""
        following = units[index + 1] if index + 1 < len(units) else ""
        if vowel:
            if previous and previous not in _PINYIN_VOWELS:
                out.append("e" if unit in "eé" and previous in _E_AFTER else _PINYIN_VOWELS[unit])
            elif unit == "i":
                out.append("yi")
            elif unit in "oöuü":
                out.append("wu")
            else:
                out.append(_PINYIN_VOWELS[unit])
        elif following in _PINYIN_VOWELS:
            out.append(_PINYIN_ONSETS.get(unit, unit))
        else:
            out.append(_PINYIN_CODAS.get(unit, unit))
    return "".join(out)


def uyghur_readings(text: str) -> list[Reading]:
    found = [Reading(tuple(uly(text).split()), ULY), Reading(tuple(uly_common(text).split()), ULY_COMMON),
             Reading(tuple(uyghur_pinyin(text).split()), UYGHUR_PINYIN)]
    return unique_readings(found)


# ---------------------------------------------------------------------------------------------------------
# Organisation names: their vocabulary in English
# ---------------------------------------------------------------------------------------------------------

TRANSLATION = "translation"
_Unit = tuple[tuple[str, ...], "_Word | None"]  # a word's English senses, or () and the word itself
_TRANSLATION_DEPTH = 3  # readings per space: the first, second and third usual sense of each word
_CLITIC_ARTICLES = ("وال", "فال", "بال", "كال")  # and/so/with/like + the article, on a word of four letters or more


def translation_readings(text: str, legal_form: bool = False) -> list[Reading]:
    """An organisation name with its vocabulary in English and the rest as written in Latin and as keys, or [].

    "جبهة النصرة" -> "front nsra" (Latin) and "frnt nsr" (skeleton, where it meets "Al-Nusrah Front"); the
    i-th pair of readings takes every word's i-th usual sense. Only when a word says the name is an
    organisation's (`org_words_ar.ORG_WORDS`), so that person names never get one.
    """
    persian = any(char in _PERSIAN_LETTERS for char in text)
    pieces = [piece for word in _clean(text).replace(_ZWNJ, " ").split() for piece in _split_words(word)
              if len(piece) > 1 or piece == "و"]  # another lone letter is what is left of an abbreviation
    units: list[_Unit] = []
    kinds: list[bool] = []  # the word names a kind of organisation
    organisation = legal_form
    index = 0
    while index < len(pieces):
        used, found = _translate_at(pieces, index, persian)
        units.append(((), _untranslated(pieces[index])) if found is None else (found[0], None))
        kinds.append(found is not None and found[1] == KIND)
        organisation = organisation or (found is not None and bool(found[1]))
        pieces[index:index + used] = [" ".join(pieces[index:index + used])]
        index += 1
    if not (organisation or _all_vocabulary(units, pieces)):
        return []
    depth = min(_TRANSLATION_DEPTH, max(len(senses) for senses, _ in units))
    found_readings: list[Reading] = []
    for rank in range(depth):
        found_readings += _translated(units, rank, persian)
    head = _head_only(units, kinds, pieces)
    if head is not None:  # "شرکت ایمن صنعت زمان فرا": Imen Sanat Zaman Fara Company
        found_readings[2:2] = _translated(head, 0, persian)
    core = _core(units, kinds)
    if core is not None:
        found_readings[2:2] = _translated(core, 0, persian)
    kindless = _kindless(units, kinds)
    if kindless is not None:  # "سازمان بسیج مستضعفین": Basij-e Mostazafin
        found_readings += _translated(kindless, 0, persian)
    named = _names_romanised(units, pieces)
    if named is not None:  # "شركة الجبل للحماية": Al-Jabal Protection Company
        found_readings[2:2] = [reading for rank in range(depth) for reading in _translated(named, rank, persian)]
        kindless = _kindless(named, kinds)
        if kindless is not None:
            found_readings += _translated(kindless, 0, persian)
    return [reading for reading in found_readings if reading.tokens]


def _translated(units: list[_Unit], rank: int, persian: bool) -> list[Reading]:
    """The Latin and skeleton readings that take every word's `rank`-th sense (or its first, the usual one,
    when it has fewer: "command defence", not "command defense", where قرارگاه has a third)."""
    latin: list[str] = []
    keys: list[str] = []
    for senses, word in units:
        if word is None:
            english = senses[rank if rank < len(senses) else 0].split()  # past its senses: its usual one
            latin += english
            keys += [english_key(token) for token in english]
        elif not word.particle:
            spelt = common_spellings(word.text, persian)
            latin.append(spelt[0] if spelt else letter_reading(word.text))
            keys.append(_word_key(word))
    return [Reading(_distinct(latin), TRANSLATION), Reading(_distinct(keys), TRANSLATION, SKELETON)]


def _distinct(tokens: list[str]) -> tuple[str, ...]:
    """Tokens without empties and without a word twice in a row (الحماية والحراسة: protection, security)."""
    return tuple(token for index, token in enumerate(tokens) if token and (index == 0 or token != tokens[index - 1]))


def _head_only(units: list[_Unit], kinds: list[bool], pieces: list[str]) -> list[_Unit] | None:
    """The units with only the kind of organisation translated (the first or last word: company, bank,
    group), or None: lists often romanise the rest of a name ("Sanat", "Tejarat") and translate the kind."""
    head = 0 if kinds[0] else len(units) - 1
    inner = [index for index, (senses, word) in enumerate(units)
             if word is None and senses[0] and index != head and " " not in pieces[index]]  # a phrase stays
    if not kinds[head] or not inner:
        return None
    return [((), _untranslated(pieces[index])) if index in inner else unit for index, unit in enumerate(units)]


def _names_romanised(units: list[_Unit], pieces: list[str]) -> list[_Unit] | None:
    """The units with the words that are often a name's own (`org_words_ar.NAME_WORDS`: martyr, mountain)
    romanised, or None when there is none."""
    named = [index for index, (_, word) in enumerate(units) if word is None and is_name_word(pieces[index])]
    if not named:
        return None
    return [((), _untranslated(pieces[index])) if index in named else unit for index, unit in enumerate(units)]


def _kindless(units: list[_Unit], kinds: list[bool]) -> list[_Unit] | None:
    """The units without the kind of organisation at either end, or None: lists often leave it out or
    give it in the other language ("Sazman", "Bonyad") where the name is romanised."""
    ends = [index for index in (0, len(units) - 1) if kinds[index]]
    rest = [unit for index, unit in enumerate(units) if index not in ends[:1] and (unit[1] is not None or unit[0][0])]
    return rest if ends and len(rest) >= 2 else None


def _core(units: list[_Unit], kinds: list[bool]) -> list[_Unit] | None:
    """The units without the vocabulary that does not name a kind of organisation (adjectives, places),
    or None when there is none: lists often drop it ("شركة صروح العقارية": Souruh Company)."""
    if all(kind or word is not None for (_, word), kind in zip(units, kinds, strict=True)):
        return None
    core = [unit for unit, kind in zip(units, kinds, strict=True) if kind or unit[1] is not None]
    return core if len(core) >= 2 else None


def _all_vocabulary(units: list[_Unit], pieces: list[str]) -> bool:
    """Two words or more, all of them vocabulary, the first with the article ("الجهاد الاسلامي المصري"):
    a person's name is made of names and does not open with the article on an ordinary word."""
    words = [senses for senses, word in units if word is None and senses[0]]
    return len(words) >= 2 and len(words) == len(units) and fold_arabic(pieces[0]).startswith("ال")


def _translate_at(pieces: list[str], index: int, persian: bool) -> tuple[int, Translation | None]:
    """(words used, senses and mark) of the phrase or word at `index`; (1, None) when it is not vocabulary."""
    for length in PHRASE_LENGTHS:
        if index + length <= len(pieces):
            found = translate_phrase(tuple(pieces[index:index + length]))
            if found is not None:
                return length, found
    return 1, translate_word(pieces[index], persian)


def _untranslated(piece: str) -> _Word:
    """A word outside the vocabulary, with the article and any clitic on it taken off: "والمسلمين" -> مسلمين."""
    folded = fold_arabic(piece)
    for prefix in _CLITIC_ARTICLES:
        if folded.startswith(prefix) and len(piece) - len(prefix) >= 4:
            return _word(piece[len(prefix):], True, False)
    if folded.startswith("لل") and len(piece) >= 5:
        return _word(piece[2:], True, False)
    return _analyse(piece)


# ---------------------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------------------

_ALIAS_SEPARATOR = re.compile("[,،؛;/]")


@lru_cache(maxsize=65536)
def _readings(text: str) -> tuple[Reading, ...]:
    if not any(_ARABIC_LETTER.match(char) for char in text):
        return ()
    aliases = _aliases(text)
    if aliases:  # each alias's best readings first, in turn, as only so many are kept
        turns = zip_longest(*(_readings(alias) for alias in aliases))
        return tuple(unique_readings([reading for turn in turns for reading in turn if reading is not None]
                                     + list(_name_readings(text))))
    untitled = _without_titles(text)
    if untitled:  # lists give a name with its titles as often as without: both, the best of each first
        found = _name_readings(text)
        return tuple(unique_readings([*found[:2], *_name_readings(untitled)[:_UNTITLED_READINGS], *found[2:]]))
    return _name_readings(text)


# Titles and honorifics that open a name, which lists keep or leave out (Sheikh, Sayyid, Haji, Mullah, Mawlawi,
# Dr, Eng., Ayatollah, Hojatoleslam, Sardar, the Persian military ranks), folded. Sayyid is a name element too:
# the reading without it is a variant, the name as written comes first.
_TITLES = frozenset(fold_arabic(word) for word in (
    "سيد", "شيخ", "حاج", "حاجي", "ملا", "مولوي", "مولانا", "مولوى", "دكتر", "دكتور", "مهندس", "قاضي", "استاد",
    "سردار", "سرتيپ", "سرلشکر", "سپهبد", "آیت‌الله", "آیتالله", "حجت‌الاسلام", "حجتالاسلام"))
_TITLE_PAIRS = frozenset(fold_arabic(pair) for pair in (
    "آیت الله", "آية الله", "حجت الاسلام", "حجة الاسلام", "شيخ الحديث", "شيخ الاسلام", "ثقة الاسلام"))
_UNTITLED_READINGS = 4


def _without_titles(text: str) -> str:
    """The name without the titles that open it, or "" when it has none or only one word is left."""
    words = text.split()
    start = 0
    while start < len(words):
        pair = fold_arabic(" ".join(words[start:start + 2]))
        if start + 1 < len(words) and pair in _TITLE_PAIRS:
            start += 2
        elif fold_arabic(words[start]).replace(_ZWNJ, "") in _TITLES:
            start += 1
        else:
            break
    rest = words[start:]
    return " ".join(rest) if start and len(rest) >= 2 else ""


def _aliases(text: str) -> list[str]:
    """The names of a field that lists several, separated by commas or slashes, or []: each of two words or
    more (one word on either side is rather "family name, given name"; a lone letter is a part of an
    abbreviation, as in م.م.ح/ذ.م.م)."""
    parts = [part for part in _ALIAS_SEPARATOR.split(text) if part.strip()]
    if len(parts) < 2 or any(sum(len(word) > 1 for word in _split_words(part)) < 2 for part in parts):
        return []
    return parts


def _name_readings(text: str) -> tuple[Reading, ...]:
    if is_uyghur(text):
        return tuple(unique_readings(uyghur_readings(text) + skeleton_readings(text, uyghur=True)))
    text, legal_form = _legal_form(text)
    common = common_spelling_readings(text)
    skeletons = skeleton_readings(text)
    if common and common[0].scheme == COMMON_SPELLING:
        found = common + skeletons
    else:
        found = skeletons[:_SKELETON_FIRST] + common + skeletons[_SKELETON_FIRST:]
    # an organisation: right after the main reading, never cut by the cap
    found[1:1] = translation_readings(text, bool(legal_form))
    if legal_form:
        found[1:1] = _brand_joined(text)
        found = [Reading(reading.tokens + (legal_form if reading.space != SKELETON else english_key(legal_form),),
                         reading.scheme, reading.space) for reading in found]
    return tuple(unique_readings(found))


def _brand_joined(text: str) -> list[Reading]:
    """A company name of two or three English words in Arabic letters, as one word, or []: free-zone registers
    write "توربو شافت", "ليزر تشيبس" where the brand is one word (Turboshaft, Laserchips). A second key
    reads ز as English s, which Arabic writes ز where it sounds z (laser ليزر, James جيمز)."""
    words = [word for word in _words(text) if not word.particle]
    if not 2 <= len(words) <= 3 or any(translate_word(word.text) is not None for word in words):
        return []
    joined = "".join(_letters_key(word.text, index == 0) for index, word in enumerate(words))
    loan = "".join(_letters_key(word.text.replace("ز", "س"), index == 0) for index, word in enumerate(words))
    return [Reading((key,), SKELETON_SCHEME, SKELETON) for key in dict.fromkeys((joined, loan)) if key]


# Legal forms abbreviated letter by letter (Gulf and Levant registers): ذ.م.م (LLC), ش.م.ح (free-zone company),
# م.د.م.س (DMCC), ش.م.ع (public joint stock). Lists write them LLC, FZE, FZCO, DMCC, PJSC, which
# `orgtypes.replace_legal_forms` reduces to their class; so are these.
_LEGAL_ABBREVIATIONS = {"ذمم": "llc", "شذمم": "llc", "شذم": "llc", "ممح": "llc", "شمح": "llc", "مدمس": "llc",
                        "شمم": "llc", "شمع": "jsc", "شمعق": "jsc", "شمخ": "jsc", "شمل": "jsc"}
_ABBREVIATION = re.compile(r"(?<![^\s\-/()])(?:[\u0621-\u064a]\s*[.\s]\s*){1,4}[\u0621-\u064a]\.?(?![^\s\-/()])")


def _legal_form(text: str) -> tuple[str, str]:
    """The name without its abbreviated legal forms, and the class of the last one ("" when it has none)."""
    found = ""

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        letters = "".join(char for char in match.group(0) if _ARABIC_LETTER.match(char))
        if letters not in _LEGAL_ABBREVIATIONS:
            return match.group(0)
        found = _LEGAL_ABBREVIATIONS[letters]
        return " "

    stripped = _ABBREVIATION.sub(replace, text)
    return (stripped, found) if found and _split_words(stripped) else (text, "")


_SKELETON_FIRST = 12  # skeletons before letter readings, which are only hints for Arabic names


def readings(text: str) -> list[Reading]:
    """Every reading of a name written in Arabic script, best first: common spellings when every word is a
    common name element, consonant skeletons, then letter readings; for Uyghur, ULY and pinyin style first.
    Letters no table reads leave no empty token behind."""
    cleaned = []
    for reading in _readings(text):
        tokens = tuple(token for token in reading.tokens if token)
        if tokens:
            cleaned.append(reading if tokens == reading.tokens else Reading(tokens, reading.scheme, reading.space))
    return cleaned
