import Engine
@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

private func risk(_ yaml: String) throws -> RiskLimits {
    try ExperimentConfig.read(ConfigNode.parse(yaml: "data: {files: [a.csv]}\nrisk:\n" + yaml, file: "x.yaml"),
                              defaultName: "x", defaultStrategy: "s").backtest.risk
}

/// Every risk key reads into its limit, and config.yaml writes each back.
@Test func riskSectionReads() throws {
    let r = try risk("  max_net_exposure: 0.5\n  per_symbol: {max_quantity: 10, max_percent: 0.25}\n  lot_size: 0.01\n  min_notional: 25\n  cooldown: 2h\n")
    #expect(r.maxNetExposure == 0.5)
    #expect(r.perSymbol == .init(maxQuantity: 10, maxPercent: 0.25))
    #expect(r.lotSize == 0.01 && r.minNotional == 25)
    #expect(r.cooldown == .milliseconds(7_200_000))
    #expect(try risk("  cooldown: 30\n").cooldown == .bars(30))
    let yaml = CanonicalValue.map(["risk": RiskReader.canonical(r)]).yaml()
    #expect(yaml.contains("  cooldown: \"2h\"\n") && yaml.contains("  max_net_exposure: 0.5\n"), "\(yaml)")
}

/// Contradictory, zero or negative limits are errors before the run, word for word.
@Test func riskSectionErrors() {
    #expect(errorText { _ = try risk("  max_net_exposure: 2\n") }
        == "x.yaml:3: risk.max_net_exposure 2.0 is above risk.max_leverage 1.0, the gross limit, so it could never bind (net exposure is at most gross); lower it or remove it")
    #expect(errorText { _ = try risk("  max_leverage: 2\n  per_symbol: {max_percent: 3}\n") }
        == "x.yaml:4: risk.per_symbol.max_percent 3.0 is above risk.max_leverage 2.0: one symbol could never reach it; lower it to at most 2.0")
    #expect(errorText { _ = try risk("  lot_size: 5\n  per_symbol: {max_quantity: 2}\n") }
        == "x.yaml:4: risk.per_symbol.max_quantity 2.0 is below one lot (risk.lot_size 5.0): no position could ever open")
    #expect(errorText { _ = try risk("  lot_size: 0\n") }
        == "x.yaml:3: risk.lot_size: 0 is out of range; use a value from 1e-12 to 1.7976931348623157e+308")
    #expect(errorText { _ = try risk("  cooldown: soon\n") }
        == "x.yaml:3: risk.cooldown: 'soon' is neither a number of bars (at least 1) nor a duration; use e.g. 30 (bars) or 2h (250ms, 30s, 15m, 1h, 1d, 1w)")
    #expect(errorText { _ = try risk("  per_symbol: {max_qty: 2}\n") }
        == "x.yaml:3: risk.per_symbol.max_qty: unknown key; known keys under risk.per_symbol: max_quantity, max_notional, max_percent")
}

/// Sizing, the daily loss limit, the drawdown stop and circuit breakers read into their
/// limits; config.yaml writes each back.
@Test func riskHaltsAndSizingRead() throws {
    let r = try risk("""
          sizing: {method: atr, risk_per_trade: 0.01, atr_multiple: 3}
          daily_loss_limit: 0.03
          max_drawdown: {limit: 0.2, flatten: true}
          circuit_breakers:
            - {trigger: price_move, threshold: 0.1, halt: 1h}
            - {trigger: rejections, count: 5, within: 30m, halt: rest}

        """)
    #expect(r.sizing == .atr(riskFraction: 0.01, multiple: 3, period: 14))
    #expect(r.dailyLossLimit == 0.03)
    #expect(r.maxDrawdown == .init(limit: 0.2, flatten: true))
    #expect(r.circuitBreakers == [CircuitBreaker(trigger: .priceMove(0.1), halt: .milliseconds(3_600_000)),
                                  CircuitBreaker(trigger: .rejections(count: 5, withinMilliseconds: 1_800_000), halt: .restOfRun)])
    #expect(try risk("  max_drawdown: 0.25\n").maxDrawdown == .init(limit: 0.25))
    #expect(try risk("  sizing: {method: fixed, quantity: 3}\n").sizing == .fixed(quantity: 3))
    let yaml = CanonicalValue.map(["risk": RiskReader.canonical(r)]).yaml()
    #expect(yaml.contains("  circuit_breakers: [{halt: \"1h\", threshold: 0.1, trigger: price_move}, {count: 5, halt: rest, trigger: rejections, within: \"30m\"}]\n"), "\(yaml)")
}

/// Bad sizing and breaker input, word for word.
@Test func riskHaltsAndSizingErrors() {
    #expect(errorText { _ = try risk("  sizing: {method: atr}\n") }
        == "x.yaml:3: risk.sizing: method atr needs risk_per_trade (the share of equity a stopped trade loses), e.g. risk_per_trade: 0.01")
    #expect(errorText { _ = try risk("  sizing: {method: fixed, quantity: 2, value: 0.5}\n") }
        == "x.yaml:3: risk.sizing.value: not used by method fixed (it reads quantity)")
    #expect(errorText { _ = try risk("  sizing: {method: kelly}\n") }
        == "x.yaml:3: risk.sizing.method: 'kelly' is not one of percent_equity, fixed, atr")
    #expect(errorText { _ = try risk("  daily_loss_limit: 0\n") }
        == "x.yaml:3: risk.daily_loss_limit: 0 is out of range; use a value from 1e-06 to 1.0")
    #expect(errorText { _ = try risk("  circuit_breakers: [{threshold: 0.1, halt: 1h}]\n") }
        == "x.yaml:3: risk.circuit_breakers[1].trigger: missing; use one of price_move, rejections, drawdown")
    #expect(errorText { _ = try risk("  circuit_breakers: [{trigger: rejections, count: 3, halt: 1h}]\n") }
        == "x.yaml:3: risk.circuit_breakers[1]: trigger rejections needs count and within, e.g. count: 5, within: 1h")
    #expect(errorText { _ = try risk("  circuit_breakers: [{trigger: drawdown, threshold: 0.1, halt: later}]\n") }
        == "x.yaml:3: risk.circuit_breakers[1].halt: 'later' is not a duration; use a number and a unit: 250ms, 30s, 15m, 1h, 1d, 1w, or rest")
}
