import Extraction
import Foundation

/// Turns an input's bytes into its record: extraction plus the facts about the file.
struct RecordMaker: Sendable {
    let extractor: ArticleExtractor
    let options: ExtractionOptions

    func record(bytes: [UInt8], id: ContentID, path: String, inbox: String, info: SystemCalls.FileInfo) -> Result<ArticleRecord, InputFailure> {
        let name = (path as NSString).lastPathComponent
        let format = ArticleFormat(fileName: name) ?? .text
        let started = SystemCalls.monotonic()
        let result = extractor.extract(ArticleInput(bytes: bytes, format: format, referenceDate: CivilDate(unixTime: info.modified), options: options))
        let elapsed = (SystemCalls.monotonic() - started) * 1000
        switch result {
        case .failure(let failure):
            return .failure(.init(reason: InputFailure.Reason(failure.reason), detail: failure.detail, id: id))
        case .success(let article):
            let source = SourceInfo(path: path, inbox: inbox, name: name, bytes: bytes.count,
                                    modified: Timestamp.rfc3339(info.modified), format: format, encoding: article.encoding)
            return .success(ArticleRecord(id: id.hex, source: source, ingestedAt: Timestamp.rfc3339(SystemCalls.now()),
                                          processingMs: elapsed, article: article))
        }
    }
}
