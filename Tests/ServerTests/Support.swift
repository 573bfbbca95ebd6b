import Experiments
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
@testable import Server

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The quantbt built beside this test runner.
let quantbt = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("quantbt").path

func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A server's settings on a fresh store and artifacts folder (removed by the caller).
func settings(_ folder: URL, token: String? = nil) -> ServerSettings {
    var s = ServerSettings(root: repositoryRoot, artifacts: folder.appendingPathComponent("artifacts"),
                           storePath: folder.appendingPathComponent("runs.sqlite").path, quantbt: quantbt)
    (s.token, s.build, s.workers) = (token, false, 1)
    return s
}

/// The router of a server on `settings`, driven without a socket.
func testApplication(_ settings: ServerSettings) throws -> (some ApplicationProtocol, RunStore) {
    let store = try RunStore(path: settings.storePath)
    return (Application(router: JobServer.router(settings: settings, store: store)), store)
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:] }
}

func jsonBody(_ s: String) -> ByteBuffer { ByteBuffer(string: s) }
