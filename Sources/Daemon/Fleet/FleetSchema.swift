/// The fleet's tables, in one place: every statement newsd runs to create or migrate them.
///
/// Each migration is a list of statements (the extended query protocol takes one statement per
/// query) run in one transaction under an advisory lock, then recorded in `newsd_schema`, so that
/// nodes starting together migrate once and a node never sees a half-made schema. A node whose
/// `newsd_schema` holds a version above `FleetSchema.version` refuses to ship (see
/// `FleetDatabaseError.schemaTooNew`).
///
/// Tables (docs/DESIGN.md, "Several machines", says why they look like this):
/// - `articles`: one row per content id (`id` is the record id, the SHA-256 of the input), the
///   whole record as `jsonb` and the columns a fleet summary filters and counts on.
/// - `article_entities`: one row per article and summary category (people, organizations, places,
///   speakers, keywords) and key, with exactly the keys and names the local summary takes from a
///   record (`SummaryEntry`), the article's tone, and for places the gazetteer's facts.
/// - `article_acronyms`: acronyms an article spelt out ("the Republican Party (GOP)"), which the
///   summary uses to join an acronym with its organisation.
/// - `errors`: one row per line of `errors.jsonl`, keyed by the SHA-256 of the line.
enum FleetSchema {
    /// The newest version this binary knows.
    static var version: Int { migrations.count }

    /// Key of the transaction-level advisory lock that serialises migrations across nodes.
    static let migrationLock = 7_461_016_815_001

    static let versionTable = """
        CREATE TABLE IF NOT EXISTS newsd_schema (
            version    integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now(),
            node       text NOT NULL
        )
        """

    /// `migrations[n - 1]` takes the schema from version n - 1 to n. Append only: a released
    /// migration is never edited.
    static let migrations: [[String]] = [
        // 1: articles, their summary entities and acronyms, errors.
        [
            """
            CREATE TABLE articles (
                id            text PRIMARY KEY,
                ingested_at   timestamptz NOT NULL,
                published     text,
                node          text NOT NULL,
                inbox         text NOT NULL,
                title         text,
                headline      text,
                language      text NOT NULL,
                story         text,
                site          text,
                source        text NOT NULL,
                words         integer NOT NULL,
                quotes        integer NOT NULL,
                bytes         bigint NOT NULL,
                tone          double precision NOT NULL,
                processing_ms double precision NOT NULL,
                shipped_at    timestamptz NOT NULL DEFAULT now(),
                record        jsonb NOT NULL
            )
            """,
            "CREATE INDEX articles_ingested_at ON articles (ingested_at)",
            "CREATE INDEX articles_story ON articles (story, ingested_at)",
            """
            CREATE TABLE article_entities (
                article_id  text NOT NULL,
                ingested_at timestamptz NOT NULL,
                category    text NOT NULL CHECK (category IN ('people', 'organizations', 'places', 'speakers', 'keywords')),
                key         text NOT NULL,
                name        text NOT NULL,
                tone        double precision NOT NULL,
                geonames_id integer,
                place_kind  text,
                country     text,
                PRIMARY KEY (article_id, category, key)
            )
            """,
            "CREATE INDEX article_entities_window ON article_entities (category, ingested_at, key) INCLUDE (tone)",
            """
            CREATE TABLE article_acronyms (
                article_id  text NOT NULL,
                ingested_at timestamptz NOT NULL,
                acronym     text NOT NULL,
                expansion   text NOT NULL,
                PRIMARY KEY (article_id, acronym, expansion)
            )
            """,
            "CREATE INDEX article_acronyms_window ON article_acronyms (ingested_at)",
            """
            CREATE TABLE errors (
                id         text PRIMARY KEY,
                at         timestamptz NOT NULL,
                node       text NOT NULL,
                inbox      text NOT NULL,
                path       text NOT NULL,
                reason     text NOT NULL,
                detail     text NOT NULL,
                content_id text,
                moved_to   text,
                shipped_at timestamptz NOT NULL DEFAULT now(),
                line       jsonb NOT NULL
            )
            """,
            "CREATE INDEX errors_at ON errors (at)",
        ],
        // 2: the fleet summary looks up the names of the keys it shows (FleetSummaryQuery.lists).
        [
            "CREATE INDEX article_entities_key ON article_entities (category, key, ingested_at) INCLUDE (name)",
        ],
    ]

    /// Inserts a batch of articles and, for the articles this statement inserted (not those
    /// another node or an earlier attempt inserted first), their entities and acronyms: one
    /// statement, so the three tables always agree (PostgreSQL runs every data-modifying `WITH`
    /// part exactly once, read or not). Returns how many articles were new. Rows come as parallel arrays (`unnest`),
    /// sorted by id so that nodes inserting overlapping batches take row locks in one order.
    static let insertArticles = """
        WITH batch AS (
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::bigint[], $12::bigint[], $13::bigint[],
                                 $14::float8[], $15::float8[], $16::text[])
                AS b(id, ingested_at, published, inbox, title, headline, language, story, site, source,
                     words, quotes, bytes, tone, processing_ms, record)
        ), inserted AS (
            INSERT INTO articles (id, ingested_at, published, node, inbox, title, headline, language, story, site, source,
                                  words, quotes, bytes, tone, processing_ms, record)
            SELECT id, ingested_at::timestamptz, NULLIF(published, ''), $17, inbox, NULLIF(title, ''), NULLIF(headline, ''),
                   language, NULLIF(story, ''), NULLIF(site, ''), source, words, quotes, bytes, tone, processing_ms, record::jsonb
            FROM batch
            ORDER BY id
            ON CONFLICT (id) DO NOTHING
            RETURNING id, ingested_at
        ), entities AS (
            INSERT INTO article_entities (article_id, ingested_at, category, key, name, tone, geonames_id, place_kind, country)
            SELECT e.article_id, i.ingested_at, e.category, e.key, e.name, e.tone,
                   NULLIF(e.geonames_id, 0)::integer, NULLIF(e.place_kind, ''), NULLIF(e.country, '')
            FROM unnest($18::text[], $19::text[], $20::text[], $21::text[], $22::float8[], $23::bigint[], $24::text[], $25::text[])
                AS e(article_id, category, key, name, tone, geonames_id, place_kind, country)
            JOIN inserted i ON i.id = e.article_id
            ON CONFLICT DO NOTHING
        ), acronyms AS (
            INSERT INTO article_acronyms (article_id, ingested_at, acronym, expansion)
            SELECT a.article_id, i.ingested_at, a.acronym, a.expansion
            FROM unnest($26::text[], $27::text[], $28::text[]) AS a(article_id, acronym, expansion)
            JOIN inserted i ON i.id = a.article_id
            ON CONFLICT DO NOTHING
        )
        SELECT count(*) FROM inserted
        """

    /// Inserts a batch of error lines; a line already there (re-shipped) is skipped.
    static let insertErrors = """
        INSERT INTO errors (id, at, node, inbox, path, reason, detail, content_id, moved_to, line)
        SELECT id, at::timestamptz, $10, inbox, path, reason, detail, NULLIF(content_id, ''), NULLIF(moved_to, ''), line::jsonb
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            AS e(id, at, inbox, path, reason, detail, content_id, moved_to, line)
        ORDER BY id
        ON CONFLICT (id) DO NOTHING
        """
}
