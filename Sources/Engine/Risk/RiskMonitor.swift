import Model

/// The rules that watch time and equity rather than one order: the daily loss limit, the
/// max drawdown stop and the circuit breakers.
///
/// The engine calls `beginStep` at each timestamp before its fills, `entryBlock` before a
/// fill that may open or add, `noteRefusal` for each risk cut, `observeClose` for each
/// symbol's close and `endStep` with equity at the closes. The monitor latches its halts
/// and records a `RiskEvent` for every trip, reset and resumption.
struct RiskMonitor {
    let limits: RiskLimits
    /// `limits.circuitBreakers`, held apart: looping over it through `limits` inside a
    /// mutating method copied the whole `RiskLimits` every bar (2 % of the guarded loop).
    let breakers: [CircuitBreaker]
    let calendar: TradingCalendar
    let symbols: [String]
    private(set) var events: [RiskEvent] = []

    // Daily loss limit: equity at the last close before the trading day began.
    private var day: Int64?
    private var dayStartEquity: Double
    private var dailyDetail: String?
    private var closeEquity: Double

    // Max drawdown stop: latched for the rest of the run.
    private var peak: Double
    private var drawdownDetail: String?

    // Circuit breakers share one halt: entries are refused while time < haltUntil.
    private var haltUntil: Int64 = .min
    private var haltDetail = ""
    private var breakerPeak: Double
    /// Per breaker: the times of recent refusals (used by `rejections` triggers only).
    private var refusalTimes: [[Int64]]
    private var previousClose: [Double]

    init(limits: RiskLimits, calendar: TradingCalendar, capital: Double, symbols: [String]) {
        (self.limits, self.calendar, self.symbols) = (limits, calendar, symbols)
        breakers = limits.circuitBreakers
        dayStartEquity = capital
        closeEquity = capital
        peak = capital
        breakerPeak = capital
        previousClose = Array(repeating: .nan, count: symbols.count)
        refusalTimes = Array(repeating: [], count: limits.circuitBreakers.count)
    }

    var watchesPrices: Bool {
        limits.circuitBreakers.contains { if case .priceMove = $0.trigger { true } else { false } }
    }

    mutating func beginStep(time t: Int64) {
        if limits.dailyLossLimit != nil {
            let today = calendar.day(of: t)
            if today != day {
                if day != nil { dayStartEquity = closeEquity }
                day = today
                if dailyDetail != nil {
                    dailyDetail = nil
                    record(t, .dailyLossLimit, .reset, "a new trading day (\(calendar.name)) began with equity \(detailNumber(dayStartEquity))")
                }
            }
        }
        if haltUntil != .min && haltUntil != .max && t >= haltUntil {
            haltUntil = .min
            breakerPeak = closeEquity
            record(t, .circuitBreaker, .resumed, "the halt ended; entries allowed again")
        }
    }

    /// The rule and detail that refuse an entry now, if any. `equity` is marked at the
    /// price the fill would see, so a loss that reached the daily limit within the bar
    /// trips it before the entry.
    mutating func entryBlock(time t: Int64, equity: Double) -> (rule: RiskRule, detail: String)? {
        if let detail = drawdownDetail { return (.maxDrawdown, detail) }
        if t < haltUntil { return (.circuitBreaker, haltDetail) }
        checkDailyLoss(time: t, equity: equity)
        if let detail = dailyDetail { return (.dailyLossLimit, detail) }
        return nil
    }

    /// An order refused or cut by a risk rule (not a halt) at `t`, for `rejections` breakers.
    mutating func noteRefusal(time t: Int64) {
        for (i, breaker) in breakers.enumerated() {
            guard case .rejections(let count, let window) = breaker.trigger else { continue }
            refusalTimes[i].append(t)
            refusalTimes[i].removeAll { $0 <= t - window }
            if refusalTimes[i].count >= count {
                trip(i, time: t, "\(refusalTimes[i].count) risk refusals within \(detailNumber(Double(window) / 60_000)) minutes (limit \(count))")
                refusalTimes[i].removeAll()
            }
        }
    }

    mutating func observeClose(symbol s: Int, close: Double, time t: Int64) {
        let previous = previousClose[s]
        previousClose[s] = close
        guard !previous.isNaN, previous > 0 else { return }
        let move = abs(close / previous - 1)
        for (i, breaker) in breakers.enumerated() {
            guard case .priceMove(let threshold) = breaker.trigger, move >= threshold else { continue }
            trip(i, time: t, "\(symbols[s]) closed \(detailPercent(move)) from its previous close (threshold \(detailPercent(threshold)))", symbol: s)
        }
    }

    /// Records equity at the closes; true when the max drawdown stop has just tripped and
    /// asks for every position to be flattened.
    mutating func endStep(time t: Int64, equity: Double) -> Bool {
        closeEquity = equity
        checkDailyLoss(time: t, equity: equity)
        var flatten = false
        if let stop = limits.maxDrawdown {
            peak = max(peak, equity)
            let drawdown = 1 - equity / peak
            if drawdownDetail == nil && drawdown >= stop.limit {
                let detail = "drawdown \(detailPercent(drawdown)) from peak \(detailNumber(peak)) reached the limit \(detailPercent(stop.limit))"
                drawdownDetail = detail + "; no new positions for the rest of the run"
                record(t, .maxDrawdown, .tripped, detail + (stop.flatten ? "; flattening every position" : "; no new positions"))
                flatten = stop.flatten
            }
        }
        breakerPeak = max(breakerPeak, equity)
        for (i, breaker) in breakers.enumerated() {
            guard case .drawdown(let threshold) = breaker.trigger else { continue }
            let drawdown = 1 - equity / breakerPeak
            if drawdown >= threshold {
                trip(i, time: t, "drawdown \(detailPercent(drawdown)) from \(detailNumber(breakerPeak)) (threshold \(detailPercent(threshold)))")
            }
        }
        return flatten
    }

    private mutating func checkDailyLoss(time t: Int64, equity: Double) {
        guard let limit = limits.dailyLossLimit, dailyDetail == nil else { return }
        let loss = dayStartEquity - equity
        guard loss >= limit * dayStartEquity else { return }
        let detail = "loss today \(detailNumber(loss)) is \(detailPercent(loss / dayStartEquity)) of the day's starting equity "
            + "\(detailNumber(dayStartEquity)), limit \(detailPercent(limit))"
        dailyDetail = detail + "; entries refused until the next trading day"
        record(t, .dailyLossLimit, .tripped, detail)
    }

    /// Starts breaker `i`'s halt unless one is already running (a halt is never extended).
    private mutating func trip(_ i: Int, time t: Int64, _ why: String, symbol: Int? = nil) {
        guard t >= haltUntil else { return }
        let breaker = breakers[i]
        let until: String
        switch breaker.halt {
        case .milliseconds(let ms):
            haltUntil = t + ms
            until = "until \(Timestamp(milliseconds: haltUntil))"
        case .restOfRun:
            haltUntil = .max
            until = "for the rest of the run"
        }
        haltDetail = "circuit breaker \(i + 1) (\(breaker.trigger.name)) halted entries \(until)"
        record(t, .circuitBreaker, .tripped, "\(breaker.trigger.name): \(why); entries halted \(until)", symbol: symbol)
    }

    mutating func record(_ t: Int64, _ rule: RiskRule, _ action: RiskEvent.Action, _ detail: String, symbol: Int? = nil) {
        events.append(RiskEvent(time: Timestamp(milliseconds: t), rule: rule, action: action, symbol: symbol, detail: detail))
    }
}
