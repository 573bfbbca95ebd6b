import Foundation

/// `quantbt new NAME`: creates `experiments/NAME/` and registers its target in Package.swift.
public enum Scaffold {
    public static let registryMarker = "let experimentNames: [String] = ["

    public static func create(name: String, root: URL) throws -> URL {
        guard let first = name.first, first.isLowercase, first.isASCII,
              name.allSatisfy({ ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }), !name.hasSuffix("-") else {
            throw ConfigError("experiment name '\(name)' must start with a lowercase letter and use only a-z, 0-9 and '-', e.g. rsi-pullback")
        }
        let dir = root.appendingPathComponent("experiments/\(name)")
        guard !FileManager.default.fileExists(atPath: dir.path) else {
            throw ConfigError("experiments/\(name) already exists; pick another name or edit that experiment")
        }
        let packageURL = root.appendingPathComponent("Package.swift")
        guard let package = try? String(contentsOf: packageURL, encoding: .utf8),
              let marker = package.range(of: registryMarker),
              let close = package.range(of: "\n]", range: marker.upperBound..<package.endIndex) else {
            throw ConfigError("cannot find `\(registryMarker)` in \(packageURL.path); is this the QuantBT repository root?")
        }
        let updated = package.replacingCharacters(in: close.lowerBound..<close.lowerBound, with: "\n    \"\(name)\",")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        do {
            try Templates.config(name).write(to: dir.appendingPathComponent("experiment.yaml"), atomically: true, encoding: .utf8)
            try Templates.main(name).write(to: dir.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
            try Templates.readme(name).write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            try updated.write(to: packageURL, atomically: true, encoding: .utf8)
        } catch {
            try? FileManager.default.removeItem(at: dir)
            throw ConfigError("cannot create experiments/\(name): \(error.localizedDescription)")
        }
        return dir
    }

    enum Templates {
        static func typeName(_ name: String) -> String {
            name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }

        static func config(_ name: String) -> String {
            """
            # \(name): what question does this experiment ask?
            name: \(name)
            seed: 42
            data:
              files: [data/sample/ETHUSD-1h.csv]
              start: 2023-01-01
              end: 2023-12-31
            capital: 100000
            params: {period: 50}
            costs: {commission: 0.001, slippage_bps: 1}
            execution: {fill: next_open}

            """
        }

        static func main(_ name: String) -> String {
            let type = typeName(name)
            return """
            import Experiments

            /// Long while the close is above its simple moving average; flat otherwise.
            struct \(type): Strategy {
                static let name = "\(name)"
                var average: SMA
                var long = false

                init(parameters: Parameters) throws {
                    average = SMA(period: try parameters.int("period", default: 50, range: 2...10_000))
                }

                mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {
                    average.update(bar.close)
                    guard average.isReady, (bar.close > average.value) != long else { return }
                    long.toggle()
                    context.targetPercent(symbol, long ? 1 : 0)
                }
            }

            Experiment.main(\(type).self)

            """
        }

        static func readme(_ name: String) -> String {
            """
            # \(name)

            **Question:** what does this experiment ask?

            **Run:** `quantbt run experiments/\(name)`

            **Findings:** what did it find, and with which run (artifacts/\(name)/<run-id>)?

            """
        }
    }
}
