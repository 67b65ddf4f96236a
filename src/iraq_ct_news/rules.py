"""The validator's rules: one stable code each, with the text ``validate --explain CODE`` prints.

Codes never change meaning once released; a retired rule keeps its code reserved. The letter
names the group of DATA-MODEL §4 the rule belongs to (Y reading, S schema, I identity,
P provenance, T text, D dates, V versioning, O orphans, C consistency).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    severity: Severity
    explanation: str
    fix: str


_RULE_LIST: tuple[Rule, ...] = (
    # -- Y: reading YAML (DATA-MODEL §4.1) ------------------------------------------------------
    Rule("Y001", "file is not UTF-8", "error",
         "Records are UTF-8 text without a byte-order mark. UTF-16, Latin-1 or broken bytes are "
         "refused, because a wrong decoding silently changes the Arabic text.",
         "Re-save the file as UTF-8 without BOM (in most editors: 'Save with encoding: UTF-8')."),
    Rule("Y002", "YAML syntax error", "error",
         "The file is not well-formed YAML: a bad indentation, a tab used for indentation, an "
         "unclosed quote, a control character (such as NUL) in the text.",
         "Fix the YAML at the reported spot; indent with spaces only."),
    Rule("Y003", "duplicate key", "error",
         "A mapping has the same key twice. YAML loaders silently keep the last value, so the "
         "first one would be lost without a word.",
         "Delete or merge one of the two entries."),
    Rule("Y004", "anchor or alias", "error",
         "Anchors (&name) and aliases (*name) are refused: they hide content at a distance, make "
         "diffs misleading and allow expansion bombs.",
         "Write the value out in full at each place it is needed."),
    Rule("Y005", "merge key", "error",
         "The '<<' merge key is refused for the same reasons as aliases.",
         "Write the merged keys out in full."),
    Rule("Y006", "tag", "error",
         "Explicit tags (!!str, !!python/object, !custom …) are refused: records hold only JSON "
         "types, and tags are how unsafe loaders are attacked.",
         "Remove the tag; quote the value if it must be a string."),
    Rule("Y007", "not a single mapping", "error",
         "A record file holds exactly one YAML document whose top level is a mapping of field "
         "names to values. Empty files, lists and several documents are refused.",
         "Make the file one mapping (`key: value` lines at the left margin)."),
    Rule("Y008", "limit exceeded", "error",
         "The file is larger, nested deeper, or holds a longer string than the reader allows "
         "(see SECURITY.md for the limits). The limits keep hostile input from exhausting memory.",
         "Split the content; a real article is far below every limit."),
    Rule("Y009", "not LF line endings", "error",
         "Records use LF line ends only. CR or CRLF line ends change the bytes (and the hash) of "
         "text that looks identical, and end up inside block scalars.",
         "Convert the file to LF line endings (`dos2unix FILE`, or your editor's line-ending "
         "setting)."),
    Rule("Y010", "key is not a string", "error",
         "Mapping keys are field names and must be plain strings. `1:`, `null:`, `true:` or a "
         "complex key are refused.",
         "Use the field name from the schema."),
    # -- S: schema (DATA-MODEL §4.2) ------------------------------------------------------------
    Rule("S001", "missing field", "error",
         "A required field is absent. Every record states its fields explicitly; an empty list "
         "(`[]`) or `null` says 'none' where the schema allows it.",
         "Add the field; `iraq-ct-news schema` writes the JSON Schemas that list every field."),
    Rule("S002", "unknown field", "error",
         "The field is not part of the record format (often a typo). Unknown fields are refused so "
         "that a misspelled field is never silently ignored.",
         "Correct the spelling or remove the field."),
    Rule("S003", "wrong type", "error",
         "The value has the wrong JSON type: text where a number is needed, a number where text is "
         "needed, a list instead of a mapping. No lax conversion is made: `'5'` is not a number "
         "and `yes` is text, not a boolean.",
         "Write the value with the type the message names."),
    Rule("S004", "invalid value", "error",
         "The value has the right type but is not allowed: not one of the listed choices, not "
         "matching the required pattern (ids are lowercase kebab-case), out of range, empty, or a "
         "placeholder: text whose first word is TODO, as `iraq-ct-news new` writes for every "
         "field a curator fills in.",
         "Use one of the values the message names; replace a placeholder with the real value "
         "(CONTRIBUTING.md says how to curate each field)."),
    Rule("S005", "computed field in a curated record", "error",
         "`start`, `end` and `content_sha256` are computed by `iraq-ct-news build` and exported in "
         "the release; writing them by hand would let them disagree with the text.",
         "Delete the field from the curated record."),
    # -- I: identity and references (DATA-MODEL §4.3) -----------------------------------------
    Rule("I001", "id does not match file name", "error",
         "A record's `id` must equal its file name without `.yaml`, so that a reference can be "
         "followed to its file.",
         "Rename the file or change the id (ids never change once released)."),
    Rule("I002", "duplicate id", "error",
         "Ids are unique across people, organisations and places together (a reference is just "
         "the id), and unique within each vocabulary.",
         "Give one of the records another id, or merge them if they are the same entity."),
    Rule("I003", "unresolved reference", "error",
         "A field refers to an id (entity, theme, CAMEO code, quote, event, article, seed) that no "
         "record defines.",
         "Fix the id, or add the missing registry record."),
    Rule("I004", "reference to the wrong kind", "error",
         "The id exists but is the wrong kind of record for this field (e.g. a place as a "
         "quote's speaker, a person as a publisher).",
         "Refer to a record of the kind the message names."),
    Rule("I005", "unexpected file", "error",
         "curated/ holds only `articles/`, `people/`, `organizations/`, `places/` with one "
         "`<id>.yaml` per record, and `vocabularies/themes.yaml` and `vocabularies/cameo.yaml`.",
         "Move or rename the file (records use the `.yaml` extension)."),
    Rule("I006", "duplicate item", "error",
         "A list holds the same item twice (a theme, an entity, a quote or event id).",
         "Remove the repeated item."),
    # -- P: provenance (DATA-MODEL §4.4) --------------------------------------------------------
    Rule("P001", "seed not found", "error",
         "`seed` must name a file directly inside the repository's `seeds/` folder (no folders, "
         "no `..`, no absolute paths, no symbolic link that leads out of `seeds/`).",
         "Copy the source document into `seeds/` and give its file name."),
    Rule("P002", "seed hash mismatch", "error",
         "`seed_sha256` must be the SHA-256 of the seed file's bytes: it proves the record was "
         "curated from exactly this document.",
         "Put the hash printed in the message into `seed_sha256` (seeds themselves are never "
         "edited)."),
    Rule("P003", "body paragraph not in the seed", "error",
         "Each paragraph of `body`, with whitespace folded, must occur verbatim in the seed. The "
         "body is the source's own words with site chrome removed, never a paraphrase.",
         "Copy the paragraph from the seed again; do not correct spelling or punctuation."),
    Rule("P004", "headline not in the seed", "error",
         "`headline.ar` (whitespace folded) must occur verbatim in the seed.",
         "Copy the headline from the seed."),
    Rule("P005", "text span not found", "error",
         "An anchored span (`exact` of a mention, quote, amount, resolution, figure or evidence, "
         "with its `prefix`/`suffix`/`occurrence`) must occur verbatim in its scope "
         "(`body` by default, or `headline`; evidence may also point at the `seed`).",
         "Copy the span from the body exactly (the body's whitespace is folded to single spaces)."),
    Rule("P006", "ambiguous text span", "error",
         "The span occurs more than once in its scope, so it does not say which occurrence is "
         "meant.",
         "Add `occurrence: N` (1-based), or a `prefix`/`suffix` with the text just before/after."),
    Rule("P007", "amount disagrees with its text", "error",
         "`value` must equal a number written in `exact` (Latin or Arabic-Indic digits, with the "
         "scale words ألف/آلاف, مليون/ملايين, مليار/مليارات), in units of the currency.",
         "Correct `value` (e.g. '2 مليون دولار' is 2000000 USD)."),
    Rule("P008", "resolution number not in its text", "error",
         "The number of the resolution `symbol` (S/RES/<n> (<year>)) must occur in `exact`.",
         "Correct the symbol or anchor the span that cites the resolution."),
    Rule("P009", "source text not in the seed", "error",
         "`source.byline`, `source.dateline` and `source.rights` are copied as printed in the seed.",
         "Copy the text from the seed, or set the field to null when the seed prints none."),
    Rule("P010", "stated title not in the text", "error",
         "A `title_as_stated` (mention) or `title_ar_as_stated` (position) is the title exactly as "
         "the article states it and must occur in that article's text.",
         "Copy the title from the article, or leave the field out."),
    Rule("P011", "figure disagrees with its text", "error",
         "When a figure's `exact` contains digits, `value` must equal a number written there.",
         "Correct `value`."),
    # -- T: text (DATA-MODEL §4.5) --------------------------------------------------------------
    Rule("T001", "text is not NFC", "error",
         "Text is stored in Unicode normalisation form C, so that equal-looking strings compare "
         "equal and offsets are stable. (Never NFKC, which rewrites Arabic ligatures.)",
         "Normalise the text to NFC (Python: `unicodedata.normalize('NFC', text)`). `fmt` never "
         "changes text, so this is yours to do."),
    Rule("T002", "Arabic presentation form", "error",
         "Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are display glyphs from old "
         "PDFs; they defeat search and matching.",
         "Replace them with the ordinary Arabic letters they stand for."),
    Rule("T003", "bidirectional control character", "error",
         "Bidi controls (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C) are invisible and can "
         "make text display differently from what it is ('Trojan Source').",
         "Delete the character; right-to-left display needs no control characters."),
    Rule("T004", "invisible or control character", "error",
         "Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), other format characters and "
         "control characters (except the newline in multi-line text) are refused.",
         "Delete the character."),
    Rule("T005", "body layout", "error",
         "`body` is paragraphs separated by exactly one blank line; within a paragraph, "
         "whitespace is folded: single spaces, no tabs, no non-breaking spaces, nothing leading or "
         "trailing.",
         "Fold the whitespace to single spaces and separate paragraphs with one blank line, then "
         "check the spans still match (`fmt` never changes text)."),
    Rule("T006", "text in the wrong script", "warning",
         "An `ar` field holds no Arabic letters, or an `en` field holds Arabic letters.",
         "Put the text in the field for its language."),
    # -- D: dates (DATA-MODEL §4.6) -------------------------------------------------------------
    Rule("D001", "invalid date", "error",
         "Dates are EDTF strings (2018-04-11, 2018-04, 2018, intervals 2016-10-17/2017-07-10, "
         "qualifiers ? and ~) or, for `created`/`modified`, ISO dates (YYYY-MM-DD). A date must "
         "exist in the calendar; years run from 1000 to 2999.",
         "Write the date as EDTF, with no more precision than the evidence gives."),
    Rule("D002", "interval out of order", "error",
         "An interval's end is before its start.",
         "Swap or correct the bounds."),
    Rule("D003", "event after publication", "error",
         "An event dated after the article's publication can only be a planned event whose date "
         "the article states (basis `explicit` or `relative`).",
         "Set the event's `status: planned` and its `date_basis`, or correct the date."),
    Rule("D004", "modified before created", "error",
         "`modified` must not be earlier than `created`.",
         "Correct the dates."),
    Rule("D005", "date basis and evidence disagree", "error",
         "A date with basis `explicit`, `inferred` or `relative` quotes its evidence; basis "
         "`unknown` has none. The reasoning behind an inferred date goes in `notes.en`.",
         "Add the evidence span (or set the basis to `unknown`)."),
    Rule("D006", "explicit date not shown by its evidence", "error",
         "With basis `explicit`, the evidence must show the date's year, and its day when the "
         "date is precise to the day (Arabic-Indic digits count as digits).",
         "Quote the span that gives the date, or lower the precision / change the basis."),
    # -- V: versioning (DATA-MODEL §4.7) --------------------------------------------------------
    Rule("V001", "withdrawn without reason", "error",
         "A withdrawn record stays in the release as a tombstone and must say why "
         "(`withdrawn_reason`); an active record has no reason and no `superseded_by`.",
         "Add `withdrawn_reason` (and `superseded_by` when another record replaces it)."),
    Rule("V002", "changed without a new revision", "error",
         "The record's content differs from the last release in `dataset/` (its content_sha256 "
         "changed) but its `revision` was not raised. Users cite records by id and revision; "
         "the same revision must always mean the same content.",
         "Set `revision` to the released revision + 1 (and `modified` to today)."),
    Rule("V003", "changed without a new modified date", "error",
         "The record's content differs from the last release but `modified` is not later than "
         "the released record's `modified` date.",
         "Set `modified` to the date of this change."),
    Rule("V004", "released record deleted", "error",
         "A record that is in the last release is missing from `curated/`. Released ids stay "
         "valid forever: a record that must go is withdrawn, not deleted.",
         "Restore the file and set `status: withdrawn` with a `withdrawn_reason` (and "
         "`superseded_by` when another record replaces it)."),
    Rule("V005", "lifecycle rewound", "error",
         "`revision` is lower than in the last release, or `created` differs from the released "
         "record's: both only ever move forward (revision) or stay fixed (created).",
         "Restore the released `created` date, and a `revision` at least the released one."),
    Rule("V006", "release cannot be compared", "warning",
         "The release in `dataset/` could not be read (it was written by another record format, "
         "or a file is damaged), so versioning rules were not checked against it.",
         "Rebuild the release from the last released commit, or check the file named."),
    # -- O: orphans (DATA-MODEL §4.8) -----------------------------------------------------------
    Rule("O001", "registry record not referenced", "warning",
         "No article refers to this person, organisation or place.",
         "Refer to it from the article that names it, or remove it before it is released."),
    Rule("O002", "vocabulary entry not used", "warning",
         "No event uses this CAMEO code; `cameo.yaml` lists the codes in use.",
         "Remove the entry or use it."),
    # -- C: consistency ---------------------------------------------------------------------------
    Rule("C001", "mention does not name its entity", "warning",
         "A mention's `exact` contains none of the entity's names, aliases or acronyms (Arabic "
         "normalised). Either the mention points at the wrong record or the registry lacks this "
         "spelling.",
         "Add the spelling to the registry record's `aliases`, or fix the `entity`."),
    Rule("C002", "quote not in quotation marks", "warning",
         "A direct quote is text inside quotation marks; indirect reported speech is not a quote.",
         "Anchor the text inside the quotation marks, or remove the quote."),
    Rule("C003", "speaker not mentioned", "warning",
         "A quote's `speaker` or `delivered_by` has no mention in the same article.",
         "Add the mention (or fix the speaker)."),
    Rule("C004", "named entity without a mention", "warning",
         "The text contains a name or alias of a registry record that the article does not "
         "mention.",
         "Add a mention for it, or correct the registry aliases if the match is a false one."),
    Rule("C005", "delivery and reader disagree", "error",
         "A quote with `delivery: read-on-behalf` names who read it (`delivered_by`); any other "
         "delivery has no `delivered_by`.",
         "Set `delivered_by` to the reader, or change `delivery`."),
    Rule("C006", "CAMEO quad class disagrees with its code", "error",
         "A CAMEO code's quad class follows from its root: 01–05 verbal cooperation (1), 06–08 "
         "material cooperation (2), 09–14 verbal conflict (3), 15–20 material conflict (4).",
         "Correct `quad_class` (or the code)."),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULE_LIST}


def severity_of(code: str) -> Severity:
    return RULES[code].severity


def explain(code: str) -> str:
    """The text printed by ``validate --explain CODE``."""
    rule = RULES[code.upper()]
    return (
        f"{rule.code} {rule.title} ({rule.severity})\n\n"
        f"{rule.explanation}\n\nHow to fix: {rule.fix}\n"
    )
