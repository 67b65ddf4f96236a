"""The release: compiling a validated curated tree into ``dataset/`` and reading it back.

Nothing is imported here, so ``import iraq_ct_news`` stays cheap; each module has one job:

* ``names`` — file names of the release, and where an installed package keeps it (the
  canonical JSON and ``content_sha256`` are in :mod:`iraq_ct_news.models.content`, which the
  validator reads too);
* ``compile`` — a validated tree as a :class:`~.container.Dataset` (offsets filled, hashes set);
* ``build_outputs`` — what a build writes, in order, and the card's list of files;
* ``container`` — :class:`~.container.Dataset`, the one container of a release (compiled,
  loaded or exported);
* ``datapackage``, ``jsonld``, ``croissant``, ``duckdb``, ``nlp``, ``card``, ``parquet`` — one
  output each (the JSON Lines reader and writer are in :mod:`iraq_ct_news.reading.jsonl`) (``tokens``: the token policy of the NLP formats; ``features``:
  the Hugging Face features; ``summary``: the counts the card and ``stats`` print);
* ``tables`` — the flat tables, one module per family (``table_articles``, ``table_events``,
  ``table_registries``), what a table is in ``table_model``, shared columns in
  ``table_columns``;
* ``build`` — render every file, write ``dataset/`` atomically, or check it is up to date;
* ``export_formats``, ``exports_on_request`` — what ``export`` writes on request
  (``sqlite``, ``spacy_docbin``), from a release folder read back by ``export_source``;
  ``datasette_plugin`` searches the SQLite export;
* ``dataset`` — ``load()``; ``curated`` — ``load_curated()`` (lines earlier releases wrote are
  read by :mod:`iraq_ct_news.reading.legacy`);
* ``search`` — Arabic-normalised search keys kept apart from the stored text;
* ``diff`` — what changed between two releases;
* ``publication`` — what the publication metadata says about the dataset as a whole;
* ``version_sync`` — the one version the package, the data and the changelog share.
"""
