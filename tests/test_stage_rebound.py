"""Which closure and module variables a wrapper rebinds, as its bytecode says.

An ``if`` on such a variable is not decided at documentation time (its value
then is not the one the test reads at call time). The resolver finds them
by scanning the bytecode's bytes; a full disassembly is the reference.
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
    + "\ndef many_globals(*args, **kwargs):\n"
    + "".join(f"    global g{i}\n    g{i} = {i}\n" for i in range(300))
    + "\ndef many_cells():\n"
    + "    late = None\n"
    + "    def far(*args, **kwargs):\n"
    + "        nonlocal late\n"
    + "".join(f"        v{i} = {i}\n" for i in range(300))
    + "        late = v299\n"
    + "    return far\n"
)


def _functions() -> dict[str, types.CodeType]:
    namespace: dict[str, object] = {}
    exec(compile(SOURCE, "<rebound-samples>", "exec"), namespace)
    found = {}
    for name in ("reads_only", "turns_off", "forgets", "many_names", "many_globals"):
        found[name] = namespace[name].__code__  # type: ignore[attr-defined]
    found["counted"] = namespace["counter"]().__code__  # type: ignore[operator]
    found["lazy"] = namespace["captures"]().__code__  # type: ignore[operator]
    found["captures"] = namespace["captures"].__code__  # type: ignore[attr-defined]
    found["far"] = namespace["many_cells"]().__code__  # type: ignore[operator]
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
    # Arguments past 255: EXTENDED_ARG widens them.
    "many_globals": {f"g{i}" for i in range(300)},
    "far": {"late"},
}
_STORES = {"STORE_DEREF", "DELETE_DEREF", "STORE_GLOBAL", "DELETE_GLOBAL"}


@pytest.mark.parametrize("name", CODES)
def test_the_rebound_names_are_those_a_full_disassembly_finds(name: str) -> None:
    code = CODES[name]
    disassembled = {str(i.argval) for i in dis.get_instructions(code) if i.opname in _STORES}
    with scoped_caches():
        assert _rebound(code) == disassembled == EXPECTED[name]
