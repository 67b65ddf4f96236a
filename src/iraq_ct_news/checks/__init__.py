"""The validator: the rules of :mod:`.rules` over a curated tree, as located findings.

The run is :func:`.run.validate_repository`; this package module imports nothing, so that a
module needing one part (the report of a file, say) does not load every rule.
"""
