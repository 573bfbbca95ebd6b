import Engine
import Analysis
import Model

/// Reads `splits:` and `stress:` into a `ValidationPlan`. The checks that need the data (a
/// split with no bars) are in `ValidationRunner`.
package enum ValidationReader {
    package static func read(splits: ConfigSection, stress: ConfigSection) throws -> ValidationPlan {
        var plan = ValidationPlan()
        if splits.node != nil {
            var list: [ValidationPlan.Split] = []
            for name in ValidationPlan.splitNames {
                guard let node = splits.raw(name) else { continue }
                list.append(ValidationPlan.Split(name: name, bound: try bound(node, key: "splits.\(name)")))
            }
            let warmup = splits.raw("warmup")
            try splits.finish()
            if warmup != nil {
                if case .scalar("all") = warmup!.value { plan.warmupBars = nil } else { plan.warmupBars = try splits.optionalInt("warmup", range: 0...100_000_000) }
            }
            guard list.contains(where: { $0.name == "train" }) else {
                throw ConfigError("\(splits.origin(of: "train")): splits: no train split; give train (and validation, holdout) as [start, end] dates or fractions, "
                    + "e.g. {train: 0.6, validation: 0.2, holdout: 0.2}")
            }
            let fractions = list.compactMap { if case .fraction(let f) = $0.bound { f } else { nil } }
            if !fractions.isEmpty && fractions.count != list.count {
                throw ConfigError("\(splits.origin(of: "train")): splits: give every split as dates or every split as a fraction, not a mix")
            }
            let total = (fractions.reduce(0, +) * 1e9).rounded() / 1e9
            if total > 1 {
                throw ConfigError("\(splits.origin(of: "train")): splits: the fractions add up to \(total), more than 1; they share one timeline")
            }
            try checkOverlap(list, splits)
            plan.splits = list
        }
        plan.slippageMultipliers = try stress.doubleList("slippage_multipliers", range: 1...1000) ?? plan.slippageMultipliers
        plan.commissionMultiplier = try stress.double("commission_multiplier", default: 1, range: 0...1000)
        plan.benchmark = try stress.optionalString("benchmark")
        plan.bearMonthBelow = try stress.double("bear_month_below", default: -0.05, range: -1...0)
        plan.rangeMonthWithin = try stress.double("range_month_within", default: 0.02, range: 0...1)
        if let node = stress.raw("flash_crash") {
            if case .scalar(let s) = node.value, ["false", "off", "no"].contains(s) {
                plan.flashCrash = nil
            } else {
                let crash = try stress.section("flash_crash")
                _ = try crash.string("per", default: "quarter", oneOf: ["quarter"])
                plan.flashCrash = .init(slippageMultiplier: try crash.double("slippage_multiplier", default: 5, range: 1...1000),
                                        seed: try crash.optionalInt("seed", range: 0...Int.max).map(UInt64.init))
                try crash.finish()
            }
        }
        try stress.finish()
        return plan
    }

    /// `[2023-01-01, 2023-06-30]` or `0.6`.
    private static func bound(_ node: ConfigNode, key: String) throws -> ValidationPlan.Bound {
        switch node.value {
        case .scalar(let s):
            guard let f = Double(s), f > 0, f <= 1 else {
                throw ConfigError("\(node.origin): \(key): '\(excerpt(s))' is neither a fraction in (0, 1] nor a [start, end] pair of dates")
            }
            return .fraction(f)
        case .list(let items):
            let dates = items.compactMap { item -> Timestamp? in if case .scalar(let s) = item.value { Timestamp.parse(s) } else { nil } }
            guard items.count == 2, dates.count == 2 else {
                throw ConfigError("\(node.origin): \(key): expected [start, end] dates, e.g. [2023-01-01, 2023-06-30]")
            }
            guard dates[0] <= dates[1] else {
                throw ConfigError("\(node.origin): \(key): ends (\(dates[1].dateString)) before it starts (\(dates[0].dateString))")
            }
            return .dates(dates[0], dates[1])
        case .map:
            throw ConfigError("\(node.origin): \(key): expected [start, end] dates or a fraction, got a map")
        }
    }

    private static func checkOverlap(_ list: [ValidationPlan.Split], _ splits: ConfigSection) throws {
        for (i, a) in list.enumerated() {
            for b in list[(i + 1)...] {
                guard case .dates(let a0, let a1) = a.bound, case .dates(let b0, let b1) = b.bound else { continue }
                let aEnd = a1.inclusiveDayEnd, bEnd = b1.inclusiveDayEnd
                if a0 <= bEnd && b0 <= aEnd {
                    throw ConfigError("\(splits.origin(of: b.name)): splits.\(b.name) [\(b0.dateString), \(b1.dateString)] overlaps "
                        + "splits.\(a.name) [\(a0.dateString), \(a1.dateString)]; splits must not share bars")
                }
            }
        }
    }

    package static func canonical(_ p: ValidationPlan) -> (splits: CanonicalValue, stress: CanonicalValue) {
        var splits: [String: CanonicalValue] = ["warmup": p.warmupBars.map { .int($0) } ?? .string("all")]
        for s in p.splits {
            switch s.bound {
            case .fraction(let f): splits[s.name] = .number(f)
            case .dates(let a, let b): splits[s.name] = .list([.string(a.dateString), .string(b.dateString)])
            }
        }
        let crash: CanonicalValue = p.flashCrash.map { c in
            .map(["per": .string("quarter"), "slippage_multiplier": .number(c.slippageMultiplier), "seed": c.seed.map { .int(Int($0)) } ?? .null])
        } ?? .bool(false)
        return (.map(splits), .map([
            "slippage_multipliers": .list(p.slippageMultipliers.map { .number($0) }),
            "commission_multiplier": .number(p.commissionMultiplier),
            "benchmark": p.benchmark.map { .string($0) } ?? .null,
            "bear_month_below": .number(p.bearMonthBelow), "range_month_within": .number(p.rangeMonthWithin),
            "flash_crash": crash,
        ]))
    }
}
