import Extraction
import Foundation

/// Loads the attribution model (`attribution-model.bin`, made by scripts/train-attribution.sh
/// from PolNeAR's training split).
public enum AttributionModelLoader {
    /// The model file's name in the data folder.
    public static let fileName = "attribution-model.bin"

    /// The model in `dir`, or nil when the folder holds no model file.
    public static func load(from dir: URL) throws -> AttributionModel? {
        let url = dir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        do {
            return try data.withUnsafeBytes { try AttributionModel(serialized: $0) }
        } catch {
            throw BundledResources.LoadError(description: "\(url.path): \(error)")
        }
    }
}
