"""The Nghị định 30 layout rules, read from the layout model of a document."""
