import Foundation

/// The OpenAPI document served at /api/v1/openapi.yaml: Sources/Server/openapi.yaml, kept in
/// the repository (a test checks its paths against `APIRoutes.routes`).
enum OpenAPIDocument {
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "openapi: 3.0.3\n# openapi.yaml is missing from this build\n" }
        return text
    }()
}
