"""Reader: UK FCDO "UK Sanctions List" XML (UK-Sanctions-List.xml).

Since 28 January 2026 this list replaces OFSI's ConList. Unlike the ConList it
is one `Designation` element per party, with every name, address and detail
nested inside, so it streams: each designation becomes an entity as soon as
its element closes. The root `Designations` holds `DateGenerated` (dd/mm/yyyy,
the publication date) before the first designation.

Element names follow the published file: `Names/Name` (Name1..Name6, NameType,
AliasStrength), `NonLatinNames/NonLatinName`, `IndividualDetails/Individual`,
`EntityDetails/Entity` and `ShipDetails/Ship`. The entity and ship details are
lists of lists (`TypeOfShipDetails/TypeOfShip`, `YearsBuilt/YearBuilt`, ...);
they are read by their leaf element names, so a renamed wrapper does not lose
data, and an unknown leaf is kept as an attribute named after it.

The publisher repeats rows (the same DOB or passport ten times): everything is
de-duplicated. `<Name1> ABDUL</Name1>` and trailing spaces are trimmed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from hoarfrost.errors import ListFileError
from hoarfrost.model import (
    Address,
    Designation,
    Entity,
    Identifier,
    IdentifierKind,
    NameKind,
    NameParts,
    Place,
    Schema,
)
from hoarfrost.sources.base import ListReader, ReadReport, SourceFile, text_of
from hoarfrost.sources.common import iso_date, language_code
from hoarfrost.sources.uk_common import (
    AUTHORITY,
    EntityBuilder,
    birth_country,
    document_country,
    imo_number,
    uk_birth_date,
    uk_country,
)
from hoarfrost.sources.xml import find_text, find_texts, iter_elements

_SCHEMAS = {"individual": Schema.PERSON, "entity": Schema.ORGANIZATION, "ship": Schema.VESSEL}
_ROOT = re.compile(rb"<(?:\w+:)?Designations[\s>]")
_NAME_TAGS = ("Name1", "Name2", "Name3", "Name4", "Name5", "Name6")
_ADDRESS_TAGS = tuple(f"AddressLine{n}" for n in range(1, 7))
# "The Iran (Sanctions) (Nuclear) (EU Exit) Regulations 2019" -> "Iran (Nuclear)", as the ConList names it.
_REGIME_NOISE = re.compile(
    r"^The\s+|\s*\([^()]*(?:Sanctions|EU Exit)[^()]*\)|\s+Sanctions\b|\s+Regulations\s+\d{4}$"
)
# Leaf elements of EntityDetails / ShipDetails: identifiers, or attributes under our common keys.
_DETAIL_IDENTIFIERS = {
    "IMONumber": (IdentifierKind.IMO, "IMO number"),
    "BusinessRegistrationNumber": (IdentifierKind.REGISTRATION, "Business registration number"),
    "HullIdentificationNumber": (IdentifierKind.OTHER, "Hull identification number"),
}
_DETAIL_ATTRIBUTES = {
    "TypeOfEntity": "entity_type", "ParentCompany": "parent_company", "Subsidiary": "subsidiary",
    "CurrentOwnerOperator": "vessel_owner", "CurrentOwner": "vessel_owner",
    "PreviousOwnerOperator": "vessel_previous_owner", "CurrentBelievedFlagOfShip": "vessel_flag",
    "Flag": "vessel_flag", "PreviousFlag": "vessel_previous_flag", "TypeOfShip": "vessel_type",
    "TonnageOfShip": "vessel_tonnage", "Tonnage": "vessel_tonnage", "LengthOfShip": "vessel_length",
    "Length": "vessel_length", "YearBuilt": "vessel_year_built",
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


class UkFcdoXmlReader(ListReader):
    format = "uk_fcdo_xml"
    source = "uk_fcdo"
    title = "UK FCDO UK Sanctions List XML"

    @classmethod
    def sniff(cls, file: SourceFile, head: bytes) -> bool:
        return bool(_ROOT.search(head)) and (b"<DateGenerated>" in head or b"<UniqueID>" in head)

    def entities(self) -> Iterator[Entity]:
        for file in self.files:
            with self.open_counted(file) as stream:
                count = 0
                for elem in iter_elements(stream, file.name, {"Designation", "DateGenerated"}):
                    if elem.tag == "DateGenerated":
                        self.report.published = iso_date(text_of(elem.text)) or self.report.published
                        continue
                    count += 1
                    yield _designation_entity(elem, file.name, count, self.report)
            if count == 0:
                raise ListFileError(file.name, "no Designation element: not a complete UK Sanctions List")


def _designation_entity(elem: ET.Element, name: str, number: int, report: ReadReport) -> Entity:
    unique_id = find_text(elem, "UniqueID")
    if not unique_id:
        raise ListFileError(name, "a Designation has no UniqueID", where=f"element Designation #{number}")
    kind = find_text(elem, "IndividualEntityShip") or ""
    schema = _SCHEMAS.get(kind.lower())
    if schema is None:
        report.warn(f"unknown IndividualEntityShip {kind!r}: read as Organization")
        schema = Schema.ORGANIZATION
    builder = EntityBuilder()
    _add_names(builder, elem, schema)
    _add_designation(builder, elem)
    _add_contacts(builder, elem)
    for individual in elem.iterfind("IndividualDetails/Individual"):
        _add_individual(builder, individual)
    for details in (*elem.iterfind("EntityDetails"), *elem.iterfind("ShipDetails")):
        _add_details(builder, details)
    if not builder.names:
        report.warn("a Designation has no name")
        builder.add_name(unique_id, NameKind.PRIMARY)
    return builder.entity(UkFcdoXmlReader.source or "uk_fcdo", unique_id, schema)


def _add_names(builder: EntityBuilder, elem: ET.Element, schema: Schema) -> None:
    titles = find_texts(elem, "Titles/Title")
    for name in elem.iterfind("Names/Name"):
        parts = [find_text(name, tag) for tag in _NAME_TAGS]
        given = [part for part in parts[:5] if part]
        value = " ".join(part for part in parts if part)
        name_parts = None
        if schema is Schema.PERSON:
            name_parts = NameParts(given=given[0] if given else None, middle=" ".join(given[1:]) or None,
                                   family=parts[5], title=", ".join(titles) or None)
        builder.add_name(value, _name_kind(find_text(name, "NameType"), find_text(name, "AliasStrength")),
                         parts=name_parts)
    for name in elem.iterfind("NonLatinNames/NonLatinName"):
        lang = language_code(find_text(name, "NonLatinScriptLanguage"))
        builder.add_name(find_text(name, "NameNonLatinScript"), NameKind.ALIAS, lang=lang)
    for title in titles:
        builder.add_attribute("title", title)


def _name_kind(name_type: str | None, strength: str | None) -> NameKind:
    kind = (name_type or "").lower()
    if kind == "primary name":
        return NameKind.PRIMARY
    if "former" in kind or "previous" in kind:
        return NameKind.FORMER
    return NameKind.WEAK_ALIAS if (strength or "").lower().startswith("low") else NameKind.ALIAS


def _add_designation(builder: EntityBuilder, elem: ET.Element) -> None:
    """The UK designation, with the UN and OFSI references and the measures imposed."""
    regulations = find_text(elem, "RegimeName")
    statement = find_text(elem, "UKStatementofReasons")
    other = find_text(elem, "OtherInformation")
    builder.designations[_designation(elem, regulations, statement or other)] = None
    if statement and other:
        builder.add_attribute("remarks", other)
    builder.add_attribute("ofsi_group_id", find_text(elem, "OFSIGroupID"))
    builder.add_attribute("un_reference", find_text(elem, "UNReferenceNumber"))
    builder.add_attribute("designation_source", find_text(elem, "DesignationSource"))
    builder.add_attribute("last_updated", iso_date(find_text(elem, "LastUpdated")))
    for measures in find_texts(elem, "SanctionsImposed"):
        for measure in measures.split("|"):
            builder.add_attribute("sanctions_imposed", measure)
    for indicator in elem.iterfind("SanctionsImposedIndicators/*"):
        if (text_of(indicator.text) or "").lower() == "true":
            builder.add_attribute("sanction_indicator", indicator.tag)


def _designation(elem: ET.Element, regulations: str | None, reason: str | None) -> Designation:
    """Regime as the short name the ConList uses; the regulations' full title is the legal basis."""
    regime = text_of(_REGIME_NOISE.sub("", regulations)) if regulations else None
    return Designation(AUTHORITY, regime, regulations, iso_date(find_text(elem, "DateDesignated")), reason,
                       find_text(elem, "UniqueID"))


def _add_contacts(builder: EntityBuilder, elem: ET.Element) -> None:
    for address in elem.iterfind("Addresses/Address"):
        lines = [text for tag in _ADDRESS_TAGS if (text := find_text(address, tag))]
        postal, country = find_text(address, "AddressPostalCode"), find_text(address, "AddressCountry")
        parts = [*lines, *(value for value in (postal, country) if value)]
        if parts:
            found = Address(full=", ".join(parts), postal_code=postal, country=uk_country(country))
            builder.addresses[found] = None
    for path, key in (("PhoneNumbers/PhoneNumber", "phone"), ("EmailAddresses/EmailAddress", "email"),
                      ("Websites/Website", "website")):
        for value in find_texts(elem, path):
            builder.add_attribute(key, value)


def _add_individual(builder: EntityBuilder, individual: ET.Element) -> None:
    for text in find_texts(individual, "DOBs/DOB"):
        birth = uk_birth_date(text)
        if birth:
            builder.birth_dates[birth] = None
        else:
            builder.add_attribute("birth_date_text", text)
    for location in individual.iterfind("BirthDetails/Location"):
        town, country = find_text(location, "TownOfBirth"), find_text(location, "CountryOfBirth")
        text = ", ".join(part for part in (town, country) if part)
        if text:
            builder.birth_places[Place(text, birth_country(country))] = None
    for nationality in find_texts(individual, "Nationalities/Nationality"):
        builder.add_countries(builder.nationalities, nationality, "nationality")
    for gender in find_texts(individual, "Genders/Gender"):
        builder.set_gender(gender)
    for position in find_texts(individual, "Positions/Position"):
        builder.add_attribute("position", position)
    _add_documents(builder, individual, "PassportDetails/Passport", IdentifierKind.PASSPORT, "Passport")
    _add_documents(builder, individual, "NationalIdentifierDetails/NationalIdentifier",
                   IdentifierKind.NATIONAL_ID, "NationalIdentifier")


def _add_documents(builder: EntityBuilder, individual: ET.Element, path: str, kind: IdentifierKind,
                   prefix: str) -> None:
    for document in individual.iterfind(path):
        number = find_text(document, f"{prefix}Number")
        if not number:
            continue
        note = find_text(document, f"{prefix}AdditionalInformation")
        builder.identifiers[Identifier(kind, number, document_country(note), None, note)] = None


def _add_details(builder: EntityBuilder, details: ET.Element) -> None:
    """EntityDetails / ShipDetails: every leaf element, by its name."""
    for leaf in details.iter():
        value = text_of(leaf.text)
        if len(leaf) or not value:
            continue
        if leaf.tag in _DETAIL_IDENTIFIERS:
            kind, label = _DETAIL_IDENTIFIERS[leaf.tag]
            if kind is IdentifierKind.IMO:
                value = imo_number(value)
            builder.identifiers[Identifier(kind, value, None, label)] = None
        else:
            builder.add_attribute(_DETAIL_ATTRIBUTES.get(leaf.tag) or _CAMEL.sub("_", leaf.tag).lower(), value)
