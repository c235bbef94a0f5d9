"""Company legal forms reduced to a class: ПАО, PJSC, AG and S.A. all become `jsc`; ООО, LLC, Ltd and GmbH `llc`.

rigour (OpenSanctions' normalisation library) keeps the table of legal forms
across languages and maps each to a generic form; a legal form then matches
its equivalents in any language instead of being compared as a word. rigour
does not cover Han and Hangul legal forms, which the small table below adds.
"""

from __future__ import annotations

from functools import lru_cache

from rigour.names import extract_org_types

LEGAL_FORM_CLASSES = frozenset({"llc", "jsc", "lp", "llp", "plc", "gov", "npo", "coop", "trust", "fund", "ltd"})

# Longest first: 股份有限公司 before 有限公司. A 股份有限公司 (company limited by shares) writes its English name
# "Co., Ltd." far more often than "Joint Stock Company", so it is in the class of Ltd.
_CJK_FORMS: tuple[tuple[str, str], ...] = (
    ("股份有限公司", " llc "), ("有限责任公司", " llc "), ("有限責任公司", " llc "), ("有限公司", " llc "),
    ("株式会社", " jsc "), ("有限会社", " llc "), ("주식회사", " jsc "), ("유한회사", " llc "), ("(주)", " jsc "),
)


@lru_cache(maxsize=65536)
def replace_legal_forms(text: str) -> str:
    """The name with its legal form replaced by its class (`jsc`, `llc`, ...), case folded.

    Only a form that opens or closes the name counts: inside a name, "Ag" (Iyad Ag Ghali) and "Sa"
    (Sa'b) are name parts, not an Aktiengesellschaft or a société anonyme.
    """
    folded = text.casefold()
    for form, replacement in _CJK_FORMS:
        if form in folded:
            folded = folded.replace(form, replacement)
    stripped = folded.strip(" ;:()\"'«»“”")
    for form, generic in extract_org_types(folded, generic=True):
        if stripped.startswith(form + " ") or stripped == form:
            stripped = generic + stripped[len(form):]
        elif stripped.endswith(" " + form) or stripped.endswith(("," + form, ", " + form)):
            stripped = stripped[: len(stripped) - len(form)].rstrip(" ,") + " " + generic
    return " ".join(stripped.split())


def is_legal_form(token: str) -> bool:
    return token in LEGAL_FORM_CLASSES
