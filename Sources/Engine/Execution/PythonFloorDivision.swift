import Foundation

extension Double {
    /// `self // divisor` exactly as CPython computes it for floats (`float_floor_div`):
    /// through fmod, so a quotient that rounds up to a whole number is still floored the
    /// way Python floors it. Whole-unit sizing (`execution.target_units: whole`) uses it to
    /// size as backtesting.py does, to the unit.
    public func pythonFloorDivided(by divisor: Double) -> Double {
        var mod = truncatingRemainder(dividingBy: divisor)
        var div = (self - mod) / divisor
        if mod != 0 {
            if (divisor < 0) != (mod < 0) {
                mod += divisor
                div -= 1
            }
        }
        guard div != 0 else { return Double(signOf: self / divisor, magnitudeOf: 0) }
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }
}
