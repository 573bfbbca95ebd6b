import Foundation
import Model

/// Which compiler built the experiment binary, and which QuantBT it links.
public struct Toolchain: Sendable, Equatable {
    /// QuantBT's own version; bump it with any change to artifact formats.
    public static let quantbtVersion = "0.3.0"

    /// The first line `swift --version` prints, e.g. "Swift version 6.3.1 (swift-6.3.1-RELEASE)".
    public var swift: String
    /// Where `swift` came from: the toolchain `quantbt` built the binary with, or the
    /// `swift` on PATH when the binary was started directly.
    public var source: String
    /// The language version the binary was compiled with, as `#if compiler` sees it: a
    /// cross-check that does not depend on PATH.
    public var compiledWith: String
    public var quantbt: String = Toolchain.quantbtVersion

    /// quantbt passes the version of the toolchain it just built with in this variable.
    public static let environmentKey = "QUANTBT_SWIFT_VERSION"

    package static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> Toolchain {
        if let given = environment[environmentKey], !given.isEmpty {
            return Toolchain(swift: given, source: "the toolchain quantbt built the experiment with", compiledWith: compiledWith)
        }
        let printed = (try? cachedSwiftVersion(environment: environment)) ?? "unknown (swift --version failed)"
        return Toolchain(swift: printed, source: "swift on PATH when the run started", compiledWith: compiledWith)
    }

    /// `swiftVersion()`, asked once per toolchain (see `SwiftVersionCache`).
    public static func cachedSwiftVersion(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try SwiftVersionCache.version(path: environment["PATH"], environment: environment, run: swiftVersion)
    }

    /// Runs `swift --version` and keeps its first line (about 0.1 s).
    public static func swiftVersion() throws -> String {
        let (status, text) = try CommandOutput.capture("swift", ["--version"], includeErrors: false)
        guard status == 0, let line = text.split(separator: "\n").first(where: { $0.contains("Swift version") }) else {
            throw ProvenanceError("`swift --version` exited with status \(status)")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    package static var compiledWith: String {
        #if compiler(>=6.5)
        ">= 6.5"
        #elseif compiler(>=6.4)
        "6.4"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #elseif compiler(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    package var canonical: CanonicalValue {
        .map(["swift": .string(swift), "source": .string(source), "compiled_with": .string(compiledWith), "quantbt": .string(quantbt)])
    }
}
