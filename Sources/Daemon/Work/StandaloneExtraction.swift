import Extraction
import Foundation

/// `newsd extract`: one file in, its record line out, nothing else touched.
public enum StandaloneExtraction {
    /// The record line for the file at `path`, or a message saying why there is none.
    public static func recordLine(path: String, extractor: ArticleExtractor, options: ExtractionOptions = .init(),
                                  maxBytes: Int = DaemonConfig().maxFileBytes) -> Result<[UInt8], StandaloneFailure> {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        switch InputReader.read(absolute, maxBytes: maxBytes) {
        case .failure(let f):
            return .failure(StandaloneFailure(reason: f.reason.rawValue, detail: f.detail))
        case .success(let input):
            let id = ContentID(hashing: input.bytes)
            if input.bytes.isEmpty { return .failure(StandaloneFailure(reason: "empty", detail: "the file is empty")) }
            let maker = RecordMaker(extractor: extractor, options: options)
            switch maker.record(bytes: input.bytes, id: id, path: absolute, inbox: "", info: input.info) {
            case .success(let record): return .success(record.jsonLine())
            case .failure(let f): return .failure(StandaloneFailure(reason: f.reason.rawValue, detail: f.detail))
            }
        }
    }
}
