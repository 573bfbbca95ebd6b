import ArgumentParser

struct WalkForward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk-forward",
        abstract: "Optimize on rolling or anchored train windows and test on the windows after them.",
        discussion: """
            Splits the timeline before the holdout into `walk_forward.folds` folds (rolling or \
            anchored, train share `train_ratio`). On each train window it runs the `sweep:` grid \
            (and --set comma lists or ranges) and keeps the best by `sweep.objective`; without a \
            grid, the configured parameters. The choice then runs on the test window after it. \
            Writes walk_forward.json (each fold's windows, parameters and metrics; efficiency, \
            share of profitable folds, dispersion of test Sharpe), oos_equity.csv (the test \
            windows stitched) and report.md / report.html.

            Examples:
              quantbt walk-forward experiments/risk-portfolio --folds 6
              quantbt walk-forward experiments/risk-portfolio --set params.entry=20,55,80 --json
            """)

    @Argument(help: "The experiment folder, e.g. experiments/risk-portfolio.")
    var experiment: String

    @Option(help: "Number of folds (default: walk_forward.folds, 6).")
    var folds: Int?

    @Option(name: [.customLong("set"), .customShort("s")], help: "Override a key, or sweep it: --set params.entry=20,55,80 (repeatable).")
    var overrides: [String] = []

    @Option(help: "At most this many backtests at once (default: every core); the results do not depend on it.")
    var workers: Int?

    @Flag(help: "Print one JSON object (run_dir, summary, folds with windows, params and metrics).")
    var json = false

    @Flag(help: "Run the experiment binary as it is, without building it first.")
    var noBuild = false

    func validate() throws {
        try checkModeOptions(overrides: overrides, workers: workers)
        if let folds, folds < 1 { throw ValidationError("--folds must be at least 1, e.g. --folds 6") }
    }

    func run() throws {
        try runExperimentMode(experiment, mode: ["--walk-forward"] + (folds.map { ["--folds", String($0)] } ?? []),
                              overrides: overrides, workers: workers, json: json, noBuild: noBuild)
    }
}
