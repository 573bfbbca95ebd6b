import ArgumentParser

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a parameter grid on the train split and analyse its sensitivity.",
        discussion: """
            Runs every combination of the experiment's `sweep:` grid, and of any --set whose \
            value is a comma list (params.fast=5,10,20) or a range (params.slow=20:60:10, stop \
            included), on the train split of `splits:`, and on the validation split when there is \
            one; never on the holdout. Combinations run in parallel and the results do not \
            depend on the worker count. Writes results.csv (one row per combination), \
            sweep.json (the best by `sweep.objective`, whether it is a sharp peak, the stable \
            neighbourhood) and report.md / report.html (with a heatmap per pair of keys).

            Examples:
              quantbt sweep experiments/risk-portfolio --set params.entry=20:80:10 --set params.exit=10,20,30
              quantbt sweep experiments/sma-crossover --set params.fast=60,120,240 --set params.slow=480:1440:240 --workers 2 --json
            """)

    @OptionGroup var options: ExperimentModeOptions

    func run() throws {
        try options.run(mode: ["--sweep"])
    }
}
