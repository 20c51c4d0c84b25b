import Extraction
import Foundation

/// Reads the tone lexicon (`tone-lexicon.tsv`: `word<TAB>valence` lines, `#` comments) made by
/// `scripts/gen-tone-lexicon.py` from VADER's lexicon.
public enum ToneLexiconLoader {
    /// The file name inside the data folder.
    public static let fileName = "tone-lexicon.tsv"

    /// The lexicon in `dir`.
    public static func load(from dir: URL) throws -> ToneLexicon {
        let url = dir.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BundledResources.LoadError(description: "cannot read the tone lexicon at \(url.path)")
        }
        return try parse(Array(data))
    }

    /// The lexicon in `text`; a malformed line is an error naming its line number.
    public static func parse(_ text: String) throws -> ToneLexicon {
        try parse(Array(text.utf8))
    }

    /// The lexicon in the UTF-8 bytes `bytes`, read line by line without a string per line.
    public static func parse(_ bytes: [UInt8]) throws -> ToneLexicon {
        var valences: [String: Float] = [:]
        valences.reserveCapacity(8192)
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            lineNumber += 1
            guard end > start, bytes[start] != 0x23 else { continue }
            let line = bytes[start..<end]
            guard let tab = line.firstIndex(of: 0x09), tab > start,
                  !line[(tab + 1)...].contains(0x09),
                  let valence = Float(String(decoding: line[(tab + 1)...], as: UTF8.self)) else {
                throw BundledResources.LoadError(description: "\(fileName) line \(lineNumber): expected word<TAB>valence")
            }
            valences[String(decoding: line[..<tab], as: UTF8.self)] = valence
        }
        return ToneLexicon(valences: valences)
    }
}
