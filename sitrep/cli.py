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
