/// The strategies `quantbt backtest --strategy NAME` and configs can name.
public enum BuiltInStrategies {
    public static var all: [any Strategy.Type] {
        [
            BuyAndHold.self, SMACrossover.self, BollingerReversion.self, DonchianBreakout.self,
        ]
    }

    public static var names: [String] { all.map { $0.name } }

    /// The strategy type called `name`, or an error listing the names (with a did-you-mean).
    public static func named(_ name: String) throws -> any Strategy.Type {
        if let found = all.first(where: { $0.name == name }) { return found }
        var message = "unknown strategy '\(name)'"
        if let hint = closestMatch(to: name, in: names) { message += " (did you mean '\(hint)'?)" }
        message += "; built-in strategies: \(names.joined(separator: ", "))"
        throw ParameterError(message)
    }
}
