import Extraction
import ExtractionData
import Foundation

/// Where the shared development data lives (`../shared/data` from the package root), if present.
public enum SharedData {
    /// The package root, found from this source file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data`, or `$NEWSD_SHARED_DATA`; nil when absent (tests that need it skip).
    public static var directory: URL? {
        let env = ProcessInfo.processInfo.environment["NEWSD_SHARED_DATA"]
        let url = env.map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The sample article's bytes, or nil when the shared data is absent.
    public static func sampleArticle() -> [UInt8]? {
        guard let dir = directory,
              let data = FileManager.default.contents(atPath: dir.appendingPathComponent("seed/beijing-summit.txt").path)
        else { return nil }
        return Array(data)
    }

    /// Why a test that needs the shared data is skipped (the `.needsSharedData` trait).
    public static let absentMessage = "../shared/data is absent: skipped (set NEWSD_SHARED_DATA to run it)"
}

/// An extractor over the bundled resources, loaded once for all tests.
public enum TestExtractor {
    public static let shared: ArticleExtractor = {
        switch BundledResources.shared {
        case .success(let r): return ArticleExtractor(resources: r)
        case .failure(let e): fatalError("cannot load extraction data: \(e)")
        }
    }()

    /// Extracts plain `text` with a fixed reference date (2024-05-16) unless one is given.
    public static func extract(_ text: String, format: ArticleFormat = .text,
                               reference: CivilDate = CivilDate(year: 2024, month: 5, day: 16)) -> ExtractedArticle? {
        try? shared.extract(ArticleInput(bytes: Array(text.utf8), format: format, referenceDate: reference)).get()
    }
}
