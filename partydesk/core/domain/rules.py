"""The national defaults of DOMAIN.md as editable rules (house rule 7).

Every number a check or calculation uses lives here with its Chinese label and unit. The database's rule
table holds the office's current value beside this default; settings can restore the default per row.
All values are integers: months, days, hours, 分 (fen) or basis points (1 bp = 0.01 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class RuleDefault:
    """One rule: a stable key, where it is shown, what it means and its national default."""

    key: str
    category: str
    label: str
    unit: str
    default: int
    minimum: int = 0
    maximum: int = 10_000_000
    note: str = ""
    source: str = ""
    """Where the number comes from (one of ``SOURCES``); only ``LOCAL`` rules are local practice."""
    choices: tuple[str, ...] = ()
    """For a rule that picks one way of counting: the name of each value from ``minimum`` up (shown and typed
    instead of the number)."""


# Where a rule's default comes from (DOMAIN.md §2.7a "Rule sources"): the short names shown in settings,
# and the documents they stand for. Only LOCAL is not a national number.
DZ = "党章"
XZ = "发展党员细则"
TJ = "支部工作条例"
JY = "教育管理条例"
PLAN = "全国培训规划"
FEE = "党费规定"
LOCAL = "各地做法"
SOURCE_TITLES: dict[str, str] = {
    DZ: "《中国共产党章程》",
    XZ: "《中国共产党发展党员工作细则》",
    TJ: "《中国共产党支部工作条例（试行）》",
    JY: "《中国共产党党员教育管理工作条例》",
    PLAN: "全国党员教育培训工作规划",
    FEE: "中组部《关于中国共产党党费收缴、使用和管理的规定》",
    LOCAL: "各地做法，不是全国统一规定；请按本地要求修改",
}
SOURCES: tuple[str, ...] = tuple(SOURCE_TITLES)
NATIONAL_SOURCES = frozenset(SOURCES) - {LOCAL}


MEETINGS = "会议频次"
STUDY = "学习培训"
WAITING = "发展党员与期限"
DUES = "党费"

RULE_DEFAULTS: tuple[RuleDefault, ...] = (
    RuleDefault("meeting.general.months", MEETINGS, "支部党员大会：每隔", "月", 3, 1, 12, "一般每季度一次", source=TJ),
    RuleDefault("meeting.committee.months", MEETINGS, "支部委员会会议：每隔", "月", 1, 1, 12, "一般每月一次",
                source=TJ),
    RuleDefault("meeting.group.months", MEETINGS, "党小组会：每隔", "月", 1, 1, 12, "一般每月一次", source=TJ),
    RuleDefault("meeting.lecture.months", MEETINGS, "党课：每隔", "月", 3, 1, 12, "一般每季度至少一次", source=TJ),
    RuleDefault("meeting.theme_day.months", MEETINGS, "主题党日：每隔", "月", 1, 1, 12, "每月相对固定一天", source=TJ),
    RuleDefault("meeting.org_life.months", MEETINGS, "组织生活会：每隔", "月", 12, 1, 24, "每年至少一次", source=TJ),
    RuleDefault("meeting.appraisal.months", MEETINGS, "民主评议党员：每隔", "月", 12, 1, 24, "一般每年一次", source=JY),
    RuleDefault("meeting.quorum.general.bp", MEETINGS, "支部党员大会法定人数", "基点", 5000, 5000, 10_000,
                "有表决权的到会人数须超过应到有表决权人数的这一比例；预备党员、留党察看者无表决权", source=TJ),
    RuleDefault("meeting.quorum.committee.bp", MEETINGS, "支部委员会会议法定人数", "基点", 5000, 5000, 10_000,
                "到会委员须超过委员人数的这一比例", source=TJ),
    RuleDefault("meeting.expect.migrant", MEETINGS, "外出流动党员计入应到", "", 1, 0, 1,
                "有的地方外出流动党员不计入应到人数", source=LOCAL, choices=("不计入", "计入")),
    RuleDefault("meeting.motion.base", MEETINGS, "表决通过的基数", "", 1, 0, 1,
                "应到会或实到会的有表决权党员；赞成票须超过下一项的比例", source=TJ,
                choices=("按实到会", "按应到会")),
    RuleDefault("meeting.motion.bp", MEETINGS, "表决通过须超过", "基点", 5000, 5000, 10_000,
                "赞成票占上一项所选人数的比例，默认超过半数", source=TJ),
    RuleDefault("meeting.heart_talk.months", MEETINGS, "谈心谈话：每隔", "月", 12, 1, 24,
                "每名党员至少谈一次，支委之间相互谈；从上次谈话或转入起算", source=LOCAL),
    RuleDefault("study.member.hours", STUDY, "党员每年学习培训", "学时", 32, 0, 500, "第二十条；2019–2023 全国规划同",
                source=JY),
    RuleDefault("study.leader.hours", STUDY, "支部书记、委员每年学习培训", "学时", 56, 0, 500, "2019–2023 全国规划",
                source=PLAN),
    RuleDefault("study.candidate_training.hours", STUDY, "发展对象集中培训不少于", "学时", 24, 0, 200, "或不少于3天",
                source=XZ),
    RuleDefault("study.new_secretary.months", STUDY, "新任书记上岗培训期限", "月", 6, 1, 24, source=PLAN),
    RuleDefault("study.hours.full_day", STUDY, "脱产培训一天折合", "学时", 8, 1, 24, source=LOCAL),
    RuleDefault("study.hours.half_day", STUDY, "半天讲座、活动折合", "学时", 4, 1, 12, source=LOCAL),
    RuleDefault("study.hours.per_hour", STUDY, "支部集中学习一小时折合", "学时", 1, 1, 4, source=LOCAL),
    RuleDefault("study.behind.bp", STUDY, "学时偏少提醒：低于年度要求的", "基点", 7500, 0, 10_000,
                "到下面所设月份月底时，已完成学时低于应完成学时的这一比例即提醒", source=LOCAL),
    RuleDefault("study.behind.month", STUDY, "学时偏少提醒：自几月底起", "月", 9, 1, 12, "默认第三季度末",
                source=LOCAL),
    RuleDefault("study.cert_expiry.days", STUDY, "证书到期提前提醒", "天", 60, 1, 365, source=LOCAL),
    RuleDefault("recruit.min_age.years", WAITING, "申请入党最低年龄", "周岁", 18, 18, 30, source=DZ),
    RuleDefault("recruit.talk.days", WAITING, "收到申请后谈话期限", "天", 30, 1, 180, "第七条", source=XZ),
    RuleDefault("recruit.activist_wait.days", WAITING, "申请后确定为积极分子的最短间隔", "天", 180, 0, 720,
                source=LOCAL),
    RuleDefault("recruit.activist_period.days", WAITING, "积极分子培养期不少于", "天", 365, 180, 1095, "第十条",
                source=XZ),
    RuleDefault("recruit.assessment.months", WAITING, "积极分子考察间隔", "月", 6, 1, 12, source=XZ),
    RuleDefault("recruit.review_valid.months", WAITING, "政治审查有效期", "月", 12, 1, 36, source=LOCAL),
    RuleDefault("recruit.publicity.days", WAITING, "公示期", "天", 7, 1, 30, "约5个工作日，各地不同", source=LOCAL),
    RuleDefault("recruit.approval.months", WAITING, "上级党委审批期限", "月", 3, 1, 6, source=XZ),
    RuleDefault("probation.months", WAITING, "预备期", "月", 12, 12, 12, source=DZ),
    RuleDefault("probation.extension_max.months", WAITING, "延长预备期最长", "月", 12, 6, 12, source=DZ),
    RuleDefault("lost_contact.months", WAITING, "失去联系认定期限", "月", 6, 1, 24, source=JY),
    RuleDefault("suspend.abroad.years", WAITING, "出国（境）逾期未归停止党籍", "年", 5, 1, 10, source=JY),
    RuleDefault("suspend.remove.years", WAITING, "停止党籍后仍无联系按自行脱党除名", "年", 2, 1, 5, source=JY),
    RuleDefault("migrant.months", WAITING, "流动党员外出时间", "月", 6, 1, 24, source=LOCAL),
    RuleDefault("dues.lapse.months", WAITING, "连续未交党费按自行脱党处理", "月", 6, 1, 24, source=DZ),
    RuleDefault("dues.employed.band1_max", DUES, "在职：第一档月收入上限", "分", 300_000, source=FEE),
    RuleDefault("dues.employed.band1_rate", DUES, "在职：第一档比例", "基点", 50, 0, 1000, "0.5%", source=FEE),
    RuleDefault("dues.employed.band2_max", DUES, "在职：第二档月收入上限", "分", 500_000, source=FEE),
    RuleDefault("dues.employed.band2_rate", DUES, "在职：第二档比例", "基点", 100, 0, 1000, "1%", source=FEE),
    RuleDefault("dues.employed.band3_max", DUES, "在职：第三档月收入上限", "分", 1_000_000, source=FEE),
    RuleDefault("dues.employed.band3_rate", DUES, "在职：第三档比例", "基点", 150, 0, 1000, "1.5%", source=FEE),
    RuleDefault("dues.employed.band4_rate", DUES, "在职：最高档比例", "基点", 200, 0, 1000, "2%", source=FEE),
    RuleDefault("dues.retired.band1_max", DUES, "离退休：第一档月收入上限", "分", 500_000, source=FEE),
    RuleDefault("dues.retired.band1_rate", DUES, "离退休：第一档比例", "基点", 50, 0, 1000, "0.5%", source=FEE),
    RuleDefault("dues.retired.band2_rate", DUES, "离退休：第二档比例", "基点", 100, 0, 1000, "1%", source=FEE),
    RuleDefault("dues.farmer.monthly", DUES, "农民党员每月党费", "分", 20, 0, 10_000, "每月0.2–1元", source=FEE),
    RuleDefault("dues.low_income.monthly", DUES, "学生、下岗失业、低保等每月党费", "分", 20, 0, 10_000, source=FEE),
    RuleDefault("dues.to_centre.min", DUES, "一次性自愿多交全部上缴中央的起点", "分", 100_000, source=FEE),
    RuleDefault("dues.backpay.months", DUES, "补交、预交一般不超过", "月", 6, 0, 24, source=FEE),
    RuleDefault("dues.rounding", DUES, "党费计算取整单位", "分", 1, 1, 100, "默认精确到分", source=LOCAL),
)

RULES_BY_KEY: dict[str, RuleDefault] = {r.key: r for r in RULE_DEFAULTS}


def source_of(key: str) -> str:
    """Where the rule ``key`` comes from ("" for a key this program does not know)."""
    rule = RULES_BY_KEY.get(key)
    return rule.source if rule is not None else ""


def is_national(key: str) -> bool:
    """True when the rule's default is a national number (党章, 细则, 条例, national plan or regulation)."""
    return source_of(key) in NATIONAL_SOURCES


# -- display units ------------------------------------------------------------------------------------
# Rules store integers; people read money in 元 and rates in %. Stored unit -> (shown unit, stored units
# per shown unit, decimals a person may type).
DISPLAY_UNITS: dict[str, tuple[str, int, int]] = {"分": ("元", 100, 2), "基点": ("%", 100, 2)}


def shown_unit(unit: str) -> str:
    """The unit a person reads for a stored unit: 元 for 分, % for 基点, else the unit itself."""
    return DISPLAY_UNITS.get(unit, (unit, 1, 0))[0]


def format_value(unit: str, value: int, choices: tuple[str, ...] = (), minimum: int = 0) -> str:
    """A stored value in its shown unit: 300000 分 -> "3000.00", 50 基点 -> "0.5", 3 月 -> "3"; a choice rule's
    value by its name ("计入")."""
    if choices and 0 <= value - minimum < len(choices):
        return choices[value - minimum]
    _shown, scale, decimals = DISPLAY_UNITS.get(unit, (unit, 1, 0))
    if scale == 1:
        return str(value)
    text = f"{Decimal(value) / scale:.{decimals}f}"
    # Rates read best without trailing zeros (0.5 %, 1 %); money keeps its two places (0.20 元).
    return text.rstrip("0").rstrip(".") if unit == "基点" else text


def parse_value(text: str, *, unit: str, minimum: int, maximum: int, choices: tuple[str, ...] = ()) -> int:
    """What a person typed, in the shown unit (or a choice rule's name for it), as the stored integer;
    ValueError says why it is refused."""
    if choices:
        if text.strip() in choices:
            return minimum + choices.index(text.strip())
        if text.strip() not in {str(minimum + i) for i in range(len(choices))}:
            raise ValueError(f"请选择：{'、'.join(choices)}。")
    shown, scale, decimals = DISPLAY_UNITS.get(unit, (unit, 1, 0))
    cleaned = text.strip().replace(",", "").replace("，", "").removesuffix(shown).strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text.strip()}”不是数字，请输入以{shown}为单位的数值。") from None
    if not number.is_finite():
        raise ValueError(f"“{text.strip()}”不是数字，请输入以{shown}为单位的数值。")
    stored = number * scale
    if stored != stored.to_integral_value():
        raise ValueError("只能填整数。" if decimals == 0 else f"最多填{decimals}位小数。")
    value = int(stored)
    if not minimum <= value <= maximum:
        raise ValueError(f"允许的范围是 {format_value(unit, minimum)} 到 {format_value(unit, maximum)} {shown}。")
    return value
