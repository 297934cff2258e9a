"""Resolver cost on real packages: ``effective_signature`` vs ``inspect.signature``, per object.

Usage::

    python benchmarks/resolver_real.py --python /tmp/bench-venv/bin/python \\
        click flask networkx trio attrs tenacity sqlalchemy
    python benchmarks/resolver_real.py --python /tmp/bench-venv/bin/python networkx \\
        --rounds 5 --slowest 10 --json out.json

The packages must be installed in ``--python``'s environment (a throwaway
venv: ``python3 -m venv /tmp/bench-venv``, then ``pip install`` them); the
extension is imported from a snapshot of ``--code`` (``HEAD`` by default,
see :mod:`snapshot`), put first on ``PYTHONPATH``.

For each package and round a fresh interpreter imports the package (not
timed) and collects its public callables: every callable the top-level
module exports (``__all__``, else its names without a leading underscore)
that is defined in the package's own distribution (``attrs`` counts
``attr``'s objects), and the public methods, class and static methods and
other callables found in each such class's ``__dict__`` (read with
``getattr``, as autodoc does); each object once. Then, with the garbage
collector paused, it times one call per object in CPU time
(``time.process_time_ns``, the timer's own cost subtracted):

1. ``inspect.signature`` over all objects, then
2. ``effective_signature`` over all objects: its first call on each, caches
   empty (cold; it parses the source it reads).

``inspect.signature`` first, because it keeps no cache that
``effective_signature`` could use (the other order would let inspect's
figures profit from the lines, modules and specialised bytecode that
effsig's resolution warms, ``effective_signature`` calling
``inspect.signature`` itself); ``--order effsig-first`` measures the other
way. With ``--rounds N`` each object's time is the median of its N rounds.

It prints per package and over all packages: how many callables, how many
calls raised, the median, 90th and 99th percentile and maximum in
microseconds for both APIs, the ratio of the medians and of the totals, and
the slowest objects for ``effective_signature`` (``--slowest``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.metadata
import inspect
import json
import math
import os
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_PACKAGES = ("click", "flask", "networkx", "trio", "attrs", "tenacity", "sqlalchemy")


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q``-quantile (0 < q <= 1) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def own_tops(package: str) -> set[str]:
    """Top-level module names shipped by the distribution(s) that ship ``package``."""
    mapping = importlib.metadata.packages_distributions()
    dists = set(mapping.get(package, []))
    return {top for top, ds in mapping.items() if dists & set(ds)} | {package}


def collect(package: str) -> list[tuple[str, object]]:
    """The public callables of ``package``: (dotted path, object), each object once."""
    module = importlib.import_module(package)
    tops = own_tops(package)
    exported = getattr(module, "__all__", None)
    names = list(exported) if exported else [n for n in dir(module) if not n.startswith("_")]
    seen: set[int] = set()
    found: list[tuple[str, object]] = []

    def add(path: str, obj: object) -> None:
        if id(obj) not in seen:
            seen.add(id(obj))
            found.append((path, obj))

    for name in names:
        try:
            obj = getattr(module, name)
        except Exception:  # a lazy attribute that cannot load: not documentable either
            continue
        if isinstance(obj, types.ModuleType) or not callable(obj):
            continue
        origin = str(getattr(obj, "__module__", None) or "")
        if origin.split(".")[0] not in tops:
            continue
        add(f"{package}.{name}", obj)
        if isinstance(obj, type):
            for attr in list(vars(obj)):
                if attr.startswith("_"):
                    continue
                try:
                    member = getattr(obj, attr)
                except Exception:
                    continue
                if callable(member):
                    add(f"{package}.{name}.{attr}", member)
    return found


def _timer_cost(samples: int = 2000) -> int:
    """Median nanoseconds that two consecutive ``process_time_ns`` calls measure."""
    clock = time.process_time_ns
    costs = []
    for _ in range(samples):
        start = clock()
        costs.append(clock() - start)
    return int(statistics.median(costs))


def time_each(
    func: Callable[[Any], object], objects: Sequence[object], cost: int
) -> tuple[list[float], list[str]]:
    """(microseconds per object, exception type name or "" per object)."""
    clock = time.process_time_ns
    micros: list[float] = []
    errors: list[str] = []
    for obj in objects:
        error = ""
        start = clock()
        try:
            func(obj)
        except Exception as exc:
            error = type(exc).__name__
        took = clock() - start
        micros.append(max(0, took - cost) / 1000)
        errors.append(error)
    return micros, errors


def child(package: str, order: str) -> dict[str, Any]:
    """In a fresh interpreter: collect ``package``'s callables, time both APIs once each."""
    from sphinxcontrib_effsig import effective_signature

    items = collect(package)
    objects = [obj for _path, obj in items]
    cost = _timer_cost()
    apis: dict[str, Callable[[Any], object]] = {
        "inspect": inspect.signature,
        "effsig": effective_signature,
    }
    sequence = ["inspect", "effsig"] if order == "inspect-first" else ["effsig", "inspect"]
    result: dict[str, Any] = {
        "package": package,
        "version": _version(package),
        "paths": [path for path, _obj in items],
        "timer_ns": cost,
    }
    gc.collect()
    gc.disable()
    try:
        for api in sequence:
            micros, errors = time_each(apis[api], objects, cost)
            result[api] = {"micros": micros, "errors": errors}
    finally:
        gc.enable()
    differ = unresolved = 0
    for obj in objects:
        try:
            eff = effective_signature(obj)
            plain = inspect.signature(obj)
        except Exception:
            continue
        differ += str(eff) != str(plain)
        unresolved += not getattr(eff, "resolved", True)
    result["differ"], result["unresolved"] = differ, unresolved
    return result


def _version(package: str) -> str:
    for dist in importlib.metadata.packages_distributions().get(package, []):
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "?"


def _row(label: str, count: str, errors: str, inspect_us: list[float], eff_us: list[float]) -> str:
    def stats(values: list[float]) -> str:
        return (
            f"{statistics.median(values):8.1f} {percentile(values, 0.9):8.1f} "
            f"{percentile(values, 0.99):8.0f} {max(values):8.0f}"
        )

    ratio = statistics.median(eff_us) / max(statistics.median(inspect_us), 1e-9)
    total = sum(eff_us) / max(sum(inspect_us), 1e-9)
    return (
        f"{label:22} {count:>6} {errors:>8}  {stats(inspect_us)}  {stats(eff_us)}  "
        f"{ratio:6.1f} {total:6.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="*", default=list(DEFAULT_PACKAGES))
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter that has the packages installed"
    )
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per package")
    parser.add_argument(
        "--order", choices=["inspect-first", "effsig-first"], default="inspect-first"
    )
    parser.add_argument("--slowest", type=int, default=5, help="slowest objects listed per package")
    parser.add_argument(
        "--code", default="HEAD", help="HEAD (default), a git revision, worktree, or a directory"
    )
    parser.add_argument("--json", type=Path, help="write every object's figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(child(args.child, args.order)))
        return

    sys.path.insert(0, str(HERE))
    from snapshot import code_path

    code, described = code_path(args.code)
    env = dict(os.environ, PYTHONPATH=str(code))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"sphinxcontrib_effsig from {described}; interpreter {args.python}")
    print(
        f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"CPU time per call, median of {args.rounds} fresh processes, order {args.order}"
    )
    everything: dict[str, Any] = {}
    for package in args.packages:
        runs = []
        for _ in range(args.rounds):
            proc = subprocess.run(
                [args.python, "-P", __file__, "--child", package, "--order", args.order],
                capture_output=True, text=True, env=env, check=False, cwd="/",
            )  # fmt: skip
            if proc.returncode != 0:
                sys.exit(f"{package}: child failed:\n{proc.stderr[-3000:]}")
            runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        if any(r["paths"] != runs[0]["paths"] for r in runs):
            sys.exit(f"{package}: the rounds collected different objects")
        entry = {
            "version": runs[0]["version"],
            "paths": runs[0]["paths"],
            "differ": runs[-1]["differ"],
            "unresolved": runs[-1]["unresolved"],
            "timer_ns": [r["timer_ns"] for r in runs],
        }
        for api in ("inspect", "effsig"):
            entry[api] = [
                statistics.median(v) for v in zip(*(r[api]["micros"] for r in runs), strict=True)
            ]
            entry[f"{api}_errors"] = sum(1 for e in runs[-1][api]["errors"] if e)
        everything[package] = entry

    print(
        f"\n{'package':22} {'count':>6} {'raised':>8}  "
        f"{'inspect.signature µs: median p90 p99 max':>35}  "
        f"{'effective_signature µs: median p90 p99 max':>35}  {'ratio':>6} {'total':>6}"
    )
    for package, e in everything.items():
        print(
            _row(
                f"{package} {e['version']}",
                str(len(e["paths"])),
                f"{e['inspect_errors']}/{e['effsig_errors']}",
                e["inspect"],
                e["effsig"],
            )
        )
    all_i = [v for e in everything.values() for v in e["inspect"]]
    all_e = [v for e in everything.values() for v in e["effsig"]]
    raised = (
        f"{sum(e['inspect_errors'] for e in everything.values())}/"
        f"{sum(e['effsig_errors'] for e in everything.values())}"
    )
    if len(everything) > 1:
        print(_row("all", str(len(all_i)), raised, all_i, all_e))
    print("ratio: of the medians; total: of the sums; raised: inspect/effsig calls that raised")
    print(
        f"calls/second over all {len(all_i)}: inspect.signature "
        f"{len(all_i) / max(sum(all_i), 1e-9) * 1e6:,.0f}, effective_signature (cold) "
        f"{len(all_e) / max(sum(all_e), 1e-9) * 1e6:,.0f}"
    )
    for package, e in everything.items():
        print(
            f"{package}: {e['differ']} effective signatures differ from inspect.signature, "
            f"{e['unresolved']} unresolved; slowest for effective_signature:"
        )
        slowest = sorted(zip(e["effsig"], e["paths"], e["inspect"], strict=True), reverse=True)
        for us, path, ius in slowest[: args.slowest]:
            print(f"   {us:10.0f} µs  (inspect {ius:6.0f} µs)  {path}")
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1))


if __name__ == "__main__":
    main()
