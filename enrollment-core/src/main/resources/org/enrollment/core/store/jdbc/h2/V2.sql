-- V2: the season every node judges by (window, cut-off, grace, schools and plans, agreements and quotas).
-- The first node writes it; a node opening the database with other terms is refused at start, and a change
-- of season is a deliberate act, recorded in the audit log in the same transaction.
CREATE TABLE IF NOT EXISTS season (
    id          INT               NOT NULL PRIMARY KEY CHECK (id = 1),
    fingerprint CHAR(64)          NOT NULL,                       -- SHA-256 of terms (UTF-8), hex
    terms       CHARACTER VARYING NOT NULL,                       -- canonical text, one "key = value" a line
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL                 -- by the database's clock
);
