"""An article against its seed (P001–P004, P009): the seed exists inside ``seeds/`` and has
the stated hash, and the body, the headline and the printed source details occur in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.textutil import fold_whitespace
from ...models import Article
from ...reading.textindex import text_index
from ..context import Seed
from .base import declare, file_check
from .helpers import preview, seed_of

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

P001 = declare(
    "P001", "seed not found", "error",
    "`seed` must name a file directly inside the repository's `seeds/` folder (no folders, "
    "no `..`, no absolute paths, no symbolic link that leads out of `seeds/`).",
    "Copy the source document into `seeds/` and give its file name.",
)
P002 = declare(
    "P002", "seed hash mismatch", "error",
    "`seed_sha256` must be the SHA-256 of the seed file's bytes: it proves the record was "
    "curated from exactly this document.",
    "Put the hash printed in the message into `seed_sha256` (seeds themselves are never "
    "edited).",
)
P003 = declare(
    "P003", "body paragraph not in the seed", "error",
    "Each paragraph of `body`, with whitespace folded, must occur verbatim in the seed. The "
    "body is the source's own words with site chrome removed, never a paraphrase.",
    "Copy the paragraph from the seed again; do not correct spelling or punctuation.",
)
P004 = declare(
    "P004", "headline not in the seed", "error",
    "`headline.ar` (whitespace folded) must occur verbatim in the seed.",
    "Copy the headline from the seed.",
)
P009 = declare(
    "P009", "source text not in the seed", "error",
    "`source.byline`, `source.credit`, `source.dateline` and `source.rights` are copied as "
    "printed in the seed.",
    "Copy the text from the seed, or set the field to null when the seed prints none.",
)


@file_check(P001, P002, kinds=("article",))
def check_seed(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    found = run.seed(article.seed)
    if not isinstance(found, Seed):
        checked.report.add(P001, found.message, ("seed",))
        return
    if found.sha256 != article.seed_sha256:
        checked.report.add(
            P002,
            f"seed_sha256 does not match seeds/{article.seed} (its SHA-256 is {found.sha256})",
            ("seed_sha256",),
        )


@file_check(P003, P004, P009, kinds=("article",))
def check_text_in_seed(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    seed = seed_of(checked, run)
    if seed is None:
        return
    report = checked.report
    # Indexed once per seed: thousands of paragraphs must not scan a large seed each.
    in_seed = text_index(seed.folded)
    offset = 0
    for number, (paragraph, folded) in enumerate(run.paragraphs(article), start=1):
        if folded and folded not in in_seed:
            report.add_in_block(
                P003,
                f"body paragraph {number} does not occur in seeds/{seed.name}: "
                f"{preview(paragraph)}",
                ("body",),
                offset,
            )
        offset += len(paragraph) + 2
    if fold_whitespace(article.headline.ar) not in in_seed:
        report.add(P004, f"headline.ar does not occur in seeds/{seed.name}", ("headline", "ar"))
    for name in ("byline", "credit", "dateline", "rights"):
        value = getattr(article.source, name)
        if value is not None and fold_whitespace(value) not in in_seed:
            report.add(
                P009, f"source.{name} does not occur in seeds/{seed.name}", ("source", name)
            )
