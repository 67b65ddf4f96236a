"""ISO 3166-1 alpha-3 country codes and ISO 4217 currency codes accepted in records.

Both come from pycountry (the Debian iso-codes data), so a code that ISO adds or retires reaches
the package with a pycountry upgrade rather than an edit here. Currency codes for precious
metals, bond units and testing (XAU, XAG, XPD, XPT, XBA–XBD, XSU, XUA, XTS, XXX) are left out:
an amount is money.
"""

from __future__ import annotations

import pycountry

#: ISO 4217 codes that do not name money.
NOT_MONEY = frozenset(
    {"XAU", "XAG", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XTS", "XXX"}
)

COUNTRY_CODES: tuple[str, ...] = tuple(sorted(country.alpha_3 for country in pycountry.countries))

CURRENCY_CODES: tuple[str, ...] = tuple(
    sorted(currency.alpha_3 for currency in pycountry.currencies if currency.alpha_3 not in NOT_MONEY)
)
