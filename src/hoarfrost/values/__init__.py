"""Value types that know how to clean themselves: countries, dates, identifiers."""
