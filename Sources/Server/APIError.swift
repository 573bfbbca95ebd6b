import Foundation
import Hummingbird
import Model

/// An API error: its status and `{"error": "...", "field": "..."}` with the same words the
/// CLI prints for the same mistake.
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var field: String?

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        (self.status, self.message, self.field) = (status, message, field)
    }

    static func notFound(_ what: String) -> APIError { APIError(.notFound, "\(what) not found") }

    var body: CanonicalValue { .map(["error": .string(message), "field": field.map { .string($0) } ?? .null]) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(body, status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer realm=\"quantbt\"" }
        return response
    }
}

/// Responses whose body is canonical JSON (sorted keys) or another text.
enum JSONBody {
    static func response(_ value: CanonicalValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        text(value.json(), type: "application/json", status: status, headers: headers)
    }

    static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = type + (type.hasPrefix("text/") || type == "application/json" ? "; charset=utf-8" : "")
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func bytes(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
