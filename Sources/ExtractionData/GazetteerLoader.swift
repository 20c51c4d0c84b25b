import Extraction
import Foundation

/// Reads the gazetteer's two tables (`gazetteer.tsv`, `name-lexicon.tsv`) from the data folder.
public enum GazetteerLoader {
    public static let placesFile = "gazetteer.tsv"
    public static let wordsFile = "name-lexicon.tsv"

    /// The gazetteer in `dir`; a missing word table gives a gazetteer without word statistics.
    public static func load(from dir: URL) throws -> Gazetteer {
        let placesURL = dir.appendingPathComponent(placesFile)
        guard let places = FileManager.default.contents(atPath: placesURL.path) else {
            throw BundledResources.LoadError(description: "cannot read \(placesURL.path)")
        }
        let words = FileManager.default.contents(atPath: dir.appendingPathComponent(wordsFile).path) ?? Data()
        return Gazetteer(placesTable: Array(places), wordTable: Array(words))
    }
}
