import Extraction
import Foundation

/// Reads the attribution cue lexicon (`attribution-cues.tsv`: a header line, then
/// `word<TAB>cue<TAB>seen<TAB>after<TAB>noun` lines, `#` comments) made by
/// `scripts/gen-attribution-cues.py` from PolNeAR's gold cues.
public enum AttributionCuesLoader {
    /// The file name inside the data folder.
    public static let fileName = "attribution-cues.tsv"

    /// The cues in `dir`, or none when the folder holds no cue file.
    public static func load(from dir: URL) throws -> AttributionCues {
        let url = dir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return .none }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BundledResources.LoadError(description: "cannot read the attribution cues at \(url.path)")
        }
        return try parse(String(decoding: data, as: UTF8.self))
    }

    /// The cues in `text`; a malformed line is an error naming its line number.
    public static func parse(_ text: String) throws -> AttributionCues {
        var entries: [AttributionCues.Entry] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("word\t") else { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 5, let cues = Int(f[1]), let seen = Int(f[2]), let after = Double(f[3]),
                  let noun = Double(f[4]) else {
                throw BundledResources.LoadError(description: "\(fileName) line \(n + 1): expected word<TAB>cue<TAB>seen<TAB>after<TAB>noun")
            }
            entries.append(AttributionCues.Entry(word: String(f[0]), cues: cues, seen: seen, after: after, noun: noun))
        }
        return AttributionCues(entries)
    }
}
