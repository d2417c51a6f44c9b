"""The ``kg`` command: parses options, calls one library function, renders, picks the exit code.

Exit codes: 0 the export conforms, 1 it does not (or ``--strict`` and a problem
was found), 2 usage or input error.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.ingest import READERS
from kg.ingest.mapping import load_mapping
from kg.pipeline.limits import DEFAULT_MAX_BYTES, DEFAULT_TIME_LIMIT, ReadOptions
from kg.pipeline import EXIT_INPUT, export
from kg.pipeline.engine import ENGINES, EngineError
from kg.progress import Progress
from kg.reconcile.mint import DEFAULT_BASE


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="kg", description="Turn diplomatic archival documents into a validated linked-data knowledge graph."
    )
    main.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = commands.add_parser("export", help="export documents to RDF, a validation report and an actor graph")
    ex.add_argument("paths", nargs="*", type=Path, default=[Path("examples")], metavar="PATH",
                    help="files and folders of documents (default: examples/)")
    ex.add_argument("--out", type=Path, default=Path("output"), metavar="DIR", help="export folder (default: output/)")
    ex.add_argument("--base", default=DEFAULT_BASE, metavar="IRI", help=f"base of minted IRIs (default: {DEFAULT_BASE})")
    ex.add_argument("--format", choices=sorted(READERS), help="force a reader instead of choosing by content")
    ex.add_argument("--mapping", type=Path, metavar="FILE",
                    help="column mapping (TOML) for metadata spreadsheets (CSV, TSV, XLSX, JSON lines)")
    ex.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                    help="the column holding FIELD in metadata spreadsheets, e.g. senders=Absender; may be repeated")
    ex.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                    help=f"seconds one file may take to be read (default {DEFAULT_TIME_LIMIT:g}; 0: no limit)")
    ex.add_argument("--max-file-size", type=float, default=DEFAULT_MAX_BYTES / 2**20, metavar="MB",
                    help=f"largest file read, in MB (default {DEFAULT_MAX_BYTES / 2**20:g}; 0: no limit)")
    ex.add_argument("--licence", metavar="IRI",
                    help="licence of the exported data, stated in void.ttl and letters.cmif.xml "
                         "(e.g. https://creativecommons.org/licenses/by/4.0/)")
    ex.add_argument("--authority", type=Path, action="append", default=[], metavar="FILE",
                    help="extra authority file (TOML), may be repeated")
    ex.add_argument("--overrides", type=Path, action="append", default=[], metavar="FILE",
                    help="overrides file (TOML) forcing a form to denote an actor; may be repeated")
    ex.add_argument("--batch-size", type=int, default=200, metavar="N", help="documents per SHACL batch (default: 200)")
    ex.add_argument("--lean", action="store_true",
                    help="leave the mention annotations out of graph.ttl (they stay in graph.trig and graph.nq)")
    ex.add_argument("--strict", action="store_true", help="exit 1 on any problem or warning, not only violations")
    ex.add_argument("-j", "--jobs", type=int, metavar="N",
                    help="worker processes (default: every core; 1 runs everything in this process)")
    ex.add_argument("--engine", choices=sorted(ENGINES), default="local",
                    help="where the per-document work runs: local processes (default) or a Dask cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="the Dask scheduler to use with --engine dask, e.g. tcp://10.0.0.5:8786 "
                         "(default: a local cluster of --jobs workers)")
    ex.add_argument("--incremental", action="store_true",
                    help="keep a cache in OUT/.kg-cache and redo only new or changed documents")
    ex.add_argument("-q", "--quiet", action="store_true", help="print only the summary line (no progress bar)")
    ev = commands.add_parser("evaluate", help="score the extraction against gold files or FRUS annotations")
    ev.add_argument("paths", nargs="*", type=Path, default=[Path("examples")], metavar="DOC",
                    help="documents to score against --gold (default: examples/)")
    source = ev.add_mutually_exclusive_group(required=True)
    source.add_argument("--gold", type=Path, metavar="DIR", help="folder of gold JSON files (same stems as the documents)")
    source.add_argument("--frus", type=Path, metavar="DIR", help="folder of FRUS TEI volumes: score person extraction")
    ev.add_argument("--markup", action="store_true",
                    help="with --frus: read the volumes with the FRUS reader, using their TEI markup")
    ev.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="score only one half of the gold split in DIR/split.json (default: all)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    qu = commands.add_parser("query", help="run SPARQL against an export or a store (read-only)")
    qu.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, a .rq file, or a catalogue query name")
    where = qu.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, metavar="DIR", help="an on-disk store made by kg load")
    where.add_argument("--export", type=Path, metavar="DIR", help="an export folder (default: output/)")
    qu.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table",
                    help="table (default), csv, tsv or SPARQL results json")
    qu.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                    help="bind a query variable to a value (a VALUES block); may be repeated")
    qu.add_argument("--list", action="store_true", help="list the catalogue queries, one per line with its question")
    lo = commands.add_parser("load", help="load an export into an embedded store or a Graph Store endpoint")
    lo.add_argument("export", type=Path, metavar="EXPORT_DIR", help="an export folder (holding graph.nq)")
    target = lo.add_mutually_exclusive_group(required=True)
    target.add_argument("--store", type=Path, metavar="DIR", help="an on-disk embedded store (created if missing)")
    target.add_argument("--endpoint", metavar="URL", help="a SPARQL 1.1 Graph Store HTTP Protocol endpoint")
    lo.add_argument("--user", help="user name for the endpoint (HTTP digest or basic)")
    lo.add_argument("--password", help="password for the endpoint")
    vz = commands.add_parser("viz", help="the interactive actor map of an export (actors.html)")
    vz.add_argument("export", nargs="?", type=Path, default=Path("output"), metavar="EXPORT_DIR",
                    help="an export folder (default: output/)")
    vz.add_argument("--measure", default="pagerank",
                    choices=("pagerank", "betweenness", "weighted_in_degree", "weighted_out_degree", "documents"),
                    help="what sizes the actors (default: pagerank)")
    vz.add_argument("--format", choices=("html", "png", "svg"), default="html",
                    help="html: the interactive map (default); png or svg: a static picture for papers and slides")
    gr = commands.add_parser("graph", help="the actor network of an export: a time slice, or its measures")
    gr.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day of the slice")
    gr.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day of the slice")
    gr.add_argument("--export", type=Path, default=Path("output"), metavar="DIR",
                    help="the export folder to read actors.json from and write the slice to (default: output/)")
    graph_commands = gr.add_subparsers(dest="graph_command", required=False, metavar="GRAPH_COMMAND")
    st = graph_commands.add_parser("stats", help="per-actor measures, printed and written to actors-metrics.csv")
    st.add_argument("export", nargs="?", type=Path, default=Path("output"), metavar="EXPORT_DIR",
                    help="an export folder (default: output/)")
    st.add_argument("--sample-above", type=int, default=2000, metavar="N",
                    help="sample betweenness from N pivots when there are more than N actors (default: 2000)")
    return main


def viz(args: argparse.Namespace) -> int:
    """``kg viz``: the interactive map, one self-contained HTML file in the export folder."""
    from kg.export.atomic import Staging
    from kg.network import read_json
    from kg.network.html import render_html

    source = args.export / "actors.json"
    if not source.is_file():
        print(f"kg: error: {args.export} holds no actors.json; run kg export first", file=sys.stderr)
        return EXIT_INPUT
    from kg.network.picture import render_png, render_svg

    graph = read_json(source.read_bytes())
    renderers = {"html": lambda: render_html(graph, measure=args.measure).encode("utf-8"),
                 "svg": lambda: render_svg(graph, args.measure).encode("utf-8"),
                 "png": lambda: render_png(graph, args.measure)}
    name = f"actors.{args.format}"
    with Staging(args.export) as stage:
        stage.write(name, renderers[args.format]())
        stage.commit()
    print(f"wrote {args.export}/{name}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} relations"
          + ("; open it in a browser (it works offline)" if args.format == "html" else ""))
    return 0


def graph(args: argparse.Namespace) -> int:
    """``kg graph --from --to``: a time slice of the actor graph; ``kg graph stats``: the measures."""
    if args.graph_command == "stats":
        return graph_stats(args)
    from kg import network
    from kg.export.atomic import Staging

    if not (args.start and args.end) or not all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in (args.start, args.end)):
        print("kg: error: give the slice as --from YYYY-MM-DD --to YYYY-MM-DD, or use kg graph stats", file=sys.stderr)
        return EXIT_INPUT
    source = args.export / "actors.json"
    if not source.is_file():
        print(f"kg: error: {args.export} holds no actors.json; run kg export first", file=sys.stderr)
        return EXIT_INPUT
    sliced = network.time_slice(network.read_json(source.read_bytes()), args.start, args.end)
    stem = f"actors-{args.start}--{args.end}"
    with Staging(args.export) as stage:
        for suffix, (write, _) in network.FORMATS.items():
            stage.write(f"{stem}.{suffix}", write(sliced))
        stage.commit()
    print(f"{sliced.number_of_nodes()} actors and {sliced.number_of_edges()} relations from {args.start} to "
          f"{args.end}: {args.export}/{stem}.graphml, .gexf, .json")
    return 0


def graph_stats(args: argparse.Namespace) -> int:
    """``kg graph stats``: measures of every actor, as a table and as actors-metrics.csv."""
    from kg.export.atomic import Staging
    from kg.network import read_json
    from kg.network.measures import actor_metrics

    source = args.export / "actors.json"
    if not source.is_file():
        print(f"kg: error: {args.export} holds no actors.json; run kg export first", file=sys.stderr)
        return EXIT_INPUT
    metrics = actor_metrics(read_json(source.read_bytes()), args.sample_above)
    with Staging(args.export) as stage:
        stage.write("actors-metrics.csv", metrics.csv())
        stage.commit()
    shown = ("label", "type", "in_degree", "out_degree", "weighted_out_degree", "betweenness", "pagerank",
             "community", "documents")
    rows = sorted(metrics.rows, key=lambda r: (-float(r["pagerank"]), str(r["label"])))
    widths = [max(len(name), *(len(str(r[name])) for r in rows)) if rows else len(name) for name in shown]
    print("  ".join(n.ljust(w) for n, w in zip(shown, widths)).rstrip())
    for r in rows:
        print("  ".join(str(r[n]).ljust(w) for n, w in zip(shown, widths)).rstrip())
    print(f"({len(rows)} actors; betweenness {metrics.betweenness}; written to {args.export}/actors-metrics.csv)")
    return 0


def query(args: argparse.Namespace) -> int:
    """``kg query``: list the catalogue, or answer one query."""
    from kg.query import bind, open_store, render, run
    from kg.query.catalogue import catalogue, resolve

    if args.list:
        for name, entry in catalogue().items():
            print(f"{name}\t{entry.question}")
        return 0
    if not args.query:
        print("kg: error: give a QUERY (SPARQL, a .rq file or a catalogue name), or --list", file=sys.stderr)
        return EXIT_INPUT
    bindings = dict(item.split("=", 1) for item in args.bind if "=" in item)
    if len(bindings) != len(args.bind):
        print("kg: error: --bind takes NAME=VALUE", file=sys.stderr)
        return EXIT_INPUT
    text = bind(resolve(args.query), bindings)
    print(render(run(open_store(args.store, args.export), text), args.format), end="")
    return 0


def load(args: argparse.Namespace) -> int:
    """``kg load``: an export into a store."""
    from kg.query.load import load_endpoint, load_store

    loaded = load_store(args.export, args.store) if args.store else \
        load_endpoint(args.export, args.endpoint, args.user, args.password)
    print(loaded.line())
    return 0


def evaluate(args: argparse.Namespace) -> int:
    """``kg evaluate``: print the scores table (or JSON)."""
    from kg.evaluate.frus_persons import evaluate_frus
    from kg.evaluate.gold import evaluate_gold

    folder = args.gold or args.frus
    if not folder.is_dir():
        print(f"kg: error: {folder} is not a folder", file=sys.stderr)
        return EXIT_INPUT
    if args.frus:
        frus = evaluate_frus(args.frus, markup=args.markup)
        print(json.dumps({f"{v}/{w}": c.__dict__ for (v, w), c in sorted(frus.counts.items())}) if args.json
              else frus.table(), end="" if not args.json else "\n")
        return 0
    scores = evaluate_gold(args.gold, args.paths, args.split)
    print(json.dumps(scores.as_dict(), indent=1) if args.json else scores.table(), end="" if not args.json else "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``kg`` command; SIGTERM (a scheduler's kill, a closed session) unwinds like Ctrl-C, so an
    interrupted export removes its staging folder and stops its workers."""
    if threading.current_thread() is not threading.main_thread():
        return _main(argv)
    previous = signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        return _main(argv)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    if args.command in ("evaluate", "query", "load", "graph", "viz"):
        try:
            return {"evaluate": evaluate, "query": query, "load": load, "graph": graph, "viz": viz}[args.command](args)
        except (ValueError, OSError) as err:
            print(f"kg: error: {err}", file=sys.stderr)
            return EXIT_INPUT
    for name, value in (("--batch-size", args.batch_size), ("--jobs", args.jobs)):
        if value is not None and value < 1:
            print(f"kg: error: {name} must be at least 1", file=sys.stderr)
            return EXIT_INPUT
    try:
        mapping = load_mapping(args.mapping).with_columns(args.column)
    except ValueError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    progress = Progress(0, enabled=False if args.quiet else None)
    try:
        result = export(args.paths, args.out, base=args.base, strict=args.strict, batch_size=args.batch_size,
                        format=args.format, authorities=args.authority, overrides=args.overrides,
                        lean=args.lean, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                        incremental=args.incremental, progress=progress, licence=args.licence,
                        reading=ReadOptions(mapping, args.time_limit or None,
                                            int(args.max_file_size * 2**20) or None))
    except (ValueError, OSError, EngineError) as err:
        progress.close()
        print(f"kg: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    if not args.quiet:
        for problem in result.problems:
            print(problem, file=sys.stderr)
    print(result.summary.line())
    if args.incremental:
        files, documents = result.redone
        print(f"incremental: read {files} of {result.summary.files} files, "
              f"rendered {documents} of {result.summary.documents} documents")
    if result.files:
        print(f"wrote {len(result.files)} files to {args.out}/ (details: {args.out}/report.txt)")
    return result.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
