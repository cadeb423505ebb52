"""Table columns derived from the record dataclasses, so a new record field needs no DDL.

The rules, applied to every field of a record class (``typing.get_type_hints`` resolves them):

=========================================  ==================================================
field type                                 column(s)
=========================================  ==================================================
``str``, ``Literal[...]`` (optional or     ``VARCHAR``
not)
``int`` / ``float`` / ``bool``             ``BIGINT`` / ``DOUBLE`` / ``BOOLEAN``
``Span`` (optional or not)                 ``<name>_start``, ``<name>_end`` (``BIGINT``)
``tuple[str, ...]``                        ``VARCHAR[]``
another record (dataclass)                 its own columns, prefixed ``<name>_``
anything else (tuples of records or        ``JSON`` (the field's JSON form, as in the record)
spans, dicts)
=========================================  ==================================================

A column keeps its name once it exists: a field that disappears from a class leaves a column of
NULLs behind, a new field adds a column (``ALTER TABLE ... ADD COLUMN``) the next time the store
is opened for writing.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa

from newsgraph.records import Span, to_json

SqlType = Literal["VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR[]", "JSON"]

ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
    "JSON": pa.string(),
}


@dataclass(frozen=True, slots=True)
class Column:
    """One table column and how to read its value off a record."""

    name: str
    sql_type: SqlType
    getter: Callable[[Any], Any]


def _strip_optional(hint: Any) -> Any:
    origin = get_origin(hint)
    if origin is Union or origin is types.UnionType:
        args = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _scalar_type(hint: Any) -> SqlType | None:
    if hint is bool:
        return "BOOLEAN"
    if hint is int:
        return "BIGINT"
    if hint is float:
        return "DOUBLE"
    if hint is str:
        return "VARCHAR"
    if get_origin(hint) is Literal:
        return "VARCHAR"
    return None


def _nested(getter: Callable[[Any], Any], attribute: str) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = getter(record)
        return None if value is None else getattr(value, attribute)

    return get


def _as_json(getter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = getter(record)
        return None if value is None else json.dumps(to_json(value), ensure_ascii=False)

    return get


def _as_list(getter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = getter(record)
        return None if value is None else list(value)

    return get


def _field_columns(
    name: str, hint: Any, getter: Callable[[Any], Any], skip: frozenset[str]
) -> list[Column]:
    hint = _strip_optional(hint)
    if hint is Span:
        return [
            Column(f"{name}_start", "BIGINT", _nested(getter, "start")),
            Column(f"{name}_end", "BIGINT", _nested(getter, "end")),
        ]
    scalar = _scalar_type(hint)
    if scalar is not None:
        return [Column(name, scalar, getter)]
    if isinstance(hint, type) and is_dataclass(hint):
        columns: list[Column] = []
        for item, item_hint in _hints(hint).items():
            columns += _field_columns(f"{name}_{item}", item_hint, _nested(getter, item), skip)
        return columns
    args = get_args(hint)
    if get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] is str:
        return [Column(name, "VARCHAR[]", _as_list(getter))]
    return [Column(name, "JSON", _as_json(getter))]


@cache
def _hints(record_class: type) -> dict[str, Any]:
    """Field name → resolved type, in field order."""
    resolved = typing.get_type_hints(record_class)
    return {item.name: resolved[item.name] for item in fields(record_class)}


def _attribute(name: str) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        return getattr(record, name)

    return get


@cache
def record_columns(record_class: type, skip: frozenset[str] = frozenset()) -> tuple[Column, ...]:
    """The columns of a record class, in field order; fields named in ``skip`` are left out."""
    columns: list[Column] = []
    for name, hint in _hints(record_class).items():
        if name not in skip:
            columns += _field_columns(name, hint, _attribute(name), skip)
    return tuple(columns)


def record_children(record_class: type) -> dict[str, type]:
    """Fields holding a tuple of records (``Article.quotes`` → ``Quote``): each is a table."""
    children: dict[str, type] = {}
    for name, hint in _hints(record_class).items():
        args = get_args(_strip_optional(hint))
        if (
            get_origin(_strip_optional(hint)) is tuple
            and len(args) == 2
            and args[1] is Ellipsis
            and isinstance(args[0], type)
            and is_dataclass(args[0])
            and args[0] is not Span
        ):
            children[name] = args[0]
    return children
