@testable import Engine
import Model
import Testing

/// Random order streams against random-walk prices: no approved fill ever opens more than
/// max_positions, or raises gross exposure, net exposure or a symbol's share above its
/// limit. (Price moves may push exposure over a limit; the rule is that a fill never does,
/// so a fill may leave a measure above its limit only if it did not raise it.)
@Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
func noFillBreaksTheLimits(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    let limits = RiskLimits(maxLeverage: 1.5, maxPositions: 2, maxNetExposure: 0.8, perSymbol: .init(maxPercent: 0.6), lotSize: 0.5)
    let risk = RiskManager(limits: limits, commission: CommissionModel(percent: 0.001))
    let portfolio = Portfolio(cash: 10_000, symbolCount: 3)
    var prices = [100.0, 50.0, 20.0]
    for step in 0..<2_000 {
        for s in prices.indices { prices[s] *= 1 + (random.uniform() - 0.5) * 0.02; portfolio.mark[s] = prices[s] }
        let s = Int(random.uniform() * 3)
        let side: Side = random.uniform() < 0.5 ? .buy : .sell
        let quantity = (random.uniform() * 200 / prices[s] * 10).rounded() / 10 + 0.1
        let order = Order(id: step + 1, symbol: s, side: side, size: .quantity(quantity), kind: .market, submittedAt: Timestamp(milliseconds: 0))
        let before = measures(portfolio, s)
        let (approved, _) = risk.review(order: order, side: side, quantity: quantity, price: prices[s], portfolio: portfolio,
                                        time: Timestamp(milliseconds: Int64(step)))
        #expect(approved >= 0 && approved <= quantity)
        guard approved > 0 else { continue }
        portfolio.apply(Fill(id: step + 1, orderID: step + 1, symbol: s, time: Timestamp(milliseconds: Int64(step)), side: side,
                             quantity: approved, price: prices[s], commission: approved * prices[s] * 0.001, slippage: 0), barIndex: step)
        let after = measures(portfolio, s)
        let equity = portfolio.equity, slack = 1e-6 * equity
        #expect(after.positions <= 2 || after.positions <= before.positions, "step \(step): \(after.positions) positions")
        #expect(after.gross <= 1.5 * equity + slack || after.gross <= before.gross + slack, "step \(step): gross \(after.gross)")
        #expect(after.net <= 0.8 * equity + slack || after.net <= before.net + slack, "step \(step): net \(after.net)")
        #expect(after.symbol <= 0.6 * equity + slack || after.symbol <= before.symbol + slack, "step \(step): symbol \(after.symbol)")
    }
}

private func measures(_ p: Portfolio, _ s: Int) -> (positions: Int, gross: Double, net: Double, symbol: Double) {
    (p.openPositionCount, p.grossExposure(), abs(p.netExposure()), abs(p.quantity[s]) * p.mark[s])
}
