"""Enrolment packages (app/sync/enrolment.py) and installation keys (app/sync/keys.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.sync.enrolment import (
    BAD_PACKAGE,
    EnrolmentError,
    make_enrolment,
    read_enrolment,
    unit_keys,
    write_enrolment,
)
from app.sync.keys import KeyFormatError, KeyPair, fingerprint, key_id, public_signing_key_of, recipient_of

COUNTY = KeyPair.generate()
UNIT = KeyPair.generate()


def package(**changes: Any) -> dict[str, Any]:
    p = make_enrolment(
        county_code="C01",
        county_name="示范县纪委监委",
        county_keys=COUNTY,
        unit_code="T01",
        unit_name="东关镇纪委",
        unit_type="township",
        unit_keys=UNIT,
        reference=[{"table": "villages", "id": "v1", "fields": {"name": "东关村"}}],
    )
    p.update(changes)
    return p


def test_keys() -> None:
    assert UNIT.identity.startswith("AGE-SECRET-KEY-1") and UNIT.recipient.startswith("age1")
    assert recipient_of(UNIT.identity) == UNIT.recipient
    assert public_signing_key_of(UNIT.signing_private) == UNIT.signing_public
    assert KeyPair.from_private(UNIT.signing_private, UNIT.identity) == UNIT
    assert len(key_id(UNIT.signing_public)) == 16 and len(fingerprint(UNIT.recipient)) == 16
    assert key_id(UNIT.signing_public) != key_id(COUNTY.signing_public)
    UNIT.check()
    # Private parts never show in a repr (log files, crash reports).
    for text in (repr(UNIT), repr(UNIT.public), str(UNIT)):
        assert UNIT.signing_private not in text and UNIT.identity not in text
    with pytest.raises(KeyFormatError):
        KeyPair(UNIT.signing_private, COUNTY.signing_public, UNIT.identity, UNIT.recipient).check()
    with pytest.raises(KeyFormatError):
        key_id("not base64!")


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "T01.jwenrol"
    write_enrolment(path, package(), "口令 correct horse")
    assert [p.name for p in tmp_path.iterdir()] == ["T01.jwenrol"]
    data = path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    for secret in (UNIT.signing_private, UNIT.identity, "东关村", "T01"):
        assert secret.encode("utf-8") not in data
    got = read_enrolment(path, "口令 correct horse")
    assert got == package()
    assert unit_keys(got) == UNIT
    assert got["county"]["key_id"] == COUNTY.key_id and got["county"]["recipient"] == COUNTY.recipient
    assert "signing_private" not in got["county"] and "identity" not in got["county"]


def test_extra_fields_kept_and_public_parts_optional(tmp_path: Path) -> None:
    path = tmp_path / "T01.jwenrol"
    keys = {"signing_private": UNIT.signing_private, "identity": UNIT.identity}
    p = package(keys=keys, upto=42, county={**package()["county"], "unit_code": "C01"})
    write_enrolment(path, p, "pw")
    got = read_enrolment(path, "pw")
    assert got == p and unit_keys(got) == UNIT


def test_wrong_passphrase_and_damage_refused(tmp_path: Path) -> None:
    path = tmp_path / "T01.jwenrol"
    write_enrolment(path, package(), "right")
    with pytest.raises(EnrolmentError) as info:
        read_enrolment(path, "wrong")
    assert info.value.message.template == BAD_PACKAGE
    assert "登记包口令不对或文件已损坏" in str(info.value)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x10
    path.write_bytes(bytes(data))
    with pytest.raises(EnrolmentError):
        read_enrolment(path, "right")
    with pytest.raises(EnrolmentError):
        read_enrolment(tmp_path / "missing", "right")


def test_malformed_package_not_written(tmp_path: Path) -> None:
    path = tmp_path / "x"
    bad_keys = {**package()["keys"], "recipient": COUNTY.recipient}
    for bad in (
        package(format=2),
        package(reference={}),
        package(keys=bad_keys),
        package(unit={"code": "T01"}),
    ):
        with pytest.raises(ValueError):
            write_enrolment(path, bad, "pw")
    with pytest.raises(ValueError):
        write_enrolment(path, package(), "")
    assert not path.exists()
