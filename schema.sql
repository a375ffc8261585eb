-- thidua: the schema of one bloc-year file.
--
-- One file holds one year of one emulation bloc ("Khối thi đua"). The file must stay readable by any SQLite tool for
-- decades, so: STRICT tables, ISO dates (YYYY-MM-DD) as TEXT, rules as CHECK constraints and foreign keys, and no
-- custom collation anywhere in the schema (the tool sorts with its Vietnamese collation at query time only).
--
-- Text is stored NFC. Beside a name, `*_key` is the match key (case- and tone-placement-insensitive) and `*_fold`
-- the accent-free key the tool computes (src/text.rs); they serve lookups and are rewritten with the name.
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
    role        TEXT    CHECK (role IN ('leader', 'deputy', 'member')),
    sector      TEXT,                       -- the sector line ("ngành dọc"), e.g. "Bộ Tài chính"
    note        TEXT,
    sort_order  INTEGER,                    -- an explicit bloc order, when the secretary sets one
    CHECK (parent_id IS NULL OR role IS NULL),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE UNIQUE INDEX unit_one_leader ON unit (role) WHERE role = 'leader';
CREATE INDEX unit_parent ON unit (parent_id);
CREATE INDEX unit_fold ON unit (name_fold);

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
CREATE INDEX person_key ON person (name_key);
CREATE INDEX person_fold ON person (name_fold);
