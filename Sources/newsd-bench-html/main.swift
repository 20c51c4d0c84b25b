import Extraction
import Foundation

// newsd-bench-html PAGE...: the HTML reader alone — bytes to article text and metadata, as
// `newsd extract` reads a page before the language stages — on this thread, over every page, three
// passes; prints the fastest pass as one JSON line (megabytes of pages per CPU second). The pages are
// read from disk before the clock starts. Build with -c release before reading the figure
// (`make bench` runs it beside `newsd extract`).

/// CPU seconds this thread has used.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let paths = CommandLine.arguments.dropFirst()
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: newsd-bench-html PAGE...\n".utf8))
    exit(2)
}
var pages: [[UInt8]] = []
for path in paths {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("newsd-bench-html: cannot read \(path)\n".utf8))
        exit(1)
    }
    pages.append([UInt8](data))
}
let bytes = pages.reduce(0) { $0 + $1.count }
var best = Double.infinity
var bodyScalars = 0
var failed = 0
for _ in 0..<3 {
    bodyScalars = 0
    failed = 0
    let start = threadCPUSeconds()
    for page in pages {
        switch ArticleReader.readPage(bytes: page) {
        case .success(let article): bodyScalars += article.body.unicodeScalars.count
        case .failure: failed += 1
        }
    }
    best = min(best, threadCPUSeconds() - start)
}
let megabytes = Double(bytes) / 1e6
print(#"{"files": \#(pages.count), "megabytes": \#(String(format: "%.1f", megabytes)), "cpu_s": \#(String(format: "%.3f", best)), "#
    + #""megabytes_per_s": \#(String(format: "%.1f", megabytes / best)), "body_code_points": \#(bodyScalars), "not_read": \#(failed)}"#)
