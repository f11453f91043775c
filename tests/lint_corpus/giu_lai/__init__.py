"""The held-out part of the corpus: not read while tuning the lint rules; its figures are reported apart."""
