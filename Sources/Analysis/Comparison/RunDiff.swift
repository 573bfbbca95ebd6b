import Model
import Foundation

/// Two runs side by side: config, provenance, metrics, trades and equity. What `quantbt
/// diff A B` prints. A is the "before", B the "after": deltas are B − A.
public struct RunDiff: Sendable {
    public struct MetricRow: Sendable {
        public var name: String
        package var a: FlatDocument.Leaf?
        package var b: FlatDocument.Leaf?

        package init(name: String, a: FlatDocument.Leaf?, b: FlatDocument.Leaf?) {
            (self.name, self.a, self.b) = (name, a, b)
        }

        package var delta: (absolute: Double, relative: Double?)? {
            guard case .number(let x)? = a, case .number(let y)? = b else { return nil }
            return (y - x, x == 0 ? nil : (y - x) / abs(x))
        }
    }

    public var a: LocatedRun
    public var b: LocatedRun
    package var config: DocumentComparison
    /// Provenance fields that differ (wall time and run ids always do, and are left out).
    package var provenance: DocumentComparison
    public var metrics: [MetricRow]
    package var trades: TableComparison?
    package var equity: EquityGap?

    /// Provenance paths that say what produced a run; the rest (times, host) are noise here.
    package static let provenanceFields = ["git.commit", "git.branch", "git.dirty", "config.sha256", "config.overrides", "data",
                                   "toolchain", "seed", "host.os", "host.architecture"]

    /// True when nothing but wall time and run ids differ.
    public var isEmpty: Bool {
        config.isIdentical && provenance.isIdentical && metrics.allSatisfy { $0.a == $0.b }
            && (trades?.isIdentical ?? true) && equity?.firstBeyondTolerance == nil && (equity?.largest == nil)
    }

    package init(a: LocatedRun, b: LocatedRun, config: DocumentComparison, provenance: DocumentComparison, metrics: [MetricRow],
                 trades: TableComparison?, equity: EquityGap?) {
        (self.a, self.b, self.config, self.provenance, self.metrics, self.trades) = (a, b, config, provenance, metrics, trades)
        self.equity = equity
    }
}
