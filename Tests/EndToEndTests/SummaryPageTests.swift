import Foundation
import NewsdTestKit
import Testing

/// summary.html as a person sees it: escaped, self-contained, and rendering to something visible.
@Suite(.serialized) struct SummaryPageTests {
    @Test func theHTMLSummaryEscapesArticleTextAndRenders() throws {
        let dir = TemporaryFolder("html")
        dir.write("in/evil.txt", "<script>alert(1)</script>\nThe mayor of Berlin, Anna Schmidt, said the budget was approved on Tuesday.\n")
        for n in 0..<4 { dir.write("in/\(n).txt", ArticleCorpus.article(n)) }
        let run = try NewsdProcess.runToEnd(["run", "--inbox", dir.join("in"), "--output", dir.join("out"), "--once"])
        #expect(run.status == 0)
        let page = try String(contentsOfFile: dir.join("out/summary.html"), encoding: .utf8)
        #expect(!page.contains("<script"), "no script element from an article")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("src=\"http"), "no external assets")
        #expect(page.contains("<svg"))

        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            print("summary.html screenshot skipped: chromium is not installed (make test installs it)")
            return
        }
        let shot = dir.join("shot.png")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(shot)", "--window-size=1200,900",
                       "file://" + dir.join("out/summary.html")]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // A blank 1200×900 page compresses to a few kilobytes; text and charts make it far larger.
        #expect(png.count > 20_000, "the screenshot is not blank (\(png.count) bytes)")
    }
}
