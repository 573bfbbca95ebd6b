import Engine
import Model
import Analysis

/// Reads `sweep:` (the grid and how to judge it) and `walk_forward:`.
package enum SweepReader {
    package static func read(_ s: ConfigSection) throws -> SweepPlan {
        var plan = SweepPlan()
        for key in s.keys where key.contains(".") {
            guard let node = s.raw(key) else { continue }
            let values: [String]
            switch node.value {
            case .list(let items):
                values = try items.map { item in
                    guard case .scalar(let v) = item.value else { throw ConfigError("\(item.origin): sweep.\(key): expected a list of values, found a \(item.kindName)") }
                    return v
                }
            case .scalar(let text):
                switch ParameterGrid.values(text) {
                case .success(let v): values = v
                case .failure(let e): throw ConfigError("\(node.origin): sweep.\(key): \(e)")
                }
            case .map:
                throw ConfigError("\(node.origin): sweep.\(key): expected a list such as [5, 10, 20] or a range such as \"5:50:5\", got a map")
            }
            if values.isEmpty { throw ConfigError("\(node.origin): sweep.\(key): no values; give at least one") }
            plan.grid.axes.append(.init(key: key, values: values))
        }
        plan.objective = SweepObjective(rawValue: try s.string("objective", default: "sharpe", oneOf: SweepObjective.allCases.map(\.rawValue)))!
        plan.stableWithin = try s.double("stable_within", default: 0.1, range: 0...1)
        plan.peakDrop = try s.double("peak_drop", default: 0.3, range: 0...10)
        try s.finish()
        return plan
    }

    package static func readWalkForward(_ s: ConfigSection) throws -> WalkForwardPlan {
        var plan = WalkForwardPlan()
        plan.folds = try s.optionalInt("folds", range: 1...1000) ?? 6
        plan.mode = WalkForwardPlan.Mode(rawValue: try s.string("mode", default: "rolling", oneOf: WalkForwardPlan.Mode.allCases.map(\.rawValue)))!
        plan.trainRatio = try s.double("train_ratio", default: 0.75, range: 0.05...0.95)
        try s.finish()
        return plan
    }

    package static func canonical(_ p: SweepPlan, _ w: WalkForwardPlan) -> (sweep: CanonicalValue, walkForward: CanonicalValue) {
        var sweep: [String: CanonicalValue] = ["objective": .string(p.objective.rawValue), "stable_within": .number(p.stableWithin), "peak_drop": .number(p.peakDrop)]
        for axis in p.grid.axes { sweep[axis.key] = .list(axis.values.map { .string($0) }) }
        return (.map(sweep), .map(["folds": .int(w.folds), "mode": .string(w.mode.rawValue), "train_ratio": .number(w.trainRatio)]))
    }
}
