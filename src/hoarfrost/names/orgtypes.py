"""Company legal forms reduced to a class: ПАО, PJSC, AG and S.A. all become `jsc`; ООО, LLC, Ltd and GmbH `llc`.

rigour (OpenSanctions' normalisation library) keeps the table of legal forms
across languages and maps each to a generic form; a legal form then matches
its equivalents in any language instead of being compared as a word. rigour
does not cover Han and Hangul legal forms, which the small table below adds.

rigour's table also holds a few longer Russian phrases that name what the
organisation *is* as well as its legal form ("государственный
научно-исследовательский институт", state research institute): their English
equivalents are not in the table, so lists write them out in words and the
translation reading meets those words only if the phrase is left alone.

rigour knows the Russian abbreviations of state and non-profit bodies (ФГУП, ГУП, АНО) but not the Latin
letters lists write them in ("FSUE", "FGUP"), nor a few Ukrainian and Belarusian forms (ПрАТ, РУП):
`_EXTRA_FORMS` adds them, so that "FSUE GTSSS" meets "ФГУП ГЦСС" as `soe gtsss`. Words of Latin letters
that are also given names (Sue, Pat, Prat) are left out.

A Cyrillic abbreviation of a company form (ООО, ПАО, АО) is a legal form wherever it stands, not only
at an end: names repeat it inside ("Филиал ПАО «Компания «Сухой»", "Акционерное общество «X» (АО «X»)").
`cyrillic_form_class` gives its class for the Cyrillic reader, which writes it so inside a name (replacing
it here would cut the Cyrillic name into two runs, read apart).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.names import extract_org_types

LEGAL_FORM_CLASSES = frozenset({
    "llc", "jsc", "lp", "llp", "plc", "gov", "npo", "coop", "trust", "fund", "ltd",
    "soe", "ngo", "mil",  # rigour's state-owned enterprise, non-profit and private military company
})

# Longest first: 股份有限公司 before 有限公司. A 股份有限公司 (company limited by shares) writes its English name
# "Co., Ltd." far more often than "Joint Stock Company", so it is in the class of Ltd.
_CJK_FORMS: tuple[tuple[str, str], ...] = (
    ("股份有限公司", " llc "), ("有限责任公司", " llc "), ("有限責任公司", " llc "), ("有限公司", " llc "),
    ("株式会社", " jsc "), ("有限会社", " llc "), ("주식회사", " jsc "), ("유한회사", " llc "), ("(주)", " jsc "),
)
# Words of what an organisation is or does, not of its legal form: a phrase with one is no legal form.
_KIND_OF_ORGANISATION = re.compile(
    r"(?<!\w)(институт|інститут|інстытут|научн|науков|навуков|исследовательск|дослідн|образовательн|образовани|"
    r"университет|університет|фонд)")
# Classes of company forms, which lists may give in parentheses after the name ("Absolut Bank (PAO)").
_COMPANY_FORMS = frozenset({"llc", "jsc", "plc", "ltd", "lp", "llp"})
_COMMON_ABBREVIATIONS = frozenset({
    "ltd", "llc", "plc", "jsc", "ao", "pao", "oao", "zao", "ooo", "ао", "пао", "оао", "зао", "ооо", "тов", "ат", "пат",
    "ват", "прат", "зат",
})
# Legal forms rigour lacks: the Latin letters of Russian abbreviations (transliterated, or of the English
# translation: FSUE = federal state unitary enterprise), and some Cyrillic ones of Ukraine, Belarus, Kazakhstan.
_EXTRA_FORMS: dict[str, str] = {
    "fsue": "soe", "fgup": "soe", "gup": "soe", "mup": "soe", "fkp": "soe", "fku": "soe", "fgbou": "soe",
    "gbou": "soe", "fgau": "soe", "fgbnu": "soe", "eood": "llc", "doo": "llc",
    "прат": "jsc", "руп": "soe", "чуп": "soe", "фгбоу": "soe", "фгау": "soe", "фгбну": "soe", "гбу": "soe",
    "жшс": "llp", "ақ": "jsc",
}
# Abbreviations rigour reads as a legal form of one country that on sanctions lists stand for Russian words
# of what a body is: "KB Radar" is a design bureau (КБ), not a Swedish kommanditbolag; "NPO Saturn" a
# research and production association (НПО), not a non-profit; "GK" a group of companies (ГК); "RF" the
# Russian Federation ("VEB.RF", "Ministry of Defence of the RF"). АНО (autonomous non-profit organisation)
# stays a word, as lists write it in Latin letters ("ANO Dialog"): were it the class `ngo`, which the matcher
# lets go cheaply, "ANO X" would meet "X LLC", another body of the same name.
_NOT_FORMS_HERE = frozenset({"kb", "npo", "gk", "rf", "ано"})
# Cyrillic abbreviations that are a company's legal form wherever they stand in its name.
_CYRILLIC_ABBREVIATIONS: dict[str, str] = {
    "ооо": "llc", "оао": "jsc", "зао": "jsc", "пао": "jsc", "ао": "jsc", "нао": "jsc", "тов": "llc",
    "пат": "jsc", "прат": "jsc", "ват": "jsc", "зат": "jsc", "таа": "llc", "аат": "jsc", "заат": "jsc",
    "фгуп": "soe", "гуп": "soe", "муп": "soe", "фгбу": "soe", "фгбоу": "soe", "фку": "soe", "фкп": "soe",
}
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")
_MIXED_WORD = re.compile(r"[^\W\d_]+")
_NOT_LOOKALIKE = re.compile("[^AaBCcEeHIiKMOoPpTXxYy]")
_LOOKALIKES = str.maketrans("AaBCcEeHIiKMOoPpTXxYy", "АаВСсЕеНІіКМОоРрТХхУу")
_EDGE = " ;:,()\"'«»“”"


def _legal_forms(folded: str) -> list[tuple[str, str]]:
    """rigour's legal forms found in the folded name, longest first, without phrases naming a kind of body
    and without its `fin` class, which it gives to "КБ" (more often a design bureau than a commercial bank)
    and to "коммерческий банк" but not to "commercial bank"."""
    found = [(form, generic) for form, generic in extract_org_types(folded, generic=True)
             if generic != "fin" and not _KIND_OF_ORGANISATION.search(form) and form not in _NOT_FORMS_HERE]
    words = folded.strip(_EDGE).split()
    for word in {words[0].strip(_EDGE), words[-1].strip(_EDGE)} if words else ():
        if word in _EXTRA_FORMS and (word, _EXTRA_FORMS[word]) not in found:
            found.append((word, _EXTRA_FORMS[word]))
    return sorted(found, key=lambda item: -len(item[0]))


@lru_cache(maxsize=65536)
def replace_legal_forms(text: str) -> str:
    """The name with its legal form replaced by its class (`jsc`, `llc`, ...), case folded.

    Only a form that opens or closes the name counts: inside a name, "Ag" (Iyad Ag Ghali) and "Sa"
    (Sa'b) are name parts, not an Aktiengesellschaft or a société anonyme. A company form may close the
    name in parentheses, and twice, the second abbreviating the first ("... Public Joint-Stock Company
    (PJSC)"): both go, into one class.
    """
    folded = _cyrillic_lookalikes(text).casefold()
    for form, replacement in _CJK_FORMS:
        if form in folded:
            folded = folded.replace(form, replacement)
    body = folded.strip(_EDGE)
    forms = _legal_forms(folded)
    head = ""
    for form, generic in forms:
        if body == form or body.startswith(form + " "):
            head, body = generic, body[len(form):].lstrip(_EDGE)
            break
    tail: list[str] = []
    while body:
        closing = _closing_form(body, forms, tail[0] if tail else None)
        if closing is None:
            break
        form, generic = closing
        tail.insert(0, generic)
        body = body[: len(body) - len(form)].rstrip(_EDGE)
    return " ".join(" ".join([head, body, *tail[:1]]).split())


def cyrillic_form_class(word: str) -> str | None:
    """The class of a lower-case Cyrillic abbreviation of a legal form ("пао" -> `jsc`), else None."""
    return _CYRILLIC_ABBREVIATIONS.get(word)


def _cyrillic_lookalikes(text: str) -> str:
    """Latin letters typed for the Cyrillic ones they look like, inside Cyrillic words ("Oбщество",
    "Вiдкрите") and as short words beside them ("OOO", "AO", "C"), put back: else no legal form is found.
    The Cyrillic reader does the same, but after the legal forms are replaced."""
    if not _HAS_CYRILLIC.search(text):
        return text
    return _MIXED_WORD.sub(_to_cyrillic, text)


def _to_cyrillic(match: re.Match[str]) -> str:
    word = match.group()
    if _HAS_CYRILLIC.search(word) or (len(word) <= 3 and not _NOT_LOOKALIKE.search(word)) or (
            _LOOKALIKE_CAPITALS.fullmatch(word) and _hyphened_to_cyrillic(match)):
        return word.translate(_LOOKALIKES)
    return word


# Capital look-alikes only, hyphened to a Cyrillic word: "Остек-TECT" is ТЕСТ (test), typed in Latin letters.
_LOOKALIKE_CAPITALS = re.compile("[ABCEHKMOPTXY]+")
_CYRILLIC_BEFORE = re.compile("[\u0400-\u04ff]-$")
_CYRILLIC_AFTER = re.compile("-[\u0400-\u04ff]")


def _hyphened_to_cyrillic(match: re.Match[str]) -> bool:
    text, start, end = match.string, match.start(), match.end()
    return bool(_CYRILLIC_BEFORE.search(text[max(0, start - 2):start]) or _CYRILLIC_AFTER.match(text, end))


def _said_in_parentheses(form: str, generic: str) -> bool:
    """A company form in words, or one of the common abbreviations: "(ПАО)", "(PJSC)", "(Ltd)"; not any
    acronym that some country's table also holds ("Supreme Council of Cyberspace (SCC)")."""
    return generic in _COMPANY_FORMS and (len(form) > 3 or form in _COMMON_ABBREVIATIONS)


def _closing_form(body: str, forms: list[tuple[str, str]], after: str | None) -> tuple[str, str] | None:
    """The legal form that closes `body`, if any; after a class already peeled, only the same class."""
    for form, generic in forms:
        if after is not None and generic != after:
            continue
        if body.endswith((" " + form, "," + form)):
            return form, generic
        if body.endswith("(" + form) and _said_in_parentheses(form, generic):
            return form, generic
    return None


def is_legal_form(token: str) -> bool:
    return token in LEGAL_FORM_CLASSES


# Words that say what kind of company a name is, without naming it: optional in a listed name, and kept
# as English words (not consonant skeletons) where a Latin name meets an Arabic- or Hebrew-script one.
COMPANY_WORDS = frozenset({
    "company", "corporation", "corp", "co", "inc", "incorporated", "group", "holding", "holdings", "ltd",
    "industries", "industry", "industrial", "trading", "enterprise", "enterprises", "private", "firm",
})


def kept_in_skeleton(token: str) -> bool:
    """A company word or legal form: it stands as itself in the consonant-skeleton space (forms.skeleton_of)."""
    return token in COMPANY_WORDS or token in LEGAL_FORM_CLASSES
