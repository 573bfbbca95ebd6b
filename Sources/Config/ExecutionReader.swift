import Analysis
import Engine
import Model

/// Reads the `execution:` section: fill timing, latency, the intrabar rule for brackets,
/// the volume cap and forced exits. Checks that need the data (a latency longer than it,
/// a forced exit outside it) are in `ExecutionReader.check(_:first:last:)`, run after loading.
package enum ExecutionReader {
    package static let distributions = ["fixed", "uniform", "normal", "lognormal"]

    package static func read(_ section: ConfigSection, seed: UInt64) throws -> (FillTiming, ExecutionRules) {
        let fill = FillTiming(rawValue: try section.string("fill", default: FillTiming.nextOpen.rawValue, oneOf: FillTiming.allCases.map(\.rawValue)))!
        var rules = ExecutionRules()
        rules.latency = try latency(section, seed: seed)
        rules.intrabar = IntrabarRule(rawValue: try section.string("intrabar", default: IntrabarRule.stopFirst.rawValue,
                                                                   oneOf: IntrabarRule.allCases.map(\.rawValue)))!
        rules.maxVolumeShare = try section.optionalDouble("max_volume_share", range: 1e-9...1)
        rules.volumeRemainder = VolumeRemainder(rawValue: try section.string("volume_remainder", default: VolumeRemainder.keep.rawValue,
                                                                             oneOf: VolumeRemainder.allCases.map(\.rawValue)))!
        let units = TargetUnits(rawValue: try section.string("target_units", default: TargetUnits.fractional.rawValue,
                                                             oneOf: TargetUnits.allCases.map(\.rawValue)))!
        rules = ExecutionRules(latency: rules.latency, intrabar: rules.intrabar, maxVolumeShare: rules.maxVolumeShare,
                               volumeRemainder: rules.volumeRemainder, forcedExits: try forcedExits(section),
                               targetUnits: units)
        try section.finish()
        if fill == .close && !rules.latency.isZero {
            throw ConfigError("\(section.origin(of: "latency")): execution.latency: fill: close fills at the close of the bar the strategy saw, "
                + "which leaves no time for latency; use fill: next_open with a latency, or remove the latency")
        }
        return (fill, rules)
    }

    /// `latency: 250ms` (fixed), or a map: `{distribution: lognormal, mean_ms: 250, sd_ms: 100, seed: 7}`.
    private static func latency(_ execution: ConfigSection, seed: UInt64) throws -> Latency {
        guard let node = execution.raw("latency") else { return Latency(seed: seed) }
        if case .scalar(let text) = node.value {
            if text == "0" { return Latency(seed: seed) }
            guard let ms = DurationText.milliseconds(text) else {
                throw ConfigError("\(node.origin): execution.latency: '\(excerpt(text))' is not a duration; use e.g. 250ms, "
                    + "or a map such as {distribution: lognormal, mean_ms: 250, sd_ms: 100, seed: 7}")
            }
            return Latency(.fixed(milliseconds: Double(ms)), seed: seed)
        }
        let map = try ConfigSection(node, path: "execution.latency")
        let name = try map.string("distribution", default: "fixed", oneOf: distributions)
        let ms = 0...86_400_000.0 * 365
        let mean = try map.optionalDouble("mean_ms", range: ms)
        let sd = try map.optionalDouble("sd_ms", range: ms)
        let low = try map.optionalDouble("min_ms", range: ms)
        let high = try map.optionalDouble("max_ms", range: ms)
        let latencySeed = try map.optionalInt("seed", range: 0...Int.max).map(UInt64.init) ?? seed
        try map.finish()
        func unused(_ keys: [(String, Double?)]) throws {
            if let (key, _) = keys.first(where: { $0.1 != nil }) {
                throw ConfigError("\(map.origin(of: key)): execution.latency.\(key): not used by the \(name) distribution; remove it")
            }
        }
        func need(_ key: String, _ value: Double?, _ example: String) throws -> Double {
            guard let value else { throw ConfigError("\(map.origin(of: "distribution")): execution.latency: the \(name) distribution needs \(key), e.g. \(key): \(example)") }
            return value
        }
        let distribution: Latency.Distribution
        switch name {
        case "uniform":
            try unused([("mean_ms", mean), ("sd_ms", sd)])
            let (a, b) = (try need("min_ms", low, "50"), try need("max_ms", high, "500"))
            if a > b { throw ConfigError("\(map.origin(of: "min_ms")): execution.latency: min_ms \(a) is above max_ms \(b); swap them") }
            distribution = .uniform(minMilliseconds: a, maxMilliseconds: b)
        case "normal", "lognormal":
            try unused([("min_ms", low), ("max_ms", high)])
            let (m, s) = (try need("mean_ms", mean, "250"), try need("sd_ms", sd, "100"))
            if name == "lognormal" && m <= 0 {
                throw ConfigError("\(map.origin(of: "mean_ms")): execution.latency.mean_ms: a lognormal delay needs a mean above 0")
            }
            distribution = name == "normal" ? .normal(meanMilliseconds: m, sdMilliseconds: s) : .lognormal(meanMilliseconds: m, sdMilliseconds: s)
        default:
            try unused([("sd_ms", sd), ("min_ms", low), ("max_ms", high)])
            distribution = .fixed(milliseconds: mean ?? 0)
        }
        return Latency(distribution, seed: latencySeed)
    }

    /// `forced_exits: [{at: 2023-03-15T14:30:00Z, slippage_multiplier: 5}]`; a bare date is
    /// a forced exit with multiplier 1.
    private static func forcedExits(_ execution: ConfigSection) throws -> [ForcedExit] {
        guard let node = execution.node?["forced_exits"], case .list(let items) = node.value else {
            return try execution.sectionList("forced_exits").map(forcedExit)
        }
        _ = execution.raw("forced_exits")
        return try items.enumerated().map { i, item in
            if case .scalar(let text) = item.value {
                guard let t = Timestamp.parse(text) else {
                    throw ConfigError("\(item.origin): execution.forced_exits[\(i + 1)]: '\(excerpt(text))' is not a date; use 2023-03-15 or 2023-03-15T14:30:00Z")
                }
                return ForcedExit(time: t)
            }
            return try forcedExit(ConfigSection(item, path: "execution.forced_exits[\(i + 1)]"))
        }
    }

    private static func forcedExit(_ map: ConfigSection) throws -> ForcedExit {
        guard let at = try map.date("at") else {
            throw ConfigError("\(map.origin(of: "at")): \(map.path).at: missing; e.g. at: 2023-03-15T14:30:00Z")
        }
        let multiplier = try map.double("slippage_multiplier", default: 1, range: 0...1000)
        try map.finish()
        return ForcedExit(time: at, slippageMultiplier: multiplier)
    }

    /// Checks against the loaded data's span (first and last bar).
    package static func check(_ rules: ExecutionRules, first: Int64, last: Int64) throws {
        let span = last - first
        let mean = rules.latency.distribution.meanMilliseconds
        if mean > 0 && mean >= Double(span) {
            throw ConfigError("execution.latency: the mean delay \(DurationText.format(Int64(mean))) is as long as the data "
                + "(\(DurationText.format(max(span, 1))) from first to last bar), so no order could fill; shorten the latency or load more data")
        }
        for (i, exit) in rules.forcedExits.enumerated() where exit.time.milliseconds > last {
            throw ConfigError("execution.forced_exits[\(i + 1)].at: \(exit.time) is after the last bar (\(Timestamp(milliseconds: last))), "
                + "so it would never happen; move it inside the data")
        }
    }

    package static func canonical(fill: FillTiming, _ rules: ExecutionRules) -> CanonicalValue {
        var latency: [String: CanonicalValue] = ["seed": .int(Int(rules.latency.seed))]
        switch rules.latency.distribution {
        case .fixed(let ms): latency["distribution"] = .string("fixed"); latency["mean_ms"] = .number(ms)
        case .uniform(let a, let b): latency["distribution"] = .string("uniform"); latency["min_ms"] = .number(a); latency["max_ms"] = .number(b)
        case .normal(let m, let s), .lognormal(let m, let s):
            if case .normal = rules.latency.distribution { latency["distribution"] = .string("normal") } else { latency["distribution"] = .string("lognormal") }
            latency["mean_ms"] = .number(m)
            latency["sd_ms"] = .number(s)
        }
        return .map([
            "fill": .string(fill.rawValue),
            "latency": .map(latency),
            "intrabar": .string(rules.intrabar.rawValue),
            "max_volume_share": rules.maxVolumeShare.map { .number($0) } ?? .null,
            "volume_remainder": .string(rules.volumeRemainder.rawValue),
            "target_units": .string(rules.targetUnits.rawValue),
            "forced_exits": .list(rules.forcedExits.map {
                .map(["at": .string($0.time.description), "slippage_multiplier": .number($0.slippageMultiplier)])
            }),
        ])
    }
}
