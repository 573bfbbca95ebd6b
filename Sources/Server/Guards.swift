import Foundation
import Hummingbird

/// What every request passes first: a body over 1 MB is refused (413) before it is read,
/// and with a token, /api needs `Authorization: Bearer TOKEN` and the pages HTTP Basic with
/// the token as password (a browser asks for it), 401 otherwise.
struct Guards: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > ServerSettings.maxBody {
            throw APIError(.contentTooLarge, "the request body is over \(ServerSettings.maxBody / 1024) KB")
        }
        guard let token else { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        if request.uri.path.hasPrefix("/api/") {
            guard Self.same(given, "Bearer " + token) else {
                throw APIError(.unauthorized, "this server needs Authorization: Bearer TOKEN (the token it was started with)")
            }
        } else {
            let basic = given.hasPrefix("Basic ") ? Data(base64Encoded: String(given.dropFirst(6))).map { String(decoding: $0, as: UTF8.self) } : nil
            guard let basic, let colon = basic.firstIndex(of: ":"), Self.same(String(basic[basic.index(after: colon)...]), token) else {
                var response = JSONBody.text("This server needs its token: any user name, the token as password.\n", type: "text/plain", status: .unauthorized)
                response.headers[.wwwAuthenticate] = "Basic realm=\"quantbt\", charset=\"UTF-8\""
                return response
            }
        }
        return try await next(request, context)
    }

    /// Compares in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
