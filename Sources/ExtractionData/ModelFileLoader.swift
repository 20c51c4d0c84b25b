import Extraction
import Foundation

/// Loads the binary model files of the data folder: the entity tagger's (`entity-tagger.bin`,
/// made by scripts/train-tagger.sh) and the attribution model's (`attribution-model.bin`, made by
/// scripts/train-attribution.sh from PolNeAR's training split). One loader for both, so that both
/// are memory-mapped, optional and reported the same way when damaged.
public enum ModelFileLoader {
    /// The entity tagger's file name in the data folder.
    public static let taggerFileName = "entity-tagger.bin"
    /// The attribution model's file name in the data folder.
    public static let attributionFileName = "attribution-model.bin"

    /// The entity tagger in `dir`, or nil when the folder holds no tagger file.
    public static func tagger(from dir: URL) throws -> EntityTagger? {
        try load(taggerFileName, from: dir) { try EntityTagger(serialized: $0) }
    }

    /// The attribution model in `dir` reading the Brown clusters of `clusters` (the entity
    /// tagger's, which it was trained with), or nil when the folder holds no model file.
    public static func attributionModel(from dir: URL, clusters: WordClusterTable) throws -> AttributionModel? {
        var model = try load(attributionFileName, from: dir) { try AttributionModel(serialized: $0) }
        model?.clusters = clusters
        return model
    }

    /// The model that `decode` makes of file `fileName` in `dir`, or nil when there is no such file;
    /// a file `decode` refuses is an error naming its path.
    static func load<Model>(_ fileName: String, from dir: URL,
                            decode: (UnsafeRawBufferPointer) throws -> Model) throws -> Model? {
        let url = dir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        do {
            return try data.withUnsafeBytes(decode)
        } catch {
            throw BundledResources.LoadError(description: "\(url.path): \(error)")
        }
    }
}
