import Extraction
import Foundation

/// Loads the entity tagger's model file (`entity-tagger.bin`, made by `scripts/train-tagger.sh`).
public enum TaggerModelLoader {
    /// The model file's name in the data folder.
    public static let fileName = "entity-tagger.bin"

    /// The tagger in `dir`, or nil when the folder holds no model file.
    public static func load(from dir: URL) throws -> EntityTagger? {
        let url = dir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        do {
            return try data.withUnsafeBytes { try EntityTagger(serialized: $0) }
        } catch {
            throw BundledResources.LoadError(description: "\(url.path): \(error)")
        }
    }
}
