"""A bank's customers: read from its files, kept in the store with every version, screened as they change."""
