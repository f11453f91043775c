"""Raw OOXML: the .docx package, its parts, styles, scanning and merging; nothing of qdocgen above it."""
