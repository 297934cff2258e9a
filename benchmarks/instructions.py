"""Build cost of effsig in instructions (callgrind): deterministic, phase by phase.

Usage::

    python benchmarks/instructions.py                 # 250 documented objects
    python benchmarks/instructions.py --objects 250,1000 --modes plain,effsig
    python benchmarks/instructions.py --conf 'effsig_provenance = "none"'

CPU time on a shared machine wanders by several per cent from one build to
the next, more than the overhead being measured. Instructions executed do
not: the same build gives the same count to a few parts in a million. This
script builds the generated project (:mod:`genpkg`, the same one as
``build.py``) under ``valgrind --tool=callgrind`` and reports, per mode,
instructions per build phase (start-up, reading, writing ...) and the ratios
effsig/plain and effsig+typehints/plain+typehints.

For each effsig mode it also splits the difference in two, with callgrind's
collection switched off (then on) around every effsig handler:

``effsig's own code``
    instructions inside effsig's event handlers, transforms and its import
    and ``setup`` — the work effsig does;
``Sphinx, for the added content``
    the rest of the difference: Sphinx parsing, resolving and writing the
    parameters, descriptions and owner links the effective signatures add
    to the pages (a plain build shows ``(*args, **kwargs)`` instead).

It needs ``valgrind`` and, for the split, a C compiler and
``valgrind/callgrind.h`` (a three-line helper is compiled into
``benchmarks/_out/``). Builds run two at a time; one 250-object build takes
about four minutes under callgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "_out"
MODES = ["plain", "effsig", "plain+typehints", "effsig+typehints"]

#: callgrind dumps its counts before these events: the build's phases.
PHASES = [
    ("builder-inited", "start-up (imports, config, extensions)"),
    ("env-before-read-docs", "builder set-up"),
    ("env-updated", "reading (autodoc, parsing)"),
    ("env-check-consistency", "environment update"),
    ("build-finished", "writing (resolving, HTML, search index)"),
    ("", "finishing"),
]

_HELPER_C = """#include <valgrind/callgrind.h>
void effsig_bench_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void effsig_bench_dump(const char *reason) { CALLGRIND_DUMP_STATS_AT(reason); }
"""

#: Run inside the build: dump counts at phase boundaries and, when asked,
#: switch collection around effsig's handlers (the timing hooks of build.py).
_PROLOGUE = """
import ctypes, os, sphinx.events
_lib = ctypes.CDLL(os.environ["EFFSIG_BENCH_HELPER"])
_PHASE_EVENTS = {PHASES!r}
_emit = sphinx.events.EventManager.emit
def _phase_emit(self, name, *args, **kwargs):
    if name in _PHASE_EVENTS and not spent[2]:
        _lib.effsig_bench_dump(("before " + name).encode())
    return _emit(self, name, *args, **kwargs)
sphinx.events.EventManager.emit = _phase_emit
"""


def helper() -> Path | None:
    """Compile the callgrind client-request helper; ``None`` when that is impossible."""
    OUT.mkdir(exist_ok=True)
    library = OUT / "callgrind_helper.so"
    if library.exists():
        return library
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        return None
    source = OUT / "callgrind_helper.c"
    source.write_text(_HELPER_C)
    done = subprocess.run(
        [compiler, "-O2", "-shared", "-fPIC", "-o", str(library), str(source)],
        capture_output=True,
        text=True,
    )
    return library if done.returncode == 0 else None


def child_code(split: bool) -> str:
    """The ``-c`` program of a build: build.py's hooks, phase dumps, optional split."""
    sys.path.insert(0, str(HERE))
    from build import SELF_TIMER

    prologue = _PROLOGUE.replace("{PHASES!r}", repr({event for event, _ in PHASES if event}))
    start = "argv = sys.argv[1:]\n"
    code = _replaced(SELF_TIMER, start, prologue + start)
    if split:
        # Switch collection at the outermost entry to and exit from effsig.
        toggle = "_lib.effsig_bench_toggle()\n"
        enter, leave = "        spent[2] += 1\n", "            spent[2] -= 1\n"
        code = _replaced(code, enter, enter + "        " + toggle)
        code = _replaced(code, leave, leave + "            " + toggle)
    return code


def _replaced(code: str, old: str, new: str) -> str:
    """``code`` with its first ``old`` replaced; ``old`` must be there."""
    if old not in code:
        raise SystemExit(f"build.py's timing hooks changed: {old.strip()!r} not found")
    return code.replace(old, new, 1)


def run(docs: Path, mode: str, library: Path, part: str, code_dir: Path) -> list[int]:
    """One build under callgrind; instructions per phase.

    ``part`` is ``all`` (everything), ``outside`` (all but effsig's code) or
    ``inside`` (effsig's code only).
    """
    out = OUT / f"callgrind-{docs.parent.name}-{mode}-{part}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = dict(
        os.environ,
        EFFSIG_BENCH_MODE=mode,
        EFFSIG_BENCH_HELPER=str(library),
        PYTHONPATH=str(code_dir),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    argv = [
        "valgrind",
        "--tool=callgrind",
        f"--collect-atstart={'no' if part == 'inside' else 'yes'}",
        f"--callgrind-out-file={out / 'callgrind.out'}",
        sys.executable,
        "-c",
        child_code(split=part != "all"),
        "-m", "sphinx", "-b", "html", "-E", "-q", "-j", "1",
        "-d", str(out / "doctrees"), str(docs), str(out / "html"),
    ]  # fmt: skip
    with open(out / "stderr.txt", "w") as err:
        done = subprocess.run(argv, env=env, cwd=out, stdout=subprocess.DEVNULL, stderr=err)
    if done.returncode != 0:
        tail = (out / "stderr.txt").read_text(errors="replace")[-2000:]
        raise SystemExit(f"{mode} build under callgrind failed:\n{tail}")
    return _phase_counts(out)


def _phase_counts(out: Path) -> list[int]:
    """Instructions per phase, in the order of :data:`PHASES`."""
    by_reason: dict[str, int] = {}
    for dump in out.glob("callgrind.out*"):
        text = dump.read_text(errors="replace")
        reason = re.search(r"^desc: Trigger: (.*)$", text, re.MULTILINE)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
        if reason and total:
            by_reason[reason.group(1)] = int(total.group(1))
    counts = []
    for event, _label in PHASES:
        key = f"Client Request: before {event}" if event else "Program termination"
        counts.append(by_reason.get(key, 0))
    return counts


def _g(count: float) -> str:
    return f"{count / 1e9:8.3f}"


def with_conf(docs: Path, line: str, index: int) -> Path:
    """A copy of the generated docs whose ``conf.py`` ends with ``line`` (same package)."""
    root = docs.parent.with_name(f"{docs.parent.name}-conf{index}")
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(docs, root / "docs")
    (root / "src").symlink_to(docs.parent / "src", target_is_directory=True)
    conf = root / "docs" / "conf.py"
    conf.write_text(f"{conf.read_text()}\n{line}\n")
    return root / "docs"


def _base(label: str) -> str:
    """The plain build an effsig build (or a ``--conf`` variant of it) compares with."""
    return label.split(" [", 1)[0].replace("effsig", "plain")


def report(counts: dict[tuple[str, str], list[int]], modes: list[str]) -> None:
    print(f"   instructions (billions){''.join(f'{m:>18}' for m in modes)}")
    for index, (_event, label) in enumerate(PHASES):
        cells = "".join(f"{_g(counts[m, 'all'][index]):>18}" for m in modes)
        print(f"   {label:42}{cells}")
    totals = {m: sum(counts[m, "all"]) for m in modes}
    print(f"   {'total':42}{''.join(f'{_g(totals[m]):>18}' for m in modes)}")
    for mode in modes:
        base = _base(mode)
        if not mode.startswith("effsig") or base not in totals:
            continue
        print(f"   {mode}/{base}: {totals[mode] / totals[base]:.4f}")
        if (mode, "inside") in counts:
            own = sum(counts[mode, "inside"])
            outside = sum(counts[mode, "outside"])
            rest = outside - totals[base]
            print(
                f"      effsig's own code:              {_g(own)} G = "
                f"{own / totals[base]:6.2%} of {base}"
            )
            print(
                f"      Sphinx, for the added content:  {_g(rest)} G = "
                f"{rest / totals[base]:6.2%} of {base}"
            )
            for index, (_event, label) in enumerate(PHASES):
                extra = counts[mode, "outside"][index] - counts[base, "all"][index]
                if abs(extra) > 0.001 * totals[base]:
                    print(f"         {label:40} {extra / totals[base]:+7.2%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", default="250", help="documented objects, comma-separated")
    parser.add_argument("--modes", default="plain,effsig")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-split", action="store_true", help="totals only (faster)")
    parser.add_argument(
        "--code", default="HEAD", help="HEAD (default), a git revision, worktree, or a directory"
    )
    parser.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="LINE",
        help="a conf.py line for extra effsig builds, e.g. 'effsig_provenance = \"none\"' "
        "(repeatable: one variant each)",
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed; see benchmarks/build.py for CPU time")
    modes = [m.strip() for m in args.modes.split(",")]
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes {sorted(unknown)}; choose from {MODES}")
    library = helper()
    if library is None:
        raise SystemExit("no C compiler or valgrind/callgrind.h: cannot build the helper")
    sys.path.insert(0, str(HERE))
    import build
    from snapshot import code_path

    code_dir, described = code_path(args.code)
    build.CODE[0] = code_dir
    print(f"sphinxcontrib_effsig from {described}; python {sys.version.split()[0]}")
    for size in [int(s) for s in args.objects.split(",")]:
        docs = build.prepare(size, args.seed)
        for mode in modes:
            build.run_build(docs, mode)  # bytecode written, so no build compiles sources
        builds = {mode: (docs, mode) for mode in modes}
        for index, line in enumerate(args.conf):
            variant = with_conf(docs, line, index)
            for mode in modes:
                if mode.startswith("effsig"):
                    builds[f"{mode} [{index + 1}]"] = (variant, mode)
            print(f"   [{index + 1}]: effsig builds with {line!r} added to conf.py")
        jobs = [(label, "all") for label in builds]
        if not args.no_split:
            split = [b for b in builds if b.startswith("effsig")]
            jobs += [(b, part) for b in split for part in ("outside", "inside")]
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {
                (label, part): pool.submit(run, *builds[label], library, part, code_dir)
                for label, part in jobs
            }
            counts = {job: future.result() for job, future in futures.items()}
        report(counts, list(builds))


if __name__ == "__main__":
    main()
