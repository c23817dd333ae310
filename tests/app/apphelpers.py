"""Helpers shared by the tests in tests/app (plain functions and classes; fixtures live in conftest)."""

from __future__ import annotations

import atexit
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.db.database import Database
from app.services.installation import SetupRequest, initialise

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "seed-2022-report"
FAST_KDF = str(ROOT / "tests" / "fastkdf.py")  # runs the program with the tests' cheap KDF injected

OpenDb = Callable[..., Database]


def init_installation(
    db: Database,
    unit_type: str = "county",
    code: str = "C01",
    name: str = "测试县纪委监委",
    county_code: str = "C01",
    county_name: str = "测试县",
    admin: str = "admin",
    password: str = PASSWORD,
) -> Database:
    initialise(
        db,
        SetupRequest(
            unit_type=unit_type,
            unit_code=code,
            unit_name=name,
            county_code=county_code,
            county_name=county_name,
            admin_username=admin,
            admin_password=password,
        ),
    )
    return db


def start_script(script: str, *args: str, stdin: int = subprocess.DEVNULL) -> subprocess.Popen[str]:
    """``python -c SCRIPT ARGS`` as a process of its own, on this project, with the tests' cheap
    key derivation and none of the developer's JIWEI_ settings: for the tests where a separate
    process is the point (killed mid-write, two writers at once). Text pipes for its output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIWEI_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return subprocess.Popen(
        [sys.executable, FAST_KDF, "-c", script, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
    )


class Cli:
    """Runs the command line against one data folder (and maybe a database URL): in this process
    (``app.cli.main``, with the environment, standard streams and exit status a process would
    have), or, where the process itself is under test, as ``python -m app`` (``process``, through
    tests/fastkdf.py: key slots it makes use the tests' cheap KDF)."""

    def __init__(self, data_dir: Path, db_url: str | None, password_file: Path) -> None:
        self.data_dir = data_dir
        self.db_url = db_url
        self.password_file = password_file

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JIWEI_")}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
        env["JIWEI_DATA_DIR"] = str(self.data_dir)
        env["JIWEI_PASSWORD_FILE"] = str(self.password_file)
        if self.db_url:
            env["JIWEI_DB_URL"] = self.db_url
        env.update(extra)
        return env

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        """``app.cli.main(args)`` in this process; a process costs about a second more."""
        from app import cli

        saved, environment = dict(os.environ), self.env(**env)
        out, err = io.StringIO(), io.StringIO()
        stdin = sys.stdin
        try:
            os.environ.clear()
            os.environ.update(environment)
            sys.stdin = io.StringIO()  # not a terminal: no password prompt, as with stdin=DEVNULL
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = cli.main(list(args))
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 1
        finally:
            sys.stdin = stdin
            os.environ.clear()
            os.environ.update(saved)
        return subprocess.CompletedProcess(["app", *args], code, out.getvalue(), err.getvalue())

    def process(
        self, *args: str, python_flags: tuple[str, ...] = (), **env: str
    ) -> subprocess.CompletedProcess[str]:
        """``python -m app`` as a process: for what only a process shows (imports, being killed)."""
        return subprocess.run(
            [sys.executable, *python_flags, FAST_KDF, "-m", "app", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            stdin=subprocess.DEVNULL,
            env=self.env(**env),
            cwd=ROOT,
            timeout=300,
        )

    def ok(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        result = self.run(*args, **env)
        assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stderr}"
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args).stdout)

    def dump(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.ok("dump").stdout.splitlines()]

    def init_county(self, code: str = "C01", name: str = "测试县纪委监委") -> None:
        self.ok("init", "--type", "county", "--code", code, "--name", name, "--admin", "admin")


@dataclass
class EnrolledPair:
    """A county installation and one unit's installation made from its enrolment package."""

    county: Any  # app.services.login.Context
    unit: Any  # Context
    unit_id: str  # the unit's row in the units register


def enrolled_pair(
    root: Path,
    code: str = "T01",
    name: str = "城关镇纪委",
    unit_type: str = "township",
    *,
    share_sensitive_key: bool = True,
    county_db: str | None = None,
) -> EnrolledPair:
    """County C01 (encrypted, ``admin``/``PASSWORD``), unit ``code`` registered there, enrolled
    through a package file, and the unit's installation made from it under ``root``. With
    ``share_sensitive_key`` the package carries the county's sensitive-field key (as the CLI's
    ``enroll`` always does)."""
    from pgserver import clone_database, template_database

    key = (code, name, unit_type, share_sensitive_key, county_db is None)
    cached = _PAIRS.get(key)
    if cached is None:
        made = tempfile.mkdtemp(prefix="enrolled-pair-")
        atexit.register(shutil.rmtree, made, True)
        tpl = f"jiwei_pair_{len(_PAIRS)}" if county_db is not None else ""
        template = template_database(county_db, tpl) if county_db is not None else None
        pair = _make_pair(Path(made), code, name, unit_type, share_sensitive_key, template)
        pair.county.db.close()
        pair.unit.db.close()
        cached = _PAIRS[key] = (Path(made), pair.unit_id, tpl)
    if county_db is not None:
        clone_database(county_db, cached[2])
    return _copy_pair(cached[0], root, code, cached[1], county_db)


# Made once per run and parameters, then copied (a county on PostgreSQL: cloned from a template
# database): an enrolment package takes about 10 s to write and read (age's scrypt work factor,
# which the program cannot lower and the tests should not).
_PAIRS: dict[tuple[str, str, str, bool, bool], tuple[Path, str, str]] = {}


def _copy_pair(made: Path, root: Path, code: str, unit_id: str, county_db: str | None) -> EnrolledPair:
    from app.services.login import login

    root.mkdir(parents=True, exist_ok=True)
    for name in ("county", code, f"{code}.jwenrol"):
        source, target = made / name, root / name
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.exists():
            shutil.copy2(source, target)
    county = login(root / "county", county_db, "admin", PASSWORD)
    unit = login(root / code, None, "admin", PASSWORD)
    return EnrolledPair(county, unit, unit_id)


def _make_pair(
    root: Path, code: str, name: str, unit_type: str, share_sensitive_key: bool, county_db: str | None
) -> EnrolledPair:
    from app.registers import get
    from app.services.login import create
    from app.services.records import RecordService
    from app.sync import exchange

    county = create(root / "county", county_db, SetupRequest(
        unit_type="county", unit_code="C01", unit_name="测试县纪委监委", county_code="C01",
        county_name="测试县", admin_username="admin", admin_password=PASSWORD,
    ))  # fmt: skip
    unit_id = RecordService(county).save(
        get("units"), {"code": code, "name": name, "unit_type": unit_type, "authorised_posts": 3}
    )
    package, passphrase = root / f"{code}.jwenrol", "enrolment-2022"
    exchange.enroll(county, code, package, passphrase, share_sensitive_key=share_sensitive_key)
    unit = exchange.init_from_enrolment(root / code, None, package, passphrase, "admin", PASSWORD)
    return EnrolledPair(county, unit, unit_id)


def enrol_in_memory(county: Any, code: str, folder: Path, password: str = PASSWORD) -> Any:
    """Unit ``code``'s installation made in ``folder`` (administrator ``admin``/``password``) from
    the enrolment package ``county`` (a ``Context`` allowed to enrol) hands over in memory
    (``exchange.enrolment_package``, as ``demo-county`` does): the package ``enroll`` writes,
    without the passphrase file, whose scrypt (which the tests must not lower) costs seconds to
    write and again to read. For tests about what comes after enrolment; the package file is
    tested in test_enrolment.py, on the command line and by ``enrolled_pair``."""
    from app.sync import exchange

    package = exchange.enrolment_package(county, code)
    return exchange.init_from_package(folder, None, package, "admin", password)


def import_on_cli(ctx: Any, *paths: Path) -> subprocess.CompletedProcess[str]:
    """``import PATH…`` on the command line (in this process) of the installation ``ctx`` has open,
    as its administrator: what an insider's forged bundle meets."""
    folder = Path(ctx.data_dir or ctx.db.data_dir)
    password = folder.parent / f"{folder.name}-password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    url = None if ctx.db.url.startswith("sqlite") else ctx.db.url
    return Cli(folder, url, password).run("import", *map(str, paths))


def data_records(ctx: Any) -> list[dict[str, Any]]:
    """The installation's records as ``dump`` gives them, without the audit log (what a refused
    bundle must leave unchanged; every log-in and refusal writes to the log)."""
    from app.cli import dump_records

    return [r for r in dump_records(ctx) if r["table"] != "audit_log"]


def import_refusals(ctx: Any) -> list[str]:
    """The details of the installation's ``import_refused`` audit entries."""
    from sqlalchemy import select

    from app.security import audit

    with ctx.db.session() as s:
        return list(
            s.scalars(select(audit.AuditEntry.detail).where(audit.AuditEntry.action == audit.IMPORT_REFUSED))
        )


def send(sender: Any, receiver: Any, root: Path, to: str | None = None) -> Any:
    """Export ``sender``'s next bundle (to ``to`` for the county) into ``root/stick`` and import it
    at ``receiver``; the import's result."""
    from app.sync import exchange

    stick = root / "stick"
    stick.mkdir(exist_ok=True)
    [result] = exchange.import_bundles(receiver, [exchange.export_bundle(sender, stick, to).path])
    return result


def conclude_case(records: Any, case_id: str, on: date | None = None) -> None:
    """Walk a case through the chain to 审结 on ``on`` (default: 60 days after filing): 立案审批,
    审查调查, 移送审理, the trial office's report (a county case) or the county's co-review opinion
    (a township's or a group's; ``records`` acts at the county), 审结 with its 审理报告."""
    from sqlalchemy import select as _select

    from app.models.casework import Case as _Case
    from app.models.org import Unit as _Unit
    from app.registers import get as _get
    from app.services.transitions import Transitions as _Transitions

    cases = _get("cases")
    flow = _Transitions(records)
    with records.ctx.session() as s:
        case = s.get(_Case, case_id)
        filed, state = case.filed_on, case.state
        unit_type = s.scalar(_select(_Unit.unit_type).where(_Unit.id == case.handling_unit_id))
    on = on or filed + timedelta(days=60)
    if state == "proposed":
        flow.apply(cases, case_id, "approve", {"approved_by": "党委", "approval_no": f"立{case_id[:6]}",
                                               "approved_on": filed}, "经批准立案")  # fmt: skip
        state = "filed"
    if state == "filed":
        flow.apply(cases, case_id, "investigate", {}, "开始审查调查")
        state = "investigating"
    if state == "investigating":
        flow.apply(cases, case_id, "to_review", {"review_on": on, "facts": "事实清楚"}, "移送审理")
    if unit_type in ("county", "office", None):
        trial = records.save(_get("trials"), {"case_id": case_id, "received_on": on})
        flow.apply(_get("trials"), trial, "report", {"report_no": f"审{case_id[:6]}", "reported_on": on,
                                                     "opinion": "同意", "result": "agree"}, "审理终结")  # fmt: skip
    else:
        review = records.save(_get("co_reviews"), {"case_id": case_id, "requested_on": on})
        flow.apply(_get("co_reviews"), review, "give_opinion", {"reviewer": "审理室", "opinion": "同意",
                                                                "opinion_on": on, "result": "agree"}, "协审")  # fmt: skip
    flow.apply(cases, case_id, "conclude", {"concluded_on": on, "doc_no": f"审报{case_id[:6]}", "doc_on": on},
               "审理终结")  # fmt: skip


def backdate_registry(ctx: Any, day: date = date(2020, 1, 1)) -> None:
    """Date the registry's rows (units, staff, villages, supervised units) as added on ``day``, so
    that coverage counts them in the quarters a test looks at whatever today's date is."""
    from datetime import datetime

    from sqlalchemy import update

    from app.models.org import Staff, SupervisedUnit, Unit, Village

    with ctx.session() as s:
        for model in (Unit, Staff, Village, SupervisedUnit):
            s.execute(update(model).values(created_at=datetime.combine(day, datetime.min.time())))
