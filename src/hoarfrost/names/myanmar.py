"""Latin readings of names in Myanmar (Burmese) script.

Burmese is an abugida written in syllables: an initial consonant (or a vowel carrier), medials (ျ ြ y,
ွ w, ှ h), vowel signs before, above, below and after it, and a final consonant killed by the asat ်
(or stacked under the next consonant with the virama ္), then a tone mark (့ creaky, း heavy). A Burmese
personal name is a string of such syllables, usually written without spaces ("မင်းအောင်လှိုင်"), while
its Latin form writes every syllable as a word ("Min Aung Hlaing"). The romanisation in use for names is
not a transliteration but the customary spelling of each syllable's *sound*: the rhyme depends on the
vowel and the final together (-ောင် "aung", -ိုင် "aing", -ိန် "ein", -ွန် "un", -က် "et", -စ် "it"),
aspirates are written with an h before or after (ထ "ht", ဖ "hp", ဆ "hs", ခ "kh"), ှ before a sonorant is
an h before it (လှ "hl", ရှ "sh"), and a creaky nasal rhyme often gains a t ("Myint", "Thant").

So a name gets:

- the customary reading, one token per syllable, aspirates with their h, ို "o", ေ "e";
- a plainer variant (aspirates without h, ို "oe", ေ "ay", ဦး "oo", no creaky t), as many names are spelt;
- the customary reading with each Burmese word's syllables joined (for words that are one word in Latin);
- a loanword reading of each word, for foreign names and company names written in Burmese letters: the
  finals keep their own letter (က် k, စ် s, လ် l), and a final written in parentheses ("ကင်း(င်)" King,
  "ဂျီ(စ်)" -gies: Burmese spells a foreign word's final consonant so) is read and ends a Latin word;
- common organisation words in English (ကုမ္ပဏီ company, ဘဏ် bank) and the legal form "Company Limited"
  as its class ("llc"), as `hoarfrost.names.orgtypes` does for Latin names;
- the name without a leading honorific (ဦး U, ဒေါ် Daw, ဗိုလ်ချုပ် General ...), which lists often omit.

Written here rather than read through ICU's Burmese-Latin transform, which gives a phonetic transcription
("kainn" for ကင်း) that no list uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hoarfrost.names.readings import Reading, unique_readings
from hoarfrost.names.word_tables import letter_table, word_table

CUSTOMARY = "burmese"
PLAIN = "burmese-plain"
JOINED = "burmese-joined"
LOANWORD = "burmese-loanword"

_CONSONANTS = "ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ"


# Initials, customary spelling (with the h of aspirates), plain spelling, loanword spelling (ဖ f, ဗ v, ရ r).
_INITIAL = letter_table(_CONSONANTS, "k kh g g ng s hs z z ny t ht d d n t ht d d n p hp b b m y y l w th h l -")
_PLAIN_INITIAL = letter_table(_CONSONANTS, "k k g g ng s s z z ny t t d d n t t d d n p p b b m y y l w th h l -")
_LOAN_INITIAL = letter_table(_CONSONANTS, "k k g g ng s s z z ny t t d d n t t d d n p f v b m y r l w th h l -")
# Independent vowels (ဦး "U", the honorific and the name part "Oo").
_INDEPENDENT = {"ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "u", "ဧ": "e", "ဩ": "aw", "ဪ": "aw", "ဿ": "th"}

_ASAT, _VIRAMA, _CREAKY, _HEAVY = "\u103a", "\u1039", "\u1037", "\u1038"
_YA_PIN, _YA_YIT, _WA, _HA = "\u103b", "\u103c", "\u103d", "\u103e"
_E, _AI, _I, _II, _U, _UU, _A, _TALL_A, _ANUSVARA = ("\u1031", "\u1032", "\u102d", "\u102e", "\u102f", "\u1030",
                                                     "\u102c", "\u102b", "\u1036")

# Final consonants by the rhyme class they make.
_FINAL_CLASS = {"က": "k", "ဂ": "k", "င": "ng", "စ": "c", "ဇ": "c", "ည": "ny", "ဉ": "ny", "တ": "t", "ဋ": "t", "ဒ": "t",
                "ဓ": "t", "ထ": "t", "န": "n", "ဏ": "n", "ပ": "p", "ဗ": "p", "ဘ": "p", "ဖ": "p", "မ": "m", "ယ": "y",
                "လ": "n", "သ": "t"}
# Customary rhymes: (vowel, final class) -> spelling; the vowel is "a" (none, ာ), "i", "u", "e", "ai", "aw",
# "o" (ို), or "w" (the medial ွ, which before a final is the vowel itself: ထွန်း "htun").
_RHYMES = {
    ("a", ""): "a", ("i", ""): "i", ("u", ""): "u", ("e", ""): "e", ("ai", ""): "e", ("aw", ""): "aw",
    ("o", ""): "o", ("w", ""): "wa", ("we", ""): "we",
    ("a", "k"): "et", ("aw", "k"): "auk", ("o", "k"): "aik", ("w", "k"): "wet",
    ("a", "ng"): "in", ("aw", "ng"): "aung", ("o", "ng"): "aing", ("w", "ng"): "win",
    ("a", "c"): "it", ("w", "c"): "wit",
    ("a", "ny"): "i", ("w", "ny"): "we",
    ("a", "t"): "at", ("i", "t"): "eik", ("u", "t"): "ok", ("w", "t"): "ut",
    ("a", "n"): "an", ("i", "n"): "ein", ("u", "n"): "on", ("w", "n"): "un",
    ("a", "p"): "at", ("i", "p"): "eik", ("u", "p"): "ok", ("w", "p"): "ut",
    ("a", "m"): "an", ("i", "m"): "ein", ("u", "m"): "on", ("w", "m"): "un",
    ("a", "y"): "e", ("w", "y"): "we",
}
_PLAIN_VOWELS = {"o": "oe", "e": "ay"}
_LOAN_VOWELS = {"a": "a", "i": "i", "u": "u", "e": "e", "ai": "e", "aw": "o", "o": "o", "w": "wa", "we": "we"}
_LOAN_FINALS = {"က": "k", "ဂ": "g", "င": "n", "စ": "s", "ဇ": "z", "ည": "", "ဉ": "n", "တ": "t", "ဋ": "t", "ဒ": "d",
                "ဓ": "d", "ထ": "t", "န": "n", "ဏ": "n", "ပ": "p", "ဗ": "b", "ဘ": "b", "ဖ": "f", "မ": "m", "ယ": "",
                "လ": "l", "သ": "s", "ရ": "r", "ဆ": "s", "ခ": "k", "ဟ": "h", "ဝ": "w"}

_HONORIFICS = ("ဗိုလ်ချုပ်မှူးကြီး", "ဒုတိယဗိုလ်ချုပ်မှူးကြီး", "ဗိုလ်ချုပ်", "ဒေါက်တာ", "ဦး", "ဒေါ်")

# Organisation words: Burmese words and English loanwords in Burmese letters.
_ORG_WORDS = word_table("""
    ကုမ္ပဏီ=company; လီမိတက်=llc; ဘဏ်=bank; အသင်း=association; အဖွဲ့=organisation;
    ကော်ပိုရေးရှင်း=corporation; စီးပွားရေး=economic; ဦးပိုင်=holdings; မြန်မာ့=myanmar;
    ကုမ္ပဏီလီမိတက်=co llc; အုပ်စု=group; စက်ရုံ=factory; ကုန်သွယ်ရေး=trading; ပုဂ္ဂလိက=private;
    ဝန်ကြီးဌာန=ministry; တပ်မတော်=tatmadaw; မြန်မာ=myanmar; နိုင်ငံ=state; အများပိုင်=public;
    ဟိုးလ်ဒင်း=holdings; ဟိုးလ်ဒင်းစ်=holdings; အင်တာနေရှင်နယ်=international; လုပ်ငန်း=enterprise
""")
_LIMITED = "llc"
_ORG_LONGEST = 8  # syllables of the longest vocabulary word

_WORD = re.compile(r"[\u1000-\u103f\u1050-\u109f()]+")


@dataclass(slots=True)
class _Syllable:
    initial: str  # a consonant letter, "" for a vowel carrier's independent vowel
    vowel: str = "a"  # key of the vowel: a i u e ai aw o
    medials: str = ""
    final: str = ""  # the killed consonant letter, or "ံ"
    creaky: bool = False
    bare: bool = True  # no vowel sign: the inherent a
    independent: str = ""  # an independent vowel's Latin
    loan_final: str = ""  # a final written apart, in parentheses: read only in the loanword reading


def _is_killed(text: str, index: int) -> bool:
    """Whether the consonant at `index` is a final: followed by the asat (perhaps after the creaky dot)."""
    following = text[index + 1:index + 3]
    return following[:1] == _ASAT or following == _CREAKY + _ASAT


def _syllables(word: str) -> list[_Syllable]:
    """A Burmese word cut into syllables; a parenthesised killed consonant is the previous syllable's loan final."""
    out: list[_Syllable] = []
    marks: list[str] = []  # vowel signs of the current syllable
    index = 0
    in_parentheses = False
    while index < len(word):
        char = word[index]
        if char in "()":
            in_parentheses = char == "("
        elif char in _CONSONANTS:
            stacked = out and index > 0 and word[index - 1] == _VIRAMA
            if out and (_is_killed(word, index) or word[index + 1:index + 2] == _VIRAMA) and not stacked:
                if in_parentheses or out[-1].final:
                    out[-1].loan_final = char
                else:
                    out[-1].final = char
            else:
                _close(out, marks)
                out.append(_Syllable(char))
                marks = []
        elif char in _INDEPENDENT:
            _close(out, marks)
            out.append(_Syllable("", independent=_INDEPENDENT[char]))
            marks = []
        elif out:
            if char in (_YA_PIN, _YA_YIT, _WA, _HA):
                out[-1].medials += char
            elif char == _CREAKY:
                out[-1].creaky = True
            elif char == _ANUSVARA:
                out[-1].final = out[-1].final or char
            elif char not in (_ASAT, _VIRAMA, _HEAVY):
                marks.append(char)
        index += 1
    _close(out, marks)
    return out


def _close(out: list[_Syllable], marks: list[str]) -> None:
    """Set the vowel of the last syllable from its vowel signs."""
    if not out or not marks:
        return
    signs = set(marks)
    if _E in signs and (_A in signs or _TALL_A in signs):
        vowel = "aw"
    elif _I in signs and _U in signs:
        vowel = "o"
    elif _E in signs:
        vowel = "e"
    elif _AI in signs:
        vowel = "ai"
    elif signs & {_I, _II}:
        vowel = "i"
    elif signs & {_U, _UU}:
        vowel = "u"
    else:
        vowel = "a"
    out[-1].vowel = vowel
    out[-1].bare = False


def _onset(syllable: _Syllable, table: dict[str, str], soft_g: str = "") -> str:
    """The initial with its medials: ကျ "ky", ချ "ch", လှ "hl", ရှ "sh", ရွှ "shw"; ဂျ is `soft_g` in a
    loanword (English writes that sound j or g: "John", "technologies")."""
    letter = syllable.initial
    onset = table.get(letter, "").replace("-", "")
    medials = syllable.medials
    if _HA in medials:
        onset = "sh" if letter in "ရယ" or _YA_PIN in medials and letter == "လ" else "h" + onset
    if (_YA_PIN in medials or _YA_YIT in medials) and onset != "sh":
        if letter == "ခ":
            onset = "ch"
        elif letter == "ဂ" and soft_g:
            onset = soft_g
        else:
            onset += "y"
    return onset


def _vowel_key(syllable: _Syllable) -> str:
    """The vowel of a syllable for the rhyme table: the medial ွ counts as the vowel w (we with ေ)."""
    if _WA in syllable.medials and syllable.vowel in ("a", "e"):
        return "we" if syllable.vowel == "e" and not syllable.final else "w"
    return syllable.vowel


def _rhyme(syllable: _Syllable) -> str:
    """The customary spelling of a syllable's rhyme."""
    key = _vowel_key(syllable)
    final = "m" if syllable.final == _ANUSVARA else _FINAL_CLASS.get(syllable.final, "")
    return _RHYMES.get((key, final)) or _RHYMES.get(("a", final)) or _RHYMES.get((key, ""), "a")


def _customary(syllable: _Syllable, plain: bool = False) -> str:
    if syllable.independent:
        return "oo" if plain and syllable.independent == "u" else syllable.independent
    onset = _onset(syllable, _PLAIN_INITIAL if plain else _INITIAL)
    rhyme = _rhyme(syllable)
    if plain:
        rhyme = _PLAIN_VOWELS.get(syllable.vowel, rhyme) if rhyme in ("o", "e") else rhyme
    elif syllable.creaky and rhyme.endswith("n"):
        rhyme += "t"  # မြင့် "Myint", သန့် "Thant"
    if onset.endswith("w") and rhyme.startswith("w"):
        rhyme = rhyme[1:]
    return onset + rhyme


def _loan(syllable: _Syllable, open_vowel: str = "a", soft_g: str = "j") -> str:
    """A syllable of a foreign word: the rhyme's vowel as the customary spelling has it (ကင် "kin", တက် "tek"),
    the final as its own letter, and the parenthesised final too; an open syllable's inherent vowel is
    `open_vowel` (none inside a cluster: ဗလာ "vla")."""
    if syllable.independent:
        return syllable.independent
    onset = _onset(syllable, _LOAN_INITIAL, soft_g)
    if _WA in syllable.medials and syllable.vowel == "o":  # ွိုင် is how Burmese writes oi/oy (Burmese has none)
        return onset.removesuffix("w") + "oi"
    if syllable.final == "ယ" and syllable.loan_final:  # ယ်(လ်) is the -al of a foreign word (royal, Donald)
        vowel = "a"
    elif not syllable.final:
        vowel = open_vowel if syllable.bare and _WA not in syllable.medials else _LOAN_VOWELS[
            _vowel_key(syllable)]
    else:
        vowel = _rhyme(syllable).rstrip("kgnpt") or "a"
    if onset.endswith("w") and vowel.startswith("w"):
        vowel = vowel[1:]
    final = "n" if syllable.final == _ANUSVARA else _LOAN_FINALS.get(syllable.final, "")
    if syllable.loan_final:
        extra = "ng" if syllable.loan_final == "င" else _LOAN_FINALS.get(syllable.loan_final, "")  # (င်) is ng
        final = extra if extra.startswith(final) else final + extra
    return onset + vowel + final


def _loan_word(syllables: list[_Syllable], clusters: bool, soft_g: str = "j") -> list[str]:
    """A word in the loanword reading; a parenthesised final ends a Latin word, and a final stop repeated as
    the next initial is one consonant (တက်က "teka"). With `clusters`, an open syllable with no vowel sign
    before another syllable is a bare consonant, as Burmese writes foreign clusters (ဗလာ "vla")."""
    words: list[str] = []
    current = ""
    for position, syllable in enumerate(syllables):
        inside = clusters and position + 1 < len(syllables) and not syllable.loan_final
        text = _loan(syllable, "" if inside else "a", soft_g)
        if current and text[:1] == current[-1:] and text[:1] in "ktpsg":
            text = text[1:]
        current += text
        if syllable.loan_final:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def _words(text: str) -> list[str]:
    """The Burmese words of a text; a word that is only a killed consonant (a final written apart,
    "ကင်း (င်)") is put back on the word before it, in parentheses."""
    words: list[str] = []
    for word in _WORD.findall(text):
        bare = word.strip("()")
        if not bare:
            continue
        if words and bare[:1] in _CONSONANTS and _is_killed(bare, 0) and len(bare.rstrip(_HEAVY + _CREAKY)) <= 3:
            words[-1] += f"({bare})"
        else:
            words.append(word)
    return words


def _syllable_spans(word: str) -> list[str]:
    """A word cut into the text of its syllables (a killed or stacked-under final stays with its syllable)."""
    spans: list[str] = []
    for index, char in enumerate(word):
        starts = char in _INDEPENDENT or (char in _CONSONANTS and not (
            _is_killed(word, index) or word[index + 1:index + 2] == _VIRAMA) or (
            char in _CONSONANTS and index > 0 and word[index - 1] == _VIRAMA))
        if starts or not spans:
            spans.append(char)
        else:
            spans[-1] += char
    return spans


def _organisation(words: list[str]) -> bool:
    """Whether a name has a long vocabulary word (three syllables or more) or the legal form somewhere."""
    for word in words:
        spans = _syllable_spans(word.replace("(", "").replace(")", ""))
        for start in range(len(spans)):
            for end in range(start + 1, min(len(spans), start + _ORG_LONGEST) + 1):
                gloss = _ORG_WORDS.get("".join(spans[start:end]))
                if gloss is not None and (end - start >= 3 or _LIMITED in gloss or gloss == "company"):
                    return True
    return False


def _segmented(words: list[str]) -> tuple[list[str], list[str | None]]:
    """The words cut at the organisation vocabulary, which Burmese often writes run together with the rest
    ("မြန်မာ့စီးပွားရေးကော်ပိုရေးရှင်း", Myanmar Economic Corporation): (pieces, English of each or None).
    "Company Limited" is "Co., Ltd.", as in Latin."""
    pieces: list[str] = []
    glosses: list[str | None] = []
    inside = _organisation(words)
    for word in words:
        spans = _syllable_spans(word)
        if not inside:  # a person's name: only whole words are vocabulary (ဦးပိုင် is also "U Paing")
            pieces.append(word)
            glosses.append(_ORG_WORDS.get(word.replace("(", "").replace(")", "")))
            continue
        pending = ""
        index = 0
        while index < len(spans):
            for size in range(min(_ORG_LONGEST, len(spans) - index), 0, -1):
                piece = "".join(spans[index:index + size])
                gloss = _ORG_WORDS.get(piece.replace("(", "").replace(")", ""))
                if gloss is not None:
                    break
            else:
                pending += spans[index]
                index += 1
                continue
            if pending:
                pieces.append(pending)
                glosses.append(None)
                pending = ""
            pieces.append(piece)
            glosses.append(gloss)
            index += size
        if pending:
            pieces.append(pending)
            glosses.append(None)
    if _LIMITED in glosses:
        glosses = ["co" if gloss == "company" else gloss for gloss in glosses]
    return pieces, glosses


def _without_honorific(words: list[str]) -> list[str]:
    if len(words) == 1 and len(_syllables(words[0])) < 3:
        return words
    if "(" in words[0]:  # a foreign name: ဒေါ်နယ်(လ်) is Donald
        return words
    for title in _HONORIFICS:
        if words[0].startswith(title) and (words[0] != title or len(words) > 1):
            rest = words[0][len(title):]
            return [rest, *words[1:]] if rest else words[1:]
    return words


def _name_readings(words: list[str]) -> list[Reading]:
    words, glosses = _segmented(words)
    parsed = [_syllables(word) for word in words]
    customary: list[str] = []
    plain: list[str] = []
    joined: list[str] = []
    loan: list[str] = []
    clustered: list[str] = []
    clustered_g: list[str] = []
    for gloss, syllables in zip(glosses, parsed, strict=True):
        if gloss is not None:
            for tokens in (customary, plain, joined, loan, clustered, clustered_g):
                tokens.extend(gloss.split())
            continue
        customary.extend(_customary(syllable) for syllable in syllables)
        plain.extend(_customary(syllable, plain=True) for syllable in syllables)
        joined.append("".join(_customary(syllable) for syllable in syllables))
        loan.extend(_loan_word(syllables, clusters=False))
        clustered.extend(_loan_word(syllables, clusters=True))
        clustered_g.extend(_loan_word(syllables, clusters=True, soft_g="g"))
    native = [Reading(tuple(customary), CUSTOMARY), Reading(tuple(plain), PLAIN), Reading(tuple(joined), JOINED)]
    foreign = [Reading(tuple(clustered), LOANWORD), Reading(tuple(clustered_g), LOANWORD),
               Reading(tuple(loan), LOANWORD)]
    if any(syllable.loan_final for syllables in parsed for syllable in syllables) or any(glosses):
        return [*foreign, *native]
    return [*native, *foreign]


@lru_cache(maxsize=16384)
def _readings(text: str) -> tuple[Reading, ...]:
    words = _words(text)
    if not words:
        return ()
    found = _name_readings(words)
    bare = _without_honorific(words)
    if bare != words and bare:
        found.extend(_name_readings(bare))
    return tuple(unique_readings([Reading(tuple(t for t in r.tokens if t), r.scheme) for r in found]))


def readings(text: str) -> list[Reading]:
    """Readings of the Burmese words of a name: customary per syllable, plain, joined per word, loanword."""
    return list(_readings(text))


def romanise(text: str) -> str:
    """The customary reading: "မင်းအောင်လှိုင်" -> "min aung hlaing"."""
    found = _readings(text)
    return found[0].text if found else ""
