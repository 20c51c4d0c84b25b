import Foundation

/// The built `newsd` binary, started as a separate process the way a user or systemd starts it.
public final class NewsdProcess: @unchecked Sendable {
    // @unchecked: `process` and the pipes are set in init; reads of the log go through the pipe's lock.
    public let process = Process()
    private let logPipe = Pipe()
    private let logLock = NSLock()
    private var logData = Data()

    /// The binary under test: `$NEWSD_BINARY`, else `newsd` beside the test bundle.
    public static var binary: String {
        if let env = ProcessInfo.processInfo.environment["NEWSD_BINARY"] { return env }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("newsd").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return SharedData.packageRoot.appendingPathComponent(".build/debug/newsd").path
    }

    /// Starts `newsd arguments…` (or `executable arguments…`, whose first argument is dropped) with stderr captured.
    public init(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable ?? Self.binary)
        process.arguments = executable == nil ? arguments : Array(arguments.dropFirst())
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "JOURNAL_STREAM")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardError = logPipe
        process.standardOutput = FileHandle.nullDevice
        logPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.logLock.withLock { self.logData.append(chunk) }
        }
        try process.run()
    }

    /// `newsd run --inbox IN --output OUT` plus `extra` flags, with a short settle time.
    public static func run(inbox: String, output: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> NewsdProcess {
        try NewsdProcess(["run", "--inbox", inbox, "--output", output] + extra, environment: environment)
    }

    /// What the process wrote to stderr so far.
    public var log: String {
        logLock.withLock { String(decoding: logData, as: UTF8.self) }
    }

    /// Sends `signal` and waits for the exit; returns the exit status (or 128+signal).
    ///
    /// A process that is still running `killAfter` seconds later gets SIGKILL (to its PID only),
    /// so a daemon that ignores SIGTERM fails its test (status 137) instead of hanging the suite.
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM, killAfter: Double = 30) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        let deadline = Date().addingTimeInterval(killAfter)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.05)
        logPipe.fileHandleForReading.readabilityHandler = nil
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Waits until the log contains `text`.
    public func waitForLog(_ text: String, timeout: Double = 60) -> Bool {
        eventually(timeout: timeout) { log.contains(text) }
    }

    /// Runs `newsd arguments…` to completion; returns status, stdout and stderr.
    public static func runToEnd(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
