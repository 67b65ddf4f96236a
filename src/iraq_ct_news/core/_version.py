"""The one place the release version is written; pyproject.toml reads it from here."""

__version__ = "0.3.0"

#: Version of the record format (the `schema_version` field of records, the JSON Schemas' `$id`).
SCHEMA_VERSION = "1.2.0"
