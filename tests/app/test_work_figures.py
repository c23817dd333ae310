"""各项工作 in 统计分析: records of the daily-work registers counted in a period per unit (by their
owner) and drilled down to, as ``stats`` and the statistics page show them."""

from __future__ import annotations

from datetime import date

from apphelpers import init_installation

from app.context import Context
from app.registers import get
from app.services import statistics
from app.services.records import RecordService
from app.services.transitions import Transitions
from app.services.work_figures import work_registers

VISITS = get("visits")


def test_work_is_counted_per_unit_in_the_period(open_db) -> None:
    db = init_installation(open_db(), unit_type="township", code="T01", name="城关镇纪委")
    r = RecordService(Context.system(db, "admin"))
    unit = r.ids(get("units"))[0]
    village = r.save(get("villages"), {"township_id": unit, "name": "东湾村"})
    done = []
    for day in (date(2026, 2, 3), date(2026, 5, 6), date(2026, 5, 20)):
        vid = r.save(VISITS, {"village_id": village, "planned_on": day})
        Transitions(r).apply(VISITS, vid, "record", {"visited_on": day, "matters": "村务公开"}, "录入")
        done.append(vid)
    r.save(VISITS, {"village_id": village, "planned_on": date(2026, 5, 28)})  # planned only: not work done

    assert "visits" in [reg.name for reg in work_registers()]
    assert VISITS.date_field == "visited_on"
    q2 = statistics.figures(db, 2026, 2)["work"]
    visits = next(w for w in q2["registers"] if w["register"] == "visits")
    assert (visits["title"], visits["total"], visits["by_unit"]) == ("驻村（驻在）监督", 2, {unit: 2})
    assert [u["id"] for u in q2["units"]] == [unit]
    assert statistics.figures(db, 2026)["work"]["registers"][0]["total"] == 3
    register, ids = statistics.drill(db, "work", 2026, 2, register="visits", unit_id=unit)
    assert (register, ids) == ("visits", done[1:])
    assert "各项工作（条）：驻村（驻在）监督 2" in "\n".join(
        statistics.render_text(statistics.figures(db, 2026, 2))
    )
