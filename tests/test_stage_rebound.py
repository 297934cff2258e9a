"""Which closure and module variables a wrapper rebinds, as its bytecode says.

An ``if`` on such a variable is not decided at documentation time (its value
then is not the one the test reads at call time). The shortcut that skips
disassembling code with no such instruction is held to a full disassembly.
"""

from __future__ import annotations

import dis
import types

import pytest

from sphinxcontrib_effsig.resolver.caches import scoped_caches
from sphinxcontrib_effsig.resolver.walk.conditions import _rebound

SOURCE = (
    """
enabled = True

def reads_only(*args, **kwargs):
    if enabled:
        return args

def turns_off(*args, **kwargs):
    global enabled
    enabled = False

def forgets(*args, **kwargs):
    global enabled
    del enabled

def counter():
    calls = 0
    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
    return counted

def captures():
    impl = None
    def lazy(*args, **kwargs):
        return impl
    impl = print
    return lazy

def many_names(*args, **kwargs):
    global enabled
"""
    + "".join(f"    v{i} = {i}\n" for i in range(300))
    + "    enabled = v299\n"
)


def _functions() -> dict[str, types.CodeType]:
    namespace: dict[str, object] = {}
    exec(compile(SOURCE, "<rebound-samples>", "exec"), namespace)
    found = {}
    for name in ("reads_only", "turns_off", "forgets", "many_names"):
        found[name] = namespace[name].__code__  # type: ignore[attr-defined]
    found["counted"] = namespace["counter"]().__code__  # type: ignore[operator]
    found["lazy"] = namespace["captures"]().__code__  # type: ignore[operator]
    found["captures"] = namespace["captures"].__code__  # type: ignore[attr-defined]
    return found


CODES = _functions()
EXPECTED = {
    "reads_only": set(),
    "turns_off": {"enabled"},
    "forgets": {"enabled"},
    "many_names": {"enabled"},
    "counted": {"calls"},
    "lazy": set(),
    "captures": {"impl"},
}
_STORES = {"STORE_DEREF", "DELETE_DEREF", "STORE_GLOBAL", "DELETE_GLOBAL"}


@pytest.mark.parametrize("name", CODES)
def test_the_rebound_names_are_those_a_full_disassembly_finds(name: str) -> None:
    code = CODES[name]
    disassembled = {str(i.argval) for i in dis.get_instructions(code) if i.opname in _STORES}
    with scoped_caches():
        assert _rebound(code) == disassembled == EXPECTED[name]
