import Foundation
import Logging
import PostgresNIO

/// The fleet's summary, computed in SQL over the window: the same `SummarySnapshot` a node's
/// rolling window gives, so that `SummaryReport` renders it with the same JSON, Markdown and HTML.
///
/// Every count is a `GROUP BY` in the database (articles, errors, per category and key over
/// `article_entities`, per story); only the lists come back: top and rising lines, ten stories,
/// the latest headlines and errors, articles per hour. The rules are the local window's:
/// - keys merge as `SummaryAliases` says (a one-word person key joins the only full name ending
///   with it that has at least a tenth of the leader's articles; an organisation acronym joins the
///   expansion its articles spelt out most often), decided over the whole window;
/// - a key is shown by the name its articles used most, ties by the longer, then the first in
///   code-point order; ranks tie by that name, then the key;
/// - rising compares a key's share of the articles since `now - risingSeconds` with its share of
///   the rest of the window (one article of smoothing), `SummaryReport.risingRatio` and
///   `risingMinimum` as locally.
///
/// Where the database is exact and the window is not, the database wins: the window's edge is
/// exact to the second (the window's is exact to one slot), counts are never thinned, and a key
/// keeps all its names. A story's lead people and places are counted over its newest
/// `leadArticles` articles, each named as the story's articles name it most.
///
/// All queries run in one read-only, repeatable-read transaction, so the figures agree with each
/// other while nodes go on shipping.
struct FleetSummaryQuery: Sendable {
    var windowSeconds: Double
    var top = 10
    var risingSeconds = 3600.0
    /// The longest a statement may run before the server cancels it.
    var statementTimeoutSeconds = 60

    /// The snapshot of the window ending at `now`, on a connection of its own.
    func snapshot(from database: FleetDatabase, now: Double) async throws(FleetDatabaseError) -> SummarySnapshot {
        let connection = try await database.connect()
        do {
            let snapshot = try await self.snapshot(on: connection, now: now, logger: Self.quietLogger)
            try? await connection.close()
            return snapshot
        } catch {
            try? await connection.close()
            throw database.classify(error)
        }
    }

    /// The snapshot of the window ending at `now`, read on `connection`.
    func snapshot(on connection: PostgresConnection, now: Double, logger: Logger) async throws -> SummarySnapshot {
        let cutoff = now - windowSeconds
        let risingSince = now - risingSeconds
        try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL statement_timeout = '\(statementTimeoutSeconds)s'"), logger: logger)
            // Aggregates of a few hundred thousand keys stay in memory; compiling them (JIT)
            // costs more than it saves at this size.
            try await connection.query("SET LOCAL work_mem = '64MB'", logger: logger)
            try await connection.query("SET LOCAL jit = off", logger: logger)
            var snapshot = SummarySnapshot(windowSeconds: windowSeconds)
            let timeline = SummarySnapshot.timelineHours(windowSeconds: windowSeconds)
            snapshot.articlesPerHour = [Int](repeating: 0, count: timeline)
            var recentArticles = 0
            var nodes = Set<String>()
            let hourBinds = binds(cutoff, risingSince, now - 600, now)
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: Self.hours, binds: hourBinds), logger: logger) {
                let (age, articles, words, quotes, recent, lastTenMinutes, hourNodes) =
                    try row.decode((Int, Int, Int, Int, Int, Int, [String]).self)
                snapshot.articles += articles
                snapshot.words += words
                snapshot.quotes += quotes
                recentArticles += recent
                snapshot.articlesLastTenMinutes += lastTenMinutes
                nodes.formUnion(hourNodes)
                if age >= 0 && age < timeline { snapshot.articlesPerHour[timeline - 1 - age] += articles }
            }
            snapshot.nodes = nodes.count
            snapshot.errors = try await Self.single(connection, Self.errorCount, binds(cutoff), logger: logger).decode(Int.self)
            // The lists join aggregates whose sizes the planner cannot know (it guesses one row),
            // and a nested loop over thousands of keys on both sides is quadratic: hash joins only.
            try await connection.query("SET LOCAL enable_nestloop = off", logger: logger)
            for category in SummaryWindow.Category.allCases {
                var b = binds(cutoff, risingSince)
                b.append(category.rawValue)
                b.append(top)
                b.append(Double(recentArticles))
                b.append(Double(snapshot.articles - recentArticles))
                b.append(category == .speakers ? Int.max : SummaryReport.risingMinimum)
                b.append(SummaryReport.risingRatio)
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: Self.lists(category), binds: b), logger: logger) {
                    let (list, key, name, articles, tone, geonamesID, kind, country, recentShare, earlierShare) =
                        try row.decode((String, String, String, Int, Double, Int?, String?, String?, Double, Double).self)
                    let place = kind.map { PlaceFacts(geonamesID: geonamesID, kind: $0, country: country) }
                    let item = SummaryWindow.Item(key: key, name: name, articles: articles, tone: articles > 0 ? tone / Double(articles) : 0,
                                                  place: place)
                    if list == "top" {
                        snapshot.top[category, default: []].append(item)
                    } else {
                        snapshot.rising[category, default: []].append(.init(item: item, recentShare: recentShare, earlierShare: earlierShare))
                    }
                }
            }
            try await connection.query("SET LOCAL enable_nestloop = on", logger: logger)
            var storyBinds = binds(cutoff)
            storyBinds.append(SummaryReport.storyCount)
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: Self.stories, binds: storyBinds), logger: logger) {
                let (id, headline, articles, sources, first, last, people, places) =
                    try row.decode((String, String?, Int, Int, Double, Double, [String], [String]).self)
                snapshot.stories.append(.init(id: id, headline: headline, articles: articles, sources: sources, first: first, last: last,
                                              people: people, places: places))
            }
            var latestBinds = binds(cutoff)
            latestBinds.append(SummarySnapshot.latestCount)
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: Self.latest, binds: latestBinds), logger: logger) {
                let (at, id, title, inbox, source, published, story) =
                    try row.decode((Double, String, String?, String, String, String?, String?).self)
                snapshot.latest.append(.init(at: at, id: id, title: title, inbox: inbox, source: source, published: published, story: story))
            }
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: Self.latestErrors, binds: latestBinds), logger: logger) {
                let (at, path, reason, detail) = try row.decode((Double, String, String, String).self)
                snapshot.latestErrors.append(SummaryError(at: at, path: path, reason: reason, detail: detail))
            }
            try await connection.query("COMMIT", logger: logger)
            return snapshot
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    private func binds(_ values: Double...) -> PostgresBindings {
        var b = PostgresBindings(capacity: 8)
        for value in values { b.append(value) }
        return b
    }

    private static func single(_ connection: PostgresConnection, _ sql: String, _ binds: PostgresBindings, logger: Logger) async throws -> PostgresRow {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).collect()
        guard let row = rows.first else { throw FleetSummaryQueryError.noRow }
        return row
    }

    /// postgres-nio logs at debug and trace only, with query text: kept out of the daemon's log.
    static var quietLogger: Logger {
        var quiet = Logger(label: "newsd.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        quiet.logLevel = .critical
        return quiet
    }

    /// A story's lead people and places are counted over this many of its newest articles, which
    /// bounds the work a story of thousands of copies costs.
    static let leadArticles = 200

    // MARK: SQL. $1 is always the window's start (epoch seconds).

    /// Per whole hour before $4 (`age`): articles, words, quotes, articles since $2 (rising) and
    /// since $3 (the last ten minutes), and the nodes that recorded them: one pass over the window.
    static let hours = """
        SELECT floor(($4 - extract(epoch FROM ingested_at)) / 3600)::int8 AS age, count(*)::int8,
               coalesce(sum(words), 0)::int8, coalesce(sum(quotes), 0)::int8,
               count(*) FILTER (WHERE ingested_at >= to_timestamp($2))::int8,
               count(*) FILTER (WHERE ingested_at >= to_timestamp($3))::int8,
               array_agg(DISTINCT node)
        FROM articles
        WHERE ingested_at >= to_timestamp($1)
        GROUP BY age
        """

    static let errorCount = "SELECT count(*)::int8 FROM errors WHERE at >= to_timestamp($1)"

    /// The top ($4 lines) and rising lines of category $3: rising since $2, against $5 recent and
    /// $6 earlier articles, at least $7 recent articles and $8 times the earlier share.
    ///
    /// The counts per key come from `article_entities_window` alone (an index-only scan: category,
    /// time, key and tone); names and place facts are looked up only for the keys a list may show,
    /// through `article_entities_key`. The top list ranks ties by name, so every key tied with the
    /// last line is looked up.
    static func lists(_ category: SummaryWindow.Category) -> String {
        """
        WITH counted AS MATERIALIZED (
            SELECT key, count(*)::int8 AS n, sum(tone) AS tone,
                   count(*) FILTER (WHERE ingested_at >= to_timestamp($2))::int8 AS recent_n,
                   coalesce(sum(tone) FILTER (WHERE ingested_at >= to_timestamp($2)), 0) AS recent_tone
            FROM article_entities
            WHERE category = $3 AND ingested_at >= to_timestamp($1)
            GROUP BY key
        ), full_names AS MATERIALIZED (
            -- Multi-word person keys by their last word (read by the people's and speakers' aliases).
            SELECT key, n, reverse(split_part(reverse(key), ' ', 1)) AS last_word
            FROM counted
            WHERE $3 IN ('people', 'speakers') AND key LIKE 'person:% %'
        ), aliases AS MATERIALIZED (
            \(aliases(category))
        ), merged AS MATERIALIZED (
            SELECT coalesce(a.target, c.key) AS key, sum(c.n)::int8 AS n, sum(c.tone) AS tone,
                   sum(c.recent_n)::int8 AS recent_n, sum(c.recent_tone) AS recent_tone
            FROM counted c LEFT JOIN aliases a ON a.alias = c.key
            GROUP BY 1
        ), top_candidates AS (
            SELECT * FROM merged
            WHERE n >= coalesce((SELECT n FROM merged ORDER BY n DESC LIMIT 1 OFFSET $4 - 1), 0)
        ), rising_lines AS (
            SELECT key, recent_n AS n, recent_tone AS tone, recent_n::float8 / $5 AS recent_share,
                   greatest(n - recent_n, 0)::float8 / $6 AS earlier_share
            FROM merged
            WHERE $5 > 0 AND $6 > 0 AND recent_n >= $7
              AND recent_n::float8 / $5 >= $8 * (greatest(n - recent_n, 0) + 1)::float8 / ($6 + 1)
            ORDER BY (recent_n::float8 / $5) / greatest(greatest(n - recent_n, 0)::float8 / $6, 1e-9) DESC, recent_n DESC, key COLLATE "C"
            LIMIT $4
        ), shown AS (
            SELECT key FROM top_candidates UNION SELECT key FROM rising_lines
        ), labelled AS (
            -- The name the key's articles used most, ties by the longer, then code-point order.
            SELECT s.key, coalesce(l.name, s.key) AS name, p.geonames_id, p.place_kind, p.country
            FROM shown s
            LEFT JOIN LATERAL (
                SELECT name FROM article_entities e
                WHERE e.category = $3 AND e.key = s.key AND e.ingested_at >= to_timestamp($1)
                GROUP BY name
                ORDER BY count(*) DESC, char_length(name) DESC, name COLLATE "C"
                LIMIT 1
            ) l ON true
            LEFT JOIN LATERAL (
                SELECT e.geonames_id::int8 AS geonames_id, e.place_kind, e.country FROM article_entities e
                WHERE $3 = 'places' AND e.category = $3 AND e.key = s.key AND e.ingested_at >= to_timestamp($1)
                  AND e.place_kind IS NOT NULL
                ORDER BY e.ingested_at
                LIMIT 1
            ) p ON true
        ), top_lines AS (
            SELECT 'top'::text AS list, t.key, l.name, t.n, t.tone, l.geonames_id, l.place_kind, l.country,
                   0::float8 AS recent_share, 0::float8 AS earlier_share
            FROM top_candidates t JOIN labelled l USING (key)
            ORDER BY t.n DESC, l.name COLLATE "C", t.key COLLATE "C"
            LIMIT $4
        )
        SELECT * FROM top_lines
        UNION ALL
        SELECT * FROM (
            SELECT 'rising'::text, r.key, l.name, r.n, r.tone, l.geonames_id, l.place_kind, l.country, r.recent_share, r.earlier_share
            FROM rising_lines r JOIN labelled l USING (key)
            ORDER BY r.recent_share / greatest(r.earlier_share, 1e-9) DESC, r.n DESC, r.key COLLATE "C"
        ) rising
        """
    }

    /// Alias key → target key for a category, as `SummaryAliases.resolve` decides.
    private static func aliases(_ category: SummaryWindow.Category) -> String {
        switch category {
        case .people, .speakers:
            // A one-word person key joins the leading full name ending with that word when no
            // other such name has a tenth of the leader's articles.
            return """
                SELECT s.key AS alias, f.leader AS target
                FROM (SELECT key, substr(key, 8) AS word FROM counted WHERE key LIKE 'person:%' AND position(' ' IN key) = 0) s
                JOIN (
                    SELECT w.last_word, min(l.leader) AS leader
                    FROM full_names w
                    JOIN (
                        SELECT last_word, max(n) AS leader_n, (array_agg(key ORDER BY n DESC, key COLLATE "C"))[1] AS leader
                        FROM full_names
                        GROUP BY last_word
                    ) l ON l.last_word = w.last_word
                    WHERE w.n * \(SummaryAliases.presenceDivisor) >= l.leader_n
                    GROUP BY w.last_word
                    HAVING count(*) = 1
                ) f ON f.last_word = s.word
                """
        case .organizations:
            // An acronym joins the expansion its articles spelt out most often, when both are counted.
            return """
                SELECT DISTINCT ON (a.acronym) a.acronym AS alias, a.expansion AS target
                FROM (SELECT acronym, expansion, count(*) AS n FROM article_acronyms
                      WHERE ingested_at >= to_timestamp($1) GROUP BY acronym, expansion) a
                JOIN counted c ON c.key = a.acronym
                JOIN counted x ON x.key = a.expansion
                WHERE a.expansion <> a.acronym
                ORDER BY a.acronym, a.n DESC, a.expansion COLLATE "C"
                """
        case .places, .keywords:
            return "SELECT NULL::text AS alias, NULL::text AS target WHERE false"
        }
    }

    /// The $2 biggest stories (most articles, then sources, then newest): headline (its first
    /// article's, else its earliest titled one's), counts, times, three lead people and places.
    /// Sources are counted only for the stories tied with the last one shown or bigger; lead
    /// people and places over a story's newest `leadArticles` articles.
    static let stories = """
        WITH story_counts AS MATERIALIZED (
            SELECT story AS id, count(*)::int8 AS n, min(ingested_at) AS first, max(ingested_at) AS last
            FROM articles
            WHERE ingested_at >= to_timestamp($1) AND story IS NOT NULL
            GROUP BY story
        ), top_stories AS MATERIALIZED (
            SELECT c.id, c.n, c.first, c.last,
                   (SELECT count(DISTINCT a.source) FROM articles a WHERE a.story = c.id AND a.ingested_at >= to_timestamp($1))::int8 AS sources
            FROM story_counts c
            WHERE c.n >= coalesce((SELECT n FROM story_counts ORDER BY n DESC LIMIT 1 OFFSET $2 - 1), 0)
            ORDER BY n DESC, sources DESC, last DESC, id COLLATE "C"
            LIMIT $2
        ), named AS (
            SELECT s.id, e.category, e.key, e.name, count(*) AS n
            FROM top_stories s
            CROSS JOIN LATERAL (
                SELECT a.id FROM articles a
                WHERE a.story = s.id AND a.ingested_at >= to_timestamp($1)
                ORDER BY a.ingested_at DESC
                LIMIT \(leadArticles)
            ) a
            JOIN article_entities e ON e.article_id = a.id AND e.category IN ('people', 'places')
            GROUP BY s.id, e.category, e.key, e.name
        ), leads AS (
            SELECT id, category, key, sum(n) AS n,
                   (array_agg(name ORDER BY n DESC, char_length(name) DESC, name COLLATE "C"))[1] AS name
            FROM named
            GROUP BY id, category, key
        ), ranked AS (
            SELECT id, category, name, row_number() OVER (PARTITION BY id, category ORDER BY n DESC, key COLLATE "C") AS rank
            FROM leads
        ), lead_names AS (
            SELECT id, array_agg(name ORDER BY rank) FILTER (WHERE category = 'people') AS people,
                   array_agg(name ORDER BY rank) FILTER (WHERE category = 'places') AS places
            FROM ranked
            WHERE rank <= 3
            GROUP BY id
        )
        SELECT s.id,
               (SELECT a.headline FROM articles a
                WHERE a.story = s.id AND a.ingested_at >= to_timestamp($1) AND a.headline IS NOT NULL
                ORDER BY a.id = s.id DESC, a.ingested_at, a.id LIMIT 1),
               s.n, s.sources, extract(epoch FROM s.first)::float8, extract(epoch FROM s.last)::float8,
               coalesce(l.people, '{}'), coalesce(l.places, '{}')
        FROM top_stories s LEFT JOIN lead_names l USING (id)
        ORDER BY s.n DESC, s.sources DESC, s.last DESC, s.id COLLATE "C"
        """

    /// The $2 newest articles, newest first.
    static let latest = """
        SELECT extract(epoch FROM ingested_at)::float8, id, headline, inbox, source, published, story
        FROM articles
        WHERE ingested_at >= to_timestamp($1)
        ORDER BY ingested_at DESC, id DESC
        LIMIT $2
        """

    /// The $2 newest errors, newest first.
    static let latestErrors = """
        SELECT extract(epoch FROM at)::float8, path, reason, detail
        FROM errors
        WHERE at >= to_timestamp($1)
        ORDER BY at DESC, id DESC
        LIMIT $2
        """
}

extension PlaceFacts {
    init(geonamesID: Int?, kind: String, country: String?) {
        self.geonamesID = geonamesID
        self.kind = kind
        self.country = country
    }
}

enum FleetSummaryQueryError: Error, CustomStringConvertible {
    case noRow

    var description: String { "the database answered a count with no row" }
}
