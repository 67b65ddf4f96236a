"""Reading a text: the strict YAML reader, span anchoring, seeds and seed pages, the words of
an Arabic text, the lexicon of news prose, the registry's name index and matcher, the CAMEO
codebook, the gazetteer, dates in news text, release lines and the record-format migrations.

The checks, the store, the release and the curation tools all read through this layer; it
imports only the models and the core.
"""
