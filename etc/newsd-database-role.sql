-- Least-privilege PostgreSQL roles for a newsd fleet (README "Several machines").
-- Run once as a superuser or the database owner:  psql -d newsd -f etc/newsd-database-role.sql
-- Then give each node   [database] url = "postgresql://newsd_node@DB-ADDRESS:5432/newsd?sslmode=verify-full"
-- and the password in   [database] password_file (mode 0640, group newsd).
--
-- What a node does in the database: at start it takes an advisory lock, reads newsd_schema and,
-- only when the schema is missing or older than the binary, creates or alters tables; then it
-- only INSERTs (... ON CONFLICT DO NOTHING) and SELECTs. It never UPDATEs, DELETEs or TRUNCATEs.
-- The fleet summary only SELECTs.

-- The schema the fleet's tables live in, owned by an administrator role, not by the nodes.
CREATE SCHEMA IF NOT EXISTS newsd;

-- newsd_owner creates and migrates the tables: USAGE and CREATE on the schema newsd, nothing else.
-- An operator uses it once, and after an upgrade whose release notes name a migration:
--   NEWSD_DATABASE_PASSWORD=... newsd migrate-database --database postgresql://newsd_owner@DB-ADDRESS/newsd
-- (nodes whose schema is older than their binary log that and keep their records until then).
CREATE ROLE newsd_owner LOGIN PASSWORD 'change-me';   -- then: \password newsd_owner
GRANT USAGE, CREATE ON SCHEMA newsd TO newsd_owner;

-- newsd_node: what every node logs in as. USAGE on the schema, and on its tables SELECT and INSERT
-- only (granted ahead, for tables newsd_owner creates later). No CREATE, UPDATE, DELETE, TRUNCATE.
CREATE ROLE newsd_node LOGIN PASSWORD 'change-me';   -- then: \password newsd_node
GRANT CONNECT ON DATABASE newsd TO newsd_node;
GRANT USAGE ON SCHEMA newsd TO newsd_node;
ALTER DEFAULT PRIVILEGES FOR ROLE newsd_owner IN SCHEMA newsd GRANT SELECT, INSERT ON TABLES TO newsd_node;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA newsd TO newsd_node;
ALTER ROLE newsd_node SET search_path = newsd;
ALTER ROLE newsd_owner SET search_path = newsd;

-- Nobody else may create objects in the public schema (PostgreSQL 15 already revokes this).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The simplest set-up, for a trial: one login role that may also create its tables. It then owns
-- them (an owner can also UPDATE and DELETE), so prefer the two roles above in production:
--   CREATE ROLE newsd LOGIN PASSWORD 'change-me';
--   GRANT USAGE, CREATE ON SCHEMA newsd TO newsd;
--   ALTER ROLE newsd SET search_path = newsd;
