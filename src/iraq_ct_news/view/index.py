"""The index page: every rendered article with its counts, linking to its page."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.findings import Finding
from . import escape
from .page import PageSummary, document_head

E = escape.text


def render_index(pages: Sequence[PageSummary], elsewhere: Sequence[Finding] = ()) -> str:
    """The index; ``elsewhere`` are the findings of files that have no page (a link where
    records are, a registry record that does not read), listed above the articles."""
    rows = []
    for page in pages:
        rows.append(
            "<tr>"
            f'<td data-label="Article"><a href="{escape.attribute(page.page_name)}">'
            f"{E(page.headline_en or page.record_id)}</a>"
            f"<br><code>{E(page.display_path)}</code></td>"
            f'<td data-label="Headline" lang="ar" dir="rtl">{E(page.headline_ar)}</td>'
            f'<td data-label="Errors">{page.errors}</td>'
            f'<td data-label="Warnings">{page.warnings}</td>'
            f'<td data-label="Unconfirmed proposals">{page.proposals}</td>'
            f'<td data-label="Anchored items">{page.annotations}</td></tr>\n'
        )
    table = (
        '<div class="scroll" role="region" tabindex="0" aria-label="Articles"><table>\n'
        '<thead><tr><th scope="col">Article</th><th scope="col">Headline</th>'
        '<th scope="col">Errors</th><th scope="col">Warnings</th>'
        '<th scope="col">Unconfirmed proposals</th><th scope="col">Anchored items</th>'
        f"</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table></div>\n"
    )
    tree = ""
    if elsewhere:
        items = "".join(f"<li><code>{E(finding.render())}</code></li>\n" for finding in elsewhere)
        tree = (f'<section aria-label="Findings outside the pages"><h2>Not shown: '
                f"{len(elsewhere)} finding(s) of files without a page</h2>\n"
                f'<ul class="findings">\n{items}</ul></section>\n')
    return (
        document_head("iraq-ct-news — articles for review")
        + "<body>\n<main>\n<h1>Articles for review</h1>\n"
        f"<p class=\"meta\">{len(pages)} article(s). Each page shows the Arabic text with its"
        " annotations marked, and every finding of the validator.</p>\n"
        f"{tree}{table}</main>\n</body>\n</html>\n"
    )
