import Engine

/// Reads the `risk:` section into `RiskLimits`, rejecting limits that contradict each other
/// before the run starts.
enum RiskReader {
    static func read(_ risk: ConfigSection) throws -> RiskLimits {
        let positive = 1e-12...Double.greatestFiniteMagnitude
        var limits = RiskLimits(
            maxLeverage: try risk.double("max_leverage", default: 1, range: 0.01...100),
            allowShort: try risk.bool("allow_short", default: true),
            maxPositions: try risk.optionalInt("max_positions", range: 1...100_000),
            maxNetExposure: try risk.optionalDouble("max_net_exposure", range: 0...100),
            lotSize: try risk.optionalDouble("lot_size", range: positive),
            minNotional: try risk.optionalDouble("min_notional", range: positive))
        let perSymbol = try risk.section("per_symbol")
        limits.perSymbol = .init(maxQuantity: try perSymbol.optionalDouble("max_quantity", range: positive),
                                 maxNotional: try perSymbol.optionalDouble("max_notional", range: positive),
                                 maxPercent: try perSymbol.optionalDouble("max_percent", range: positive))
        try perSymbol.finish()
        limits.cooldown = try cooldown(risk)
        try risk.finish()

        let gross = limits.maxLeverage
        if let net = limits.maxNetExposure, net > gross {
            throw ConfigError("\(risk.origin(of: "max_net_exposure")): risk.max_net_exposure \(net) is above risk.max_leverage \(gross), "
                + "the gross limit, so it could never bind (net exposure is at most gross); lower it or remove it")
        }
        if let share = limits.perSymbol.maxPercent, share > gross {
            throw ConfigError("\(perSymbol.origin(of: "max_percent")): risk.per_symbol.max_percent \(share) is above risk.max_leverage \(gross): "
                + "one symbol could never reach it; lower it to at most \(gross)")
        }
        if let lot = limits.lotSize, let cap = limits.perSymbol.maxQuantity, cap < lot {
            throw ConfigError("\(perSymbol.origin(of: "max_quantity")): risk.per_symbol.max_quantity \(cap) is below one lot (risk.lot_size \(lot)): "
                + "no position could ever open")
        }
        return limits
    }

    /// `cooldown: 30` (bars of the symbol) or `cooldown: 2h` (a duration).
    private static func cooldown(_ risk: ConfigSection) throws -> RiskLimits.Cooldown? {
        guard let node = risk.raw("cooldown") else { return nil }
        guard case .scalar(let text) = node.value else {
            throw ConfigError("\(node.origin): risk.cooldown: expected a number of bars or a duration, got a \(node.kindName)")
        }
        if let bars = Int(text), bars >= 1 { return .bars(bars) }
        if let ms = DurationText.milliseconds(text), ms > 0 { return .milliseconds(ms) }
        throw ConfigError("\(node.origin): risk.cooldown: '\(text)' is neither a number of bars (at least 1) nor a duration; "
            + "use e.g. 30 (bars) or 2h (250ms, 30s, 15m, 1h, 1d, 1w)")
    }

    static func canonical(_ r: RiskLimits) -> CanonicalValue {
        func optional(_ x: Double?) -> CanonicalValue { x.map { .number($0) } ?? .null }
        let cooldown: CanonicalValue = switch r.cooldown {
        case .bars(let n)?: .int(n)
        case .milliseconds(let ms)?: .string(DurationText.format(ms))
        case nil: .null
        }
        return .map([
            "max_leverage": .number(r.maxLeverage), "allow_short": .bool(r.allowShort),
            "max_positions": r.maxPositions.map { .int($0) } ?? .null,
            "max_net_exposure": optional(r.maxNetExposure),
            "per_symbol": .map(["max_quantity": optional(r.perSymbol.maxQuantity), "max_notional": optional(r.perSymbol.maxNotional),
                                "max_percent": optional(r.perSymbol.maxPercent)]),
            "lot_size": optional(r.lotSize), "min_notional": optional(r.minNotional),
            "cooldown": cooldown,
        ])
    }
}
