import Engine
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
