"""The package container is written byte for byte as ``zipfile`` writes it on Windows, where every office's
package so far was written, and read back whether it was written there or elsewhere (``zipfile`` records
the system it ran on in each directory entry); a changed byte in the ZIP records is still refused."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partydesk.core.exchange import container
from partydesk.core.exchange.errors import PackageRejected

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._/-", min_size=1, max_size=40).filter(
    lambda name: not name.endswith("/"))  # a folder entry, which a package never holds


def by_zipfile(entries: list[tuple[str, bytes]], system: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = system
            archive.writestr(info, data)
    return buffer.getvalue()


@settings(max_examples=150)
@given(st.lists(st.tuples(names, st.binary(max_size=300)), max_size=6, unique_by=lambda e: e[0]),
       st.integers(min_value=1, max_value=7))
def test_archives_are_what_zipfile_writes_on_windows(entries: list[tuple[str, bytes]], cut: int) -> None:
    """For any entries, whole or given in pieces: the bytes zipfile writes with the Windows system mark."""
    expected = by_zipfile(entries, container.WINDOWS)
    assert container._stored_zip(entries) == expected
    pieces = [(name, [data[i:i + cut] for i in range(0, len(data), cut)]) for name, data in entries]
    assert container._stored_zip(pieces) == expected


@pytest.mark.parametrize("system", [container.WINDOWS, container.UNIX])
def test_a_package_written_on_either_system_is_read(system: int) -> None:
    parts = container.OuterParts(b'{"format":"partydesk-sync"}', b"s" * 64, bytes(range(256)) * 40)
    data = by_zipfile([(container.MANIFEST, parts.manifest), (container.SIGNATURE, parts.signature),
                       (container.PAYLOAD, bytes(parts.payload))], system)
    read = container.read_outer(data)
    assert (read.manifest, read.signature, bytes(read.payload)) == (parts.manifest, parts.signature,
                                                                    bytes(parts.payload))
    assert container.pack_outer(parts) == by_zipfile(
        [(container.MANIFEST, parts.manifest), (container.SIGNATURE, parts.signature),
         (container.PAYLOAD, bytes(parts.payload))], container.WINDOWS)


def test_every_byte_of_the_zip_records_is_checked() -> None:
    """Any byte changed outside the three entries' contents (headers, directory, end record) is refused,
    as is any byte of the payload (its CRC)."""
    parts = container.OuterParts(b'{"m":1}', b"sig", b"payload-bytes" * 3)
    data = container.pack_outer(parts)
    for position in range(len(data)):
        if data.index(b'{"m":1}') <= position < data.index(b'{"m":1}') + 7 or \
                data.index(b"sig") <= position < data.index(b"sig") + 3:
            continue  # the manifest and signature themselves: the signature check's to catch
        changed = bytearray(data)
        changed[position] ^= 0x01
        with pytest.raises(PackageRejected):
            container.read_outer(bytes(changed))


def test_inner_entries_are_read_as_written() -> None:
    records = b'{"a":1}\n{"b":2}\n'
    blob = b"file-bytes"
    name = hashlib.sha256(blob).hexdigest()
    inner = container.pack_inner([b'{"a":1}\n', b'{"b":2}\n'], {name: blob})
    assert container.read_inner(inner) == (records, {name: blob})
    damaged = bytearray(inner)
    damaged[inner.index(b'{"b"') + 2] ^= 0x01
    with pytest.raises(PackageRejected):
        container.read_inner(bytes(damaged))


@settings(max_examples=60)
@given(st.binary(min_size=1, max_size=400), st.binary(min_size=1, max_size=100), st.binary(max_size=3000))
def test_a_file_laid_out_before_its_payload_is_the_packing_of_its_parts(manifest: bytes, signature: bytes,
                                                                       payload: bytes) -> None:
    """The export encrypts straight into the file's buffer (``OuterLayout``): once finished, the buffer holds
    exactly what ``pack_outer`` writes for the same parts, and the reader takes it as it is (a bytearray)."""
    layout = container.OuterLayout.of(len(manifest), len(signature), len(payload))
    assert layout is not None
    layout.payload()[:len(payload)] = payload
    data = layout.finish(manifest, signature)
    assert bytes(data) == container.pack_outer(container.OuterParts(manifest, signature, payload))
    crc = container.Crc()  # the payload's CRC taken as it was written, a piece at a time
    for at in range(0, len(payload), 700):
        crc.update(payload[at:at + 700])
    assert layout.finish(manifest, signature, crc.value) == data
    read = container.read_outer(data)
    assert (read.manifest, read.signature, bytes(read.payload)) == (manifest, signature, payload)


def test_a_laid_out_file_refuses_parts_of_other_sizes_and_a_changed_byte_is_still_caught() -> None:
    layout = container.OuterLayout.of(7, 3, 39)
    assert layout is not None
    layout.payload()[:39] = b"payload-bytes" * 3
    with pytest.raises(ValueError, match="size"):
        layout.finish(b'{"m":12}', b"sig")
    data = layout.finish(b'{"m":1}', b"sig")
    for position in (0, data.index(b"payload") + 1, len(data) - 5):
        changed = bytearray(data)
        changed[position] ^= 0x01
        with pytest.raises(PackageRejected):
            container.read_outer(changed)


def test_the_inner_archive_in_pieces_joins_to_its_packing() -> None:
    """The payload is encrypted from the inner archive's pieces, the records not copied into it."""
    blob = b"file-bytes"
    name = hashlib.sha256(blob).hexdigest()
    records = b'{"a":1}\n{"b":2}\n'
    pieces = container.inner_pieces(records, {name: blob})
    assert b"".join(pieces) == container.pack_inner(records, {name: blob})
    assert any(piece is records for piece in pieces)


@settings(max_examples=60)
@given(st.lists(st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"")), max_size=12), st.integers(1, 5))
def test_records_given_as_lines_are_packed_as_their_joined_text_never_joined_whole(
        lines: list[bytes], batch: int) -> None:
    """The export hands its records over as lines (``Lines``): the archive holds them each ended by a line
    break, exactly as the joined text would be packed; the pieces keep the lines, read a batch at a time."""
    blob = b"file-bytes"
    name = hashlib.sha256(blob).hexdigest()
    joined = b"".join(line + b"\n" for line in lines)
    records = container.Lines(lines)
    records.BATCH = batch
    assert len(records) == len(joined)
    assert [part.count(b"\n") for part in records.batches()] == [  # never more than a batch of lines at once
        min(batch, len(lines) - at) for at in range(0, len(lines), batch)]
    pieces = container.inner_pieces(records, {name: blob})
    assert records in pieces
    assert b"".join(container.flat(pieces)) == container.pack_inner(joined, {name: blob})
    assert container.pack_inner(records, {name: blob}) == container.pack_inner(joined, {name: blob})
    assert container.read_inner(container.pack_inner(records, {}))[0] == joined
