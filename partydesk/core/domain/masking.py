"""The masking policy (脱敏) that screens, exports and printed cards share.

ID numbers show as ``**************002X`` and phones as ``138****5678`` unless the policy is FULL.
Full numbers are a deliberate, audited choice of the caller (``services.audit``); this module only
says what a value looks like under a policy, so no widget or exporter decides it on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from partydesk.core.domain import fields
from partydesk.core.domain.idnumber import mask_id_number, mask_phone


class Masking(Enum):
    """How personal numbers are shown: masked (the default everywhere) or in full."""

    MASKED = "masked"
    FULL = "full"


_HOW: dict[str, Callable[[str], str]] = {"id_number": mask_id_number, "phone": mask_phone}
# Field key -> how its value is masked, for the fields the registry marks ``masked``; every other field
# is shown as it is. A masked field without a masker fails here, at import, rather than leak in full.
MASKERS: dict[str, Callable[[str], str]] = {key: _HOW[key] for key in sorted(fields.masked_keys())}


def is_masked_field(key: str) -> bool:
    """True for the fields whose values the policy hides."""
    return key in MASKERS


def shown(key: str, value: str, masking: Masking) -> str:
    """``value`` of field ``key`` as the policy lets it be shown."""
    if masking is Masking.FULL or not value:
        return value
    masker = MASKERS.get(key)
    return masker(value) if masker is not None else value
