"""Sphinx build cost of effsig, measured side by side with plain autodoc.

Usage::

    python benchmarks/build.py                         # 500 objects, 3 rounds, 4 modes
    python benchmarks/build.py --objects 1000 --rounds 5
    python benchmarks/build.py --sweep                 # 250, 1,000 and 4,000 objects
    python benchmarks/build.py --jobs 2                # -j 2 vs -j 1 speed-up, plain vs effsig
    python benchmarks/build.py --profile effsig        # one cProfile'd build, top entries
    python benchmarks/build.py --self-time --rounds 5  # effsig's own CPU share of a build
    python benchmarks/build.py --profile-effsig effsig+typehints   # profile effsig's part only
    python benchmarks/build.py --modes plain,effsig --json results.json

For each size it generates a package and its Sphinx project with
:mod:`genpkg` (``benchmarks/_generated/build-N/``), then builds the HTML
docs from scratch (``python -m sphinx -b html -E``, fresh output and doctree
directories under ``benchmarks/_out/``) in the modes

``plain``             autodoc + autosummary
``effsig``            ... + ``sphinxcontrib_effsig``
``plain+typehints``   ... + ``sphinx_autodoc_typehints``
``effsig+typehints``  ... + both

interleaved round by round (the order rotates each round so that no mode
always runs first), after one untimed warm-up build per mode (``--warmup``).
Each build is a child process reaped with ``os.wait4``, which gives its CPU
time (user+sys, including any ``-j`` worker processes it waited for) and peak
RSS (``ru_maxrss``).

It prints, per mode, the median and min-max of wall time, CPU time and peak
RSS, the warnings and the parameters marked with their owner in the HTML
(``effsig-param``: zero means effsig did nothing), then the paired ratios
(effsig/plain and effsig+typehints/plain+typehints, computed within each
round, then median and min-max).
CPU time is the figure to trust on a shared machine; wall time is noisy.
The extension is imported from a snapshot of ``HEAD`` (``--code``, see
:mod:`snapshot`); its commit is printed first.

Targets (issue 5): CPU ratios <= 1.03 at every size, peak RSS ratio <= 1.10,
``-j 2`` speed-up of effsig within 5% of plain's.

On a busy machine the paired ratio is the difference of two noisy numbers.
``--self-time`` measures effsig's cost inside one build instead: the build
runs with every ``sphinxcontrib_effsig`` event handler and transform wrapped
in a CPU timer (``time.process_time``), and the extension's import and setup
timed too, so the estimate ``total / (total - effsig)`` is the overhead
ratio with the contention common to both terms (it leaves out indirect costs,
such as extra nodes for the HTML writer, which the paired ratio includes).
Garbage-collector pauses are timed apart (``gc.callbacks``) and left out of
effsig's time: which handler a full collection of Sphinx's large heap happens
to interrupt is luck, and one such pause can double a handler's figure. The
per-handler figures still include them.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATED = HERE / "_generated"
OUT = HERE / "_out"
MODES = ["plain", "effsig", "plain+typehints", "effsig+typehints"]
CODE = [ROOT]  # where the children import sphinxcontrib_effsig from (see snapshot.py)
PAIRS = [("effsig", "plain"), ("effsig+typehints", "plain+typehints")]


@dataclass
class Build:
    """One timed ``sphinx-build`` run."""

    mode: str
    jobs: int
    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    warnings: int
    marks: int  # parameters marked with their owner in the HTML (effsig is active)


def sphinx_command(docs: Path, out: Path, jobs: int) -> list[str]:
    return [
        "-m", "sphinx", "-b", "html", "-E", "-q", "-j", str(jobs),
        "-d", str(out / "doctrees"), str(docs), str(out / "html"),
    ]  # fmt: skip


def run_build(docs: Path, mode: str, jobs: int = 1, prefix: list[str] | None = None) -> Build:
    """Build ``docs`` from scratch in ``mode``; time the child with ``os.wait4``."""
    out = OUT / f"{docs.parent.name}-{mode}-j{jobs}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = dict(os.environ, EFFSIG_BENCH_MODE=mode, PYTHONPATH=str(CODE[0]))
    # Users' builds import cached bytecode; the untimed warm-up writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    argv = [sys.executable, *(prefix or []), *sphinx_command(docs, out, jobs)]
    with open(out / "stderr.txt", "w") as err:
        start = time.perf_counter()
        # cwd: ``-m``/``-c`` put it first on sys.path, before the chosen code.
        proc = subprocess.Popen(argv, env=env, cwd=out, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = (out / "stderr.txt").read_text(errors="replace")
    marks = sum(
        page.read_text(errors="replace").count("effsig-param")
        for page in (out / "html" / "api").glob("*.html")
    )
    return Build(
        marks=marks,
        mode=mode,
        jobs=jobs,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=usage.ru_maxrss / 1024,
        returncode=proc.returncode,
        warnings=text.count("WARNING:"),
    )


def prepare(objects: int, seed: int) -> Path:
    sys.path.insert(0, str(HERE))
    from genpkg import generate

    out = GENERATED / f"build-{objects}-s{seed}"
    stats = generate(out, objects, seed)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(out / "src")], check=True)
    print(
        f"\n== {stats.documented} documented objects: {stats.functions} functions, "
        f"{stats.classes} classes, {stats.methods} methods; {stats.decorated} decorated "
        f"({stats.stacked} stacks); {stats.service_modules + stats.decorator_modules} modules",
        flush=True,
    )
    return out / "docs"


def spread(values: list[float], fmt: str) -> str:
    med = statistics.median(values)
    return f"{med:{fmt}} ({min(values):{fmt}}-{max(values):{fmt}})"


def _failed(build: Build, docs: Path) -> None:
    out = OUT / f"{docs.parent.name}-{build.mode}-j{build.jobs}"
    tail = (out / "stderr.txt").read_text(errors="replace").strip().splitlines()[-8:]
    print(f"   !! {build.mode} -j{build.jobs} failed (exit {build.returncode}):", flush=True)
    for line in tail:
        print(f"      {line}")


def measure(docs: Path, modes: list[str], rounds: int, warmup: int) -> dict[str, list[Build]]:
    results: dict[str, list[Build]] = {m: [] for m in modes}
    broken: set[str] = set()
    for _ in range(warmup):
        for mode in modes:
            build = run_build(docs, mode)
            if build.returncode != 0:
                _failed(build, docs)
                broken.add(mode)
    for rnd in range(rounds):
        order = modes[rnd % len(modes) :] + modes[: rnd % len(modes)]
        line = []
        for mode in order:
            if mode in broken:
                continue
            build = run_build(docs, mode)
            if build.returncode != 0:
                _failed(build, docs)
                broken.add(mode)
                continue
            results[mode].append(build)
            line.append(f"{mode} {build.cpu:.1f}s")
        print(f"   round {rnd + 1}: " + ", ".join(line), flush=True)
    return results


def report(results: dict[str, list[Build]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    print(
        f"   {'mode':18} {'wall s':>20} {'CPU s':>20} {'peak RSS MB':>20} "
        f"{'warnings':>9} {'marks':>6}"
    )
    for mode, builds in results.items():
        if not builds:
            print(f"   {mode:18} (no successful build)")
            continue
        print(
            f"   {mode:18} {spread([b.wall for b in builds], '.2f'):>20} "
            f"{spread([b.cpu for b in builds], '.2f'):>20} "
            f"{spread([b.rss_mb for b in builds], '.0f'):>20} {builds[-1].warnings:>9} "
            f"{builds[-1].marks:>6}"
        )
    for new, base in PAIRS:
        a, b = results.get(new, []), results.get(base, [])
        n = min(len(a), len(b))
        if not n:
            continue
        ratios = {
            key: [getattr(a[i], key) / getattr(b[i], key) for i in range(n)]
            for key in ("cpu", "wall", "rss_mb")
        }
        summary[f"{new}/{base}"] = {k: statistics.median(v) for k, v in ratios.items()}
        print(
            f"   {new + '/' + base:34} CPU {spread(ratios['cpu'], '.3f')}   "
            f"wall {spread(ratios['wall'], '.3f')}   RSS {spread(ratios['rss_mb'], '.3f')}"
        )
    return summary


SELF_TIMER = """
import functools, json, resource, sys, time
import sphinx.application, sphinx.events, sphinx.registry
from sphinx.cmd.build import main

import cProfile, gc, os
spent = [0.0, 0, 0]  # CPU seconds, timed calls, nesting depth
collecting = [0.0, 0.0, 0.0]  # GC: started at, seconds in all, seconds inside effsig

def on_gc(phase, info):
    if phase == "start":
        collecting[0] = time.process_time()
    else:
        took = time.process_time() - collecting[0]
        collecting[1] += took
        if spent[2]:
            collecting[2] += took

gc.callbacks.append(on_gc)
dump = os.environ.get("EFFSIG_BENCH_PROFILE")
profiler = cProfile.Profile(time.process_time) if dump else None
parts = {}  # handler -> CPU seconds

def timed(fn, label=None):
    label = label or f"{fn.__module__.split('.')[-1]}.{fn.__qualname__}"
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if spent[2]:
            return fn(*args, **kwargs)
        spent[2] += 1
        start = time.process_time()
        if profiler:
            profiler.enable()
        try:
            return fn(*args, **kwargs)
        finally:
            if profiler:
                profiler.disable()
            took = time.process_time() - start
            spent[0] += took
            spent[1] += 1
            parts[label] = parts.get(label, 0.0) + took
            spent[2] -= 1
    return wrapper

def ours(obj):
    return str(getattr(obj, "__module__", "")).startswith("sphinxcontrib_effsig")

connect = sphinx.events.EventManager.connect
def timed_connect(self, name, callback, priority):
    return connect(self, name, timed(callback) if ours(callback) else callback, priority)
sphinx.events.EventManager.connect = timed_connect

for method in ("add_transform", "add_post_transform"):
    original = getattr(sphinx.application.Sphinx, method)
    def register(self, transform, _original=original):
        if ours(transform) and not getattr(transform, "_effsig_timed", False):
            transform.apply = timed(transform.apply, transform.__name__)
            transform._effsig_timed = True
        return _original(self, transform)
    setattr(sphinx.application.Sphinx, method, register)

load = sphinx.registry.SphinxComponentRegistry.load_extension
def timed_load(self, app, extname):
    if extname.startswith("sphinxcontrib_effsig"):
        return timed(load, "import and setup")(self, app, extname)
    return load(self, app, extname)
sphinx.registry.SphinxComponentRegistry.load_extension = timed_load

argv = sys.argv[1:]
code = main(argv[2:] if argv[:2] == ["-m", "sphinx"] else argv)
if profiler:
    profiler.dump_stats(dump)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"effsig": spent[0] - collecting[2], "calls": spent[1], "parts": parts,
                  "gc": collecting[1], "gc_in_effsig": collecting[2],
                  "total": usage.ru_utime + usage.ru_stime}), file=sys.stderr)
sys.exit(code)
"""


def self_time(docs: Path, modes: list[str], rounds: int, warmup: int) -> None:
    """effsig's own CPU time inside builds of ``modes`` (see the module docstring)."""
    modes = [m for m in modes if m.startswith("effsig")]
    shares: dict[str, list[float]] = {m: [] for m in modes}
    parts: dict[str, dict[str, list[float]]] = {m: {} for m in modes}
    seconds: dict[str, list[float]] = {m: [] for m in modes}
    for _ in range(warmup):
        for mode in modes:
            run_build(docs, mode)
    for rnd in range(rounds):
        for mode in modes[rnd % len(modes) :] + modes[: rnd % len(modes)]:
            build = run_build(docs, mode, prefix=["-c", SELF_TIMER])
            out = OUT / f"{docs.parent.name}-{mode}-j1"
            if build.returncode != 0:
                _failed(build, docs)
                return
            lines = (out / "stderr.txt").read_text(errors="replace").strip().splitlines()
            figures = json.loads(lines[-1])
            seconds[mode].append(figures["effsig"])
            for label, took in figures["parts"].items():
                parts[mode].setdefault(label, []).append(took)
            shares[mode].append(figures["total"] / (figures["total"] - figures["effsig"]))
            print(
                f"   round {rnd + 1}: {mode} build {figures['total']:.2f}s CPU, effsig "
                f"{figures['effsig']:.3f}s in {figures['calls']} calls; garbage collection "
                f"{figures['gc']:.3f}s, of which {figures['gc_in_effsig']:.3f}s inside effsig",
                flush=True,
            )
    for mode in modes:
        base = mode.replace("effsig", "plain")
        print(
            f"   {mode:18} effsig CPU s {spread(seconds[mode], '.3f')}   "
            f"estimated {mode}/{base} {spread(shares[mode], '.3f')}"
        )
        for label, took in sorted(parts[mode].items(), key=lambda kv: -statistics.median(kv[1])):
            print(f"      {spread(took, '.3f'):>24}  {label}")


def measure_jobs(docs: Path, modes: list[str], rounds: int, jobs: int) -> None:
    """Speed-up of ``-j jobs`` over ``-j 1`` per mode (wall time, paired per round)."""
    for mode in modes:  # warm-up
        run_build(docs, mode, jobs)
    speedups: dict[str, list[float]] = {m: [] for m in modes}
    walls: dict[tuple[str, int], list[float]] = {}
    for rnd in range(rounds):
        runs = [(m, j) for m in modes for j in (1, jobs)]
        runs = runs[rnd % len(runs) :] + runs[: rnd % len(runs)]
        got: dict[tuple[str, int], Build] = {}
        for mode, j in runs:
            build = run_build(docs, mode, j)
            if build.returncode != 0:
                _failed(build, docs)
                return
            got[mode, j] = build
            walls.setdefault((mode, j), []).append(build.wall)
        for mode in modes:
            speedups[mode].append(got[mode, 1].wall / got[mode, jobs].wall)
        print(
            f"   round {rnd + 1}: "
            + ", ".join(
                f"{m} -j1 {got[m, 1].wall:.1f}s -j{jobs} {got[m, jobs].wall:.1f}s" for m in modes
            ),
            flush=True,
        )
    for mode in modes:
        print(
            f"   {mode:18} wall -j1 {spread(walls[mode, 1], '.2f')}  -j{jobs} "
            f"{spread(walls[mode, jobs], '.2f')}  speed-up {spread(speedups[mode], '.3f')}"
        )
    if "plain" in modes and "effsig" in modes:
        rel = [e / p for e, p in zip(speedups["effsig"], speedups["plain"], strict=True)]
        print(f"   effsig speed-up / plain speed-up: {spread(rel, '.3f')} (target >= 0.95)")


def profile_entries(stats: pstats.Stats) -> dict[tuple[str, int, str], tuple[Any, ...]]:
    return stats.stats  # type: ignore[attr-defined, no-any-return]


def print_top(
    entries: dict[tuple[str, int, str], tuple[Any, ...]], top: int, key: int, title: str
) -> None:
    print(f"   -- {title}")
    print(f"   {'ncalls':>9} {'own s':>8} {'cum s':>8}  function")
    for func, (_cc, nc, tt, ct, _callers) in sorted(entries.items(), key=lambda kv: -kv[1][key])[
        :top
    ]:
        path = func[0]
        for cut in ("sphinxcontrib_effsig/", "site-packages/", "lib/python3."):
            if cut in path:
                path = path.split(cut)[-1]
                break
        print(f"   {nc:>9} {tt:>8.3f} {ct:>8.3f}  {path}:{func[1]}({func[2]})")


def profile(docs: Path, mode: str, top: int) -> None:
    """One ``python -m cProfile`` build (wall clock); top entries of effsig and overall."""
    OUT.mkdir(exist_ok=True)
    dump = OUT / f"profile-{docs.parent.name}-{mode}.prof"
    build = run_build(docs, mode, 1, prefix=["-m", "cProfile", "-o", str(dump)])
    if build.returncode != 0:
        _failed(build, docs)
        return
    print(f"   profiled build: {build.cpu:.1f}s CPU (with profiler overhead), dump in {dump}")
    stats = pstats.Stats(str(dump))
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = profile_entries(stats)
    ours = {k: v for k, v in entries.items() if "/sphinxcontrib_effsig/" in k[0]}
    own = sum(v[2] for v in ours.values())
    print(
        f"   total {total:.2f}s; own time inside sphinxcontrib_effsig: "
        f"{own:.3f}s ({own / total:.1%})"
    )
    print_top(ours, top, 3, f"sphinxcontrib_effsig, top {top} by cumulative time")
    print_top(ours, top, 2, f"sphinxcontrib_effsig, top {top} by own time")
    print_top(entries, top, 2, f"whole build, top {top} by own time")


def profile_effsig(docs: Path, mode: str, top: int) -> None:
    """Profile (CPU clock) only what runs inside effsig's handlers, callees included."""
    OUT.mkdir(exist_ok=True)
    dump = OUT / f"profile-handlers-{docs.parent.name}-{mode}.prof"
    os.environ["EFFSIG_BENCH_PROFILE"] = str(dump)
    try:
        build = run_build(docs, mode, 1, prefix=["-c", SELF_TIMER])
    finally:
        del os.environ["EFFSIG_BENCH_PROFILE"]
    if build.returncode != 0:
        _failed(build, docs)
        return
    out = OUT / f"{docs.parent.name}-{mode}-j1"
    figures = json.loads((out / "stderr.txt").read_text().strip().splitlines()[-1])
    print(
        f"   build {figures['total']:.2f}s CPU, inside effsig's handlers {figures['effsig']:.3f}s "
        f"(profiled, so inflated); dump in {dump}"
    )
    entries = profile_entries(pstats.Stats(str(dump)))
    print_top(entries, top, 3, f"inside effsig's handlers, top {top} by cumulative CPU time")
    print_top(entries, top, 2, f"inside effsig's handlers, top {top} by own CPU time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--objects", default="500", help="documented objects, comma-separated sizes"
    )
    parser.add_argument("--sweep", action="store_true", help="sizes 250, 1000, 4000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds per mode first")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, help="compare -j JOBS with -j 1 (plain and effsig)")
    parser.add_argument("--profile", metavar="MODE", help="cProfile one build in MODE")
    parser.add_argument(
        "--profile-effsig", metavar="MODE", help="profile only inside effsig's handlers"
    )
    parser.add_argument(
        "--self-time", action="store_true", help="time effsig's handlers inside effsig builds"
    )
    parser.add_argument("--top", type=int, default=25, help="profile entries to list")
    parser.add_argument("--json", type=Path, help="write every build's figures here")
    parser.add_argument(
        "--code", default="HEAD", help="HEAD (default), a git revision, worktree, or a directory"
    )
    args = parser.parse_args()

    sizes = [250, 1000, 4000] if args.sweep else [int(s) for s in args.objects.split(",")]
    modes = [m.strip() for m in args.modes.split(",")]
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes {sorted(unknown)}; choose from {MODES}")
    sys.path.insert(0, str(HERE))
    from snapshot import code_path

    CODE[0], described = code_path(args.code)
    print(f"sphinxcontrib_effsig from {described}")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} (shared machine: wall time is noisy)"
    )
    everything: dict[str, Any] = {}
    for size in sizes:
        docs = prepare(size, args.seed)
        if args.profile:
            run_build(docs, args.profile)  # warm-up (pyc, page cache)
            profile(docs, args.profile, args.top)
            continue
        if args.profile_effsig:
            run_build(docs, args.profile_effsig)
            profile_effsig(docs, args.profile_effsig, args.top)
            continue
        if args.self_time:
            self_time(docs, modes, args.rounds, args.warmup)
            continue
        if args.jobs:
            measure_jobs(
                docs, [m for m in modes if m in ("plain", "effsig")], args.rounds, args.jobs
            )
            continue
        results = measure(docs, modes, args.rounds, args.warmup)
        summary = report(results)
        everything[str(size)] = {
            "builds": {m: [asdict(b) for b in bs] for m, bs in results.items()},
            "ratios": summary,
        }
    if args.json and everything:
        args.json.write_text(json.dumps(everything, indent=2))


if __name__ == "__main__":
    main()
