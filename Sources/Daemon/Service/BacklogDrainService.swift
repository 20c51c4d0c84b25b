import ServiceLifecycle

/// `newsd run --once`: scans every inbox, waits until everything found is recorded, then returns,
/// which shuts the whole group down gracefully. Takes the watcher's place in the group.
struct BacklogDrainService: Service {
    let inboxes: [DaemonConfig.Inbox]
    let scanner: InboxScanner
    let intake: Intake

    func run() async throws {
        await withGracefulShutdownHandler {
            await offloaded {
                for inbox in inboxes {
                    scanner.walk(inbox.path, inbox: inbox, recursive: inbox.recursive, watch: { _ in })
                }
            }
            while !intake.isIdle && !Task.isShuttingDownGracefully && !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
            }
        } onGracefulShutdown: {
            // Offers return at once from a closed intake, so a scan cut short by SIGTERM ends promptly.
            intake.close()
        }
    }
}
