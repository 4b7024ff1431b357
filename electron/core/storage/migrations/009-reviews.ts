import type { Migration } from './index';

/**
 * Proposals, sign-offs and review cadence (docs/architecture.md §14). A version is a service's plan proposed under a
 * number (1, 2, … per service) with its rationale and the plan as JSON (a VersionSnapshot of shared/review/types.ts);
 * it is immutable, so triggers refuse any UPDATE of a version or a sign-off: a change is a new version, a changed mind
 * a new sign-off. Sign-offs and comments belong to a version and go with it; versions and review periods belong to
 * their service. The roles that must approve are the workspace's, the four groups that must agree on an SLO to start.
 */
export const migration009: Migration = {
  version: 9,
  name: 'reviews',
  sql: `
    CREATE TABLE review_versions (
      id         INTEGER PRIMARY KEY,
      service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      number     INTEGER NOT NULL CHECK (number >= 1),
      rationale  TEXT NOT NULL CHECK (length(rationale) <= 4000),
      created_ms INTEGER NOT NULL CHECK (created_ms >= 0),
      snapshot   TEXT NOT NULL CHECK (json_valid(snapshot) AND json_type(snapshot, '$.service') IS 'object' AND json_type(snapshot, '$.alertSets') IS 'array'),
      UNIQUE (service_id, number)
    ) STRICT;
    CREATE TRIGGER review_versions_immutable BEFORE UPDATE ON review_versions
    BEGIN
      SELECT RAISE(ABORT, 'A proposed version cannot be changed: propose a new version instead');
    END;

    CREATE TABLE review_signoffs (
      id         INTEGER PRIMARY KEY,
      version_id INTEGER NOT NULL REFERENCES review_versions(id) ON DELETE CASCADE,
      name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100 AND name = trim(name)),
      role       TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 40 AND role = lower(trim(role))),
      decision   TEXT NOT NULL CHECK (decision IN ('approve', 'object', 'abstain')),
      rationale  TEXT NOT NULL CHECK (length(rationale) <= 4000),
      day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(day) IS day),
      created_ms INTEGER NOT NULL CHECK (created_ms >= 0)
    ) STRICT;
    CREATE INDEX review_signoffs_by_version ON review_signoffs(version_id, id);
    CREATE TRIGGER review_signoffs_immutable BEFORE UPDATE ON review_signoffs
    BEGIN
      SELECT RAISE(ABORT, 'A recorded sign-off cannot be changed: record a new one');
    END;

    CREATE TABLE review_comments (
      id         INTEGER PRIMARY KEY,
      version_id INTEGER NOT NULL REFERENCES review_versions(id) ON DELETE CASCADE,
      author     TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 100 AND author = trim(author)),
      text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      created_ms INTEGER NOT NULL CHECK (created_ms >= 0)
    ) STRICT;
    CREATE INDEX review_comments_by_version ON review_comments(version_id, id);

    CREATE TABLE review_roles (
      role     TEXT PRIMARY KEY CHECK (length(role) BETWEEN 1 AND 40 AND role = lower(trim(role))),
      position INTEGER NOT NULL CHECK (position >= 1)
    ) STRICT;
    INSERT INTO review_roles (role, position) VALUES ('engineering', 1), ('product', 2), ('business', 3), ('operations', 4);

    CREATE TABLE review_periods (
      service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
      tier       TEXT NOT NULL CHECK (tier IN ('sla', 'slo', 'target')),
      months     INTEGER NOT NULL CHECK (months BETWEEN 1 AND 60),
      PRIMARY KEY (service_id, tier)
    ) STRICT;
  `,
};
