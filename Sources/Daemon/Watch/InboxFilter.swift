#if canImport(Glibc)
import Glibc
#endif

/// Decides which file names in an inbox are articles to take.
///
/// Hidden and temporary names (`.*`, `*.tmp`, `*.part`, `*.swp`, `*~`, `*.crdownload`) are never
/// taken: scrapers and editors write those and rename them when done. Then a name must match one
/// `include` glob and no `exclude` glob.
public struct InboxFilter: Sendable {
    public var include: [String]
    public var exclude: [String]

    static let temporarySuffixes = [".tmp", ".part", ".swp", ".swx", "~", ".crdownload", ".partial", ".download"]

    /// A filter with the given globs (`fnmatch` syntax, matched against the file name).
    public init(include: [String], exclude: [String]) {
        self.include = include
        self.exclude = exclude
    }

    /// Whether the file called `name` is taken.
    public func accepts(_ name: String) -> Bool {
        if Self.isHiddenOrTemporary(name) { return false }
        guard include.contains(where: { Self.matches($0, name) }) else { return false }
        return !exclude.contains(where: { Self.matches($0, name) })
    }

    /// Whether `name` is hidden or a temporary file by its name alone.
    public static func isHiddenOrTemporary(_ name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        return temporarySuffixes.contains { lower.hasSuffix($0) }
    }

    /// GNU's FNM_CASEFOLD, which Glibc's module does not export.
    private static let fnmCaseFold: Int32 = 1 << 4

    /// Case-insensitive `fnmatch`: `*.TXT` is taken like `*.txt`.
    static func matches(_ glob: String, _ name: String) -> Bool {
        fnmatch(glob, name, fnmCaseFold) == 0
    }
}
