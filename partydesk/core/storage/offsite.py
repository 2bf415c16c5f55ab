"""Encrypted backups for a USB stick: the database and its stored files in one ``.pdbak`` file (ST-5).

The backups beside the database die with the computer (a failed disk, a theft, a fire in the office), so
once a week the office copies one to a stick it keeps elsewhere. A stick is easily lost, so the copy is
encrypted under a passphrase the office chooses and writes down; without it nobody, the office included,
can open the file. The passphrase alone opens it, on any computer: the one that replaces a dead one has
none of the old one's keys.

Layout: ``MAGIC`` (8 bytes), the header's length (4 bytes, big-endian), the header (UTF-8 JSON: when,
which organisation, how many members and files, the key-derivation parameters, the nonce, a check value, the
size of the zip, which tells a file cut short before the passphrase is asked: ``incomplete``),
then the AES-256-GCM ciphertext of a zip holding ``partydesk.db`` and ``files/attachments/…`` (the layout
of a backup folder's mirror, ``backup_files``). The whole prefix is the associated data, so a changed
header fails like a changed byte of the ciphertext. The key is scrypt of the passphrase; 16 more bytes
of the same derivation are kept in the header, which tells a mistyped passphrase from a damaged file
without weakening the key (the two parts of scrypt's output are independent).

Nothing here touches the open database: ``bundled`` and ``seal`` take a verified backup file, ``unpack``
writes into a folder the caller removes. Every pass goes a chunk at a time, through files, never holding a
whole backup in memory: an office's years of meeting photos may be gigabytes on a computer with little RAM.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from partydesk.core import leftovers
from partydesk.core.atomicfile import known_error_from_os, remove_quietly, sha256_of_file
from partydesk.core.errors import BackupError, KnownError
from partydesk.core.storage.backup_files import FOLDER, MIRROR

MAGIC = b"PDBAK1\r\n"
SUFFIX = ".pdbak"
DB_NAME = "partydesk.db"
MIN_PASSPHRASE = 8
#: scrypt cost: 2**17 × 8 × 128 bytes = 128 MB and a few tenths of a second per try, for the office once a
#: week and for anyone guessing at a found stick every time.
KDF_COST = 2**17
_KDF_R, _KDF_P = 8, 1
CHUNK = 1024 * 1024  # bytes encrypted, decrypted or copied at a time: memory stays flat whatever the size
TAG_SIZE = 16
Chunked = Callable[[int, int], None]  # (bytes done, bytes in all)
_MAX_HEADER = 64 * 1024
_FILE_NAME = re.compile(rf"{MIRROR}/{FOLDER}/[0-9a-f]{{2}}/[0-9a-f]{{62}}(?:[0-9a-f]{{2}})?")
_NAME = re.compile(r"partydesk-(?P<code>[0-9A-Za-z]+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.pdbak")

DAMAGED = "这个U盘备份文件已损坏或被改动过，无法恢复；当前数据库没有改动。"
INCOMPLETE = ("这个U盘备份文件不完整：只有 {have}，应有 {want}。可能是复制时U盘被拔出，或复制没有完成。"
              "请换用另一份备份；当前数据库没有改动。")


class WrongPassphraseError(KnownError):
    """The passphrase does not open this backup."""

    code = "wrong_passphrase"


@dataclass(frozen=True)
class OffsiteHeader:
    """What a ``.pdbak`` file says of itself before it is opened (shown to choose it, not trusted for more)."""

    path: Path
    created: datetime  # local time, as the office's clock read
    organisation_code: str
    organisation_name: str
    members: int
    files: int
    size: int


def passphrase_problem(passphrase: str) -> str:
    """Why this passphrase may not protect a backup ('' when it may)."""
    if len(normalised(passphrase)) < MIN_PASSPHRASE:
        return f"口令至少要 {MIN_PASSPHRASE} 个字符"
    if not passphrase.strip():
        return "口令不能全是空格"
    return ""


def normalised(passphrase: str) -> str:
    """The passphrase as keyed: NFC, so the same characters typed on another computer give the same key."""
    return unicodedata.normalize("NFC", passphrase)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """(AES key, check value) for this passphrase."""
    found = Scrypt(salt=salt, length=48, n=n, r=r, p=p).derive(normalised(passphrase).encode("utf-8"))
    return found[:32], found[32:]


def file_name(organisation_code: str, created: datetime) -> str:
    """``partydesk-<code>-YYYYMMDD-HHMMSS.pdbak``: sorted by time in any file list, ASCII for any stick."""
    code = re.sub(r"[^0-9A-Za-z]", "", organisation_code) or "site"
    return f"partydesk-{code}-{created:%Y%m%d-%H%M%S}{SUFFIX}"


@contextlib.contextmanager
def bundled(db_file: Path, files: list[tuple[str, Path]], *, scratch: Path,
            check: Callable[[], None] | None = None) -> Iterator[Path]:
    """The zip inside, written to a temp file in ``scratch`` (a folder on the computer's own disk) and removed
    on leaving: the database (deflated: it shrinks a lot) and the stored files (already compact). Built on
    disk, not in memory: years of meeting photos may be gigabytes. ``check`` is called between files (it may
    raise to stop, as a cancel does)."""
    try:
        fd, temp = tempfile.mkstemp(dir=scratch, prefix=".offsite-", suffix=".zip.tmp")
    except OSError as exc:
        raise known_error_from_os(exc) or BackupError(f"无法在“{scratch}”建立临时文件。", code="unwritable") from exc
    os.close(fd)
    leftovers.track(temp)
    try:
        try:
            with zipfile.ZipFile(temp, "w") as archive:
                archive.write(db_file, DB_NAME, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
                for name, path in files:
                    if check is not None:
                        check()
                    archive.write(path, name, compress_type=zipfile.ZIP_STORED)
        except OSError as exc:  # this computer's disk full, a stored file unreadable
            raise known_error_from_os(exc) or BackupError(
                f"打包备份时出错：{exc.strerror or exc}。U盘上没有写入任何文件。", code="unwritable") from exc
        yield Path(temp)
    finally:
        remove_quietly(temp)
        leftovers.untrack(temp)


def seal(bundle: Path, passphrase: str, out: BinaryIO, *, created: datetime, organisation_code: str,
         organisation_name: str, members: int, files: int, on_chunk: Chunked | None = None) -> int:
    """Write the ``.pdbak`` of ``bundled``'s zip to ``out`` a chunk at a time; returns its size in bytes.
    ``on_chunk(done, total)`` hears the bytes of the zip encrypted so far (it may raise to stop)."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise BackupError(problem + "。", code="weak_passphrase")
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key, check = _derive(passphrase, salt, KDF_COST, _KDF_R, _KDF_P)
    total = bundle.stat().st_size
    header = json.dumps({
        "format": 1, "created": created.replace(microsecond=0).isoformat(),
        "organisation": {"code": organisation_code, "name": organisation_name},
        "members": members, "files": files,
        "kdf": {"name": "scrypt", "n": KDF_COST, "r": _KDF_R, "p": _KDF_P, "salt": salt.hex()},
        "cipher": "AES-256-GCM", "nonce": nonce.hex(), "check": check.hex(),
        "plaintext_sha256": sha256_of_file(bundle), "size": total,
    }, ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = MAGIC + len(header).to_bytes(4, "big") + header
    out.write(prefix)
    # The same bytes as AESGCM(key).encrypt(nonce, zip, prefix): the ciphertext, then the 16-byte tag.
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(prefix)
    done = 0
    with open(bundle, "rb") as source:
        while chunk := source.read(CHUNK):
            out.write(encryptor.update(chunk))
            done += len(chunk)
            if on_chunk is not None:
                on_chunk(done, total)
    out.write(encryptor.finalize())
    out.write(encryptor.tag)
    return len(prefix) + total + TAG_SIZE


def _split(data: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    """(prefix, header, ciphertext); BackupError when the file is not a whole ``.pdbak``."""
    if not data.startswith(MAGIC):
        raise BackupError("这不是 partydesk 的U盘备份文件（.pdbak）；当前数据库没有改动。", code="not_offsite")
    size = int.from_bytes(data[len(MAGIC):len(MAGIC) + 4], "big")
    end = len(MAGIC) + 4 + size
    if size > _MAX_HEADER or end > len(data):
        raise BackupError(DAMAGED, code="damaged")
    try:
        header = json.loads(data[len(MAGIC) + 4:end].decode("utf-8"))
        if not isinstance(header, dict) or header.get("format") != 1:
            raise ValueError("format")
    except (ValueError, RecursionError) as exc:  # bad UTF-8 and bad JSON; JSON nested thousands deep
        raise BackupError(DAMAGED, code="damaged") from exc
    return data[:end], header, data[end:]


def _in_words(size: int) -> str:
    """A file size as the message gives it, kept on one line (a no-break space before the unit)."""
    if size >= 1024**2:
        return f"{size / 1024**2:.1f}\u00a0MB"
    return f"{size / 1024:.1f}\u00a0KB" if size >= 1024 else f"{size}\u00a0字节"


def _whole(prefix: bytes, header: dict[str, Any], size: int) -> None:
    """BackupError (damaged) when the file is not as long as its header says: cut short (a stick pulled
    while it was copied), said before the passphrase is asked, or with bytes added. A header from before
    the size was kept says nothing; the tag finds a short file then."""
    stated = header.get("size")
    if stated is None:
        return
    if not isinstance(stated, int) or isinstance(stated, bool) or stated < 0:
        raise BackupError(DAMAGED, code="damaged")
    want = len(prefix) + stated + TAG_SIZE
    if size < want:
        raise BackupError(INCOMPLETE.format(have=_in_words(size), want=_in_words(want)), code="damaged")
    if size > want:
        raise BackupError(DAMAGED, code="damaged")


def read_header(path: Path) -> OffsiteHeader:
    """What the file says it holds (unauthenticated: only for the office to choose by); BackupError when it is
    not a whole ``.pdbak`` (``_whole``)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(MAGIC) + 4 + _MAX_HEADER)
        size = path.stat().st_size
    except OSError as exc:
        raise BackupError(f"无法读取“{path.name}”：{exc.strerror or exc}", code="unreadable") from exc
    prefix, header, _rest = _split(head)
    _whole(prefix, header, size)
    try:
        organisation = header["organisation"]
        return OffsiteHeader(path, datetime.fromisoformat(str(header["created"])), str(organisation["code"]),
                             str(organisation["name"]), int(header["members"]), int(header["files"]), size)
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError(DAMAGED, code="damaged") from exc


def _opening(header: dict[str, Any], passphrase: str) -> tuple[bytes, bytes, str]:
    """(key, nonce, the zip's SHA-256) for this header and passphrase; WrongPassphraseError, or BackupError
    (damaged) when the header does not say how."""
    try:
        kdf = header["kdf"]
        if kdf["name"] != "scrypt" or header["cipher"] != "AES-256-GCM":
            raise ValueError("algorithm")
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        if not (2**10 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
            raise ValueError("cost")  # a doctored header must not make us allocate gigabytes
        salt, nonce, check = bytes.fromhex(kdf["salt"]), bytes.fromhex(header["nonce"]), bytes.fromhex(header["check"])
        expected = str(header["plaintext_sha256"])
        if len(nonce) != 12:
            raise ValueError("nonce")
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError(DAMAGED, code="damaged") from exc
    key, found = _derive(passphrase, salt, n, r, p)
    if not secrets.compare_digest(found, check):
        raise WrongPassphraseError("口令不对，打不开这个备份。请按备份时抄下的口令输入（注意大小写和全角、半角）。")
    return key, nonce, expected


def decrypt(path: Path, passphrase: str, out: BinaryIO | None = None, *, on_chunk: Chunked | None = None) -> None:
    """Check all of the ``.pdbak`` at ``path`` (its tag, then the zip's hash), a chunk at a time, writing the
    zip to ``out`` when given; WrongPassphraseError, or BackupError (damaged) when it cannot be opened.

    What reaches ``out`` is trusted only once this returns: a damaged file is found at its end.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        prefix, header, _rest = _split(handle.read(len(MAGIC) + 4 + _MAX_HEADER))
        _whole(prefix, header, size)  # before the passphrase's costly derivation
        key, nonce, expected = _opening(header, passphrase)
        left = size - len(prefix) - TAG_SIZE
        if left < 0:
            raise BackupError(DAMAGED, code="damaged")
        handle.seek(size - TAG_SIZE)
        tag = handle.read(TAG_SIZE)
        if len(tag) != TAG_SIZE:  # the file shrank while it was read
            raise BackupError(DAMAGED, code="damaged")
        handle.seek(len(prefix))
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(prefix)
        digest, total = hashlib.sha256(), left
        while left:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:  # the file shrank while it was read
                raise BackupError(DAMAGED, code="damaged")
            left -= len(chunk)
            plain = decryptor.update(chunk)
            digest.update(plain)
            if out is not None:
                out.write(plain)
            if on_chunk is not None:
                on_chunk(total - left, total)
    try:
        decryptor.finalize()
    except (InvalidTag, ValueError) as exc:
        raise BackupError(DAMAGED, code="damaged") from exc
    if digest.hexdigest() != expected:
        raise BackupError(DAMAGED, code="damaged")


def unpack(path: Path, passphrase: str, into: Path) -> Path:
    """Decrypt the ``.pdbak`` at ``path`` into the (empty) folder ``into``: the database file, whose path is
    returned, and the stored files under ``files/attachments`` as a backup folder keeps them. Any other name
    is refused. The zip passes through a file in ``into`` (removed again), never whole in memory."""
    contents = into / ".contents.zip"
    try:
        with open(contents, "wb") as out:
            decrypt(path, passphrase, out)
        with zipfile.ZipFile(contents) as archive:
            names = archive.namelist()
            if names.count(DB_NAME) != 1 or len(set(names)) != len(names) or not all(
                    name == DB_NAME or _FILE_NAME.fullmatch(name) for name in names):
                raise BackupError(DAMAGED, code="damaged")
            for name in names:
                target = into / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(name) as source, open(target, "wb") as extracted:
                    while chunk := source.read(CHUNK):
                        extracted.write(chunk)
                if os.name == "posix":
                    os.chmod(target, 0o600)
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise BackupError(DAMAGED, code="damaged") from exc
    finally:
        remove_quietly(contents)
    return into / DB_NAME


def parse_name(path: Path) -> tuple[str, datetime] | None:
    """(organisation code, time) from a file name ``file_name`` gave, else None."""
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    try:
        return match["code"], datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
