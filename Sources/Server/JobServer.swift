import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Store

/// `quantbt serve`: the API, the pages and the job runner on one results store.
public enum JobServer {
    /// The router of every route (the tests drive it without a socket).
    static func router(settings: ServerSettings, store: RunStore) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: Guards(token: settings.token))
        let runs = RunFolders(settings: settings, store: store)
        APIRoutes(settings: settings, store: store, runs: runs).add(to: router)
        Pages(settings: settings, store: store, runs: runs).add(to: router)
        return router
    }

    static func application(settings: ServerSettings, store: RunStore, onListening: @escaping @Sendable (String, Int) -> Void)
        -> some ApplicationProtocol {
        var logger = Logger(label: "quantbt.serve")
        logger.logLevel = .warning
        let runner = JobRunner(settings: settings, store: store, logger: logger)
        return Application(
            router: router(settings: settings, store: store),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "quantbt"),
            services: [runner],
            onServerRunning: { channel in onListening(settings.host, channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// Serves until SIGINT or SIGTERM; running jobs are stopped and queued again.
    public static func run(_ settings: ServerSettings, store: RunStore, onListening: @escaping @Sendable (String, Int) -> Void) async throws {
        try await application(settings: settings, store: store, onListening: onListening).runService()
    }
}
