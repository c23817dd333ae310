"""Password-based key derivation: argon2id (argon2-cffi), parameters stored with each key slot."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw

KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost. The defaults take 0.2-0.5 s on the reference machine (bench/password.py)."""

    time_cost: int = 4
    memory_kib: int = 131_072  # 128 MiB
    parallelism: int = 2

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, int]) -> KdfParams:
        return cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))


# Tests create hundreds of installations; they may ask for a cheap KDF for the slots they make.
# Parameters are stored per slot, so a slot made this way stays cheap and is never used for real data.
TEST_PARAMS = KdfParams(time_cost=1, memory_kib=8_192, parallelism=1)


def default_params() -> KdfParams:
    return TEST_PARAMS if os.environ.get("JIWEI_TEST_FAST_KDF") == "1" else KdfParams()


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
