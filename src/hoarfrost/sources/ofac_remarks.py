"""The Remarks field of OFAC's sdn.csv: "; "-separated segments mapped into an `OfacLegacyDraft`.

The CSV has columns for little more than the name and programmes; everything
else is written into Remarks: "DOB 03 Jun 1960; POB Baghdad, Iraq; Passport
A123 (Iraq) expires 2001; a.k.a. 'X'; Linked To: Y." A segment is read as a
fact with its own grammar (DOB, POB, nationality, a.k.a., Linked To), as a
labelled value from the legacy vocabulary (`ofac_labels`), or as an unknown
"Label number (Country)" that reads like an identifier. The quoted a.k.a.s
are OFAC's weak aliases (the sdnList XML marks the same names `weak`). A
segment none of these read stays only in the `remarks` attribute, which the
reader keeps whole.
"""

from __future__ import annotations

import re

from hoarfrost.model import IdentifierKind, NameKind
from hoarfrost.sources.ofac_common import OfacLegacyDraft
from hoarfrost.sources.ofac_labels import (
    ALL_LABELS,
    ID_KINDS,
    PATTERN_LABELS,
    ends_with_abbreviation,
    id_note,
    is_id_label,
    norm_label,
    ofac_country,
    without_end_period,
)

_SPECIAL = re.compile(
    r"^(?:alt\.\s+)?(?P<key>DOB|POB|nationality(?!\s+of\s+registration)|citizenship|citizen"
    r"|[afn]\.k\.a\.|Linked To:)\s+(?P<value>.+)$",
    re.I,
)
_LABELLED = re.compile(
    r"^(?:alt\.\s+)?(?P<label>"
    + "|".join([re.escape(lab) for lab in ALL_LABELS] + list(PATTERN_LABELS))
    + r")(?:\s*[:\-])?\s+(?P<value>.+)$",
    re.I,
)
# "A123 (Jalisco) (Mexico) issued 01 Jan 1996 expires 2001": number, parenthesised places, dates.
_ID_TAIL = re.compile(
    r"^(?P<value>.+?)(?P<parens>(?:\s+\([^()]*\))*)(?:\s+issued\s+(?P<issued>.+?))?(?:\s+expires\s+(?P<expires>.+?))?$"
)
_PAREN = re.compile(r"\(([^()]*)\)")
_SEMICOLON = re.compile(r";\s*")
# An ID type OFAC added after this table was written: "Kenyan ID No. 123 (Kenya)".
_GENERIC_ID = re.compile(
    r"^(?:alt\.\s+)?(?P<label>[A-Za-z][^\d()]*?(?:\s\([A-Za-z. ]+\))?)\s+(?P<value>\S*\d.*)$"
)
_ID_WORDS = re.compile(r"(?:\bno\.?|\bnumber|#|\bid|\bcode|\bcard)$", re.I)

_REMARK_NAME_KINDS = {
    "a.k.a.": NameKind.WEAK_ALIAS,
    "f.k.a.": NameKind.WEAK_ALIAS,
    "n.k.a.": NameKind.WEAK_ALIAS,
}


def split_remarks(remarks: str) -> list[str]:
    """The segments of a Remarks field, without OFAC's closing period (kept after "S.A." and the like)."""
    segments = [segment.strip() for segment in _SEMICOLON.split(remarks)]
    if segments and segments[-1].endswith(".") and not ends_with_abbreviation(segments[-1]):
        segments[-1] = segments[-1][:-1]
    return [segment for segment in segments if segment]


def parse_remarks(draft: OfacLegacyDraft, remarks: str) -> None:
    """Map each remark segment into the draft; segments it cannot read stay in the `remarks` attribute."""
    for segment in split_remarks(remarks):
        if not _parse_special(draft, segment):
            _parse_labelled(draft, segment)


def _parse_special(draft: OfacLegacyDraft, segment: str) -> bool:
    match = _SPECIAL.match(segment)
    if not match:
        return False
    key, value = match.group("key").lower(), match.group("value").strip()
    if key == "dob":
        draft.add_birth_date(value)
    elif key == "pob":
        draft.add_birth_place(value)
    elif key == "nationality":
        draft.add_country(draft.nationalities, value.rstrip("."), "nationality")
    elif key.startswith("citizen"):
        draft.add_country(draft.citizenships, value.rstrip("."), "citizenship")
    elif key == "linked to:":
        draft.add_attribute("linked_to", value)
    else:
        if len(value) > 1 and value.startswith("'") and value.endswith("'"):
            value = value[1:-1]
        draft.add_name(value, _REMARK_NAME_KINDS[key])
    return True


def _parse_labelled(draft: OfacLegacyDraft, segment: str) -> bool:
    match = _LABELLED.match(segment) or _generic_id(segment)
    if not match:
        return False
    label, value = match.group("label"), match.group("value").strip()
    key = norm_label(label)
    if is_id_label(key) or match.re is _GENERIC_ID:
        return _parse_id(draft, label, value)
    return draft.add_feature(label, without_end_period(value))


def _generic_id(segment: str) -> re.Match[str] | None:
    """An unknown "Label number (Country)" segment, accepted when it reads like an ID and not like prose."""
    match = _GENERIC_ID.match(segment)
    if not match or len(match.group("label")) > 60:
        return None
    tail = _ID_TAIL.match(match.group("value").rstrip("."))
    parens = _PAREN.findall(tail.group("parens")) if tail else []
    if _ID_WORDS.search(match.group("label")) or any(ofac_country(p) for p in parens):
        return match
    return None


def _parse_id(draft: OfacLegacyDraft, label: str, value: str) -> bool:
    tail = _ID_TAIL.match(value.rstrip(". "))  # an ID never ends with a period: that is OFAC's end marker
    if tail is None:  # pragma: no cover - the pattern matches any non-empty text
        return False
    country: str | None = None
    note: list[str] = []
    for text in reversed(_PAREN.findall(tail.group("parens"))):
        if country is None and ofac_country(text):
            country = text
        else:
            note.insert(0, text)
    kind = ID_KINDS.get(norm_label(label), IdentifierKind.OTHER)
    draft.add_identifier(
        kind,
        label,
        tail.group("value"),
        country,
        id_note(tail.group("issued"), tail.group("expires"), ", ".join(note) or None),
    )
    return True
