// Temporary command line until the daemon lands: `newsd extract FILE...` prints one record per file.
import Extraction
import ExtractionData
import Foundation

let resources = try BundledResources.load()
let extractor = ArticleExtractor(resources: resources)
for path in CommandLine.arguments.dropFirst(2) {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let format = ArticleFormat(fileName: path) ?? .text
    let name = URL(fileURLWithPath: path).lastPathComponent
    switch extractor.extract(ArticleInput(bytes: Array(data), format: format, referenceDate: CivilDate(year: 2024, month: 5, day: 16))) {
    case .success(let a):
        let r = ArticleRecord(id: "", source: SourceInfo(path: path, inbox: "", name: name, bytes: data.count, modified: "", format: format, encoding: a.encoding), ingestedAt: "", processingMs: 0, article: a)
        print(String(decoding: r.jsonLine(), as: UTF8.self))
    case .failure(let f):
        FileHandle.standardError.write(Data("\(path): \(f.reason.rawValue): \(f.detail)\n".utf8))
    }
}
