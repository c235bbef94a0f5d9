"""What the four OFAC readers share: list keys, party types, and the drafts that collect an entity.

OFAC publishes the same lists in four formats. The legacy ones (sdn.csv with
its companion files, and the sdnList XML) name identifiers and facts by free
labels ("Passport A123 (Iraq)", an `idList` entry typed "Website"); the
Advanced and Enhanced XML name them by typed features and documents. Each pair
reads its vocabulary with its own module (`ofac_labels`, `ofac_features`) and
collects a party into its own draft, kept here side by side:

- `OfacLegacyDraft` is built for one schema, cleans the text it is given,
  splits a person's "LAST, First" into name parts, reads countries and dates
  as the legacy formats write them, and keeps a gender only for a person;
- `OfacFeatureDraft` learns the schema at the end, takes names and attributes
  as the XML readers have already cleaned them, maps features by their role
  (`ofac_features.feature_role`) and keeps whatever gender a feature states.

They are not one class because those differences change what a party reads
as: the same "Gender" or "Vessel Flag" label becomes different facts, and
merging them would change what one pair of formats produces. What they do
share, collecting each fact once in first-seen order and freezing the
result, is `common.EntityFacts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from hoarfrost.model import (
    Attribute,
    Designation,
    Entity,
    Identifier,
    IdentifierKind,
    Name,
    NameKind,
    NameParts,
    Place,
    Schema,
)
from hoarfrost.names.scripts import detect_script
from hoarfrost.sources.base import SourceFile, text_of
from hoarfrost.sources.common import EntityFacts
from hoarfrost.sources.ofac_features import (
    COUNTRY_ATTRIBUTES,
    Feature,
    date_text,
    feature_role,
    identifier_kind,
    identifier_value,
)
from hoarfrost.sources.ofac_labels import (
    ID_KINDS,
    IMO_CARRIERS,
    attribute_key,
    id_note,
    is_date_attribute,
    is_id_label,
    iso_or_text,
    norm_label,
    ofac_birth_date,
    ofac_country,
    place_country,
    split_person_name,
    without_end_period,
)
from hoarfrost.values.countries import country_code
from hoarfrost.values.dates import parse_birth_date

AUTHORITY = "OFAC"
SDN_KEY = "us_ofac_sdn"
CONS_KEY = "us_ofac_cons"
# The list names OFAC's XML formats use.
SDN_LIST = "SDN List"
CONSOLIDATED_LIST = "Consolidated List"

# OFAC's party types (sdnType, PartyType / PartySubType, entityType).
SCHEMAS = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.AIRCRAFT,
}


def schema_of(label: str | None) -> Schema | None:
    """The schema an OFAC party type names (Individual, Entity, Vessel, Aircraft)."""
    return SCHEMAS.get((label or "").strip().casefold())


def source_hint(file: SourceFile) -> str:
    """The list key the file name suggests, for files that do not say it themselves."""
    return CONS_KEY if file.basename.startswith(("cons", "non-sdn", "nonsdn")) else SDN_KEY


@dataclass
class OfacLegacyDraft(EntityFacts):
    """One entry being collected from sdn.csv rows or an sdnList XML `sdnEntry`; `build` freezes it."""

    schema: Schema

    def add_name(self, value: str | None, kind: NameKind, parts: NameParts | None = None) -> None:
        """A name once (the first kind given stays); a person's "LAST, First" gets its parts."""
        value = text_of(value)
        if not value or value in self.names:
            return
        if parts is None and self.schema is Schema.PERSON:
            parts = split_person_name(value)
        self.names[value] = Name(value, kind, detect_script(value), parts=parts)

    def add_country(self, target: dict[str, None], text: str | None, attribute: str) -> None:
        """A nationality or citizenship: its ISO code, or an attribute when the country is unknown."""
        text = text_of(text)
        if not text:
            return
        code = ofac_country(text)
        if code:
            target[code] = None
        else:
            self.add_attribute(attribute, text)

    def add_birth_date(self, text: str | None) -> None:
        text = text_of(text)
        if text:
            parsed = ofac_birth_date(text)
            if parsed:
                self.birth_dates[parsed] = None
            else:
                self.add_attribute("birth_date", text)

    def add_birth_place(self, text: str | None) -> None:
        text = text_of(text)
        if text:
            text = without_end_period(text)
            self.birth_places[Place(text, place_country(text))] = None

    def add_program(self, program: str | None, source_id: str) -> None:
        program = text_of(program)
        if program:
            self.designations[Designation(AUTHORITY, regime=program, source_id=source_id)] = None

    def add_gender(self, text: str) -> None:
        """A person's gender; an unusual value is kept as an attribute, for any schema."""
        value = text.strip().rstrip(".").lower()
        if value not in ("male", "female"):
            self.add_attribute("gender", text)
        elif self.schema is Schema.PERSON:
            self.gender = value

    def add_feature(
        self,
        label: str,
        value: str | None,
        country: str | None = None,
        issued: str | None = None,
        expires: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Map one OFAC ID type / feature ("Passport", "Website", "Gender") into the draft.

        Returns False when the label is not part of the known vocabulary, so the caller can decide.
        """
        value = text_of(value)
        key = norm_label(label)
        if not value:
            return True
        if is_id_label(key):
            kind = ID_KINDS.get(key, IdentifierKind.OTHER)
            self.add_identifier(kind, label, value, country, id_note(issued, expires, note))
            return True
        attribute = attribute_key(label)
        if attribute is None:
            return False
        self._add_feature_attribute(attribute, key, value, country)
        return True

    def _add_feature_attribute(self, attribute: str, key: str, value: str, country: str | None) -> None:
        if attribute == "gender":
            self.add_gender(value)
            return
        if is_date_attribute(attribute, key):
            value = iso_or_text(value)
        if country:
            value = f"{value} ({country})"
        self.add_attribute(attribute, value)
        if attribute == "flag":
            self.add_attribute("flag_country", ofac_country(value))

    def add_identifier(
        self,
        kind: IdentifierKind,
        label: str | None,
        value: str,
        country: str | None = None,
        note: str | None = None,
    ) -> None:
        """An identifier. "IMO 1234567" values (OFAC also files them as "Identification Number") become
        bare IMO numbers; "Identification Number" is a person's ID card but a company's register number.
        """
        value = value.strip()
        label = " ".join(label.split()).rstrip(" :-") if label else None
        if value.upper().startswith("IMO ") and kind in IMO_CARRIERS:
            kind, value = IdentifierKind.IMO, value[4:].strip()
        elif label == "Identification Number" and self.schema is not Schema.PERSON:
            kind = IdentifierKind.REGISTRATION
        code = ofac_country(country)
        if country and not code:
            note = "; ".join(filter(None, (country, note)))
        self.identifiers[Identifier(kind, value, code, label, note)] = None

    def add_linked_to(self, remarks: str | None) -> None:
        """The "(Linked To: X)" segments the XML keeps in its remarks."""
        for segment in (remarks or "").split(";"):
            segment = segment.strip().strip("()").strip()
            if segment.lower().startswith("linked to:"):
                self.add_attribute("linked_to", segment[10:].strip())

    def build(self, source: str, source_id: str) -> Entity:
        return self.entity(source, source_id, self.schema)


class OfacFeatureDraft(EntityFacts):
    """One party being collected from the Advanced or Enhanced XML; `entity` freezes it with its schema."""

    def add_name(self, value: str | None, kind: NameKind, parts: NameParts | None = None) -> None:
        """Add a name; an identical string already present (primary first) is kept once."""
        if value and value not in self.names:
            self.names[value] = Name(value, kind, detect_script(value), None, parts)

    def add_attribute(self, key: str, value: str | None) -> None:
        """An attribute as given: the readers pass text they have cleaned (`ofac_features.clean`)."""
        if value:
            self.attributes[Attribute(key, value)] = None

    def add_feature(self, feature: Feature) -> None:
        """Map one feature to its model field, an identifier or an attribute."""
        role = feature_role(feature.label)
        text = feature.text
        if role == "birth_date":
            found = feature.date or parse_birth_date(text)
            if found:
                self.birth_dates[found] = None
        elif role == "birth_place" and text:
            self.birth_places[Place(text, country_code(text.rsplit(",", 1)[-1]))] = None
        elif role in ("nationality", "citizenship"):
            self._add_country(role, feature)
        elif role == "gender" and text and text.casefold() in ("male", "female"):
            self.gender = text.casefold()
        elif role == "address":
            if feature.address is not None:
                self.addresses[feature.address] = None
        elif role == "id":
            self._add_identifier(feature)
        else:
            self._add_attribute(role.removeprefix("attr:"), feature)
        if feature.comment and role != "id":
            self.add_attribute("note", f"{feature.label.rstrip(' :-')}: {feature.comment}")

    def _add_country(self, role: str, feature: Feature) -> None:
        code = feature.country or country_code(feature.text)
        if code:
            (self.nationalities if role == "nationality" else self.citizenships)[code] = None
        elif feature.text and feature.text.casefold() != "undetermined":
            self.add_attribute(role, feature.text)

    def _add_identifier(self, feature: Feature) -> None:
        if not feature.text:
            return
        kind = identifier_kind(feature.label)
        value = identifier_value(kind, feature.text)
        self.identifiers[Identifier(kind, value, feature.country, feature.label, feature.comment)] = None

    def _add_attribute(self, key: str, feature: Feature) -> None:
        if key in COUNTRY_ATTRIBUTES:
            self.add_attribute(key, feature.country or country_code(feature.text) or feature.text)
        elif feature.date is not None:
            self.add_attribute(key, date_text(feature.date))
        else:
            self.add_attribute(key, feature.text)
