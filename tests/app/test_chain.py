"""The casework chain drives itself: each step's outcome moves the record it came from, the county's
co-review opinion is a county record that reaches the township in the county's bundle, 管理权限 is
checked and a matter outside it goes up (上报) and is taken up (提级办理), and a sanction goes on
to 宣布, 执行, 回访 and may be appealed. Walked through the operations, with each illegal step
refused with its message."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from apphelpers import EnrolledPair, enrolled_pair, send
from sqlalchemy import select

from app.models import Clue, OwnershipTransfer, Transition, Unit
from app.registers import get
from app.security.roles import CountyOnly, CountyScreen
from app.services import jurisdiction
from app.services.deadlines import due_items
from app.services.person_record import person_record
from app.services.records import RecordService, ValidationError
from app.services.transitions import TransitionRefused, Transitions
from app.sync.transfers import TransferError

CLUES, CASES, INQUIRIES = get("clues"), get("cases"), get("inquiries")
VERIFICATIONS, CO_REVIEWS, MEASURES = get("verifications"), get("co_reviews"), get("dispositions")


@pytest.fixture
def pair(tmp_path: Path) -> EnrolledPair:
    """County C01 and township T01 (made from its enrolment package), both on SQLite."""
    return enrolled_pair(tmp_path / "pair")


class Desk:
    """One installation's records and steps."""

    def __init__(self, ctx: Any) -> None:
        self.records = RecordService(ctx)
        self.flow = Transitions(self.records)

    def step(self, reg: Any, rid: str, name: str, reason: str = "依规办理", **values: Any) -> str:
        return self.flow.apply(reg, rid, name, values, reason, confirmed=True)

    def state(self, reg: Any, rid: str) -> str:
        return self.flow.state(reg, rid)

    def staff(self, unit_id: str) -> tuple[str, str]:
        staff = get("staff")
        a = self.records.save(staff, {"name": "王芳", "unit_id": unit_id, "post": "secretary"})
        b = self.records.save(staff, {"name": "李强", "unit_id": unit_id, "post": "member"})
        return a, b

    def clue(self, disposal: str, **subject: Any) -> str:
        values = {"source": "petition", "received_on": date(2024, 9, 2), "subject_name": "张三",
                  "subject_unit": "东风村村民委员会", "subject_authority": "村级干部", **subject}  # fmt: skip
        cid = self.records.save(CLUES, values, confirmed=True)
        self.step(CLUES, cid, "propose", proposed_handling=disposal, approver="陈书记")
        self.step(CLUES, cid, f"dispose_{disposal}", disposal_reason="集体研究", decided_on=date(2024, 9, 10))
        return cid


def _message(exc: pytest.ExceptionInfo[Any]) -> str:
    value = exc.value
    if isinstance(value, ValidationError):
        return " ".join(str(m) for m in value.errors.values())
    return str(value.message)


def test_a_letter_inquiry_with_its_reply_moves_its_clue_to_finished(pair: EnrolledPair) -> None:
    town = Desk(pair.unit)
    lead, member = town.staff(pair.unit_id)
    cid = town.clue("talk")
    iid = town.records.save(INQUIRIES, {"clue_id": cid, "kind": "letter", "lead_id": lead, "member_id": member},
                            confirmed=True)  # fmt: skip
    with pytest.raises(ValidationError) as talk_step:
        town.step(INQUIRIES, iid, "start", started_on=date(2024, 9, 12))
    assert "函询不当面谈话" in _message(talk_step)
    with pytest.raises(ValidationError) as early:
        town.step(INQUIRIES, iid, "send_letter", letter_no="城纪函〔2024〕1号", letter_on=date(2024, 9, 12),
                  delivered_on=date(2024, 9, 11))  # fmt: skip
    assert "送达日期不能早于发函日期" in _message(early)
    town.step(INQUIRIES, iid, "send_letter", letter_no="城纪函〔2024〕1号", letter_on=date(2024, 9, 12),
              delivered_on=date(2024, 9, 13))  # fmt: skip
    sent = town.records.get(INQUIRIES, iid)
    # 15 working days from delivery, the day of delivery not counted: the Mid-Autumn holiday (9-15 to
    # 9-17) and the National Day holiday (10-1 to 10-7) skipped, the 调休 days 9-14 and 9-29 counted.
    assert sent["state"] == "sent" and sent["reply_due"] == date(2024, 10, 11)
    [due] = [i for i in due_items(town.records, today=date(2024, 10, 9)) if i.register == "inquiries"]
    assert (due.step, due.due, due.days_left) == ("函询回复", date(2024, 10, 11), 2)
    with pytest.raises(ValidationError) as unsigned:
        town.step(INQUIRIES, iid, "receive_reply", reply_on=date(2024, 9, 25))
    assert {"signed_by", "sign_opinion"} <= set(unsigned.value.errors)
    town.step(INQUIRIES, iid, "receive_reply", reply_on=date(2024, 9, 25), signed_by="刘书记",
              sign_opinion="经核实，本人说明属实。")  # fmt: skip
    with pytest.raises(ValidationError) as unassessed:
        town.step(INQUIRIES, iid, "report", outcome="clarified", finished_on=date(2024, 9, 30), report="属实")
    assert "评估" in _message(unassessed)
    assert town.state(CLUES, cid) == "talk"  # refused: nothing moved
    town.step(INQUIRIES, iid, "report", outcome="clarified", finished_on=date(2024, 9, 30), report="不属实",
              assessment="truthful")  # fmt: skip
    assert town.state(CLUES, cid) == "finished"
    [last] = town.flow.timeline(CLUES, cid)[-1:]
    assert last.to_state == "已办结" and last.reason == "谈话函询结果：了结澄清"


def test_a_verification_outcome_moves_its_clue(pair: EnrolledPair) -> None:
    town = Desk(pair.unit)
    lead, member = town.staff(pair.unit_id)
    cid = town.clue("verify")
    vid = town.records.save(
        VERIFICATIONS, {"clue_id": cid, "lead_id": lead, "member_id": member}, confirmed=True
    )
    town.step(VERIFICATIONS, vid, "start", started_on=date(2024, 9, 12))
    town.step(
        VERIFICATIONS, vid, "report", outcome="hold", finished_on=date(2024, 10, 30), report="暂不具备条件"
    )
    assert town.state(CLUES, cid) == "held"


def test_the_whole_chain_from_clue_to_revisit_across_the_county_and_the_township(
    pair: EnrolledPair, tmp_path: Path
) -> None:
    county, town = Desk(pair.county), Desk(pair.unit)
    lead, member = town.staff(pair.unit_id)
    cid = town.clue("verify")
    vid = town.records.save(
        VERIFICATIONS, {"clue_id": cid, "lead_id": lead, "member_id": member}, confirmed=True
    )
    town.step(VERIFICATIONS, vid, "start", started_on=date(2024, 9, 12))
    town.step(VERIFICATIONS, vid, "report", outcome="propose_case", finished_on=date(2024, 10, 20),
              report="涉嫌违纪，建议立案")  # fmt: skip
    assert town.state(CLUES, cid) == "verification"  # waits for the case's approval
    kid = town.records.save(CASES, {"number": "城纪案〔2024〕1号", "clue_id": cid, "filed_on": date(2024, 10, 25),
                                    "handling_unit_id": pair.unit_id}, confirmed=True)  # fmt: skip
    assert town.state(CASES, kid) == "proposed"
    with pytest.raises(ValidationError) as unapproved:
        town.step(CASES, kid, "approve", approved_on=date(2024, 10, 25))
    assert {"approved_by", "approval_no"} <= set(unapproved.value.errors)
    town.step(CASES, kid, "approve", approved_by="中共城关镇委员会", approval_no="城纪立〔2024〕1号",
              approved_on=date(2024, 10, 24))  # fmt: skip
    assert town.state(CLUES, cid) == "case"
    town.step(CASES, kid, "investigate")
    town.step(CASES, kid, "to_review", review_on=date(2024, 11, 20), facts="违规发放补贴")
    with pytest.raises(ValidationError) as no_review:
        town.step(
            CASES, kid, "conclude", concluded_on=date(2024, 11, 25), doc_no="审1", doc_on=date(2024, 11, 25)
        )
    assert "须经县纪委监委协审" in _message(no_review)
    # The township cannot type the county's opinion itself.
    with pytest.raises(CountyOnly):
        town.records.save(CO_REVIEWS, {"case_id": kid, "requested_on": date(2024, 11, 21)})
    # The case (and its filing approval: the 备案) reaches the county in the township's bundle.
    assert send(pair.unit, county_ctx := pair.county, tmp_path).status == "imported"
    filed = county.records.get(CASES, kid)
    assert (filed["approval_no"], filed["state"]) == ("城纪立〔2024〕1号", "review")
    rid = county.records.save(CO_REVIEWS, {"case_id": kid, "requested_on": date(2024, 11, 21)})
    county.step(CO_REVIEWS, rid, "give_opinion", reviewer="审理室孙某", opinion="事实清楚，同意",
                opinion_on=date(2024, 11, 28), result="agree")  # fmt: skip
    assert send(county_ctx, pair.unit, tmp_path, "T01").status == "imported"
    with pytest.raises(ValidationError) as no_report:
        town.step(CASES, kid, "conclude", concluded_on=date(2024, 12, 2))
    assert "审理报告" in _message(no_report)
    town.step(CASES, kid, "conclude", concluded_on=date(2024, 12, 2), doc_no="城纪审〔2024〕1号",
              doc_on=date(2024, 12, 1))  # fmt: skip
    assert town.state(CLUES, cid) == "finished"
    assert town.flow.timeline(CASES, kid)[-1].document == "审理报告 城纪审〔2024〕1号（2024-12-01）"
    # 处分决定 after 审结, then 宣布/送达, 执行, 回访.
    with town.records.ctx.session() as s:
        person = s.scalar(select(Clue.person_id).where(Clue.id == cid))
    town.records.save(get("people"), {"party_member": True, "object_category": "5"}, person)
    mid = town.records.save(MEASURES, {"person_id": person, "kind": "party", "measure": "警告",
                                       "decided_on": date(2024, 12, 3), "case_id": kid,
                                       "handling_unit_id": pair.unit_id}, confirmed=True)  # fmt: skip
    assert town.state(MEASURES, mid) == "decided"
    [due] = [i for i in due_items(town.records, today=date(2024, 12, 30)) if i.register == "dispositions"]
    assert (due.step, due.due) == ("处分宣布送达", date(2025, 1, 2))
    with pytest.raises(TransitionRefused):
        town.step(MEASURES, mid, "execute", executed_on=date(2024, 12, 5))
    with pytest.raises(ValidationError) as before:
        town.step(MEASURES, mid, "announce", announced_on=date(2024, 12, 1))
    assert "不能早于决定日期" in _message(before)
    town.step(MEASURES, mid, "announce", announced_on=date(2024, 12, 6))
    town.step(MEASURES, mid, "execute", executed_on=date(2024, 12, 8))
    town.step(MEASURES, mid, "revisit", revisited_on=date(2025, 6, 1), revisit_note="表现良好")
    assert town.state(MEASURES, mid) == "visited"


def test_a_sanction_on_a_case_waits_for_the_case_to_be_concluded(pair: EnrolledPair) -> None:
    town = Desk(pair.unit)
    kid = town.records.save(CASES, {"number": "A1", "filed_on": date(2024, 10, 25), "subject_name": "李四",
                                    "handling_unit_id": pair.unit_id}, confirmed=True)  # fmt: skip
    with pytest.raises(ValidationError) as early:
        town.records.save(MEASURES, {"person_name": "李四", "kind": "party", "measure": "警告",
                                     "decided_on": date(2024, 12, 3), "case_id": kid,
                                     "handling_unit_id": pair.unit_id}, confirmed=True)  # fmt: skip
    assert "尚未审结" in _message(early)


def test_a_county_managed_cadre_is_reported_up_and_taken_up(pair: EnrolledPair, tmp_path: Path) -> None:
    county, town = Desk(pair.county), Desk(pair.unit)
    values = {"source": "petition", "received_on": date(2024, 9, 2), "subject_name": "赵书记",
              "subject_unit": "中共城关镇委员会", "subject_authority": "县管干部"}  # fmt: skip
    cid = town.records.save(CLUES, values, confirmed=True)
    town.step(CLUES, cid, "propose", proposed_handling="verify", approver="陈书记")
    with pytest.raises(ValidationError) as outside:
        town.step(CLUES, cid, "dispose_verify", disposal_reason="核实", decided_on=date(2024, 9, 10))
    assert "不属本单位管理权限" in _message(outside)
    assert town.state(CLUES, cid) == "proposed"
    town.step(CLUES, cid, "report_up", reason="县管干部，报县纪委监委")
    assert town.state(CLUES, cid) == "reported"
    with town.records.ctx.session() as s:
        [request] = s.scalars(select(OwnershipTransfer).where(OwnershipTransfer.row_id == cid)).all()
        assert (request.kind, request.to_unit, request.reason) == ("request", "C01", "县管干部，报县纪委监委")
    with pytest.raises(ValidationError) as back:
        town.step(CLUES, cid, "accept")
    assert "已将这条记录上报" in _message(back)
    assert send(pair.unit, pair.county, tmp_path).status == "imported"
    # Only the county takes a matter up.
    with pytest.raises(Exception) as not_here:
        jurisdiction.take_up(pair.unit, "clues", cid, "提级")
    assert "只有县纪委监委" in str(not_here.value)
    jurisdiction.take_up(pair.county, "clues", cid, "提级办理")
    county.step(CLUES, cid, "accept", reason="受理上报")
    taken = county.records.get(CLUES, cid)
    assert taken["state"] == "registered"
    with county.records.ctx.session() as s:
        answered = s.scalars(select(OwnershipTransfer).where(OwnershipTransfer.kind == "transfer")).one()
        assert answered.request_id == request.id and answered.to_unit == "C01"
    # At the county the cadre is within authority: it may dispose of the clue.
    county.step(CLUES, cid, "propose", proposed_handling="verify", approver="县纪委书记")
    county.step(CLUES, cid, "dispose_verify", disposal_reason="核实", decided_on=date(2024, 10, 10))
    assert send(pair.county, pair.unit, tmp_path, "T01").status == "imported"
    with town.records.ctx.session() as s:
        row = s.get(Clue, cid)
        assert row is not None and row.owner == "C01" and row.state == "verification"


def test_the_county_assigns_a_matter_to_another_unit(pair: EnrolledPair) -> None:
    county = Desk(pair.county)
    g = county.records.save(get("units"), {"code": "G01", "name": "派驻第一纪检监察组", "unit_type": "group"})
    cid = county.records.save(CLUES, {"source": "superior", "received_on": date(2024, 9, 2),
                                      "subject_name": "钱某"}, confirmed=True)  # fmt: skip
    jurisdiction.assign(pair.county, "clues", cid, "G01", "指定管辖")
    with county.records.ctx.session() as s:
        row = s.get(Clue, cid)
        assert row is not None and (row.owner, row.handling_unit_id) == ("G01", g)
    with pytest.raises(Exception) as nowhere:
        jurisdiction.assign(pair.county, "clues", cid, "ZZZ", "指定管辖")
    assert "不是可以承办案件的单位" in str(nowhere.value)


def test_a_county_case_is_concluded_after_its_trial(pair: EnrolledPair) -> None:
    county = Desk(pair.county)
    office = county.records.save(
        get("units"), {"code": "O01", "name": "第一纪检监察室", "unit_type": "office"}
    )
    kid = county.records.save(CASES, {"number": "县纪案1", "filed_on": date(2024, 3, 1), "subject_name": "孙某",
                                      "subject_authority": "县管干部", "handling_unit_id": office},
                              confirmed=True)  # fmt: skip
    county.step(
        CASES, kid, "approve", approved_by="县纪委常委会", approval_no="立1", approved_on=date(2024, 3, 1)
    )
    county.step(CASES, kid, "investigate")
    with pytest.raises(ValidationError) as once:
        for _ in range(2):
            county.step(CASES, kid, "extend", extension_days=60, extension_reason="复杂", approved_by="书记",
                        doc_no="延1", doc_on=date(2024, 5, 20))  # fmt: skip
    assert "只能延期一次" in _message(once)
    detentions = get("detentions")
    held = county.records.save(detentions, {"case_id": kid, "approved_by": "市纪委监委", "approval_no": "留1",
                                            "started_on": date(2024, 3, 5)})  # fmt: skip
    [due] = [i for i in due_items(county.records, today=date(2024, 6, 1)) if i.register == "detentions"]
    assert (due.step, due.due) == ("留置", date(2024, 6, 3))  # three months, kept as 90 days
    county.step(detentions, held, "extend", extension_days=30, extension_reason="案情复杂", approved_by="市纪委监委",
                doc_no="延留1", doc_on=date(2024, 5, 30))  # fmt: skip
    with pytest.raises(ValidationError) as twice:
        county.step(detentions, held, "extend", extension_days=30, extension_reason="再延", approved_by="市纪委",
                    doc_no="延留2", doc_on=date(2024, 6, 1))  # fmt: skip
    assert "留置只能延期一次" in _message(twice)
    county.step(detentions, held, "end", ended_on=date(2024, 5, 31), end_reason="转为其他措施", doc_no="解1",
                doc_on=date(2024, 5, 31))  # fmt: skip
    county.step(CASES, kid, "to_review", review_on=date(2024, 6, 1), facts="受贿")
    with pytest.raises(ValidationError) as untried:
        county.step(
            CASES, kid, "conclude", concluded_on=date(2024, 6, 20), doc_no="审1", doc_on=date(2024, 6, 20)
        )
    assert "案件审理室审理" in _message(untried)
    with pytest.raises(ValidationError) as wrong_register:
        county.records.save(CO_REVIEWS, {"case_id": kid, "requested_on": date(2024, 6, 2)})
    assert "审理" in _message(wrong_register)
    tid = county.records.save(get("trials"), {"case_id": kid, "received_on": date(2024, 6, 2)})
    with pytest.raises(ValidationError) as long_extension:
        county.step(
            get("trials"), tid, "extend", extension_days=45, extension_reason="复杂", approved_by="书记"
        )
    assert "不能大于 30" in _message(long_extension)
    county.step(get("trials"), tid, "report", report_no="县纪审〔2024〕1号", reported_on=date(2024, 6, 18),
                opinion="同意", result="agree")  # fmt: skip
    county.step(
        CASES, kid, "conclude", concluded_on=date(2024, 6, 20), doc_no="审1", doc_on=date(2024, 6, 20)
    )
    assert county.state(CASES, kid) == "concluded"


def test_an_appeal_revokes_or_upholds_a_sanction(pair: EnrolledPair) -> None:
    county = Desk(pair.county)
    person = county.records.save(
        get("people"), {"name": "周某", "party_member": True, "object_category": "1"}
    )
    mid = county.records.save(MEASURES, {"person_id": person, "kind": "state", "measure": "记过",
                                         "decided_on": date(2024, 3, 1), "handling_unit_id": pair.unit_id},
                              confirmed=True)  # fmt: skip
    county.step(MEASURES, mid, "announce", announced_on=date(2024, 3, 5))
    appeals = get("appeals")
    with pytest.raises(ValidationError) as wrong_kind:
        county.records.save(
            appeals, {"disposition_id": mid, "kind": "complaint", "received_on": date(2024, 3, 10)}
        )
    assert "申诉针对党纪处分" in _message(wrong_kind)
    with pytest.raises(ValidationError) as late:
        county.records.save(
            appeals, {"disposition_id": mid, "kind": "review", "received_on": date(2024, 4, 8)}
        )
    assert "一个月内" in _message(late)
    with pytest.raises(ValidationError) as no_review:
        county.records.save(
            appeals, {"disposition_id": mid, "kind": "recheck", "received_on": date(2024, 3, 20)}
        )
    assert "复审作出决定之后" in _message(no_review)
    with pytest.raises(ValidationError) as by_hand:
        county.step(MEASURES, mid, "revoke")
    assert "申诉、复审或复核决定" in _message(by_hand)
    aid = county.records.save(
        appeals, {"disposition_id": mid, "kind": "review", "received_on": date(2024, 3, 20)}
    )
    county.step(
        appeals, aid, "decide", decided_on=date(2024, 4, 10), decision_no="复审〔2024〕1号", result="revoked"
    )
    assert county.state(MEASURES, mid) == "revoked"
    record = person_record(county.records, person, on=date(2024, 6, 1))
    assert [m.id for m in record.measures] == [mid] and record.in_force == ()  # revoked: binds no more
    with county.records.ctx.session() as s:
        moved = s.scalars(
            select(Transition).where(Transition.record_id == mid, Transition.action == "revoke")
        ).one()
        assert moved.reason == "复审（政务处分）决定 复审〔2024〕1号"


def test_the_countys_own_work_is_not_shown_at_a_township(pair: EnrolledPair) -> None:
    town = Desk(pair.unit)
    for name in ("detentions", "trials"):
        with pytest.raises(CountyScreen) as hidden:
            town.records.ids(get(name))
        assert str(hidden.value.message) == f"「{get(name).title}」只在县纪委监委使用。"
        assert not town.records.shown(get(name)) and Desk(pair.county).records.shown(get(name))


def test_granting_a_report_up_takes_the_matter_up(pair: EnrolledPair, tmp_path: Path) -> None:
    """同意 on the county's list of requests (and ``transfer approve``) hands a clue or a case to the
    unit asked for, as 提级办理 does: owner and handling unit both."""
    county, town = Desk(pair.county), Desk(pair.unit)
    cid = town.records.save(CLUES, {"source": "petition", "received_on": date(2024, 9, 2), "subject_name": "赵书记",
                                    "subject_authority": "县管干部"}, confirmed=True)  # fmt: skip
    town.step(CLUES, cid, "report_up", reason="县管干部")
    assert send(pair.unit, pair.county, tmp_path).status == "imported"
    with county.records.ctx.session() as s:
        request = s.scalars(select(OwnershipTransfer.id).where(OwnershipTransfer.row_id == cid)).one()
    jurisdiction.approve(pair.county, request, "同意，提级办理")
    with county.records.ctx.session() as s:
        row = s.get(Clue, cid)
        county_unit = s.scalar(select(Unit.id).where(Unit.code == "C01"))
        assert row is not None and (row.owner, row.handling_unit_id) == ("C01", county_unit)
    with pytest.raises(TransferError) as twice:
        jurisdiction.approve(pair.county, request, "再次同意")
    assert "已经处理过" in str(twice.value.message)
