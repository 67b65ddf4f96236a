"""The CAMEO codes in use agree with the CAMEO codebook (C008).

``vocabularies/cameo.yaml`` lists the codes the dataset uses; each must be a code of the CAMEO
event codebook the package ships (``iraq_ct_news/reference/cameo-codebook.tsv``) with the
codebook's label and quad class, so a typed code or a paraphrased label cannot slip in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...models import CameoVocabulary
from ...reading.cameo import codebook
from .base import declare, file_check, fixer

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

C008 = declare(
    "C008", "CAMEO entry disagrees with the codebook", "error",
    "Every entry of vocabularies/cameo.yaml is a code of the CAMEO event codebook (version "
    "1.1b3, shipped with the package), with the codebook's label and quad class (1 for codes "
    "01–05, 2 for 06–08, 3 for 09–14, 4 for 15–20).",
    "Run `iraq-ct-news validate --fix`, which copies the label and quad class of each code "
    "from the codebook; a code the codebook lacks is not a CAMEO code: pick one from it.",
)


@file_check(C008, kinds=("cameo",))
def check_cameo_codebook(checked: CheckedFile, run: FileRun) -> None:
    vocabulary = checked.record
    assert isinstance(vocabulary, CameoVocabulary)
    book = codebook()
    for index, entry in enumerate(vocabulary.codes):
        official = book.get(entry.code)
        if official is None:
            checked.report.add(
                C008, f"codes[{index}]: '{entry.code}' is not a code of the CAMEO codebook",
                ("codes", index, "code"),
            )
            continue
        if entry.label != official.label:
            checked.report.add(
                C008,
                f"codes[{index}].label for '{entry.code}' is {entry.label!r}; the codebook "
                f"calls it {official.label!r}",
                ("codes", index, "label"),
            )
        if entry.quad_class != official.quad_class:
            checked.report.add(
                C008,
                f"codes[{index}].quad_class for '{entry.code}' is {entry.quad_class}; the "
                f"codebook's is {official.quad_class}",
                ("codes", index, "quad_class"),
            )


@fixer(C008, kinds=("cameo",))
def fix_cameo_codebook(data: dict[str, Any]) -> list[str]:
    """Labels and quad classes from the codebook, for the codes it has (a code it lacks needs a
    person: which code was meant is not the rule's to decide)."""
    book = codebook()
    changes: list[str] = []
    codes = data.get("codes")
    for index, entry in enumerate(codes if isinstance(codes, list) else []):
        official = book.get(str(entry.get("code"))) if isinstance(entry, dict) else None
        if official is None:
            continue
        for field, value in (("label", official.label), ("quad_class", official.quad_class)):
            if entry.get(field) != value:
                changes.append(
                    f"codes[{index}].{field} of '{entry['code']}': {entry.get(field)!r} → "
                    f"{value!r} (the codebook's)"
                )
                entry[field] = value
    return changes
