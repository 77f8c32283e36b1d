"""Bytes to text: refuse empty and binary input, detect the encoding of the rest."""
from __future__ import annotations

import charset_normalizer

from detente.errors import BinaryInputError, EmptyInputError, EncodingError

_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode(data: bytes, where: str) -> str:
    """Text of `data`, or a clear error naming `where`."""
    if not data.strip():
        raise EmptyInputError("empty: there is no text to code", where)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                data = data[len(bom) :]  # a wrong byte-order mark: detect the encoding below
                break
    if _looks_binary(data):
        raise BinaryInputError("binary, not text (is it a PDF, an image or an archive?)", where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise EncodingError("cannot tell its text encoding; save it as UTF-8", where)
    return str(best)


def looks_binary(data: bytes) -> bool:
    """Whether the start of `data` is binary rather than text in some encoding."""
    return _looks_binary(data)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > len(sample) * 0.05
