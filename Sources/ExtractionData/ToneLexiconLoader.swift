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
        return try parse(String(decoding: data, as: UTF8.self))
    }

    /// The lexicon in `text`; a malformed line is an error naming its line number.
    public static func parse(_ text: String) throws -> ToneLexicon {
        var valences: [String: Float] = [:]
        valences.reserveCapacity(8192)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let valence = Float(fields[1]) else {
                throw BundledResources.LoadError(description: "\(fileName) line \(lineNumber): expected word<TAB>valence")
            }
            valences[String(fields[0])] = valence
        }
        return ToneLexicon(valences: valences)
    }
}
