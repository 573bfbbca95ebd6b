import ArgumentParser

/// `--store PATH`: the results store to use.
public struct StoreLocation: ParsableArguments {
    @Option(help: ArgumentHelp("The results store (default: $QUANTBT_STORE, else artifacts/runs.sqlite).", valueName: "path"))
    public var store: String?

    public init() {}
}
