import Config
import Analysis
import Engine
import MarketData

/// What a finished run hands back to the CLI: where it went and what it measured.
public struct RunOutcome: RecordedOutcome {
    public static var kind: String { "run" }
    public var runDirectory = ""
    public var config: ExperimentConfig
    public var metrics: PerformanceMetrics
    public var dataReport: ValidationReport
    public var result: BacktestResult
    /// breakdowns.json: by symbol, period and tag, worst drawdowns, benchmark, chart curves.
    /// Made on first read, once (the run's files are written meanwhile; see `Once`).
    public var breakdowns: CanonicalValue {
        get { pendingBreakdowns.value }
        set { pendingBreakdowns = Once(value: newValue) }
    }
    var pendingBreakdowns = Once(value: CanonicalValue.null)
    /// A plain run's report, rendered beside its files (`BacktestStudy`).
    let tearsheet = TearsheetDraft()
    /// A plain run's equity.csv, formatted while its backtest ran (`BacktestStudy`).
    var equityCSV: EquityCSVStream?

    /// The single JSON object `--json` prints.
    public var json: CanonicalValue {
        .map([
            "run_dir": .string(runDirectory),
            "experiment": .string(config.name),
            "metrics": metrics.canonical,
            "data_checks": ExperimentRunner.checkCounts(dataReport),
        ])
    }

    /// How returns, Sharpe, Sortino, CAGR and drawdown were computed under `profile`.
    static func definitions(_ profile: MetricProfile) -> [String: CanonicalValue] {
        switch profile {
        case .quantbt:
            return ["returns": .string("simple per-bar returns of equity at bar closes; the first from initial capital"),
                    "sharpe": .string("mean excess return / sample std (n-1) * sqrt(periods_per_year)"),
                    "sortino": .string("mean excess return / sqrt(mean(min(excess, 0)^2)) * sqrt(periods_per_year)"),
                    "cagr": .string("calendar days from first to last bar, 365.25 days a year"),
                    "drawdown": .string("mark-to-market at every bar close, from the running peak (initial capital included)")]
        case .empyrical, .quantstats:
            let rf = profile == .quantstats ? "(1 + risk_free_rate)^(1/periods_per_year) - 1" : "risk_free_rate / periods_per_year"
            return ["returns": .string("the equity curve's pct_change at bar closes: n - 1 returns, none for the first bar; excess over \(rf)"),
                    "sharpe": .string("mean excess return / sample std (n-1) of excess returns * sqrt(periods_per_year)"),
                    "sortino": .string("mean excess return / sqrt(mean(min(excess, 0)^2)) * sqrt(periods_per_year)"),
                    "cagr": .string("(final equity / first bar's equity)^(periods_per_year / returns) - 1"),
                    "drawdown": .string("from the running peak of equity at every bar close, the first bar's equity the first peak"),
                    "win_rate": .string(profile == .quantstats ? "positive returns / non-zero returns (per bar, not per trade)"
                                                               : "winning closed trades / closed trades (empyrical defines none)")]
        case .backtestingPy:
            return ["returns": .string("pct_change of equity resampled to its resampling period (last value each), no return for the first period"),
                    "sharpe": .string("(Return (Ann.) - risk_free_rate) / Volatility (Ann.), with Volatility (Ann.) = "
                        + "sqrt((var(ddof 1) + (1 + g)^2)^trading_days - (1 + g)^(2 trading_days)), g the geometric mean return"),
                    "sortino": .string("(Return (Ann.) - risk_free_rate) / (sqrt(mean(min(r, 0)^2)) * sqrt(trading_days))"),
                    "cagr": .string("(final equity / first bar's equity)^(1 / years) - 1, years = (days + seconds / 86400) / 365.25 from first to last bar"),
                    "drawdown": .string("from the running peak of equity at every bar close, the first bar's equity the first peak"),
                    "calmar": .string("Return (Ann.) / max_drawdown (backtesting.py's Calmar Ratio); null without a drawdown"),
                    "win_rate": .string("closed trades with pnl > 0 / closed trades")]
        }
    }

    /// metrics.json: the metrics, their conventions, what data they cover, and the counts
    /// of rejections by rule, risk events and orders.
    var metricsDocument: CanonicalValue {
        let m = metrics, result = self.result
        var byRule: [String: CanonicalValue] = [:]
        for r in result.rejections { if case .int(let n) = byRule[r.rule.rawValue] ?? .int(0) { byRule[r.rule.rawValue] = .int(n + 1) } }
        var eventCounts: [String: [String: Int]] = [:]  // rule → action → count
        for e in result.riskEvents { eventCounts[e.rule.rawValue, default: [:]][e.action.rawValue, default: 0] += 1 }
        let events = eventCounts.mapValues { CanonicalValue.map($0.mapValues { .int($0) }) }
        return .map([
            "metrics": m.canonical,
            "conventions": .map([
                "periods_per_year": .number(m.periodsPerYear),
                "periods_per_year_source": .string(m.periodsPerYearSource),
                "risk_free_rate": .number(config.metrics.riskFreeRate),
                "profile": .string(config.metrics.profile.description),
                "calmar": .string("cagr / max_drawdown; null without a drawdown"),
                "trades": .string("closed round trips only; positions still open at the end are in equity, not in trade stats"),
            ].merging(Self.definitions(config.metrics.profile)) { _, b in b }.merging(m.profileConventions.mapValues { .string($0) }) { _, b in b }),
            "data": .map([
                "symbols": .list(result.symbols.map { .string($0) }),
                "rows_read": .int(dataReport.rowsRead),
                "rows_kept": .int(dataReport.rowsKept),
                "checks": ExperimentRunner.checkCounts(dataReport),
                "first_bar": .string(Timestamp(milliseconds: result.times.first ?? 0).description),
                "last_bar": .string(Timestamp(milliseconds: result.times.last ?? 0).description),
            ]),
            "rejections_by_rule": .map(byRule),
            "risk_events": .map(events),
            "orders": .map([
                "submitted": .int(result.ordersSubmitted), "cancelled": .int(result.ordersCancelled),
                "expired": .int(result.ordersExpired), "replaces_failed": .int(result.replacesFailed),
            ]),
            "open_positions_at_end": .int(result.openPositionsAtEnd),
        ])
    }
}
