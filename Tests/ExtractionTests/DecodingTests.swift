@testable import Extraction
import Testing

@Suite struct DecodingTests {
    private func decoded(_ bytes: [UInt8]) throws -> DecodedText {
        try TextDecoder.decode(bytes).get()
    }

    @Test func utf8WithoutAndWithBOM() throws {
        let plain = try decoded(Array("Kyiv’s café".utf8))
        #expect(plain.text == "Kyiv’s café")
        #expect(plain.encoding == .utf8)
        #expect(plain.warnings.isEmpty)
        let bom = try decoded([0xEF, 0xBB, 0xBF] + Array("Hi\r\nthere".utf8))
        #expect(bom.text == "Hi\r\nthere", "only the BOM goes; CRLF stays for offsets")
        #expect(bom.text.unicodeScalars.first == "H")
    }

    @Test func utf16WithBOM() throws {
        let text = "Zelenskyy said “peace” – 💬"
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        let l = try decoded(le)
        #expect(l.text == text)
        #expect(l.encoding == .utf16LE)
        let b = try decoded(be)
        #expect(b.text == text)
        #expect(b.encoding == .utf16BE)
    }

    @Test func latin1TextIsWindows1252WithWarning() throws {
        // "Café “quoted” — naïve" in windows-1252.
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20, 0x97, 0x20, 0x6E, 0x61, 0xEF, 0x76, 0x65]
        let d = try decoded(bytes)
        #expect(d.text == "Café “quoted” — naïve")
        #expect(d.encoding == .windows1252)
        #expect(d.warnings == ["encoding guessed: windows-1252"])
    }

    @Test func invalidUTF8WithoutMultibyteTextIsWindows1252() throws {
        let d = try decoded(Array("Price: ".utf8) + [0x80] + Array("5 million".utf8))
        #expect(d.encoding == .windows1252)
        #expect(d.text == "Price: €5 million")
    }

    @Test func truncatedUTF8StaysUTF8() throws {
        let text = String(repeating: "Müller sagte: „Ja“. ", count: 5)
        var bytes = Array(text.utf8)
        bytes += [0xE2, 0x80] // a cut-off three-byte sequence
        let d = try decoded(bytes)
        #expect(d.encoding == .utf8)
        #expect(d.text.hasPrefix(text))
        #expect(!d.warnings.isEmpty)
    }

    @Test func nulBytesAreBinary() {
        let r = TextDecoder.decode(Array("abc".utf8) + [0] + Array("def".utf8))
        #expect(throws: ExtractionFailure.self) { try r.get() }
        if case .failure(let f) = r { #expect(f.reason == .binary) }
    }

    @Test func elfHeaderIsBinary() {
        var elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
        elf += [UInt8](repeating: 0, count: 8) + [0x02, 0x00, 0x3E, 0x00, 0x01, 0x00, 0x00, 0x00]
        if case .failure(let f) = TextDecoder.decode(elf) { #expect(f.reason == .binary) } else { Issue.record("ELF decoded as text") }
    }

    @Test func controlBytesWithoutNULAreBinary() {
        var rng = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: rng.next() % 255 + 1) }
        if case .failure(let f) = TextDecoder.decode(bytes) { #expect(f.reason == .binary) } else { Issue.record("random bytes decoded as text") }
        let controls = [UInt8](repeating: 0x01, count: 100) + Array("some text".utf8)
        if case .failure(let f) = TextDecoder.decode(controls) { #expect(f.reason == .binary) } else { Issue.record("control bytes decoded as text") }
    }

    @Test func aStrayControlByteIsStillText() throws {
        let d = try decoded(Array("A long enough line of ordinary news text,\u{1} with one stray control byte in it.".utf8))
        #expect(d.encoding == .utf8)
    }

    @Test func emptyInputIsAnEmptyFailureInThePipeline() {
        let r = TextStages.extract([0xEF, 0xBB, 0xBF, 0x20, 0x0A], format: .text)
        if case .failure(let f) = r { #expect(f.reason == .empty) } else { Issue.record("whitespace gave a record") }
    }
}

/// The deterministic generator for test inputs.
typealias TextStagesRandom = SplitMix64
