-- thidua: the schema of one bloc-year file.
--
-- One file holds one year of one emulation bloc ("Khối thi đua"). The file must stay readable by any SQLite tool for
-- decades, so: STRICT tables, ISO dates (YYYY-MM-DD) as TEXT, rules as CHECK constraints and foreign keys, and no
-- custom collation anywhere in the schema (the tool sorts with its Vietnamese collation at query time only).
--
-- Text is stored NFC. Beside a name, `*_key` is the match key (case- and tone-placement-insensitive) and `*_fold`
-- the accent-free key the tool computes (src/text.rs); they serve lookups and are rewritten with the name.
--
-- A column of a few allowed values is checked as `col = 'a' OR col = 'b' OR …`, not with an IN list: for a list of
-- more than two values SQLite builds a temporary table each time a one-row INSERT checks it, a fifth of a large
-- import's time (version 7).
--
-- This file is the whole current schema: a new file gets it at once. Files made by an earlier version are brought
-- up to date by the append-only list of migrations in src/db/migrate.rs.

-- The bloc and the year this file holds: exactly one row.
CREATE TABLE bloc (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT    NOT NULL CHECK (name <> ''),
    province    TEXT,
    year        INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2100),
    created_at  TEXT    NOT NULL,           -- ISO date and time, UTC
    demo        INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))  -- made by `thidua demo`, which may replace it
) STRICT;

-- Bloc settings (quotas, bands, tie-break order, …) as key and value.
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

-- Member units and their sub-units (a district office under a provincial agency). Only top-level units hold a bloc
-- role; at most one is the leader ("khối trưởng").
CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE COLLATE NOCASE
                        CHECK (code <> '' AND length(code) <= 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
    name        TEXT    NOT NULL CHECK (name <> ''),
    name_key    TEXT    NOT NULL,
    name_fold   TEXT    NOT NULL,
    short       TEXT,                       -- short name as people say it ("BHXH tỉnh")
    short_fold  TEXT,
    parent_id   INTEGER REFERENCES unit (id),
    role        TEXT    CHECK (role = 'leader' OR role = 'deputy' OR role = 'member'),
    sector      TEXT,                       -- the sector line ("ngành dọc"), e.g. "Bộ Tài chính"
    note        TEXT,
    sort_order  INTEGER,                    -- an explicit bloc order, when the secretary sets one
    female_share REAL   CHECK (female_share BETWEEN 0 AND 100),   -- % of women on the staff, for the tie-break
    CHECK (parent_id IS NULL OR role IS NULL),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE UNIQUE INDEX unit_one_leader ON unit (role) WHERE role = 'leader';
CREATE INDEX unit_parent ON unit (parent_id);
CREATE INDEX unit_fold ON unit (name_fold);
-- A unit named in an import row by its name or short name is found by index, not by a scan per name (version 2).
CREATE INDEX unit_key ON unit (name_key);
CREATE INDEX unit_short ON unit (short_fold);

-- People of the units, with the parts of their name (family, middle, given) for Vietnamese sorting.
CREATE TABLE person (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit (id),
    full_name   TEXT    NOT NULL CHECK (full_name <> ''),
    family      TEXT    NOT NULL,
    middle      TEXT    NOT NULL DEFAULT '',
    given       TEXT    NOT NULL CHECK (given <> ''),
    name_key    TEXT    NOT NULL,
    name_fold   TEXT    NOT NULL,
    gender      TEXT    CHECK (gender IN ('f', 'm')),
    born        INTEGER CHECK (born BETWEEN 1900 AND 2100),
    position    TEXT,                       -- "Phó Giám đốc", "Trưởng phòng TCHC"
    staff_code  TEXT    UNIQUE COLLATE NOCASE CHECK (staff_code <> ''),
    note        TEXT
) STRICT;
CREATE INDEX person_unit ON person (unit_id, name_key);
-- One index serves both lookups by name: the accent-free key alone, and the match key, which decides the
-- accent-free one (equal match keys have equal accent-free keys), so an exact lookup names both (version 6). The
-- unit last: a name looked for within a unit's tree keeps or drops each namesake by its unit without reading its
-- row (version 9).
CREATE INDEX person_name ON person (name_fold, name_key, unit_id);

-- Emulation campaigns ("phong trào thi đua"): the year's regular campaign and thematic ones, which may span years.
CREATE TABLE campaign (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE COLLATE NOCASE
                         CHECK (code <> '' AND length(code) <= 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
    name         TEXT    NOT NULL CHECK (name <> ''),
    name_fold    TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('regular', 'thematic')),
    slogan       TEXT,                      -- nội dung / khẩu hiệu
    motto        TEXT,                      -- phương châm hành động
    purpose      TEXT,                      -- mục đích, e.g. to mark a congress
    start_date   TEXT    CHECK (start_date IS NULL OR date(start_date) IS start_date),
    end_date     TEXT    CHECK (end_date IS NULL OR date(end_date) IS end_date),
    launcher     TEXT,                      -- who launched it: the bloc, the province's council, …
    doc_no       TEXT,                      -- the launching document's number
    status       TEXT    NOT NULL DEFAULT 'planned' CHECK (status = 'planned' OR status = 'launched'
                                                           OR status = 'closed'),
    launched_on  TEXT    CHECK (launched_on IS NULL OR date(launched_on) IS launched_on),
    closed_on    TEXT    CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    note         TEXT,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK (closed_on IS NULL OR launched_on IS NULL OR closed_on >= launched_on),
    CHECK ((status = 'planned') = (launched_on IS NULL)),
    CHECK ((status = 'closed') = (closed_on IS NOT NULL))
) STRICT;

-- What can be conferred: the emulation titles ("danh hiệu thi đua") and, sharing the same codes, the forms of
-- commendation ("hình thức khen thưởng"). Seeded from Law 06/2022/QH15 in every new file (docs/domain.md §2); the
-- secretary may add local entries. Each says which subjects it is for.
CREATE TABLE catalog (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE COLLATE NOCASE
                         CHECK (code <> '' AND length(code) <= 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
    name         TEXT    NOT NULL CHECK (name <> ''),
    name_fold    TEXT    NOT NULL,
    category     TEXT    NOT NULL CHECK (category IN ('title', 'form')),
    individual   INTEGER NOT NULL CHECK (individual IN (0, 1)),
    collective   INTEGER NOT NULL CHECK (collective IN (0, 1)),
    household    INTEGER NOT NULL CHECK (household IN (0, 1)),
    level        TEXT    CHECK (level = 'grassroots' OR level = 'ministry_province' OR level = 'national'
                                OR level = 'state'),
    decided_by   TEXT,
    legal_ref    TEXT,
    cash         REAL    CHECK (cash IS NULL OR cash >= 0),   -- multiple of the base salary
    local        INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1)),   -- added by the user, not seeded
    CHECK (individual + collective + household >= 1)
) STRICT;
CREATE INDEX catalog_fold ON catalog (name_fold);

-- Registrations of emulation titles ("đăng ký danh hiệu thi đua"): a unit for a collective title, a person for an
-- individual one. One live registration per subject and title; a withdrawn one may be registered again.
-- `withdrawn` is 1 when `status` says withdrawn, and its CHECK holds the two together (version 10). The indexes of
-- one live registration name it instead of `status`: SQLite rewrites an index whose WHERE names a column an UPDATE
-- sets, so marking a result (200,000 rows in a national award import) would delete and re-add an entry of a unique
-- index each. Being `status` again, it is left out of the content digest: a file's fingerprint survives version 10.
CREATE TABLE registration (
    id             INTEGER PRIMARY KEY,
    catalog_id     INTEGER NOT NULL REFERENCES catalog (id),
    unit_id        INTEGER REFERENCES unit (id),
    person_id      INTEGER REFERENCES person (id),
    campaign_id    INTEGER REFERENCES campaign (id),
    registered_on  TEXT    CHECK (registered_on IS NULL OR date(registered_on) IS registered_on),
    status         TEXT    NOT NULL DEFAULT 'registered'
                           CHECK (status = 'registered' OR status = 'achieved' OR status = 'not_achieved'
                                  OR status = 'withdrawn'),
    result_note    TEXT,
    award_id       INTEGER REFERENCES award (id),   -- the award that achieved it, set and cleared by the tool
    note           TEXT,
    withdrawn      INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn = (status = 'withdrawn')),
    CHECK ((unit_id IS NULL) <> (person_id IS NULL)),
    CHECK (award_id IS NULL OR status = 'achieved')
) STRICT;
CREATE UNIQUE INDEX registration_unit_once ON registration (catalog_id, unit_id)
    WHERE unit_id IS NOT NULL AND withdrawn = 0;
CREATE UNIQUE INDEX registration_person_once ON registration (catalog_id, person_id)
    WHERE person_id IS NOT NULL AND withdrawn = 0;
-- A subject's registrations are found by its number: the index of a subject column that is empty on the other kind of
-- row leaves those rows out (SQLite uses it for `unit_id = ?`), so a load builds it over those rows alone (version 8).
CREATE INDEX registration_unit ON registration (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX registration_person ON registration (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX registration_campaign ON registration (campaign_id);

-- Award decisions ("quyết định khen thưởng"). Numbers restart every 1 January, so the key is issuer + year + number
-- (docs/domain.md §5.7); the number is stored normalised ("123/QĐ-UBND").
CREATE TABLE decision (
    id           INTEGER PRIMARY KEY,
    number       TEXT    NOT NULL CHECK (number <> ''),
    issued_on    TEXT    NOT NULL CHECK (date(issued_on) IS issued_on),
    year         INTEGER NOT NULL CHECK (year = CAST(substr(issued_on, 1, 4) AS INTEGER)),
    issuer       TEXT    NOT NULL CHECK (issuer <> ''),   -- "UBND tỉnh Tây Ninh"
    issuer_fold  TEXT    NOT NULL,
    signer       TEXT,                      -- name and title of who signed
    summary      TEXT,                      -- trích yếu
    note         TEXT,
    UNIQUE (issuer_fold, year, number)
) STRICT;

-- Who a decision awards what: one recipient of one decision. The achievement year (or period) is kept apart from
-- the decision's date: a 2019 flag is decided in 2020. The recipient's name is kept as printed on the decision,
-- since units are renamed. A decision not at hand yet may be left out (decision_id NULL) and added later.
CREATE TABLE award (
    id           INTEGER PRIMARY KEY,
    decision_id  INTEGER REFERENCES decision (id),
    catalog_id   INTEGER NOT NULL REFERENCES catalog (id),
    unit_id      INTEGER REFERENCES unit (id),
    person_id    INTEGER REFERENCES person (id),
    recipient    TEXT    NOT NULL CHECK (recipient <> ''),
    year_from    INTEGER NOT NULL CHECK (year_from BETWEEN 1945 AND 2100),
    year_to      INTEGER NOT NULL CHECK (year_to BETWEEN year_from AND 2100),
    basis        TEXT    NOT NULL DEFAULT 'merit'
                         CHECK (basis = 'merit' OR basis = 'adhoc' OR basis = 'thematic' OR basis = 'career'
                                OR basis = 'seniority' OR basis = 'foreign'),
    reason       TEXT,                      -- the reason as printed
    campaign_id  INTEGER REFERENCES campaign (id),
    note         TEXT,
    CHECK ((unit_id IS NULL) <> (person_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX award_unit_once ON award (decision_id, catalog_id, unit_id, year_from, year_to)
    WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX award_person_once ON award (decision_id, catalog_id, person_id, year_from, year_to)
    WHERE person_id IS NOT NULL;
CREATE INDEX award_decision ON award (decision_id);
CREATE INDEX award_unit ON award (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX award_person ON award (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX award_catalog ON award (catalog_id);
CREATE INDEX registration_award ON registration (award_id) WHERE award_id IS NOT NULL;

-- Emulation pledges ("giao ước thi đua"): a unit signs the bloc's pledge for a campaign, once.
CREATE TABLE pledge (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit (id),
    campaign_id  INTEGER NOT NULL REFERENCES campaign (id),
    signed_on    TEXT    NOT NULL CHECK (date(signed_on) IS signed_on),
    place        TEXT,
    note         TEXT,
    UNIQUE (unit_id, campaign_id)
) STRICT;

-- What a unit committed to: a measurable target (at least, or at most where less is better: arrears, violations)
-- or, without a target value, a qualitative one (met / not met).
CREATE TABLE pledge_target (
    id           INTEGER PRIMARY KEY,
    pledge_id    INTEGER NOT NULL REFERENCES pledge (id),
    text         TEXT    NOT NULL CHECK (text <> ''),
    text_fold    TEXT    NOT NULL,
    measure      TEXT,                      -- unit of measure: "%", "tỷ đồng", "hồ sơ"
    target       REAL,                      -- NULL: qualitative
    at_most      INTEGER NOT NULL DEFAULT 0 CHECK (at_most IN (0, 1)),
    due          TEXT    CHECK (due IS NULL OR date(due) IS due),
    note         TEXT,
    UNIQUE (pledge_id, text_fold)
) STRICT;

-- How far a target got: an actual value (or met / not met) at a date. History is kept; reports use the latest
-- value at or before the date they are asked for.
CREATE TABLE pledge_progress (
    id           INTEGER PRIMARY KEY,
    target_id    INTEGER NOT NULL REFERENCES pledge_target (id),
    as_of        TEXT    NOT NULL CHECK (date(as_of) IS as_of),
    value        REAL,
    met          INTEGER CHECK (met IN (0, 1)),
    note         TEXT,
    CHECK ((value IS NULL) <> (met IS NULL)),
    UNIQUE (target_id, as_of)
) STRICT;
CREATE INDEX pledge_campaign ON pledge (campaign_id);

-- The bloc's conferences: the mid-year and annual reviews, the pledge signing, others. Guests who attend or
-- direct them, talks ("tham luận") given, and exemplary people and collectives ("điển hình tiên tiến") honoured.
CREATE TABLE meeting (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind = 'midyear' OR kind = 'annual' OR kind = 'signing' OR kind = 'other'),
    held_on  TEXT    NOT NULL CHECK (date(held_on) IS held_on),
    place    TEXT,
    chair    TEXT,                          -- who presided, as written ("Tạ Thị Dân, Khối trưởng")
    title    TEXT,
    note     TEXT
) STRICT;

CREATE TABLE meeting_guest (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id),
    name        TEXT    NOT NULL CHECK (name <> ''),
    role        TEXT                        -- "Trưởng ban Thi đua – Khen thưởng tỉnh"
) STRICT;

-- A talk given at a meeting, or an exemplar honoured there: a person or a unit.
CREATE TABLE meeting_item (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('talk', 'exemplar')),
    unit_id     INTEGER REFERENCES unit (id),
    person_id   INTEGER REFERENCES person (id),
    text        TEXT,                       -- the talk's topic, or why the exemplar is honoured
    CHECK ((unit_id IS NULL) <> (person_id IS NULL))
) STRICT;
CREATE INDEX meeting_guest_meeting ON meeting_guest (meeting_id);
CREATE INDEX meeting_item_meeting ON meeting_item (meeting_id);
CREATE INDEX meeting_item_unit ON meeting_item (unit_id);
CREATE INDEX meeting_item_person ON meeting_item (person_id);

-- The scoring table the bloc agrees for the year (docs/domain.md §3): criteria in groups, each with its maximum; base
-- criteria add up to the score, bonus criteria add (capped by their maximum), penalty criteria subtract.
CREATE TABLE criterion_group (
    code   TEXT PRIMARY KEY COLLATE NOCASE CHECK (code <> ''),
    name   TEXT
) STRICT;

CREATE TABLE criterion (
    id        INTEGER PRIMARY KEY,
    code      TEXT    NOT NULL UNIQUE COLLATE NOCASE
                      CHECK (code <> '' AND length(code) <= 32 AND code NOT GLOB '*[^A-Za-z0-9_.-]*'),
    grp       TEXT    NOT NULL REFERENCES criterion_group (code),
    name      TEXT    NOT NULL CHECK (name <> ''),
    max       REAL    NOT NULL CHECK (max > 0),
    kind      TEXT    NOT NULL DEFAULT 'base' CHECK (kind = 'base' OR kind = 'bonus' OR kind = 'penalty')
) STRICT;

-- A unit's points on a criterion: its own (self) and the verified ones (assessed), side by side.
CREATE TABLE score (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit (id),
    criterion_id  INTEGER NOT NULL REFERENCES criterion (id),
    self          REAL    CHECK (self >= 0),
    assessed      REAL    CHECK (assessed >= 0),
    evidence      TEXT,
    note          TEXT,
    UNIQUE (unit_id, criterion_id)
) STRICT;

-- Units kept out of the proposals, with the reason (discipline, a pending inspection, …).
CREATE TABLE score_exclusion (
    unit_id  INTEGER PRIMARY KEY REFERENCES unit (id),
    reason   TEXT    NOT NULL CHECK (reason <> '')
) STRICT;

-- Locking and unlocking the year's scores, with when and why.
CREATE TABLE score_event (
    id      INTEGER PRIMARY KEY,
    action  TEXT    NOT NULL CHECK (action IN ('lock', 'unlock')),
    at      TEXT    NOT NULL,
    reason  TEXT
) STRICT;
CREATE INDEX score_criterion ON score (criterion_id);

-- The audit log: every command that writes appends one entry in the same transaction as its change, chained by a
-- SHA-256 over the previous entry (src/db/audit.rs). `changes` is what the command changed (table and counts);
-- `state` the running counts of row changes per table after it; `digest` the digest of each table's content after
-- it (JSON: {"table": "hex"}), empty in entries written before schema version 3. `leaves` (version 13) is the file
-- header's change counter once the entry's transaction is committed: while the file still has it, nothing was
-- written since, and an ordinary command trusts `digest` instead of digesting every table again (`db check` always
-- does). It is a hint, outside the entry's hash.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,             -- UTC, ISO 8601
    user      TEXT    NOT NULL,             -- the OS user
    command   TEXT    NOT NULL,             -- the command line
    changes   TEXT    NOT NULL,             -- JSON: {"table": {"insert": n, "update": n, "delete": n}}
    state     TEXT    NOT NULL,             -- JSON: the change counters after this entry
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    digest    TEXT    NOT NULL DEFAULT '',
    leaves    INTEGER
) STRICT;

-- Row changes per table and kind, counted by triggers on every other table (generated by src/db/audit.rs, so a
-- table added later is covered without new code). A change made by another tool moves a counter without an audit
-- entry to match, and `thidua db check` reports it.
CREATE TABLE change_count (
    tbl        TEXT    NOT NULL,
    op         TEXT    NOT NULL CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),
    n          INTEGER NOT NULL DEFAULT 0,
    last_rowid INTEGER,
    PRIMARY KEY (tbl, op)
) STRICT;

-- The file this one was carried from (`init --from`), and the files whose history it took in (`history import`).
CREATE TABLE origin (
    id       INTEGER PRIMARY KEY,
    file     TEXT    NOT NULL,              -- the file's name as given
    year     INTEGER NOT NULL,
    sha256   TEXT    NOT NULL,              -- of the file's bytes when it was read
    kind     TEXT    NOT NULL CHECK (kind IN ('carried', 'history')),
    at       TEXT    NOT NULL
) STRICT;

-- Achievements of earlier years (titles are chains over consecutive years, Law Art 21–24), carried from older
-- files so a year's file can explain itself without its predecessors at hand. Names are kept as printed; the
-- subject is matched in this file by unit code and by person (staff code, else name and unit) where it can be.
CREATE TABLE history (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER REFERENCES unit (id),
    person_id      INTEGER REFERENCES person (id),
    subject        TEXT    NOT NULL CHECK (subject IN ('collective', 'individual')),
    unit_code      TEXT    NOT NULL,        -- the unit's code in the file it came from
    person_name    TEXT,
    person_code    TEXT,
    code           TEXT    NOT NULL,        -- title or form code
    name           TEXT    NOT NULL,        -- its name then
    recipient      TEXT    NOT NULL,        -- as printed
    year_from      INTEGER NOT NULL,
    year_to        INTEGER NOT NULL CHECK (year_to >= year_from),
    basis          TEXT,
    decision       TEXT,
    decision_date  TEXT,
    issuer         TEXT,
    reason         TEXT,
    source_year    INTEGER NOT NULL,        -- the year of the file that recorded it
    key            TEXT    NOT NULL UNIQUE  -- what makes one achievement one: importing it twice changes nothing
) STRICT;
CREATE INDEX history_unit ON history (unit_id);
CREATE INDEX history_person ON history (person_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Deciding the year (version 4): the facts the eligibility check reads (src/rules/), each with its source document.

-- The yearly assessment of a person or a unit ("đánh giá, xếp loại"). A unit's Party organisation and mass
-- organisations are rated apart (`org`): the provincial flag needs them rated excellent (Law 06/2022 Art 26.1).
-- Any year may be recorded, so the chains of earlier years can be judged from this file.
CREATE TABLE rating (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER REFERENCES unit (id),
    person_id   INTEGER REFERENCES person (id),
    org         TEXT    NOT NULL DEFAULT 'self' CHECK (org = 'self' OR org = 'party' OR org = 'union'
                                                       OR org = 'youth' OR org = 'women' OR org = 'veterans'),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2100),
    level       TEXT    NOT NULL CHECK (level = 'excellent' OR level = 'good' OR level = 'completed'
                                        OR level = 'not_completed' OR level = 'not_rated'),
    doc         TEXT,                       -- the document that rated it: number
    doc_date    TEXT    CHECK (doc_date IS NULL OR date(doc_date) IS doc_date),
    issuer      TEXT,
    note        TEXT,
    CHECK ((unit_id IS NULL) <> (person_id IS NULL)),
    CHECK (person_id IS NULL OR org = 'self')
) STRICT;
CREATE UNIQUE INDEX rating_unit_once ON rating (unit_id, org, year) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX rating_person_once ON rating (person_id, year) WHERE person_id IS NOT NULL;

-- Initiatives ("sáng kiến"), research projects ("đề tài") and combat ingenuity, with the body that recognised them
-- and the scope of their effect (Law 06/2022 Art 21–23 grade the titles by it).
CREATE TABLE initiative (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL CHECK (title <> ''),
    kind        TEXT    NOT NULL DEFAULT 'initiative' CHECK (kind = 'initiative' OR kind = 'research'
                                                             OR kind = 'ingenuity'),
    scope       TEXT    NOT NULL CHECK (scope = 'unit' OR scope = 'province' OR scope = 'national'),
    body        TEXT,                       -- who recognised it: "Chủ tịch UBND tỉnh", "Cục trưởng Cục Thuế"
    decision    TEXT,
    decided_on  TEXT    CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2100),   -- the achievement year it counts for
    note        TEXT
) STRICT;

-- Its authors in the order printed: a person of the file, or a name as printed (someone from elsewhere).
CREATE TABLE initiative_author (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiative (id),
    person_id      INTEGER REFERENCES person (id),
    name           TEXT    NOT NULL CHECK (name <> '')
) STRICT;
CREATE INDEX initiative_author_of ON initiative_author (initiative_id);
CREATE INDEX initiative_author_person ON initiative_author (person_id);

-- Which award an initiative served (CV 5007/BNV-TĐKT: one initiative, one proposal; a second use is recorded
-- with a warning, the council decides).
CREATE TABLE initiative_use (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiative (id),
    award_id       INTEGER NOT NULL REFERENCES award (id),
    UNIQUE (initiative_id, award_id)
) STRICT;
CREATE INDEX initiative_use_award ON initiative_use (award_id);

-- Discipline ("kỷ luật") and pending reviews (inspection, investigation, a complaint being verified, a disciplinary
-- review) of a person or a unit, with their periods. Decree 152/2025 Art 4.4: no proposal while a review is
-- pending; achievements count from the end of a discipline period. An open period has no end yet.
CREATE TABLE discipline (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER REFERENCES unit (id),
    person_id   INTEGER REFERENCES person (id),
    form        TEXT    NOT NULL CHECK (form = 'reprimand' OR form = 'warning' OR form = 'demotion'
                                        OR form = 'dismissal' OR form = 'removal' OR form = 'review'
                                        OR form = 'inspection' OR form = 'investigation' OR form = 'complaint'),
    decision    TEXT,
    start_on    TEXT    NOT NULL CHECK (date(start_on) IS start_on),
    end_on      TEXT    CHECK (end_on IS NULL OR date(end_on) IS end_on),
    note        TEXT,
    CHECK ((unit_id IS NULL) <> (person_id IS NULL)),
    CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX discipline_unit ON discipline (unit_id);
CREATE INDEX discipline_person ON discipline (person_id);

-- The rule parameters the province or the bloc set (shares, caps, thresholds), each with the text that set it.
-- A parameter not here takes the rule set's default, shown as such by `rules show`.
CREATE TABLE rule_param (
    key     TEXT PRIMARY KEY,
    value   REAL NOT NULL,
    source  TEXT NOT NULL CHECK (source <> ''),
    set_on  TEXT NOT NULL CHECK (date(set_on) IS set_on)
) STRICT;

-- The qualitative conditions of a title (solidarity, exemplary conduct, …) as the secretary confirmed them for a
-- subject and year, with a note: never assumed by the tool.
CREATE TABLE confirmation (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER REFERENCES unit (id),
    person_id   INTEGER REFERENCES person (id),
    catalog_id  INTEGER NOT NULL REFERENCES catalog (id),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2100),
    note        TEXT    NOT NULL CHECK (note <> ''),
    on_date     TEXT    NOT NULL CHECK (date(on_date) IS on_date),
    CHECK ((unit_id IS NULL) <> (person_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX confirmation_unit_once ON confirmation (unit_id, catalog_id, year) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX confirmation_person_once ON confirmation (person_id, catalog_id, year) WHERE person_id IS NOT NULL;

-- An award revoked ("hủy bỏ quyết định khen thưởng", Law 06/2022 Art 93): it stays on record, marked, and no
-- longer counts in chains. A table beside `award` rather than columns on it, so older files gain it unchanged.
CREATE TABLE revocation (
    award_id    INTEGER PRIMARY KEY REFERENCES award (id),
    decision    TEXT    NOT NULL CHECK (decision <> ''),
    revoked_on  TEXT    NOT NULL CHECK (date(revoked_on) IS revoked_on),
    reason      TEXT    NOT NULL CHECK (reason <> '')
) STRICT;

-- A unit's staff for the year: the member shares of TTLĐTT and TTLĐXS are computed over its people, and are
-- only known when the file holds all of them (`staff` says how many there are).
CREATE TABLE unit_staff (
    unit_id     INTEGER PRIMARY KEY REFERENCES unit (id),
    staff       INTEGER NOT NULL CHECK (staff >= 0),
    women       INTEGER CHECK (women IS NULL OR women BETWEEN 0 AND staff),
    party       INTEGER CHECK (party IS NULL OR party BETWEEN 0 AND staff),
    function    TEXT                        -- its functions and tasks, as its achievement report states them
) STRICT;

-- ---------------------------------------------------------------------------------------------------------------
-- The council and the proposals (version 5): from the ranking to the decision.

-- The deliberating body of this bloc-year ("Hội đồng", or the bloc meeting as a council): its members by name,
-- unit and role, so "all members" is known when a threshold counts them (Decree 98/2023 Art 30(7)).
CREATE TABLE council_member (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL CHECK (name <> ''),
    unit_id   INTEGER REFERENCES unit (id),
    role      TEXT    NOT NULL DEFAULT 'member' CHECK (role = 'chair' OR role = 'vice_chair' OR role = 'secretary'
                                                       OR role = 'member'),
    position  TEXT,                         -- "Cục trưởng Cục Thống kê"
    note      TEXT
) STRICT;

-- A session of the council: who attended (present, absent with a written opinion), out of how many members then.
CREATE TABLE council_session (
    id        INTEGER PRIMARY KEY,
    held_on   TEXT    NOT NULL CHECK (date(held_on) IS held_on),
    kind      TEXT    NOT NULL CHECK (kind = 'midyear' OR kind = 'annual' OR kind = 'other'),
    place     TEXT,
    members   INTEGER NOT NULL CHECK (members > 0),   -- all members of the council on that day
    present   INTEGER NOT NULL CHECK (present BETWEEN 0 AND members),
    written   INTEGER NOT NULL DEFAULT 0 CHECK (written >= 0 AND present + written <= members),
    note      TEXT
) STRICT;

-- Who of the council's members was absent from a session, and whether they sent a written opinion; the others
-- were present. Recorded when the secretary names them (the counts above stand either way).
CREATE TABLE council_absence (
    session_id  INTEGER NOT NULL REFERENCES council_session (id),
    member_id   INTEGER NOT NULL REFERENCES council_member (id),
    written     INTEGER NOT NULL DEFAULT 0 CHECK (written IN (0, 1)),
    PRIMARY KEY (session_id, member_id)
) STRICT;

-- The ballot on one candidate for one title at a session: in favour among those present, against, and the
-- written opinions in favour of absent members. The threshold counts all members (Decree 98/2023 Art 30(7)).
CREATE TABLE council_vote (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES council_session (id),
    unit_id     INTEGER REFERENCES unit (id),
    person_id   INTEGER REFERENCES person (id),
    catalog_id  INTEGER NOT NULL REFERENCES catalog (id),
    yes         INTEGER NOT NULL CHECK (yes >= 0),
    no          INTEGER NOT NULL CHECK (no >= 0),
    written_yes INTEGER NOT NULL DEFAULT 0 CHECK (written_yes >= 0),
    CHECK ((unit_id IS NULL) <> (person_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX council_vote_unit_once ON council_vote (session_id, catalog_id, unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX council_vote_person_once ON council_vote (session_id, catalog_id, person_id) WHERE person_id IS NOT NULL;
-- A candidate's ballots at any session, found by the candidate (version 17): `proposal check` and `send` ask for
-- each candidate's.
CREATE INDEX council_vote_unit ON council_vote (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX council_vote_person ON council_vote (person_id) WHERE person_id IS NOT NULL;

-- A proposal sent upward ("tờ trình đề nghị khen thưởng"): the memo, its addressee, its state. Draft → sent →
-- returned (with the reason; it may be sent again) or decided (linked to the award decision); a sent or returned one
-- may be withdrawn by the bloc (version 12), and stays on record.
CREATE TABLE proposal (
    id           INTEGER PRIMARY KEY,
    title        TEXT    NOT NULL CHECK (title <> ''),   -- what it asks for, as the memo's subject line says
    memo         TEXT,                      -- the memo's number
    memo_date    TEXT    CHECK (memo_date IS NULL OR date(memo_date) IS memo_date),
    addressee    TEXT,                      -- "Kính gửi": "Hội đồng Thi đua – Khen thưởng tỉnh"
    session_id   INTEGER REFERENCES council_session (id),
    status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status = 'draft' OR status = 'sent'
                                                         OR status = 'returned' OR status = 'decided'
                                                         OR status = 'withdrawn'),
    sent_on      TEXT    CHECK (sent_on IS NULL OR date(sent_on) IS sent_on),
    returned_on  TEXT    CHECK (returned_on IS NULL OR date(returned_on) IS returned_on),
    reason       TEXT,                      -- why it was returned
    decision_id  INTEGER REFERENCES decision (id),
    note         TEXT,
    CHECK ((status = 'decided') = (decision_id IS NOT NULL))
) STRICT;

-- A candidate of a proposal: the subject, the title or form proposed, the summary of achievement; what came of it.
CREATE TABLE proposal_item (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposal (id),
    unit_id      INTEGER REFERENCES unit (id),
    person_id    INTEGER REFERENCES person (id),
    catalog_id   INTEGER NOT NULL REFERENCES catalog (id),
    summary      TEXT,                      -- tóm tắt thành tích
    forced       TEXT,                      -- why it was sent though not eligible or not carried by the ballot
    outcome      TEXT    CHECK (outcome = 'granted' OR outcome = 'refused' OR outcome = 'changed'),
    award_id     INTEGER REFERENCES award (id),
    CHECK ((unit_id IS NULL) <> (person_id IS NULL)),
    CHECK (outcome IS NULL OR outcome = 'refused' OR award_id IS NOT NULL)
) STRICT;
CREATE INDEX proposal_item_of ON proposal_item (proposal_id);
CREATE INDEX proposal_item_award ON proposal_item (award_id);

-- The initiatives a candidate's proposal rests on (CV 5007/BNV-TĐKT: one initiative is the basis of one proposal).
CREATE TABLE proposal_initiative (
    item_id        INTEGER NOT NULL REFERENCES proposal_item (id),
    initiative_id  INTEGER NOT NULL REFERENCES initiative (id),
    PRIMARY KEY (item_id, initiative_id)
) STRICT;
CREATE INDEX proposal_initiative_of ON proposal_initiative (initiative_id);

-- The papers of a proposal's dossier (Law 06/2022 Art 84; Decree 98/2023 Art 34), kept in the file so the year's
-- record stays one file: the memo, an achievement report per candidate, the minutes, certificates.
CREATE TABLE proposal_doc (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposal (id),
    item_id      INTEGER REFERENCES proposal_item (id),
    kind         TEXT    NOT NULL CHECK (kind = 'memo' OR kind = 'report' OR kind = 'minutes'
                                         OR kind = 'certificate' OR kind = 'other'),
    name         TEXT    NOT NULL CHECK (name <> ''),
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    content      BLOB    NOT NULL,
    added_on     TEXT    NOT NULL CHECK (date(added_on) IS added_on)
) STRICT;
CREATE INDEX proposal_doc_of ON proposal_doc (proposal_id);

-- ---------------------------------------------------------------------------------------------------------------
-- The lives of proposals and units (version 11)

-- Each time a proposal went up, came back or was withdrawn, with its memo or its reason: the proposal's own columns
-- hold its latest state only, and a re-sent proposal must still show the first memo and why it came back.
CREATE TABLE proposal_event (
    id           INTEGER PRIMARY KEY,
    proposal_id  INTEGER NOT NULL REFERENCES proposal (id),
    kind         TEXT    NOT NULL CHECK (kind = 'sent' OR kind = 'returned' OR kind = 'withdrawn'),
    on_date      TEXT    NOT NULL CHECK (date(on_date) IS on_date),
    memo         TEXT,                      -- the memo's number, when it went up
    reason       TEXT                       -- why it came back or was withdrawn
) STRICT;
CREATE INDEX proposal_event_of ON proposal_event (proposal_id);

-- A unit that ended in the year: merged into another unit (its successor) or dissolved, on a date, by a decision.
-- Its ratings, initiatives and awards stay its own; it is not proposed after the date (Circular 15/2025/TT-BNV).
CREATE TABLE unit_end (
    unit_id       INTEGER PRIMARY KEY REFERENCES unit (id),
    how           TEXT    NOT NULL CHECK (how = 'merged' OR how = 'dissolved'),
    on_date       TEXT    NOT NULL CHECK (date(on_date) IS on_date),
    successor_id  INTEGER REFERENCES unit (id),
    decision      TEXT,                     -- the decision that merged or dissolved it
    CHECK ((how = 'merged') = (successor_id IS NOT NULL)),
    CHECK (successor_id IS NULL OR successor_id <> unit_id)
) STRICT;
CREATE INDEX unit_end_successor ON unit_end (successor_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Revocations of carried achievements (version 14)

-- A carried achievement revoked (Law 06/2022/QH15 Art 93): by its older file's revocation, taken on `history
-- import`, or recorded here with `history revoke`. The achievement stays in the history, marked; it no longer
-- counts in chains.
CREATE TABLE history_revocation (
    history_id   INTEGER PRIMARY KEY REFERENCES history (id),
    decision     TEXT    NOT NULL CHECK (decision <> ''),
    revoked_on   TEXT    NOT NULL CHECK (date(revoked_on) IS revoked_on),
    reason       TEXT    NOT NULL CHECK (reason <> ''),
    source_year  INTEGER                    -- the year of the file that revoked it; none when recorded here
) STRICT;

-- ---------------------------------------------------------------------------------------------------------------
-- Initiatives carried with their uses (version 15)

-- What an initiative served in an older file (an award, or a proposal that stood), carried with it by `init --from`:
-- next year's council sees it, and the rule of one initiative, one form still holds (CV 5007/BNV-TĐKT III.5.c).
CREATE TABLE initiative_use_carried (
    id             INTEGER PRIMARY KEY,
    initiative_id  INTEGER NOT NULL REFERENCES initiative (id),
    code           TEXT    NOT NULL,        -- the title or form it served
    year           INTEGER NOT NULL,        -- that achievement year
    decision       TEXT,                    -- the award's decision, when it was an award
    source_year    INTEGER NOT NULL         -- the year of the file it was used in
) STRICT;
CREATE INDEX initiative_use_carried_of ON initiative_use_carried (initiative_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Counts a unit reports (version 16)

-- How many of its staff hold LĐTT and CSTĐCS for the year, as the unit reports them with its dossier: the shares of
-- TTLĐTT and TTLĐXS are judged on them when the file does not hold all of the unit's people (a bloc's secretariat
-- keeps only its candidates). The staff itself is `unit_staff`'s.
CREATE TABLE unit_reported (
    unit_id  INTEGER PRIMARY KEY REFERENCES unit (id),
    ldtt     INTEGER NOT NULL CHECK (ldtt >= 0),
    cstdcs   INTEGER NOT NULL DEFAULT 0 CHECK (cstdcs >= 0 AND cstdcs <= ldtt),
    doc      TEXT                         -- the report or decision the counts are from
) STRICT;

-- ---------------------------------------------------------------------------------------------------------------
-- A person's position class (version 18)

-- Where a person stands in the statistical forms' rows by position (Circular 02/2023/TT-BNV, form 0603 rows 06–10),
-- set by the secretary where the words of the position do not say it (`person edit --position-class`); without a
-- row here the class is read from the position's words.
CREATE TABLE person_class (
    person_id  INTEGER PRIMARY KEY REFERENCES person (id),
    class      TEXT NOT NULL CHECK (class = 'leader_province' OR class = 'leader_department' OR class = 'entrepreneur'
                                    OR class = 'leader_other' OR class = 'frontline')
) STRICT;

-- ---------------------------------------------------------------------------------------------------------------
-- Certificates: the register of those printed and the blanks' layouts (version 19)

-- The register of certificates (Decree 98/2023/NĐ-CP Art 104: the certificate bears the decision's number and date
-- and the sổ vàng number): one line each time an award's certificate is printed. The first print takes the sổ vàng
-- number, the awardee's order in the decision; a reprint (a spoilt blank) and a replacement (a certificate lost or
-- damaged after it was handed over) keep it, with their reason.
CREATE TABLE certificate (
    id          INTEGER PRIMARY KEY,
    award_id    INTEGER NOT NULL REFERENCES award (id),
    book_no     INTEGER NOT NULL CHECK (book_no > 0),
    event       TEXT    NOT NULL CHECK (event = 'printed' OR event = 'reprinted' OR event = 'replaced'),
    on_date     TEXT    NOT NULL CHECK (date(on_date) IS on_date),
    blank       TEXT    NOT NULL CHECK (blank = 'giay_khen' OR blank = 'cstdcs' OR blank = 'bang_khen'
                                        OR blank = 'cstd_tinh'),
    reason      TEXT,
    CHECK ((event = 'printed') = (reason IS NULL))
) STRICT;
CREATE INDEX certificate_award ON certificate (award_id);

-- Where a field is printed on a kind of blank, where the secretary moved it from the default (`cert layout set`):
-- millimetres from the page's top-left corner, the box's width and height, the size in points, and whether it is
-- printed on a pre-printed blank. Field 'page' holds the sheet's size (w, h) and an offset of every field (x, y).
CREATE TABLE cert_layout (
    blank     TEXT NOT NULL CHECK (blank = 'giay_khen' OR blank = 'cstdcs' OR blank = 'bang_khen'
                                   OR blank = 'cstd_tinh'),
    field     TEXT NOT NULL CHECK (field <> ''),
    x         REAL,
    y         REAL,
    w         REAL CHECK (w > 0),
    h         REAL CHECK (h > 0),
    size      REAL CHECK (size > 0),
    on_blank  INTEGER CHECK (on_blank IN (0, 1)),
    PRIMARY KEY (blank, field)
) STRICT;
