"""Refuse YAML whose aliases expand into a huge document (a "billion laughs" bomb).

Aliases share one node when composed, so composing is cheap; the danger is whatever walks
the document afterwards (validation, JSON).  This counts the nodes the document would have
with every alias expanded, sharing the count of a node between its uses.
"""

from __future__ import annotations

import yaml

MAX_EXPANDED_NODES = 500_000
# libyaml composes several times faster than the pure-Python parser; both are safe loaders.
_FAST_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlBombError(ValueError):
    pass


def check_expansion(text: str, limit: int = MAX_EXPANDED_NODES) -> int:
    """The expanded node count; :class:`YamlBombError` past ``limit``; YAML errors pass through."""
    root = yaml.compose(text, Loader=_FAST_SAFE_LOADER)
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > 200:
            raise YamlBombError("YAML 嵌套过深")
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        if total > limit:
            raise YamlBombError(f"YAML 别名展开后超过 {limit:,} 个节点（疑似“别名炸弹”）")
        sizes[id(node)] = total
        return total

    return size(root, 0) if root is not None else 0
