import ArgumentParser

/// `--workers N`: the most backtests at once; results never depend on it.
public struct WorkerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("At most this many backtests at once (default: every core); the artifacts do not depend on it.", valueName: "n"))
    public var workers: Int?

    public init() {}

    public func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, e.g. --workers 2") }
    }
}

/// `--folds N` for walk-forward.
public struct FoldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Number of walk-forward folds (default: walk_forward.folds, 6).", valueName: "n"))
    public var folds: Int?

    public init() {}

    public func validate() throws {
        if let folds, folds < 1 { throw ValidationError("--folds must be at least 1, e.g. --folds 6") }
    }
}
