"""Backup thinning: the day/week/month tiers as a pure rule (table-driven) and on disk."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from partydesk.core.storage.backup import choose_keep, make_backup, thin_backups

NOW = datetime(2024, 6, 15, 12, 0, 0)


@pytest.fixture
def good_backup(tmp_path: Path) -> Path:
    """One verified backup file, copied under other names to stand for many backups."""
    source = tmp_path / "source.db"
    conn = sqlite3.connect(source)
    conn.execute("CREATE TABLE member(id INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO member(name) VALUES (?)", [(f"党员{i}",) for i in range(50)])
    conn.commit()
    conn.close()
    return make_backup(source, tmp_path / "seed", reason="manual").path


# --------------------------------------------------------------------------------------------
# thinning: the pure rule, table-driven (a port of Anki's thinning tests, without its grace period)


def _d(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour)


# (backup time, kept?) newest first; limits daily=3, weekly=2, monthly=1; now = 2022-02-22.
_ANKI_MANUAL = [
    (_d(2022, 2, 22), True),  # daily 1
    (_d(2022, 2, 22), False),  # same day as a kept one
    (_d(2022, 2, 21), True),  # daily 2
    (_d(2022, 2, 20, 18), True),  # daily 3 (newest of its day)
    (_d(2022, 2, 20, 6), False),
    (_d(2022, 2, 10), True),  # weekly 1 (week of Mon 7 Feb)
    (_d(2022, 2, 9), False),  # same week
    (_d(2022, 2, 7), False),  # Monday, same week
    (_d(2022, 2, 6, 2), True),  # weekly 2 (Sunday: the week before)
    (_d(2022, 2, 6, 1), False),  # monthly tier: February is already covered
    (_d(2022, 1, 6), True),  # monthly 1
    (_d(2022, 1, 5), False),  # limits reached from here on
    (_d(2021, 12, 24), False),
    (_d(2021, 12, 1), False),
]


def _hourly(days: int) -> list[datetime]:
    return [NOW - timedelta(hours=h) for h in range(days * 24)]


def _at_23(*dates: tuple[int, int, int]) -> set[datetime]:
    return {datetime(y, m, d, 23) for y, m, d in dates}


# A backup every hour for 400 days up to Sat 2024-06-15 12:00 with the defaults 12/10/9.
_HOURLY_400_DAILY = {NOW} | _at_23(*[(2024, 6, d) for d in range(4, 15)])  # 15 Jun back to 4 Jun
_HOURLY_400_WEEKLY = _at_23(  # Sundays before the week of Tue 4 Jun
    (2024, 6, 2), (2024, 5, 26), (2024, 5, 19), (2024, 5, 12), (2024, 5, 5),
    (2024, 4, 28), (2024, 4, 21), (2024, 4, 14), (2024, 4, 7), (2024, 3, 31),
)  # fmt: skip
_HOURLY_400_MONTHLY = _at_23(  # last day of each month before March 2024
    (2024, 2, 29), (2024, 1, 31), (2023, 12, 31), (2023, 11, 30), (2023, 10, 31),
    (2023, 9, 30), (2023, 8, 31), (2023, 7, 31), (2023, 6, 30),
)  # fmt: skip


@pytest.mark.parametrize(
    ("times", "now", "limits", "expected"),
    [
        pytest.param([], NOW, (12, 10, 9), set(), id="no-backups"),
        pytest.param(
            [t for t, _k in _ANKI_MANUAL],
            _d(2022, 2, 22),
            (3, 2, 1),
            {t for t, k in _ANKI_MANUAL if k},
            id="anki-manual",
        ),
        pytest.param(
            _hourly(400),
            NOW,
            (12, 10, 9),
            _HOURLY_400_DAILY | _HOURLY_400_WEEKLY | _HOURLY_400_MONTHLY,
            id="hourly-400-days-defaults",
        ),
        pytest.param(_hourly(400), NOW, (12, 0, 0), _HOURLY_400_DAILY, id="hourly-daily-only"),
        pytest.param(_hourly(400), NOW, (0, 0, 0), set(), id="all-tiers-zero"),
        pytest.param(
            _hourly(3),
            NOW,
            (12, 10, 9),
            {NOW, _d(2024, 6, 14, 23), _d(2024, 6, 13, 23), _d(2024, 6, 12, 23)},
            id="fewer-days-than-slots",
        ),
        pytest.param(
            # Clock reset to 2000 (dead CMOS battery): the real 2024 backups look "future".
            [_d(2024, 6, 3), _d(2024, 6, 2), _d(2000, 1, 1, 10), _d(2000, 1, 1, 9)],
            _d(2000, 1, 1, 12),
            (1, 0, 0),
            {_d(2024, 6, 3), _d(2024, 6, 2), _d(2000, 1, 1, 10)},
            id="future-dated-kept-without-using-a-slot",
        ),
    ],
)
def test_choose_keep_follows_the_day_week_month_tiers(
    times: list[datetime], now: datetime, limits: tuple[int, int, int], expected: set[datetime]
) -> None:
    """The kept set is exactly the newest backup per day, then per ISO week, then per month."""
    kept = choose_keep(times, now, *limits)
    assert {times[i] for i in kept} == expected
    # Duplicated times must not hide a double keep: index count equals distinct kept times here.
    assert len(kept) == len(expected)


def test_choose_keep_counts_per_tier_for_400_days_of_hourly_backups() -> None:
    """400 days of hourly backups with 12/10/9 keep exactly 12 + 10 + 9 = 31."""
    times = _hourly(400)
    kept = {times[i] for i in choose_keep(times, NOW, 12, 10, 9)}
    assert len(kept & _HOURLY_400_DAILY) == 12
    assert len(kept & _HOURLY_400_WEEKLY) == 10
    assert len(kept & _HOURLY_400_MONTHLY) == 9
    assert len(kept) == 31


def test_choose_keep_does_not_depend_on_input_order() -> None:
    """Shuffled input selects the same backups as sorted input."""
    times = _hourly(60)
    shuffled = times[::7] + [t for i, t in enumerate(times) if i % 7]
    assert {times[i] for i in choose_keep(times, NOW, 5, 3, 2)} == {
        shuffled[i] for i in choose_keep(shuffled, NOW, 5, 3, 2)
    }


def test_choose_keep_rejects_negative_limits() -> None:
    """A negative tier size is a programming error."""
    with pytest.raises(ValueError):
        choose_keep([NOW], NOW, -1, 0, 0)


# --------------------------------------------------------------------------------------------
# thinning on disk


def _populate(folder: Path, good: Path, times: list[datetime], reason: str = "exit") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for t in times:
        p = folder / f"partydesk-{t:%Y%m%d-%H%M%S}-{reason}.db"
        shutil.copyfile(good, p)
        paths.append(p)
    return paths


def test_thin_backups_deletes_exactly_what_the_tiers_drop(
    good_backup: Path, tmp_path: Path
) -> None:
    """Thinning deletes the backups outside the tiers, returns them, and leaves other files alone."""
    good = good_backup
    folder = tmp_path / "backups"
    times = [NOW - timedelta(hours=6 * i) for i in range(40)]  # 10 days, four a day
    paths = _populate(folder, good, times)
    (folder / "readme.txt").write_text("keep me", encoding="utf-8")
    deleted = thin_backups(folder, now=NOW, daily=3, weekly=1, monthly=0, grace=timedelta(0))
    kept_idx = choose_keep(times, NOW, 3, 1, 0)
    assert sorted(deleted) == sorted(p for i, p in enumerate(paths) if i not in kept_idx)
    assert sorted(p.name for p in folder.iterdir()) == sorted([paths[i].name for i in kept_idx] + ["readme.txt"])


def test_thin_never_deletes_the_newest_verified_backup_when_newer_ones_are_corrupt(
    good_backup: Path, tmp_path: Path
) -> None:
    """If the newest backups are damaged, the newest one that verifies survives any tier limits."""
    good = good_backup
    folder = tmp_path / "backups"
    times = [NOW - timedelta(days=i) for i in range(6)]
    paths = _populate(folder, good, times)
    for p in paths[:3]:
        p.write_bytes(p.read_bytes()[:1000])  # newest three: truncated
    deleted = thin_backups(folder, now=NOW, daily=1, weekly=0, monthly=0, grace=timedelta(0))
    assert paths[3].exists(), "newest verified backup was deleted"
    assert paths[0].exists()  # the tier keeps the newest, even though it is corrupt
    assert sorted(deleted) == sorted([paths[1], paths[2], paths[4], paths[5]])


def test_thin_keeps_every_backup_from_the_last_two_days(
    good_backup: Path, tmp_path: Path
) -> None:
    """A before-import backup made this morning survives the exit backup taken after a bad import."""
    good = good_backup
    folder = tmp_path / "backups"
    times = [NOW - timedelta(hours=3 * i) for i in range(24)]  # three days, every three hours
    paths = _populate(folder, good, times)
    thin_backups(folder, now=NOW, daily=0, weekly=0, monthly=0)  # no tiers: only the grace period keeps
    for when, path in zip(times, paths, strict=True):
        assert path.exists() == (when >= NOW - timedelta(hours=48)), when


def test_thin_deletes_nothing_when_no_backup_verifies(tmp_path: Path) -> None:
    """With no verifiable backup at all, thinning stops: damaged copies may still be salvaged."""
    folder = tmp_path / "backups"
    folder.mkdir()
    for i in range(5):
        (folder / f"partydesk-2024061{i}-120000-exit.db").write_bytes(b"junk")
    assert thin_backups(folder, now=NOW, daily=1, weekly=0, monthly=0) == []
    assert len(list(folder.iterdir())) == 5




def test_pre_upgrade_backups_are_never_thinned(tmp_path: Path, good_backup: Path) -> None:
    """Old pre-upgrade backups survive thinning that removes ordinary backups of the same days."""
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [
        "partydesk-20230101-090000-pre-upgrade-0002-to-0003.db",
        "partydesk-20230101-080000-manual.db",
        "partydesk-20230101-070000-manual.db",
        "partydesk-20220301-090000-pre-upgrade-0001-to-0002.db",
        "partydesk-20220301-080000-exit.db",
    ]
    for name in names:
        shutil.copyfile(good_backup, folder / name)
    deleted = {p.name for p in thin_backups(folder, now=NOW, daily=1, weekly=0, monthly=0)}
    kept = {p.name for p in folder.iterdir()}
    assert {n for n in names if "pre-upgrade" in n} <= kept
    assert deleted == {"partydesk-20230101-080000-manual.db", "partydesk-20230101-070000-manual.db",
                       "partydesk-20220301-080000-exit.db"}
