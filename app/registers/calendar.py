"""节假日调整: the days the county declares holidays (放假) or adjusted working days (调休上班).

The shipped calendar (``chinese_calendar``, read by ``app.services.workdays``) holds the years the
State Council had published when the program was released. The State Council publishes the next
year's arrangement late in the year before; until an update of the program ships it, the county
enters that year here (every holiday and every 调休 working weekend day), and corrects a day the
shipped calendar has wrong. A row decides its day over the shipped calendar. The county keeps the
register and sends it to every unit (``app.sync.addressing.SHARED_TABLES``).
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.models.casework import CalendarDay
from app.registers.fields import BOOL, DATE, Field, Register

CALENDAR_DAYS = Register(
    name="calendar_days",
    title=QT_TRANSLATE_NOOP("register", "节假日调整"),
    area="settings",  # next to 办理期限设置: both decide when a deadline falls
    model=CalendarDay,
    fields=(
        Field("day", QT_TRANSLATE_NOOP("register", "日期"), kind=DATE, required=True),
        Field(
            "working",
            QT_TRANSLATE_NOOP("register", "调休上班"),
            kind=BOOL,
            default=False,
            filterable=True,
        ),
        Field("name", QT_TRANSLATE_NOOP("register", "节日名称"), max_length=32, searchable=True),
    ),
    display=lambda d: f"{d.day:%Y-%m-%d} {d.name}".strip(),
    default_sort="day",
    unique=(("day",),),
    county_only=True,
)

REGISTERS = (CALENDAR_DAYS,)
