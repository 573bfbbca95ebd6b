import Foundation
import Model

/// A market regime for synthetic data: annual drift and volatility of log prices.
public enum Regime: String, CaseIterable, Sendable {
    case bull, bear, range, crash

    /// (annual drift, annual volatility, mean reversion strength per year)
    var dynamics: (drift: Double, volatility: Double, reversion: Double) {
        switch self {
        case .bull: (0.9, 0.45, 0)
        case .bear: (-0.9, 0.6, 0)
        case .range: (0, 0.3, 40)
        case .crash: (-25, 1.5, 0)
        }
    }
}

/// A deterministic generator of OHLCV bars: geometric Brownian motion whose drift and
/// volatility change by regime segment, prices rounded to a tick.
///
/// The same spec gives the same bars, byte for byte, on every machine: randomness comes only
/// from `SeededRandom(seed)`, and each symbol draws from its own stream.
public struct SyntheticMarket: Sendable {
    public struct Segment: Sendable, Equatable {
        public var regime: Regime
        /// Share of all bars (the shares are normalised to sum to 1).
        public var share: Double
        public init(_ regime: Regime, _ share: Double) { self.regime = regime; self.share = share }
    }

    public var symbol: String
    public var seed: UInt64
    public var start: Timestamp
    public var intervalMs: Int64
    public var bars: Int
    public var startPrice: Double
    public var tick: Double
    public var segments: [Segment]
    /// Skip Saturdays and Sundays (equity-like daily data).
    public var weekdaysOnly: Bool

    public init(symbol: String, seed: UInt64, start: Timestamp, intervalMs: Int64, bars: Int, startPrice: Double,
                tick: Double = 0.01, segments: [Segment], weekdaysOnly: Bool = false) {
        (self.symbol, self.seed, self.start, self.intervalMs, self.bars) = (symbol, seed, start, intervalMs, bars)
        (self.startPrice, self.tick, self.segments, self.weekdaysOnly) = (startPrice, tick, segments, weekdaysOnly)
    }

    /// Parses `bull:0.4,range:0.3,bear:0.3` into segments.
    public static func parseSegments(_ text: String) throws -> [Segment] {
        try text.split(separator: ",").map { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let regime = Regime(rawValue: String(pieces[0])),
                  let share = Double(pieces[1]), share > 0 else {
                throw DataError("regime segment '\(part)' must be NAME:SHARE with NAME one of "
                    + "\(Regime.allCases.map(\.rawValue).joined(separator: ", ")) and SHARE a positive number, e.g. bull:0.5,bear:0.5")
            }
            return Segment(regime, share)
        }
    }

    public func generate() -> BarSeries {
        var series = BarSeries(symbol: symbol, capacity: bars)
        var rng = SeededRandom(seed: seed)
        let totalShare = segments.reduce(0) { $0 + $1.share }
        let year = 365.0 * 86_400_000
        let dt = Double(intervalMs) / year
        // Divide by ticks-per-unit (exact) rather than multiply by the tick (inexact), so a
        // price is the double nearest its decimal text and survives a CSV round trip.
        let perUnit = (1 / tick).rounded()
        var price = (startPrice * perUnit).rounded() / perUnit
        var time = start.milliseconds
        if weekdaysOnly && !isWeekday(time) { time = nextTime(after: time) }
        var segment = 0, segmentEnd = 0, cumulative = 0.0
        var anchor = log(price)
        for i in 0..<bars {
            while i >= segmentEnd && segment < segments.count {
                cumulative += segments[segment].share
                segmentEnd = Int((cumulative / totalShare * Double(bars)).rounded())
                if i < segmentEnd { anchor = log(price); break }
                segment += 1
            }
            let dynamics = segments[min(segment, segments.count - 1)].regime.dynamics
            let sigma = dynamics.volatility * dt.squareRoot()
            let pull = dynamics.reversion * (anchor - log(price)) * dt
            let logReturn = (dynamics.drift - dynamics.volatility * dynamics.volatility / 2) * dt + pull + sigma * rng.normal()
            let open = price
            let close = max(tick, (open * exp(logReturn) * perUnit).rounded() / perUnit)
            let wickUp = abs(rng.normal()) * sigma * 0.6
            let wickDown = abs(rng.normal()) * sigma * 0.6
            let high = (max(open, close) * (1 + wickUp) * perUnit).rounded(.up) / perUnit
            let low = max(tick, (min(open, close) * (1 - wickDown) * perUnit).rounded(.down) / perUnit)
            let volume = ((10 * exp(0.5 * rng.normal()) * (1 + abs(logReturn) / max(sigma, 1e-12))) * 1000).rounded() / 1000
            series.append(Bar(time: Timestamp(milliseconds: time), open: open, high: high, low: low, close: close, volume: volume))
            price = close
            time = nextTime(after: time)
        }
        return series
    }

    private func nextTime(after t: Int64) -> Int64 {
        var next = t + intervalMs
        while weekdaysOnly && !isWeekday(next) { next += intervalMs }
        return next
    }

    /// Day 0 (1970-01-01) was a Thursday: weekday = (day + 4) % 7 with 0 = Sunday.
    private func isWeekday(_ t: Int64) -> Bool {
        let weekday = (Timestamp(milliseconds: t).dayNumber + 4) % 7
        return weekday != 0 && weekday != 6
    }
}
