import Analysis
import Model
import Engine

/// Reads the `risk:` section into `RiskLimits`, rejecting limits that contradict each other
/// before the run starts.
package enum RiskReader {
    package static func read(_ risk: ConfigSection) throws -> RiskLimits {
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
        limits.sizing = try sizing(risk.section("sizing"))
        limits.dailyLossLimit = try risk.optionalDouble("daily_loss_limit", range: 1e-6...1)
        limits.maxDrawdown = try maxDrawdown(risk)
        limits.circuitBreakers = try risk.sectionList("circuit_breakers").map(circuitBreaker)
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
        throw ConfigError("\(node.origin): risk.cooldown: '\(excerpt(text))' is neither a number of bars (at least 1) nor a duration; "
            + "use e.g. 30 (bars) or 2h (250ms, 30s, 15m, 1h, 1d, 1w)")
    }

    package static let sizingMethods = ["percent_equity", "fixed", "atr"]

    /// `sizing: {method: percent_equity, value: 0.5}`, `{method: fixed, quantity: 10}` or
    /// `{method: atr, risk_per_trade: 0.01, atr_multiple: 2, atr_period: 14}`.
    private static func sizing(_ s: ConfigSection) throws -> PositionSizing {
        guard s.node != nil else { return .allIn }
        let method = try s.string("method", default: "percent_equity", oneOf: sizingMethods)
        let positive = 1e-12...Double.greatestFiniteMagnitude
        let value = try s.optionalDouble("value", range: 1e-9...100)
        let quantity = try s.optionalDouble("quantity", range: positive)
        let riskPerTrade = try s.optionalDouble("risk_per_trade", range: 1e-9...1)
        let multiple = try s.optionalDouble("atr_multiple", range: 0.01...1000)
        let period = try s.optionalInt("atr_period", range: 1...100_000)
        try s.finish()
        let given: [(String, Bool)] = [("value", value != nil), ("quantity", quantity != nil), ("risk_per_trade", riskPerTrade != nil),
                                       ("atr_multiple", multiple != nil), ("atr_period", period != nil)]
        let uses: [String: [String]] = ["percent_equity": ["value"], "fixed": ["quantity"], "atr": ["risk_per_trade", "atr_multiple", "atr_period"]]
        if let (key, _) = given.first(where: { $0.1 && !uses[method]!.contains($0.0) }) {
            throw ConfigError("\(s.origin(of: key)): risk.sizing.\(key): not used by method \(method) (it reads \(uses[method]!.joined(separator: ", ")))")
        }
        switch method {
        case "fixed":
            guard let quantity else { throw ConfigError("\(s.origin(of: "method")): risk.sizing: method fixed needs quantity, e.g. quantity: 10") }
            return .fixed(quantity: quantity)
        case "atr":
            guard let riskPerTrade else {
                throw ConfigError("\(s.origin(of: "method")): risk.sizing: method atr needs risk_per_trade (the share of equity a stopped trade loses), e.g. risk_per_trade: 0.01")
            }
            return .atr(riskFraction: riskPerTrade, multiple: multiple ?? 2, period: period ?? 14)
        default:
            return .percentEquity(value ?? 1)
        }
    }

    /// `max_drawdown: 0.2`, or `{limit: 0.2, flatten: true}`.
    private static func maxDrawdown(_ risk: ConfigSection) throws -> RiskLimits.DrawdownStop? {
        guard let node = risk.node?["max_drawdown"], case .map = node.value else {
            return try risk.optionalDouble("max_drawdown", range: 1e-6...1).map { .init(limit: $0) }
        }
        let map = try risk.section("max_drawdown")
        let limit = try map.requiredDouble("limit", range: 1e-6...1, example: "0.2")
        let flatten = try map.bool("flatten", default: false)
        try map.finish()
        return .init(limit: limit, flatten: flatten)
    }

    package static let triggers = ["price_move", "rejections", "drawdown"]

    /// `{trigger: price_move, threshold: 0.1, halt: 1h}`, `{trigger: rejections, count: 5,
    /// within: 1h, halt: rest}` or `{trigger: drawdown, threshold: 0.05, halt: 1d}`.
    private static func circuitBreaker(_ map: ConfigSection) throws -> CircuitBreaker {
        let trigger = try map.string("trigger", default: "", oneOf: triggers)
        if trigger.isEmpty {
            throw ConfigError("\(map.origin(of: "trigger")): \(map.path).trigger: missing; use one of \(triggers.joined(separator: ", "))")
        }
        let threshold = try map.optionalDouble("threshold", range: 1e-6...1)
        let count = try map.optionalInt("count", range: 1...1_000_000)
        let within: Int64? = map.raw("within") == nil ? nil : try map.duration("within").ms
        let halt = try map.duration("halt", orWord: ["rest"])
        try map.finish()
        func needThreshold() throws -> Double {
            guard let threshold else { throw ConfigError("\(map.origin(of: "trigger")): \(map.path): trigger \(trigger) needs threshold, e.g. threshold: 0.05") }
            if count != nil || within != nil { throw ConfigError("\(map.origin(of: count != nil ? "count" : "within")): \(map.path): trigger \(trigger) reads threshold only; remove count and within") }
            return threshold
        }
        let t: CircuitBreaker.Trigger
        switch trigger {
        case "rejections":
            guard let count, let within else {
                throw ConfigError("\(map.origin(of: "trigger")): \(map.path): trigger rejections needs count and within, e.g. count: 5, within: 1h")
            }
            if threshold != nil { throw ConfigError("\(map.origin(of: "threshold")): \(map.path).threshold: not used by trigger rejections; remove it") }
            t = .rejections(count: count, withinMilliseconds: within)
        case "drawdown": t = .drawdown(try needThreshold())
        default: t = .priceMove(try needThreshold())
        }
        return CircuitBreaker(trigger: t, halt: halt.ms.map { .milliseconds($0) } ?? .restOfRun)
    }

    package static func canonical(_ r: RiskLimits) -> CanonicalValue {
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
            "sizing": sizingCanonical(r.sizing),
            "daily_loss_limit": optional(r.dailyLossLimit),
            "max_drawdown": r.maxDrawdown.map { .map(["limit": .number($0.limit), "flatten": .bool($0.flatten)]) } ?? .null,
            "circuit_breakers": .list(r.circuitBreakers.map(breakerCanonical)),
        ])
    }

    private static func sizingCanonical(_ s: PositionSizing) -> CanonicalValue {
        switch s {
        case .fixed(let q): .map(["method": .string("fixed"), "quantity": .number(q)])
        case .percentEquity(let f): .map(["method": .string("percent_equity"), "value": .number(f)])
        case .atr(let risk, let multiple, let period):
            .map(["method": .string("atr"), "risk_per_trade": .number(risk), "atr_multiple": .number(multiple), "atr_period": .int(period)])
        }
    }

    private static func breakerCanonical(_ b: CircuitBreaker) -> CanonicalValue {
        var map: [String: CanonicalValue] = ["trigger": .string(b.trigger.name)]
        switch b.trigger {
        case .priceMove(let x), .drawdown(let x): map["threshold"] = .number(x)
        case .rejections(let count, let within): map["count"] = .int(count); map["within"] = .string(DurationText.format(within))
        }
        switch b.halt {
        case .milliseconds(let ms): map["halt"] = .string(DurationText.format(ms))
        case .restOfRun: map["halt"] = .string("rest")
        }
        return .map(map)
    }
}
