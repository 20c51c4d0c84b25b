import Extraction
import Foundation

/// Loads the extractor's resources from the data folder, once per process.
public enum BundledResources {
    /// Why the data files could not be loaded.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The resources from `ResourceLocator.dataDirectory()`.
    public static func load() throws -> ExtractorResources {
        guard let dir = ResourceLocator.dataDirectory() else {
            let looked = ResourceLocator.candidates().map(\.path).joined(separator: ", ")
            throw LoadError(description: "extraction data files not found; looked in: \(looked) (set NEWSD_DATA_DIR)")
        }
        return try load(from: dir)
    }

    /// The resources in `dir`.
    public static func load(from dir: URL) throws -> ExtractorResources {
        let gazetteer = try GazetteerLoader.load(from: dir)
        let toneLexicon = try ToneLexiconLoader.load(from: dir)
        let tagger = try ModelFileLoader.tagger(from: dir)
        var resources = ExtractorResources(gazetteer: gazetteer, toneLexicon: toneLexicon, tagger: tagger)
        resources.attributionCues = try AttributionCuesLoader.load(from: dir)
        resources.attributionModel = try ModelFileLoader.attributionModel(from: dir,
                                                                      clusters: tagger?.model?.clusters ?? WordClusterTable())
        return resources
    }

    /// The process-wide resources, loaded on first use; tests and commands share one copy.
    public static let shared: Result<ExtractorResources, any Error> = Result { try load() }
}
