"""The release: compiling a validated curated tree into ``dataset/`` and reading it back.

Nothing is imported here, so ``import iraq_ct_news`` stays cheap; each module has one job:

* ``names`` — file names of the release, and where an installed package keeps it (the
  canonical JSON and ``content_sha256`` are in :mod:`iraq_ct_news.content`, which the
  validator reads too);
* ``compile`` — a validated tree as a :class:`~.compile.Release` (offsets filled, hashes set);
* ``jsonl``, ``tables``, ``datapackage``, ``jsonld``, ``card``, ``parquet`` — one export each;
* ``build`` — render every file, write ``dataset/`` atomically, or check it is up to date;
* ``dataset`` — :class:`~.dataset.Dataset`, ``load()`` and ``load_curated()``;
* ``search`` — Arabic-normalised search keys kept apart from the stored text;
* ``diff`` — what changed between two releases;
* ``version_sync`` — the one version the package, the data and the changelog share.
"""
