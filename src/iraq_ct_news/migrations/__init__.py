"""Upgrades of records from earlier record formats, one module per change of the format."""
