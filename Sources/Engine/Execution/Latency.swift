import Foundation
import Model

/// The delay between an order's submission and its arrival at the simulated venue
/// (`execution.latency`). An order fills on the first bar of its symbol at or after its
/// arrival, under the usual fill rules; a cancel or a replace travels the same way.
///
/// Each order and cancel draws one delay, in submission order, from a generator seeded by
/// `seed`: the same seed gives the same delays and so the same fills.
public struct Latency: Sendable, Equatable {
    public enum Distribution: Sendable, Equatable {
        case fixed(milliseconds: Double)
        case uniform(minMilliseconds: Double, maxMilliseconds: Double)
        /// Truncated at zero: a draw below zero is zero.
        case normal(meanMilliseconds: Double, sdMilliseconds: Double)
        /// Mean and standard deviation of the delay itself (not of its logarithm).
        case lognormal(meanMilliseconds: Double, sdMilliseconds: Double)

        /// The expected delay (for checks against the data's span).
        public var meanMilliseconds: Double {
            switch self {
            case .fixed(let ms): ms
            case .uniform(let low, let high): (low + high) / 2
            case .normal(let mean, _), .lognormal(let mean, _): mean
            }
        }
    }

    public var distribution: Distribution
    public var seed: UInt64

    public init(_ distribution: Distribution = .fixed(milliseconds: 0), seed: UInt64 = 0) {
        (self.distribution, self.seed) = (distribution, seed)
    }

    public static let none = Latency()

    public var isZero: Bool { distribution == .fixed(milliseconds: 0) }
}

/// Draws delays for one run.
struct LatencySampler {
    let distribution: Latency.Distribution
    private var random: SeededRandom
    private let mu: Double, sigma: Double

    init(_ latency: Latency) {
        distribution = latency.distribution
        random = SeededRandom(seed: latency.seed)
        if case .lognormal(let mean, let sd) = latency.distribution {
            let variance = log(1 + (sd * sd) / (mean * mean))
            sigma = variance.squareRoot()
            mu = log(mean) - variance / 2
        } else {
            mu = 0
            sigma = 0
        }
    }

    /// The next delay in whole milliseconds (timestamps are milliseconds).
    mutating func next() -> Int64 {
        let ms: Double = switch distribution {
        case .fixed(let ms): ms
        case .uniform(let low, let high): low + (high - low) * random.uniform()
        case .normal(let mean, let sd): max(0, mean + sd * random.normal())
        case .lognormal: exp(mu + sigma * random.normal())
        }
        return Int64(ms.rounded())
    }
}
