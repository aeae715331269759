"""decode_bytes: BOMs, declared charsets, detection, and clear errors for empty/binary input."""

from __future__ import annotations

import codecs

import pytest

from sitrep.clean.decode import decode_bytes
from sitrep.errors import UnreadableInput
from sitrep.models import RawDocument

TEXT = "Kyiv’s mayor said “dozens” of drones were shot down — café owners in Lviv agreed."


def raw(data: bytes, **kw: object) -> RawDocument:
    return RawDocument(uri="mem://x", content=data, **kw)  # type: ignore[arg-type]


def test_utf8_plain() -> None:
    assert decode_bytes(raw(TEXT.encode("utf-8"))) == TEXT


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_bom_wins(bom: bytes, enc: str) -> None:
    assert decode_bytes(raw(bom + TEXT.encode(enc))) == TEXT


def test_cp1252_bytes_detected_without_declaration() -> None:
    text = ("The minister’s statement – issued on Monday – said “at least 12” people were killed. " * 5).strip()
    assert decode_bytes(raw(text.encode("cp1252"))) == text


def test_latin1_bytes_detected() -> None:
    text = "Le président a déclaré que l'armée était prête à répondre. Les forces ont reçu des ordres précis. " * 3
    assert decode_bytes(raw(text.encode("latin-1"))) == text


def test_declared_charset_from_container() -> None:
    text = "Ça va très bien à Genève: réunion des délégués."
    assert decode_bytes(raw(text.encode("iso-8859-15"), encoding="iso-8859-15")) == text


def test_declared_meta_charset() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Москва заявила о ракетном ударе</p></body></html>'
    assert "Москва" in decode_bytes(raw(html.encode("cp1251"), content_type="text/html"))


def test_lying_declaration_is_ignored() -> None:
    text = "Déjà vu in Zürich — 100 € fine."
    assert decode_bytes(raw(text.encode("utf-8"), encoding="ascii")) == text


def test_bad_bytes_never_crash() -> None:
    out = decode_bytes(raw(b"Valid start \xff\xfe\xfa then more text and more words here " * 3))
    assert out.startswith("Valid start")


def test_binary_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        decode_bytes(raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(UnreadableInput, match="empty"):
        decode_bytes(raw(data))
