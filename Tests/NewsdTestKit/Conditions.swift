import Foundation
import Testing

/// Conditions under which a test can run here; a test whose condition fails shows as skipped.
extension Trait where Self == ConditionTrait {
    /// The test reads `../shared/data` (or `$NEWSD_SHARED_DATA`).
    public static var needsSharedData: Self {
        .enabled(if: SharedData.directory != nil, Comment(rawValue: SharedData.absentMessage))
    }

    /// The test changes users, mounts file systems or otherwise needs root.
    public static var needsRoot: Self {
        .enabled(if: getuid() == 0, "needs root")
    }

    /// The test runs an external program, such as `/usr/bin/chromium`.
    public static func needsExecutable(_ path: String) -> Self {
        .enabled(if: FileManager.default.isExecutableFile(atPath: path), "needs \(path)")
    }
}
