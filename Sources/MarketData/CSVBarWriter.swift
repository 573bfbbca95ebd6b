import Model

/// Writes bars as `timestamp,open,high,low,close,volume` CSV, prices with the decimals of
/// the tick and volumes with three, so a synthetic file reads back to the same values.
public enum CSVBarWriter {
    public static func csv(_ series: BarSeries, priceDecimals: Int = 2, volumeDecimals: Int = 3) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(series.count * 64 + 64)
        out.append(contentsOf: Array("timestamp,open,high,low,close,volume\n".utf8))
        for i in 0..<series.count {
            Timestamp(milliseconds: series.times[i]).appendISO8601(to: &out)
            for (value, decimals) in [(series.open[i], priceDecimals), (series.high[i], priceDecimals),
                                      (series.low[i], priceDecimals), (series.close[i], priceDecimals),
                                      (series.volume[i], volumeDecimals)] {
                out.append(44)
                appendFixed(value, decimals: decimals, to: &out)
            }
            out.append(10)
        }
        return out
    }

    /// `value` with exactly `decimals` decimals (rounded half away from zero).
    public static func appendFixed(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        var scaled = Int64((abs(value) * Double(scale)).rounded())
        if value < 0 && scaled != 0 { out.append(45) }
        let whole = scaled / scale
        scaled %= scale
        out.append(contentsOf: Array(String(whole).utf8))
        guard decimals > 0 else { return }
        out.append(46)
        var digits = [UInt8](repeating: 48, count: decimals)
        for k in stride(from: decimals - 1, through: 0, by: -1) { digits[k] = 48 + UInt8(scaled % 10); scaled /= 10 }
        out.append(contentsOf: digits)
    }
}
