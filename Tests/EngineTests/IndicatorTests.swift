import Engine
import Model
import Testing

private func series(_ n: Int, seed: UInt64 = 1) -> [Double] {
    var rng = SeededRandom(seed: seed)
    var p = 100.0
    return (0..<n).map { _ in p *= 1 + 0.01 * rng.normal(); return (p * 100).rounded() / 100 }
}

/// SMA equals the plain average of the last `period` values at every step.
@Test func smaMatchesReference() {
    let xs = series(500)
    var sma = SMA(period: 20)
    for (i, x) in xs.enumerated() {
        sma.update(x)
        if i >= 19 {
            let ref = xs[(i - 19)...i].reduce(0, +) / 20
            #expect(abs(sma.value - ref) <= 1e-12 * ref)
        }
        #expect(sma.isReady == (i >= 19))
    }
}

/// Over a year of minute bars the running sum ends where the straight sum ends, to 2 ulps.
/// (A naive add-new/subtract-old sum drifted about 55 ulps on a similar series.)
@Test func smaDoesNotDriftOverAYearOfMinutes() {
    var rng = SeededRandom(seed: 3)
    var p = 30_000.0
    let xs = (0..<525_600).map { _ in p *= 1 + 0.0008 * rng.normal(); return (p * 100).rounded() / 100 }
    var sma = SMA(period: 30)
    for x in xs { sma.update(x) }
    var straight = 0.0
    for x in xs.suffix(30) { straight += x }
    #expect(abs(sma.value * 30 - straight) <= 2 * straight.ulp)
}

/// EMA seeds with the SMA of the first `period` values, then smooths with 2/(n+1).
@Test func emaByHand() {
    var ema = EMA(period: 3)
    ema.update(1); ema.update(2)
    #expect(ema.value.isNaN)
    ema.update(3)
    #expect(ema.value == 2)
    ema.update(6)  // 2 + 0.5 * (6 - 2)
    #expect(ema.value == 4)
}

/// ATR: Wilder average of true ranges; the first TR is high − low.
@Test func atrByHand() {
    var atr = ATR(period: 2)
    atr.update(high: 10, low: 8, close: 9)    // TR 2
    atr.update(high: 12, low: 9, close: 11)   // TR max(3, 3, 0) = 3 → seed (2+3)/2 = 2.5
    #expect(atr.value == 2.5)
    atr.update(high: 11, low: 7, close: 8)    // TR max(4, 0, 4) = 4 → 2.5 + (4-2.5)/2 = 3.25
    #expect(atr.value == 3.25)
}

/// RSI: all gains → 100; equal average gain and loss → 50.
@Test func rsiByHand() {
    var up = RSI(period: 3)
    for x in [1.0, 2, 3, 4] { up.update(x) }
    #expect(up.value == 100)
    var mixed = RSI(period: 2)
    for x in [10.0, 11, 10] { mixed.update(x) }   // gains 1,0 losses 0,1 → 50
    #expect(mixed.value == 50)
}

/// Bollinger bands match a two-pass mean and population deviation.
@Test func bollingerMatchesReference() {
    let xs = series(400, seed: 9).map { $0 * 1000 }   // large prices: cancellation would show here
    var bb = BollingerBands(period: 20, width: 2)
    for (i, x) in xs.enumerated() {
        bb.update(x)
        guard i >= 19 else { continue }
        let w = xs[(i - 19)...i]
        let mean = w.reduce(0, +) / 20
        let sd = (w.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 20).squareRoot()
        #expect(abs(bb.middle - mean) <= 1e-9 * mean)
        #expect(abs(bb.upper - (mean + 2 * sd)) <= 1e-7 * mean)
    }
}

/// Rolling highest/lowest match a scan of the window.
@Test func rollingExtremesMatchReference() {
    let xs = series(300, seed: 5)
    var hi = RollingExtreme(period: 7, kind: .highest), lo = RollingExtreme(period: 7, kind: .lowest)
    for (i, x) in xs.enumerated() {
        hi.update(x); lo.update(x)
        let w = xs[max(0, i - 6)...i]
        #expect(hi.value == w.max()!)
        #expect(lo.value == w.min()!)
    }
}

/// Ties neither cross nor change state: below, tie, above crosses up once.
@Test func crossoverTieRule() {
    var c = Crossover()
    #expect(c.update(fast: 1, slow: 2) == .none)   // first side sets state
    #expect(c.update(fast: 2, slow: 2) == .none)   // tie
    #expect(c.update(fast: 3, slow: 2) == .up)
    #expect(c.update(fast: 2, slow: 2) == .none)
    #expect(c.update(fast: 3, slow: 2) == .none)   // above, tie, above: no cross
    #expect(c.update(fast: 1, slow: 2) == .down)
}

/// Ties built by hand: (b + c) / 2 and (a + b + c) / 3 are equal when a = (b + c) / 2, but
/// floating-point sums make them differ in the last digit (16381.23 against
/// 16381.230000000001; 16408.629999999997 against 16408.63). Tick-exact sums keep them equal.
@Test func smaTiesOnADecimalGridAreExact() {
    for (a, b, c) in [(16381.23, 16123.02, 16639.44), (16637.42, 16545.49, 16729.35), (16385.04, 16397.63, 16372.45),
                      (16408.63, 16772.01, 16045.25)] {
        #expect((b + c) / 2 != ((a + b) + c) / 3 || (b + c) / 2 != a)  // the floating-point sums do not tie
        var fast = SMA(period: 2), slow = SMA(period: 3)
        for x in [a, b, c] { fast.update(x); slow.update(x) }
        #expect(fast.value == slow.value)
        #expect(fast.value == a)
    }
}

/// Over a long walk on a cent grid the average is the exact mean, correctly rounded, at
/// every bar (the integer sum computed here is the reference); mixed grids refine.
@Test func smaIsTheExactMeanOfTicks() {
    var rng = SeededRandom(seed: 11)
    var cents: Int64 = 1_633_547
    var sma = SMA(period: 240)
    var window: [Int64] = []
    for _ in 0..<100_000 {
        cents += Int64((rng.normal() * 300).rounded())
        let price = Double(cents) / 100
        sma.update(price)
        window.append(cents)
        if window.count > 240 { window.removeFirst() }
        let exact = Double(window.reduce(0, +)) / (Double(window.count) * 100)  // the exact mean, rounded once
        if sma.value != exact { Issue.record("SMA \(sma.value) against the exact \(exact) at \(price)"); return }
    }
    // A value with more decimals refines the grid; one off every grid falls back to the compensated sum.
    var mixed = SMA(period: 3)
    for x in [1.5, 2.25, 0.125] { mixed.update(x) }
    #expect(mixed.value == 3.875 / 3)
    mixed.update(1.0 / 3)
    #expect(abs(mixed.value - (2.25 + 0.125 + 1.0 / 3) / 3) < 1e-15)
    // From then on the window's compensated sum (rebuilt from the window when exactness was
    // lost, not kept before) carries on: 2.25 leaves, 4 comes in.
    mixed.update(4)
    #expect(abs(mixed.value - (0.125 + 1.0 / 3 + 4) / 3) < 1e-15)
}

/// The exact path keeps the window as whole ticks; a finer grid arriving with a full
/// window moves every kept value to it, and leaving the exact path rebuilds the Doubles
/// from the ticks, oldest first. Each step is checked against the plain mean of the window.
@Test func smaRefinesAndFallsBackWithAFullWindow() {
    var sma = SMA(period: 4)
    var window: [Double] = []
    func feed(_ x: Double) {
        sma.update(x)
        window.append(x)
        if window.count > 4 { window.removeFirst() }
    }
    for x in [1.25, 2.5, 3.75, 5.0, 6.25] { feed(x) }  // quarters: a grid of 10^-2; the ring has wrapped
    #expect(sma.value == (2.5 + 3.75 + 5.0 + 6.25) / 4)
    feed(0.0625)  // needs 10^-4: the three kept values are moved to the finer grid
    #expect(sma.value == (3.75 + 5.0 + 6.25 + 0.0625) / 4)
    feed(1.0 / 3)  // on no grid: the window becomes Doubles, the oldest (3.75) leaving
    #expect(abs(sma.value - window.reduce(0, +) / 4) < 1e-15)
    for x in [2.0, 7.5, 0.1] {
        feed(x)
        #expect(abs(sma.value - window.reduce(0, +) / 4) < 1e-15)
    }
    #expect(sma.isReady)
    // Warming up when exactness is lost: the count carries on from the values kept.
    var young = SMA(period: 5)
    young.update(1.5)
    young.update(1.0 / 3)
    #expect(!young.isReady)
    #expect(abs(young.value - (1.5 + 1.0 / 3) / 2) < 1e-15)
    for x in [1.0, 2.0, 3.0] { young.update(x) }
    #expect(young.isReady)
    #expect(abs(young.value - (1.5 + 1.0 / 3 + 6) / 5) < 1e-15)
}

/// Two averages updated together (one conversion to ticks for both) are the two updated
/// one by one, bit for bit, at every step: on a grid, through grid refinements, on prices a
/// half tick off the grid (the rounding's ties), off every grid, and where one falls back
/// before the other. Those cases, by hand: 2,000 prices near 4e9 are 8e12 ticks of $1 in
/// the slow window, 4e10 in the fast one; 4e9 + 0.0625 needs ticks of 10^-4, and 8e16 ticks
/// are past 2^53, so the slow average leaves the exact path while the fast one (4e14) stays.
/// And with the grid unchanged: 2.1 million prices near 4.294e9 (just under 2^32 ticks) sum
/// past 2^53 in a window of 2.1 million, not in one of 10.
@Test func smaPairsMatchSingleUpdates() {
    var rng = SeededRandom(seed: 11)
    var grids = series(3_000, seed: 5)                                                // cents
    for _ in 0..<500 { grids.append((rng.uniform() * 1e4).rounded() / 1e4) }          // a finer grid
    grids += [0.125, 0.375, 1.000_05, 2.000_005]                                      // ties, refinements
    for _ in 0..<300 { grids.append(rng.normal() / 3) }                               // on no grid
    var large: [Double] = (0..<2_100).map { (k: Int) -> Double in 4e9 + Double(k % 97) }
    large.append(4e9 + 0.0625)
    large += (0..<100).map { (k: Int) -> Double in 4e9 + Double(k) }
    large.append(1.0 / 3)
    let long: [Double] = (0..<2_100_100).map { (k: Int) -> Double in 4_294_000_000 + Double(k % 97) }
    for (values, periods) in [(grids, [(3, 7), (10, 30), (10, 2_000)]), (large, [(3, 7), (10, 2_000)]), (long, [(10, 2_100_000)])] {
        for (fastPeriod, slowPeriod) in periods {
            var (fast, slow) = (SMA(period: fastPeriod), SMA(period: slowPeriod))
            var (pairFast, pairSlow) = (fast, slow)
            for (i, x) in values.enumerated() {
                fast.update(x)
                slow.update(x)
                SMA.update(&pairFast, &pairSlow, with: x)
                guard pairFast.value.bitPattern == fast.value.bitPattern, pairSlow.value.bitPattern == slow.value.bitPattern else {
                    Issue.record("(\(fastPeriod), \(slowPeriod)) differ at step \(i), value \(x)")
                    break
                }
            }
        }
    }
}
