//! Domain types shared by the layers. Enum values are stored and exported as their stable English identifiers
//! (docs/domain.md §1); tables translate them through the label catalog.

id_enum! {
    /// A member unit's role in the bloc (docs/domain.md §1: khối trưởng, khối phó, đơn vị thành viên).
    Role, labels = "role" {
        Leader = "leader" | "khoi truong" | "truong khoi" | "cum truong",
        Deputy = "deputy" | "khoi pho" | "pho khoi" | "cum pho",
        Member = "member" | "thanh vien" | "don vi thanh vien",
    }
}

id_enum! {
    /// A person's gender, for the women's share and the lists.
    Gender, labels = "gender" {
        F = "f" | "female" | "nu",
        M = "m" | "male" | "nam",
    }
}

id_enum! {
    /// A campaign's kind (docs/domain.md §1: thi đua thường xuyên / theo chuyên đề).
    CampaignKind, labels = "campaign_kind" {
        Regular = "regular" | "thuong xuyen",
        Thematic = "thematic" | "chuyen de" | "theo chuyen de",
    }
}

id_enum! {
    /// Where a campaign stands: planned until launched ("phát động"), closed when it ends.
    CampaignStatus, labels = "campaign_status" {
        Planned = "planned",
        Launched = "launched",
        Closed = "closed",
    }
}

id_enum! {
    /// Who a catalog entry or a registration is for (docs/domain.md §2).
    SubjectKind, labels = "subject" {
        Individual = "individual" | "ca nhan",
        Collective = "collective" | "tap the",
        Household = "household" | "ho gia dinh",
    }
}

id_enum! {
    /// The state of a registration.
    RegStatus, labels = "reg_status" {
        Registered = "registered" | "da dang ky" | "dang ky",
        Achieved = "achieved" | "dat" | "da dat",
        NotAchieved = "not_achieved" | "khong dat" | "chua dat",
        Withdrawn = "withdrawn" | "rut" | "da rut" | "rut dang ky",
    }
}

id_enum! {
    /// The basis of an award (Law Art 8; docs/domain.md §2). Ad-hoc and thematic awards do not count toward merit
    /// chains (Decree 152 Art 4.3), which is why it is kept.
    Basis, labels = "basis" {
        Merit = "merit" | "cong trang",
        Adhoc = "adhoc" | "ad hoc" | "dot xuat",
        Thematic = "thematic" | "chuyen de" | "phong trao thi dua" | "theo chuyen de",
        Career = "career" | "qua trinh cong hien" | "cong hien",
        Seniority = "seniority" | "nien han",
        Foreign = "foreign" | "doi ngoai",
    }
}

id_enum! {
    /// Where a target stands at a date.
    TargetStatus, labels = "status" {
        Met = "met" | "dat",
        NotMet = "not_met" | "khong dat" | "chua dat",
        NoData = "no_data",
        /// No figure yet, and not due yet at the date (a year-end target at the mid-year review).
        InProgress = "in_progress",
    }
}

id_enum! {
    /// The kind of a meeting of the bloc.
    MeetingKind, labels = "meeting_kind" {
        Midyear = "midyear",
        Annual = "annual",
        Signing = "signing",
        Other = "other",
    }
}

id_enum! {
    /// What a meeting item is: a talk ("tham luận") or an exemplar honoured ("điển hình tiên tiến").
    ItemKind, labels = "item_kind" {
        Talk = "talk",
        Exemplar = "exemplar",
    }
}

id_enum! {
    /// How another file's records came into this one: carried forward by `init --from`, or added by
    /// `history import`.
    OriginKind, labels = "origin" {
        Carried = "carried",
        History = "history",
    }
}

id_enum! {
    /// How a criterion's points count: base points add up to the score, a bonus adds, a penalty subtracts.
    CriterionKind, labels = "criterion_kind" {
        Base = "base",
        Bonus = "bonus",
        Penalty = "penalty",
    }
}

id_enum! {
    /// The yearly assessment of a person or a unit (Decree 90/2020/NĐ-CP as amended by Decree 48/2023/NĐ-CP): four
    /// levels, best first, and "not rated" (worked under six months of the year, maternity aside).
    RatingLevel, labels = "rating" {
        Excellent = "excellent" | "htxsnv" | "hoan thanh xuat sac nhiem vu" | "hoan thanh xuat sac" | "xuat sac",
        Good = "good" | "httnv" | "hoan thanh tot nhiem vu" | "hoan thanh tot" | "tot",
        Completed = "completed" | "htnv" | "hoan thanh nhiem vu" | "hoan thanh",
        NotCompleted = "not_completed" | "khtnv" | "khong hoan thanh nhiem vu" | "khong hoan thanh",
        NotRated = "not_rated" | "chua xep loai" | "khong xep loai" | "khong danh gia",
    }
}

impl RatingLevel {
    /// At least `other`: the order of the levels, "not rated" below them all.
    pub fn at_least(self, other: RatingLevel) -> bool {
        let rank = |r: RatingLevel| match r {
            RatingLevel::Excellent => 4,
            RatingLevel::Good => 3,
            RatingLevel::Completed => 2,
            RatingLevel::NotCompleted => 1,
            RatingLevel::NotRated => 0,
        };
        rank(self) >= rank(other)
    }
}

id_enum! {
    /// Whose rating a unit's rating is: the unit itself, or its Party organisation or a mass organisation (the
    /// provincial flag needs these rated excellent, Law 06/2022 Art 26.1).
    Org, labels = "org" {
        Own = "self" | "don vi" | "co quan",
        Party = "party" | "dang" | "chi bo" | "dang bo" | "to chuc dang",
        Union = "union" | "cong doan",
        Youth = "youth" | "doan thanh nien" | "doan tncs",
        Women = "women" | "hoi phu nu" | "phu nu",
        Veterans = "veterans" | "cuu chien binh" | "hoi cuu chien binh",
    }
}

id_enum! {
    /// What an initiative record is (Law 06/2022 Art 23: an initiative, accepted research, or combat ingenuity).
    InitiativeKind, labels = "initiative_kind" {
        Initiative = "initiative" | "sang kien",
        Research = "research" | "de tai" | "de tai khoa hoc" | "nghien cuu",
        Ingenuity = "ingenuity" | "sang tao" | "sang tao trong chien dau",
    }
}

id_enum! {
    /// How far an initiative's effect reaches, as the body that recognised it says (Law 06/2022 Art 21–23).
    Scope, labels = "scope" {
        Unit = "unit" | "co so" | "grassroots" | "cap co so" | "don vi",
        Province = "province" | "tinh" | "cap tinh" | "bo" | "ministry" | "toan tinh" | "bo nganh tinh",
        National = "national" | "toan quoc" | "quoc gia",
    }
}

impl Scope {
    pub fn at_least(self, other: Scope) -> bool {
        let rank = |s: Scope| match s {
            Scope::Unit => 0,
            Scope::Province => 1,
            Scope::National => 2,
        };
        rank(self) >= rank(other)
    }
}

id_enum! {
    /// A discipline ("hình thức kỷ luật", lightest first) or a pending review (Decree 152/2025 Art 4.4).
    DisciplineForm, labels = "discipline" {
        Reprimand = "reprimand" | "khien trach",
        Warning = "warning" | "canh cao",
        Demotion = "demotion" | "ha bac luong" | "giang chuc",
        Dismissal = "dismissal" | "cach chuc",
        Removal = "removal" | "buoc thoi viec",
        Review = "review" | "xem xet ky luat" | "dang xem xet ky luat",
        Inspection = "inspection" | "thanh tra" | "kiem tra",
        Investigation = "investigation" | "dieu tra",
        Complaint = "complaint" | "khieu nai" | "to cao" | "khieu nai to cao",
    }
}

impl DisciplineForm {
    /// A review pending, not a discipline imposed.
    pub fn is_review(self) -> bool {
        matches!(
            self,
            DisciplineForm::Review
                | DisciplineForm::Inspection
                | DisciplineForm::Investigation
                | DisciplineForm::Complaint
        )
    }

    /// A warning or heavier (a collective with such a member is not TTLĐTT).
    pub fn warning_or_above(self) -> bool {
        !self.is_review() && self != DisciplineForm::Reprimand
    }
}

id_enum! {
    /// A member's role in the council.
    CouncilRole, labels = "council_role" {
        Chair = "chair" | "chu tich" | "chu tich hoi dong",
        ViceChair = "vice_chair" | "pho chu tich",
        Secretary = "secretary" | "thu ky" | "uy vien thu ky",
        Member = "member" | "uy vien" | "thanh vien",
    }
}

id_enum! {
    /// What a council session deliberates.
    SessionKind, labels = "session_kind" {
        Midyear = "midyear" | "so ket",
        Annual = "annual" | "tong ket" | "cuoi nam",
        Other = "other" | "khac",
    }
}

id_enum! {
    /// Where a proposal stands.
    ProposalStatus, labels = "proposal_status" {
        Draft = "draft",
        Sent = "sent",
        Returned = "returned",
        Decided = "decided",
        Withdrawn = "withdrawn",
    }
}

id_enum! {
    /// A step of a proposal's history: it went up, came back, or was withdrawn.
    ProposalEventKind, labels = "proposal_event" {
        Sent = "sent",
        Returned = "returned",
        Withdrawn = "withdrawn",
    }
}

id_enum! {
    /// How a unit ended: merged into another unit, or dissolved.
    UnitEndKind, labels = "unit_end" {
        Merged = "merged" | "sap nhap" | "hop nhat",
        Dissolved = "dissolved" | "giai the",
    }
}

id_enum! {
    /// What came of a candidate: granted as proposed, refused, or granted another title or form.
    ItemOutcome, labels = "item_outcome" {
        Granted = "granted",
        Refused = "refused",
        Changed = "changed",
    }
}

id_enum! {
    /// A paper of a proposal's dossier (Law 06/2022 Art 84; Decree 98/2023 Art 34).
    DocKind, labels = "doc_kind" {
        Memo = "memo" | "to trinh",
        Report = "report" | "bao cao thanh tich" | "bao cao",
        Minutes = "minutes" | "bien ban",
        Certificate = "certificate" | "giay chung nhan" | "xac nhan",
        Other = "other" | "khac",
    }
}

/// A unit as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub short: Option<String>,
    pub parent_id: Option<i64>,
    pub parent_code: Option<String>,
    pub role: Option<Role>,
    pub sector: Option<String>,
    pub note: Option<String>,
    pub sort_order: Option<i64>,
    pub female_share: Option<f64>,
}

/// The fields a unit is written with (add, edit, import).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitData {
    pub code: String,
    pub name: String,
    pub short: Option<String>,
    pub parent_id: Option<i64>,
    pub role: Option<Role>,
    pub sector: Option<String>,
    pub note: Option<String>,
    pub sort_order: Option<i64>,
    pub female_share: Option<f64>,
}

/// A person as stored, with the code and name of their unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub full_name: String,
    pub family: String,
    pub middle: String,
    pub given: String,
    pub gender: Option<Gender>,
    pub born: Option<i64>,
    pub position: Option<String>,
    pub staff_code: Option<String>,
    pub note: Option<String>,
}

/// The fields a person is written with.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonData {
    pub unit_id: i64,
    pub full_name: String,
    pub family: String,
    pub middle: String,
    pub given: String,
    pub gender: Option<Gender>,
    pub born: Option<i64>,
    pub position: Option<String>,
    pub staff_code: Option<String>,
    pub note: Option<String>,
}

/// What an upsert did to one row; imports count these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Inserted,
    Updated,
    Unchanged,
}

/// A campaign as stored. Dates are ISO text, as in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Campaign {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: CampaignKind,
    pub slogan: Option<String>,
    pub motto: Option<String>,
    pub purpose: Option<String>,
    pub start_date: Option<chrono::NaiveDate>,
    pub end_date: Option<chrono::NaiveDate>,
    pub launcher: Option<String>,
    pub doc_no: Option<String>,
    pub status: CampaignStatus,
    pub launched_on: Option<chrono::NaiveDate>,
    pub closed_on: Option<chrono::NaiveDate>,
    pub note: Option<String>,
}

/// An entry of the catalog: an emulation title or a form of commendation.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub category: String,
    pub individual: bool,
    pub collective: bool,
    pub household: bool,
    pub level: Option<String>,
    pub decided_by: Option<String>,
    pub legal_ref: Option<String>,
    pub cash: Option<f64>,
    pub local: bool,
}

impl CatalogEntry {
    pub fn is_for(&self, k: SubjectKind) -> bool {
        match k {
            SubjectKind::Individual => self.individual,
            SubjectKind::Collective => self.collective,
            SubjectKind::Household => self.household,
        }
    }

    /// The subjects it is for, as identifiers joined by '+' ("individual+collective").
    pub fn subjects(&self) -> String {
        [SubjectKind::Individual, SubjectKind::Collective, SubjectKind::Household]
            .into_iter()
            .filter(|k| self.is_for(*k))
            .map(SubjectKind::as_str)
            .collect::<Vec<_>>()
            .join("+")
    }
}

/// A registration as listed: its subject (a unit, or a person with their unit) and what was registered.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub id: i64,
    pub kind: SubjectKind,
    pub unit_code: String,
    pub unit_name: String,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub person_code: Option<String>,
    pub code: String,
    pub title_name: String,
    pub campaign: Option<String>,
    pub registered_on: Option<chrono::NaiveDate>,
    pub status: RegStatus,
    pub result_note: Option<String>,
    pub award_id: Option<i64>,
    pub note: Option<String>,
}

/// An award decision as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub id: i64,
    pub number: String,
    pub issued_on: chrono::NaiveDate,
    pub issuer: String,
    pub signer: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
    pub awards: i64,
}

/// An award as listed: what, to whom (as printed), for which year or period, by which decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    pub id: i64,
    pub decision_id: Option<i64>,
    pub decision: Option<String>,
    pub decision_date: Option<chrono::NaiveDate>,
    pub issuer: Option<String>,
    pub code: String,
    pub entry_name: String,
    pub category: String,
    pub kind: SubjectKind,
    pub unit_code: String,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub person_code: Option<String>,
    pub recipient: String,
    pub year_from: i64,
    pub year_to: i64,
    pub basis: Basis,
    pub reason: Option<String>,
    pub campaign: Option<String>,
    pub note: Option<String>,
    /// The decision that revoked it and its date (Law 06/2022 Art 93), when it was revoked.
    pub revoked_by: Option<String>,
    pub revoked_on: Option<chrono::NaiveDate>,
}

/// A unit's signed pledge for a campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Pledge {
    pub id: i64,
    pub unit_id: i64,
    pub unit_code: String,
    pub unit_name: String,
    pub campaign_id: i64,
    pub campaign: String,
    pub signed_on: chrono::NaiveDate,
    pub place: Option<String>,
    pub note: Option<String>,
}

/// A pledge target with its latest progress at the date asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: i64,
    pub pledge_id: i64,
    pub unit_code: String,
    pub text: String,
    pub measure: Option<String>,
    pub target: Option<f64>,
    pub at_most: bool,
    pub due: Option<chrono::NaiveDate>,
    pub note: Option<String>,
    /// The latest value or met flag at or before the date, and its date.
    pub actual: Option<f64>,
    pub met_flag: Option<bool>,
    pub as_of: Option<chrono::NaiveDate>,
}

impl Target {
    /// [`Target::status`] at a date: a target with no figure whose due date is still ahead is in progress, not
    /// missing.
    pub fn status_at(&self, at: chrono::NaiveDate) -> TargetStatus {
        match self.status() {
            TargetStatus::NoData if self.due.is_some_and(|d| d > at) => TargetStatus::InProgress,
            s => s,
        }
    }

    /// At least: met when actual ≥ target; at most (less is better): met when actual ≤ target; qualitative: the flag.
    pub fn status(&self) -> TargetStatus {
        match (self.target, self.actual, self.met_flag) {
            (Some(t), Some(a), _) => {
                let met = if self.at_most { a <= t } else { a >= t };
                if met {
                    TargetStatus::Met
                } else {
                    TargetStatus::NotMet
                }
            }
            (None, _, Some(true)) => TargetStatus::Met,
            (None, _, Some(false)) => TargetStatus::NotMet,
            _ => TargetStatus::NoData,
        }
    }

    /// How far an at-least target got, actual / target in percent; at-most and qualitative targets have none.
    pub fn percent(&self) -> Option<f64> {
        match (self.target, self.actual) {
            (Some(t), Some(a)) if !self.at_most && t != 0.0 => Some(a / t * 100.0),
            _ => None,
        }
    }
}

/// A meeting of the bloc with its guests.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub id: i64,
    pub kind: MeetingKind,
    pub held_on: chrono::NaiveDate,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub title: Option<String>,
    pub note: Option<String>,
    /// (name, role)
    pub guests: Vec<(String, Option<String>)>,
}

/// A talk or an exemplar at a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingItem {
    pub id: i64,
    pub kind: ItemKind,
    pub unit_code: String,
    pub unit_name: String,
    pub person_name: Option<String>,
    pub position: Option<String>,
    pub text: Option<String>,
}

/// A scoring criterion of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: i64,
    pub code: String,
    pub group: String,
    pub group_name: Option<String>,
    pub name: String,
    pub max: f64,
    pub kind: CriterionKind,
}

/// A unit's points on a criterion: its own and the verified ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub unit_id: i64,
    pub criterion_id: i64,
    pub self_points: Option<f64>,
    pub assessed: Option<f64>,
    pub evidence: Option<String>,
    pub note: Option<String>,
}

id_enum! {
    /// Who a person is for the statistical forms' rows by position (Circular 02/2023/TT-BNV, form 0603 rows 06–10).
    PositionClass, labels = "position_class" {
        /// Leaders of ministry or province level and above (row 06).
        LeaderProvince = "leader_province",
        /// Leaders of department level: director, head of a general department or of a department (row 07).
        LeaderDepartment = "leader_department",
        /// Entrepreneurs (row 08).
        Entrepreneur = "entrepreneur",
        /// Other leaders, from deputy head of an office up (row 09).
        LeaderOther = "leader_other",
        /// People working directly: officials without a management post, workers, farmers (row 10).
        Frontline = "frontline",
    }
}

id_enum! {
    /// The kinds of certificate the tool prints (Decree 98/2023/NĐ-CP Art 104), each with its blank's layout.
    Blank, labels = "blank" {
        /// Giấy khen of a head of office or a commune's chair (A4 landscape).
        GiayKhen = "giay_khen",
        /// The certificate of the title Chiến sĩ thi đua cơ sở (A4 landscape).
        Cstdcs = "cstdcs",
        /// Bằng khen of a minister or a province's chair (A3 landscape).
        BangKhen = "bang_khen",
        /// The certificate of the title Chiến sĩ thi đua cấp bộ, ngành, tỉnh (A3 landscape).
        CstdTinh = "cstd_tinh",
    }
}

id_enum! {
    /// What a line of the register of certificates records.
    CertEvent, labels = "cert_event" {
        /// The first certificate of an award: it takes the sổ vàng number.
        Printed = "printed",
        /// Printed again before it was handed over (a spoilt blank), same number.
        Reprinted = "reprinted",
        /// Issued again for one lost or damaged after it was handed over, same number.
        Replaced = "replaced",
    }
}
