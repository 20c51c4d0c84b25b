/// A switch for the poison-file test: it exists only in builds made with
/// `-Xswiftc -DNEWSD_FAULT_INJECTION` (`make fault-build`), never in a release.
enum FaultInjection {
    /// Crashes the process when the input holds the marker `NEWSD-FAULT-CRASH-EXTRACTOR`.
    @inline(__always)
    static func crashIfRequested(_ bytes: [UInt8]) {
        #if NEWSD_FAULT_INJECTION
        let marker = Array("NEWSD-FAULT-CRASH-EXTRACTOR".utf8)
        if bytes.count >= marker.count {
            for i in 0...(bytes.count - marker.count) where bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker {
                fatalError("fault injection: crashing the extractor on purpose")
            }
        }
        #endif
    }
}
