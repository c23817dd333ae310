"""Who may do what, through the command line and through the services: every cell of the table,
with the county's database on SQLite and on PostgreSQL.

The expectations are the tables of the issue "The core decides who may act", written out here
literally, never derived from ``app.security.roles``: a change of the role definitions that
breaks a table fails here. ``TABLE`` holds with the county's separation of duties (三员分立) off,
``SEPARATED`` with it on; the ``county`` fixture is made both ways on both databases. A refused
operation exits 1 with the operation's own message and changes nothing (``dump`` equal before
and after, the audit log aside: every log-in is audited).
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import PASSWORD, EnrolledPair, enrolled_pair
from pgserver import postgres_url, wipe_database
from sqlalchemy import select

from app import cli
from app.cli import dump_records
from app.context import Context
from app.models.policy import CountyPolicy
from app.registers import get
from app.security import audit
from app.security.audit import AuditEntry
from app.security.roles import PermissionDenied
from app.security.sensitive import RESTRICTED
from app.services import policy, users
from app.services.audit_log import AuditLogService
from app.services.login import login
from app.services.records import RecordService
from app.sync import exchange

ROLES = ("readonly", "staff", "secretary", "admin", "county_admin", "reviewer", "auditor")

# operation -> the roles that may (the table, row by row)
TABLE: dict[str, set[str]] = {
    "read": set(ROLES),
    "read_sealed": {"secretary", "admin", "county_admin", "reviewer"},
    "edit": {"staff", "secretary", "admin", "county_admin", "reviewer"},
    "print": {"staff", "secretary", "admin", "county_admin", "reviewer"},
    "exchange": {"secretary", "admin", "county_admin"},
    "units": {"admin", "county_admin"},
    "accounts": {"admin", "county_admin"},
    "backup": {"secretary", "admin", "county_admin"},
    "audit": {"secretary", "admin", "county_admin", "reviewer", "auditor"},
    "demo": {"admin", "county_admin"},
}
# the same with separation of duties on: the auditor alone sees the audit log; the
# administrators keep accounts, backups, exchange and units, not sealed fields nor edits
SEPARATED: dict[str, set[str]] = {
    "read": set(ROLES),
    "read_sealed": {"secretary", "reviewer"},
    "edit": {"staff", "secretary", "reviewer"},
    "print": {"staff", "secretary", "admin", "county_admin", "reviewer"},
    "exchange": {"secretary", "admin", "county_admin"},
    "units": {"admin", "county_admin"},
    "accounts": {"admin", "county_admin"},
    "backup": {"secretary", "admin", "county_admin"},
    "audit": {"auditor"},
    "demo": {"admin", "county_admin"},
}
REFUSED = "没有「"  # the start of PermissionDenied's message: 当前用户没有「…」的权限。
REPORTER = "举报人周某"


@dataclass
class County:
    pair: EnrolledPair
    root: Path
    password_file: Path
    report_id: str
    bundle: Path  # a bundle from the township, waiting at the county
    db_url: str | None  # the county's database when not the embedded one
    separated: bool  # the county's separation of duties is on
    reader: Context  # the county opened once, to compare its records before and after

    @property
    def data_dir(self) -> Path:
        return self.root / "county"

    @property
    def table(self) -> dict[str, set[str]]:
        """Who may do what here."""
        return SEPARATED if self.separated else TABLE


@pytest.fixture(
    scope="module",
    params=[
        "sqlite",
        "sqlite-separated",
        pytest.param("postgres", marks=pytest.mark.postgres),
        pytest.param("postgres-separated", marks=pytest.mark.postgres),
    ],
)
def county(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[County]:
    """County C01 with one account per role, township T01 enrolled, a report with a sealed
    reporter, and a bundle from T01 for the county to import; "-separated": then separation of
    duties turned on, as the county's administrator does it."""
    root = tmp_path_factory.mktemp("rights")
    url = None
    separated = request.param.endswith("-separated")
    if request.param.startswith("postgres"):
        url = postgres_url()
        wipe_database(url)
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("JIWEI_DB_URL", raising=False)
        pair = enrolled_pair(root, county_db=url)
        for role in ROLES:
            if role != "admin":
                users.create_user(pair.county, f"u_{role}", role, role, PASSWORD)
        report_id = RecordService(pair.county).save(get("reports"), {
            "received_on": date(2022, 3, 1), "method": "letter", "named": True, "reporter": REPORTER,
            "subject_name": "郑某", "subject_unit": "城关镇人民政府",
        })  # fmt: skip
        stick = root / "stick"
        stick.mkdir()
        RecordService(pair.unit).save(get("villages"), {"name": "东风村", "township_id": pair.unit_id})
        bundle = exchange.export_bundle(pair.unit, stick).path
        if separated:
            assert policy.set_separation(pair.county, True)
        pair.county.db.close()
        pair.unit.db.close()
    password_file = root / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    reader = login(root / "county", url, "admin", PASSWORD)
    yield County(pair, root, password_file, report_id, bundle, url, separated, reader)
    reader.db.close()
    if url:
        wipe_database(url)


def _user(role: str) -> str:
    return "admin" if role == "admin" else f"u_{role}"


def run(c: County, role: str, *argv: str) -> tuple[int, str, str]:
    """``python -m app --data-dir … --user … ARGV`` in this process: (exit, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(
            ["--data-dir", str(c.data_dir), *(["--db", c.db_url] if c.db_url else []), "--user", _user(role),
             "--password-file", str(c.password_file), *argv]
        )  # fmt: skip
    return code, out.getvalue(), err.getvalue()


def data(c: County) -> list[dict[str, Any]]:
    """The county's records as ``dump`` gives them, without the audit log (every log-in writes
    to it). Read in this process: a ``dump`` command per look would double the module's time."""
    return [r for r in dump_records(c.reader) if r["table"] != "audit_log"]


# operation -> the command line that does it (on the module's county)
def _commands(c: County, tmp: Path, role: str) -> dict[str, list[str]]:
    (tmp / "out").mkdir(exist_ok=True)
    return {
        "read": ["dump"],
        "exchange": ["export", "--to", "T01", "--out", str(tmp / "out")],
        "units": [
            "unit",
            "add",
            "--type",
            "group",
            "--code",
            f"G{ROLES.index(role)}",
            "--name",
            f"派驻组{role}",
        ],
        "backup": ["backup", "--out", str(tmp / "out")],
        "audit": ["audit", "verify"],
        "demo": ["demo", "--seed", "1"],
        "accounts": ["user", "list", "--json"],
        "edit": ["record", "add", "zones", "--set", f"片区名称=命令行片区-{role}"],
        # The county has no visits: a permitted print passes the check and finds nothing to print.
        "print": ["print", "visit-forms", "--quarter", "2022Q1", "--out", str(tmp / "out" / "v.pdf")],
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "operation", ["read", "edit", "print", "exchange", "units", "backup", "audit", "demo", "accounts"]
)
def test_the_command_line_grants_exactly_the_table(
    county: County, tmp_path: Path, role: str, operation: str
) -> None:
    """Slow-ish (demo builds a batch for the roles that may): one CLI call per cell."""
    argv = _commands(county, tmp_path, role)[operation]
    before = data(county)
    code, _out, err = run(county, role, *argv)
    if role in county.table[operation]:
        if (operation == "backup" and county.db_url) or operation == "print":
            # allowed, but a database server backs itself up / there is nothing to print
            assert code == 1 and REFUSED not in err, err
            return
        assert code == 0, err
    else:
        assert code == 1 and REFUSED in err, err
        assert data(county) == before  # refused: nothing changed


@pytest.mark.parametrize("role", ROLES)
def test_the_command_line_opens_sealed_fields_exactly_as_the_table_says(county: County, role: str) -> None:
    code, out, err = run(county, role, "record", "show", "reports", county.report_id, "--json")
    assert code == 0, err
    shown = json.loads(out)["fields"]["reporter"]
    assert shown == (REPORTER if role in county.table["read_sealed"] else RESTRICTED)


@pytest.mark.parametrize("role", ROLES)
def test_import_is_refused_to_those_without_exchange(county: County, role: str) -> None:
    if role in county.table["exchange"]:
        return  # imports once only: the permitted case is covered by the exchange tests
    before = data(county)
    code, _out, err = run(county, role, "import", str(county.bundle))
    assert code == 1 and REFUSED in err, err
    assert data(county) == before


@pytest.fixture
def as_role(county: County) -> Iterator[Callable[[str], Context]]:
    opened: list[Context] = []

    def log_in(role: str) -> Context:
        ctx = login(county.data_dir, county.db_url, _user(role), PASSWORD)
        opened.append(ctx)
        return ctx

    yield log_in
    for ctx in opened:
        ctx.db.close()


def _may(action: Callable[[], Any]) -> bool:
    try:
        action()
    except PermissionDenied:
        return False
    return True


@pytest.mark.parametrize("role", ROLES)
def test_the_services_grant_exactly_the_table(
    as_role: Callable[[str], Context], county: County, role: str, tmp_path: Path
) -> None:
    from app.services.spreadsheet import export_register
    from app.services.staffing_export import export_staffing

    ctx = as_role(role)
    records = RecordService(ctx)
    shown = records.get(get("reports"), county.report_id)["reporter"]
    assert (shown == REPORTER) == (role in county.table["read_sealed"])
    assert (shown == RESTRICTED) == (role not in county.table["read_sealed"])
    zones = get("zones")
    assert _may(lambda: records.delete(zones, records.save(zones, {"name": f"片区-{role}"}))) == (
        role in county.table["edit"]
    )
    assert _may(lambda: users.list_users(ctx)) == (role in county.table["accounts"])
    assert _may(lambda: ctx.require("print")) == (role in county.table["print"])
    assert _may(lambda: AuditLogService(ctx.db, ctx.actor).verify()) == (role in county.table["audit"])
    # the key itself: withheld at log-in from whoever may not read sealed fields
    assert (ctx.actor.sensitive_key is not None) == (role in county.table["read_sealed"])
    assert ctx.actor.separated == county.separated
    # Exports (打印和导出) are printing: the operations refuse them, not only the window.
    may_print = role in county.table["print"]
    assert _may(lambda: export_register(records, zones, [], tmp_path / "z.xlsx")) == may_print
    assert _may(lambda: export_staffing(tmp_path / "s.xlsx", [], ctx=ctx)) == may_print
    assert (tmp_path / "z.xlsx").exists() == may_print


def test_no_account_can_edit_a_record_another_unit_owns(
    as_role: Callable[[str], Context], county: County
) -> None:
    """The county holds T01's village (from T01's bundle once imported); editing it is T01's,
    even for the secretary, who may import and edit either way."""
    from app.security.roles import NotOwner

    secretary = as_role("secretary")
    code, _out, err = run(county, "secretary", "import", str(county.bundle))
    assert code == 0, err
    records = RecordService(secretary)
    villages = get("villages")
    [village] = [i for i in records.ids(villages) if records.get(villages, i)["name"] == "东风村"]
    with pytest.raises(NotOwner):
        records.save(villages, {"name": "改名村"}, village)
    with pytest.raises(NotOwner):
        records.delete(villages, village)
    assert records.get(villages, village)["name"] == "东风村"


def test_the_system_role_is_no_account(as_role: Callable[[str], Context]) -> None:
    admin = as_role("admin")
    with pytest.raises(users.UserError):
        users.create_user(admin, "sneaky", "sneaky", "system", PASSWORD)


def test_accounts_on_the_command_line(county: County, tmp_path: Path) -> None:
    """user add / list / role / deactivate / reactivate / reset, with the users page's rules."""
    new_password = tmp_path / "new.txt"
    new_password.write_text("another-pass-2026\n", encoding="utf-8")
    code, out, err = run(county, "admin", "user", "add", "wang", "--role", "staff", "--full-name", "王某",
                         "--new-password-file", str(new_password), "--json")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["role"] == "staff"
    code, out, _err = run(county, "admin", "user", "list", "--json")
    assert {u["username"]: u["active"] for u in json.loads(out)}["wang"] is True
    code, _out, err = run(county, "admin", "user", "role", "wang", "secretary")
    assert code == 1 and "新密码" in err  # the key slot must be sealed again under a new password
    code, _out, err = run(
        county, "admin", "user", "role", "wang", "secretary", "--new-password-file", str(new_password)
    )
    assert code == 0, err
    assert run(county, "admin", "user", "deactivate", "wang")[0] == 0
    assert login_refused(county, "wang", "another-pass-2026")
    assert (
        run(county, "admin", "user", "reactivate", "wang", "--new-password-file", str(new_password))[0] == 0
    )
    assert run(county, "admin", "user", "reset", "wang", "--new-password-file", str(new_password))[0] == 0
    code, _out, err = run(county, "admin", "user", "deactivate", "admin")
    assert code == 1 and err.strip()  # not one's own account
    code, _out, err = run(county, "staff", "user", "add", "li", "--role", "admin", "--full-name", "李某",
                          "--new-password-file", str(new_password))  # fmt: skip
    assert code == 1 and REFUSED in err


def login_refused(c: County, username: str, password: str) -> bool:
    from app.services.login import LoginError

    try:
        login(c.data_dir, c.db_url, username, password).db.close()
    except LoginError:
        return True
    return False


@pytest.fixture(scope="module")
def county_backup(county: County, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if county.db_url:
        pytest.skip("backups are of the embedded database; a database server keeps its own")
    folder = tmp_path_factory.mktemp("rights-backup")
    code, out, err = run(county, "admin", "backup", "--out", str(folder))
    assert code == 0, err
    return Path(out.strip().splitlines()[-1])


@pytest.mark.parametrize("role", ROLES)
def test_restore_is_granted_exactly_as_the_table_says(
    county: County, county_backup: Path, tmp_path: Path, role: str
) -> None:
    """Into a copy of the county's folder: a permitted restore replaces it, a refused one leaves it."""
    import shutil

    copy = tmp_path / "county"
    shutil.copytree(county.data_dir, copy)
    before = sorted(p.name for p in copy.iterdir())
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["--data-dir", str(copy), "--user", _user(role), "--password-file",
                         str(county.password_file), "restore", str(county_backup), "--replace"])  # fmt: skip
    if role in county.table["backup"]:
        assert code == 0, err.getvalue()
        assert any(p.name.startswith("before-restore-") for p in copy.iterdir())
    else:
        assert code == 1 and err.getvalue().strip(), err.getvalue()
        assert sorted(p.name for p in copy.iterdir()) == before


# ---- separation of duties (三员分立): the county's setting ---------------------------------------
@pytest.mark.parametrize("role", ROLES)
def test_the_setting_on_the_command_line(county: County, role: str) -> None:
    """Everyone may see it; only those who manage accounts may set it (here: to what it is, so
    the module's county stays as it is)."""
    code, out, err = run(county, role, "policy", "show", "--json")
    assert code == 0, err
    assert json.loads(out) == {"separation_of_duties": county.separated}
    before = data(county)
    code, _out, err = run(county, role, "policy", "separation", "on" if county.separated else "off")
    if role in county.table["accounts"]:
        assert code == 0, err
    else:
        assert code == 1 and REFUSED in err, err
    assert data(county) == before


def _log_in(folder: Path, username: str) -> Context:
    return login(folder, None, username, PASSWORD)


def test_the_setting_travels_to_the_units_and_their_log_ins_follow_it(tmp_path: Path) -> None:
    pair = enrolled_pair(tmp_path)
    town = tmp_path / "T01"
    users.create_user(pair.unit, "shenji", "审计员甲", "auditor", PASSWORD)
    stick = tmp_path / "stick"
    stick.mkdir()

    def hand_over() -> None:
        out = exchange.export_bundle(pair.county, stick, to="T01")
        [result] = exchange.import_bundles(pair.unit, [out.path])
        assert result.status == "imported", result.message

    hand_over()
    admin = _log_in(town, "admin")
    assert admin.actor.sensitive_key is not None and admin.can("edit") and admin.can("view_audit")
    admin.db.close()

    assert policy.set_separation(pair.county, True)
    assert not policy.set_separation(pair.county, True)  # already on: nothing to write
    with pair.county.db.session() as s:  # audited, as who did it
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == audit.POLICY_CHANGE)).all()
        assert (entry.actor, entry.target_table, entry.detail) == ("admin", "county_policy",
                                                                    "separation_of_duties=on")  # fmt: skip
    county_admin = _log_in(tmp_path / "county", "admin")
    assert county_admin.actor.sensitive_key is None
    RecordService(county_admin).save(
        get("units"), {"code": "T02", "name": "东风镇纪委", "unit_type": "township"}
    )
    package = exchange.enrolment_package(county_admin, "T02")  # still under the county's key
    assert base64.b64decode(package["keys"]["sensitive"]) == pair.county.held_keys.sensitive
    county_admin.db.close()
    assert not policy.separation_on(pair.unit.db)  # not before the county's next bundle
    hand_over()
    assert policy.separation_on(pair.unit.db)
    with pair.unit.db.session() as s:
        row = s.scalars(select(CountyPolicy)).one()
        assert row.owner == "C01" and row.separation_of_duties

    admin = _log_in(town, "admin")
    assert admin.actor.separated and admin.actor.sensitive_key is None
    assert not admin.can("edit") and not admin.can("view_audit")
    assert admin.can("manage_users") and admin.can("backup") and admin.can("exchange")
    with pytest.raises(PermissionDenied):
        AuditLogService(admin.db, admin.actor)
    # a township cannot change it: neither its administrator nor through the command line
    with pytest.raises(policy.PolicyError) as refused:
        policy.set_separation(admin, False)
    assert "县纪委监委" in str(refused.value.message)
    admin.db.close()
    auditor = _log_in(town, "shenji")
    assert AuditLogService(auditor.db, auditor.actor).verify().ok
    with pytest.raises(PermissionDenied):
        RecordService(auditor).save(get("zones"), {"name": "片区"})
    auditor.db.close()
    password_file = tmp_path / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = cli.main(["--data-dir", str(town), "--user", "admin", "--password-file", str(password_file),
                         "policy", "separation", "off"])  # fmt: skip
    assert code == 1 and "三员分立由县纪委监委统一设置" in err.getvalue()
    assert policy.separation_on(pair.unit.db)

    assert policy.set_separation(pair.county, False)  # off again: the next bundle brings it back
    hand_over()
    admin = _log_in(town, "admin")
    assert not admin.actor.separated and admin.actor.sensitive_key is not None and admin.can("view_audit")
    admin.db.close()
    pair.county.db.close()
    pair.unit.db.close()
