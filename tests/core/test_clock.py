"""The hybrid logical clock issues ordered versions and never runs behind what it has seen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from partydesk.core.clock import HybridClock, Version


def test_versions_increase_even_when_the_wall_clock_stands_still() -> None:
    """Two writes in the same millisecond get increasing counters."""
    clock = HybridClock("site-a", wall=lambda: 1000)
    first, second = clock.tick(), clock.tick()
    assert first < second and (first.wall_ms, first.counter, second.counter) == (1000, 0, 1)


def test_versions_increase_when_the_wall_clock_goes_backwards() -> None:
    """A clock set back (a PC with a flat battery) never issues a version below the last one."""
    times = iter([5000, 4000, 3000])
    clock = HybridClock("site-a", wall=lambda: next(times))
    a, b, c = clock.tick(), clock.tick(), clock.tick()
    assert a < b < c and c.wall_ms == 5000


def test_observing_a_remote_version_moves_the_clock_past_it() -> None:
    """After an import, local edits are newer than anything the package carried."""
    clock = HybridClock("site-a", wall=lambda: 100)
    clock.observe(Version(9_000, 7, "site-b"))
    assert clock.tick() > Version(9_000, 7, "site-b")


def test_site_id_breaks_ties_between_identical_times() -> None:
    """Equal wall time and counter are ordered by site id, so every site agrees on the winner."""
    assert Version(1, 0, "a") < Version(1, 0, "b")


@given(st.tuples(st.integers(0, 10**14), st.integers(0, 999_999), st.uuids().map(str)),
       st.tuples(st.integers(0, 10**14), st.integers(0, 999_999), st.uuids().map(str)))
def test_encoded_text_sorts_exactly_like_the_version(a: tuple[int, int, str], b: tuple[int, int, str]) -> None:
    """String order of encode() equals tuple order, so SQL can compare versions; decode inverts it."""
    va, vb = Version(*a), Version(*b)
    assert (va.encode() < vb.encode()) == (va < vb)
    assert Version.decode(va.encode()) == va


def test_resumed_clock_continues_after_its_saved_version() -> None:
    """A clock restored from the site row never reissues an old version."""
    saved = Version(10**12, 5, "s")
    clock = HybridClock("s", saved, wall=lambda: 1)
    assert clock.tick() > saved
