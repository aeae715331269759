"""Ingest + clean throughput (pages/s) for HTML, plain text and WARC, with 1 and 2 processes,
and peak memory while streaming a WARC of 2,000 vs 10,000 records (it should stay flat).

Pages: the 348 HTML pages of ../shared/data/article-extraction (Zyte + trafilatura-eval English
subset) and the labelled text pages (tests/data/textpages + the real seed/news-dev pages), cycled.
"ingest + clean" = ``sitrep.ingest.read_inputs`` + the spine's first three stages (decode,
clean, dates). Rates are given as wall-clock pages/s and CPU-normalised pages/s (pages per CPU
second of the busiest process): the machine is shared, so the second is the capacity figure. Multi-process runs use a ``multiprocessing.Pool`` fed by the single reader; pool
start-up is excluded (workers are warmed on one page first). The WARC files are written with
warcio into a temporary directory from the same HTML pages and deleted afterwards. Peak memory
is the child process's ``ru_maxrss`` (each WARC streaming run in a fresh process).

Each row also prints the 1-minute load average before it ran (other jobs share the machine).

Run: .venv/bin/python benchmarks/bench_ingest_throughput.py [--records 10000] [--clean-records 2000] [--html-only]
(``--html-only``: only the HTML-files rows, 1 and 2 processes; ``--repeat N`` runs them N times)
"""

from __future__ import annotations

import argparse
import gzip
import io
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "article-extraction"
sys.path.insert(0, str(ROOT))

from sitrep.errors import SitrepError  # noqa: E402
from sitrep.ingest import read_inputs  # noqa: E402
from sitrep.models import RawDocument, Skipped  # noqa: E402
from sitrep.pipeline import CLEAN_STAGES, process  # noqa: E402
from sitrep.settings import Settings  # noqa: E402

SETTINGS = Settings()


def clean_one(raw: RawDocument) -> float:
    """Clean one page; return the CPU seconds it took in this process."""
    t0 = time.process_time()
    try:
        process(raw, SETTINGS, stages=CLEAN_STAGES)
    except SitrepError:
        pass
    return time.process_time() - t0


def html_pages() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted((DATA / "zyte-aeb" / "html").glob("*.gz"))]
    pages += [gzip.decompress(p.read_bytes()) for p in sorted((DATA / "trafilatura-eval" / "html").glob("*.gz"))]
    return pages


def text_pages() -> list[bytes]:
    pages = [p.read_bytes() for p in sorted((ROOT / "tests" / "data" / "textpages").glob("[0-9][0-9][0-9].txt"))]
    pages += [p.read_bytes() for p in sorted((SHARED / "data" / "news-dev" / "articles").glob("*.txt"))]
    pages += [p.read_bytes() for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return pages


def write_warc(path: Path, pages: list[bytes], n: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.org/page/{i}", "response", payload=io.BytesIO(pages[i % len(pages)]), http_headers=http)
            writer.write_record(rec)


def rate(specs: list[str], procs: int, limit: int | None = None) -> tuple[int, float, float]:
    """(pages, wall pages/s, CPU-normalised pages/s) for ingest + clean with ``procs`` processes.

    The CPU-normalised rate = pages / (worker CPU seconds / procs): what the run would reach with
    ``procs`` otherwise idle cores (the benchmark machine is shared, so wall time varies)."""
    def stream():  # type: ignore[no-untyped-def]
        n = 0
        for item in read_inputs(specs, SETTINGS):
            if isinstance(item, Skipped):
                continue
            yield item
            n += 1
            if limit and n >= limit:
                return

    if procs == 1:
        first = next(iter(read_inputs(specs[:1], SETTINGS)))
        clean_one(first)  # type: ignore[arg-type]
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for raw in stream() if clean_one(raw) >= 0)
        return n, n / (time.perf_counter() - t0), n / max(1e-9, time.process_time() - c0)
    with mp.get_context("fork").Pool(procs) as pool:
        warm = next(iter(read_inputs(specs[:1], SETTINGS)))
        pool.map(clean_one, [warm] * procs)
        t0, c0 = time.perf_counter(), time.process_time()
        cpu = list(pool.imap_unordered(clean_one, stream(), chunksize=4))
        wall = time.perf_counter() - t0
        reader = time.process_time() - c0  # the reader (this process) runs beside the workers
        busiest = max(sum(cpu) / procs, reader)
        return len(cpu), len(cpu) / wall, len(cpu) / max(1e-9, busiest)


def _stream_child(path: str, clean: bool, limit: int, out: mp.Queue) -> None:
    t0 = time.perf_counter()
    n = 0
    for item in read_inputs([path], SETTINGS):
        if isinstance(item, RawDocument):
            if clean:
                clean_one(item)
            n += 1
            if limit and n >= limit:
                break
    out.put((n, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def stream_in_child(path: Path, clean: bool = False, limit: int = 0) -> tuple[int, float, float]:
    ctx = mp.get_context("spawn")
    q: mp.Queue = ctx.Queue()
    p = ctx.Process(target=_stream_child, args=(str(path), clean, limit, q))
    p.start()
    result = q.get()
    p.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10_000, help="records in the large WARC")
    ap.add_argument("--clean-records", type=int, default=1_000, help="WARC records to clean for pages/s")
    ap.add_argument("--html-only", action="store_true", help="only the HTML-files rows (1 and 2 processes)")
    ap.add_argument("--repeat", type=int, default=1, help="run the HTML-files rows this many times")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} not found: the throughput benchmark reads its pages from ../shared")
        return
    htmls, texts = html_pages(), text_pages()
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        tmpd = Path(tmp)
        for sub, pages, ext in (("html", htmls, ".html"), ("text", texts * 6, ".txt")):
            (tmpd / sub).mkdir()
            for i, data in enumerate(pages):
                (tmpd / sub / f"{i:05d}{ext}").write_bytes(data)
        print(f"inputs: {len(htmls)} HTML pages, {len(texts) * 6} text pages ({len(texts)} distinct), 1 reader process")
        print(f"{'input':<28}{'procs':>6}{'pages':>7}{'wall p/s':>10}{'CPU-norm p/s':>14}{'load 1m':>9}")
        for sub in ("html",) * args.repeat + (() if args.html_only else ("text",)):
            for procs in (1, 2):
                load = os.getloadavg()[0]
                n, r, c = rate([str(tmpd / sub)], procs)
                print(f"{sub + ' files':<28}{procs:>6}{n:>7}{r:>10.1f}{c:>14.1f}{load:>9.2f}", flush=True)
        if args.html_only:
            return
        small, large = tmpd / "small.warc.gz", tmpd / "large.warc.gz"
        t0 = time.perf_counter()
        write_warc(small, htmls, 2_000)
        write_warc(large, htmls, args.records)
        print(f"\nwrote WARCs of 2,000 and {args.records:,} records ({small.stat().st_size / 1e6:.0f} MB, {large.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.0f}s")
        for procs in (1, 2):
            n, r, c = rate([str(small)], procs, limit=args.clean_records)
            print(f"{'warc ingest+clean':<28}{procs:>6}{n:>7}{r:>10.1f}{c:>14.1f}")
        print("\npeak memory while streaming (fresh process each, ru_maxrss):")
        print(f"{'run':<40}{'records':>9}{'rec/s':>9}{'peak MB':>9}")
        for label, path in (("ingest only, 2k-record WARC", small), (f"ingest only, {args.records // 1000}k-record WARC", large)):
            n, secs, peak = stream_in_child(path)
            print(f"{label:<40}{n:>9}{n / secs:>9.0f}{peak:>9.0f}")
        for label, path, limit in (("ingest+clean, first 500 of 2k WARC", small, 500), ("ingest+clean, first 500 of large WARC", large, 500)):
            n, secs, peak = stream_in_child(path, clean=True, limit=limit)
            print(f"{label:<40}{n:>9}{n / secs:>9.0f}{peak:>9.0f}")


if __name__ == "__main__":
    main()
