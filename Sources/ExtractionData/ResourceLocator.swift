import Foundation

/// Finds the folder of extraction data files for this process.
///
/// Looked for in order: `$NEWSD_DATA_DIR`; the SwiftPM resource bundle beside the executable (a
/// build tree); `../share/newsd/data` from the executable (an installed tree); `/usr/share/newsd/data`.
/// `Bundle.module` is not used because it traps when the bundle is missing.
public enum ResourceLocator {
    /// The name of the SwiftPM resource bundle that holds `Data/`.
    static let bundleName = "newsd_ExtractionData.resources"

    /// The data folder, or nil when none of the candidates holds the data files.
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        candidates(environment: environment).first { isDataDirectory($0) }
    }

    /// Every place looked in, in order, for error messages.
    public static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var result: [URL] = []
        if let dir = environment["NEWSD_DATA_DIR"], !dir.isEmpty {
            result.append(URL(fileURLWithPath: dir))
        }
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<3 {
            result.append(dir.appendingPathComponent(bundleName).appendingPathComponent("Data"))
            dir = dir.deletingLastPathComponent()
        }
        let exeDir = exe.deletingLastPathComponent()
        result.append(exeDir.deletingLastPathComponent().appendingPathComponent("share/newsd/data"))
        result.append(URL(fileURLWithPath: "/usr/share/newsd/data"))
        return result
    }

    private static func isDataDirectory(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path)
    }
}
