"""Package numbers that outlive a restore.

Each package towards a peer carries the next number of that channel (SYNC.md), and a receiver that gets a
second, different package under a number it already holds refuses it as a forked sender. The numbers are
kept in the database, so an office that restores a backup made before its last export (a power cut, a
damaged file) would number its next package as that one, and the other side would refuse it and every one
after. So every number a package was written under is also noted, once the package is on the stick and
checked and before the database records it, in ``channels.json`` in the ``keys`` folder beside the database,
which no restore or salvage of the database replaces; the next number is the higher of the two. An export
that fails before that uses no number; one whose note cannot be written removes its package and fails.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from partydesk.core.atomicfile import atomic_write
from partydesk.core.exchange.keys import keys_dir_for

log = logging.getLogger(__name__)

FILE_NAME = "channels.json"


def _path(db_path: Path) -> Path:
    return keys_dir_for(db_path) / FILE_NAME


def last_written(db_path: Path) -> dict[str, int]:
    """The highest number handed out towards each peer (by its site id), as noted beside the database; empty
    when nothing was noted or the note cannot be read (then the database's own numbers stand)."""
    try:
        found = json.loads(_path(db_path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("the channel numbers beside the database could not be read", exc_info=True)
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, int) and not isinstance(v, bool)}


def note_written(db_path: Path, peer_site: str, seq: int) -> None:
    """Note that ``seq`` was handed out towards ``peer_site`` (KnownError when the note cannot be written: the
    package must then not be written either)."""
    noted = last_written(db_path)
    if noted.get(peer_site, 0) >= seq:
        return
    noted[peer_site] = seq
    folder = _path(db_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(_path(db_path), json.dumps(noted, sort_keys=True, indent=1).encode("utf-8"))
