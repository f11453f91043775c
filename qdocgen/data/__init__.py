"""Data: YAML with line numbers, inheritance, overrides, hygiene, schema and objectives rules."""
