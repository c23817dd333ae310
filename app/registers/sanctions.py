"""What a measure (处理) may be, as the rules lay it down (DOMAIN.md, "Rules the casework follows"):
its kind (党纪处分, 政务处分, 组织处理, …), the measures of each kind, who may be given them, how
long their 处分期/影响期 runs, and the form (四种形态) each counts in by default.

Stored values: a kind is a short code; a measure is its Chinese term, unique within its kind
(警告 is both a party and a 政务 sanction: the kind tells them apart).
"""

from __future__ import annotations

from datetime import date

from app.i18n import QT_TRANSLATE_NOOP

KIND_CHOICES = (
    ("party", QT_TRANSLATE_NOOP("register", "党纪处分")),
    ("state", QT_TRANSLATE_NOOP("register", "政务处分")),
    ("organisational", QT_TRANSLATE_NOOP("register", "组织处理")),
    ("admonition", QT_TRANSLATE_NOOP("register", "诫勉")),
    ("criticism", QT_TRANSLATE_NOOP("register", "批评教育")),
    ("reminder", QT_TRANSLATE_NOOP("register", "提醒谈话")),
    ("self_review", QT_TRANSLATE_NOOP("register", "责令检查")),
    ("accountability", QT_TRANSLATE_NOOP("register", "问责（个人）")),
    ("org_accountability", QT_TRANSLATE_NOOP("register", "问责（党组织）")),
    ("exempt", QT_TRANSLATE_NOOP("register", "免予处分")),
    ("prosecution", QT_TRANSLATE_NOOP("register", "移送司法机关")),
)
KINDS = tuple(code for code, _label in KIND_CHOICES)
KIND_LABELS = dict(KIND_CHOICES)

# Kind -> its measures, lightest first.
KIND_MEASURES: dict[str, tuple[str, ...]] = {
    "party": (
        QT_TRANSLATE_NOOP("register", "警告"),
        QT_TRANSLATE_NOOP("register", "严重警告"),
        QT_TRANSLATE_NOOP("register", "撤销党内职务"),
        QT_TRANSLATE_NOOP("register", "留党察看一年"),
        QT_TRANSLATE_NOOP("register", "留党察看二年"),
        QT_TRANSLATE_NOOP("register", "开除党籍"),
    ),
    "state": (
        QT_TRANSLATE_NOOP("register", "警告"),
        QT_TRANSLATE_NOOP("register", "记过"),
        QT_TRANSLATE_NOOP("register", "记大过"),
        QT_TRANSLATE_NOOP("register", "降级"),
        QT_TRANSLATE_NOOP("register", "撤职"),
        QT_TRANSLATE_NOOP("register", "开除"),
    ),
    "organisational": (
        QT_TRANSLATE_NOOP("register", "停职检查"),
        QT_TRANSLATE_NOOP("register", "调整职务"),
        QT_TRANSLATE_NOOP("register", "责令辞职"),
        QT_TRANSLATE_NOOP("register", "免职"),
        QT_TRANSLATE_NOOP("register", "降职"),
    ),
    "admonition": (QT_TRANSLATE_NOOP("register", "诫勉"),),
    "criticism": (QT_TRANSLATE_NOOP("register", "批评教育"), QT_TRANSLATE_NOOP("register", "通报批评")),
    "reminder": (QT_TRANSLATE_NOOP("register", "提醒谈话"),),
    "self_review": (QT_TRANSLATE_NOOP("register", "责令检查"),),
    "accountability": (QT_TRANSLATE_NOOP("register", "通报"), QT_TRANSLATE_NOOP("register", "诫勉")),
    "org_accountability": (
        QT_TRANSLATE_NOOP("register", "检查"),
        QT_TRANSLATE_NOOP("register", "通报"),
        QT_TRANSLATE_NOOP("register", "改组"),
    ),
    "exempt": (QT_TRANSLATE_NOOP("register", "免予党纪处分"), QT_TRANSLATE_NOOP("register", "免予政务处分")),
    "prosecution": (QT_TRANSLATE_NOOP("register", "移送检察机关审查起诉"),),
}
MEASURE_CHOICES = tuple(dict.fromkeys((m, m) for measures in KIND_MEASURES.values() for m in measures))

# Measures that only a party member may be given, and those only a 监察对象 may be given.
PARTY_ONLY = frozenset({("party", m) for m in KIND_MEASURES["party"]} | {("exempt", "免予党纪处分")})
STATE_ONLY = frozenset({("state", m) for m in KIND_MEASURES["state"]} | {("exempt", "免予政务处分")})
# 政务处分 a manager of a 基层群众性自治组织 (监察对象 category 5, village cadres) may be given.
VILLAGE_STATE_MEASURES = ("警告", "记过", "记大过")
VILLAGE_CATEGORY = "5"

# 处分期 / 影响期 in months from the decision date (条例, 政务处分法, 干部选拔任用工作条例);
# PERMANENT: no end (政务处分 开除). Measures not listed have none.
PERMANENT = -1
PERIOD_MONTHS: dict[tuple[str, str], int] = {
    ("party", "警告"): 12,
    ("party", "严重警告"): 18,
    ("party", "撤销党内职务"): 24,
    ("party", "留党察看一年"): 12 + 24,  # the probation, then two years before a like post
    ("party", "留党察看二年"): 24 + 24,
    ("party", "开除党籍"): 60,  # five years before readmission
    ("state", "警告"): 6,
    ("state", "记过"): 12,
    ("state", "记大过"): 18,
    ("state", "降级"): 24,
    ("state", "撤职"): 24,
    ("state", "开除"): PERMANENT,
    ("organisational", "调整职务"): 12,
    ("organisational", "责令辞职"): 24,
    ("organisational", "免职"): 24,
    ("organisational", "降职"): 24,
    ("admonition", "诫勉"): 6,
    ("accountability", "诫勉"): 6,
}

# The four forms (DOMAIN.md's convention): (kind, measure) -> "1".."4", "" = not counted (a party
# organisation's accountability is no person). A county may count otherwise (a setting).
DEFAULT_FORMS: dict[tuple[str, str], str] = {
    **{("party", m): "2" for m in ("警告", "严重警告")},
    **{("party", m): "3" for m in ("撤销党内职务", "留党察看一年", "留党察看二年", "开除党籍")},
    **{("state", m): "2" for m in ("警告", "记过", "记大过")},
    **{("state", m): "3" for m in ("降级", "撤职", "开除")},
    **{("organisational", m): "2" for m in ("停职检查", "调整职务")},
    **{("organisational", m): "3" for m in ("责令辞职", "免职", "降职")},
    ("admonition", "诫勉"): "1",
    ("criticism", "批评教育"): "1",
    ("criticism", "通报批评"): "1",
    ("reminder", "提醒谈话"): "1",
    ("self_review", "责令检查"): "1",
    ("accountability", "通报"): "1",
    ("accountability", "诫勉"): "1",
    **{("org_accountability", m): "" for m in KIND_MEASURES["org_accountability"]},
    ("exempt", "免予党纪处分"): "1",
    ("exempt", "免予政务处分"): "1",
    ("prosecution", "移送检察机关审查起诉"): "4",
}
assert set(DEFAULT_FORMS) == {(k, m) for k, ms in KIND_MEASURES.items() for m in ms}


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months; the 31st of a shorter month is its last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_end(kind: str, measure: str, decided_on: date | None) -> date | None:
    """The last day of the measure's 处分期/影响期 (the day before it has run its months); None
    when it has none, or runs without end (``is_permanent``)."""
    months = PERIOD_MONTHS.get((kind, measure))
    if decided_on is None or months is None or months == PERMANENT:
        return None
    return date.fromordinal(add_months(decided_on, months).toordinal() - 1)


def is_permanent(kind: str, measure: str) -> bool:
    return PERIOD_MONTHS.get((kind, measure)) == PERMANENT


def in_force(kind: str, measure: str, decided_on: date | None, ends_on: date | None, on: date) -> bool:
    """Whether a measure still binds on ``on``: decided by then, and its period not run out."""
    if decided_on is None or decided_on > on:
        return False
    if is_permanent(kind, measure):
        return True
    return ends_on is not None and on <= ends_on
