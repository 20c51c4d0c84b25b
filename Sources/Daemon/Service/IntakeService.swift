import ServiceLifecycle

/// The intake as a service: its settle timer runs from creation; at shutdown it is closed, so that
/// queued jobs stay in the inbox for the next start and every waiting producer or worker wakes.
struct IntakeService: Service {
    let intake: Intake

    func run() async throws {
        await waitForShutdown()
        intake.close()
    }
}
