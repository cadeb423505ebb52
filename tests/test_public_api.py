"""The public API: a sorted ``__all__`` that names exactly what ``newsgraph/__init__.py`` offers.

Modelled on httpx ``tests/test_exported_members.py``. The order is ruff's RUF022 "isort-style"
order (CONSTANTS, then Classes, then functions), the order the package keeps ``__all__`` in.
"""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import newsgraph

INCLUDED_PRIVATE_MEMBERS = {"__version__"}


def _isort_style(name: str) -> tuple[int, str]:
    if len(name) > 1 and name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted():
    assert newsgraph.__all__ == sorted(newsgraph.__all__, key=_isort_style)


def test_all_has_no_duplicates():
    assert len(newsgraph.__all__) == len(set(newsgraph.__all__))


def test_every_name_in_all_exists():
    missing = [name for name in newsgraph.__all__ if not hasattr(newsgraph, name)]

    assert missing == []


def test_every_public_name_of_the_package_is_in_all():
    public = {
        name
        for name, value in vars(newsgraph).items()
        if (not name.startswith("_") or name in INCLUDED_PRIVATE_MEMBERS)
        # Submodules become attributes of the package once imported; they are not API names.
        and not isinstance(value, ModuleType)
    }

    assert public == set(newsgraph.__all__)


def test_star_import_gives_exactly_all():
    namespace: dict[str, object] = {}

    exec("from newsgraph import *", namespace)

    assert set(namespace) - {"__builtins__"} == set(newsgraph.__all__)


def test_every_exception_derives_from_newsgraph_error():
    exceptions = [
        value
        for name in newsgraph.__all__
        if isinstance(value := getattr(newsgraph, name), type) and issubclass(value, Exception)
    ]

    assert exceptions
    assert all(issubclass(error, newsgraph.NewsgraphError) for error in exceptions)


def test_importing_and_running_the_library_configures_no_logging():
    code = (
        "import logging, newsgraph\n"
        "from newsgraph import clean_document, RawDocument, Origin\n"
        "clean_document(RawDocument(origin=Origin(path='a.txt', format='text'),"
        " body='The talks resumed in Geneva on Monday, officials said.',"
        " media_type='text/plain'))\n"
        "print(len(logging.getLogger().handlers), logging.getLogger().level)\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.split() == ["0", str(30)]
