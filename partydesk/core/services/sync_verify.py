"""Reading back a package just written: the bytes on the stick are the bytes meant, the signature holds and
our own wrapped key opens it — only then is the stick safe to remove."""

from __future__ import annotations

from pathlib import Path

from partydesk.core.errors import KnownError
from partydesk.core.exchange.keys import SiteKeys
from partydesk.core.exchange.reader import check_signature, decrypt, open_envelope


def verify_read_back(path: Path, expected: bytes | bytearray) -> None:
    """Raise a KnownError unless ``path`` holds exactly ``expected``."""
    if not _holds_exactly(path, expected):
        raise KnownError(f"写入后读回的内容与原文件不一致：{path.name}。U盘可能有问题，请换一个U盘再导出。",
                         code="verify_failed")


def verify_meant(expected: bytes | bytearray, keys: object) -> None:
    """The package's bytes pass the guard rails, carry our signature, and our own key opens them with every
    hash matching (a PackageRejected otherwise)."""
    assert isinstance(keys, SiteKeys)
    envelope = open_envelope(expected)
    check_signature(envelope, keys.signing_public)
    decrypt(envelope, keys, parse=False)


_CHUNK = 4 * 1024 * 1024


def _holds_exactly(path: Path, expected: bytes | bytearray) -> bool:
    """Whether the file holds these bytes and no others, read back a few megabytes at a time (a large package
    is not held in memory twice)."""
    at = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            if expected[at:at + len(chunk)] != chunk:
                return False
            at += len(chunk)
    return at == len(expected)
