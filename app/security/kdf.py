"""Password-based key derivation: argon2id (argon2-cffi), parameters stored with each key slot."""

from __future__ import annotations

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


# Tests create hundreds of installations and want a cheap KDF for the slots they make; they inject
# it with ``set_default_params(TEST_PARAMS)`` (tests/conftest.py, tests/fastkdf.py). The program
# itself never does: nothing outside the code (no environment variable) can weaken its slots.
# Parameters are stored per slot, so a slot made this way stays cheap and is never used for real data.
TEST_PARAMS = KdfParams(time_cost=1, memory_kib=8_192, parallelism=1)

_default = KdfParams()


def default_params() -> KdfParams:
    """The parameters of new slots: ``KdfParams()`` unless a test injected others."""
    return _default


def set_default_params(params: KdfParams | None) -> None:
    """For tests and benchmarks only: make new slots with ``params`` (None: the real ones again)."""
    global _default
    _default = KdfParams() if params is None else params


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
