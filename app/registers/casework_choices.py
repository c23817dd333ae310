"""The fixed lists of the casework registers: sources, disposals, categories, the four forms'
measures, outcomes. Stored values are short codes except where the Chinese term is the value."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP

METHOD_CHOICES = (
    ("letter", QT_TRANSLATE_NOOP("register", "来信")),
    ("visit", QT_TRANSLATE_NOOP("register", "来访")),
    ("phone", QT_TRANSLATE_NOOP("register", "电话")),
    ("online", QT_TRANSLATE_NOOP("register", "网络")),
    ("other", QT_TRANSLATE_NOOP("register", "其他")),
)
SOURCE_CHOICES = (
    ("petition", QT_TRANSLATE_NOOP("register", "信访举报")),
    ("inspection", QT_TRANSLATE_NOOP("register", "巡察移交")),
    ("superior", QT_TRANSLATE_NOOP("register", "上级交办")),
    ("supervision", QT_TRANSLATE_NOOP("register", "监督发现")),
    ("transfer", QT_TRANSLATE_NOOP("register", "其他机关移送")),
)
DISPOSAL_CHOICES = (
    ("talk", QT_TRANSLATE_NOOP("register", "谈话函询")),
    ("verify", QT_TRANSLATE_NOOP("register", "初步核实")),
    ("hold", QT_TRANSLATE_NOOP("register", "暂存待查")),
    ("close", QT_TRANSLATE_NOOP("register", "予以了结")),
)
RANK_CHOICES = tuple(
    (v, v)
    for v in (
        QT_TRANSLATE_NOOP("register", "一般干部"),
        QT_TRANSLATE_NOOP("register", "股级"),
        QT_TRANSLATE_NOOP("register", "科级"),
        QT_TRANSLATE_NOOP("register", "处级"),
        QT_TRANSLATE_NOOP("register", "村（社区）干部"),
        QT_TRANSLATE_NOOP("register", "其他人员"),
    )
)
# 管理权限: who manages the cadre. A township commission handles the township's own cadres and
# village cadres; 县管干部 go to the county (DOMAIN.md). Before 0010 one value stood for both
# township- and department-managed cadres (乡（部门）管干部); the migration split it by owner.
COUNTY_MANAGED = QT_TRANSLATE_NOOP("register", "县管干部")
TOWNSHIP_MANAGED = QT_TRANSLATE_NOOP("register", "乡镇管干部")
DEPARTMENT_MANAGED = QT_TRANSLATE_NOOP("register", "部门管干部")
VILLAGE_CADRE = QT_TRANSLATE_NOOP("register", "村级干部")
AUTHORITY_CHOICES = tuple(
    (v, v)
    for v in (
        COUNTY_MANAGED,
        TOWNSHIP_MANAGED,
        DEPARTMENT_MANAGED,
        VILLAGE_CADRE,
        QT_TRANSLATE_NOOP("register", "其他"),
    )
)
# 监察对象 (监察法 art. 15); "" is not a 监察对象.
OBJECT_CATEGORY_CHOICES = (
    ("1", QT_TRANSLATE_NOOP("register", "（一）公务员及参公管理人员")),
    ("2", QT_TRANSLATE_NOOP("register", "（二）法律法规授权或受委托管理公共事务的组织中从事公务的人员")),
    ("3", QT_TRANSLATE_NOOP("register", "（三）国有企业管理人员")),
    ("4", QT_TRANSLATE_NOOP("register", "（四）公办教育、科研、文化、医疗卫生、体育等单位中从事管理的人员")),
    ("5", QT_TRANSLATE_NOOP("register", "（五）基层群众性自治组织中从事管理的人员")),
    ("6", QT_TRANSLATE_NOOP("register", "（六）其他依法履行公职的人员")),
)
# First-level category -> its second-level categories.
CATEGORIES: dict[str, tuple[str, ...]] = {
    QT_TRANSLATE_NOOP("register", "违反政治纪律"): (
        QT_TRANSLATE_NOOP("register", "对抗组织审查"),
        QT_TRANSLATE_NOOP("register", "搞团团伙伙"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "违反组织纪律"): (
        QT_TRANSLATE_NOOP("register", "违规选人用人"),
        QT_TRANSLATE_NOOP("register", "不如实报告个人有关事项"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "违反廉洁纪律"): (
        QT_TRANSLATE_NOOP("register", "违规收送礼品礼金"),
        QT_TRANSLATE_NOOP("register", "违规吃喝"),
        QT_TRANSLATE_NOOP("register", "违规经商办企业"),
        QT_TRANSLATE_NOOP("register", "利用职权谋取利益"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "违反群众纪律"): (
        QT_TRANSLATE_NOOP("register", "侵害群众利益"),
        QT_TRANSLATE_NOOP("register", "优亲厚友"),
        QT_TRANSLATE_NOOP("register", "吃拿卡要"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "违反工作纪律"): (
        QT_TRANSLATE_NOOP("register", "形式主义官僚主义"),
        QT_TRANSLATE_NOOP("register", "履职不力"),
        QT_TRANSLATE_NOOP("register", "违规干预插手"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "违反生活纪律"): (
        QT_TRANSLATE_NOOP("register", "生活作风问题"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "职务违法"): (
        QT_TRANSLATE_NOOP("register", "贪污"),
        QT_TRANSLATE_NOOP("register", "挪用"),
        QT_TRANSLATE_NOOP("register", "滥用职权"),
        QT_TRANSLATE_NOOP("register", "玩忽职守"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "职务犯罪"): (
        QT_TRANSLATE_NOOP("register", "受贿"),
        QT_TRANSLATE_NOOP("register", "贪污"),
        QT_TRANSLATE_NOOP("register", "其他"),
    ),
    QT_TRANSLATE_NOOP("register", "其他"): (),
}
CATEGORY_CHOICES = tuple((c, c) for c in CATEGORIES)

FORM_CHOICES = (
    ("1", QT_TRANSLATE_NOOP("register", "第一种形态")),
    ("2", QT_TRANSLATE_NOOP("register", "第二种形态")),
    ("3", QT_TRANSLATE_NOOP("register", "第三种形态")),
    ("4", QT_TRANSLATE_NOOP("register", "第四种形态")),
)
INQUIRY_KIND_CHOICES = (
    ("talk", QT_TRANSLATE_NOOP("register", "谈话")),
    ("letter", QT_TRANSLATE_NOOP("register", "函询")),
)
# 函询: how the office judges the written reply.
INQUIRY_ASSESSMENT_CHOICES = (
    ("truthful", QT_TRANSLATE_NOOP("register", "如实说明，予以采信")),
    ("incomplete", QT_TRANSLATE_NOOP("register", "说明不全面，需要补充")),
    ("untruthful", QT_TRANSLATE_NOOP("register", "不如实说明")),
)
INQUIRY_OUTCOME_CHOICES = (
    ("clarified", QT_TRANSLATE_NOOP("register", "了结澄清")),
    ("first_form", QT_TRANSLATE_NOOP("register", "第一种形态处理")),
    ("to_verification", QT_TRANSLATE_NOOP("register", "转初步核实")),
    ("propose_case", QT_TRANSLATE_NOOP("register", "建议立案")),
)
VERIFICATION_OUTCOME_CHOICES = (
    ("closed", QT_TRANSLATE_NOOP("register", "予以了结")),
    ("first_form", QT_TRANSLATE_NOOP("register", "第一种形态处理")),
    ("hold", QT_TRANSLATE_NOOP("register", "暂存待查")),
    ("propose_case", QT_TRANSLATE_NOOP("register", "建议立案")),
)
CO_REVIEW_RESULT_CHOICES = (
    ("agree", QT_TRANSLATE_NOOP("register", "同意")),
    ("amend", QT_TRANSLATE_NOOP("register", "修改后同意")),
    ("return", QT_TRANSLATE_NOOP("register", "退回补充调查")),
)
RELATION_CHOICES = (
    ("kin", QT_TRANSLATE_NOOP("register", "亲属")),
    ("colleague", QT_TRANSLATE_NOOP("register", "曾经同事")),
    ("village", QT_TRANSLATE_NOOP("register", "同村")),
    ("classmate", QT_TRANSLATE_NOOP("register", "同学")),
    ("other", QT_TRANSLATE_NOOP("register", "其他")),
)
# Why a handler stepped aside (回避决定): a declared relation, the same unit or home village as the
# person (the checks of ``app.registers.ties``), or the handler's own request with none of these.
GROUND_CHOICES = (
    *(c for c in RELATION_CHOICES if c[0] != "other"),
    ("unit", QT_TRANSLATE_NOOP("register", "同单位")),
    ("applied", QT_TRANSLATE_NOOP("register", "本人申请")),
    ("other", QT_TRANSLATE_NOOP("register", "其他")),
)
# Deadline steps, their common defaults (local practice differs: DeadlineRule rows) and whether
# they count working days (app.services.workdays): 函询 is answered within 15 working days; a
# month (审理, 宣布, 复审复核) is kept as 30 calendar days.
DEADLINE_STEPS = (
    ("clue", QT_TRANSLATE_NOOP("register", "线索提出处置意见"), 30, False),
    ("inquiry", QT_TRANSLATE_NOOP("register", "谈话函询"), 30, False),
    ("letter_reply", QT_TRANSLATE_NOOP("register", "函询回复"), 15, True),
    ("verification", QT_TRANSLATE_NOOP("register", "初步核实"), 90, False),
    ("case", QT_TRANSLATE_NOOP("register", "审查调查"), 90, False),
    ("trial", QT_TRANSLATE_NOOP("register", "审理"), 30, False),
    ("announce", QT_TRANSLATE_NOOP("register", "处分宣布送达"), 30, False),
    ("appeal", QT_TRANSLATE_NOOP("register", "复审复核决定"), 30, False),
    ("co_review", QT_TRANSLATE_NOOP("register", "协审"), 30, False),
    ("detention", QT_TRANSLATE_NOOP("register", "留置"), 90, False),
)
DEADLINE_STEP_CHOICES = tuple((k, label) for k, label, _days, _working in DEADLINE_STEPS)
DEFAULT_DAYS = {k: days for k, _label, days, _working in DEADLINE_STEPS}
DEFAULT_WORKING = {k: working for k, _label, _days, working in DEADLINE_STEPS}
