"""The fast path: most record files are valid, and are read here by libyaml's composer.

A valid file's positions are only needed when a later check reports something in it. So a file
whose text cannot hold a tag, an anchor or an alias is first read through libyaml's composer (C
code, about twice as fast as walking the events in Python) and checked for everything else the
event reader (:mod:`.yamlevents`) refuses; anything unusual sends it to the event reader, which
stays the only judge of errors.
"""

from __future__ import annotations

import operator
import re
from typing import Any

import yaml

from ..core.limits import MAX_DEPTH, MAX_NODES, MAX_STRING_LENGTH
from .yamlscalars import MAYBE_NOT_TEXT, resolve_plain_scalar

try:
    from yaml._yaml import CParser as _CParser

    _HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _HAVE_LIBYAML = False

#: A tag (``!``), anchor (``&``) or alias (``*``) can only start where a node starts: after
#: whitespace, a line start or a flow indicator. A text without such a character there cannot
#: hold one, and may be read by the fast path.
_MAYBE_NODE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},:])[!&*]")


class _Fallback(Exception):
    """The fast path met something only the event reader may judge."""


_PLAIN = "plain"
_QUOTED = "quoted"
_COLLECTION = "collection"
_TAGGED = "!"

if _HAVE_LIBYAML:

    class _Composer(_CParser):
        """libyaml's composer with a resolver that only records how each node was written.

        Explicit tags keep their own tag (anything else than the markers below); a collection
        with the non-specific tag ``!`` is passed ``implicit=False``. (A scalar with ``!`` looks
        untagged here, which is why texts that may hold a ``!`` never reach this composer.)
        """

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            if isinstance(implicit, tuple):
                if implicit[0]:
                    return _PLAIN
                return _QUOTED if implicit[1] else _TAGGED
            return _COLLECTION if implicit else _TAGGED

        # The composer calls these around every node, and there is nothing to do: builtins that
        # take the same arguments and have no effect cost a fraction of a Python call each.
        descend_resolver = staticmethod(operator.is_)  # (parent, index)
        ascend_resolver = staticmethod(tuple)  # ()


def fast_read(text: str) -> dict[str, Any] | None:
    """The data of ``text`` when it is certainly a valid record file, else None.

    None never means an error: the caller then reads the text with the event reader, which
    finds and locates the problem (or accepts the file after all).
    """
    if not _HAVE_LIBYAML:
        return None
    if ("!" in text or "&" in text or "*" in text) and _MAYBE_NODE_PROPERTY.search(text):
        return None
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
        if node is None or node.tag != _COLLECTION or not isinstance(node, yaml.MappingNode):
            return None
        counter = [0]
        data = _convert(node, 0, counter)
    except Exception:  # noqa: BLE001 - every problem is the event reader's to report
        return None
    finally:
        composer.dispose()
    assert isinstance(data, dict)
    return data


def _convert(node: yaml.Node, depth: int, counter: list[int]) -> Any:
    """Plain data of ``node``, applying every check of the event reader (or giving up)."""
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise _Fallback
    tag = node.tag
    if tag == _PLAIN or tag == _QUOTED:
        value: str = node.value
        if len(value) > MAX_STRING_LENGTH:
            raise _Fallback
        if tag == _QUOTED or value[:1] not in MAYBE_NOT_TEXT:
            return value
        return resolve_plain_scalar(value)
    if tag != _COLLECTION or depth >= MAX_DEPTH:
        raise _Fallback
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            counter[0] += 1
            key_tag = key_node.tag
            if key_tag == _PLAIN:
                key = key_node.value
                if key == "<<" or len(key) > MAX_STRING_LENGTH:
                    raise _Fallback
                if key[:1] in MAYBE_NOT_TEXT and not isinstance(resolve_plain_scalar(key), str):
                    raise _Fallback
            elif key_tag == _QUOTED and isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                if len(key) > MAX_STRING_LENGTH:
                    raise _Fallback
            else:
                raise _Fallback
            if key in mapping:
                raise _Fallback
            value_tag = value_node.tag
            if value_tag == _PLAIN or value_tag == _QUOTED:  # a scalar: done without a call
                counter[0] += 1
                value = value_node.value
                if counter[0] > MAX_NODES or len(value) > MAX_STRING_LENGTH:
                    raise _Fallback
                if value_tag == _PLAIN and value[:1] in MAYBE_NOT_TEXT:
                    value = resolve_plain_scalar(value)
                mapping[key] = value
            else:
                mapping[key] = _convert(value_node, depth + 1, counter)
        return mapping
    return [_convert(item, depth + 1, counter) for item in node.value]
