import ArgumentParser

/// `--no-build`: run the experiment's binary as it is.
public struct BuildOptions: ParsableArguments {
    @Flag(help: "Run the experiment binary as it is, without building it first.")
    public var noBuild = false

    public init() {}
}
