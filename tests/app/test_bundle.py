"""Bundle files (app/sync/bundle.py): round trips, refusals of every kind of damage, flat memory."""

from __future__ import annotations

import random
import tempfile
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.sync import bundle
from app.sync.bundle import BundleError, read_bundle, write_bundle
from app.sync.keys import KeyPair, fingerprint, key_id

SECRET_TEXT = "举报某村干部违规占地建房"

SENDER = KeyPair.generate()
RECEIVER = KeyPair.generate()
STRANGER = KeyPair.generate()


def header(**changes: Any) -> dict[str, Any]:
    h: dict[str, Any] = {
        "county": "C01",
        "sender": "T01",
        "recipient": "C01",
        "sequence": 7,
        "payload": {"version_vector": {"T01": 12, "C01": 3}, "acknowledged": {"C01": 2}, "revoked": []},
    }
    h.update(changes)
    return h


def records(n: int, text: str = SECRET_TEXT) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "table": "clues",
            "id": f"00000000-0000-4000-8000-{i:012d}",
            "owner": "T01",
            "version": {"origin": "T01", "counter": i + 1},
            "deleted": i % 10 == 0,
            "fields": {"title": f"{text}{i}", "note": "第二行\n换行", "amount": i * 1.5},
        }


def known(sender: str, kid: str) -> str | None:
    return SENDER.signing_public if (sender, kid) == ("T01", SENDER.key_id) else None


def write(folder: Path, n: int, *, name: str = "T01-000007-20240501.jwb", **kw: Any) -> Path:
    args: dict[str, Any] = {
        "header": header(),
        "records": records(n),
        "signing_key": SENDER.signing_private,
        "recipient": RECEIVER.recipient,
        "file_name": name,
    }
    args.update(kw)
    return write_bundle(folder, **args)


def read(path: Path, **kw: Any) -> bundle.OpenedBundle:
    args: dict[str, Any] = {"identity": RECEIVER.identity, "public_key_for": known}
    args.update(kw)
    return read_bundle(path, **args)


def refused(path: Path, template: str | None = None, **kw: Any) -> BundleError:
    with pytest.raises(BundleError) as info:
        read(path, **kw)
    if template is not None:
        assert info.value.message.template == template
    assert path.name in str(info.value) or template == bundle.OWN_KEY_INVALID
    return info.value


@pytest.fixture(scope="module")
def small_bundle(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write(tmp_path_factory.mktemp("small"), 5).read_bytes()


@pytest.fixture(scope="module")
def medium_bundle(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write(tmp_path_factory.mktemp("medium"), 400).read_bytes()


@pytest.fixture(params=["kept", "second pass"])
def keep_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Small bundles keep their records from the first pass; large ones are decrypted again."""
    if request.param == "second pass":
        monkeypatch.setattr(bundle, "KEEP_LIMIT", 0)
    return str(request.param)


@pytest.mark.parametrize("n", [0, 1, 20_000])
def test_round_trip(tmp_path: Path, n: int, keep_mode: str) -> None:
    path = write(tmp_path, n)
    assert path == tmp_path / "T01-000007-20240501.jwb"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left
    opened = read(path)
    assert opened.record_count == n
    got = list(opened.iter_records())
    assert got == list(records(n))
    assert list(opened.iter_records()) == got  # can be iterated again


def test_manifest_fields(tmp_path: Path) -> None:
    path = write(tmp_path, 3, header=header(bundle_id="b-1", created_at="2024-05-01T08:00:00Z"))
    m = read(path).manifest
    assert set(m) == set(bundle.MANIFEST_FIELDS)
    assert m["format"] == 1 and m["suite"] == "age-x25519/ed25519/sha256"
    assert (m["bundle_id"], m["created_at"]) == ("b-1", "2024-05-01T08:00:00Z")
    assert (m["county"], m["sender"], m["recipient"], m["sequence"]) == ("C01", "T01", "C01", 7)
    assert m["sender_key_id"] == key_id(SENDER.signing_public) == SENDER.key_id
    assert m["recipient_fingerprint"] == fingerprint(RECEIVER.recipient)
    assert m["payload"] == header()["payload"]
    assert m["records"] == 3 and len(m["records_sha256"]) == 64
    # The derived fields may be repeated in the header when they agree with the keys.
    repeated = header(sender_key_id=SENDER.key_id, recipient_fingerprint=RECEIVER.fingerprint)
    assert read(write(tmp_path, 0, name="r.jwb", header=repeated)).manifest["sender_key_id"] == SENDER.key_id
    generated = read(write(tmp_path, 0, name="b.jwb")).manifest
    assert len(generated["bundle_id"]) == 36 and generated["created_at"].endswith("Z")


def test_file_is_only_age_ciphertext(tmp_path: Path) -> None:
    path = write(tmp_path, 50, header=header(bundle_id="bundle-id-visible?"))
    data = path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    for text in (SECRET_TEXT, "bundle-id-visible?", "clues", "JWB1", "version_vector", "records_sha256"):
        assert text.encode("utf-8") not in data
    assert b"JWB" not in data


def test_wrong_recipient_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 3)
    refused(path, bundle.NOT_FOR_US, identity=STRANGER.identity)


def test_unknown_or_revoked_sender_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 3)
    refused(path, bundle.UNKNOWN_SENDER, public_key_for=lambda s, k: None)
    # A registered unit's other (e.g. re-enrolled) key does not verify a bundle of the old key.
    refused(path, bundle.UNKNOWN_SENDER, public_key_for=lambda s, k: STRANGER.signing_public)
    # Signed by a key nobody registered, claiming to be T01.
    forged = write(tmp_path, 3, name="forged.jwb", signing_key=STRANGER.signing_private)
    refused(forged, bundle.UNKNOWN_SENDER)


def test_other_county_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 1)
    assert read(path, county="C01").manifest["county"] == "C01"
    refused(path, bundle.OTHER_COUNTY, county="C02")


def test_unsupported_format_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "FORMAT", 2)
    path = write(tmp_path, 1)
    monkeypatch.setattr(bundle, "FORMAT", 1)
    refused(path, bundle.UNSUPPORTED)


def test_bad_own_identity_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, 1)
    refused(path, bundle.OWN_KEY_INVALID, identity="AGE-SECRET-KEY-1XYZ")
    refused(tmp_path / "missing.jwb", bundle.UNREADABLE)
    (tmp_path / "empty.jwb").write_bytes(b"")
    refused(tmp_path / "empty.jwb", bundle.DAMAGED)


def test_every_sampled_flipped_byte_refused(tmp_path: Path, medium_bundle: bytes) -> None:
    rnd = random.Random(6)
    size = len(medium_bundle)
    positions = sorted({*range(0, min(size, 120)), *rnd.sample(range(size), 200), size - 1})
    path = tmp_path / "flipped.jwb"
    for pos in positions:
        data = bytearray(medium_bundle)
        data[pos] ^= 1 << rnd.randrange(8)
        path.write_bytes(bytes(data))
        refused(path)


def test_truncations_refused(tmp_path: Path, medium_bundle: bytes) -> None:
    path = tmp_path / "cut.jwb"
    size = len(medium_bundle)
    for keep in sorted(
        {0, 1, 10, 21, 22, 100, size // 3, size // 2, size - 200, size - 17, size - 16, size - 1}
    ):
        path.write_bytes(medium_bundle[:keep])
        refused(path)
    path.write_bytes(medium_bundle + b"\x00")
    refused(path)


def _forge(tmp_path: Path, plaintext: bytes) -> Path:
    """A file correctly encrypted to the receiver around a hand-made plaintext."""
    import pyrage
    from pyrage import x25519

    path = tmp_path / "forged.jwb"
    path.write_bytes(pyrage.encrypt(plaintext, [x25519.Recipient.from_str(RECEIVER.recipient)]))
    return path


def _trailer(manifest: dict[str, Any], key: KeyPair = SENDER) -> bytes:
    import json

    from app.sync.keys import load_signing_key

    data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    sig = load_signing_key(key.signing_private).sign(bundle.SIGNATURE_CONTEXT + data)
    return data + sig + len(data).to_bytes(4, "big") + b"JWBE"


def test_structure_damage_inside_valid_encryption_refused(tmp_path: Path) -> None:
    """Bad magic, bad JSON, counts and hashes: each caught although age decrypts fine."""
    import gzip
    import hashlib

    def manifest(lines: bytes, count: int) -> dict[str, Any]:
        return {
            "format": 1,
            "suite": bundle.SUITE,
            "bundle_id": "x",
            "county": "C01",
            "sender": "T01",
            "sender_key_id": SENDER.key_id,
            "recipient": "C01",
            "recipient_fingerprint": RECEIVER.fingerprint,
            "sequence": 1,
            "created_at": "2024-01-01T00:00:00Z",
            "payload": {},
            "records": count,
            "records_sha256": hashlib.sha256(lines).hexdigest(),
        }

    good = b'{"a":1}\n{"b":2}\n'
    assert list(
        read(_forge(tmp_path, b"JWB1" + gzip.compress(good) + _trailer(manifest(good, 2)))).iter_records()
    ) == [
        {"a": 1},
        {"b": 2},
    ]
    cases = {
        "magic": b"JWB0" + gzip.compress(good) + _trailer(manifest(good, 2)),
        "count": b"JWB1" + gzip.compress(good) + _trailer(manifest(good, 3)),
        "hash": b"JWB1" + gzip.compress(good) + _trailer(manifest(b"other", 2)),
        "json": b"JWB1" + gzip.compress(b'{"a":1\n') + _trailer(manifest(b'{"a":1\n', 1)),
        "not object": b"JWB1" + gzip.compress(b"[1]\n") + _trailer(manifest(b"[1]\n", 1)),
        "no newline": b"JWB1" + gzip.compress(b'{"a":1}') + _trailer(manifest(b'{"a":1}', 0)),
        "signature": b"JWB1"
        + gzip.compress(good)
        + _trailer(manifest(good, 2))[:-20]
        + bytes(12)
        + b"\x00\x00\x00\x00JWBE",
        "end magic": b"JWB1" + gzip.compress(good) + _trailer(manifest(good, 2))[:-4] + b"JWBX",
        "fingerprint": b"JWB1"
        + gzip.compress(good)
        + _trailer({**manifest(good, 2), "recipient_fingerprint": "0" * 16}),
        "missing field": b"JWB1"
        + gzip.compress(good)
        + _trailer({k: v for k, v in manifest(good, 2).items() if k != "sequence"}),
    }
    for name, plaintext in cases.items():
        path = _forge(tmp_path, plaintext)
        with pytest.raises(BundleError):
            read(path)
        assert name  # (the name helps when this loop fails under a debugger)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 64)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
)


def _mutate(data: bytes, ops: list[tuple[str, int, Any]]) -> bytes:
    out = bytearray(data)
    for kind, pos, arg in ops:
        pos = pos % (len(out) + 1)
        if kind == "flip" and pos < len(out):
            out[pos] ^= arg
        elif kind == "insert":
            out[pos:pos] = arg
        elif kind == "delete":
            del out[pos : pos + arg]
        elif kind == "truncate":
            del out[pos:]
    return bytes(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(mutation, min_size=1, max_size=4))
def test_random_mutations_only_ever_raise_bundle_error(
    small_bundle: bytes, ops: list[tuple[str, int, Any]]
) -> None:
    damaged = _mutate(small_bundle, ops)
    assume(damaged != small_bundle)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.jwb"
        path.write_bytes(damaged)
        try:
            opened = read(path)
        except BundleError:
            return
        pytest.fail(f"a damaged bundle was accepted with {len(list(opened.iter_records()))} records")


def test_file_changed_between_the_two_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "KEEP_LIMIT", 0)
    path = write(tmp_path, 30)
    opened = read(path)
    # The same records encrypted again: a different file, every chunk authentic.
    write(tmp_path, 30, name=path.name)
    with pytest.raises(BundleError):
        list(opened.iter_records())
    path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(BundleError):
        list(opened.iter_records())


def test_stopping_the_iteration_early(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "KEEP_LIMIT", 0)
    opened = read(write(tmp_path, 5000))
    it = opened.iter_records()
    assert next(it)["owner"] == "T01"
    it.close()  # stops the decrypting thread
    assert sum(1 for _ in opened.iter_records()) == 5000


def test_write_failures_leave_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(BundleError) as info:
        write(tmp_path / "no-such-stick", 1)
    assert info.value.message.template == bundle.WRITE_FAILED

    def broken() -> Iterator[dict[str, Any]]:
        yield from records(100)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="database went away"):
        write(tmp_path, 0, records=broken())
    assert list(tmp_path.iterdir()) == []

    monkeypatch.setattr(bundle, "_read_back", lambda path: ("0" * 64, 0))
    with pytest.raises(BundleError) as info:
        write(tmp_path, 1)
    assert info.value.message.template == bundle.VERIFY_FAILED
    assert list(tmp_path.iterdir()) == []


def test_programming_errors_are_not_bundle_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write(tmp_path, 1, header={**header(), "records": 3})
    with pytest.raises(ValueError):
        write(tmp_path, 1, header={**header(), "sender_key_id": STRANGER.key_id})
    with pytest.raises(ValueError):
        write(tmp_path, 1, header={k: v for k, v in header().items() if k != "sequence"})
    with pytest.raises(ValueError):
        write(tmp_path, 1, file_name="../x.jwb")
    with pytest.raises(ValueError):
        write(tmp_path, 1, recipient="age1notarecipient")
    with pytest.raises(TypeError):
        write(tmp_path, 0, records=iter([["not", "a", "dict"]]))
    assert list(tmp_path.iterdir()) == []


def _peak(fn: Callable[[], None]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat(tmp_path: Path) -> None:
    def round_trip(n: int) -> Callable[[], None]:
        def run() -> None:
            path = write(tmp_path, n, name=f"{n}.jwb")
            opened = read(path)
            assert sum(1 for _ in opened.iter_records()) == n

        return run

    small = _peak(round_trip(5_000))
    large = _peak(round_trip(50_000))  # ~10 MB of JSON: beyond KEEP_LIMIT, so two passes
    assert large < 50 * 1024 * 1024
    # Only what the first pass keeps of a small bundle (KEEP_LIMIT) may differ.
    assert large < small + bundle.KEEP_LIMIT * 2, (small, large)
