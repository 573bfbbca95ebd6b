import ArgumentParser

/// `--json`: one JSON object on standard output instead of the text summary.
public struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON object (run_dir and the results) instead of the summary; progress stays off.")
    public var json = false

    public init() {}
}
