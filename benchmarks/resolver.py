"""Resolver throughput: ``effective_signature`` vs ``inspect.signature``, cold and warm.

Usage::

    python benchmarks/resolver.py                    # 2,500 objects, 5 rounds
    python benchmarks/resolver.py --objects 4000 --rounds 3 --json out.json

It generates a package with :mod:`genpkg` (under ``benchmarks/_generated/``),
collects every callable autodoc would see in it (module-level functions,
class-based decorator instances, classes, and methods/classmethods/
staticmethods as found on their classes) and, for each round, starts a fresh
interpreter per API that imports the package (not timed) and times:

``cold``
    the first resolution of every callable in a fresh process: source
    reading, parsing and wrapper analysis included;
``warm``
    the same objects again, caches filled (median of 5 passes);
``recold``
    after ``sphinxcontrib_effsig.resolver.clear_caches()`` and
    ``linecache.clearcache()`` in the same process (what a second Sphinx build
    in one process pays).

The extension is imported from a snapshot of ``HEAD`` (``--code``, see
:mod:`snapshot`). It prints callables/second in CPU time (``time.process_time``; the machine is
shared, so CPU time is the steadier figure) and in wall time, as median
(min-max) over the rounds, for both APIs side by side, and how many effective
signatures differ from ``inspect.signature`` / are marked unresolved / raised.

It also checks the answers: :mod:`genpkg` writes ``expected.json``, the
effective parameters of every generated service callable (name, kind,
default, owner) as SPEC section 1.3 derives them from the decorators it
applied; the last ``effsig`` child compares and the mismatches are printed
(``--show N``).

Targets (issue 5): cold >= 10,000/s, warm >= 50,000/s.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import pkgutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

HERE = Path(__file__).resolve().parent
GENERATED = HERE / "_generated"
ROOT = HERE.parent


def collect(package: str) -> list[tuple[str, object, bool]]:
    """Every callable of ``package`` that autodoc would ask a signature for.

    Items are (dotted path, object, whether its first parameter is ``self``).
    """
    pkg = importlib.import_module(package)
    found: list[tuple[str, object, bool]] = []
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or not callable(obj):
                continue
            if getattr(obj, "__module__", None) != module.__name__:
                continue
            found.append((f"{module.__name__}.{name}", obj, False))
            if isinstance(obj, type):
                for attr, raw in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    member = getattr(obj, attr)
                    if callable(member):
                        has_self = not isinstance(raw, (staticmethod, classmethod))
                        found.append((f"{module.__name__}.{name}.{attr}", member, has_self))
    return found


def _described(sig: Any, has_self: bool) -> list[list[str | None]]:
    """An effective signature as genpkg's ``expected.json`` states it."""
    params = list(sig.parameters.values())[1 if has_self else 0 :]
    out: list[list[str | None]] = []
    for p in params:
        owner = getattr(p, "owner_name", "")
        owner = owner.removesuffix(".__call__")
        default = None if p.default is inspect.Parameter.empty else repr(p.default)
        out.append([p.name, p.kind.name, default, owner])
    return out


def check(items: list[tuple[str, object, bool]], expected_file: Path) -> dict[str, Any]:
    """Compare effective signatures with what the generator knows they are."""
    from sphinxcontrib_effsig import effective_signature

    expected: dict[str, list[list[str | None]]] = json.loads(expected_file.read_text())
    for params in expected.values():
        for p in params:
            p[3] = (p[3] or "").removesuffix(".__call__")
    exact = order_only = 0
    wrong: list[dict[str, Any]] = []
    for path, obj, has_self in items:
        want = expected.get(path)
        if want is None:
            continue
        try:
            got = _described(effective_signature(obj), has_self)
        except (ValueError, TypeError) as exc:
            got = [[f"raised {type(exc).__name__}: {exc}", None, None, None]]
        if got == want:
            exact += 1
        elif sorted(map(str, got)) == sorted(map(str, want)):
            order_only += 1
            wrong.append({"path": path, "expected": want, "actual": got, "order_only": True})
        else:
            wrong.append({"path": path, "expected": want, "actual": got, "order_only": False})
    return {"checked": exact + len(wrong), "exact": exact, "order_only": order_only, "wrong": wrong}


def _timed_pass(
    func: Callable[[object], object], objects: list[object]
) -> tuple[float, float, int]:
    """(cpu seconds, wall seconds, errors) for one pass over ``objects``."""
    errors = 0
    wall0 = time.perf_counter()
    cpu0 = time.process_time()
    for obj in objects:
        try:
            func(obj)
        except (ValueError, TypeError):
            errors += 1
    return time.process_time() - cpu0, time.perf_counter() - wall0, errors


def child(api: str, src: Path, warm_passes: int) -> dict[str, Any]:
    """Run inside a fresh interpreter: time one API on the generated package."""
    sys.path.insert(0, str(src))
    items = collect("benchpkg")
    objects = [obj for _path, obj, _self in items]
    import linecache

    if api == "effsig":
        from sphinxcontrib_effsig import effective_signature
        from sphinxcontrib_effsig.resolver import clear_caches

        func: Callable[[object], object] = effective_signature
    else:
        func = cast("Callable[[object], object]", inspect.signature)

        def clear_caches() -> None:
            pass

    result: dict[str, Any] = {"api": api, "callables": len(objects)}
    cpu, wall, errors = _timed_pass(func, objects)
    result["cold"] = {"cpu": cpu, "wall": wall}
    result["errors"] = errors
    warm = [_timed_pass(func, objects) for _ in range(warm_passes)]
    result["warm"] = {
        "cpu": statistics.median(w[0] for w in warm),
        "wall": statistics.median(w[1] for w in warm),
    }
    clear_caches()
    linecache.clearcache()
    cpu, wall, _ = _timed_pass(func, objects)
    result["recold"] = {"cpu": cpu, "wall": wall}
    if api == "effsig":
        differ = unresolved = 0
        for obj in objects:
            try:
                eff = effective_signature(obj)
                plain = inspect.signature(obj)  # type: ignore[arg-type]
            except (ValueError, TypeError):
                continue
            if str(eff) != str(plain):
                differ += 1
            if not getattr(eff, "resolved", True):
                unresolved += 1
        result["differ"] = differ
        result["unresolved"] = unresolved
        result["check"] = check(items, src.parent / "expected.json")
    return result


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):>9,.0f} ({min(values):,.0f}-{max(values):,.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=2500, help="documented objects to generate")
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per API")
    parser.add_argument("--warm-passes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--show", type=int, default=5, help="mismatches to print")
    parser.add_argument(
        "--code", default="HEAD", help="HEAD (default), a git revision, worktree, or a directory"
    )
    parser.add_argument("--child", choices=["effsig", "inspect"], help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(child(args.child, args.src, args.warm_passes)))
        return

    sys.path.insert(0, str(HERE))
    from genpkg import generate
    from snapshot import code_path

    out = GENERATED / f"resolver-{args.objects}-s{args.seed}"
    stats = generate(out, args.objects, args.seed, docs=False)
    src = out / "src"
    # Compile the package once so that no round pays for writing .pyc files.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
    code, described = code_path(args.code)
    env = dict(os.environ, PYTHONPATH=str(code))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run with cached bytecode

    runs: dict[str, list[dict[str, Any]]] = {"effsig": [], "inspect": []}
    for rnd in range(args.rounds):
        order = ["effsig", "inspect"] if rnd % 2 == 0 else ["inspect", "effsig"]
        for api in order:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", api, "--src", str(src),
                 "--warm-passes", str(args.warm_passes)],
                capture_output=True, text=True, env=env, check=False,
            )  # fmt: skip
            if proc.returncode != 0:
                sys.exit(f"{api} child failed:\n{proc.stderr}")
            runs[api].append(json.loads(proc.stdout.strip().splitlines()[-1]))

    n = runs["effsig"][0]["callables"]
    print(f"sphinxcontrib_effsig from {described}")
    print(
        f"resolver benchmark: {n} callables ({stats.decorated} decorated functions/methods, "
        f"{stats.stacked} stacks), {args.rounds} rounds, fresh process per round and API"
    )
    print("callables/second, median (min-max); CPU = process_time, wall = perf_counter")
    print(f"{'':8}{'':8}{'effective_signature':>32}{'inspect.signature':>32}")
    for phase in ("cold", "warm", "recold"):
        for clock in ("cpu", "wall"):
            cells = []
            for api in ("effsig", "inspect"):
                rates = [n / r[phase][clock] for r in runs[api]]
                cells.append(f"{_spread(rates):>32}")
            print(f"{phase:8}{clock:8}{''.join(cells)}")
    last = runs["effsig"][-1]
    print(
        f"effective_signature: {last['differ']} of {n} differ from inspect.signature, "
        f"{last['unresolved']} unresolved, {last['errors']} raised "
        f"(inspect.signature raised {runs['inspect'][-1]['errors']})"
    )
    checked = last["check"]
    print(
        f"correctness against the generator's expectations: {checked['exact']} of "
        f"{checked['checked']} exact, {checked['order_only']} differ only in parameter order, "
        f"{len(checked['wrong']) - checked['order_only']} wrong"
    )
    for miss in checked["wrong"][: args.show]:
        print(f"  {miss['path']}{' (order only)' if miss['order_only'] else ''}")
        print(f"    expected {miss['expected']}")
        print(f"    actual   {miss['actual']}")
    if args.json:
        args.json.write_text(json.dumps({"stats": stats.__dict__, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
