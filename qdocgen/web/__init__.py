"""``qdocgen serve``: the web app where clerks fill, check, preview, download and save their documents.

Layers inside: ``fields`` turns a template's declaration into a form and the form back into data (``labels``
names its fields), ``intake`` bounds everything a user sends, ``checking``
runs the library's data pipeline on what the clerk typed, ``editing`` writes a unit file round-trip, ``workspace``
keeps every path inside the data root, ``accounts`` holds users and sessions, ``converter`` and ``previewer``
queue LibreOffice. Routes: ``server`` (shared state, request helpers), ``pages``, ``units``, ``formapi``,
``batches``, ``nextyear``; ``app`` holds the route table and the error pages. Nothing here prints or imports click.
"""
