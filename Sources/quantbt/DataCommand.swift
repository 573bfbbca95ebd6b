import ArgumentParser
import Experiments
import Foundation

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Generate and check sample data.",
        subcommands: [Synth.self, Samples.self])

    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "synth",
            abstract: "Write deterministic synthetic OHLCV bars (same seed, same bytes).",
            discussion: """
                Prices follow a geometric random walk whose drift and volatility change by regime \
                segment (bull, bear, range, crash), rounded to 0.01.

                Examples:
                  quantbt data synth --symbol BTCUSD --seed 42 --start 2023-01-01 --interval 1m --bars 525600 \\
                      --price 16500 --regimes bull:0.3,range:0.2,bear:0.25,crash:0.005,bull:0.245 --out /tmp/BTCUSD-1m.csv
                  quantbt data synth --symbol ALPHA --interval 1d --bars 1300 --weekdays-only --out /tmp/ALPHA-1d.csv
                """)

        @Option(help: "Symbol name (informational; the file name gives the symbol when loading).") var symbol = "SYNTH"
        @Option(help: "Random seed.") var seed: UInt64 = 42
        @Option(help: "First bar's time, e.g. 2023-01-01.") var start = "2023-01-01"
        @Option(help: "Bar length: 1m, 5m, 1h, 1d, ...") var interval = "1d"
        @Option(help: "Number of bars.") var bars = 365
        @Option(help: "First price.") var price = 100.0
        @Option(help: "Regime segments NAME:SHARE, comma-separated (bull, bear, range, crash).") var regimes = "bull:0.4,range:0.2,bear:0.3,bull:0.1"
        @Flag(help: "Skip Saturdays and Sundays (equity-like).") var weekdaysOnly = false
        @Option(help: "Output CSV path.") var out: String

        func run() throws {
            do {
                let w = try SampleData.synthesize(symbol: symbol, seed: seed, start: start, interval: interval, bars: bars,
                                                  price: price, regimes: regimes, weekdaysOnly: weekdaysOnly, out: out)
                print("wrote \(w.path): \(w.rows) bars, \(w.first) to \(w.last)")
                print("sha256 \(w.sha256)")
            } catch { throw CLIError("\(error)") }
        }
    }

    struct Samples: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "samples",
            abstract: "Generate any missing sample file listed in data/samples.yaml and check every file's SHA-256.",
            discussion: """
                Examples:
                  quantbt data samples
                """)

        func run() throws {
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let root = ExperimentDirectory.packageRoot(containing: cwd) ?? cwd
            do {
                let statuses = try SampleRecipes.ensure(root: root) { print($0) }
                for s in statuses {
                    print("\(s.recipe.sha256 == nil ? "no hash" : "ok     ")  \(s.sha256)  \(s.recipe.out)\(s.generated ? "  (generated)" : "")")
                }
            } catch { throw CLIError("\(error)") }
        }
    }
}
