"""What three presentations of effsig's added parameters cost Sphinx, against what they tell.

Usage::

    python benchmarks/presentations.py               # generated project, 500 objects, 5 rounds
    python benchmarks/presentations.py --rounds 7 --json out.json
    python benchmarks/presentations.py --project click==8.5.1 \\
        --python "$(PYENV_VERSION=3.13.0 pyenv which python3)" --reuse-venv

The parameters effsig adds to a parameter list can be shown three ways
(:mod:`presentation_forms`): one entry each with the owner cited once per
run (``per-parameter``, what effsig renders), one field per owner listing
them (``grouped``), or one "Also accepts ``a``, ``b`` (from <owner>)."
paragraph (``also-accepts``, names only). Two untimed builds record the
reST of a plain and an effsig build (:mod:`machinery`'s capture); the other
two forms are rewritten from the effsig record. Four content builds (the
recorded reST parsed in place of the directives, no autodoc, no effsig; see
:mod:`machinery`) then run interleaved round by round, the order rotating,
CPU time: ``plain`` and the three forms. Per form it prints the content
ratio to plain and to ``per-parameter`` (median (min-max) of the rounds'
ratios), the extra CPU per
added parameter, the reST lines and characters and the doctree nodes (from
the last round's pickled doctrees) it adds to plain's, the warnings it adds
to ``per-parameter``'s, and what a reader learns: names, descriptions and
types shown, owner citations.

Every content build registers effsig's two roles, plain's too (its reST
does not use them), so importing them is no part of the ratios.
With ``autodoc_typehints = "description"`` autodoc merges annotations into
the fields; the rewritten forms drop the merged annotations of the
parameters they rewrite (``grouped`` shows them in its list instead), so
autodoc does not list them again.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import machinery  # noqa: E402
import presentation_forms as forms  # noqa: E402
import realdocs  # noqa: E402
from autodoc_content import compress, expand  # noqa: E402

import build as build_bench  # noqa: E402

BASELINE = "plain"
FORMS = forms.VARIANTS
KINDS = tuple(f"content-{name}" for name in (BASELINE, *FORMS))
#: Run in the builds' interpreter: node counts of pickled doctrees, by class.
CENSUS = r"""
import collections, json, pickle, sys
from pathlib import Path
counts, failed = collections.Counter(), []
for path in sorted(Path(sys.argv[1]).rglob("*.doctree")):
    try:
        doctree = pickle.loads(path.read_bytes())
    except Exception as exc:
        failed.append(f"{path.name}: {type(exc).__name__}: {exc}")
        continue
    walk = getattr(doctree, "findall", None) or doctree.traverse
    counts.update(type(node).__name__ for node in walk())
print(json.dumps({"counts": counts, "failed": failed}))
"""


def record_file(target: machinery.Target, name: str) -> Path:
    """The record a content build of ``name`` replays."""
    if name == BASELINE:
        return target.capture_file("plain")
    if name == "per-parameter":
        return target.capture_file("effsig")  # as recorded
    return target.home / f"presentation-{name}.json"


def derive(target: machinery.Target) -> dict[str, forms.Information]:
    """The rewritten records, written next to the captures; what each form shows."""
    effsig = json.loads(target.capture_file("effsig").read_text())
    plain = json.loads(target.capture_file("plain").read_text())
    merged = (effsig.get("typehints") or {}).get("autodoc_typehints") in ("description", "both")
    shown: dict[str, forms.Information] = {}
    for name in FORMS:
        data = copy.deepcopy(effsig)
        info = forms.Information()
        for docname, records in data["pages"].items():
            theirs = plain["pages"].get(docname, [])
            noted = data.get("annotations", {}).get(docname) if merged else None
            for index, record in enumerate(records):
                twin = theirs[index] if index < len(theirs) else None
                documented = (
                    forms.documented_parameters(twin["lines"])
                    if twin is not None and twin["argument"] == record["argument"]
                    else {}
                )
                items = expand(record["items"]) if record["items"] else []
                new = forms.rewrite_record(record["lines"], items, name, documented, noted)
                info.add(new.shown)
                if name == "per-parameter":
                    continue
                record["lines"] = new.lines
                record["items"] = compress(new.items) if record["items"] else []
                for obj, params in new.dropped.items():
                    for param in params:
                        (noted or {}).get(obj, {}).pop(param, None)
        shown[name] = info
        if name != "per-parameter":
            record_file(target, name).write_text(json.dumps(data))
    return shown


def size(path: Path) -> tuple[int, int]:
    """reST lines and characters of a record's blocks."""
    pages = json.loads(path.read_text())["pages"]
    lines = [ln for records in pages.values() for r in records for ln in r["lines"]]
    return len(lines), sum(len(ln) for ln in lines)


def census(target: machinery.Target, kind: str) -> dict[str, Any]:
    """Doctree nodes of the last build of ``kind``, by class."""
    doctrees = target.home / "machinery" / f"build-{kind}" / "doctrees"
    out = subprocess.run(
        [str(target.python), "-c", CENSUS, str(doctrees)],
        capture_output=True,
        text=True,
        cwd=target.conf.parent,
        env=target.env,
        check=False,
    )
    if out.returncode != 0:
        return {"counts": {}, "failed": [out.stderr.strip().splitlines()[-1:]]}
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure(
    target: machinery.Target, rounds: int, timeout: float
) -> list[dict[str, realdocs.Build]]:
    """The content builds of every form, interleaved round by round."""

    def line(got: dict[str, realdocs.Build]) -> str:
        base = got[f"content-{BASELINE}"].cpu
        return f"plain {base:.2f}s | " + ", ".join(
            f"{n} {got[f'content-{n}'].cpu / base:.3f}" for n in FORMS
        )

    return machinery.interleaved(target, KINDS, rounds, timeout, line)


def report(
    target: machinery.Target,
    results: list[dict[str, realdocs.Build]],
    shown: dict[str, forms.Information],
) -> dict[str, Any]:
    spread = build_bench.spread
    last = results[-1]
    plain_lines, plain_chars = size(record_file(target, BASELINE))
    nodes = {kind: census(target, kind) for kind in KINDS}
    plain_nodes = sum(nodes[f"content-{BASELINE}"]["counts"].values())
    reference = set(last["content-per-parameter"].warnings)
    summary: dict[str, Any] = {
        "plain": {
            "cpu": statistics.median(r[f"content-{BASELINE}"].cpu for r in results),
            "lines": plain_lines,
            "characters": plain_chars,
            "nodes": plain_nodes,
        }
    }
    print(
        f"   plain content: CPU {spread([r['content-plain'].cpu for r in results], '.2f')} s, "
        f"{plain_lines:,} reST lines, {plain_chars:,} characters, {plain_nodes:,} doctree nodes"
    )
    header = (
        f"   {'form':14} {'content/plain':>20} {'/per-parameter':>20} {'ms/param':>9} "
        f"{'+lines':>7} {'+chars':>8} "
        f"{'+nodes':>7} {'+warn':>5} | {'params':>6} {'descr':>5} {'types':>5} {'cites':>5}"
    )
    print(header)
    for name in FORMS:
        kind = f"content-{name}"
        ratio = [r[kind].cpu / r[f"content-{BASELINE}"].cpu for r in results]
        paired = [r[kind].cpu / r["content-per-parameter"].cpu for r in results]
        info = shown[name]
        extra = [r[kind].cpu - r[f"content-{BASELINE}"].cpu for r in results]
        per_param = statistics.median(extra) * 1000 / max(info.parameters, 1)
        lines, chars = size(record_file(target, name))
        count = sum(nodes[kind]["counts"].values())
        new_warnings = sorted(set(last[kind].warnings) - reference)
        print(
            f"   {name:14} {spread(ratio, '.3f'):>20} {spread(paired, '.3f'):>20} "
            f"{per_param:9.2f} {lines - plain_lines:>+7,} "
            f"{chars - plain_chars:>+8,} {count - plain_nodes:>+7,} {len(new_warnings):>5} | "
            f"{info.parameters:>6} {info.descriptions:>5} {info.types:>5} {info.citations:>5}"
        )
        for warning in new_warnings[:3]:
            print(f"      new warning: {warning}")
        for failure in nodes[kind]["failed"][:3]:
            print(f"      !! doctree census: {failure}")
        summary[name] = {
            "content_ratio": {
                "median": statistics.median(ratio),
                "min": min(ratio),
                "max": max(ratio),
            },
            "to_per_parameter": {
                "median": statistics.median(paired),
                "min": min(paired),
                "max": max(paired),
            },
            "ms_per_added_parameter": per_param,
            "added_lines": lines - plain_lines,
            "added_characters": chars - plain_chars,
            "added_nodes": count - plain_nodes,
            "new_warnings": new_warnings,
            "shown": asdict(info),
        }
    if shown["per-parameter"].elsewhere:
        print(
            f"   ({shown['per-parameter'].elsewhere} citations outside :param entries, "
            "e.g. napoleon's lists, left as recorded in every form)"
        )
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    machinery.add_target_arguments(parser)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    targets = machinery.targets_of(args)
    everything: dict[str, Any] = {}
    for found in targets:
        # Its own folder: machinery.py's files for the same project stay untouched.
        target = replace(found, home=found.home / "presentations", confdirs={})
        target.home.mkdir(parents=True, exist_ok=True)
        print(f"\n== {target.label}", flush=True)
        for kind in machinery.CAPTURES:
            base = kind.split("-")[-1]
            lines = machinery.capture_lines(target.capture_file(base))
            machinery.make_confdir(target, kind, lines, effsig=base == "effsig")
        for kind in KINDS:
            name = kind.removeprefix("content-")
            machinery.make_content_confdir(
                target,
                kind,
                record_file(target, name),
                target.report_file(name),
                roles=True,  # plain too: every build pays the same import
            )
        if machinery.capture(target, args.timeout) is None:
            continue
        shown = derive(target)
        results = measure(target, args.rounds, args.timeout)
        if not results:
            continue
        everything[target.label] = {
            "forms": report(target, results, shown),
            "rounds": [{k: {"cpu": b.cpu, "wall": b.wall} for k, b in r.items()} for r in results],
        }
    if args.json:
        args.json.write_text(json.dumps(everything, indent=2))


if __name__ == "__main__":
    main()
