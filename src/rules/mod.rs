//! The rules that decide who qualifies for what, as data: the rule sets in force by date (old regime, Law 06/2022
//! with Decree 98/2023, then with Decree 152/2025), the conditions of each title with the article that sets them,
//! the parameters a province or bloc sets, and a pure evaluation from facts to a verdict per condition with the
//! evidence used. No database here: `db/facts.rs` gathers the facts, `report/eligible.rs` renders the verdicts.

use chrono::NaiveDate;

use crate::model::{Basis, DisciplineForm, InitiativeKind, Org, RatingLevel, Scope};

mod judge;
pub use judge::judge;

id_enum! {
    /// A rule set: the national texts in force for a period (legal timeline of Law 06/2022/QH15 Art 96, Decree
    /// 98/2023/NĐ-CP and Decree 152/2025/NĐ-CP Art 59).
    Regime, labels = "regime" {
        /// Law 15/2003/QH11 (amended 2005, 2009, 2013) and Decree 91/2017/NĐ-CP: until 31/12/2023.
        Law2003 = "law2003",
        /// Law 06/2022/QH15 and Decree 98/2023/NĐ-CP: 01/01/2024 – 30/06/2025.
        Decree98 = "decree98",
        /// Law 06/2022/QH15 and Decree 152/2025/NĐ-CP: from 01/07/2025.
        Decree152 = "decree152",
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

impl Regime {
    /// The rule set in force on a date.
    pub fn at(date: NaiveDate) -> Regime {
        if date < ymd(2024, 1, 1) {
            Regime::Law2003
        } else if date < ymd(2025, 7, 1) {
            Regime::Decree98
        } else {
            Regime::Decree152
        }
    }

    /// (from, to) of the period it is in force.
    pub fn period(self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Regime::Law2003 => (None, Some(ymd(2023, 12, 31))),
            Regime::Decree98 => (Some(ymd(2024, 1, 1)), Some(ymd(2025, 6, 30))),
            Regime::Decree152 => (Some(ymd(2025, 7, 1)), None),
        }
    }

    /// The texts, as they are cited.
    pub fn texts(self) -> &'static str {
        match self {
            Regime::Law2003 => {
                "Luật Thi đua, Khen thưởng 15/2003/QH11 (sửa đổi 2005, 2009, 2013); Nghị định 91/2017/NĐ-CP"
            }
            Regime::Decree98 => "Luật Thi đua, Khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP",
            Regime::Decree152 => "Luật Thi đua, Khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP",
        }
    }
}

impl Regime {
    /// The texts as a paper's legal bases cite them: number, date, issuer and title (Decree 30/2020/NĐ-CP Annex I
    /// writes a basis with the text's kind, number, date of signing and subject).
    pub fn bases(self) -> &'static [&'static str] {
        match self {
            Regime::Law2003 => &[
                "Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi \
                 đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013",
                "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số \
                 điều của Luật Thi đua, khen thưởng",
            ],
            Regime::Decree98 => &[
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số \
                 điều của Luật Thi đua, khen thưởng",
            ],
            Regime::Decree152 => &[
                "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của \
                 Luật Thi đua, khen thưởng",
            ],
        }
    }

    /// The law on local government a province's decision cites first: the 2015 law (amended 2019) until 30/06/2025,
    /// Law 72/2025/QH15 from 01/07/2025, in force with the two-tier local government.
    pub fn local_government(date: NaiveDate) -> &'static str {
        if date < ymd(2025, 7, 1) {
            "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật \
             Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019"
        } else {
            "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
        }
    }
}

/// The base salary (mức lương cơ sở) in force on a date, in đồng a month, with the decree that set it: cash awards
/// are multiples of it (Law 06/2022 Art 85; Decree 152/2025/NĐ-CP Art 49–54, Decree 98/2023 Art 54 and Decree
/// 91/2017 Art 70 before them).
pub fn base_salary(date: NaiveDate) -> Option<(u64, &'static str)> {
    const TABLE: &[((i32, u32, u32), u64, &str)] = &[
        ((2018, 7, 1), 1_390_000, "Nghị định số 72/2018/NĐ-CP"),
        ((2019, 7, 1), 1_490_000, "Nghị định số 38/2019/NĐ-CP"),
        ((2023, 7, 1), 1_800_000, "Nghị định số 24/2023/NĐ-CP"),
        ((2024, 7, 1), 2_340_000, "Nghị định số 73/2024/NĐ-CP"),
    ];
    TABLE.iter().rev().find(|((y, m, d), _, _)| date >= ymd(*y, *m, *d)).map(|(_, amount, decree)| (*amount, *decree))
}

/// How many base salaries a title or form carries for a collective or an individual: the catalog's figure for a
/// title (Decree 152/2025/NĐ-CP Art 50–52, as Decree 98/2023 Art 54); for the forms, the collective's figure of the
/// decree's table (Bằng khen of the Prime Minister 7.0, of a minister or provincial chair 3.0, Giấy khen 0.6; Art 53–54).
/// An individual's figure for a form is not confirmed here: none, and the paper leaves the amount to fill.
pub fn coefficient(code: &str, catalog: Option<f64>, collective: bool) -> Option<f64> {
    if catalog.is_some() {
        return catalog;
    }
    match (code.to_uppercase().as_str(), collective) {
        ("BK_TTG", true) => Some(7.0),
        ("BK_TINH", true) => Some(3.0),
        ("GK", true) => Some(0.6),
        _ => None,
    }
}

/// A cash award: the coefficient times the base salary in force on the decision's date, rounded up to the next
/// 10,000 đồng (Decree 152/2025/NĐ-CP Art 49).
pub fn cash(coefficient: f64, date: NaiveDate) -> Option<u64> {
    let (base, _) = base_salary(date)?;
    let exact = (coefficient * base as f64).round() as u64;
    Some(exact.div_ceil(10_000) * 10_000)
}

/// The date that decides which rule set judges an achievement year: its end, when the year's titles are proposed
/// (so a 2020 file is judged by 2020's rules, a 2025 one by Decree 152). `--as-of` overrides it.
pub fn judging_date(year: i32) -> NaiveDate {
    ymd(year, 12, 31)
}

id_enum! {
    /// One condition of a title, checkable or qualitative.
    Cond, labels = "cond" {
        /// Rated at least "completed well" (HTTNV) in the year.
        RatedGood = "rated_good",
        /// Rated "completed excellently" (HTXSNV) in the year.
        RatedExcellent = "rated_excellent",
        /// No discipline in force during the year.
        NoDiscipline = "no_discipline",
        /// No review, inspection, investigation or complaint pending.
        NothingPending = "nothing_pending",
        /// Holds LĐTT (or meets its conditions) in the year.
        IsLdtt = "is_ldtt",
        /// Rated excellent, or an initiative / accepted research / combat ingenuity recognised in the year.
        ExcellentOrInitiative = "excellent_or_initiative",
        /// An initiative or accepted research recognised in the year (the old regime's CSTĐCS).
        InitiativeYear = "initiative_year",
        /// The unit's CSTĐCS within 15% of its LĐTT (the old regime).
        CstdcsCap = "cstdcs_cap",
        /// CSTĐCS in each of the three years ending with this one.
        Cstdcs3Years = "cstdcs_3_years",
        /// An initiative or research with province-wide effect, recognised by the province or ministry.
        InitiativeProvince = "initiative_province",
        /// Bằng khen for a person: two consecutive CSTĐCS, or two consecutive excellent years with two unused
        /// initiatives.
        BkPerson = "bk_person",
        /// Bằng khen for a collective: selected by the bloc's ranking, or two consecutive excellent years (or
        /// TTLĐXS).
        BkUnit = "bk_unit",
        /// The share of the unit's people holding LĐTT.
        ShareLdtt = "share_ldtt",
        /// No member disciplined at warning or above in the year.
        NoMemberWarning = "no_member_warning",
        /// Every member rated at least "completed".
        MembersCompleted = "members_completed",
        /// At least one member holds CSTĐCS in the year.
        OneCstdcs = "one_cstdcs",
        /// The leading unit of the bloc in the year.
        LeadingUnit = "leading_unit",
        /// The unit's Party organisation and mass organisations rated excellent.
        OrgsExcellent = "orgs_excellent",
        /// The qualitative conditions (solidarity, exemplary conduct, movements), as the secretary confirmed them.
        Qualities = "qualities",
        /// The unit still exists on the judging date: not merged into another, not dissolved (judged only for a
        /// unit that ended).
        Exists = "exists",
    }
}

id_enum! {
    /// What a condition came to.
    Verdict, labels = "verdict" {
        Met = "met",
        NotMet = "not_met",
        /// The file lacks what the condition needs: never taken as met.
        Unknown = "unknown",
        /// A qualitative condition not confirmed yet (`eligible confirm`).
        ToConfirm = "to_confirm",
    }
}

id_enum! {
    /// What a subject's conditions for a title come to.
    Summary, labels = "eligibility" {
        Eligible = "eligible",
        NotEligible = "not_eligible",
        /// Some condition could not be judged from the file.
        Incomplete = "incomplete",
        /// Every checkable condition met; the qualitative ones wait for confirmation.
        ToConfirm = "to_confirm",
        /// A title this tool has no conditions for.
        NotCovered = "not_covered",
    }
}

/// Where a condition is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cite {
    pub text: &'static str,
    /// False where the article could not be read in the text itself (DOMAIN's open questions): shown as such.
    pub confirmed: bool,
}

const fn c(text: &'static str) -> Cite {
    Cite { text, confirmed: true }
}
const fn u(text: &'static str) -> Cite {
    Cite { text, confirmed: false }
}

/// The titles and forms the check covers; another code gets "not covered".
pub const COVERED: &[&str] = &["LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH", "TTLDTT", "TTLDXS", "CTD_TINH"];

/// Why a title or form is not judged: who decides it and on what the file does not hold (Law 06/2022/QH15).
pub fn not_covered_why(code: &str) -> crate::msg::Msg {
    match code {
        "CSTD_TQ" => {
            msg!("chosen among the CSTĐ of ministries and provinces by the Central Council (Law 06/2022 Art 21): the bloc proposes no one for it")
        }
        "CTD_CP" | "BK_TTG" => {
            msg!("conferred by the Prime Minister on the province's proposal, on conditions the bloc's file does not hold (Law 06/2022 Art 25, 71)")
        }
        "GK" => msg!("conferred by the head of the unit under its own rule (Law 06/2022 Art 75)"),
        "CSTT" | "LDTT_LLVT" => msg!("the armed forces' title, judged by their ministries"),
        _ => msg!("its conditions are not in the rule sets of this tool"),
    }
}

/// Who a subject is: the conditions of Bằng khen differ for a person and a collective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Person,
    Unit,
}

/// The conditions of a title for a subject under a rule set, in the order they are shown; empty when not covered
/// (or not for this kind of subject).
pub fn conditions(code: &str, who: Who, regime: Regime) -> Vec<Cond> {
    use Cond::*;
    let old = regime == Regime::Law2003;
    match (code, who) {
        ("LDTT", Who::Person) => vec![RatedGood, NoDiscipline, NothingPending, Qualities],
        ("CSTDCS", Who::Person) if old => {
            vec![IsLdtt, InitiativeYear, CstdcsCap, NoDiscipline, NothingPending, Qualities]
        }
        ("CSTDCS", Who::Person) => vec![IsLdtt, ExcellentOrInitiative, NoDiscipline, NothingPending, Qualities],
        ("CSTD_TINH", Who::Person) => vec![Cstdcs3Years, InitiativeProvince, NoDiscipline, NothingPending, Qualities],
        ("BK_TINH", Who::Person) => vec![BkPerson, NoDiscipline, NothingPending, Qualities],
        ("BK_TINH", Who::Unit) => vec![BkUnit, NothingPending, Qualities],
        ("TTLDTT", Who::Unit) => vec![RatedGood, ShareLdtt, NoMemberWarning, NothingPending, Qualities],
        ("TTLDXS", Who::Unit) if old => {
            vec![RatedExcellent, MembersCompleted, ShareLdtt, OneCstdcs, NoMemberWarning, NothingPending, Qualities]
        }
        ("TTLDXS", Who::Unit) => {
            vec![RatedExcellent, MembersCompleted, ShareLdtt, OneCstdcs, NothingPending, Qualities]
        }
        ("CTD_TINH", Who::Unit) => vec![LeadingUnit, OrgsExcellent, NoDiscipline, NothingPending, Qualities],
        _ => Vec::new(),
    }
}

/// The article a condition of a title rests on, under a rule set. Articles not read in the text itself are marked
/// unconfirmed rather than guessed silently.
pub fn cite(code: &str, cond: Cond, regime: Regime) -> Cite {
    use Cond::*;
    use Regime::*;
    let old = regime == Law2003;
    let pending = match regime {
        Decree152 => c("Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4"),
        Decree98 => u("Nghị định 98/2023/NĐ-CP"),
        Law2003 => u("Nghị định 91/2017/NĐ-CP"),
    };
    match (code, cond) {
        (_, NothingPending) => pending,
        (_, Exists) => u("Thông tư 15/2025/TT-BNV"),
        (_, NoDiscipline) if regime == Decree152 => c("Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4"),
        (_, NoDiscipline) => u("Nghị định 90/2020/NĐ-CP (sửa đổi bởi Nghị định 48/2023/NĐ-CP)"),
        ("LDTT", RatedGood | Qualities) if old => u("Luật TĐKT 2003, Điều 24"),
        ("LDTT", RatedGood | Qualities) => c("Luật TĐKT 2022, Điều 24 khoản 1"),
        ("CSTDCS", IsLdtt | InitiativeYear | Qualities) if old => u("Luật TĐKT 2003, Điều 23"),
        ("CSTDCS", CstdcsCap) if old => c("Nghị định 91/2017/NĐ-CP, Điều 9 khoản 3"),
        // After 2023 only a province's own rule sets a cap; the rule the file names is shown by `rules show`.
        ("CSTDCS", CstdcsCap) => u("Quy định thi đua, khen thưởng của tỉnh"),
        ("CSTDCS", _) => c("Luật TĐKT 2022, Điều 23"),
        ("CSTD_TINH", Cstdcs3Years) if old => u("Luật TĐKT 2003, Điều 22"),
        ("CSTD_TINH", InitiativeProvince) if old => u("Luật TĐKT 2003, Điều 22"),
        ("CSTD_TINH", Cstdcs3Years) => c("Luật TĐKT 2022, Điều 22 khoản 1 điểm a"),
        ("CSTD_TINH", InitiativeProvince) => c("Luật TĐKT 2022, Điều 22 khoản 1 điểm b"),
        ("CSTD_TINH", _) if old => u("Luật TĐKT 2003, Điều 22"),
        ("CSTD_TINH", _) => c("Luật TĐKT 2022, Điều 22"),
        ("BK_TINH", BkPerson) if old => u("Nghị định 91/2017/NĐ-CP, Điều 38"),
        ("BK_TINH", BkPerson) => c("Luật TĐKT 2022, Điều 74 khoản 1 điểm d"),
        ("BK_TINH", _) if old => u("Luật TĐKT 2003, Điều 72"),
        ("BK_TINH", _) => u("Luật TĐKT 2022, Điều 74"),
        ("TTLDTT", ShareLdtt) if old => u("Luật TĐKT 2003, Điều 28"),
        ("TTLDTT", ShareLdtt) => c("Luật TĐKT 2022, Điều 28 khoản 3 (tỷ lệ do tỉnh quy định)"),
        ("TTLDTT", _) if old => u("Luật TĐKT 2003, Điều 28"),
        ("TTLDTT", _) => c("Luật TĐKT 2022, Điều 28"),
        ("TTLDXS", _) if old => u("Luật TĐKT 2003, Điều 27"),
        ("TTLDXS", _) => c("Luật TĐKT 2022, Điều 27"),
        ("CTD_TINH", _) if old => u("Luật TĐKT 2003, Điều 26"),
        ("CTD_TINH", _) => c("Luật TĐKT 2022, Điều 26 khoản 1"),
        _ => u("—"),
    }
}

id_enum! {
    /// A parameter the province or bloc may set (`rules set`), with the rule set's default otherwise.
    Param, labels = "param" {
        /// TTLĐTT: the least share (%) of members holding LĐTT.
        TtldttShare = "ttldtt_share",
        /// TTLĐXS: the least share (%) of members holding LĐTT.
        TtldxsShare = "ttldxs_share",
        /// CSTĐCS: the most of them as a share (%) of LĐTT; none under the 2022 Law unless a province sets one.
        CstdcsCap = "cstdcs_cap",
        /// Council ballot thresholds (% of all members), Decree 98/2023 Art 30(7).
        VoteFlag = "vote_flag",
        VoteCstdTinh = "vote_cstd_tinh",
        VoteCstdcs = "vote_cstdcs",
        /// Titles and forms the decree sets no ballot threshold for: the bloc's own rule.
        VoteOther = "vote_other",
        /// The least share (%) of council members present for a session on awards.
        Quorum = "quorum",
        /// A province's own least share (%) of members present when awards are considered (Bắc Ninh: 80%).
        QuorumAwards = "quorum_awards",
    }
}

/// Where a parameter's value comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Set in this file with the text that decided it, on a date.
    Set { source: String, on: NaiveDate },
    /// The rule set's default, with where it comes from (a national rule, or a stated default).
    Default(Cite),
    /// No value: the rule does not apply under this rule set.
    None,
}

/// A parameter as it judges: its value (none: not applied), whether the bound is strict ("more than"), its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub param: Param,
    pub value: Option<f64>,
    pub strict: bool,
    pub source: Source,
}

/// The default of a parameter under a rule set.
pub fn default(p: Param, regime: Regime) -> Value {
    let old = regime == Regime::Law2003;
    let (value, strict, source) = match p {
        // The 2003 Law said "more than 50%"; the 2022 Law leaves it to the province (Art 28.3): 70% is the stated
        // default, as Bắc Ninh QĐ 86/2025/QĐ-UBND Art 4.2 sets it.
        Param::TtldttShare if old => (Some(50.0), true, Source::Default(u("Luật TĐKT 2003, Điều 28"))),
        Param::TtldttShare => {
            (Some(70.0), false, Source::Default(u("mặc định; Luật TĐKT 2022, Điều 28 khoản 3 để tỉnh quy định")))
        }
        Param::TtldxsShare if old => (Some(70.0), false, Source::Default(u("Luật TĐKT 2003, Điều 27"))),
        Param::TtldxsShare => (Some(70.0), false, Source::Default(c("Luật TĐKT 2022, Điều 27"))),
        Param::CstdcsCap if old => (Some(15.0), false, Source::Default(c("Nghị định 91/2017/NĐ-CP, Điều 9 khoản 3"))),
        Param::CstdcsCap => (None, false, Source::None),
        Param::VoteFlag | Param::VoteCstdcs => (Some(80.0), false, vote_source(regime)),
        Param::VoteCstdTinh => (Some(90.0), false, vote_source(regime)),
        Param::VoteOther => (Some(50.0), true, Source::Default(u("mặc định (quá bán tổng số thành viên)"))),
        Param::Quorum => (Some(200.0 / 3.0), false, Source::Default(u("mặc định (hai phần ba thành viên)"))),
        // A province's rule, not a national one: not applied until the file's province sets it (Bắc Ninh QĐ
        // 86/2025/QĐ-UBND Art 8.4 says 80% of members present for sessions on awards).
        Param::QuorumAwards => (None, false, Source::None),
    };
    Value { param: p, value, strict, source }
}

fn vote_source(regime: Regime) -> Source {
    Source::Default(match regime {
        Regime::Decree98 => c("Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7"),
        _ => u("Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (giữ làm mặc định)"),
    })
}

/// The ballot threshold a title needs (Decree 98/2023 Art 30(7): of all council members, 90% for the CSTĐ titles
/// and heroes, 80% for CSTĐCS and the flags), and where it is written; other titles follow the bloc's own rule.
pub fn vote_param(code: &str) -> Param {
    match code {
        "CSTD_TINH" | "CSTD_TQ" | "AHLD" | "AHLLVT" => Param::VoteCstdTinh,
        "CSTDCS" => Param::VoteCstdcs,
        "CTD_TINH" | "CTD_CP" => Param::VoteFlag,
        _ => Param::VoteOther,
    }
}

/// Whether `yes` of `all` members reach a threshold (strict: more than).
pub fn carried(yes: i64, all: i64, v: &Value) -> bool {
    let Some(min) = v.value else { return true };
    let pct = yes as f64 * 100.0 / all.max(1) as f64;
    if v.strict {
        pct > min + 1e-9
    } else {
        pct + 1e-9 >= min
    }
}

/// The rule set judging a year, with its parameters resolved (set in the file, else default).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    pub regime: Regime,
    pub as_of: NaiveDate,
    pub params: Vec<Value>,
}

impl RuleSet {
    /// The same file's parameters under the rule set in force on another date: what the file set stays, the
    /// defaults are that rule set's (a council session of 2020 is weighed by the 2020 texts).
    pub fn at(&self, as_of: NaiveDate) -> RuleSet {
        let regime = Regime::at(as_of);
        let params = self
            .params
            .iter()
            .map(|v| match v.source {
                Source::Set { .. } => v.clone(),
                _ => default(v.param, regime),
            })
            .collect();
        RuleSet { regime, as_of, params }
    }

    /// `set`: the parameters stored in the file, (key, value, source, date).
    pub fn new(as_of: NaiveDate, set: &[(Param, f64, String, NaiveDate)]) -> RuleSet {
        let regime = Regime::at(as_of);
        let params = Param::ALL
            .iter()
            .map(|&p| match set.iter().find(|s| s.0 == p) {
                Some((_, v, source, on)) => Value {
                    param: p,
                    value: Some(*v),
                    strict: false,
                    source: Source::Set { source: source.clone(), on: *on },
                },
                None => default(p, regime),
            })
            .collect();
        RuleSet { regime, as_of, params }
    }

    pub fn get(&self, p: Param) -> &Value {
        self.params.iter().find(|v| v.param == p).expect("every parameter resolved")
    }
}

impl Param {
    pub const ALL: &'static [Param] = &[
        Param::TtldttShare,
        Param::TtldxsShare,
        Param::CstdcsCap,
        Param::VoteFlag,
        Param::VoteCstdTinh,
        Param::VoteCstdcs,
        Param::VoteOther,
        Param::Quorum,
        Param::QuorumAwards,
    ];
}

#[cfg(test)]
mod params_tests {
    #[test]
    fn every_parameter_is_resolved() {
        assert_eq!(super::Param::ALL.len(), super::Param::VALUES.len());
    }
}

// ---- The facts a judgement reads (gathered by `db/facts.rs`) ----

/// One rating of the subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub year: i32,
    pub org: Org,
    pub level: RatingLevel,
    pub doc: Option<String>,
    pub doc_date: Option<NaiveDate>,
}

/// A title or form the subject received, by achievement year: from this file's awards or the carried history.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    pub code: String,
    pub year_from: i32,
    pub year_to: i32,
    pub basis: Option<Basis>,
    /// The decision's number (and date, as text), when known.
    pub decision: Option<String>,
    pub decision_date: Option<NaiveDate>,
    /// Carried from an earlier file rather than awarded in this one.
    pub carried: bool,
    /// The revoking decision, when the award was revoked (Law 06/2022 Art 93).
    pub revoked: Option<String>,
    /// The award's number in this file.
    pub award_id: Option<i64>,
}

/// An initiative of the person (or research, or combat ingenuity).
#[derive(Debug, Clone, PartialEq)]
pub struct Initiative {
    pub id: i64,
    pub title: String,
    pub kind: InitiativeKind,
    pub scope: Scope,
    pub body: Option<String>,
    pub decision: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub year: i32,
    /// The awards and proposals it served.
    pub used_by: Vec<Use>,
}

/// An award or a proposal's candidate that rested on an initiative: what it was for and the achievement year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Use {
    /// The award's number, or the proposal's and the candidate's.
    pub award: Option<i64>,
    pub proposal: Option<(i64, i64)>,
    pub code: String,
    pub year: i32,
    /// A use in an older file, carried with the initiative: the year of that file.
    pub carried: Option<i32>,
}

impl Use {
    /// "award #12", "proposal #3 (candidate #5)" or "the file of 2024", for a message.
    pub fn what(&self) -> crate::msg::Msg {
        match (self.award, self.proposal, self.carried) {
            (Some(a), _, _) => msg!("award #{}", a),
            (None, Some((p, i)), _) => msg!("proposal #{} (candidate #{})", p, i),
            (None, None, Some(y)) => msg!("the file of {}", y),
            (None, None, None) => msg!("{}", ""),
        }
    }
}

/// A discipline or a pending review of the subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Discipline {
    pub id: i64,
    pub form: DisciplineForm,
    pub decision: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

/// One person of a unit, as a collective's conditions read them for the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: String,
    pub ldtt: bool,
    pub cstdcs: bool,
    pub rating: Option<RatingLevel>,
    pub warning: bool,
    /// Registered for LĐTT or CSTĐCS in the file's year and not decided yet: the share may still change.
    pub pending_ldtt: bool,
    /// Registered for CSTĐCS in the file's year and not decided yet.
    pub pending_cstdcs: bool,
}

/// The unit's place in the bloc's ranking of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub rank: usize,
    pub shared: bool,
    pub of: usize,
    pub scored: bool,
    /// What the ranking proposes it for (CTD_TINH, BK_TINH).
    pub proposal: Option<String>,
    /// Whether the ranking gives the flag to another unit (the first was excluded or not fully scored).
    pub flag_elsewhere: bool,
}

/// Everything a judgement reads about one subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub who: Who,
    /// The achievement year judged.
    pub year: i32,
    /// The year the file holds: its registrations are for it, and its titles may still be undecided.
    pub file_year: i32,
    pub ratings: Vec<Rating>,
    pub titles: Vec<Title>,
    pub initiatives: Vec<Initiative>,
    pub disciplines: Vec<Discipline>,
    /// Titles the subject registered for the file's year (a title of that year may not be decided yet).
    pub registered: Vec<String>,
    /// The secretary's confirmation of the qualitative conditions of the title judged, with its note.
    pub confirmed: Option<String>,
    /// A unit's people (collectives only) and its recorded staff count.
    pub members: Vec<Member>,
    pub staff: Option<i64>,
    /// A unit's place in the ranking (the file's year only).
    pub standing: Option<Standing>,
    /// The old regime's cap: (people of the person's unit with LĐTT, with CSTĐCS awarded or registered).
    pub unit_counts: Option<(usize, usize)>,
    /// A unit that merged into another or was dissolved.
    pub ended: Option<Ended>,
    /// The counts the unit reports (LĐTT and CSTĐCS holders of its staff), for the shares when the file does not hold
    /// all of its people.
    pub reported: Option<Reported>,
    /// The day a pending review is judged at: the act's (the proposal's memo, the award's decision), else the day
    /// asked about, else today (Decree 152/2025 Art 4.4 forbids proposing or awarding *while* a review is pending).
    pub pending_at: NaiveDate,
}

/// What a unit reports of its staff: how many hold LĐTT and CSTĐCS, and the paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub ldtt: usize,
    pub cstdcs: usize,
    pub doc: Option<String>,
}

/// How a unit ended: the day, and the unit it merged into (none: dissolved).
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    pub on: NaiveDate,
    pub merged_into: Option<String>,
}

/// One condition judged.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub cond: Cond,
    pub verdict: Verdict,
    pub evidence: Vec<Evidence>,
    pub cite: Cite,
}

/// A title judged for a subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub code: String,
    pub year: i32,
    pub regime: Regime,
    pub checks: Vec<Check>,
}

impl Judgement {
    pub fn summary(&self) -> Summary {
        let has = |v: Verdict| self.checks.iter().any(|c| c.verdict == v);
        if self.checks.is_empty() {
            Summary::NotCovered
        } else if has(Verdict::NotMet) {
            Summary::NotEligible
        } else if has(Verdict::Unknown) {
            Summary::Incomplete
        } else if has(Verdict::ToConfirm) {
            Summary::ToConfirm
        } else {
            Summary::Eligible
        }
    }
}

/// What a verdict rests on, typed: the words are chosen when it is rendered, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// A rating found (or none recorded, `level` None) for a year and organisation.
    Rating {
        year: i32,
        org: Org,
        level: Option<RatingLevel>,
        doc: Option<String>,
        doc_date: Option<NaiveDate>,
    },
    /// A title held for a year, with where it is recorded.
    Held(Title, i32),
    /// No such title recorded for the year.
    NotHeld {
        code: String,
        year: i32,
    },
    /// Recorded, but on a basis that does not count toward merit chains (Decree 152/2025 Art 4.3).
    NotCounted(Title, i32),
    /// Recorded, but revoked.
    Revoked(Title, i32),
    /// Registered for the file's year and not decided yet.
    Undecided {
        code: String,
        year: i32,
    },
    /// The LĐTT conditions met, without the title recorded.
    MeetsLdtt,
    Initiative(Initiative),
    /// An initiative found but not usable here: its scope is below what the title needs.
    InitiativeScope(Initiative, Scope),
    /// An initiative already used by another award.
    InitiativeUsed(Initiative),
    /// An initiative that served an earlier title, offered for a later title: the council's call.
    InitiativeTitleAgain(Initiative),
    NoInitiative {
        scope: Scope,
        from: i32,
        to: i32,
        need: usize,
        found: usize,
    },
    Discipline(Discipline),
    Share {
        n: usize,
        of: usize,
        min: f64,
        strict: bool,
    },
    /// Members registered for the title in the file's year, not decided yet.
    PendingMembers {
        code: &'static str,
        n: usize,
    },
    /// The file holds `people` of the unit; its staff count is `staff` (none recorded).
    Staff {
        people: usize,
        staff: Option<i64>,
    },
    MembersBelow {
        names: Vec<String>,
    },
    MembersUnrated {
        n: usize,
    },
    MembersWarning {
        names: Vec<String>,
    },
    Cstdcs {
        n: usize,
    },
    Cap {
        cstdcs: usize,
        ldtt: usize,
        cap: f64,
    },
    Standing(Standing),
    NotRanked,
    /// A ranking of another year than the file's: not in this file.
    OtherYear(i32),
    Confirmed(String),
    NotConfirmed,
    /// The unit ended: merged into another (its code), or dissolved.
    Ended(Ended),
    /// The day the reviews were judged at.
    JudgedOn(NaiveDate),
    /// The counts the unit reported, of its staff.
    Reported {
        ldtt: usize,
        cstdcs: usize,
        staff: i64,
        doc: Option<String>,
    },
    /// A branch of an alternative and how it came out.
    Branch(Cond, u8, Verdict),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cash_award_is_the_base_salary_in_force_times_its_coefficient_rounded_up_to_ten_thousand() {
        // 2020: 1,490,000 đ; Bằng khen of the provincial chair 1.0, CSTĐ cấp tỉnh 3.0, LĐTT 0.3.
        assert_eq!(cash(1.0, ymd(2021, 1, 15)), Some(1_490_000));
        assert_eq!(cash(0.3, ymd(2021, 1, 15)), Some(450_000), "447,000 rounded up");
        assert_eq!(cash(1.5, ymd(2024, 6, 30)), Some(2_700_000));
        assert_eq!(cash(1.5, ymd(2024, 7, 1)), Some(3_510_000));
        assert_eq!(cash(0.3, ymd(2025, 12, 1)), Some(710_000), "702,000 rounded up");
        assert_eq!(base_salary(ymd(2017, 1, 1)), None, "before the table: not guessed");
        assert_eq!(Regime::Decree152.bases().len(), 2);
    }
}
