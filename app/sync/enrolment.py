"""The enrolment package: what the county hands a unit to set up its installation.

One file, age-encrypted with a passphrase (scrypt, at the work factor pyrage/rage choose), which
the county gives the unit separately. Inside, UTF-8 JSON::

    {"format": 1,
     "county": {"code", "name", "signing_public", "key_id", "recipient"},
     "unit": {"code", "name", "type"},
     "keys": {"signing_private", "signing_public", "identity", "recipient", "sensitive"},
     "reference": [ {...}, ... ]}

Other fields may be added by the caller and are kept. In ``keys`` only the private parts are
required (``signing_public`` and ``recipient`` are derived from them and checked when present).
``keys`` is the unit's freshly generated key pair: its private parts are protected in transit by
the passphrase only, so the installation re-protects them at once and the file should be deleted.
``keys.sensitive`` (optional, base64 of 32 bytes) is the county's sensitive-field key, which every
installation of the county seals sensitive fields under.
``reference`` is a list of opaque dicts (reference data) the caller supplies and interprets.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
from pathlib import Path
from typing import Any

from pyrage import passphrase as age_passphrase

from app import leftovers
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.sync.keys import KeyFormatError, KeyPair, key_id, load_public_signing_key, load_recipient

FORMAT = 1

BAD_PACKAGE = QT_TRANSLATE_NOOP("app", "登记包口令不对或文件已损坏：{name}。")
WRITE_FAILED = QT_TRANSLATE_NOOP("app", "无法写入登记包：{name}。")

_STRING_FIELDS = {
    "county": ("code", "name", "signing_public", "key_id", "recipient"),
    "unit": ("code", "name", "type"),
    "keys": ("signing_private", "identity"),
}


class EnrolmentError(Exception):
    """An enrolment package could not be read or written; ``message`` says why (Chinese)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def make_enrolment(
    *,
    county_code: str,
    county_name: str,
    county_keys: KeyPair,
    unit_code: str,
    unit_name: str,
    unit_type: str,
    unit_keys: KeyPair,
    reference: list[dict[str, Any]],
) -> dict[str, Any]:
    """The package dict for ``write_enrolment`` (only the county's public keys go in)."""
    return {
        "format": FORMAT,
        "county": {
            "code": county_code,
            "name": county_name,
            "signing_public": county_keys.signing_public,
            "key_id": county_keys.key_id,
            "recipient": county_keys.recipient,
        },
        "unit": {"code": unit_code, "name": unit_name, "type": unit_type},
        "keys": {
            "signing_private": unit_keys.signing_private,
            "signing_public": unit_keys.signing_public,
            "identity": unit_keys.identity,
            "recipient": unit_keys.recipient,
        },
        "reference": reference,
    }


def check_package(package: Any) -> dict[str, Any]:
    """Raise ``ValueError`` unless ``package`` has the structure above with consistent keys.

    Fields beyond those listed are allowed (and travel unchanged)."""
    if not isinstance(package, dict):
        raise ValueError("package must be an object")
    if package.get("format") != FORMAT or isinstance(package.get("format"), bool):
        raise ValueError("unsupported format")
    for part, names in _STRING_FIELDS.items():
        section = package.get(part)
        if not isinstance(section, dict):
            raise ValueError(f"{part} missing")
        for name in names:
            if not isinstance(section.get(name), str) or not section[name]:
                raise ValueError(f"{part}.{name} missing")
    reference = package.get("reference")
    if not isinstance(reference, list) or not all(isinstance(r, dict) for r in reference):
        raise ValueError("reference must be a list of objects")
    county, keys = package["county"], package["keys"]
    try:
        load_public_signing_key(county["signing_public"])
        load_recipient(county["recipient"])
        if key_id(county["signing_public"]) != county["key_id"]:
            raise ValueError("county key id does not match its key")
        pair = KeyPair.from_private(keys["signing_private"], keys["identity"])
        for name in ("signing_public", "recipient"):  # optional; when present they must match
            if name in keys and keys[name] != getattr(pair, name):
                raise ValueError(f"keys.{name} does not match the private key")
        if "sensitive" in keys:
            if not isinstance(keys["sensitive"], str):
                raise ValueError("keys.sensitive must be base64 text")
            if len(base64.b64decode(keys["sensitive"], validate=True)) != 32:
                raise ValueError("keys.sensitive must be 32 bytes")
    except (KeyFormatError, binascii.Error) as exc:
        raise ValueError(str(exc)) from exc
    return package


def unit_keys(package: dict[str, Any]) -> KeyPair:
    """The unit's key pair from a (checked) package."""
    return KeyPair.from_private(package["keys"]["signing_private"], package["keys"]["identity"])


def write_enrolment(path: Path, package: dict[str, Any], passphrase: str) -> None:
    """Encrypt ``package`` with ``passphrase`` and write it to ``path`` atomically.

    ``ValueError`` for a malformed package or an empty passphrase; ``EnrolmentError`` when the
    file cannot be written (nothing is left behind).
    """
    check_package(package)
    if not passphrase:
        raise ValueError("the passphrase must not be empty")
    data = json.dumps(package, ensure_ascii=False, sort_keys=True, allow_nan=False).encode("utf-8")
    ciphertext = age_passphrase.encrypt(data, passphrase)
    path = Path(path)
    leftovers.sweep(path.parent, [leftovers.FILE_PART])  # of a package killed half-written
    temp = leftovers.part_path(path)
    try:
        with open(temp, "xb") as f:
            f.write(ciphertext)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise EnrolmentError(Message(WRITE_FAILED, {"name": path.name})) from exc
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_enrolment(path: Path, passphrase: str) -> dict[str, Any]:
    """Decrypt and check an enrolment package; ``EnrolmentError`` on any failure."""
    path = Path(path)
    try:
        ciphertext = path.read_bytes()
        data = age_passphrase.decrypt(ciphertext, passphrase)
        return check_package(json.loads(data.decode("utf-8")))
    except Exception as exc:
        raise EnrolmentError(Message(BAD_PACKAGE, {"name": path.name})) from exc
