import Foundation

/// Picks the sentences that best summarise an article.
///
/// Lead-aware TextRank: the candidates are the first `maxCandidates` whole sentences of body
/// paragraphs (headlines, headings, furniture and fragments are never candidates: a candidate has at
/// least six words, starts with a capital, digit or quotation mark, ends with `.`, `!`, `?` or a
/// closing quotation mark after one, and closes every quotation it opens). Sentences are linked by shared content words (TextRank's
/// overlap / (log |a| + log |b|)), and a PageRank whose teleport favours early sentences ranks them.
/// The best one to three, skipping near-repeats of one already chosen, are returned in article order.
/// Capping the candidates keeps the graph small whatever the article's length. Text that has lost
/// its sentence punctuation gets its first body sentence of ten words or more instead.
public enum Summarizer {
    /// Sentences considered; the graph is quadratic in this, the rest linear in the article.
    public static let maxCandidates = 60

    /// 1–3 sentences in article order.
    public static func summarize(_ doc: Document) -> [String] {
        let candidates = SummaryCandidates(doc, limit: maxCandidates)
        guard !candidates.sentences.isEmpty else {
            // Text without sentence punctuation (a scrape that lost it): the first long body sentence.
            let loose = SummaryCandidates(doc, limit: 1, requireEnding: false, minimumWords: 10)
            return loose.sentences.isEmpty ? [] : [loose.text(of: 0)]
        }
        let n = candidates.sentences.count
        let wanted = n < 4 ? 1 : (n < 8 ? 2 : 3)
        let ranks = rank(candidates)
        let order = (0..<n).sorted { ranks[$0] != ranks[$1] ? ranks[$0] > ranks[$1] : $0 < $1 }
        var chosen: [Int] = []
        for c in order where chosen.count < wanted {
            let redundant = chosen.contains { candidates.overlapRatio($0, c) > 0.6 }
            if !redundant { chosen.append(c) }
        }
        chosen.sort()
        return chosen.map { candidates.text(of: $0) }
    }

    /// PageRank over the similarity graph, teleporting to early sentences more often.
    static func rank(_ c: SummaryCandidates) -> [Double] {
        let n = c.sentences.count
        // Adjacency lists of (neighbour, weight); `outSum` is each node's total edge weight.
        var neighbours = [[(Int, Double)]](repeating: [], count: n)
        var outSum = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let w = c.similarity(i, j)
                guard w > 0 else { continue }
                neighbours[i].append((j, w))
                neighbours[j].append((i, w))
                outSum[i] += w
                outSum[j] += w
            }
        }
        // Lead bias: teleport probability falls with position (1, 1/2, 1/3, …, normalised).
        var teleport = (0..<n).map { 1 / Double($0 + 1) }
        let total = teleport.reduce(0, +)
        for i in 0..<n { teleport[i] /= total }
        let damping = 0.8
        var rank = teleport
        var next = [Double](repeating: 0, count: n)
        for _ in 0..<30 {
            var dangling = 0.0
            for j in 0..<n where outSum[j] == 0 { dangling += rank[j] }
            for i in 0..<n {
                var sum = 0.0
                for (j, w) in neighbours[i] { sum += w / outSum[j] * rank[j] }
                next[i] = (1 - damping) * teleport[i] + damping * (sum + dangling * teleport[i])
            }
            var change = 0.0
            for i in 0..<n { change += abs(next[i] - rank[i]) }
            swap(&rank, &next)
            if change < 1e-7 { break }
        }
        // A sentence that opens with a quotation is rarely a summary.
        for i in 0..<n where c.opensWithQuote[i] { rank[i] *= 0.7 }
        return rank
    }
}

/// The sentences a summary may use, with their content words.
struct SummaryCandidates {
    let doc: Document
    /// Indexes into `doc.sentences`.
    var sentences: [Int] = []
    /// Sorted distinct content-word ids per candidate.
    var words: [[Int32]] = []
    var opensWithQuote: [Bool] = []

    /// Whether a candidate must end with sentence punctuation.
    let requireEnding: Bool
    let minimumWords: Int

    init(_ doc: Document, limit: Int, requireEnding: Bool = true, minimumWords: Int = 6) {
        self.doc = doc
        self.requireEnding = requireEnding
        self.minimumWords = minimumWords
        var wordIDs = HashKeyMap<Int32>()
        for (s, sentence) in doc.sentences.enumerated() {
            if sentences.count >= limit { break }
            guard isWholeSentence(sentence) else { continue }
            var ids: [Int32] = []
            for t in sentence.tokens {
                guard let h = ContentWords.contentHash(doc.tokens[t], doc.scalars) else { continue }
                let id: Int32
                if let known = wordIDs[h] {
                    id = known
                } else {
                    id = Int32(wordIDs.count)
                    wordIDs[h] = id
                }
                ids.append(id)
            }
            ids.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(ids.count)
            for id in ids where unique.last != id { unique.append(id) }
            sentences.append(s)
            words.append(unique)
            opensWithQuote.append(CharacterClass.isQuoteMark(doc.scalars[sentence.range.lowerBound]))
        }
    }

    /// Whether sentence `s` is a whole sentence of a body paragraph.
    private func isWholeSentence(_ s: Sentence) -> Bool {
        guard s.block < doc.layout.blocks.count, doc.layout.blocks[s.block].kind == .paragraph else { return false }
        var words = 0
        for t in s.tokens where doc.tokens[t].kind == .word || doc.tokens[t].kind == .number { words += 1 }
        guard words >= minimumWords, words <= 120 else { return false }
        let start = contentStart(s)
        guard start < s.range.upperBound else { return false }
        let first = doc.scalars[start]
        guard CharacterClass.isUppercase(first) || CharacterClass.isDigit(first) || CharacterClass.isQuoteMark(first) else {
            return false
        }
        // Ends with a full stop, question or exclamation mark, possibly inside closing quotes/brackets.
        var e = s.range.upperBound - 1
        while e > s.range.lowerBound, CharacterClass.isQuoteMark(doc.scalars[e]) || doc.scalars[e] == ")" {
            e -= 1
        }
        let last = doc.scalars[e]
        guard last == "." || last == "!" || last == "?" || !requireEnding else { return false }
        return hasBalancedQuotes(start..<s.range.upperBound)
    }

    /// Whether every quotation opened in `range` is closed there, and none is closed that was not
    /// opened: a sentence cut out of a longer quotation is a fragment.
    private func hasBalancedQuotes(_ range: Range<Int>) -> Bool {
        var depth = 0
        var straight = 0
        for i in range {
            switch doc.scalars[i] {
            case "\u{201C}":
                depth += 1
            case "\u{201D}":
                depth -= 1
                if depth < 0 { return false }
            case "\"":
                straight += 1
            default:
                break
            }
        }
        return depth == 0 && straight % 2 == 0
    }

    /// Where the sentence's own words start: after a dateline (`WASHINGTON (AFP) –`) it overlaps.
    private func contentStart(_ s: Sentence) -> Int {
        guard let d = doc.layout.datelineRange, d.lowerBound <= s.range.lowerBound, d.upperBound > s.range.lowerBound,
              d.upperBound < s.range.upperBound else { return s.range.lowerBound }
        var i = d.upperBound
        while i < s.range.upperBound, CharacterClass.isSpace(doc.scalars[i]) { i += 1 }
        return i
    }

    /// Shared words over (log |a| + log |b|), as in TextRank.
    func similarity(_ a: Int, _ b: Int) -> Double {
        let x = words[a], y = words[b]
        guard x.count > 1, y.count > 1 else { return 0 }
        let shared = SummaryCandidates.sharedCount(x, y)
        guard shared > 0 else { return 0 }
        return Double(shared) / (log(Double(x.count)) + log(Double(y.count)))
    }

    /// Shared words over the smaller sentence's words.
    func overlapRatio(_ a: Int, _ b: Int) -> Double {
        let x = words[a], y = words[b]
        let smaller = min(x.count, y.count)
        guard smaller > 0 else { return 0 }
        return Double(SummaryCandidates.sharedCount(x, y)) / Double(smaller)
    }

    static func sharedCount(_ x: [Int32], _ y: [Int32]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The text of candidate `c`, without a leading dateline.
    func text(of c: Int) -> String {
        let s = doc.sentences[sentences[c]]
        return doc.slice(contentStart(s)..<s.range.upperBound)
    }
}
