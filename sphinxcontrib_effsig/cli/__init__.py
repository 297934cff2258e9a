"""The ``effsig`` command: effective signatures from a terminal.

``effsig pkg.mod.func`` shows one callable's effective signature and where
each parameter comes from; ``effsig --check pkg`` lints a whole package for
signatures the resolver could not establish, for a docs CI job.

Exit status: 0 fine, 1 findings (``--check``) or output cut short (a closed
pipe), 2 a name that does not exist or code that fails to import.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..resolver import effective_signature
from . import check as check_module
from . import show
from .targets import CliError, find_target, import_module

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="effsig",
        description=(
            "Show the effective signature of a decorated callable (what a caller can really "
            "pass) with the owner of each parameter, or check a whole package for signatures "
            "that cannot be resolved."
        ),
        epilog=(
            "examples: effsig myapp.http.fetch | effsig myapp.client:Client.get --explain | "
            "effsig --check myapp.  Exit status: 0 ok, 1 --check found unresolved signatures, "
            "2 not found or import error."
        ),
    )
    parser.add_argument(
        "target",
        metavar="TARGET",
        help="a dotted name (pkg.mod.func) or module:attribute path (pkg.mod:Class.method); "
        "with --check, a package or module",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="walk the package's public callables like autodoc and report every one whose "
        "signature is unresolved (exit status 1 if any)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="with --check: skip modules and callables whose dotted name matches this fnmatch "
        "pattern (repeatable), like effsig_exclude in conf.py, e.g. 'myapp.legacy.*'",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also show what the resolver followed and what it could not prove",
    )
    parser.add_argument(
        "--path",
        action="append",
        default=[],
        metavar="DIR",
        help="a directory to import from (repeatable); the current directory is always importable",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.check and args.explain:
        parser.error("--explain applies to one callable, not to --check")
    if args.exclude and not args.check:
        parser.error("--exclude applies to --check")
    saved_path = list(sys.path)
    sys.path[:0] = [os.path.abspath(p) for p in [*args.path, os.curdir]]
    try:
        if args.check:
            return _run_check(args.target, as_json=args.json, exclude=args.exclude)
        return _run_show(args.target, as_json=args.json, explain=args.explain)
    except CliError as error:
        print(f"effsig: {error.render()}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``effsig --check pkg | head``): stop quietly.
        _discard_stdout()
        return EXIT_FINDINGS
    finally:
        sys.path[:] = saved_path


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run_show(spec: str, *, as_json: bool, explain: bool) -> int:
    target = find_target(spec)
    try:
        sig = effective_signature(target.obj)
    except (TypeError, ValueError) as error:
        kind = type(target.obj).__name__
        hint = (
            f"; use 'effsig --check {target.name}' to check everything in it"
            if kind == "module"
            else ""
        )
        raise CliError(f"{target.name} ({kind}) has no signature: {error}{hint}") from error
    if as_json:
        data = show.as_data(target.name, sig)
        if explain:
            data["explanation"] = show.explanation(target.name, target.obj, sig).strip()
        print(json.dumps(data, indent=2))
        return EXIT_OK
    print(show.as_text(target.name, sig))
    if explain:
        print(show.explanation(target.name, target.obj, sig))
    return EXIT_OK


def _run_check(spec: str, *, as_json: bool, exclude: Sequence[str]) -> int:
    if ":" in spec:
        raise CliError(f"--check takes a package or module name, not {spec!r}")
    root = import_module(spec)
    report = check_module.check(root, progress=sys.stderr, exclude=exclude)
    if as_json:
        print(json.dumps(report.as_data(), indent=2))
    else:
        for finding in report.findings:
            print(finding)
        print(report.summary())
    return EXIT_FINDINGS if report.findings else EXIT_OK
