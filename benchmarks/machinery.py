"""effsig's build cost in two parts: the content it adds, and its machinery.

Usage::

    python benchmarks/machinery.py                     # generated project, 500 objects, 5 rounds
    python benchmarks/machinery.py --objects 1000 --rounds 5 --json out.json
    python benchmarks/machinery.py --project click==8.5.1 --project attrs==26.1.0 \\
        --python "$(PYENV_VERSION=3.13.0 pyenv which python3)" --rounds 3 --reuse-venv
    python benchmarks/machinery.py --project flask==3.1.3 --profile --reuse-venv
    python benchmarks/machinery.py --objects 500 --project click==8.5.1   # both kinds

An effsig build is slower than a plain one because its pages say more
(decorator-added parameters, their field entries, owner citations: Sphinx
parses, resolves, writes and indexes that text like any other) and because
effsig works to produce them (resolving, rendering, rewriting fields, its
transforms). Four builds tell the two apart:

``plain``            the project's ``conf.py`` as is (autodoc, autosummary, ...)
``effsig``           ... with ``sphinxcontrib_effsig`` appended to ``extensions``
``content-plain``    the pages of ``plain`` as if written by hand: every
                     autodoc directive and autosummary table replaced by the
                     reST it generated in ``plain``, built without autodoc,
                     autosummary or any docstring processor
``content-effsig``   the same for the pages of ``effsig``

and three ratios, computed within each round (CPU time, user+sys of the
child) and reported as median (min-max) over the rounds:

``total``      effsig / plain
``content``    content-effsig / content-plain: what the added text costs Sphinx
``machinery``  (effsig / content-effsig) / (plain / content-plain): the cost of
               producing the pages relative to the pages, effsig+autodoc's
               against autodoc's alone; 1.00 means effsig's work is as cheap,
               relative to what it adds, as autodoc's own

The reST is recorded by :mod:`autodoc_content` in two untimed "capture"
builds (which also warm the page cache and bytecode): autodoc's generated
``StringList`` per directive, after every ``autodoc-process-docstring``
listener (napoleon, sphinx-autodoc-typehints, effsig) has run; each
autosummary table as a ``list-table`` of the same cells plus a hidden
toctree of its stubs. The content builds replace those directives by one
that parses the next recorded block of the document (nothing is imported or
introspected); autodoc, autosummary, napoleon, numpydoc,
sphinx-autodoc-typehints and effsig are removed from their ``extensions``.
Everything else the project loads stays (themes, viewcode, other
directives and roles); the content build of effsig also registers effsig's
two roles, which its reST uses (``effsig-owner``, ``effsig-quiet``: what a
hand-written page would need; importing them imports the package). What the
content builds lack: effsig's owner marks on the signature line (node
attributes set by a transform, not reST) and effsig's stylesheet; both count
as machinery. All four builds set ``intersphinx_mapping = {}`` (no network).
The builds are interleaved round by round, the order rotating, from scratch
(``-E``, fresh output), ``-j 1``. At the end the last round's HTML is
compared object by object (:mod:`realdocs`): each content build should show
the same signatures, fields and text as its full build.

The generated project is :mod:`genpkg`'s (``--objects``); real projects'
docs (``--project NAME==VERSION``) are set up by :mod:`realdocs` (sdist,
venv of ``--python``, docs requirements, effsig's wheel; ``--reuse-venv``
keeps a venv of an earlier run under ``--workdir``) and built through its
configuration wrapper. The code measured is ``--code`` (``HEAD`` by
default, see :mod:`snapshot`).

``--profile`` adds one effsig build with every effsig handler under a CPU
profiler (``build.py --profile-effsig``'s method) and prints effsig's own
CPU time per handler and the top ``--top`` entries by cumulative and own
time.

On a busy machine one round is noisy by several per cent: trust the medians
of paired rounds, CPU time rather than wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import statistics
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import realdocs  # noqa: E402

import build as build_bench  # noqa: E402
from snapshot import code_path  # noqa: E402

KINDS = ("plain", "effsig", "content-plain", "content-effsig")
CAPTURES = ("capture-plain", "capture-effsig")
MODULE = "_effsig_bench_content"  # autodoc_content.py, as copied into the configuration folders
#: Extensions a content build does without: what generates or rewrites the recorded reST.
DROPPED = (
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinxcontrib.napoleon",
    "numpydoc",
    "sphinx_autodoc_typehints",
    "sphinxcontrib_effsig",
)
COMMON = ["intersphinx_mapping = {}"]


@dataclass
class Target:
    """Docs to build: a configuration, an interpreter and an environment."""

    label: str
    python: Path
    conf: Path
    home: Path
    env: dict[str, str]
    replacements: list[tuple[str, str]]
    installer: realdocs.Installer | None = None
    confdirs: dict[str, Path] = field(default_factory=dict)

    def capture_file(self, base: str) -> Path:
        return self.home / f"capture-{base}.json"

    def report_file(self, base: str) -> Path:
        return self.home / f"replay-{base}.json"


def kept(extension: str) -> bool:
    """Whether a content build keeps ``extension`` (see :data:`DROPPED`)."""
    return extension not in DROPPED and not extension.startswith("sphinx.ext.autodoc.")


def content_lines(replay: Path, report: Path, roles: bool) -> list[str]:
    """conf.py lines of a content build: the recorder first, the generators gone."""
    return [  # the rule of kept(), in the generated conf.py
        f"_effsig_bench_dropped = {DROPPED!r}",
        f"extensions = [{MODULE!r}] + [",
        '    e for e in globals().get("extensions", [])',
        '    if e not in _effsig_bench_dropped and not e.startswith("sphinx.ext.autodoc.")',
        "]",
        "del _effsig_bench_dropped",
        f"effsig_bench_replay = {str(replay)!r}",
        f"effsig_bench_report = {str(report)!r}",
        f"effsig_bench_roles = {roles!r}",
    ]


def capture_lines(capture: Path) -> list[str]:
    return [
        'extensions = list(globals().get("extensions", []))',
        f"extensions.append({MODULE!r})",
        f"effsig_bench_capture = {str(capture)!r}",
    ]


def make_confdir(
    target: Target, kind: str, extra: list[str], *, effsig: bool = False, recorder: bool = True
) -> None:
    """The configuration folder of one kind of build (``conf-<kind>``), noted in ``target``."""
    modules = {MODULE: (HERE / "autodoc_content.py").read_text()} if recorder else {}
    dest = target.home / "machinery" / f"conf-{kind}"
    realdocs.make_confdir(dest, target.conf, effsig, False, [*COMMON, *extra], modules)
    target.confdirs[kind] = dest


def make_content_confdir(
    target: Target, kind: str, replay: Path, report: Path, roles: bool
) -> None:
    """A content build of ``kind`` replaying the record ``replay``."""
    make_confdir(target, kind, content_lines(replay, report, roles))


def make_confdirs(target: Target) -> None:
    for kind in (*KINDS, *CAPTURES):
        base = kind.split("-")[-1]
        if kind.startswith("capture-"):
            extra = capture_lines(target.capture_file(base))
            make_confdir(target, kind, extra, effsig=base == "effsig")
        elif kind.startswith("content-"):
            replay, report = target.capture_file(base), target.report_file(base)
            make_content_confdir(target, kind, replay, report, roles=base == "effsig")
        else:
            make_confdir(target, kind, [], effsig=kind == "effsig", recorder=False)


def run(target: Target, kind: str, timeout: float, **extra: Any) -> realdocs.Build:
    return realdocs.run_build(
        kind,
        extra.pop("python", target.python),
        target.conf,
        target.confdirs[kind],
        target.home / "machinery" / f"build-{kind}",
        "html",
        timeout,
        target.replacements,
        env=extra.pop("env", target.env),
        **extra,
    )


def _failed(build: realdocs.Build) -> str:
    return f"{build.name} build failed (exit {build.returncode}):\n      " + build.error.replace(
        "\n", "\n      "
    )


@dataclass
class Captured:
    documents: int
    directives: int
    tables: int
    lines: int


def captured(path: Path) -> Captured:
    pages: dict[str, list[dict[str, Any]]] = json.loads(path.read_text())["pages"]
    records = [r for rs in pages.values() for r in rs]
    return Captured(
        documents=sum(1 for rs in pages.values() if rs),
        directives=sum(1 for r in records if r["kind"] == "autodoc"),
        tables=sum(1 for r in records if r["kind"] == "autosummary"),
        lines=sum(len(r["lines"]) for r in records),
    )


def capture(target: Target, timeout: float) -> dict[str, Captured] | None:
    """The two untimed capture builds; what they recorded (None: a build failed)."""
    got: dict[str, Captured] = {}
    tried: set[str] = set()
    for kind in CAPTURES:
        base = kind.split("-")[-1]
        target.capture_file(base).unlink(missing_ok=True)
        build = run(target, kind, timeout)
        if (
            kind == "capture-plain"
            and target.installer is not None
            and realdocs.install_missing(target.installer, build.warnings, tried)
        ):
            build = run(target, kind, timeout)
        if build.returncode != 0 or not target.capture_file(base).exists():
            print(f"   !! {_failed(build)}", flush=True)
            return None
        got[base] = captured(target.capture_file(base))
    plain, eff = got["plain"], got["effsig"]
    print(
        f"   recorded: {plain.directives} autodoc directives and {plain.tables} autosummary "
        f"tables in {plain.documents} documents; reST lines plain {plain.lines:,}, effsig "
        f"{eff.lines:,} ({eff.lines / max(plain.lines, 1) - 1:+.1%})",
        flush=True,
    )
    return got


def replay_problems(target: Target, base: str) -> list[str]:
    """What the last content build of ``base`` could not replay, or loaded anyway."""
    path = target.report_file(base)
    if not path.exists():
        return [f"content-{base}: no replay report"]
    data = json.loads(path.read_text())
    problems = [f"content-{base}: {m}" for m in data["mismatched"][:5]]
    if data["mismatched"]:
        problems.append(f"content-{base}: {len(data['mismatched'])} blocks not replayed")
    if data["left_over"]:
        problems.append(f"content-{base}: {data['left_over']} recorded blocks never asked for")
    loaded = [e for e in data["extensions"] if not kept(e)]
    if loaded:
        problems.append(f"content-{base}: loaded anyway (by another extension): {loaded}")
    return problems


def ratios(builds: dict[str, realdocs.Build], clock: str) -> dict[str, float]:
    """The three ratios of one round."""
    return ratios_of({k: float(getattr(b, clock)) for k, b in builds.items()})


def ratios_of(t: dict[str, float]) -> dict[str, float]:
    """The three ratios of the four builds' costs (seconds or instructions)."""
    return {
        "total": t["effsig"] / t["plain"],
        "content": t["content-effsig"] / t["content-plain"],
        "machinery": (t["effsig"] / t["content-effsig"]) / (t["plain"] / t["content-plain"]),
    }


def measure(target: Target, rounds: int, timeout: float) -> list[dict[str, realdocs.Build]]:
    """The four builds, interleaved round by round, each round's ratios printed."""

    def line(got: dict[str, realdocs.Build]) -> str:
        r = ratios(got, "cpu")
        return (
            ", ".join(f"{k} {got[k].cpu:.2f}s" for k in KINDS)
            + f" | total {r['total']:.3f} content {r['content']:.3f} "
            f"machinery {r['machinery']:.3f}"
        )

    return interleaved(target, KINDS, rounds, timeout, line)


def counted(target: Target, kind: str, timeout: float) -> int:
    """Instructions one build of ``kind`` executes, under ``valgrind --tool=callgrind``."""
    out = target.home / "machinery" / f"callgrind-{kind}.out"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    build = run(
        target,
        kind,
        timeout,
        python=Path("valgrind"),
        prefix=["--tool=callgrind", f"--callgrind-out-file={out}", str(target.python)],
    )
    if build.returncode != 0 or not out.exists():
        raise SystemExit(f"   !! under callgrind: {_failed(build)}")
    total = callgrind_total(out.read_text(errors="replace"))
    if total is None:
        raise SystemExit(f"   !! no instruction count in {out}")
    return total


def callgrind_total(text: str) -> int | None:
    """The instructions a callgrind output file counts in all (``summary:``/``totals:``)."""
    found = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
    return int(found.group(1)) if found else None


def measure_instructions(target: Target, timeout: float) -> dict[str, Any]:
    """The four builds once each under callgrind, two at a time: the three ratios
    in instructions, which a shared machine does not disturb."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = pool.map(lambda kind: counted(target, kind, timeout), KINDS)
        counts = dict(zip(KINDS, found, strict=True))
    for kind in KINDS:
        if kind.startswith("content-"):
            for problem in replay_problems(target, kind.removeprefix("content-")):
                print(f"   !! {problem}", flush=True)
    i = {k: float(v) for k, v in counts.items()}
    summary: dict[str, Any] = {"instructions": counts, **ratios_of(i)}
    print(f"   {'build':16} {'instructions (G)':>18}")
    for kind in KINDS:
        print(f"   {kind:16} {counts[kind] / 1e9:18.3f}")
    for key in ("total", "content", "machinery"):
        print(f"   {key:10} {summary[key]:.4f}  (instructions)")
    extra = (i["effsig"] - i["content-effsig"]) - (i["plain"] - i["content-plain"])
    print(
        f"   machinery in instructions (full - content): autodoc "
        f"{(i['plain'] - i['content-plain']) / 1e9:.3f} G, autodoc+effsig "
        f"{(i['effsig'] - i['content-effsig']) / 1e9:.3f} G, difference {extra / 1e9:.3f} G "
        f"= {extra / i['effsig']:.2%} of the effsig build",
        flush=True,
    )
    return summary


def interleaved(
    target: Target,
    kinds: tuple[str, ...],
    rounds: int,
    timeout: float,
    line: Callable[[dict[str, realdocs.Build]], str],
) -> list[dict[str, realdocs.Build]]:
    """Every build of ``kinds`` once per round, in an order that rotates with
    the round (so drift spreads evenly); ``line`` says what a round gave. A
    replay that did not match its record is reported once."""
    results: list[dict[str, realdocs.Build]] = []
    problems: set[str] = set()
    for rnd in range(rounds):
        order = kinds[rnd % len(kinds) :] + kinds[: rnd % len(kinds)]
        got: dict[str, realdocs.Build] = {}
        for kind in order:
            build = run(target, kind, timeout)
            if build.returncode != 0:
                print(f"   !! {_failed(build)}", flush=True)
                return results
            got[kind] = build
            if kind.startswith("content-"):
                for problem in replay_problems(target, kind.removeprefix("content-")):
                    if problem not in problems:
                        problems.add(problem)
                        print(f"   !! {problem}", flush=True)
        print(f"   round {rnd + 1}: {line(got)}", flush=True)
        results.append(got)
    return results


def fidelity(target: Target) -> dict[str, Any]:
    """The last content builds' pages against their full builds', object by object."""
    root = target.home / "machinery"
    out: dict[str, Any] = {}
    for base in ("plain", "effsig"):
        full = realdocs.collect_objects(root / f"build-{base}" / "html", "html")
        content = realdocs.collect_objects(root / f"build-content-{base}" / "html", "html")
        changes, only_full, only_content = realdocs.compare_objects(full, content)
        out[base] = {
            "objects": len(full),
            "differ": [c.key for c in changes],
            "only_full": only_full,
            "only_content": only_content,
            "marks_full": sum(o.marks for o in full.values()),
            "marks_content": sum(o.marks for o in content.values()),
        }
        aspects = {
            "signature": sum(1 for c in changes if c.signature),
            "parameters": sum(1 for c in changes if c.parameters),
            "returns": sum(1 for c in changes if c.returns),
            "other text": sum(1 for c in changes if c.other),
        }
        print(
            f"   content-{base} vs {base}: {len(full)} objects, {len(changes)} differ "
            f"({', '.join(f'{k} {v}' for k, v in aspects.items())}), "
            f"{len(only_full)} only in {base}, {len(only_content)} only in content-{base}"
            + (
                f"; owner marks {out[base]['marks_full']} vs {out[base]['marks_content']}"
                if base == "effsig"
                else ""
            ),
            flush=True,
        )
        for key in [*[c.key for c in changes], *only_full, *only_content][:3]:
            print(f"      e.g. {key}")
    return out


def report(results: list[dict[str, realdocs.Build]]) -> dict[str, Any]:
    spread = build_bench.spread
    print(f"   {'build':16} {'CPU s':>20} {'wall s':>20} {'warnings':>9}")
    for kind in KINDS:
        builds = [r[kind] for r in results]
        print(
            f"   {kind:16} {spread([b.cpu for b in builds], '.2f'):>20} "
            f"{spread([b.wall for b in builds], '.2f'):>20} {len(builds[-1].warnings):>9}"
        )
    per_round = [ratios(r, "cpu") for r in results]
    per_round_wall = [ratios(r, "wall") for r in results]
    summary: dict[str, Any] = {}
    labels = {
        "total": "effsig / plain",
        "content": "content-effsig / content-plain",
        "machinery": "(effsig / content-effsig) / (plain / content-plain)",
    }
    for key, label in labels.items():
        cpu = [r[key] for r in per_round]
        wall = [r[key] for r in per_round_wall]
        summary[key] = {"cpu": statistics.median(cpu), "wall": statistics.median(wall)}
        print(f"   {key:10} {label:52} CPU {spread(cpu, '.3f')}   wall {spread(wall, '.3f')}")
    autodoc = [r["plain"].cpu - r["content-plain"].cpu for r in results]
    both = [r["effsig"].cpu - r["content-effsig"].cpu for r in results]
    extra = [b - a for a, b in zip(autodoc, both, strict=True)]
    print(
        f"   machinery in CPU s (full - content): autodoc {spread(autodoc, '.2f')}, "
        f"autodoc+effsig {spread(both, '.2f')}, difference {spread(extra, '.2f')}"
    )
    summary["machinery_seconds"] = {
        "autodoc": statistics.median(autodoc),
        "autodoc+effsig": statistics.median(both),
        "difference": statistics.median(extra),
    }
    return summary


def profile(target: Target, top: int, timeout: float) -> dict[str, Any]:
    """One effsig build with effsig's handlers timed and profiled (CPU clock)."""
    dump = target.home / "machinery" / "profile-effsig.prof"
    env = dict(target.env, EFFSIG_BENCH_PROFILE=str(dump))
    build = run(target, "effsig", timeout, env=env, prefix=["-c", build_bench.SELF_TIMER])
    log = Path(build.outdir).parent / "sphinx.log"
    lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.startswith("{")]
    if build.returncode != 0 or not lines or not dump.exists():
        print(f"   !! profiled {_failed(build)}", flush=True)
        return {}
    figures: dict[str, Any] = json.loads(lines[-1])
    total, own = figures["total"], figures["effsig"]
    print(
        f"   profiled effsig build: {total:.2f}s CPU, inside effsig's handlers {own:.3f}s "
        f"({own / total:.1%}; profiled, so inflated) in {figures['calls']} calls; dump {dump}"
    )
    for label, took in sorted(figures["parts"].items(), key=lambda kv: -kv[1])[:8]:
        print(f"      {took:8.3f}s  {label}")
    entries = build_bench.profile_entries(pstats.Stats(str(dump)))
    build_bench.print_top(entries, top, 3, f"inside effsig's handlers, top {top} by cumulative")
    build_bench.print_top(entries, top, 2, f"inside effsig's handlers, top {top} by own time")
    return figures


def generated_target(objects: int, seed: int, code: Path) -> Target:
    docs = build_bench.prepare(objects, seed)
    env = dict(realdocs.build_env(), PYTHONPATH=str(code), EFFSIG_BENCH_MODE="plain")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' builds import cached bytecode
    home = build_bench.OUT / f"machinery-{docs.parent.name}"
    home.mkdir(parents=True, exist_ok=True)
    return Target(
        label=f"generated project ({objects} objects)",
        python=Path(sys.executable),
        conf=docs / "conf.py",
        home=home,
        env=env,
        replacements=[(str(docs), "<src>")],
    )


def project_target(
    spec: str, args: argparse.Namespace, effsig: realdocs.EffsigSource
) -> Target | None:
    name, version = realdocs.split_spec(spec)
    home = Path(args.workdir) / f"{realdocs.canonical(name)}-{version}"
    home.mkdir(parents=True, exist_ok=True)
    status = realdocs.ProjectReport(spec=spec)
    prepared = realdocs.prepare_project(status, name, home, args.python, args.reuse_venv, effsig)
    if prepared is None:
        print(f"   !! {spec}: {status.reason}", flush=True)
        return None
    versions = ", ".join(
        f"{p} {status.packages[p]}"
        for p in ("sphinx", "docutils", realdocs.canonical(name))
        if p in status.packages
    )
    print(f"   {spec}: docs {status.docs_dir}/, {versions}", flush=True)
    env = realdocs.build_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return Target(
        label=spec,
        python=prepared.python,
        conf=prepared.conf,
        home=home,
        env=env,
        replacements=prepared.replacements,
        installer=prepared.installer,
    )


def effsig_source(code: str, workdir: Path, python: str) -> realdocs.EffsigSource:
    """The wheel the projects' venvs get, from the same ``--code`` as the generated project."""
    if code == "worktree":
        return realdocs.snapshot_effsig(ROOT, None, workdir, python)
    if (Path(code) / "sphinxcontrib_effsig" / "__init__.py").exists():
        return realdocs.snapshot_effsig(Path(code).resolve(), None, workdir, python)
    return realdocs.snapshot_effsig(ROOT, code, workdir, python)


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that say what to build (generated project, real projects) and how."""
    parser.add_argument(
        "--objects", type=int, help="generated project (default 500 if no --project)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--project", action="append", default=[], metavar="NAME==VERSION")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the builds")
    parser.add_argument("--python", default=sys.executable, help="interpreter of the venvs")
    parser.add_argument("--workdir", default="/tmp/effsig-machinery", help="projects go here")
    parser.add_argument("--reuse-venv", action="store_true", help="reuse a project's venv")
    parser.add_argument(
        "--code", default="HEAD", help="HEAD (default), a git revision, worktree, or a directory"
    )
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per build")


def targets_of(args: argparse.Namespace) -> list[Target]:
    """The projects ``args`` name, ready to build; prints what is measured, and on what."""
    if args.objects is None and not args.project:
        args.objects = 500
    for spec in args.project:
        realdocs.split_spec(spec)
    code, described = code_path(args.code)
    print(f"sphinxcontrib_effsig from {described}")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} (shared machine: trust paired ratios)",
        flush=True,
    )
    targets: list[Target | None] = []
    if args.objects:
        targets.append(generated_target(args.objects, args.seed, code))
    if args.project:
        workdir = Path(args.workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        effsig = effsig_source(args.code, workdir, args.python)
        print(f"projects: effsig {effsig.description}, venvs of {args.python}", flush=True)
        targets += [project_target(spec, args, effsig) for spec in args.project]
    return [target for target in targets if target is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_target_arguments(parser)
    parser.add_argument("--profile", action="store_true", help="also profile effsig's handlers")
    parser.add_argument("--profile-only", action="store_true", help="only the profile")
    parser.add_argument("--top", type=int, default=15, help="profile entries to list")
    parser.add_argument("--json", type=Path, help="write every build's figures here")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions (valgrind's callgrind, each build once) instead of timing rounds",
    )
    args = parser.parse_args()
    targets = targets_of(args)
    everything: dict[str, Any] = {}
    for target in targets:
        print(f"\n== {target.label}", flush=True)
        make_confdirs(target)
        entry: dict[str, Any] = {}
        if not args.profile_only:
            recorded = capture(target, args.timeout)
            if recorded is None:
                continue
            entry["recorded"] = {k: asdict(v) for k, v in recorded.items()}
            if args.instructions:
                entry["instructions"] = measure_instructions(target, args.timeout)
                entry["fidelity"] = fidelity(target)
                everything[target.label] = entry
                continue
            results = measure(target, args.rounds, args.timeout)
            if not results:
                continue
            entry["ratios"] = report(results)
            entry["fidelity"] = fidelity(target)
            entry["rounds"] = [
                {
                    k: {"cpu": b.cpu, "wall": b.wall, "warnings": len(b.warnings)}
                    for k, b in r.items()
                }
                for r in results
            ]
        else:
            run(target, "effsig", args.timeout)  # warm-up
        if args.profile or args.profile_only:
            entry["profile"] = profile(target, args.top, args.timeout)
        everything[target.label] = entry
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2))


if __name__ == "__main__":
    main()
