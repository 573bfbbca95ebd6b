/// One OHLCV bar. `time` labels the bar's start; a strategy sees the bar only after it closed.
public struct Bar: Equatable, Sendable {
    public var time: Timestamp
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    @inlinable
    public init(time: Timestamp, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        (self.time, self.open, self.high, self.low, self.close, self.volume) = (time, open, high, low, close, volume)
    }
}
