@testable import Daemon
import Foundation
import Logging
import NewsdTestKit

extension PostgresCluster {
    /// The fleet database of this cluster, its password in a file beside the cluster (so it lasts
    /// as long as the cluster) and its schema migrated, as a node finds it after its first connection.
    ///
    /// Its statement limit is generous: tests that poll with `Thread.sleep` can hold the test
    /// process's few cooperative threads for a minute under CI's parallel load, and a migration
    /// cut short by that would be a false failure.
    func migratedDatabase() async throws -> FleetDatabase {
        var configuration = try DatabaseConfiguration.parse(url: url)
        let passwordFile = folder + "/client-password"
        try Data(password.utf8).write(to: URL(fileURLWithPath: passwordFile))
        configuration.passwordFile = passwordFile
        var database = FleetDatabase(configuration: configuration, logger: Logger(label: "test"))
        database.statementTimeout = .seconds(600)
        let connection = try await database.connect()
        do {
            try await database.migrate(connection, node: "test")
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
        return database
    }
}
