import ArgumentParser
import Experiments

@main
struct QuantBT: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantbt",
        abstract: "Backtest trading strategies and run reproducible experiments.",
        discussion: """
            An experiment is a folder experiments/<name>/ with experiment.yaml (data, costs, \
            params) and main.swift (the strategy). Runs write their artifacts to \
            artifacts/<name>/<run-id>/.

            Examples:
              quantbt run experiments/sma-crossover
              quantbt run experiments/sma-crossover --set params.fast=5 --json
              quantbt verify experiments/sma-crossover
              quantbt diff golden/sma-crossover experiments/sma-crossover
              quantbt backtest --strategy sma-crossover --data data/sample/ETHUSD-1h.csv
              quantbt new rsi-pullback
              quantbt data samples
              quantbt serve
            """,
        subcommands: [Run.self, Backtest.self, Validate.self, Sweep.self, WalkForward.self, Runs.self, Verify.self, Bless.self, Diff.self, ReportCommand.self, Serve.self, New.self, DataCommand.self]
    )

    /// ArgumentParser's entry, after the allocator is told to keep freed blocks (see
    /// `MemoryTuning`: sweeps and servers allocate and free large columns over and over).
    static func main() {
        MemoryTuning.keepFreedMemory()
        main(nil)
    }
}
