"""The `sitrep` command: thin shells over library functions.

Each command parses options, calls one library function and formats the result. User
errors print one line to stderr and exit 2; internal errors exit 1 (set SITREP_DEBUG=1
for the traceback). Heavy modules are imported inside commands so `sitrep --help` is fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from sitrep.errors import SitrepError
from sitrep.settings import Settings

if TYPE_CHECKING:
    from sitrep.models import Record, Skipped
    from sitrep.store import EventFilter, Store

app = typer.Typer(
    help="sitrep: raw news pages in, a sourced, geolocated, verification-aware record of conflict events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Manage the offline gazetteer.", no_args_is_help=True)
token_app = typer.Typer(help="Manage API tokens for the REST API's write endpoints.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(token_app, name="token")


class _State:
    overrides: dict[str, Any] = {}
    config: str | None = None

    def settings(self, **more: Any) -> Settings:
        return Settings.load({**self.overrides, **more}, self.config)


state = _State()


@app.callback()
def _root(
    db: str = typer.Option(None, "--db", help="Database URL (default sqlite:///sitrep.db; env SITREP_DATABASE_URL)."),
    config: str = typer.Option(None, "--config", help="Settings file (TOML; default ./sitrep.toml)."),
) -> None:
    state.overrides = {"database_url": db}
    state.config = config


def _echo(text: str) -> None:
    typer.echo(text)


def _err(text: str) -> None:
    typer.echo(text, err=True)


def _open_store(settings: Settings) -> Store:
    from sitrep.store import Store

    return Store.open(settings)


def _filters(since: str | None, until: str | None, country: str | None, type_: str | None, status: str | None,
             actor: str | None, limit: int | None) -> EventFilter:  # fmt: skip
    from sitrep.store import EventFilter

    return EventFilter(since=since, until=until, country=country, event_type=type_, status=status, actor=actor, limit=limit)


def _dump(obj: Any) -> str:
    import orjson

    return orjson.dumps(obj, default=str, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


# --------------------------------------------------------------------------- pipeline


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One record per line (for many inputs)."),
    pretty: bool = typer.Option(False, "--pretty", help="A human summary: headline, outlet, events and claims tables."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private/loopback addresses."),
) -> None:
    """Run the whole pipeline and print the record(s) as JSON. Stores nothing."""
    from sitrep.pipeline import run
    from sitrep.report import pretty_record

    settings = state.settings(allow_private=allow_private or None)
    failed = _emit(run(inputs, settings), jsonl=jsonl, pretty=pretty, render=pretty_record)
    raise typer.Exit(2 if failed else 0)


@app.command()
def clean(
    inputs: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    jsonl: bool = typer.Option(False, "--jsonl", help="One record per line."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private/loopback addresses."),
) -> None:
    """Clean only: body, removed boilerplate and metadata, without the NLP."""
    from sitrep.pipeline import CLEAN_STAGES, run

    settings = state.settings(allow_private=allow_private or None)
    failed = _emit(run(inputs, settings, stages=CLEAN_STAGES), jsonl=jsonl, pretty=False, render=None, clean_only=True)
    raise typer.Exit(2 if failed else 0)


def _emit(items: Any, *, jsonl: bool, pretty: bool, render: Any, clean_only: bool = False) -> int:
    """Print records as they come; report skipped inputs on stderr. Returns the number skipped."""
    from sitrep.models import Skipped

    records: list[Any] = []
    failed = 0
    for item in items:
        if isinstance(item, Skipped):
            _err(f"{item.uri}: {item.reason}")
            failed += 1
            continue
        data = item.to_json_dict()
        if clean_only:
            data = {k: data[k] for k in ("id", "source", "article", "body", "removed")}
        if pretty:
            _echo(render(item) + "\n")
        elif jsonl:
            _echo(_dump(data))
        else:
            records.append(data)
    if records:
        import json

        _echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    return failed


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories (walked), feeds, WARC, JSONL, URLs, or -."),
    follow: bool = typer.Option(False, "--follow", help="For feeds: fetch the linked pages."),
    workers: int = typer.Option(None, "--workers", help="Processes for the NLP (default: setting `workers`)."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private/loopback addresses."),
    dask: str = typer.Option(None, "--dask", help="Run the NLP on Dask: 'local' or a scheduler address (tcp://host:8786)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary line."),
) -> None:
    """Process inputs and store the results. Re-ingesting the same content is a no-op."""
    from sitrep.batch.local import ingest as run_ingest
    from sitrep.models import Skipped

    settings = state.settings(workers=workers, allow_private=allow_private or None)
    store = _open_store(settings)

    def progress(item: Record | Skipped, status: str) -> None:
        if isinstance(item, Skipped):
            _err(f"skipped {item.uri}: {item.reason}")
        elif not quiet:
            _err(f"{status:>9}  {item.source.uri}  ({len(item.events)} events)")

    if dask:
        from sitrep.batch.dask import ingest_on_dask

        report = ingest_on_dask(inputs, settings, store, dask, follow=follow, on_item=progress)
    else:
        report = run_ingest(inputs, settings, store, follow=follow, on_item=progress)
    _echo(report.summary())
    raise typer.Exit(2 if report.skipped and not (report.stored or report.duplicates) else 0)


# --------------------------------------------------------------------------- reading the store


@app.command()
def events(
    since: str = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    country: str = typer.Option(None, help="Country name or ISO code."),
    type_: str = typer.Option(None, "--type", help="ACLED event type or sub-event type."),
    status: str = typer.Option(None, help="confirmed | unconfirmed | disputed | reported"),
    actor: str = typer.Option(None, help="Any actor containing this text."),
    limit: int = typer.Option(None, help="At most this many events."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a table."),
) -> None:
    """List stored events, newest first."""
    from sitrep.report import events_table

    store = _open_store(state.settings())
    rows = store.events(_filters(since, until, country, type_, status, actor, limit))
    _echo(_dump(rows) if as_json else events_table(rows))


@app.command()
def show(
    event_id: str = typer.Argument(..., help="An event id from `sitrep events`."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of text."),
) -> None:
    """One event with its evidence sentences, sources, claims and contradictions."""
    from sitrep.errors import InputError
    from sitrep.report import pretty_event

    ev = _open_store(state.settings()).event(event_id)
    if ev is None:
        raise InputError(f"no event with id '{event_id}'. List ids with `sitrep events`.")
    _echo(_dump(ev) if as_json else pretty_event(ev))


@app.command()
def report() -> None:
    """The situation report: counts, places, the latest events, disagreements."""
    from sitrep.report import situation_report

    store = _open_store(state.settings())
    _echo(situation_report(store.events(), store.stats()))


@app.command()
def split(
    mention_id: str = typer.Argument(..., help="A report id (`<article id>:<event id>`, from `sitrep show --json`)."),
    author: str = typer.Option("analyst", help="Who made the decision."),
) -> None:
    """Take one report out of its fused event into an event of its own (kept on re-processing)."""
    _echo(_open_store(state.settings()).split(mention_id, author=author))


@app.command()
def merge(
    keep_id: str = typer.Argument(..., help="The event to keep."),
    other_id: str = typer.Argument(..., help="The event folded into it."),
    author: str = typer.Option("analyst", help="Who made the decision."),
) -> None:
    """Fold one event into another (kept on re-processing)."""
    _open_store(state.settings()).merge(keep_id, other_id, author=author)
    _echo(keep_id)


@app.command("rebuild-events")
def rebuild_events() -> None:
    """Re-fuse every report from scratch (after the matching rules change); analysts' splits and merges stay."""
    n = _open_store(state.settings()).rebuild()
    _echo(f"{n} events")


@app.command()
def export(
    format: str = typer.Option("acled-csv", "--format", "-f", help="acled-csv | geojson | jsonl"),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    since: str = typer.Option(None, help="From this date (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Up to this date (YYYY-MM-DD)."),
    country: str = typer.Option(None, help="Country name or ISO code."),
    type_: str = typer.Option(None, "--type", help="ACLED event type or sub-event type."),
    status: str = typer.Option(None, help="confirmed | unconfirmed | disputed | reported"),
    actor: str = typer.Option(None, help="Any actor containing this text."),
) -> None:
    """Write stored events as ACLED-compatible CSV, GeoJSON or JSONL."""
    from sitrep.export import FORMATS, export_events

    if format not in FORMATS:
        from sitrep.errors import InputError

        raise InputError(f"unknown format '{format}'. Available formats: {', '.join(FORMATS)}")
    store = _open_store(state.settings())
    f = _filters(since, until, country, type_, status, actor, None)
    if output is None:
        n = export_events(store, format, sys.stdout, f)
    else:
        tmp = output.with_name(output.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            n = export_events(store, format, fh, f)
        tmp.replace(output)
    _err(f"{n} events written" + (f" to {output}" if output else ""))


@app.command()
def demo(
    samples: Path = typer.Option(None, help="Pages to ingest (default: the bundled samples)."),
    serve_ui: bool = typer.Option(False, "--serve/--no-serve", help="Then serve the web UI on the result."),
    port: int = typer.Option(8000, help="Port for --serve (on 127.0.0.1)."),
) -> None:
    """The main job on the embedded default: ingest the bundled sample pages, print the situation report."""
    from sitrep.batch.local import ingest as run_ingest
    from sitrep.report import situation_report
    from sitrep.samples import samples_dir

    settings = state.settings()
    store = _open_store(settings)
    rep = run_ingest([str(samples or samples_dir())], settings, store)
    _err(f"{store.url}: {rep.summary()}")
    _echo(situation_report(store.events(), store.stats()))
    if serve_ui:
        from sitrep.serve import run_server

        _err(f"\nsitrep: open http://127.0.0.1:{port}/ for the map, timeline and evidence views (Ctrl-C to stop)")
        run_server(settings, "127.0.0.1", port)


@app.command("eval")
def eval_(
    news_dev: Path = typer.Argument(..., help="A news-dev folder: articles/NNN.txt, meta/NNN.json, gold/NNN.json."),
    corrections: Path = typer.Option(None, help="Folder of reviewed gold corrections (NNN.json) applied on top of gold/."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of a text report."),
) -> None:
    """Score extraction against gold: events P/R/F1, per-field accuracy, claims, entities."""
    from sitrep.errors import InputNotFound
    from sitrep.evaluate import evaluate_news_dev, format_report

    if not (news_dev / "gold").is_dir() or not (news_dev / "articles").is_dir():
        raise InputNotFound("needs articles/ and gold/ folders", input=str(news_dev))
    report = evaluate_news_dev(news_dev, corrections)
    _echo(_dump(report.as_dict()) if as_json else format_report(report))


@app.command()
def geoparse(
    input: str = typer.Argument(..., help="A text file, or - for stdin."),
    spans: Path = typer.Option(None, "--spans", help='JSON list of {"start", "end"}: resolve only these spans, in context.'),
) -> None:
    """Every toponym in a text, resolved against the offline gazetteer, as JSON."""
    from sitrep.ingest.text_input import read_span_file, read_text_input
    from sitrep.resolve.geocode import geoparse as run_geoparse

    text = read_text_input(input)
    given = None
    if spans is not None:
        given = read_span_file(spans)
    toponyms = run_geoparse(text, state.settings(), given)
    _echo(_dump([t.model_dump() for t in toponyms]))


@gazetteer_app.command("import")
def gazetteer_import(
    file: Path = typer.Argument(..., help="A GeoNames dump: allCountries.zip, XX.zip, cities500.zip, alternateNamesV2.zip or .txt."),
    kind: str = typer.Option(None, "--kind", help="geoname | alternatenames (default: detected from the file)."),
) -> None:
    """Load a full GeoNames dump into the store (streamed; the old gazetteer stays usable on error)."""
    from sitrep.resolve.gazetteer import import_geonames

    store = _open_store(state.settings())
    rep = import_geonames(file, store.engine, kind=kind)
    _echo(f"{file}: {rep.rows} rows read, {rep.places} places, {rep.names} names, {rep.skipped} skipped "
          f"in {rep.seconds:.1f} s ({rep.rows_per_second:,.0f} rows/s)")  # fmt: skip


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="uvicorn worker processes."),
) -> None:
    """Serve the REST API and the web UI (map, timeline, evidence)."""
    from sitrep.serve import run_server

    settings = state.settings()
    _err(f"sitrep: serving {settings.database_url} at http://{host}:{port}/ (API docs at /docs); Ctrl-C to stop")
    run_server(settings, host, port, workers=workers)


@token_app.command("create")
def token_create(name: str = typer.Argument(..., help="Who the token is for (shown in corrections).")) -> None:
    """Create an API token for write endpoints; it is printed once and stored hashed."""
    from sitrep.store.tokens import create_token

    _echo(create_token(_open_store(state.settings()).engine, name))


@token_app.command("list")
def token_list() -> None:
    """List token names and when they were created (never the tokens)."""
    from sitrep.store.tokens import list_tokens

    for t in list_tokens(_open_store(state.settings()).engine):
        _echo(f"{t['name']}\t{t['created_at']}")


@token_app.command("revoke")
def token_revoke(name: str = typer.Argument(..., help="The token's name.")) -> None:
    """Revoke a token by name."""
    from sitrep.errors import InputError
    from sitrep.store.tokens import revoke_token

    if not revoke_token(_open_store(state.settings()).engine, name):
        raise InputError(f"no token named '{name}'. See `sitrep token list`.")
    _echo(f"revoked {name}")


def main() -> None:
    """Entry point: run the app, turning sitrep's errors into one line and an exit code."""
    try:
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except SitrepError as e:
        _err(f"error: {e.one_line()}")
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        _err("aborted")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except Exception as e:  # the one place that catches everything: no traceback for users
        if hasattr(e, "show") and hasattr(e, "exit_code"):  # click's usage errors (typer vendors click)
            e.show()
            sys.exit(e.exit_code)
        if os.environ.get("SITREP_DEBUG"):
            raise
        _err(f"internal error: {e.__class__.__name__}: {e} (set SITREP_DEBUG=1 for the traceback)")
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
