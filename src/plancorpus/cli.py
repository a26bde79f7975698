"""Command line: ``plancorpus parse`` and ``plancorpus cite``."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from plancorpus._version import __version__
from plancorpus.compare.cascade import cascade
from plancorpus.compare.checks import check, citation_findings
from plancorpus.compare.diff import compare
from plancorpus.compare.duplicates import near_duplicates
from plancorpus.corpus import (
    CITATION_COLUMNS,
    Corpus,
    citation_matrix,
    citation_rows,
    expand,
    load,
)
from plancorpus.corpus.frames import export_files
from plancorpus.model.findings import Finding
from plancorpus.model.limits import MB, Limits
from plancorpus.model.plan import Plan
from plancorpus.pipeline import parse
from plancorpus.report import render
from plancorpus.report.terminal import print_diff, print_duplicates


def _dump(plan: Plan, compact: bool) -> str:
    data = plan.model_dump(mode="json", exclude={"text", "source_map"} if compact else None)
    return json.dumps(data, ensure_ascii=False)


def cmd_parse(args: argparse.Namespace) -> int:
    files = list(expand(args.files))
    if not (args.progress and len(files) > 1):
        return _parse_each(args, files, lambda path: None)
    with _progress_bar() as bar:
        task = bar.add_task("reading", total=len(files))

        def step(path: Path) -> None:
            bar.update(task, advance=1, description=f"read {path.name}")

        return _parse_each(args, files, step)


def _parse_each(args: argparse.Namespace, files: list[Path], step: Callable[[Path], None]) -> int:
    failures = 0
    for path in files:
        try:
            plan = parse(path, backend=args.backend, ocr=args.ocr, limits=_limits(args))
        except OSError as exc:
            failures += 1
            print(
                f"plancorpus: cannot read {exc.filename or path}: {exc.strerror or exc}",
                file=sys.stderr,
            )
        else:
            print(_dump(plan, args.compact) if args.json else f"{render(plan)}\n")
        step(path)
    return 1 if failures else 0


def _write_csv(rows: list[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def _table(rows: list[dict[str, Any]], columns: list[str], out: TextIO) -> None:
    """A table for the terminal (rich), long cells folded."""
    if not rows:
        print("(no rows)", file=out)
        return
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for c in columns:
        table.add_column(c, overflow="fold", max_width=60)
    for r in rows:
        table.add_row(*(str(r.get(c) or "") for c in columns))
    Console(file=out, highlight=False, width=max(100, Console().width)).print(table)


def _load(args: argparse.Namespace) -> Corpus:
    if args.progress:
        return _load_with_bar(args)
    corpus = load(args.paths, backend=args.backend, ocr=args.ocr, **_corpus_options(args))
    _report_failures(corpus)
    return corpus


def _corpus_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "workers": args.workers,
        "cache": args.cache,
        "timeout": args.timeout,
        "limits": _limits(args),
    }


def _limits(args: argparse.Namespace) -> Limits:
    """The limits the options set; 0 turns one off."""

    def given(value: float, scale: float = 1) -> Any:
        return None if value == 0 else type(value)(value * scale)

    return Limits(
        max_bytes=given(args.max_mb, MB),
        max_pages=given(args.max_pages),
        max_unpacked=given(args.max_unpacked_mb, MB),
        max_seconds=given(args.max_seconds),
    )


def _report_failures(corpus: Corpus) -> None:
    for f in corpus.failures:
        print(f"plancorpus: cannot read {f.path} ({f.stage}): {f.reason}", file=sys.stderr)
    if corpus.files > 1:
        print(f"plancorpus: {corpus.summary()}", file=sys.stderr)


def cmd_cite(args: argparse.Namespace) -> int:
    corpus = _load(args)
    plans = corpus.plans
    if args.matrix:
        keys, rows = citation_matrix(plans)
        columns = ["source", *keys]
    else:
        rows = citation_rows(plans)
        columns = (
            CITATION_COLUMNS
            if args.csv
            else ["source", "key", "doc_type", "date", "issuer", "raw", "defects"]
        )
        for r in rows:
            r["source"] = Path(r["source"]).name if not args.csv else r["source"]
    _emit(rows, columns, args.csv)
    if args.check:
        _print_findings(citation_findings(plans))
    return 1 if corpus.failures else 0


def _emit(rows: list[dict[str, Any]], columns: list[str], csv_path: str | None) -> None:
    """Rows as CSV (to a file, or stdout for "-") or as a table on the terminal."""
    if not csv_path:
        _table(rows, columns, sys.stdout)
    elif csv_path == "-":
        _write_csv(rows, columns, sys.stdout)
    else:
        with open(csv_path, "w", newline="", encoding="utf-8") as fh:
            _write_csv(rows, columns, fh)
        print(f"plancorpus: wrote {len(rows)} rows to {csv_path}", file=sys.stderr)


def cmd_cascade(args: argparse.Namespace) -> int:
    corpus = _load(args)
    found = cascade(corpus.plans)
    if args.directive:
        several = found.candidates(args.directive)
        if len(several) > 1:
            print(
                f"plancorpus: {len(several)} documents are numbered {args.directive}: "
                f"{', '.join(several)}; showing {found.resolve(args.directive)} "
                "(give the year in brackets to choose)",
                file=sys.stderr,
            )
        table = found.implementers(args.directive)
        if table.empty:
            print(
                f"plancorpus: nothing in these plans carries out {args.directive}", file=sys.stderr
            )
    else:
        table = found.edges()
    rows = [{k: _cell(v) for k, v in r.items()} for r in table.to_dict("records")]
    columns = list(table.columns)
    if not args.csv:
        columns = [c for c in _CASCADE_SHOWN if c in columns]
        for r in rows:
            for name in ("document", "carried_out_by", "directive"):
                if name in r and Path(str(r[name])).is_file():
                    r[name] = Path(str(r[name])).name
    _emit(rows, columns, args.csv)
    return 1 if corpus.failures else 0


def _cell(value: Any) -> Any:
    """A table cell: nothing for a missing value, whole numbers without ".0"."""
    if value is None or value != value:  # None or NaN
        return ""
    return int(value) if isinstance(value, float) and value.is_integer() else value


# the terminal shows these (the CSV has every column)
_CASCADE_SHOWN = (
    "directive", "directive_level", "carried_out_by", "document", "step", "level", "issuer",
    "via", "date", "lag_days",
)  # fmt: skip


def _print_findings(findings: list[Finding]) -> None:
    print(f"\n{len(findings)} findings", file=sys.stdout)
    for finding in findings:
        print(f"- [{finding.kind}] {finding.message}")
        for p in finding.places:
            where = f"{Path(p.source).name}"
            if p.section:
                where += f" {p.section}"
            if p.span is not None:
                where += f" @{p.span.start}" + (f" p.{p.span.page}" if p.span.page else "")
            print(f"    {where}: {p.raw}")


def cmd_check(args: argparse.Namespace) -> int:
    corpus = _load(args)
    findings = check(corpus.plans)
    if args.json:
        for finding in findings:
            print(finding.model_dump_json())
    else:
        _print_findings(findings)
    return 1 if corpus.failures else 0


def _progress_bar() -> Progress:
    """A progress bar on stderr (files done, time spent and left), gone when finished."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    return Progress(*columns, console=Console(stderr=True), transient=True)


def _load_with_bar(args: argparse.Namespace) -> Corpus:
    """Parse every file under the paths with a progress bar on stderr (rate, time left)."""
    with _progress_bar() as bar:
        task = bar.add_task("reading", total=None)

        def step(n: int, total: int, path: Path) -> None:
            bar.update(task, total=total, completed=n, description=f"read {path.name}")

        options = _corpus_options(args)
        corpus = load(args.paths, progress=step, backend=args.backend, ocr=args.ocr, **options)
    _report_failures(corpus)
    return corpus


def cmd_dups(args: argparse.Namespace) -> int:
    corpus = _load_with_bar(args)
    found = near_duplicates(corpus.plans, threshold=args.threshold)
    if args.csv:
        family_of = {m: f.id for f in found.families for m in f.members}
        rows = [{**p.model_dump(), "family": family_of.get(p.a, "")} for p in found.pairs]
        columns = ["a", "b", "jaccard", "containment", "family"]
        if args.csv == "-":
            _write_csv(rows, columns, sys.stdout)
        else:
            with open(args.csv, "w", newline="", encoding="utf-8") as fh:
                _write_csv(rows, columns, fh)
            print(f"plancorpus: wrote {len(rows)} pairs to {args.csv}", file=sys.stderr)
    if args.json:
        print(found.model_dump_json(indent=2))
    elif args.csv != "-":
        print_duplicates(found)
    return 1 if corpus.failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Plans are written as they are parsed and not kept: memory stays flat."""
    options = _corpus_options(args)
    counts, corpus = export_files(
        args.paths, args.to, backend=args.backend, ocr=args.ocr, **options
    )
    _report_failures(corpus)
    rows = ", ".join(f"{n} {table}" for table, n in counts.items())
    print(f"plancorpus: wrote {args.to}/<table>.parquet and .jsonl: {rows}", file=sys.stderr)
    return 1 if corpus.failures else 0


def _diff_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "ignore_case": args.ignore_case,
        "ignore_punctuation": args.ignore_punctuation,
        "ignore_numbering": args.ignore_numbering,
        "ignore_whitespace": not args.whitespace,
        "granularity": args.granularity,
    }


def cmd_diff(args: argparse.Namespace) -> int:
    try:
        a = parse(args.a, backend=args.backend, ocr=args.ocr, limits=_limits(args))
        b = parse(args.b, backend=args.backend, ocr=args.ocr, limits=_limits(args))
    except OSError as exc:
        print(f"plancorpus: cannot read {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    diff = compare(a, b, **_diff_options(args))
    if args.html:
        Path(args.html).write_text(render(diff, "html"), encoding="utf-8")
        print(f"plancorpus: wrote the HTML report to {args.html}", file=sys.stderr)
    if args.json:
        print(render(diff, "json"))
    elif args.md:
        print(render(diff, "markdown"))
    elif not args.html:
        print_diff(diff)  # coloured on a terminal, plain marks otherwise
    return 0


def _limit_options(p: argparse.ArgumentParser) -> None:
    """What one document may cost; over a limit, its plan is failed with the reason."""
    lim = Limits()
    g = p.add_argument_group("limits per document (0 turns one off)")
    g.add_argument(
        "--max-mb",
        type=int,
        default=(lim.max_bytes or 0) // MB,
        help="file size (default %(default)s)",
    )
    g.add_argument(
        "--max-pages", type=int, default=lim.max_pages or 0, help="PDF pages (default %(default)s)"
    )
    g.add_argument(
        "--max-unpacked-mb",
        type=int,
        default=(lim.max_unpacked or 0) // MB,
        help="size a DOCX inflates to (default %(default)s)",
    )
    g.add_argument(
        "--max-seconds",
        type=float,
        default=lim.max_seconds or 0,
        help="time to read and parse one document (default %(default)s)",
    )


def _corpus_arguments(p: argparse.ArgumentParser) -> None:
    """The arguments of every command that reads a corpus: paths, workers, cache, time
    limit, progress."""
    p.add_argument("paths", nargs="+", help="document files, or folders to read recursively")
    p.add_argument("--workers", type=int, help="processes that parse (default: one per core)")
    p.add_argument(
        "--cache",
        metavar="PATH",
        help="keep parsed plans in this folder or SQLite file; "
        "a rerun parses only new or changed files",
    )
    p.add_argument(
        "--timeout",
        type=float,
        help="seconds before a worker that has not answered is killed and its file counts "
        "as a failure (default: --max-seconds plus 60)",
    )
    p.add_argument("--progress", action="store_true", help="show a progress bar on stderr")


def _reading_options(p: argparse.ArgumentParser) -> None:
    _limit_options(p)
    p.add_argument(
        "--backend",
        choices=["pdfium", "pdfplumber"],
        default="pdfium",
        help="PDF text back-end (default: pdfium, the fast one)",
    )
    ocr = p.add_mutually_exclusive_group()
    ocr.add_argument(
        "--ocr",
        dest="ocr",
        action="store_true",
        default=None,
        help="OCR scanned PDFs (the default when Tesseract with Vietnamese is installed)",
    )
    ocr.add_argument(
        "--no-ocr",
        dest="ocr",
        action="store_false",
        help="do not OCR scans; report them as 'scanned: needs OCR'",
    )


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
    p.add_argument("--progress", action="store_true", help="show a progress bar on stderr")
    _reading_options(p)
    p.set_defaults(func=cmd_parse)

    c = sub.add_parser(
        "cite",
        help="list the documents each plan cites",
        description="One row per (plan, citation), or a plans × directives "
        "matrix; --check adds what looks wrong.",
    )
    c.add_argument("--csv", metavar="FILE", help="write CSV to FILE ('-' for stdout)")
    c.add_argument(
        "--matrix",
        action="store_true",
        help="a plans × cited directives table (number of mentions)",
    )
    c.add_argument(
        "--check",
        action="store_true",
        help="report conflicting dates or issuers, dates against codes, unknown "
        "issuer codes, citations dated after the plan",
    )
    _corpus_arguments(c)
    _reading_options(c)
    c.set_defaults(func=cmd_cite)

    a = sub.add_parser(
        "cascade",
        help="which plans carry out which directives, and how long they took",
        description="The cascade of the plans under the paths: each document and the plans "
        "that carry it out (from their titles, 'Thực hiện' clauses and opening sentences, and "
        "from descriptions such as 'Kế hoạch số 92-KH/TU … thực hiện Chỉ thị số 05-CT/TW'), "
        "with the issuer's level and the lag in days. With --directive, who carried out that "
        "document, step by step down the cascade.",
    )
    a.add_argument("--directive", metavar="KEY", help="a cited document's key, e.g. 05-CT/TW")
    a.add_argument("--csv", metavar="FILE", help="write the table as CSV ('-' for stdout)")
    _corpus_arguments(a)
    _reading_options(a)
    a.set_defaults(func=cmd_cascade)

    k = sub.add_parser(
        "check",
        help="what looks wrong in each plan: citations, dates, numbering, wording",
        description="Every check on the plans under the paths: citation conflicts across them, "
        "then each plan's own text. Findings are evidence to look at, not verdicts.",
    )
    k.add_argument("--json", action="store_true", help="one JSON finding per line")
    _corpus_arguments(k)
    _reading_options(k)
    k.set_defaults(func=cmd_check)

    d = sub.add_parser(
        "diff",
        help="compare two plans section by section",
        description="Compare plan A (the source, or the earlier one) with plan B: aligned "
        "sections with inline changes, header fields, citations, consistent substitutions "
        "and findings.",
    )
    d.add_argument("a", help="the first (source) document")
    d.add_argument("b", help="the second document")
    d.add_argument("--html", metavar="FILE", help="write a self-contained HTML report to FILE")
    out = d.add_mutually_exclusive_group()
    out.add_argument("--md", action="store_true", help="print Markdown")
    out.add_argument("--json", action="store_true", help="print the PlanDiff as JSON")
    d.add_argument("--ignore-case", action="store_true", help="upper and lower case are equal")
    d.add_argument(
        "--ignore-punctuation", action="store_true", help="leave punctuation out of the diff"
    )
    d.add_argument(
        "--ignore-numbering",
        action="store_true",
        help="align sections by content alone; a new label is no change",
    )
    d.add_argument(
        "--whitespace",
        action="store_true",
        help="count changes of white space (ignored by default)",
    )
    d.add_argument(
        "--granularity",
        choices=["syllable", "word", "sentence"],
        default="word",
        help="unit of the inline changes (default: word, syllables grouped by word segmentation)",
    )
    _reading_options(d)
    d.set_defaults(func=cmd_diff)

    u = sub.add_parser(
        "dups",
        help="near-duplicate plans and the template families they form",
        description="Find pairs of plans whose exact similarity (Jaccard of word 3-grams, "
        "the corpus's boilerplate left out) reaches the threshold, and the families they "
        "form, each with its lineage (which plan most likely derives from which).",
    )
    u.add_argument(
        "--threshold", type=float, default=0.8, help="least similarity of a pair (default 0.8)"
    )
    u.add_argument("--csv", metavar="FILE", help="write the pairs as CSV to FILE ('-': stdout)")
    u.add_argument("--json", action="store_true", help="print the result as JSON")
    _corpus_arguments(u)
    _reading_options(u)
    u.set_defaults(func=cmd_dups)

    e = sub.add_parser(
        "export",
        help="write the corpus's tables as Parquet and JSON lines",
        description="Parse the documents and write plans, sections, citations, signers, "
        "recipients, dates and findings, one file of each kind per table.",
    )
    e.add_argument("--to", required=True, metavar="DIR", help="folder to write the tables to")
    _corpus_arguments(e)
    _reading_options(e)
    e.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        # the reader went away ("plancorpus parse … | head"): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
