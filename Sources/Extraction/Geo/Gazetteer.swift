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
    private var index = HashKeyMap<[Int32]>()
    private var words = HashKeyMap<WordStats>()
    /// The most tokens any place name has.
    public private(set) var maxNameTokens = 0

    /// A gazetteer with no places.
    public init() {}

    public static let empty = Gazetteer()

    /// A gazetteer from the places table and the word table, each UTF-8 text, `#` lines ignored.
    public init(placesTable: [UInt8], wordTable: [UInt8] = []) {
        places.reserveCapacity(placesTable.count / 48)
        index = HashKeyMap(minimumCapacity: placesTable.count / 48)
        placesTable.withUnsafeBufferPointer { bytes in
            Self.forEachRow(bytes, fields: 7) { f in
                guard let kind = Kind(Substring(Self.string(bytes, f[1]))) else { return }
                let name = Self.string(bytes, f[0])
                let place = Place(
                    name: name, kind: kind, country: f[2].isEmpty ? nil : Self.string(bytes, f[2]),
                    latitude: Self.decimal(bytes, f[3]), longitude: Self.decimal(bytes, f[4]),
                    geonamesID: Self.integer(bytes, f[5]), population: Self.integer(bytes, f[6]) ?? 0)
                add(place, key: Self.key(bytes, f[0]))
            }
        }
        words = HashKeyMap(minimumCapacity: wordTable.count / 20)
        wordTable.withUnsafeBufferPointer { bytes in
            Self.forEachRow(bytes, fields: 8) { f in
                let c = (1...7).map { Int32(Self.integer(bytes, f[$0]) ?? 0) }
                guard let key = Self.key(bytes, f[0]) else { return }
                words[key.key] = WordStats(first: c[0], person: c[1], organization: c[2], location: c[3], other: c[4],
                                           capitalised: c[5], lower: c[6])
            }
        }
    }

    /// Adds `place` under its name.
    public mutating func add(_ place: Place) {
        add(place, key: nil)
    }

    private mutating func add(_ place: Place, key known: (key: UInt64, tokens: Int)?) {
        let (key, count) = known ?? NameKey.ofName(place.name)
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

    /// Calls `body` with the byte ranges of the first `fields` tab-separated fields of each
    /// non-comment line that has that many.
    private static func forEachRow(_ bytes: UnsafeBufferPointer<UInt8>, fields: Int, _ body: ([Range<Int>]) -> Void) {
        var start = 0
        let n = bytes.count
        var f: [Range<Int>] = []
        f.reserveCapacity(fields)
        while start < n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd > start && bytes[start] != 0x23 {
                f.removeAll(keepingCapacity: true)
                var s = start
                for i in start...lineEnd where i == lineEnd || bytes[i] == 0x09 {
                    f.append(s..<i)
                    s = i + 1
                    if f.count == fields { break }
                }
                if f.count == fields { body(f) }
            }
            start = end + 1
        }
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty else { return nil }
        var v = 0
        var negative = false
        for i in r {
            let c = bytes[i]
            if c == 0x2D && i == r.lowerBound { negative = true; continue }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v &* 10 &+ Int(c - 0x30)
        }
        return negative ? -v : v
    }

    /// `-12.3456`: the table's coordinates.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Double? {
        guard !r.isEmpty else { return nil }
        var whole = 0.0
        var fraction = 0.0
        var scale = 1.0
        var negative = false
        var afterPoint = false
        for i in r {
            let c = bytes[i]
            if c == 0x2D && i == r.lowerBound { negative = true; continue }
            if c == 0x2E && !afterPoint { afterPoint = true; continue }
            guard c >= 0x30 && c <= 0x39 else { return Double(string(bytes, r)) }
            if afterPoint {
                scale /= 10
                fraction += Double(c - 0x30) * scale
            } else {
                whole = whole * 10 + Double(c - 0x30)
            }
        }
        let v = whole + fraction
        return negative ? -v : v
    }

    /// The key of a name written in ASCII letters, single spaces and inner hyphens, straight from its
    /// bytes; other names go through the tokenizer (`NameKey.ofName`).
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (key: UInt64, tokens: Int)? {
        guard !r.isEmpty else { return nil }
        var h = NameKey.empty
        var tokens = 1
        var previous: UInt8 = 0x20
        for i in r {
            let c = bytes[i]
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if letter {
                h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x100_0000_01b3
            } else if c == 0x20 && previous != 0x20 && i + 1 < r.upperBound {
                h = (h ^ 0x20) &* 0x100_0000_01b3
                tokens += 1
            } else if c == 0x2D && previous != 0x20 && previous != 0x2D && i + 1 < r.upperBound
                        && (bytes[i + 1] | 0x20) >= 0x61 && (bytes[i + 1] | 0x20) <= 0x7A {
                h = (h ^ 0x2D) &* 0x100_0000_01b3
            } else {
                return NameKey.ofName(string(bytes, r))
            }
            previous = c
        }
        return (h, tokens)
    }
}

extension Gazetteer {
    /// Places of at most this many people are small towns (see `areSmallTowns`).
    static let smallTownPopulation = 100_000

    /// Whether every place of `entries` is a city of at most `smallTownPopulation` people: that a
    /// name-like word is such a town is weak evidence against another reading of it ("Obama", a
    /// town of 29,000 in Japan, is far more often the person in the news).
    func areSmallTowns(_ entries: [Int32]) -> Bool {
        !entries.isEmpty && entries.allSatisfy {
            let place = places[Int($0)]
            return place.kind == .city && place.population <= Self.smallTownPopulation
        }
    }
}
