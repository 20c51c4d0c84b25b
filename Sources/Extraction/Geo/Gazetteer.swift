/// Places by name, with country, kind, coordinates and GeoNames id, plus how words behave in news
/// text (first names, common words, type priors) for the rule-based entity recogniser.
///
/// Built once per process from two tab-separated tables (see `Data/README.md`); lookups are by
/// `NameKey`, so matching article tokens never allocates.
public struct Gazetteer: Sendable {
    /// What a gazetteer name stands for.
    public enum Kind: UInt8, Sendable {
        case country, region, city, continent, water
        /// A group of countries named like a place that is not one: "the West".
        case bloc
        /// A country's adjective or people: "Russian" → RU. Resolves a country, never a place mention.
        case demonym

        init?(_ name: Substring) {
            switch name {
            case "country": self = .country
            case "region": self = .region
            case "city": self = .city
            case "continent": self = .continent
            case "water": self = .water
            case "bloc": self = .bloc
            case "demonym": self = .demonym
            default: return nil
            }
        }

        /// The record's geo kind, for kinds that are places.
        public var geoKind: GeoInfo.Kind? {
            switch self {
            case .country: .country
            case .region: .region
            case .city: .city
            case .continent: .continent
            case .water: .water
            case .bloc, .demonym: nil
            }
        }
    }

    /// One gazetteer entry.
    public struct Place: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        public var country: String?
        public var latitude: Double?
        public var longitude: Double?
        public var geonamesID: Int?
        public var population: Int

        /// The record's geo annotation for this place (nil for blocs and demonyms).
        public var geo: GeoInfo? {
            kind.geoKind.map {
                GeoInfo(country: country, kind: $0, latitude: latitude, longitude: longitude, geonamesID: geonamesID)
            }
        }
    }

    /// Counts of how a word was used in annotated news text (see `scripts/gen-name-lexicon.py`).
    public struct WordStats: Sendable, Equatable {
        /// First word of a person's name of two or more words.
        public var first: Int32
        public var person: Int32
        public var organization: Int32
        public var location: Int32
        public var other: Int32
        /// Capitalised mid-sentence but not part of a name.
        public var capitalised: Int32
        /// Written in lowercase.
        public var lower: Int32

        /// A word's counts.
        public init(first: Int32 = 0, person: Int32 = 0, organization: Int32 = 0, location: Int32 = 0,
                    other: Int32 = 0, capitalised: Int32 = 0, lower: Int32 = 0) {
            self.first = first
            self.person = person
            self.organization = organization
            self.location = location
            self.other = other
            self.capitalised = capitalised
            self.lower = lower
        }

        /// Times the word was inside a name of any type.
        public var named: Int32 { person + organization + location + other }
    }

    public private(set) var places: [Place] = []
    private var index: [UInt64: [Int32]] = [:]
    private var words: [UInt64: WordStats] = [:]
    /// The most tokens any place name has.
    public private(set) var maxNameTokens = 0

    /// A gazetteer with no places.
    public init() {}

    public static let empty = Gazetteer()

    /// A gazetteer from the places table and the word table, each UTF-8 text, `#` lines ignored.
    public init(placesTable: [UInt8], wordTable: [UInt8] = []) {
        places.reserveCapacity(placesTable.count / 48)
        index.reserveCapacity(placesTable.count / 48)
        Self.forEachRow(placesTable) { f in
            guard f.count >= 7, let kind = Kind(f[1]) else { return }
            let name = String(f[0])
            let place = Place(
                name: name, kind: kind, country: f[2].isEmpty ? nil : String(f[2]),
                latitude: Double(f[3]), longitude: Double(f[4]), geonamesID: Int(f[5]), population: Int(f[6]) ?? 0)
            add(place)
        }
        words.reserveCapacity(wordTable.count / 20)
        Self.forEachRow(wordTable) { f in
            guard f.count >= 8 else { return }
            let c = f[1...7].map { Int32($0) ?? 0 }
            let (key, _) = NameKey.ofName(String(f[0]))
            words[key] = WordStats(first: c[0], person: c[1], organization: c[2], location: c[3], other: c[4],
                                   capitalised: c[5], lower: c[6])
        }
    }

    /// Adds `place` under its name.
    public mutating func add(_ place: Place) {
        let (key, count) = NameKey.ofName(place.name)
        guard count > 0 else { return }
        index[key, default: []].append(Int32(places.count))
        places.append(place)
        maxNameTokens = max(maxNameTokens, count)
    }

    /// Sets the counts of `word`.
    public mutating func setStats(_ stats: WordStats, for word: String) {
        words[NameKey.ofName(word).key] = stats
    }

    /// Indices into `places` of the entries whose name has `key`.
    public func entries(_ key: UInt64) -> [Int32]? {
        index[key]
    }

    /// The counts of the word with `key`, if it was seen often enough to be counted.
    public func stats(_ key: UInt64) -> WordStats? {
        words[key]
    }

    /// The places with name `name` (for tests and tools).
    public func places(named name: String) -> [Place] {
        (index[NameKey.ofName(name).key] ?? []).map { places[Int($0)] }
    }

    /// Calls `body` with the tab-separated fields of each non-comment line.
    private static func forEachRow(_ bytes: [UInt8], _ body: ([Substring]) -> Void) {
        var start = 0
        let n = bytes.count
        while start < n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            if end > start && bytes[start] != 0x23 {
                var lineEnd = end
                if bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = String(decoding: bytes[start..<lineEnd], as: UTF8.self)
                body(line.split(separator: "\t", omittingEmptySubsequences: false))
            }
            start = end + 1
        }
    }
}
