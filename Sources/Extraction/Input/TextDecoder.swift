/// Text decoded from a file's bytes, with the encoding found.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: TextEncoding
    public var warnings: [String]

    /// Decoded text.
    public init(text: String, encoding: TextEncoding, warnings: [String] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Decodes a file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else windows-1252 with a warning.
public enum TextDecoder {
    /// The decoded text without a leading byte-order mark, or a `binary` failure.
    public static func decode(_ bytes: [UInt8]) -> Result<DecodedText, ExtractionFailure> {
        // TODO(extraction-text): full detection; this is the plain UTF-8 path.
        if bytes.contains(0) {
            return .failure(ExtractionFailure(.binary, "the file holds NUL bytes"))
        }
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        return .success(DecodedText(text: String(decoding: b, as: UTF8.self), encoding: .utf8))
    }
}
