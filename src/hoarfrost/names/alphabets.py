"""Latin readings of names in the Greek, Georgian and Armenian alphabets.

All three are alphabets with long-standing romanisation standards, so each scheme is a small table plus the
context rules the standard states; all written here (no maintained Python package implements ELOT 743, the
Georgian national system or the Armenian conventions together, and the tables are short):

- Greek: ELOT 743 (= ISO 843 transcription; the system of Greek passports): αυ/ευ -> av/ev before voiced
  sounds and af/ef before voiceless ones, μπ -> b at a word's edge and mp inside, ντ -> d / nt, γγ -> ng,
  γκ -> g / gk, ου -> ou, χ -> ch. Then the spellings one meets beside it: a phonetic one (αι -> e,
  ει/οι/υ/η -> i, ου -> u, χ -> h, γι + vowel -> y: "Yannis"), and the classical/learned one of older
  documents (η -> e, υ -> y, φ -> ph, χ -> ch: "Demetres", "Philippos"), and the Cypriot one (ELOT-like,
  but ει -> i and surnames in -ίδης/-άδης as -ides/-ades: "Ioannides", "Vasiliades").
- Georgian: the national system of 2002 with its aspiration apostrophes dropped (კ k', წ ts', ...),
  Mtavruli capitals folded to Mkhedruli; then the spellings that come through Russian (ჯ dzh, ყ k, ღ g,
  ხ kh) and ISO 9984 folded to ASCII (ხ x, ყ q, ჯ j, ც c, ძ dz).
- Armenian: the common English (BGN/PCGN-like, Eastern Armenian) spelling: ե -> ye and ո -> vo at the
  start of a word, ու -> u, և -> ev/yev, surnames in -յան -> "-yan"; its French/diaspora form (-ian, ու ->
  ou); Hübschmann-Meillet / ISO 9985 folded to ASCII (խ x, ծ c, ճ c, ջ j, ղ l); and Western Armenian
  (the diaspora's pronunciation swaps voiced and voiceless stops: Hakob -> Hagop).

`anyascii` gives one last reading of each as a fallback (its tables are per character, without the
context rules above).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from anyascii import anyascii

from hoarfrost.names.readings import Reading, unique_readings
from hoarfrost.names.scripts import char_script
from hoarfrost.names.word_tables import letter_table

# --- Greek ----------------------------------------------------------------------------------------

_GREEK_VOWELS = frozenset("αεηιουω")
# Letters after which αυ/ευ/ηυ are "v": vowels and voiced consonants.
_GREEK_VOICED = frozenset("αεηιουωβγδζλμνρ")
_DIAERESIS = "\u0308"
_ACUTES = frozenset("\u0301\u0300\u0342")

# Per-scheme single letters: a b g d e z i th i k l m n x o p r s t y f ch ps o.
_GREEK_LETTERS: dict[str, dict[str, str]] = {
    "elot743": letter_table("αβγδεζηθικλμνξοπρστυφχψω", "a v g d e z i th i k l m n x o p r s t y f ch ps o"),
    "greek-phonetic": letter_table("αβγδεζηθικλμνξοπρστυφχψω", "a v g d e z i th i k l m n x o p r s t i f h ps o"),
    "greek-classical": letter_table("αβγδεζηθικλμνξοπρστυφχψω", "a v g d e z e th i k l m n x o p r s t y ph ch ps o"),
    "greek-cypriot": letter_table("αβγδεζηθικλμνξοπρστυφχψω", "a v g d e z i th i k l m n x o p r s t y f ch ps o"),
}
# Per-scheme vowel digraphs (ou, ai, ei, oi, yi) and the edge/medial forms of μπ, ντ, γκ.
_GREEK_DIGRAPHS: dict[str, dict[str, str]] = {
    "elot743": {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "υι": "yi"},
    "greek-phonetic": {"ου": "u", "αι": "e", "ει": "i", "οι": "i", "υι": "i"},
    "greek-classical": {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "υι": "yi"},
    "greek-cypriot": {"ου": "ou", "αι": "ai", "ει": "i", "οι": "oi", "υι": "yi"},
}
_GREEK_CLUSTERS: dict[str, dict[str, tuple[str, str]]] = {  # (at a word's edge, inside a word)
    "elot743": {"μπ": ("b", "mp"), "ντ": ("d", "nt"), "γκ": ("g", "gk")},
    "greek-phonetic": {"μπ": ("b", "b"), "ντ": ("d", "nd"), "γκ": ("g", "ng")},
    "greek-classical": {"μπ": ("mp", "mp"), "ντ": ("nt", "nt"), "γκ": ("gk", "nk")},
    "greek-cypriot": {"μπ": ("b", "mp"), "ντ": ("d", "nt"), "γκ": ("g", "gk")},
}
_GREEK_NASAL_G = {"γγ": "ng", "γξ": "nx", "γχ": "nch"}
GREEK_SCHEMES = tuple(_GREEK_LETTERS)


def _greek_letters(word: str) -> list[tuple[str, bool]]:
    """A Greek word as (lower-case base letter, stands apart from the vowel before) pairs; marks dropped.

    A diaeresis on a vowel, or an accent on the vowel before it (τσάι), means the two are not a digraph.
    """
    out: list[tuple[str, bool]] = []
    accented = False
    for char in unicodedata.normalize("NFD", word.casefold()):
        if char == _DIAERESIS and out:
            out[-1] = (out[-1][0], True)
        elif char in _ACUTES and out:
            accented = True
        elif not unicodedata.combining(char):
            out.append(("σ" if char == "ς" else char, accented and char in "ιυ"))
            accented = False
    return out


def _greek_word(word: str, scheme: str) -> str:
    """One Greek word in a scheme, with the digraph and context rules of ELOT 743 or its variants."""
    letters = _greek_letters(word)
    table, digraphs, clusters = _GREEK_LETTERS[scheme], _GREEK_DIGRAPHS[scheme], _GREEK_CLUSTERS[scheme]
    out: list[str] = []
    index = 0
    while index < len(letters):
        char = letters[index][0]
        nxt, nxt_diaeresis = letters[index + 1] if index + 1 < len(letters) else ("", False)
        pair = char + nxt
        after = letters[index + 2][0] if index + 2 < len(letters) else ""
        if nxt_diaeresis or not nxt:
            pass
        elif char in "αεη" and nxt == "υ":  # αυ ευ ηυ: v before voiced sounds, f before voiceless and at the end
            out.append(("i" if char == "η" and scheme != "greek-classical" else table[char])
                       + ("v" if after in _GREEK_VOICED else "f"))
            index += 2
            continue
        elif pair in digraphs:
            out.append(digraphs[pair])
            index += 2
            continue
        elif pair in _GREEK_NASAL_G:
            out.append(_GREEK_NASAL_G[pair] if scheme != "greek-phonetic" or pair != "γχ" else "nh")
            index += 2
            continue
        elif pair in clusters:
            edge = index == 0 or index + 2 >= len(letters)
            out.append(clusters[pair][0 if edge else 1])
            index += 2
            continue
        elif scheme == "greek-phonetic" and char == "γ" and nxt == "ι" and after in _GREEK_VOWELS:
            out.append("y")  # Γιάννης -> Yannis, Γιώργος -> Yorgos
            index += 2
            continue
        out.append(table[char] if char in table else _ascii(char))
        index += 1
    if scheme == "greek-cypriot" and [c for c, _ in letters[-3:]] == ["δ", "η", "σ"]:
        out[-2] = "e"  # Cypriot patronymic surnames: -ίδης, -άδης -> -ides, -ades (Ioannides, Anastasiades)
    return "".join(out)


def elot743(text: str) -> str:
    """ELOT 743 / ISO 843 transcription (Greek passports): "Πούτιν" -> "poutin"."""
    return " ".join(_greek_word(word, "elot743") for word in _words(text, "Grek"))


def greek_phonetic(text: str) -> str:
    """Phonetic spelling: "Πούτιν" -> "putin", "Γιάννης" -> "yannis"."""
    return " ".join(_greek_word(word, "greek-phonetic") for word in _words(text, "Grek"))


def greek_classical(text: str) -> str:
    """Classical/learned spelling: "Ιωαννίδης" -> "ioannides", "Φίλιππος" -> "philippos"."""
    return " ".join(_greek_word(word, "greek-classical") for word in _words(text, "Grek"))


def greek_cypriot(text: str) -> str:
    """Cypriot spelling: ει -> i and -ίδης/-άδης -> -ides/-ades: "Βασιλειάδης" -> "vasiliades"."""
    return " ".join(_greek_word(word, "greek-cypriot") for word in _words(text, "Grek"))


# --- Georgian ------------------------------------------------------------------------------------------

_GEORGIAN = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰჱჲჳჴჵჶჷ"
_GEORGIAN_TABLES: dict[str, dict[str, str]] = {
    "georgian-national": letter_table(_GEORGIAN, (
        "a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h e y w q o f e")),
    "georgian-russian": letter_table(_GEORGIAN, (
        "a b g d e v z t i k l m n o p zh r s t u p k g k sh ch ts dz ts ch kh dzh h e y v kh o f e")),
    "iso9984": letter_table(_GEORGIAN, (
        "a b g d e v z t i k l m n o p z r s t u p k g q s c c dz c c x j h e y w q o f e")),
}
GEORGIAN_SCHEMES = tuple(_GEORGIAN_TABLES)


def _capital_to_mkhedruli() -> dict[str, str]:
    """Mtavruli and Asomtavruli capitals mapped onto the Mkhedruli letters of the same name."""
    folded: dict[str, str] = {}
    for code in (*range(0x10A0, 0x10C6), *range(0x1C90, 0x1CC0)):
        name = unicodedata.name(chr(code), "")
        letter = name.replace("MTAVRULI CAPITAL LETTER", "LETTER").replace("CAPITAL LETTER", "LETTER")
        try:
            folded[chr(code)] = unicodedata.lookup(letter)
        except KeyError:
            continue
    return folded


_GEORGIAN_CAPITALS = _capital_to_mkhedruli()


def _georgian_word(word: str, scheme: str) -> str:
    table = _GEORGIAN_TABLES[scheme]
    return "".join(table.get(_GEORGIAN_CAPITALS.get(char, char), "") for char in word)


def georgian_national(text: str) -> str:
    """The national system (2002), apostrophes dropped: "ვლადიმერ პუტინი" -> "vladimer putini"."""
    return " ".join(_georgian_word(word, "georgian-national") for word in _words(text, "Geor"))


def georgian_russian(text: str) -> str:
    """Spellings that came through Russian: ჯ dzh, ყ k, ღ g: "ჯუღაშვილი" -> "dzhugashvili"."""
    return " ".join(_georgian_word(word, "georgian-russian") for word in _words(text, "Geor"))


def georgian_iso9984(text: str) -> str:
    """ISO 9984 folded to ASCII (ხ x, შ s, ჩ c, ჯ j): "ხარაზიშვილი" -> "xarazisvili"."""
    return " ".join(_georgian_word(word, "iso9984") for word in _words(text, "Geor"))


# --- Armenian --------------------------------------------------------------------------------------------

_ARMENIAN = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"
_ARMENIAN_TABLES: dict[str, dict[str, str]] = {
    "armenian-english": letter_table(_ARMENIAN, (
        "a b g d e z e y t zh i l kh ts k h dz gh ch m y n sh o ch p j r s v t r ts v p k o f")),
    "armenian-french": letter_table(_ARMENIAN, (
        "a b g d e z e e t j i l kh ts k h dz gh tch m y n ch o tch p dj r s v t r ts v p k o f")),
    "hubschmann-meillet": letter_table(_ARMENIAN, (
        "a b g d e z e e t z i l x c k h j l c m y n s o c p j r s v t r c w p k o f")),
    "armenian-western": letter_table(_ARMENIAN, (
        "a p k t e z e e t zh i l kh dz g h ts gh j m y n sh o ch b ch r s v d r ts v p k o f")),
}
ARMENIAN_SCHEMES = tuple(_ARMENIAN_TABLES)
_ARMENIAN_INITIAL = {"ե": "ye", "ո": "vo"}  # at the start of a word (English, Western)


def _armenian_word(word: str, scheme: str) -> str:
    """One Armenian word: ու -> u (ou in the French form), և -> ev (yev first), ե/ո -> ye/vo first."""
    table = _ARMENIAN_TABLES[scheme]
    text = unicodedata.normalize("NFC", word.casefold())
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "ո" and text[index + 1:index + 2] == "ւ":
            out.append("ou" if scheme == "armenian-french" else "u")
            index += 2
            continue
        if char == "և" or (char == "ե" and text[index + 1:index + 2] == "ւ"):
            out.append(("y" if index == 0 and scheme != "hubschmann-meillet" else "") + "ev")
            index += 1 if char == "և" else 2
            continue
        if index == 0 and char in _ARMENIAN_INITIAL and scheme != "hubschmann-meillet":
            out.append(_ARMENIAN_INITIAL[char])
        else:
            out.append(table.get(char, ""))
        index += 1
    spelled = "".join(out)
    if scheme == "armenian-french" and spelled.endswith("yan"):  # surnames: Kocharyan / Kocharian
        spelled = spelled[:-3] + "ian"
    return spelled


def armenian_english(text: str) -> str:
    """Common English spelling (Eastern Armenian): "Պուտին" -> "putin", "Փաշինյան" -> "pashinyan"."""
    return " ".join(_armenian_word(word, "armenian-english") for word in _words(text, "Armn"))


def armenian_french(text: str) -> str:
    """French/diaspora spelling: ու -> ou, շ -> ch, surnames in -ian: "Քոչարյան" -> "kotcharian"."""
    return " ".join(_armenian_word(word, "armenian-french") for word in _words(text, "Armn"))


def armenian_western(text: str) -> str:
    """Western Armenian pronunciation, voiced and voiceless stops swapped: "Հակոբ" -> "hagop"."""
    return " ".join(_armenian_word(word, "armenian-western") for word in _words(text, "Armn"))


def hubschmann_meillet(text: str) -> str:
    """Hübschmann-Meillet / ISO 9985 folded to ASCII: "Խաչատրյան" -> "xacatryan"."""
    return " ".join(_armenian_word(word, "hubschmann-meillet") for word in _words(text, "Armn"))


# --- readings -------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")  # runs of letters; punctuation, digits and spaces separate words

WordSpeller = Callable[[str, str], str]
_SCRIPTS: dict[str, tuple[tuple[str, ...], WordSpeller]] = {
    "Grek": (GREEK_SCHEMES, _greek_word),
    "Geor": (GEORGIAN_SCHEMES, _georgian_word),
    "Armn": (ARMENIAN_SCHEMES, _armenian_word),
}


def _words(text: str, script: str) -> list[str]:
    """The words of a text written in one script (a word's script is that of its first letter)."""
    return [word for word in _WORD.findall(text) if char_script(word[0]) == script]


# Legal forms that rigour's table (see orgtypes) lacks, by their abbreviations, to their class: Armenian ՍՊԸ
# (limited liability company), ԲԲԸ and ՓԲԸ (open and closed joint-stock companies), ՀԿ (public organisation);
# Greek Α.Ε. (société anonyme) and Ι.Κ.Ε. (private company).
_LEGAL_FORMS: dict[str, dict[str, str]] = {
    "Armn": {"սպը": "llc", "բբը": "jsc", "փբը": "jsc", "հկ": "npo"},
    "Grek": {"αε": "jsc", "ικε": "llc"},
}
_DOTTED = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]\.){2,})")  # Α.Ε., Ι.Κ.Ε.: an abbreviation, one word


def _legal_form(words: list[str], script: str) -> tuple[list[str], str]:
    """The words without a legal form that opens or closes the name, and that form's class (or "")."""
    table = _LEGAL_FORMS.get(script, {})
    for position in (-1, 0):
        if len(words) > 1:
            found = table.get(words[position].casefold())
            if found:
                return words[:position] if position else words[1:], found
    return words, ""


def _script_readings(text: str, script: str) -> list[Reading]:
    """Every scheme of one script over the words in that script, then anyascii's reading as a fallback."""
    words, legal = _legal_form(_words(_DOTTED.sub(lambda m: m.group(1).replace(".", ""), text), script), script)
    if not words:
        return []
    schemes, speller = _SCRIPTS[script]
    found = [Reading(tuple(token for token in (speller(word, scheme) for word in words) if token), scheme)
             for scheme in schemes]
    fallback = tuple(token for token in (_ascii(word) for word in words) if token)
    found.append(Reading(fallback, "anyascii"))
    if legal:
        found = [Reading((*reading.tokens, legal), reading.scheme) for reading in found if reading.tokens]
    return unique_readings(found)


def _ascii(word: str) -> str:
    return "".join(c for c in anyascii(word).lower() if c.isascii() and c.isalnum())


def greek_readings(text: str) -> list[Reading]:
    """Readings of the Greek words of a name: ELOT 743, phonetic, classical, anyascii."""
    return _script_readings(text, "Grek")


def georgian_readings(text: str) -> list[Reading]:
    """Readings of the Georgian words of a name: national system, Russian-style, ISO 9984, anyascii."""
    return _script_readings(text, "Geor")


def armenian_readings(text: str) -> list[Reading]:
    """Readings of the Armenian words of a name: English, French/diaspora, Hübschmann-Meillet, Western."""
    return _script_readings(text, "Armn")


@lru_cache(maxsize=16384)
def _readings(text: str) -> tuple[Reading, ...]:
    counts = {script: sum(len(word) for word in _words(text, script)) for script in _SCRIPTS}
    script = max(counts, key=lambda key: counts[key])
    return tuple(_script_readings(text, script)) if counts[script] else ()


def readings(text: str) -> list[Reading]:
    """Readings of a name in Greek, Georgian or Armenian (whichever has most letters in the text), best first."""
    return list(_readings(text))
