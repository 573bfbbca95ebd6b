import ArgumentParser

/// Where runs are indexed, and the tags a run is indexed with.
public struct StoreOptions: ParsableArguments {
    @OptionGroup public var location: StoreLocation

    @Option(name: .customLong("tag"), help: ArgumentHelp("Tag the run: --tag author=ana (repeatable); `quantbt runs list --filter \"tags.author = 'ana'\"` finds it.",
                                                         valueName: "key=value"))
    public var tags: [String] = []

    public init() {}

    public var store: String? { location.store }

    public func validate() throws {
        for t in tags where !t.contains("=") || t.hasPrefix("=") {
            throw ValidationError("--tag '\(t)' must be KEY=VALUE, e.g. --tag author=ana")
        }
    }

    /// The tags as a map (a later --tag of the same key wins).
    public var tagMap: [String: String] {
        Dictionary(tags.map { (String($0.prefix { $0 != "=" }), String($0.drop { $0 != "=" }.dropFirst())) }) { _, b in b }
    }

    /// The flags again, for passing on to an experiment's binary.
    public var arguments: [String] { (store.map { ["--store", $0] } ?? []) + tags.flatMap { ["--tag", $0] } }
}
