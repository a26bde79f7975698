"""Command line: ``plancorpus parse FILE...``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__, parse
from .models import Plan
from .summary import render

SUFFIXES = {".txt", ".md", ".pdf", ".docx", ".doc", ".htm", ".html"}


def expand(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given; a folder stands for the documents in it (recursively, sorted)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            yield from found
        else:
            yield p


def _dump(plan: Plan, compact: bool) -> str:
    data = plan.model_dump(mode="json", exclude={"text", "source_map"} if compact else None)
    return json.dumps(data, ensure_ascii=False)


def cmd_parse(args: argparse.Namespace) -> int:
    failures = 0
    files = list(expand(args.files))
    for n, path in enumerate(files, 1):
        if args.progress and len(files) > 1:
            print(f"[{n}/{len(files)}] {path}", file=sys.stderr)
        try:
            plan = parse(path)
        except OSError as exc:
            failures += 1
            print(
                f"plancorpus: cannot read {exc.filename or path}: {exc.strerror or exc}",
                file=sys.stderr,
            )
            continue
        if args.json:
            print(_dump(plan, args.compact))
        else:
            print(render(plan))
            print()
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plancorpus",
        description="Read Vietnamese administrative plans into typed, comparable objects.",
    )
    parser.add_argument("--version", action="version", version=f"plancorpus {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse",
        help="parse documents and print a summary or JSON lines",
        description="Parse documents (files or folders) into plans.",
    )
    p.add_argument("files", nargs="+", help="document files, or folders to read recursively")
    p.add_argument("--json", action="store_true", help="print one JSON object per line")
    p.add_argument(
        "--compact",
        action="store_true",
        help="with --json, leave out the full text and the offset map",
    )
    p.add_argument("--progress", action="store_true", help="report progress on stderr")
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
