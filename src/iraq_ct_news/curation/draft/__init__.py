"""``iraq-ct-news draft``: propose every annotation of an article from the registries and its
text, for a person to confirm.

Nothing here is data until a person confirms it: ``--write`` marks every item it adds with
``proposed: true``, which ``validate`` reports (and ``build`` refuses) until the mark is deleted.
The rules are about Arabic news prose in general (how names, titles, quotations, sums and dates
are written); ``benchmarks/draft_eval.py`` measures them on articles they have not seen.
"""
