"""Writing a package (SYNC.md "Export"): every owned record changed above the acknowledged watermark
(or everything, for a snapshot), the receipts owed to the destination, signed and encrypted.

Writing to removable media follows SYNC.md: the file is built in memory, written as ``<name>.part`` and
flushed, renamed, then read back from the stick and verified (signature, hashes, and that it decrypts
with our own wrapped key) before the user is told it is safe to remove the stick. The ledger row and the
channel number are committed only after the file verified, in one transaction; a failed write leaves
neither a file nor a ledger row behind.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from partydesk import __version__
from partydesk.core.atomicfile import fsync_directory, known_error_from_os, remove_quietly
from partydesk.core.changes import Actor, ChangeKind, Changes
from partydesk.core.collector import collector_paused
from partydesk.core.errors import ValidationError
from partydesk.core.exchange import container, crypto, parallel
from partydesk.core.exchange.manifest import Endpoint, Manifest, file_name
from partydesk.core.progress import NULL_PROGRESS, Progress
from partydesk.core.services import sync_channels
from partydesk.core.services.setup import note_records_began, own_organisation
from partydesk.core.services.sync_blobs import package_blobs
from partydesk.core.services.sync_downward import package_lines
from partydesk.core.services.sync_keys import site_keys
from partydesk.core.services.sync_verify import verify_meant, verify_read_back
from partydesk.core.storage import audit, notice_repo, sync_repo
from partydesk.core.storage.database import Database
from partydesk.core.storage.migrate import head_revision
from partydesk.core.storage.stamping import utc_now
from partydesk.core.storage.sync_records import highest_seq


@dataclass(frozen=True)
class Exported:
    """A package written and verified on the target."""

    path: Path
    package_id: str
    kind: str
    channel_seq: int
    counts: dict[str, int]
    acks: int
    changes: Changes


def _destination(db: Database, org_code: str) -> sync_repo.Peer:
    with db.read() as session:
        found = sync_repo.peer_by_code(session, org_code)
    if not found:
        raise ValidationError(f"还没有登记组织代码为“{org_code}”的单位。请先导入对方的密钥卡并核对指纹。",
                              field="to", code="unknown_destination")
    return found[0]


def export_package(db: Database, actor: Actor, *, to_org_code: str, out_dir: Path,
                   snapshot: bool = False, progress: Progress | None = None) -> Exported:
    """Write the next package towards the registered site with ``to_org_code`` into ``out_dir``.

    ``progress`` hears the stages; a cancel is honoured until the file starts being written (nothing is
    then written and no number is used), after that the file is finished and verified.
    """
    progress = progress or NULL_PROGRESS
    progress.step(0, 3, "正在收集本单位的记录……")
    note_records_began(db, actor)  # (a file older than the organisation record's field: it is sent from now on)
    keys = site_keys(db)
    org = own_organisation(db)
    assert db.site is not None and org is not None
    peer = _destination(db, to_org_code)
    kind = "snapshot" if snapshot else ("upward" if peer.relation == "parent" else "downward")
    with db.read() as session:
        peer_key = sync_repo.current_key(session, peer.site_id)
        if peer_key is None:
            raise ValidationError(f"“{peer.org_name}”的密钥已全部吊销，请重新登记其密钥卡。", code="no_key")
        after = 0 if snapshot else peer.acked_seq
        # Upward: every owned change; downward: the notices and materials addressed to this child.
        with collector_paused():
            lines = notice_repo.package_lines(session, db.site.site_id, peer.site_id, peer.relation, after,
                                              snapshot=snapshot)
            lines = package_lines(session, db.site.site_id, peer, after, lines)  # corrections, key notices
        covers_to = highest_seq(session)
        acks = sync_repo.unacknowledged_in(session, peer.site_id)
        previous = sync_repo.last_out(session, peer.site_id)
    if not lines and not acks and not snapshot:
        sent = "报送" if peer.relation == "parent" else "下发"  # up to the committee, or down to a branch
        raise ValidationError(f"自上次{sent}并被确认以来没有新的变动，也没有待发回的回执，无需导出。", code="nothing")
    progress.step(1, 3, "正在签名并加密……")
    counts = dict(Counter(map(itemgetter(0), lines)))
    if not lines and not snapshot:
        kind = "receipt"
    # Each stage's bytes are let go once the next holds them: a 100 000-member snapshot is a quarter of a
    # gigabyte at every stage, and an office PC may have 4 GB in all.
    blobs = package_blobs(db.path, lines)
    records = container.Lines(list(map(itemgetter(1), lines)))  # joined a batch at a time as it is sealed
    del lines
    plaintext = container.inner_pieces(records, blobs)  # the records and blobs between headers, not copied
    del records, blobs
    package_id = str(uuid.uuid4())
    created = utc_now().replace(microsecond=0)
    recipients = {peer_key.key_id: crypto.unb64(peer_key.encryption_public), keys.key_id: keys.encryption_public}
    sealing = crypto.Sealing.new(recipients)
    progress.step(2, 3, "正在写入并核对文件……")  # the last point a cancel is honoured
    with db.write(actor, action="sync.export") as session:
        seq = sync_repo.take_channel_seq(session, peer.site_id,
                                         past=sync_channels.last_written(db.path).get(peer.site_id, 0))
        audit_seq, audit_hash = audit.head(session)  # as it stands before this export's own entry
        draft = Manifest(  # with the hashes still to come (of a fixed length, so the file can be laid out)
            package_id=package_id, kind=kind, created_at=created, app_version=__version__,
            schema_version=head_revision(), origin=Endpoint(org.code, db.site.site_id), origin_key_id=keys.key_id,
            destination=Endpoint(peer.org_code, peer.site_id), channel_seq=seq,
            prerequisite_seq=previous.channel_seq if previous else 0,
            prerequisite_id=previous.package_id if previous else "", covers_from=after, covers_to=covers_to,
            acks=tuple(acks), counts=counts, payload_size=sum(map(len, plaintext)) + crypto.TAG_BYTES,
            payload_sha256=_UNKNOWN, plaintext_sha256=_UNKNOWN, nonce=sealing.nonce, recipients=sealing.wrapped,
            audit_seq=audit_seq, audit_hash=audit_hash)
        data = _sealed(plaintext, sealing, draft, keys.signing)
        del plaintext
        name = file_name(org.code, peer.org_code, seq, created, package_id)
        path = write_verified(out_dir / name, data, keys)
        try:  # beside the database too, where a restore of it cannot take the number back
            sync_channels.note_written(db.path, peer.site_id, seq)
        except BaseException:
            remove_quietly(path)
            raise
        sync_repo.add_package(session, package_id=package_id, direction="out", kind=kind, peer_site=peer.site_id,
                              channel_seq=seq, covers_to=covers_to, created_at=created, by=actor.user_id,
                              file_name=name, state="written", counts=counts)
        sync_repo.mark_receipts_sent(session, acks)
    return Exported(path, package_id, kind, seq, counts, len(acks), Changes.of(ChangeKind.SYNC))


_UNKNOWN = "0" * 64  # a hash not taken yet, as long as one


def _sealed(plaintext: list[container.Piece], sealing: crypto.Sealing, draft: Manifest,
            signing: Ed25519PrivateKey) -> bytes | bytearray:
    """The package file's bytes: the plaintext encrypted straight into the file's buffer (``OuterLayout``, laid
    out from the draft manifest), then the manifest with both hashes, signed. The hashes and the payload's CRC
    are taken on threads of their own as the pieces are sealed (``parallel.Fed``: hashlib and zlib let go of
    the interpreter lock)."""
    associated = draft.package_id.encode("ascii")
    size = draft.payload_size
    layout = container.OuterLayout.of(len(draft.to_bytes()), crypto.SIGNATURE_BYTES, size)
    ciphertext = memoryview(layout.payload() if layout is not None else bytearray(size + crypto.TAG_BYTES))
    plain, sealed, crc = hashlib.sha256(), hashlib.sha256(), container.Crc()
    with parallel.Fed(plain.update) as plains, parallel.Fed(sealed.update) as seals, \
            parallel.Fed(crc.update) as crcs:
        def each(piece: container.Buffer, became: memoryview) -> None:
            plains.feed(piece)
            seals.feed(became)
            crcs.feed(became)

        sealing.seal_into(container.flat(plaintext), ciphertext, associated, each)
    manifest = replace(draft, payload_sha256=sealed.hexdigest(), plaintext_sha256=plain.hexdigest()).to_bytes()
    if layout is None:  # a file needing ZIP64 records: packed by zipfile, one copy more
        return container.pack_outer(container.OuterParts(manifest, crypto.sign(signing, manifest),
                                                         ciphertext[:size]))
    return layout.finish(manifest, crypto.sign(signing, manifest), crc.value)


def write_verified(target: Path, data: bytes | bytearray, keys: object) -> Path:
    """``.part``, flush, rename, read back and verify; any failure removes what was written.

    The bytes meant are checked (signature, hashes, our own key opens them) on a second core while the
    file is written and read back; the read-back's verdict is reported first, as when one followed the other.
    """
    part = target.with_name(target.name + ".part")
    opens = parallel.started(verify_meant, data, keys)
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as exc:  # a file where the folder should be
            raise ValidationError(f"无法写到“{target.parent}”：这个路径上有一个同名的文件，不是文件夹。"
                                  "请换一个文件夹。", field="out", code="not_a_folder") from exc
        with open(part, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, target)
        fsync_directory(target.parent)
        verify_read_back(target, data)
        opens.result()
    except OSError as exc:
        remove_quietly(part)
        remove_quietly(target)
        known = known_error_from_os(exc)
        raise (known or exc) from exc
    except BaseException:
        remove_quietly(part)
        remove_quietly(target)
        raise
    return target
