import ArgumentParser
import Experiments
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run an experiment's splits and stress scenarios and write the validation report.",
        discussion: """
            Builds the experiment and runs, each as its own backtest: the baseline (the whole \
            period), the train / validation / holdout splits of `splits:` (default 60/20/20 % of \
            the timeline; each trades only inside its window, reads no later bar, and warms up on \
            the bars before it), and the stress scenarios of `stress:` (slippage x2 and x3, bear \
            months, range months, a seeded flash crash each quarter). Writes \
            artifacts/<name>/<run-id>/ with each scenario's files, validation.json (splits with \
            degradation against train, stress against the baseline), report.md and report.html. \
            Each run that includes the holdout is counted in artifacts/<name>/holdout-ledger.jsonl.

            Examples:
              quantbt validate experiments/risk-portfolio
              quantbt validate experiments/risk-portfolio --set stress.bear_month_below=-0.08 --json
            """)

    @OptionGroup var options: ExperimentModeOptions

    func run() throws {
        try options.run(mode: ["--validate"])
    }
}
