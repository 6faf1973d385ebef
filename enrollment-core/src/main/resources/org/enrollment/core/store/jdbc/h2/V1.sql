-- V1: registrations with their history, numbering, school status, co-build lists, append-only audit log.
-- H2 commits each DDL statement on its own, so every statement here may run again: a start that
-- stopped half-way is finished by the next one.

-- A registration as the process needs it (resident ID, name, household...), one row each; never deleted.
CREATE TABLE IF NOT EXISTS registration (
    number        VARCHAR(20)  NOT NULL PRIMARY KEY,              -- 110108-2025-000123-5, never reused
    ordinal       BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE, -- creation order: a child's registrations oldest first
    child         CHAR(18)     NOT NULL,                          -- resident ID
    name          VARCHAR(200) NOT NULL,
    household     VARCHAR(9)   NOT NULL,                          -- 110108 (京籍) or NB:130000 (非京籍)
    district      VARCHAR(64)  NOT NULL,
    school        VARCHAR(64)  NOT NULL,
    route         VARCHAR(16)  NOT NULL,                          -- ONLINE, BOARDING, CO_BUILD
    co_build_unit VARCHAR(64),                                    -- set exactly when the route is CO_BUILD
    state         VARCHAR(24)  NOT NULL,
    version       BIGINT       NOT NULL CHECK (version >= 1),     -- optimistic concurrency; also the number of events
    -- H2 has no partial index: this column is the child's ID while the registration is not WITHDRAWN and
    -- NULL after, and a unique constraint (which lets NULLs repeat) keeps one active registration per child.
    active_child  CHAR(18)     GENERATED ALWAYS AS (CASE WHEN state <> 'WITHDRAWN' THEN child END),
    CONSTRAINT registration_one_active_per_child UNIQUE (active_child)
);
CREATE INDEX IF NOT EXISTS registration_by_child ON registration (child, ordinal);
CREATE INDEX IF NOT EXISTS registration_by_school ON registration (school);

-- What happened to each registration, oldest first: position 0 is its creation (step NULL).
CREATE TABLE IF NOT EXISTS registration_event (
    number   VARCHAR(20) NOT NULL REFERENCES registration (number),
    position INT         NOT NULL CHECK (position >= 0),
    event_at VARCHAR(40) NOT NULL,                                -- ISO-8601 instant, exact to the nanosecond
    step     VARCHAR(24),
    state    VARCHAR(24) NOT NULL,
    reason   CHARACTER VARYING,
    PRIMARY KEY (number, position)
);

-- The last sequence issued per district and year (gaps allowed, never reused).
CREATE TABLE IF NOT EXISTS registration_counter (
    district      VARCHAR(6) NOT NULL,
    season_year   INT        NOT NULL,
    last_sequence BIGINT     NOT NULL CHECK (last_sequence >= 0),
    PRIMARY KEY (district, season_year)
);

-- A co-build unit's list waiting at a school for its selection (差额推荐), and the children on it.
CREATE SEQUENCE IF NOT EXISTS cobuild_list_id;
CREATE TABLE IF NOT EXISTS cobuild_list (
    id       BIGINT      NOT NULL PRIMARY KEY,
    unit     VARCHAR(64) NOT NULL,
    school   VARCHAR(64) NOT NULL,
    given_at VARCHAR(40) NOT NULL                                 -- ISO-8601 instant
);
CREATE TABLE IF NOT EXISTS cobuild_list_child (
    list_id   BIGINT       NOT NULL REFERENCES cobuild_list (id),
    position  INT          NOT NULL,
    child     CHAR(18)     NOT NULL,
    name      VARCHAR(200) NOT NULL,
    household VARCHAR(9)   NOT NULL,
    PRIMARY KEY (list_id, position)
);

-- Per school: the places taken (PRE_ADMITTED and later) and the co-build list waiting there. A commit
-- that changes either locks the row (SELECT ... FOR UPDATE), so writers take a school's last place in turn.
CREATE TABLE IF NOT EXISTS school_status (
    school       VARCHAR(64) NOT NULL PRIMARY KEY,
    places_taken INT         NOT NULL CHECK (places_taken >= 0),
    waiting_list BIGINT      REFERENCES cobuild_list (id)
);

-- The audit log (不可更改的后台记录): entries chained by SHA-256, appended in the commit that makes the change.
CREATE TABLE IF NOT EXISTS audit_entry (
    seq  BIGINT            NOT NULL PRIMARY KEY CHECK (seq >= 0),
    body CHARACTER VARYING NOT NULL,                              -- canonical JSON, no raw resident IDs
    hash CHAR(64)          NOT NULL
);

-- The one row every append locks first, so that appends form one linear chain.
CREATE TABLE IF NOT EXISTS audit_head (
    id          INT      NOT NULL PRIMARY KEY CHECK (id = 1),
    entry_count BIGINT   NOT NULL,
    last_hash   CHAR(64) NOT NULL,
    last_seq    BIGINT   REFERENCES audit_entry (seq),
    CHECK ((entry_count = 0 AND last_seq IS NULL) OR last_seq = entry_count - 1)
);
INSERT INTO audit_head (id, entry_count, last_hash, last_seq)
SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL
WHERE NOT EXISTS (SELECT 1 FROM audit_head);

-- The database refuses to change or remove an audit entry, and lets the head only grow by one: H2
-- triggers are Java classes, this one ships with the library (see H2AuditGuard).
CREATE TRIGGER IF NOT EXISTS audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'org.enrollment.core.store.jdbc.H2AuditGuard';
CREATE TRIGGER IF NOT EXISTS audit_head_grows BEFORE UPDATE, DELETE ON audit_head
    FOR EACH ROW CALL 'org.enrollment.core.store.jdbc.H2AuditGuard';
