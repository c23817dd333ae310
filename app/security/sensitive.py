"""Sensitive fields: values that stay encrypted inside the database.

A register field declared ``Field(..., sensitive=True)`` (the reporter of a clue, their contact,
clue content marked so) is stored as a text token ``enc:v1:<base64(nonce | ciphertext)>``:
AES-256-GCM under the sensitive-field key, which only the key slots of roles allowed to read
sensitive fields hold (``app.security.keyslots``). The associated data binds a token to its
table, field and row, so a token copied into another field or record does not open, and any
change to a token is detected. Everyone else sees ``RESTRICTED``; the change log keeps the
field's name with ``ENCRYPTED`` in place of the values, and the audit log names fields only.

An empty value is stored empty: whether a sensitive field is filled in is not secret, its
content is. (The window shows ``RESTRICTED`` either way to those without the key.)
"""

from __future__ import annotations

import base64
import binascii
import operator
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.orm import Session

from app.db import changelog
from app.db.base import SyncMixin
from app.i18n import QT_TRANSLATE_NOOP

PREFIX = "enc:v1:"
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32

RESTRICTED = QT_TRANSLATE_NOOP("app", "（受限）")
"""What a person without the sensitive-field key sees in place of a sensitive value."""
ENCRYPTED = QT_TRANSLATE_NOOP("app", "（已加密）")
"""What the change log (and the history shown from it) holds in place of a sensitive value."""
UNREADABLE = QT_TRANSLATE_NOOP("app", "（无法解密）")
"""Shown when a stored token does not open: altered, moved to another record, or another key."""

PLACEHOLDERS = frozenset({RESTRICTED, ENCRYPTED, UNREADABLE})


class TokenError(Exception):
    """A token that does not open: not a token, altered, bound to another place, or wrong key."""


@dataclass(frozen=True)
class Context:
    """Where a sealed value lives; part of the associated data, so a token opens only there."""

    table: str
    field: str
    row_id: str = ""

    def aad(self) -> bytes:
        parts = ("jiwei-sensitive", "v1", self.table, self.field, self.row_id)
        return "\x00".join(parts).encode("utf-8")


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError("the sensitive-field key must be 32 bytes")


def is_sealed(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def seal(key: bytes, plaintext: str, context: Context) -> str:
    """Encrypt ``plaintext`` for ``context``; a fresh random nonce every time."""
    _check_key(key)
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(bytes(key)).encrypt(nonce, plaintext.encode("utf-8"), context.aad())
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def open(key: bytes, token: str, context: Context) -> str:  # shadows the built-in here only
    """The plaintext of ``token``; ``TokenError`` when it is no token, was altered, belongs to
    another table, field or record, or was sealed under another key."""
    _check_key(key)
    if not is_sealed(token):
        raise TokenError("not a sealed value")
    try:
        raw = base64.b64decode(token[len(PREFIX) :].encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise TokenError("malformed sealed value") from None
    if len(raw) < NONCE_BYTES + TAG_BYTES:
        raise TokenError("malformed sealed value")
    try:
        plain = AESGCM(bytes(key)).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.aad())
    except InvalidTag:
        raise TokenError("sealed value altered, moved or under another key") from None
    return plain.decode("utf-8")


def keyed_hash(key: bytes, purpose: str, plaintext: str) -> str:
    """A keyed hash (HMAC-SHA256, hex) of ``plaintext`` under a key derived from the
    sensitive-field key for ``purpose``: the same value gives the same hash at every installation
    holding the key, and nothing without the key can test a guess against it."""
    _check_key(key)
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=f"jiwei-keyed:{purpose}".encode()
    ).derive(bytes(key))
    mac = hmac.HMAC(derived, hashes.SHA256())
    mac.update(plaintext.encode("utf-8"))
    return mac.finalize().hex()


def sealed_length(max_chars: int) -> int:
    """The column length a sealed value of at most ``max_chars`` characters needs (UTF-8 may
    take four bytes a character). Declare sensitive columns ``Text`` or at least this long."""
    raw = NONCE_BYTES + 4 * max_chars + TAG_BYTES
    return len(PREFIX) + 4 * ((raw + 2) // 3)


# ---- the change log never holds a sensitive value, not even sealed ---------------------------
def sensitive_columns() -> dict[str, frozenset[str]]:
    """Table name -> names of the columns declared sensitive by some register (worked out again
    only when the registers change: every flush asks). Do not change what it returns."""
    from app.registers import REGISTERS  # imported late: registers import the models

    global _DECLARED
    registers = tuple(REGISTERS.values())
    known = _DECLARED[0] if _DECLARED is not None else ()
    if _DECLARED is not None and len(known) == len(registers) and all(map(operator.is_, known, registers)):
        return _DECLARED[1]
    out: dict[str, set[str]] = {}
    for reg in registers:
        names = {f.name for f in reg.fields if f.sensitive}
        if names:
            table = reg.model.__table__.name  # type: ignore[attr-defined]
            out.setdefault(table, set()).update(names)
    declared = {k: frozenset(v) for k, v in out.items()}
    _DECLARED = (registers, declared)
    return declared


_DECLARED: tuple[tuple[Any, ...], dict[str, frozenset[str]]] | None = None


def masked(value: Any) -> Any:
    """What the change log holds in place of a sensitive value (empty stays empty)."""
    return ENCRYPTED if value not in (None, "") else value


def _mask_change_log(session: Session, changes: list[changelog.Change], now: datetime) -> list[SyncMixin]:
    """Replace sensitive values in the changes about to enter the change log (in place: the
    change log writes these very dicts). Field names stay, so the history shows what changed."""
    declared: dict[str, frozenset[str]] | None = None
    for obj, _op, fields in changes:
        table = type(obj).__table__.name  # type: ignore[attr-defined]
        for name, pair in fields.items():
            if not isinstance(pair, list) or len(pair) != 2:
                continue
            if not (is_sealed(pair[0]) or is_sealed(pair[1])):
                if declared is None:
                    declared = sensitive_columns()
                if name not in declared.get(table, ()):
                    continue
            pair[0], pair[1] = masked(pair[0]), masked(pair[1])
    return []


changelog.add_hook(_mask_change_log)
