"""The contributor's tools: ``new`` (a record from a seed page, :mod:`.scaffold`) and
``draft`` (annotations proposed from the registries and the text, :mod:`.draft`).

Nothing here is data until a person confirms it.
"""
