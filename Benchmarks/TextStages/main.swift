// Scaling benchmark for the text stages (decoding, readers, layout, tokens, sentences, language)
// on hostile inputs, and throughput on the PolNeAR corpus. Built with the Extraction sources in one
// optimised module (see run.sh); prints figures, asserts nothing.
import Foundation

let extractor = ArticleExtractor(resources: ExtractorResources(gazetteer: .empty, toneLexicon: .empty))
let reference = CivilDate(year: 2024, month: 5, day: 16)

func time(_ label: String, _ format: ArticleFormat, _ make: (Int) -> [UInt8], sizes: [Int]) {
    for n in sizes {
        let bytes = make(n)
        let start = DispatchTime.now().uptimeNanoseconds
        let r = extractor.extract(ArticleInput(bytes: bytes, format: format, referenceDate: reference))
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let outcome: String
        switch r {
        case .success(let a): outcome = "record, \(a.stats.words) words"
        case .failure(let f): outcome = "error \(f.reason.rawValue)"
        }
        print(String(format: "%-44@ n=%8d %9d bytes %10.1f ms  %@", label as NSString, n, bytes.count, ms, outcome as NSString))
    }
}

/// SplitMix64: deterministic bytes for the random inputs.
struct Mix {
    var state: UInt64 = 42
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let scales = [1, 2, 4]
time("random bytes", .html, { n in
    var rng = Mix()
    return (0..<(n * 250_000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
}, sizes: scales)
time("random punctuation and letters", .html, { n in
    let chars = Array(" \n.,;:!?\"'()[]<>&#*_-`~{}/\\abcdefXYZ0123456789".utf8)
    var rng = Mix()
    return (0..<(n * 250_000)).map { _ in chars[Int(rng.next() % UInt64(chars.count))] }
}, sizes: scales)
time("letters without a space (text)", .text, { n in [UInt8](repeating: 97, count: n * 750_000) }, sizes: scales)
time("letters without a space (markdown)", .markdown, { n in [UInt8](repeating: 97, count: n * 750_000) }, sizes: scales)
time("unmatched quote marks", .text, { n in Array(("He said " + String(repeating: "“word ", count: n * 5_000)).utf8) }, sizes: scales)
time("straight quotes and full stops", .text, { n in Array(String(repeating: "\"a. ", count: n * 5_000).utf8) }, sizes: scales)
time("nested <div>s", .html, { n in
    Array(("<article>" + String(repeating: "<div>", count: n * 50_000) + "<p>Deep text.</p>" + String(repeating: "</div>", count: n * 50_000)).utf8)
}, sizes: scales)
time("unclosed <div><span><p>x", .html, { n in Array(String(repeating: "<div><span><p>x", count: n * 50_000).utf8) }, sizes: scales)
time("<div>s then unmatched </span>s", .html, { n in
    Array((String(repeating: "<div>", count: n * 50_000) + String(repeating: "</span>", count: n * 50_000)).utf8)
}, sizes: scales)
time("nested JSON arrays", .json, { n in Array((String(repeating: "[", count: n * 25_000) + String(repeating: "]", count: n * 25_000)).utf8) }, sizes: scales)
time("nested JSON objects, truncated", .json, { n in Array(String(repeating: "{\"a\":", count: n * 25_000).utf8) }, sizes: scales)
time("markdown brackets", .markdown, { n in Array(String(repeating: "[a](", count: n * 75_000).utf8) }, sizes: scales)
time("plain article text", .text, { n in
    Array(String(repeating: "WASHINGTON (AP) — Mr. Putin met Xi in Beijing on Thursday. “We agree,” he said.\nBoth leaders talked\n", count: n * 2_000).utf8)
}, sizes: scales)

// Throughput of the whole pipeline (other stages as they stand) on the PolNeAR corpus.
if CommandLine.arguments.count > 1 {
    let dir = CommandLine.arguments[1]
    var inputs: [[UInt8]] = []
    for split in ["train", "dev"] {
        let folder = "\(dir)/polnear/\(split)/text"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] where name.hasSuffix(".txt") {
            if let d = FileManager.default.contents(atPath: "\(folder)/\(name)") { inputs.append(Array(d)) }
        }
    }
    var words = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<3 {
        for b in inputs {
            if case .success(let a) = extractor.extract(ArticleInput(bytes: b, format: .text, referenceDate: reference)) {
                words += a.stats.words
            }
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "PolNeAR: %d articles x3, %d words in %.2f s = %.0f words/s", inputs.count, words, seconds, Double(words) / seconds))
}
