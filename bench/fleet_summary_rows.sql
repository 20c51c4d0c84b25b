-- Generated fleet rows for bench/fleet_summary.py: articles :first to :last, ingested over the
-- :hours hours that end :offset hours ago (default 0: now) by three nodes, with about 15
-- article_entities rows each and a few acronyms. Run with
--   psql -v first=1 -v last=100000 -v hours=24 -f bench/fleet_summary_rows.sql
-- against a database newsd has migrated. Generated, not copied: no licence beyond newsd's own.
--
-- Names follow a Zipf-like law (rank r drawn with probability ~1/r: exp(random() * ln N)), as
-- names in news do: a few people, organisations, places and terms in many articles, a long tail
-- in one or two. Per article: 4 people (one in ten by surname alone, "person:last17", which the
-- summary joins with the full name), 2 organisations, 2 places, 1 speaker, 6 keywords. One
-- article in three joins an existing story (story ids are article ids, ranked Zipf-like too).

\set ON_ERROR_STOP on
\if :{?offset}
\else
\set offset 0
\endif
BEGIN;
CREATE TEMP TABLE generated ON COMMIT DROP AS
SELECT i,
       encode(sha256(('fleet-summary-bench-' || i)::bytea), 'hex') AS id,
       now() - make_interval(secs => :offset * 3600) - random() * make_interval(secs => :hours * 3600) AS ingested_at,
       round((random() * 6 - 3)::numeric, 2)::float8 AS tone
FROM generate_series(:first::int8, :last::int8) AS i;

INSERT INTO articles (id, ingested_at, published, node, inbox, title, headline, language, story, site, source,
                      words, quotes, bytes, tone, processing_ms, record)
SELECT g.id, g.ingested_at, to_char(g.ingested_at, 'YYYY-MM-DD'), 'node-' || (g.i % 3), 'main',
       'Generated article ' || g.i, 'Generated article ' || g.i, 'en',
       CASE WHEN g.i % 3 = 0
            THEN encode(sha256(('fleet-summary-bench-' || least(g.i, floor(exp(random() * ln(greatest(g.i, 2))))::int8))::bytea), 'hex')
            ELSE g.id END,
       'Site ' || (g.i % 40), 'Site ' || (g.i % 40),
       300 + (g.i * 7919) % 1200, (g.i * 31) % 9, 4000 + (g.i * 104729) % 20000, g.tone, 20 + (g.i % 50),
       jsonb_build_object('schema', 'newsd.article/1', 'id', g.id, 'generated', true)
FROM generated g
ON CONFLICT (id) DO NOTHING;

INSERT INTO article_entities (article_id, ingested_at, category, key, name, tone, geonames_id, place_kind, country)
SELECT g.id, g.ingested_at, e.category, e.key, e.name, g.tone, e.geonames_id, e.place_kind, e.country
FROM generated g
CROSS JOIN LATERAL (
    -- people: 20,000 of them; one row in ten by surname alone
    SELECT 'people' AS category,
           CASE WHEN g.i % 10 = j THEN 'person:last' || (r % 5000) ELSE 'person:first' || r || ' last' || (r % 5000) END AS key,
           CASE WHEN g.i % 10 = j THEN 'Last' || (r % 5000) ELSE 'First' || r || ' Last' || (r % 5000) END AS name,
           NULL::int AS geonames_id, NULL::text AS place_kind, NULL::text AS country
    FROM generate_series(1, 4) AS j, LATERAL (SELECT floor(exp(random() * ln(20000)))::int + 0 * g.i + 0 * j AS r) z
    UNION ALL
    -- organisations: 5,000; one article in twenty names its first by an acronym (O17)
    SELECT 'organizations',
           CASE WHEN g.i % 20 = 0 AND j = 1 THEN 'organization:o' || r ELSE 'organization:org ' || r END,
           CASE WHEN g.i % 20 = 0 AND j = 1 THEN 'O' || r ELSE 'Org ' || r END, NULL, NULL, NULL
    FROM generate_series(1, 2) AS j, LATERAL (SELECT floor(exp(random() * ln(5000)))::int + 0 * g.i + 0 * j AS r) z
    UNION ALL
    -- places: 10,000, with gazetteer facts
    SELECT 'places', 'geonames:' || (1000000 + r), 'Place ' || r, 1000000 + r, 'city', 'C' || (r % 200)
    FROM generate_series(1, 2) AS j, LATERAL (SELECT floor(exp(random() * ln(10000)))::int + 0 * g.i + 0 * j AS r) z
    UNION ALL
    -- speakers: people again
    SELECT 'speakers', 'person:first' || r || ' last' || (r % 5000), 'First' || r || ' Last' || (r % 5000), NULL, NULL, NULL
    FROM (SELECT floor(exp(random() * ln(20000)))::int + 0 * g.i AS r) z
    UNION ALL
    -- keywords: 50,000 terms
    SELECT 'keywords', 'term:word ' || r, 'word ' || r, NULL, NULL, NULL
    FROM generate_series(1, 6) AS j, LATERAL (SELECT floor(exp(random() * ln(50000)))::int + 0 * g.i + 0 * j AS r) z
) e
ON CONFLICT DO NOTHING;

-- One article in twenty spells out the acronym of one of the 50 biggest organisations.
INSERT INTO article_acronyms (article_id, ingested_at, acronym, expansion)
SELECT g.id, g.ingested_at, 'organization:o' || r, 'organization:org ' || r
FROM generated g, LATERAL (SELECT 1 + (g.i * 13) % 50 AS r) z
WHERE g.i % 20 = 0
ON CONFLICT DO NOTHING;
COMMIT;
