"""A labelled corpus for ``qdocgen lint``: documents built at test time, each modelled on a real one.

No file here was copied from anywhere: ``builder`` writes every .docx with python-docx from the short texts in
``cases`` (the tuning set) and ``giu_lai/cases`` (the held-out set). ``NGUON.md`` lists the real documents whose
structure each case reproduces.
"""
