"""``iraq-ct-news show ID``: one record of the release, readable.

Printed as YAML (the curated format) with multi-line text as literal blocks, or as JSON. Arabic
text is printed exactly as stored: no reshaping, no reordering, no normalisation — the terminal
does the right-to-left display.
"""

from __future__ import annotations

import argparse
from typing import Any

from ._options import add_path_option

#: Position in `iraq-ct-news --help`.
ORDER = 40


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "show",
        help="print one record (article, person, organisation, place, theme or CAMEO code)",
        description="Print the record with this id from the release, as YAML (default) or JSON.",
    )
    parser.add_argument("id", metavar="ID", help="record id (or CAMEO code)")
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml",
                        dest="output_format", help="yaml (default) or json")
    add_path_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import difflib
    import json

    from ..core.errors import UsageError
    from ..models.kinds import KINDS
    from ..release.dataset import load

    dataset = load(args.path)
    registries: list[tuple[str, Any]] = [
        (row.label, dataset.of_kind(row)) for row in KINDS
    ]
    known = [key for _, registry in registries for key in registry]
    # Ids are lower-case: `show UNODC` means unodc.
    wanted = next((key for key in known if key.casefold() == args.id.casefold()), args.id)
    for kind, registry in registries:
        record = registry.get(wanted)
        if record is None:
            continue
        data = record.model_dump(mode="json", exclude_none=True)
        if args.output_format == "json":
            print(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            print(f"# {kind} {wanted}")
            print(to_yaml(data), end="")
        return 0
    close = difflib.get_close_matches(args.id, known, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"no record has the id {args.id!r} in release {dataset.version}{hint}")


def to_yaml(data: Any) -> str:
    """YAML with text unescaped and multi-line text (an article body) as literal blocks."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1 << 20)
