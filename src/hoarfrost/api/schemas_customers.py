"""Request bodies of the customer routes (POST /customers, POST /customers/{id}/delete).

Only the shape is checked here (types, sizes, no unknown fields: a 422 for the whole body). Whether a
customer can be screened (an empty name, an unknown schema or country, a malformed date of birth) is
the registry's question, answered per customer as a file's rows are: the customer is skipped and
reported with its position, and the others load.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from hoarfrost.api.schemas import MAX_IDENTIFIERS, Identifier, Name, Short, Strict
from hoarfrost.customers.files import FIELDS, MAX_ID_LENGTH

# Customers per request: the size of a /screen/batch, screened in the request. Onboarding posts a few;
# a bulk load of the whole book is a file for `hoarfrost customers load`.
MAX_CUSTOMERS = 1000
MAX_EXTRA = 50  # extra fields per customer
MAX_REASON = 2000

ExtraKey = Annotated[str, StringConstraints(min_length=1, max_length=64)]
ExtraValue = Annotated[str, StringConstraints(max_length=1000)]


class CustomerIn(Strict):
    id: Annotated[str, StringConstraints(max_length=MAX_ID_LENGTH)] = Field(description="The bank's customer id.")
    name: Name = Field(description="The customer's name, in any script.")
    schema_: Short | None = Field(None, alias="schema", description="Person, Organization, Vessel or Aircraft.")
    dob: Short | None = Field(None, description="Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    country: Short | None = Field(None, description="Country: an ISO code or a name.")
    identifiers: list[Identifier] = Field([], max_length=MAX_IDENTIFIERS,
                                          description="Passport, registration, IMO numbers...")
    extra: dict[ExtraKey, ExtraValue] = Field({}, max_length=MAX_EXTRA,
                                              description="Any other fields of the bank's, kept as given.")

    @field_validator("extra")
    @classmethod
    def _not_a_field(cls, extra: dict[str, str]) -> dict[str, str]:
        # A file's reader would take a column "Name" as the name: here the name has its own field.
        twins = [key for key in extra if key.strip().lower() in FIELDS]
        if twins:
            raise ValueError(f"{twins[0][:64]!r} is a field of the customer, not an extra one")
        return extra

    def record(self) -> dict[str, object]:
        """The customer as a file's row, as the registry's reader takes it (customer_from_record)."""
        return {"id": self.id, "name": self.name, "schema": self.schema_, "dob": self.dob, "country": self.country,
                "identifiers": self.identifiers, **self.extra}


class CustomersRequest(Strict):
    customers: list[CustomerIn] = Field(min_length=1, max_length=MAX_CUSTOMERS)
    screen: bool = Field(True, description="Screen each new or changed customer now (false: a later load does).")


class DeleteRequest(Strict):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_REASON)] = Field(
        description="Why the customer is no longer monitored (closes their open alerts with it).")
