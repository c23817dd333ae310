"""An installation's key pairs: Ed25519 for signing bundles, an age X25519 identity for receiving them.

Text forms (what is stored and what travels in enrolment packages):

- signing private key: the raw 32-byte Ed25519 seed, standard base64;
- signing public key: the raw 32-byte Ed25519 public key, standard base64;
- identity: age's ``AGE-SECRET-KEY-1…`` (Bech32), the X25519 private key;
- recipient: age's ``age1…``, the matching public key.

``key_id`` names a signing key (it travels in every bundle manifest), ``fingerprint`` names a
recipient. Neither reveals anything beyond the public key it is computed from.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from pyrage import x25519


class KeyFormatError(ValueError):
    """A key string is not of the expected form (wrong encoding, wrong length, wrong prefix)."""


def _b64decode(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError) as exc:
        raise KeyFormatError(f"{what}: not base64") from exc
    if len(raw) != 32:
        raise KeyFormatError(f"{what}: expected 32 bytes, got {len(raw)}")
    return raw


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def load_signing_key(private: str) -> Ed25519PrivateKey:
    """The Ed25519 private key from its base64 text form."""
    return Ed25519PrivateKey.from_private_bytes(_b64decode(private, "signing key"))


def load_public_signing_key(public: str) -> Ed25519PublicKey:
    """The Ed25519 public key from its base64 text form."""
    return Ed25519PublicKey.from_public_bytes(_b64decode(public, "public signing key"))


def public_signing_key_of(private: str) -> str:
    """The base64 public key belonging to a base64 Ed25519 private key."""
    raw = load_signing_key(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _b64(raw)


def load_identity(identity: str) -> x25519.Identity:
    """The age X25519 identity from ``AGE-SECRET-KEY-1…``."""
    if not isinstance(identity, str) or not identity.startswith("AGE-SECRET-KEY-1"):
        raise KeyFormatError("identity: expected AGE-SECRET-KEY-1…")
    try:
        return x25519.Identity.from_str(identity)
    except Exception as exc:  # pyrage.IdentityError
        raise KeyFormatError("identity: not a valid age X25519 identity") from exc


def load_recipient(recipient: str) -> x25519.Recipient:
    """The age X25519 recipient from ``age1…``."""
    if not isinstance(recipient, str) or not recipient.startswith("age1"):
        raise KeyFormatError("recipient: expected age1…")
    try:
        return x25519.Recipient.from_str(recipient)
    except Exception as exc:  # pyrage.RecipientError
        raise KeyFormatError("recipient: not a valid age X25519 recipient") from exc


def recipient_of(identity: str) -> str:
    """The ``age1…`` recipient of an ``AGE-SECRET-KEY-1…`` identity."""
    return str(load_identity(identity).to_public())


def key_id(public_signing_key: str) -> str:
    """First 16 hex digits of SHA-256 over the raw 32-byte Ed25519 public key (given as base64)."""
    return hashlib.sha256(_b64decode(public_signing_key, "public signing key")).hexdigest()[:16]


def fingerprint(age_recipient: str) -> str:
    """First 16 hex digits of SHA-256 over the ``age1…`` recipient string."""
    return hashlib.sha256(age_recipient.encode("ascii")).hexdigest()[:16]


@dataclass(frozen=True, repr=False)
class PublicKeys:
    """What others need to know of an installation: verify its signatures, encrypt to it."""

    signing_public: str
    recipient: str

    @property
    def key_id(self) -> str:
        return key_id(self.signing_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.recipient)

    def __repr__(self) -> str:
        return f"PublicKeys(key_id={self.key_id!r}, fingerprint={self.fingerprint!r})"


@dataclass(frozen=True, repr=False)
class KeyPair:
    """An installation's private and public keys, as text. ``repr`` shows only the public ids."""

    signing_private: str
    signing_public: str
    identity: str
    recipient: str

    @classmethod
    def generate(cls) -> KeyPair:
        signing = Ed25519PrivateKey.generate()
        seed = signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        public = signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        ident = x25519.Identity.generate()
        return cls(
            signing_private=_b64(seed),
            signing_public=_b64(public),
            identity=str(ident),
            recipient=str(ident.to_public()),
        )

    @classmethod
    def from_private(cls, signing_private: str, identity: str) -> KeyPair:
        """Rebuild the pair from its private parts (the public parts are derived)."""
        return cls(
            signing_private=signing_private,
            signing_public=public_signing_key_of(signing_private),
            identity=identity,
            recipient=recipient_of(identity),
        )

    def check(self) -> None:
        """Raise ``KeyFormatError`` unless every part parses and the public parts match the private."""
        if public_signing_key_of(self.signing_private) != self.signing_public:
            raise KeyFormatError("signing key: public part does not match the private part")
        load_public_signing_key(self.signing_public)
        if recipient_of(self.identity) != self.recipient:
            raise KeyFormatError("identity: recipient does not match the identity")

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(self.signing_public, self.recipient)

    @property
    def key_id(self) -> str:
        return key_id(self.signing_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.recipient)

    def __repr__(self) -> str:
        return f"KeyPair(key_id={self.key_id!r}, fingerprint={self.fingerprint!r})"
