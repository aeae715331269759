"""read_inputs over every input kind: files, directories, gz, stdin, feeds, WARC, JSONL."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from sitrep.errors import InputNotFound
from sitrep.ingest import read_inputs
from sitrep.models import RawDocument, Skipped
from sitrep.settings import Settings

HTML_DIR = Path(__file__).parent / "data" / "html"
PAGE = (HTML_DIR / "wire_repost.html").read_bytes()
TEXT = b"Headline of a plain page\n\n" + b"Officials said the shelling continued through the night, damaging homes. " * 5
S = Settings()


def items(*specs: str, **kw: object) -> list[RawDocument | Skipped]:
    return list(read_inputs(list(specs), S, **kw))  # type: ignore[arg-type]


def test_html_and_text_detected_by_content(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(PAGE)  # HTML behind a .txt name
    (tmp_path / "story.html").write_bytes(TEXT)  # text behind a .html name
    got = {Path(d.uri).name: d for d in items(str(tmp_path))}
    assert isinstance(got["page.txt"], RawDocument) and got["page.txt"].content_type == "text/html"
    assert isinstance(got["story.html"], RawDocument) and got["story.html"].content_type == "text/plain"


def test_missing_path_raises() -> None:
    with pytest.raises(InputNotFound, match="no such file"):
        items("/nonexistent/sitrep/input.html")


def test_empty_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="holds no files"):
        items(str(tmp_path))


def test_empty_and_binary_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(b"")
    (tmp_path / "b.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "c.txt").write_bytes(TEXT)
    got = items(str(tmp_path))
    assert [type(x).__name__ for x in got] == ["Skipped", "Skipped", "RawDocument"]
    assert "empty" in got[0].reason and "binary" in got[1].reason  # type: ignore[union-attr]


def test_gzip_is_unpacked_then_detected(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(PAGE))
    (doc,) = items(str(p))
    assert isinstance(doc, RawDocument) and doc.content == PAGE and doc.content_type == "text/html"


def test_truncated_gzip_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(PAGE * 20)[:-200])
    (skip,) = items(str(p))
    assert isinstance(skip, Skipped) and "truncated" in skip.reason


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT)))
    (doc,) = items("-")
    assert isinstance(doc, RawDocument) and doc.uri == "<stdin>" and doc.content == TEXT


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontier Feed</title>
<item><title>Strike on depot</title><link>https://example.org/a</link><pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;A drone strike set a depot ablaze, officials said on Tuesday.&lt;/p&gt;</description></item>
<item><title>Empty one</title><link>https://example.org/b</link></item>
</channel></rss>"""


def test_rss_entries(tmp_path: Path) -> None:
    p = tmp_path / "feed.xml"
    p.write_text(RSS)
    first, second = items(str(p))
    assert isinstance(first, RawDocument)
    assert first.hints["title"] == "Strike on depot" and first.hints["feed_title"] == "Frontier Feed"
    assert first.url == "https://example.org/a" and "2024" in first.hints["published"]
    assert b"drone strike" in first.content and first.content_type == "text/html"
    assert isinstance(second, Skipped) and "no content" in second.reason


def test_atom_entries(tmp_path: Path) -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom T</title>
    <entry><title>Clash reported</title><link href="https://example.org/c"/><updated>2024-05-01T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Fighting was reported near the border on Wednesday, the army said.&lt;/p&gt;</content></entry></feed>"""
    p = tmp_path / "atom.xml"
    p.write_text(atom)
    (doc,) = items(str(p))
    assert isinstance(doc, RawDocument) and doc.hints["title"] == "Clash reported" and doc.url == "https://example.org/c"


def test_malformed_feed_is_skipped(tmp_path: Path) -> None:
    p = tmp_path / "bad.xml"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>broken &bad; <')
    got = items(str(p))
    assert len(got) == 1 and isinstance(got[0], Skipped) and "feed" in got[0].reason


def _write_warc(path: Path, n: int, gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for i in range(n):
            ctype = "text/html; charset=utf-8" if i % 3 else "image/png"
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(PAGE), http_headers=http)
            writer.write_record(rec)


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_records_only(tmp_path: Path, gz: bool) -> None:
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    _write_warc(p, 6, gz)
    got = items(str(p))
    assert len(got) == 4 and all(isinstance(d, RawDocument) and d.content_type == "text/html" for d in got)
    assert got[0].url == "https://example.org/1"  # type: ignore[union-attr]


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    p = tmp_path / "a.warc.gz"
    _write_warc(p, 9)
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.6)])
    got = items(str(p))
    docs = [d for d in got if isinstance(d, RawDocument)]
    assert 1 <= len(docs) < 6
    assert isinstance(got[-1], Skipped) and "truncated or corrupt" in got[-1].reason


def test_jsonl_with_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"url": "https://example.org/1", "html": PAGE.decode(), "title": "T1"}),
        "{not json",
        json.dumps({"url": "https://example.org/2", "text": TEXT.decode(), "published": "2024-03-01"}),
        json.dumps({"url": "https://example.org/3"}),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n")
    got = items(str(p))
    assert [type(x).__name__ for x in got] == ["RawDocument", "Skipped", "RawDocument", "Skipped"]
    assert got[0].content_type == "text/html" and got[0].hints["title"] == "T1"  # type: ignore[union-attr]
    assert got[2].content_type == "text/plain" and got[2].hints["published"] == "2024-03-01"  # type: ignore[union-attr]
    assert "line 2" in got[1].reason and "line 4" in got[3].reason  # type: ignore[union-attr]


def test_jsonl_gz_streamed(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"url": "u", "text": TEXT.decode()}) + "\n").encode() * 3))
    assert len([d for d in items(str(p)) if isinstance(d, RawDocument)]) == 3


def test_oversized_file_skipped(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(TEXT * 10)
    got = list(read_inputs([str(p)], Settings(max_bytes=200)))
    assert isinstance(got[0], Skipped) and "max_bytes" in got[0].reason
