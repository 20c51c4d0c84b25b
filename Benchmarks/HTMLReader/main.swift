// Throughput of the HTML reader (bytes to article text and metadata, before the language stages)
// over a folder of pages, on one core. Built with the Extraction sources in one optimised module
// (see run.sh); prints figures, asserts nothing.
import Foundation

let folder = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".build/html-eval/pages"
// A second argument sets the number of passes (1 for a run under callgrind).
let passes = CommandLine.arguments.count > 2 ? max(1, Int(CommandLine.arguments[2]) ?? 3) : 3
var pages: [[UInt8]] = []
if let walker = FileManager.default.enumerator(atPath: folder) {
    for case let path as String in walker where path.hasSuffix(".html") {
        if let data = FileManager.default.contents(atPath: folder + "/" + path) { pages.append([UInt8](data)) }
    }
}
let bytes = pages.reduce(0) { $0 + $1.count }
var best = Double.infinity
var scalars = 0
for _ in 0..<passes {
    scalars = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for page in pages {
        if case .success(let r) = HTMLReader.read(bytes: page, reference: nil) { scalars += r.article.body.unicodeScalars.count }
    }
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
print(String(format: "%d pages, %.1f MB in %.3f s (best of %d): %.1f MB/s, %.0f pages/s; %d code points of body text",
             pages.count, Double(bytes) / 1e6, best, passes, Double(bytes) / 1e6 / best, Double(pages.count) / best, scalars))
