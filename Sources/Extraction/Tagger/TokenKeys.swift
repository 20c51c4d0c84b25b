/// The hashed views of one token that the feature templates combine: its form, lowercase form,
/// word shapes, prefixes and suffixes, and its word clusters.
public struct TokenKeys: Sendable {
    public var form: UInt64 = 0
    public var lower: UInt64 = 0
    /// Runs of one character class collapsed: `Xx`, `X.X.`, `d-d`.
    public var shape: UInt64 = 0
    /// Runs capped at four: `Xxxx`, `XX`, `dd-dd`.
    public var longShape: UInt64 = 0
    /// Lowercase prefixes and suffixes of 1–4 code points (0 where the word is shorter).
    public var prefix: SIMD4<UInt64> = .zero
    public var suffix: SIMD4<UInt64> = .zero
    /// The form with its first letter kept and the rest lowercased, for looking up all-caps words.
    public var titleForm: UInt64 = 0
    /// Slots 0–2: cluster ids at the coarse, middle and fine levels, learnt from the training text
    /// (0: unknown word); slot 3: the word's dictionary code (how common it is in lower case, first
    /// or last name, place; 0: none); slots 4–7: its Brown cluster's path prefixes, short to long,
    /// learnt from far more text than the training set (0: no cluster).
    public var clusters: SIMD8<UInt16> = .zero
    /// The dictionary code (see `clusters`).
    @inlinable public var dictionary: UInt64 { UInt64(clusters[3]) }
    /// The Brown path prefix at `level` 0–3 (see `clusters`).
    @inlinable public func brown(_ level: Int) -> UInt64 { UInt64(clusters[4 + level]) }
    /// Document evidence for a capitalised token (see `DocumentEvidence`); 0 for other tokens.
    public var document: UInt8 = 0
    /// What the first pass tagged the document's other capitalised occurrences of this word with
    /// (see `PredictionHistory`); 0 in the first pass and for other tokens.
    public var history: UInt8 = 0
    /// The words around another occurrence of this capitalised word, hashed (see
    /// `DocumentEvidence.annotateElsewhere`); zero when it is written once.
    public var elsewhere: SIMD2<UInt64> = .zero
    public var isAllCaps = false
    public var isCapitalized = false
    public var letters: UInt16 = 0
    public var uppercase: UInt16 = 0

    /// Keys of no token (all zero), for filling buffers.
    public init() {}

    /// The keys of the token at `range` of `scalars`, with clusters from `table`.
    @inlinable
    public init(_ scalars: [Unicode.Scalar], _ range: Range<Int>, clusters table: WordClusterTable) {
        self.init(hashing: scalars, range)
        lookUpClusters(in: table)
    }

    /// The keys of every token of `doc`, with clusters from `table`.
    ///
    /// Every token is hashed first and the clusters are looked up after, in a loop of nothing
    /// else: a look-up mostly misses the cache (the table is megabytes), and in a tight loop the
    /// processor overlaps those misses where, interleaved with hashing, it waits for each one.
    @inlinable
    public static func of(_ doc: Document, clusters table: WordClusterTable) -> [TokenKeys] {
        var keys = doc.tokens.map { TokenKeys(hashing: doc.scalars, $0.range) }
        for i in keys.indices { keys[i].lookUpClusters(in: table) }
        return keys
    }

    /// Sets `clusters` from `table`: the form's entry, or for an all-capitals word its title form's.
    @inlinable @inline(__always)
    mutating func lookUpClusters(in table: WordClusterTable) {
        var found = table.lookup(form)
        if found == .zero && isAllCaps { found = table.lookup(titleForm) }
        clusters = found
    }

    /// The keys of the token at `range` of `scalars`, without clusters (see `lookUpClusters`).
    @inlinable
    init(hashing scalars: [Unicode.Scalar], _ range: Range<Int>) {
        var form = FeatureHash.seed, lower = FeatureHash.seed, title = FeatureHash.seed
        var shape = FeatureHash.seed, long = FeatureHash.seed
        var lastClass: UInt32 = .max
        var run = 0
        var n = 0
        var letters = 0, upper = 0
        for i in range {
            let c = scalars[i]
            let v = TextKey.normalized(c.value)
            let lv = TextKey.fold(c)
            form = FeatureHash.step(form, v)
            lower = FeatureHash.step(lower, lv)
            title = FeatureHash.step(title, n == 0 ? v : lv)
            if n < 4 { prefix[n] = FeatureHash.mix(lower) }
            let cls: UInt32
            if lv != v {
                cls = 88 // X
                upper += 1
                letters += 1
            } else if CharacterClass.isLetter(c) {
                cls = 120 // x
                letters += 1
            } else if CharacterClass.isDigit(c) {
                cls = 100 // d
            } else {
                cls = v
            }
            if cls != lastClass {
                shape = FeatureHash.step(shape, cls)
                long = FeatureHash.step(long, cls)
                lastClass = cls
                run = 1
            } else {
                run += 1
                if run <= 4 { long = FeatureHash.step(long, cls) }
            }
            n += 1
        }
        var h = FeatureHash.seed
        var k = 0
        var i = range.upperBound - 1
        while k < 4 && i >= range.lowerBound {
            h = FeatureHash.step(h, TextKey.fold(scalars[i]))
            suffix[k] = FeatureHash.mix(h)
            k += 1
            i -= 1
        }
        self.form = FeatureHash.mix(form)
        self.lower = FeatureHash.mix(lower)
        self.titleForm = FeatureHash.mix(title)
        self.shape = FeatureHash.mix(shape)
        self.longShape = FeatureHash.mix(long)
        self.letters = UInt16(clamping: letters)
        self.uppercase = UInt16(clamping: upper)
        self.isAllCaps = letters > 1 && upper == letters
        self.isCapitalized = n > 0 && upper > 0 && TextKey.lower(scalars[range.lowerBound]) != scalars[range.lowerBound].value
    }
}
