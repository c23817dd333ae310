"""Enrolment, export and import: what ``enroll``, ``init --enrollment``, ``revoke``, ``export`` and
``import`` do (see docs/bundle-format.md).

A unit's bundle carries every change the county has not acknowledged; the county's bundle for a
unit carries acknowledgements, reference data, the unit's assignments and revocations. Import
checks the file (``bundle.read_bundle``: decrypt, signature, hashes), the county, the recipient,
the sender's enrolment and revocation, whether it was imported before or is older than one already
imported, and then merges all of it in one transaction.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import itertools
import os
import socket
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import os_errors
from app.context import Context
from app.db import changelog
from app.db.base import utcnow
from app.db.database import Database
from app.db.local import ChangeLog
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.models.org import Unit
from app.security import audit
from app.security.roles import EXCHANGE, UNITS
from app.services import undo
from app.sync import audit_travel, epoch
from app.sync import bundle as bundle_io
from app.sync import enrolment as enrolment_io
from app.sync.addressing import addressed_to, check_addressed, county_only_tables, referenced, relevant
from app.sync.keys import KeyPair, fingerprint
from app.sync.merge import MergeSummary, merge_records, record_from_row, synced_models
from app.sync.rules import SKEW, ImportRules, OutsideRights, RecordError, utc_naive
from app.sync.state import SyncBundle, SyncConflict, SyncIdentity, SyncPeer
from app.sync.transfers import transferred_away

BUNDLE_SUFFIX = ".jwb"
# Reference data the county sends every unit: the organisation and the settings it sets.
COUNTY_REVOKES = QT_TRANSLATE_NOOP(
    "app", "只有县纪委监委的数据包可以吊销单位的密钥（{code} 的数据包带有吊销名单）。"
)


def _table_order() -> dict[str, int]:
    """Tables in foreign-key order: a bundle carries referenced rows before the rows that refer."""
    from app.db.base import Base

    return {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}


class SyncError(Exception):
    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def machine_id() -> str:
    """This machine: /etc/machine-id where there is one, else host name and hardware address.
    A disk image cloned to another PC gets another value, and the copy refuses to export."""
    text = ""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(path).read_text(encoding="ascii").strip()
            break
        except OSError:
            continue
    if not text:
        text = f"{socket.gethostname()}/{uuid.getnode():012x}"
    text = os.environ.get("JIWEI_MACHINE_ID", text)  # tests simulate a cloned disk with it
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _identity(s: Session) -> SyncIdentity:
    ident = s.get(SyncIdentity, 1)
    if ident is None:
        raise SyncError(
            Message(
                QT_TRANSLATE_NOOP("app", "本机尚未登记数据交换密钥：乡镇和派驻组须用县里的登记包初始化。")
            )
        )
    return ident


def _county_identity(s: Session, unit_code: str, county_code: str) -> SyncIdentity:
    """The county's keys, made the first time it enrols a unit."""
    ident = s.get(SyncIdentity, 1)
    if ident is None:
        pair = KeyPair.generate()
        ident = SyncIdentity(
            id=1,
            unit_code=unit_code,
            county_code=county_code,
            signing_private=pair.signing_private,
            signing_public=pair.signing_public,
            key_id=pair.key_id,
            age_identity=pair.identity,
            age_recipient=pair.recipient,
            machine_id=machine_id(),
        )
        s.add(ident)
        s.flush()
    return ident


# ---- enrolment ---------------------------------------------------------------------------------
def enroll(ctx: Context, code: str, out: Path, passphrase: str, *, share_sensitive_key: bool = True) -> Path:
    """County: the enrolment package for unit ``code`` (new key pairs; enrolling again replaces
    the old keys, whose bundles are refused from then on), written to ``out`` under ``passphrase``.

    ``share_sensitive_key``: the package carries the county's sensitive-field key (the enrolling
    person's, who must be allowed to read sensitive fields). The package carries it so the unit seals its reporters and
    clue contents under the county's key: the county can read what arrives, the unit can read
    clues handed to it. Without it the unit makes its own key and what it seals stays unreadable
    at the county.

    Needs the UNITS permission."""
    ctx.require(UNITS)
    if len(passphrase) < 8:
        raise SyncError(Message(QT_TRANSLATE_NOOP("app", "登记包口令至少 8 个字符。")))
    key = _county_key(ctx) if share_sensitive_key else None
    written: list[Path] = []

    def write(package: dict[str, Any]) -> None:
        enrolment_io.write_enrolment(out, package, passphrase)
        written.append(out)

    try:
        _enrol(ctx, code, key, write)
    except BaseException:
        for path in written:  # the commit failed: keys nobody recorded must not be handed out
            path.unlink(missing_ok=True)
        raise
    return out


def enrolment_package(ctx: Context, code: str) -> dict[str, Any]:
    """``enroll`` for an installation made on this same machine (the demo county): the package as
    a dict for ``init_from_package``, never written anywhere (so no passphrase: its scrypt took
    a minute and a half of the demo county's build)."""
    ctx.require(UNITS)
    kept: list[dict[str, Any]] = []
    _enrol(ctx, code, _county_key(ctx), kept.append)
    return kept[0]


def _county_key(ctx: Context) -> bytes | None:
    """The county's sensitive-field key for a unit's package: the enrolling person's. Under
    separation of duties an administrator reads no sealed field (the actor holds no key), but
    their key slot still opens the key, and the unit must seal under the county's key all the
    same, or the county could never read what it sends."""
    if ctx.actor.sensitive_key is not None:
        return ctx.actor.sensitive_key
    return ctx.keys.sensitive if ctx.keys is not None else None


def _enrol(
    ctx: Context, code: str, sensitive_key: bytes | None, deliver: Callable[[dict[str, Any]], object]
) -> None:
    """New keys for ``code``, its package handed to ``deliver`` in the transaction that records
    them (a package that cannot be delivered changes nothing)."""
    info = ctx.installation()
    if info.unit_type != "county":
        raise SyncError(Message(QT_TRANSLATE_NOOP("app", "只有县纪委监委的安装才能登记单位。")))
    with ctx.session() as s:
        unit = s.scalars(select(Unit).where(Unit.code == code, Unit.deleted.is_(False))).first()
        if unit is None or unit.unit_type not in ("township", "group"):
            raise SyncError(
                Message(
                    QT_TRANSLATE_NOOP("app", "没有代码为 {code} 的乡镇纪委或派驻组，请先登记该单位。"),
                    {"code": code},
                )
            )
        county = _county_identity(s, info.unit_code, info.county_code)
        pair = KeyPair.generate()
        peer = s.get(SyncPeer, code) or SyncPeer(code=code)
        peer.name, peer.unit_type = unit.name, unit.unit_type
        peer.signing_public, peer.key_id, peer.age_recipient = (
            pair.signing_public,
            pair.key_id,
            pair.recipient,
        )
        peer.revoked, peer.revoked_at, peer.enrolled_at = False, None, utcnow()
        peer.acked_upto = 0  # a new installation holds nothing yet: the next bundle carries all
        s.add(peer)
        reference = list(_rows_for(s, unit, since=0))
        package = {
            "format": 1,
            "county": {
                "code": info.county_code,
                "name": info.county_name,
                "unit_code": info.unit_code,
                "signing_public": county.signing_public,
                "key_id": county.key_id,
                "recipient": county.age_recipient,
            },  # fmt: skip
            "unit": {"code": unit.code, "name": unit.name, "type": unit.unit_type, "id": unit.id},
            "keys": {
                "signing_private": pair.signing_private,
                "identity": pair.identity,
                **({"sensitive": base64.b64encode(sensitive_key).decode("ascii")} if sensitive_key else {}),
            },
            "upto": _max_seq(s),
            "reference": reference,
        }
        audit.record(s, audit.EXPORT, target_table="sync_peers", target_id=code, detail=f"enrolment={code}")
        s.flush()  # everything but the commit done before the package leaves
        deliver(package)


def init_from_enrolment(
    data_dir: Path, db_url: str | None, package_path: Path, passphrase: str, admin: str, password: str
) -> Any:
    """A unit's installation made from the county's enrolment package: identity, keys, the
    county's public keys and the reference data, already acknowledged as received."""
    try:
        package = enrolment_io.read_enrolment(package_path, passphrase)
    except enrolment_io.EnrolmentError as exc:
        raise SyncError(exc.message) from None
    return init_from_package(data_dir, db_url, package, admin, password)


def init_from_package(
    data_dir: Path, db_url: str | None, package: dict[str, Any], admin: str, password: str
) -> Any:
    """``init_from_enrolment`` from a package already in memory (``enrolment_package``)."""
    from app.services.installation import SetupRequest
    from app.services.login import create

    enrolment_io.check_package(package)
    unit, county = package["unit"], package["county"]
    sealed = package["keys"].get("sensitive")
    opened = create(
        data_dir,
        db_url,
        SetupRequest(
            unit_type=unit["type"],
            unit_code=unit["code"],
            unit_name=unit["name"],
            county_code=county["code"],
            county_name=county["name"],
            admin_username=admin,
            admin_password=password,
        ),
        sensitive_key=base64.b64decode(sealed) if sealed else None,
    )
    pair = KeyPair.from_private(package["keys"]["signing_private"], package["keys"]["identity"])
    with opened.db.session(admin) as s:
        s.add(SyncIdentity(id=1, unit_code=unit["code"], county_code=county["code"],
                           signing_private=pair.signing_private, signing_public=pair.signing_public,
                           key_id=pair.key_id, age_identity=pair.identity, age_recipient=pair.recipient,
                           machine_id=machine_id()))  # fmt: skip
        s.add(SyncPeer(code=county["unit_code"], name=county["name"], unit_type="county",
                       signing_public=county["signing_public"], key_id=county["key_id"],
                       age_recipient=county["recipient"], received_upto=int(package.get("upto") or 0)))  # fmt: skip
        merge_records(s, package["reference"], peer=county["unit_code"], bundle_id="enrolment", adopt=True)
    return opened


def revoke(ctx: Context, code: str) -> None:
    """County: revoke unit ``code``'s keys; its bundles are refused from then on (UNITS)."""
    ctx.require(UNITS)
    if ctx.installation().unit_type != "county":
        raise SyncError(Message(QT_TRANSLATE_NOOP("app", "只有县纪委监委的安装才能登记单位。")))
    with ctx.session() as s:
        peer = s.get(SyncPeer, code)
        if peer is None or peer.unit_type == "county":
            raise SyncError(
                Message(QT_TRANSLATE_NOOP("app", "单位 {code} 没有登记过数据交换。"), {"code": code})
            )
        peer.revoked, peer.revoked_at = True, utcnow()
        audit.record(s, audit.USER_CHANGE, target_table="sync_peers", target_id=code, detail="revoke")


# ---- export ------------------------------------------------------------------------------------
def _max_seq(s: Session) -> int:
    return int(s.scalar(select(func.coalesce(func.max(ChangeLog.seq), 0))) or 0)


# A table is read whole (and filtered) when at least one row in SCAN_SHARE changed.
SCAN_SHARE = 8
SCAN_BATCH = 2000


def _changed_rows(
    s: Session, since: int, extra: dict[str, set[str]] | None = None
) -> Iterator[tuple[Table, dict[str, Any]]]:
    """Every synchronised row changed after change-log entry ``since`` (audit entries travel their
    own way: ``audit_travel``), tables in foreign-key order, each row as its columns (Core: an export reads
    100,000 rows, far too many for ORM objects)."""
    models = synced_models()
    # No DISTINCT: the sets below drop repeats, and sorting 100,000 entries for it took a sixth of
    # an export.
    changed = select(ChangeLog.table_name, ChangeLog.row_id).where(
        ChangeLog.seq > since, ChangeLog.table_name != "audit_log"
    )
    wanted: dict[str, set[str]] = {}
    for table_name, row_id in s.execute(changed):
        wanted.setdefault(table_name, set()).add(row_id)
    for table_name, more in (extra or {}).items():
        wanted.setdefault(table_name, set()).update(more)
    order = _table_order()
    conn = s.connection()
    for table_name in sorted(wanted, key=lambda t: order.get(t, 0)):
        model = models.get(table_name)
        if model is None:
            continue
        table: Table = model.__table__  # type: ignore[attr-defined]
        wanted_ids = wanted[table_name]
        if len(wanted_ids) * SCAN_SHARE >= int(
            conn.execute(select(func.count()).select_from(table)).scalar() or 0
        ):
            # Most of the table: read it in storage order and keep the wanted rows; looking 100,000
            # rows up by key one by one took half of an export.
            # yield_per on the statement: on the connection it stays set for the transaction's
            # later statements (psycopg then ran the change log's UPDATE as a cursor and failed).
            result = conn.execute(select(table).execution_options(yield_per=SCAN_BATCH))
            keys = list(result.keys())
            at_id = keys.index("id")
            for part in result.partitions():
                for row in part:
                    if row[at_id] in wanted_ids:
                        yield table, dict(zip(keys, row, strict=True))
            continue
        ids = sorted(wanted_ids)
        for i in range(0, len(ids), 900):
            result = conn.execute(select(table).where(table.c.id.in_(ids[i : i + 900])))
            keys = list(result.keys())
            for row in result.all():
                yield table, dict(zip(keys, row, strict=True))


def _rows_for(s: Session, unit: Unit, since: int) -> Iterator[dict[str, Any]]:
    """County -> unit: records of the rows changed after ``since`` that the unit should hold, and
    the rows those refer to that the unit holds nowhere else (``_referenced``)."""
    extra = referenced(s, unit, since)
    for table, row in _changed_rows(s, since, extra):
        if row["version_origin"] == unit.code:
            continue  # the unit's own version, unchanged here: it has it
        if row["id"] in extra.get(table.name, ()) or relevant(s, table.name, row, unit):
            yield record_from_row(table, row)


def _rows_of_unit(s: Session, since: int, unit_code: str) -> Iterator[dict[str, Any]]:
    """Unit -> county: records of every row changed here after ``since`` whose present version was
    made here (versions received unchanged are their sender's to send)."""
    for table, row in _changed_rows(s, since):
        if row["version_origin"] == unit_code:
            yield record_from_row(table, row)


@dataclass
class Exported:
    path: Path
    sequence: int
    records: int
    counts: dict[str, int] = field(default_factory=dict)


def export_bundle(ctx: Context, out_dir: Path, to: str | None = None) -> Exported:
    """Write the next bundle for ``to`` (a unit: always the county) into ``out_dir`` (EXCHANGE)."""
    ctx.require(EXCHANGE)
    info = ctx.installation()
    with ctx.session() as s:
        ident = (
            _identity(s)
            if info.unit_type != "county"
            else _county_identity(s, info.unit_code, info.county_code)
        )
        if ident.machine_id != machine_id():
            raise SyncError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "app",
                        "本机与登记时的电脑不一致（可能是复制的系统镜像），须由县纪委监委重新登记后才能导出。",
                    )
                )
            )
        if info.unit_type == "county":
            if not to:
                raise SyncError(Message(QT_TRANSLATE_NOOP("app", "县纪委监委导出时须用 --to 指定单位。")))
            peer = s.get(SyncPeer, to)
            if peer is None or peer.unit_type == "county":
                raise SyncError(
                    Message(QT_TRANSLATE_NOOP("app", "单位 {code} 没有登记过数据交换。"), {"code": to})
                )
            if peer.revoked:
                raise SyncError(
                    Message(
                        QT_TRANSLATE_NOOP("app", "单位 {code} 的密钥已被吊销，须重新登记。"), {"code": to}
                    )
                )
            unit = s.scalars(select(Unit).where(Unit.code == to, Unit.deleted.is_(False))).first()
            if unit is None:
                raise SyncError(Message(QT_TRANSLATE_NOOP("app", "没有代码为 {code} 的单位。"), {"code": to}))
            rows: Iterator[dict[str, Any]] = _rows_for(s, unit, peer.acked_upto)
            revoked = sorted(p.code for p in s.scalars(select(SyncPeer).where(SyncPeer.revoked.is_(True))))
            audit_part = audit_travel.ack_for(s, peer.code)
        else:
            peer = s.scalars(select(SyncPeer).where(SyncPeer.unit_type == "county")).one()
            audit_part, entries = audit_travel.for_county(s, info.unit_code)
            rows = itertools.chain(_rows_of_unit(s, peer.acked_upto, info.unit_code), entries)
            revoked = []
        upto = _max_seq(s)
        sequence = peer.sent_sequence + 1
        counts: dict[str, int] = {}
        vector: dict[str, int] = {}

        def records() -> Iterator[dict[str, Any]]:
            for rec in rows:
                counts[rec["table"]] = counts.get(rec["table"], 0) + 1
                origin, counter = rec["version"]["origin"], rec["version"]["counter"]
                vector[origin] = max(vector.get(origin, 0), counter)
                yield rec

        day = datetime.now().strftime("%Y%m%d")
        # The county writes one bundle per unit, often into one folder on the same day: its file
        # names carry the recipient too, or the second unit's bundle would replace the first's.
        route = f"{info.unit_code}-{peer.code}" if info.unit_type == "county" else info.unit_code
        name = f"{route}-{sequence:05d}-{day}{BUNDLE_SUFFIX}"
        bundle_id = str(uuid.uuid4())
        header = {
            "bundle_id": bundle_id,
            "county": info.county_code,
            "sender": info.unit_code,
            "sender_key_id": ident.key_id,
            "recipient": peer.code,
            "recipient_fingerprint": fingerprint(peer.age_recipient),
            "sequence": sequence,
            "payload": {
                "upto": upto,
                "ack": peer.received_upto,
                "revoked": revoked,
                "counts": counts,
                "version_vector": vector,
                **(
                    {"your_counter": peer.received_counter, "your_sequence": peer.received_sequence}
                    if info.unit_type == "county"
                    else {}
                ),
                **audit_part,
            },  # fmt: skip
        }
        try:
            result = bundle_io.write_bundle(
                out_dir, header=header, records=records(), signing_key=ident.signing_private,
                recipient=peer.age_recipient, file_name=name,
            )  # fmt: skip
        except bundle_io.BundleError as exc:
            raise SyncError(exc.message) from None
        except OSError as exc:
            raise SyncError(
                Message(
                    QT_TRANSLATE_NOOP("app", "无法写入数据包：{reason}"), {"reason": os_errors.describe(exc)}
                )
            ) from None
        path = result if isinstance(result, Path) else Path(result)
        peer.sent_sequence = sequence
        with contextlib.suppress(OSError):  # a full data folder: the county's view covers it (epoch.py)
            epoch.note_issued(ctx.data_dir or ctx.db.data_dir, epoch.counter(s), peer.code, sequence,
                              epoch.audit_top(s, info.unit_code))  # fmt: skip
        total = sum(counts.values())
        s.add(SyncBundle(bundle_id=bundle_id, direction="out", peer=peer.code, sequence=sequence,
                         file_name=path.name, records=total, upto=upto, acked=peer.received_upto,
                         summary=dict(counts)))  # fmt: skip
        audit.record(s, audit.EXPORT, target_table="sync_bundles", target_id=peer.code,
                     detail=audit.export_detail("bundle", path.name, total))  # fmt: skip
    return Exported(path, sequence, total, counts)


# ---- import ------------------------------------------------------------------------------------
@dataclass
class Imported:
    path: Path
    status: str  # imported | duplicate | refused
    sender: str = ""
    sequence: int = 0
    summary: MergeSummary | None = None
    message: Message | None = None


def _public_key_for(db: Database, user: str) -> Any:
    def lookup(sender: str, kid: str) -> str | None:
        with db.session(user) as s:
            peer = s.get(SyncPeer, sender)
            if peer is None or peer.revoked or peer.key_id != kid or not peer.signing_public:
                return None
            return peer.signing_public

    return lookup


def import_bundles(ctx: Context, paths: Sequence[Path]) -> list[Imported]:
    """Verify and merge each bundle; a bad one is reported and skipped, never the others (EXCHANGE)."""
    ctx.require(EXCHANGE)
    db, user = ctx.db, ctx.user
    info = ctx.installation()
    with ctx.session() as s:
        ident = _identity(s) if info.unit_type != "county" else s.get(SyncIdentity, 1)
        if ident is None:
            return [Imported(p, "refused", message=Message(QT_TRANSLATE_NOOP("app", "本机还没有登记过任何单位，不能导入数据包。"))) for p in paths]  # fmt: skip
        identity, my_fp = ident.age_identity, fingerprint(ident.age_recipient)
    opened: list[tuple[Path, Any]] = []
    results: list[Imported] = []
    for path in paths:
        try:
            b = bundle_io.read_bundle(Path(path), identity=identity, public_key_for=_public_key_for(db, user))
        except bundle_io.BundleError as exc:
            results.append(Imported(Path(path), "refused", message=exc.message))
            continue
        opened.append((Path(path), b))
    opened.sort(key=lambda pb: (str(pb[1].manifest.get("sender")), int(pb[1].manifest.get("sequence") or 0)))
    for path, b in opened:
        results.append(_import_one(ctx, path, b, info, my_fp))
    merged = tuple(r.path.name for r in results if r.status == "imported")
    if merged:  # an import is not undone, nor anything before it (``app.services.undo``)
        what = Message(QT_TRANSLATE_NOOP("app", "数据包 {names}"), {"names": merged})
        undo.mark(ctx, undo.IMPORT, "", what)
    return results


BEYOND_RIGHTS = QT_TRANSLATE_NOOP("app", "数据包 {name} 超出发送单位的权限，整个数据包未导入：{reason}")


def _refused_whole(
    ctx: Context, path: Path, sender: str, sequence: int, exc: OutsideRights | audit_travel.AuditRefused, text: str
) -> Imported:
    """A signed bundle refused for what it carries: the attempt goes into the audit log."""
    with ctx.session() as s:
        audit.record(s, audit.IMPORT_REFUSED, target_table="sync_bundles", target_id=sender,
                     detail=f"bundle={path.name} {exc}"[:500])  # fmt: skip
    return Imported(path, "refused", sender, sequence, message=Message(text, {"name": path.name, "reason": exc.message}))


def _refused(path: Path, m: dict[str, Any], text: str, **params: Any) -> Imported:
    return Imported(
        path, "refused", str(m.get("sender", "")), int(m.get("sequence") or 0), message=Message(text, params)
    )


def _import_one(ctx: Context, path: Path, b: Any, info: Any, my_fp: str) -> Imported:
    m = b.manifest
    if m.get("county") != info.county_code:
        return _refused(
            path,
            m,
            QT_TRANSLATE_NOOP("app", "数据包来自其他县（{county}），不能导入。"),
            county=str(m.get("county")),
        )
    if m.get("recipient") != info.unit_code or m.get("recipient_fingerprint") != my_fp:
        return _refused(path, m, QT_TRANSLATE_NOOP("app", "数据包不是发给本单位的。"))
    sender, sequence, payload = str(m["sender"]), int(m["sequence"]), m.get("payload") or {}
    try:
        with ctx.session() as s:
            # One import at a time: another program importing the same bundle finishes first, and
            # this one then finds it imported instead of failing on the rows it wrote.
            changelog.take_write_lock(s)
            peer = s.get(SyncPeer, sender)
            if peer is None or peer.revoked:
                return _refused(
                    path, m, QT_TRANSLATE_NOOP("app", "发送单位 {code} 未登记或已被吊销。"), code=sender
                )
            if info.unit_type != "county" and peer.unit_type != "county":
                return _refused(path, m, QT_TRANSLATE_NOOP("app", "乡镇和派驻组只接收县纪委监委的数据包。"))
            if sequence >= peer.received_sequence and s.get(SyncBundle, str(m["bundle_id"])) is not None:
                return Imported(path, "duplicate", sender, sequence,
                                message=Message(QT_TRANSLATE_NOOP("app", "该数据包已经导入过，没有变化。")))  # fmt: skip
            if sequence <= peer.received_sequence:
                return _refused(
                    path, m,
                    QT_TRANSLATE_NOOP("app", "数据包已过期：{code} 第 {n} 号之后的数据包已经导入，其内容已包含在内。"),
                    code=sender, n=str(peer.received_sequence),
                )  # fmt: skip
            from_unit = peer.unit_type != "county"
            if from_unit and payload.get("revoked"):
                raise OutsideRights(Message(COUNTY_REVOKES, {"code": sender}))
            me = None if from_unit else _my_unit(s, info.unit_code)
            rules = _rules(s, m, info.unit_code, me)
            if s.get_bind().dialect.name == "sqlite":
                s.execute(text("PRAGMA defer_foreign_keys = ON"))  # checked at commit, not per row
            audit_in = audit_travel.Receiver(s, sender, payload, from_unit=from_unit, me=info.unit_code)
            summary = merge_records(s, audit_in.divert(b.iter_records()), peer=sender,
                                    bundle_id=str(m["bundle_id"]), rules=rules)  # fmt: skip
            audit_in.finish()
            if me is not None:
                check_addressed(s, me, rules.unaddressed)
            if os.environ.get("JIWEI_TEST_DIE_DURING_IMPORT"):  # tests: a process killed mid-import
                os._exit(137)
            peer.received_sequence = sequence
            peer.received_upto = max(peer.received_upto, int(payload.get("upto") or 0))
            vector = payload.get("version_vector")
            if isinstance(vector, dict):
                peer.received_counter = max(peer.received_counter, int(vector.get(sender) or 0))
            if not from_unit:
                epoch.adopt_county_view(s, peer, payload)
            # The ack names a change-log position of a bundle we sent. After a restore the sender
            # may acknowledge bundles of the history the restore cut off, whose positions this
            # database has since used again: trust it no further than the bundles this database
            # itself remembers sending (the rest is sent again; the receiver drops what it holds).
            sent_upto = s.scalar(
                select(func.max(SyncBundle.upto)).where(SyncBundle.direction == "out", SyncBundle.peer == sender)
            )
            ack = min(int(payload.get("ack") or 0), int(sent_upto or 0))
            peer.acked_upto = max(peer.acked_upto, ack)
            peer.last_received_at = utcnow()
            for code in payload.get("revoked") or []:
                other = s.get(SyncPeer, str(code)) or SyncPeer(code=str(code))
                other.revoked, other.revoked_at = True, other.revoked_at or utcnow()
                s.add(other)
            s.add(SyncBundle(bundle_id=str(m["bundle_id"]), direction="in", peer=sender, sequence=sequence,
                             file_name=path.name, records=int(m.get("records") or 0),
                             upto=int(payload.get("upto") or 0), acked=int(payload.get("ack") or 0),
                             summary=summary.as_dict()))  # fmt: skip
            audit.record(s, audit.IMPORT, target_table="sync_bundles", target_id=sender,
                         detail=f"bundle={path.name} " + " ".join(f"{k}={v}" for k, v in summary.as_dict().items()))  # fmt: skip
    except bundle_io.BundleError as exc:
        return Imported(path, "refused", sender, sequence, message=exc.message)
    except audit_travel.AuditRefused as exc:  # the unit's audit chain does not hold: nothing applied
        return _refused_whole(ctx, path, sender, sequence, exc, audit_travel.REFUSED)
    except OutsideRights as exc:  # signed, but beyond what its sender may change: nothing applied
        return _refused_whole(ctx, path, sender, sequence, exc, BEYOND_RIGHTS)
    except (RecordError, IntegrityError) as exc:  # signed, but does not fit here: nothing applied
        if _imported_before(ctx, str(m["bundle_id"])):  # by another program meanwhile
            return Imported(path, "duplicate", sender, sequence,
                            message=Message(QT_TRANSLATE_NOOP("app", "该数据包已经导入过，没有变化。")))  # fmt: skip
        reason = str(getattr(exc, "orig", None) or exc)
        return Imported(path, "refused", sender, sequence, message=Message(
            QT_TRANSLATE_NOOP("app", "数据包 {name} 的记录无法并入本机数据（{reason}），整个数据包未导入。"),
            {"name": path.name, "reason": reason[:200]},
        ))  # fmt: skip
    return Imported(path, "imported", sender, sequence, summary)


BUNDLE_FROM_FUTURE = QT_TRANSLATE_NOOP(
    "app", "数据包的生成时间 {created} 晚于本机时间 {now}（允许误差 1 天）：请检查发送单位和本机电脑的日期。"
)


def _rules(s: Session, m: dict[str, Any], here: str, me: Unit | None) -> ImportRules:
    """What this bundle may carry (``app.sync.rules``); refuses a bundle made in the future.
    ``here``: this installation's unit code; ``me``: its unit row at a township or group (whose
    bundles come from the county alone), None at the county."""
    try:
        created = utc_naive(str(m.get("created_at")))
    except ValueError:
        raise RecordError(f"created_at: {m.get('created_at')!r}") from None
    now = utcnow()
    if created > now + SKEW:
        raise OutsideRights(Message(BUNDLE_FROM_FUTURE, {"created": created.isoformat(timespec="seconds"),
                                                         "now": now.isoformat(timespec="seconds")}))  # fmt: skip
    counts = (m.get("payload") or {}).get("counts")
    sender = str(m["sender"])
    rules = ImportRules(sender=sender, county=here if me is None else sender, from_unit=me is None,
                        created_at=created, counts=counts if isinstance(counts, dict) else None)  # fmt: skip
    if me is None:
        rules.transferred_away = lambda table, rid, unit: transferred_away(s, table, rid, unit, here)
        rules.county_only = county_only_tables()
    else:
        rules.addressed = addressed_to(s, me)
    return rules


def _my_unit(s: Session, code: str) -> Unit:
    unit = s.scalars(select(Unit).where(Unit.code == code)).first()
    if unit is None:  # pragma: no cover - an enrolled unit holds its own unit row from enrolment
        raise SyncError(Message(QT_TRANSLATE_NOOP("app", "没有代码为 {code} 的单位。"), {"code": code}))
    return unit


def _imported_before(ctx: Context, bundle_id: str) -> bool:
    with ctx.session() as s:
        return s.get(SyncBundle, bundle_id) is not None


# ---- conflicts ---------------------------------------------------------------------------------
def open_conflicts(ctx: Context) -> list[SyncConflict]:
    with ctx.session() as s:
        rows = s.scalars(
            select(SyncConflict).where(SyncConflict.state == "open").order_by(SyncConflict.id)
        ).all()
        s.expunge_all()
        return list(rows)
