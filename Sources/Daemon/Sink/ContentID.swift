import Crypto

/// The SHA-256 of a file's bytes: the record `id`, and the ledger's key.
struct ContentID: Hashable, Sendable {
    // Four words instead of a 64-character string: a ledger of 100,000 ids stays small.
    let a: UInt64, b: UInt64, c: UInt64, d: UInt64

    init<D: Sequence>(digest bytes: D) where D.Element == UInt8 {
        var words = [UInt64](repeating: 0, count: 4)
        for (i, byte) in bytes.enumerated() where i < 32 {
            words[i / 8] = words[i / 8] << 8 | UInt64(byte)
        }
        (a, b, c, d) = (words[0], words[1], words[2], words[3])
    }

    /// The SHA-256 of `bytes`.
    init(hashing bytes: [UInt8]) {
        self.init(digest: SHA256.hash(data: bytes))
    }

    /// Parses 64 lowercase or uppercase hex digits.
    init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var i = 0
        while i < 64 {
            guard let hi = Self.nibble(utf8[i]), let lo = Self.nibble(utf8[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
            i += 2
        }
        self.init(digest: bytes)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    /// Lowercase hex, as in records.
    var hex: String {
        [a, b, c, d].map { word in
            let s = String(word, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }.joined()
    }
}
