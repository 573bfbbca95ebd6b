import Model

/// The event loop: market data → strategy → risk manager → fill simulator → portfolio.
///
/// At each timestamp of the merged timeline, in this order:
/// 1. the risk monitor starts the step (a new trading day resets the daily loss limit; a
///    circuit breaker's halt may end); day orders from earlier days expire;
/// 2. orders and cancels whose venue arrival (submission + latency) is at or before this
///    timestamp take effect (event queue);
/// 3. a forced exit due now closes every open position (`execution.forced_exits`);
/// 4. symbols with a bar here are marked at its open; then open orders, in submission order
///    across all symbols (so an exit submitted before an entry frees its cash and its slot
///    first), are matched against their symbol's bar (`FillSimulator`); each match is sized,
///    passes `RiskManager.review` at its fill price and the volume cap, and the approved
///    quantity is booked (`Portfolio.apply`); a bracket entry's fill wakes its exits;
/// 5. positions are marked at the bars' closes; the engine's ATRs and the circuit breakers
///    see the closes;
/// 6. the strategy sees each closed bar (`onBar`), then the timestamp (`onBarsClosed`);
///    with `FillTiming.close` its market orders fill now at the close, otherwise they
///    travel to the venue;
/// 7. the risk monitor sees equity at the closes (daily loss, max drawdown, breakers); a
///    drawdown stop with `flatten` sends a closing order for every position;
/// 8. equity and cash are recorded (and handed to `feed`, a chunk at a time, when given).
///
/// The loop allocates nothing per bar: the outputs are made at their final size up front
/// and written in place, and the strategy is called through a generic, not an existential.
/// Work for optional rules (monitor, ATRs, day orders, forced exits) is skipped when the
/// config does not ask for them; on a shared clock (`Timeline.shared`) a symbol's bar of
/// step i is its bar i, found without comparing times.
public struct Backtest: Sendable {
    public let series: [BarSeries]
    public let config: BacktestConfig

    public init(series: [BarSeries], config: BacktestConfig) {
        precondition(!series.isEmpty, "a backtest needs at least one series")
        (self.series, self.config) = (series, config)
    }

    @_specialize(where S == SMACrossover)
    @_specialize(where S == DonchianBreakout)
    @_specialize(where S == BollingerReversion)
    @_specialize(where S == BuyAndHold)
    public func run<S: Strategy>(_ strategy: inout S, feed: EquityFeed? = nil) -> BacktestResult {
        var state = RunState(series: series, config: config)
        return state.run(&strategy, feed: feed)
    }
}
