"""The county's form mapping (四种形态对应): read anywhere, changed and reset at the county only,
by UNITS, with an audit entry; ``policy forms`` on the command line says and does the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apphelpers import Cli, OpenDb, init_installation
from sqlalchemy import select

from app.context import Context
from app.db.database import Database
from app.registers import form_mapping, get
from app.security import audit
from app.security.roles import Actor, PermissionDenied
from app.services import form_settings
from app.services.policy import PolicyError
from app.services.records import RecordService


def admin(db: Database) -> Context:
    return Context(db, Actor("admin", "admin"))


def policy_entries(db: Database) -> list[audit.AuditEntry]:
    with db.session() as s:
        return list(
            s.scalars(
                select(audit.AuditEntry)
                .where(audit.AuditEntry.action == audit.POLICY_CHANGE)
                .order_by(audit.AuditEntry.seq)
            )
        )


def entry(ctx: Context, kind: str, measure: str) -> form_settings.FormEntry:
    return next(e for e in form_settings.current(ctx) if (e.kind, e.measure) == (kind, measure))


def test_the_county_changes_a_form_with_an_audit_entry_and_resets_it(county_db: Database) -> None:
    ctx = admin(county_db)
    entries = form_settings.current(ctx)
    assert len(entries) == len(form_mapping.DEFAULT_FORMS) and not any(e.changed for e in entries)
    assert (entries[0].kind_label, entries[0].measure, entries[0].form_label) == (
        "党纪处分",
        "警告",
        "第二种形态",
    )
    assert form_settings.may_change(ctx)

    assert form_settings.set_form(ctx, "criticism", "通报批评", "2")
    changed = entry(ctx, "criticism", "通报批评")
    assert (changed.form, changed.default, changed.changed) == ("2", "1", True)
    assert not form_settings.set_form(ctx, "criticism", "通报批评", "2")  # the same again: nothing
    [logged] = policy_entries(county_db)
    assert (logged.actor, logged.target_table, logged.fields) == ("admin", "county_policy", ["form_mapping"])
    assert logged.detail == "form_mapping criticism/通报批评=2"

    # Measures saved from now on take the county's form; statistics count by it.
    records = RecordService(Context.system(county_db, "admin"))
    unit = records.save(get("units"), {"code": "T01", "name": "城关镇纪委", "unit_type": "township"})
    mid = records.save(get("dispositions"), {"person_name": "赵某", "kind": "criticism", "measure": "通报批评",
                                             "decided_on": date(2025, 1, 2), "handling_unit_id": unit})  # fmt: skip
    assert records.get(get("dispositions"), mid)["form"] == "2"

    assert form_settings.set_forms(ctx, {("exempt", "免予党纪处分"): "", ("party", "警告"): "1"})
    assert entry(ctx, "exempt", "免予党纪处分").form_label == "不计入四种形态"
    assert form_settings.reset(ctx)
    assert not any(e.changed for e in form_settings.current(ctx))
    assert not form_settings.reset(ctx)
    assert [e.detail for e in policy_entries(county_db)][1:] == [
        "form_mapping exempt/免予党纪处分=none party/警告=1",
        "form_mapping reset",
    ]
    with county_db.session() as s:
        assert form_mapping.stored(s) == ""


def test_unknown_measures_and_forms_are_refused_whole(county_db: Database) -> None:
    ctx = admin(county_db)
    with pytest.raises(PolicyError) as unknown:
        form_settings.set_forms(ctx, {("party", "警告"): "1", ("party", "记过"): "2"})
    assert str(unknown.value) == "没有「党纪处分（记过）」这种处理方式。"
    with pytest.raises(PolicyError) as form:
        form_settings.set_form(ctx, "party", "警告", "5")
    assert "第一至第四种形态" in str(form.value)
    assert not any(e.changed for e in form_settings.current(ctx)) and policy_entries(county_db) == []


def test_a_township_reads_the_mapping_and_may_not_change_it(open_db: OpenDb) -> None:
    town = init_installation(open_db(), "township", "T01", "城关镇纪委")
    ctx = admin(town)
    assert entry(ctx, "party", "警告").form == "2" and not form_settings.may_change(ctx)
    for change in (
        lambda: form_settings.set_form(ctx, "party", "警告", "1"),
        lambda: form_settings.reset(ctx),
    ):
        with pytest.raises(PolicyError) as refused:
            change()
        assert str(refused.value) == "四种形态的对应关系由县纪委监委统一设置，本机不能修改。"
    assert policy_entries(town) == []


def test_only_units_may_change_it_at_the_county(county_db: Database) -> None:
    for role in ("secretary", "staff", "readonly"):
        ctx = Context(county_db, Actor("someone", role))
        assert not form_settings.may_change(ctx)
        with pytest.raises(PermissionDenied) as refused:
            form_settings.set_form(ctx, "party", "警告", "1")
        assert "管理单位和数据交换登记" in str(refused.value.message)


def test_policy_forms_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    cli.init_county()
    out = cli.ok("policy", "forms").stdout
    assert "处理类别\t处理方式\t形态\t默认" in out and "党纪处分\t警告\t第二种形态\t（默认）" in out
    done = cli.ok("policy", "forms", "--set", "党纪处分/警告=1", "--set", "criticism/通报批评=none")
    assert "已修改四种形态对应关系。" in done.stderr
    assert "党纪处分\t警告\t第一种形态\t已调整（默认：第二种形态）" in done.stdout
    doc = cli.json("policy", "forms", "--json")
    assert {(e["kind"], e["measure"]): e["form"] for e in doc if e["changed"]} == {
        ("party", "警告"): "1",
        ("criticism", "通报批评"): "",
    }
    bad = cli.run("policy", "forms", "--set", "党纪处分警告=1")
    assert bad.returncode == 1 and "格式不对" in bad.stderr
    unknown = cli.run("policy", "forms", "--set", "党纪处分/记过=2")
    assert unknown.returncode == 1 and "没有「党纪处分（记过）」这种处理方式。" in unknown.stderr
    assert cli.run("policy", "forms", "--set", "party/警告=1", "--reset").returncode == 2
    assert "已恢复为默认" in cli.ok("policy", "forms", "--reset").stderr
    assert not any(e["changed"] for e in cli.json("policy", "forms", "--json"))

    town = Cli(tmp_path / "town", None, cli.password_file)
    town.ok("init", "--type", "township", "--code", "T01", "--name", "城关镇纪委", "--county-code", "C01",
            "--county-name", "测试县", "--admin", "admin")  # fmt: skip
    refused = town.run("policy", "forms", "--reset")
    assert refused.returncode == 1 and "由县纪委监委统一设置" in refused.stderr
    assert "党纪处分\t警告\t第二种形态" in town.ok("policy", "forms").stdout
