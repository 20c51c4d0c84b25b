import Foundation

/// A switch for the poison-file test. It exists only in debug builds (the ones `swift test`
/// builds and runs) and only acts when `NEWSD_FAULT_INJECTION=1` is set; release builds, which
/// `make install` ships, do not contain it.
enum FaultInjection {
    #if DEBUG
    static let enabled = ProcessInfo.processInfo.environment["NEWSD_FAULT_INJECTION"] == "1"
    static let marker = Array("NEWSD-FAULT-CRASH-EXTRACTOR".utf8)
    #endif

    /// Crashes the process when the input holds the marker `NEWSD-FAULT-CRASH-EXTRACTOR`.
    @inline(__always)
    static func crashIfRequested(_ bytes: [UInt8]) {
        #if DEBUG
        guard enabled, bytes.count >= marker.count else { return }
        for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] && bytes[i..<(i + marker.count)].elementsEqual(marker) {
            fatalError("fault injection: crashing the extractor on purpose")
        }
        #endif
    }
}
