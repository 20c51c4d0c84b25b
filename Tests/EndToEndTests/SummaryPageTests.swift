import Foundation
import NewsdTestKit
import Testing

/// summary.html as a person sees it: escaped, self-contained, complete, and rendering to something
/// visible at a desktop and a phone width.
@Suite(.serialized) struct SummaryPageTests {
    /// Drains a small inbox (one hostile article, four ordinary ones, one wire copy) and returns the folder.
    private func drain() throws -> TemporaryFolder {
        let dir = TemporaryFolder("html")
        dir.write("in/evil.txt", "<script>alert(1)</script>\nThe mayor of Berlin, Anna Schmidt, said the budget was approved on Tuesday.\n")
        for n in 0..<4 { dir.write("in/\(n).txt", ArticleCorpus.article(n)) }
        dir.write("in/copy.txt", "UPDATE 1-Berlin budget\n" + ArticleCorpus.article(0) + "(Reporting by Jane Doe)\n")
        let run = try NewsdProcess.runToEnd(["run", "--inbox", dir.join("in"), "--output", dir.join("out"), "--once"])
        #expect(run.status == 0)
        return dir
    }

    @Test func theHTMLSummaryEscapesArticleTextAndShowsEveryList() throws {
        let dir = try drain()
        let page = try String(contentsOfFile: dir.join("out/summary.html"), encoding: .utf8)
        #expect(!page.contains("<script"), "no script element from an article")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("src=\"http"), "no external assets")
        for heading in ["Top stories", "Rising in the last", "People", "Organisations", "Places", "Keywords", "Latest headlines"] {
            #expect(page.contains(heading), "no \(heading)")
        }
        // The wire copy joined its original: the top story has two articles.
        #expect(page.contains("2 articles · 1 source"))
        // Every count of a bar sits in its own column, sized to its text: it cannot be cut off.
        let counts = page.components(separatedBy: "<span class=\"n\">").count - 1
        #expect(counts >= 5)
        #expect(!page.contains("<text"), "no count drawn inside an SVG of fixed width")
    }

    @Test(.needsExecutable("/usr/bin/chromium"), arguments: [(1280, 900), (390, 2400)])
    func theSummaryPageRendersAtDesktopAndPhoneWidths(width: Int, height: Int) throws {
        let dir = try drain()
        let shot = ProcessInfo.processInfo.environment["NEWSD_SCREENSHOT_DIR"].map { "\($0)/summary-\(width).png" } ?? dir.join("shot.png")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/chromium")
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(shot)",
                       "--window-size=\(width),\(height)", "file://" + dir.join("out/summary.html")]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        let pngWidth = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(pngWidth == width, "the screenshot is \(pngWidth) px wide")
        // A blank page compresses to a few kilobytes; text and bars make it far larger.
        #expect(png.count > 20_000, "the screenshot is not blank (\(png.count) bytes)")
    }
}
