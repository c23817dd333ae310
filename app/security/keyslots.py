"""Key slots: the database key and the sensitive-field key, wrapped once per user and once under
the recovery key.

``keys.json`` in the data folder holds one slot per user and one recovery slot. A slot is the
keys sealed with AES-256-GCM under a key derived from the user's password (argon2id, parameters
kept in the slot). Changing a password re-seals one slot; the database is never re-encrypted.
The sensitive-field key is sealed only into slots of roles that may read sensitive fields.
The file says who has a slot and nothing about the data.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app import leftovers
from app.security.kdf import KEY_BYTES, SALT_BYTES, KdfParams, default_params, derive

KEY_FILE_NAME = "keys.json"
FORMAT = 1
SUITE = "argon2id+aes-256-gcm"
RECOVERY = "recovery"


class WrongSecret(Exception):
    """The password or recovery key does not open any slot it was tried on."""


@dataclass(frozen=True)
class Keys:
    """What a slot opens: the database key, and the sensitive-field key where the role allows."""

    db: bytes
    sensitive: bytes | None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def new_keys() -> Keys:
    return Keys(secrets.token_bytes(KEY_BYTES), secrets.token_bytes(KEY_BYTES))


def new_recovery_key() -> str:
    """32 random bytes as 13 groups of four base32 letters, e.g. ``ABCD-EFGH-…``."""
    raw = base64.b32encode(secrets.token_bytes(KEY_BYTES)).decode("ascii").rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _aad(kind: str, name: str) -> bytes:
    return f"jiwei-keyslot/{FORMAT}/{kind}/{name}".encode()


def _seal(secret: str, kind: str, name: str, keys: Keys, params: KdfParams) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(12)
    payload = json.dumps({"db": keys.db.hex(), "sensitive": keys.sensitive.hex() if keys.sensitive else None})
    sealed = AESGCM(derive(secret, salt, params)).encrypt(nonce, payload.encode(), _aad(kind, name))
    return {"kind": kind, "name": name, "kdf": params.to_json(), "salt": _b64(salt), "nonce": _b64(nonce),
            "sealed": _b64(sealed)}  # fmt: skip


def _open(secret: str, slot: dict[str, Any]) -> Keys:
    key = derive(secret, _unb64(slot["salt"]), KdfParams.from_json(slot["kdf"]))
    try:
        plain = AESGCM(key).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["sealed"]), _aad(slot["kind"], slot["name"])
        )
    except InvalidTag:
        raise WrongSecret() from None
    data = json.loads(plain)
    return Keys(bytes.fromhex(data["db"]), bytes.fromhex(data["sensitive"]) if data["sensitive"] else None)


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = leftovers.make_temp_file(path.parent, ".keys-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class KeyFile:
    """The key slots of one installation (``keys.json`` in its data folder)."""

    def __init__(self, path: Path, slots: list[dict[str, Any]], admin: str = "") -> None:
        self.path = path
        self.slots = slots
        self.admin = admin  # the administrator made at set-up: the default user of the command line

    @staticmethod
    def path_in(data_dir: Path) -> Path:
        return Path(data_dir) / KEY_FILE_NAME

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return cls.path_in(data_dir).exists()

    @classmethod
    def load(cls, data_dir: Path) -> KeyFile:
        path = cls.path_in(data_dir)
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("suite") != SUITE:
            raise ValueError(
                f"unsupported key file {path}: format {data.get('format')}, suite {data.get('suite')}"
            )
        return cls(path, list(data["slots"]), str(data.get("admin", "")))

    @classmethod
    def create(
        cls, data_dir: Path, username: str, password: str, keys: Keys | None = None
    ) -> tuple[KeyFile, Keys, str]:
        """New keys (unless given), a slot for the administrator and a recovery slot; returns the
        recovery key, which exists nowhere else once shown to the person setting up."""
        keys = keys or new_keys()
        recovery = new_recovery_key()
        params = default_params()
        kf = cls(cls.path_in(data_dir), [], username)
        kf.slots.append(_seal(password, "user", username, keys, params))
        kf.slots.append(_seal(normalise_recovery_key(recovery), RECOVERY, RECOVERY, keys, params))
        kf.save()
        return kf, keys, recovery

    def save(self) -> None:
        text = json.dumps(
            {"format": FORMAT, "suite": SUITE, "admin": self.admin, "slots": self.slots}, indent=1
        )
        _write_atomically(self.path, text)

    def users(self) -> list[str]:
        return [s["name"] for s in self.slots if s["kind"] == "user"]

    def _slot(self, kind: str, name: str) -> dict[str, Any] | None:
        return next((s for s in self.slots if s["kind"] == kind and s["name"] == name), None)

    def slot_params(self) -> KdfParams:
        """The parameters this installation's user slots use (the most common, should they differ
        because some were made under older defaults); ``default_params()`` when there are none."""
        found = [KdfParams.from_json(s["kdf"]) for s in self.slots if s["kind"] == "user"]
        found = found or [KdfParams.from_json(s["kdf"]) for s in self.slots]
        return max(found, key=found.count) if found else default_params()

    def unlock(self, username: str, password: str) -> Keys:
        """Open ``username``'s slot. A name with no slot (unknown, or deactivated: its slot was
        removed) costs the same one derivation, with the real slots' parameters, before
        ``WrongSecret``: how long a refusal takes does not tell which names exist."""
        slot = self._slot("user", username)
        if slot is None:
            derive(password, secrets.token_bytes(SALT_BYTES), self.slot_params())
            raise WrongSecret()
        return _open(password, slot)

    def unlock_recovery(self, recovery_key: str) -> Keys:
        slot = self._slot(RECOVERY, RECOVERY)
        if slot is None:
            raise WrongSecret()
        return _open(normalise_recovery_key(recovery_key), slot)

    def set_user(self, keys: Keys, username: str, password: str, *, sensitive: bool) -> None:
        """Add or replace a user's slot; the sensitive-field key only where ``sensitive``."""
        slot_keys = Keys(keys.db, keys.sensitive if sensitive else None)
        new = _seal(password, "user", username, slot_keys, default_params())
        self.slots = [s for s in self.slots if not (s["kind"] == "user" and s["name"] == username)] + [new]
        self.save()

    def remove_user(self, username: str) -> None:
        self.slots = [s for s in self.slots if not (s["kind"] == "user" and s["name"] == username)]
        self.save()

    def replace_recovery(self, keys: Keys) -> str:
        """A new recovery key (the old one stops working); returns it."""
        recovery = new_recovery_key()
        new = _seal(normalise_recovery_key(recovery), RECOVERY, RECOVERY, keys, default_params())
        self.slots = [s for s in self.slots if s["kind"] != RECOVERY] + [new]
        self.save()
        return recovery
