import Model

/// A trading strategy: a small value type that reads closed bars and submits orders.
///
/// The engine is generic over the strategy type, so calls are direct (no existential or
/// dictionary lookup per bar). A strategy keeps its own indicators; for several symbols it
/// keeps one per symbol, indexed by the symbol number the engine passes.
///
/// ```swift
/// struct Momentum: Strategy {
///     static let name = "momentum"
///     var sma: SMA
///     init(parameters: Parameters) throws { sma = SMA(period: try parameters.int("period", default: 20)) }
///     mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext) {
///         sma.update(bar.close)
///         guard sma.isReady else { return }
///         context.targetPercent(symbol, bar.close > sma.value ? 1 : 0)
///     }
/// }
/// ```
public protocol Strategy {
    /// The name configs use in `strategy:`.
    static var name: String { get }
    /// Reads every parameter it uses from `parameters` (unread keys are an error).
    init(parameters: Parameters) throws
    /// Called with each symbol's bar after it closed; bars of one timestamp come in symbol
    /// order.
    mutating func onBar(_ bar: Bar, symbol: Int, context: StrategyContext)
    /// Called once per timestamp after every symbol's `onBar` for it: the place for
    /// cross-sectional decisions (rank, rebalance).
    mutating func onBarsClosed(context: StrategyContext)
}

extension Strategy {
    public mutating func onBarsClosed(context: StrategyContext) {}
}
