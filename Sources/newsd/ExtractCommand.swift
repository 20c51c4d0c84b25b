import ArgumentParser
import Daemon
import Extraction
import ExtractionData
import Foundation

/// `newsd extract`: records of files to stdout, one line each; no state touched, files left in place.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the record of each file to standard output, one JSON line each; files stay where they are.")

    @Flag(name: .long, help: "Leave the body text out of the records.")
    var noText = false

    @Argument(help: ArgumentHelp("Article files (.txt, .md, .html, .json).", valueName: "FILE"))
    var files: [String]

    func run() throws {
        let resources: ExtractorResources
        do {
            resources = try BundledResources.load()
        } catch {
            FileHandle.standardError.write(Data("newsd: cannot load the extraction data: \(error)\n".utf8))
            throw ExitCode(70)
        }
        let extractor = ArticleExtractor(resources: resources)
        var failures = 0
        let out = FileHandle.standardOutput
        var buffer: [UInt8] = []
        for file in files {
            switch StandaloneExtraction.recordLine(path: file, extractor: extractor, options: ExtractionOptions(includeText: !noText)) {
            case .success(let line):
                buffer.append(contentsOf: line)
                buffer.append(UInt8(ascii: "\n"))
                if buffer.count > 1 << 20 {
                    out.write(Data(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
            case .failure(let failure):
                failures += 1
                FileHandle.standardError.write(Data("newsd: \(file): \(failure.reason): \(failure.detail)\n".utf8))
            }
        }
        out.write(Data(buffer))
        if failures > 0 { throw ExitCode(1) }
    }
}
