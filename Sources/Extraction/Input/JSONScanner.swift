/// A JSON value, as far as an article reader needs one. Values nested deeper than
/// `JSONScanner.maxDepth` are dropped while parsing, so no tree is deep enough for recursion over
/// it (or its deallocation) to matter.
indirect enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The member `key` of an object (first match, keys compared without case).
    subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for m in members where m.key == key { return m.value }
        // Case-insensitive match over the first members only, so a huge object costs little.
        let lower = key.lowercased()
        for m in members.prefix(256) where m.key.utf8.count == key.utf8.count && m.key.lowercased() == lower {
            return m.value
        }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// An iterative, forgiving JSON parser: no recursion, containers deeper than `maxDepth` skipped
/// (still checked for syntax), and a truncated or broken document yields what was complete
/// before the damage, with a note.
struct JSONScanner {
    static let maxDepth = 64

    private let s: [Unicode.Scalar]
    private var i = 0

    /// The value in `text` and, when the text was damaged, a note saying where.
    static func parse(_ text: String) -> (value: JSONValue?, problem: String?) {
        var scanner = JSONScanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    private init(_ s: [Unicode.Scalar]) {
        self.s = s
    }

    private enum Frame {
        case array([JSONValue])
        case object([(key: String, value: JSONValue)], pendingKey: String?)
        /// A container nested too deeply: parsed for syntax, its content dropped.
        case skipped(isArray: Bool)
    }

    private mutating func run() -> (value: JSONValue?, problem: String?) {
        var stack: [Frame] = []
        var result: JSONValue?
        var problem: String?

        /// Hands a finished value to the enclosing container (or makes it the result).
        func deliver(_ v: JSONValue, _ stack: inout [Frame]) {
            guard let top = stack.popLast() else {
                result = v
                return
            }
            switch top {
            case .array(var a):
                a.append(v)
                stack.append(.array(a))
            case .object(var members, let key):
                if let key { members.append((key, v)) }
                stack.append(.object(members, pendingKey: nil))
            case .skipped:
                stack.append(top)
            }
        }

        /// Closes every open container (for a truncated document).
        func closeAll(_ stack: inout [Frame]) {
            while let top = stack.popLast() {
                switch top {
                case .array(let a): deliver(.array(a), &stack)
                case .object(let m, _): deliver(.object(m), &stack)
                case .skipped: deliver(.null, &stack)
                }
            }
        }

        var depth = 0
        loop: while true {
            skipSpace()
            guard i < s.count else {
                if !stack.isEmpty { problem = "JSON text ends inside a value: read what was complete" }
                break
            }
            let c = s[i]
            let expectingKey: Bool
            if case .object(_, nil)? = stack.last { expectingKey = true } else { expectingKey = false }
            switch c {
            case ",", ":":
                i += 1
                continue
            case "}", "]":
                i += 1
                guard let top = stack.popLast() else {
                    problem = "unexpected \(c) in JSON"
                    break loop
                }
                depth -= 1
                switch top {
                case .array(let a): deliver(.array(a), &stack)
                case .object(let m, _): deliver(.object(m), &stack)
                case .skipped: deliver(.null, &stack)
                }
            case "{", "[":
                i += 1
                depth += 1
                let skip: Bool
                if case .skipped? = stack.last { skip = true } else { skip = depth > JSONScanner.maxDepth }
                if skip {
                    stack.append(.skipped(isArray: c == "["))
                } else {
                    stack.append(c == "[" ? .array([]) : .object([], pendingKey: nil))
                }
            case "\"":
                let (str, closed) = scanString()
                guard closed else {
                    // A value cut short keeps the text before the cut; a key cut short is dropped.
                    problem = "JSON text ends inside a string: kept the text before the cut"
                    if !expectingKey { deliver(.string(str), &stack) }
                    break loop
                }
                if expectingKey, case .object(let m, nil)? = stack.last {
                    stack[stack.count - 1] = .object(m, pendingKey: str)
                } else {
                    deliver(.string(str), &stack)
                }
            default:
                guard let v = scanLiteral() else {
                    problem = "invalid JSON at code point \(i): read what came before"
                    break loop
                }
                deliver(v, &stack)
            }
            if result != nil && stack.isEmpty { break }
        }
        closeAll(&stack)
        return (result, problem)
    }

    private mutating func skipSpace() {
        while i < s.count {
            switch s[i] {
            case " ", "\n", "\r", "\t": i += 1
            default: return
            }
        }
    }

    /// The string starting at the opening quote, and whether its closing quote was found (when
    /// the text ends inside it, the string holds what came before the end).
    private mutating func scanString() -> (String, closed: Bool) {
        i += 1
        var out = String.UnicodeScalarView()
        while i < s.count {
            // A run without quote or backslash, converted at once.
            let start = i
            while i < s.count && s[i] != "\"" && s[i] != "\\" { i += 1 }
            if i > start {
                let run = String(scalars: s[start..<i])
                if out.isEmpty && i < s.count && s[i] == "\"" {
                    i += 1
                    return (run, true)
                }
                out.append(contentsOf: run.unicodeScalars)
                continue
            }
            let c = s[i]
            if c == "\"" {
                i += 1
                return (String(out), true)
            }
            if c == "\\" {
                guard i + 1 < s.count else {
                    i = s.count
                    return (String(out), false)
                }
                let e = s[i + 1]
                i += 2
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{8}")
                case "f": out.append("\u{C}")
                case "u":
                    guard var v = hex4() else { out.append("\u{FFFD}"); continue }
                    if (0xD800..<0xDC00).contains(v), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" {
                        i += 2
                        if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                default: out.append(e)
                }
                continue
            }
        }
        return (String(out), false)
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= s.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = s[i + k].value
            let d: UInt32
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: return nil
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }

    /// `true`, `false`, `null` or a number.
    private mutating func scanLiteral() -> JSONValue? {
        let start = i
        while i < s.count {
            let c = s[i]
            if c == "," || c == "]" || c == "}" || c == " " || c == "\n" || c == "\r" || c == "\t" || c == ":" { break }
            i += 1
            if i - start > 64 { return nil }
        }
        switch String(scalars: s[start..<i]) {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case let w:
            guard let d = Double(w) else { return nil }
            return .number(d)
        }
    }
}
