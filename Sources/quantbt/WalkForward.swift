import ArgumentParser
import CLIOptions

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

    @OptionGroup var options: ExperimentModeOptions
    @OptionGroup var folds: FoldOptions

    func run() throws {
        try options.run(mode: ["--walk-forward"] + (folds.folds.map { ["--folds", String($0)] } ?? []))
    }
}
