// What serialising a record costs next to extracting it: the sink serialises every record on its
// one queue (JSONLinesOutput), the workers extract in parallel. Built with the Extraction and
// ExtractionData sources in one optimised module (see run.sh); prints figures, asserts nothing.
import Foundation

let arguments = CommandLine.arguments
let folder = arguments.count > 1 ? arguments[1] : "../shared/data/polnear/dev/text"
let resources = try BundledResources.load()
let extractor = ArticleExtractor(resources: resources)
let reference = CivilDate(year: 2024, month: 5, day: 16)
let names = (try FileManager.default.contentsOfDirectory(atPath: folder)).sorted()

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

var extractSeconds = 0.0
var serialiseSeconds = 0.0
var bytesOut = 0
var records = 0
for name in names {
    guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
    let t0 = now()
    guard case .success(let article) = extractor.extract(ArticleInput(bytes: Array(data), format: .text, referenceDate: reference)) else { continue }
    let t1 = now()
    let source = SourceInfo(path: folder + "/" + name, inbox: "main", name: name, bytes: data.count,
                            modified: "2024-05-16T08:30:00.000Z", format: .text, encoding: article.encoding)
    let record = ArticleRecord(id: String(repeating: "0", count: 64), source: source, ingestedAt: "2024-05-16T08:30:00.000Z",
                               processingMs: (t1 - t0) * 1000, article: article)
    let t2 = now()
    let line = record.jsonLine()
    serialiseSeconds += now() - t2
    extractSeconds += t1 - t0
    bytesOut += line.count + 1
    records += 1
}
print(String(format: "%d records: extraction %.1f ms/record, serialisation %.3f ms/record (%.2f%% of extraction), %.0f bytes/record",
             records, extractSeconds * 1000 / Double(records), serialiseSeconds * 1000 / Double(records),
             100 * serialiseSeconds / extractSeconds, Double(bytesOut) / Double(records)))
print(String(format: "one sink queue serialises up to %.0f records/s", Double(records) / serialiseSeconds))
