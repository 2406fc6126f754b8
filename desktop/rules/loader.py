"""Read a rule pack from its YAML source folder, with line numbers for every error.

Layout (see docs/RULES.md)::

    pack.yaml            id, version, title, issued_by
    documents.yaml       the policy documents, keyed
    programmes/*.yaml    {programmes: [...], blocks: [...]} per document

Loading is all-or-nothing: any problem raises :class:`RulePackError` listing them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from desktop.rules.model import Block, Document, PackHeader, Programme, RulePackSource
from desktop.rules.model import source_digest as source_digest  # here before; PyYAML-free there
from desktop.rules.pack import Problem, RulePack, RulePackError, compile_pack

MAX_SOURCE_BYTES = 5_000_000
# YAML aliases (``*name``) repeat a node without copying it; a few levels of them expand a
# 0.7 KB file into a billion nodes (the "billion laughs").  The shipped rules use aliases for
# shared citations, so rather than forbid them, the size of the document *as expanded* is
# measured on the composed node graph (linear in the file) before anything is constructed.
MAX_EXPANDED_NODES = 200_000


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping key so errors can point into the file; refuses a
    document whose aliases expand beyond :data:`MAX_EXPANDED_NODES` nodes, or loop."""

    def compose_document(self) -> Any:
        node = super().compose_document()
        if node is not None and _expanded_size(node, {}, set()) > MAX_EXPANDED_NODES:
            raise yaml.composer.ComposerError(
                None, None, f"展开别名（*name）后超过 {MAX_EXPANDED_NODES:,} 个节点，不是有效的规则文件",
                node.start_mark)
        return node


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_nodes: set[int]) -> int:
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_nodes:
        raise yaml.composer.ComposerError(None, None, "别名引用了自身（循环），不是有效的规则文件",
                                          node.start_mark)
    open_nodes.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            total += _expanded_size(child, sizes, open_nodes)
            if total > MAX_EXPANDED_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            total += _expanded_size(k, sizes, open_nodes) + _expanded_size(v, sizes, open_nodes)
            if total > MAX_EXPANDED_NODES:
                break
    open_nodes.discard(key)
    sizes[key] = total
    return total


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    mapping["__lines__"] = lines
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in ("__lines__", "__line__")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _line_at(raw: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest mapping key along a pydantic error location."""
    line = raw.get("__line__") if isinstance(raw, dict) else None
    node = raw
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            line = node.get("__lines__", {}).get(part, line)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, dict):
                line = node.get("__line__", line)
        else:
            break
    return line


def _index_lines(raw: Any, prefix: str, file: str,
                 out: dict[str, tuple[str, int | None]]) -> None:
    """Record ``rule/conditions[2].test.value``-style paths with their line numbers."""
    if isinstance(raw, dict):
        for key, line in raw.get("__lines__", {}).items():
            path = f"{prefix}{key}"
            out[path] = (file, line)
            _index_lines(raw.get(key), path + ".", file, out)
    elif isinstance(raw, list):
        base = prefix.rstrip(".")
        for i, item in enumerate(raw):
            if isinstance(item, dict):
                out[f"{base}[{i}]"] = (file, item.get("__line__"))
            _index_lines(item, f"{base}[{i}].", file, out)


def _read_yaml(path: Path, root: Path, problems: list[Problem]) -> Any:
    name = str(path.relative_to(root))
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            problems.append(Problem(name, None, "-", "-", "文件过大，不是有效的规则文件"))
            return None
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, None, "-", "-", f"无法读取：{exc}"))
    except RecursionError:
        problems.append(Problem(name, None, "-", "-", "嵌套过深，不是有效的规则文件"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(name, mark.line + 1 if mark else None, "-", "-",
                                f"YAML 语法错误：{getattr(exc, 'problem', exc)}"))
    return None


def _validate(model: type[Any], raw: Any, file: str, rule: str, problems: list[Problem]) -> Any:
    try:
        return model.model_validate(_strip(raw))
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            field = ".".join(str(p) for p in loc) or "-"
            problems.append(Problem(file, _line_at(raw, loc), rule, field, error["msg"]))
    return None


def load_source_dir(root: Path) -> tuple[RulePackSource, dict[str, tuple[str, int | None]]]:
    """Parse and shape-check the YAML folder; returns the source and a rule -> (file, line) map."""
    problems: list[Problem] = []
    lines: dict[str, tuple[str, int | None]] = {}
    if not (root / "pack.yaml").is_file():
        raise RulePackError([Problem(str(root), None, "-", "-", "不是规则包目录：缺少 pack.yaml")])
    header = _validate(PackHeader, _read_yaml(root / "pack.yaml", root, problems) or {},
                       "pack.yaml", "pack", problems)
    documents: list[Document] = []
    raw_documents = _read_yaml(root / "documents.yaml", root, problems) if (
        root / "documents.yaml").is_file() else None
    if not isinstance(raw_documents, list):
        problems.append(Problem("documents.yaml", None, "-", "-", "应为文件列表"))
        raw_documents = []
    for raw in raw_documents:
        document = _validate(Document, raw, "documents.yaml", str(_strip(raw).get("key", "?"))
                             if isinstance(raw, dict) else "?", problems)
        if document:
            documents.append(document)
    programmes: list[Programme] = []
    blocks: list[Block] = []
    files = sorted((root / "programmes").glob("*.yaml"))
    if not files:
        problems.append(Problem("programmes/", None, "-", "-", "没有任何项目文件"))
    for path in files:
        name = str(path.relative_to(root))
        raw_file = _read_yaml(path, root, problems)
        if raw_file is None:
            continue
        if not isinstance(raw_file, dict) or "programmes" not in raw_file:
            problems.append(Problem(name, None, "-", "-", "应为包含 programmes 列表的映射"))
            continue
        for key, model, bucket in (("programmes", Programme, programmes), ("blocks", Block, blocks)):
            entries = raw_file.get(key) or []
            if not isinstance(entries, list):
                problems.append(Problem(name, raw_file.get("__lines__", {}).get(key), "-", "-",
                                        f"{key} 应为列表"))
                continue
            for raw in entries:
                rule_id = str(raw.get("id", "?")) if isinstance(raw, dict) else "?"
                lines[rule_id] = (name, raw.get("__line__") if isinstance(raw, dict) else None)
                _index_lines(raw, f"{rule_id}/", name, lines)
                item = _validate(model, raw, name, rule_id, problems)
                if item:
                    bucket.append(item)
    if problems or header is None:
        raise RulePackError(problems)
    return RulePackSource(header=header, documents=documents, programmes=programmes,
                          blocks=blocks), lines


def load_pack_dir(root: Path) -> RulePack:
    source, lines = load_source_dir(root)
    return compile_pack(source, source_digest(source), lines)
