@testable import Analysis
@testable import Config
@testable import Experiments
import Testing

private func read(_ yaml: String, overrides: [String] = []) throws -> ExperimentConfig {
    var node = try ConfigNode.parse(yaml: yaml, file: "experiment.yaml")
    for o in overrides { try node.apply(override: o) }
    return try ExperimentConfig.read(node, defaultName: "demo", defaultStrategy: "sma-crossover")
}

private let minimal = """
    data:
      files: [data/sample/ETHUSD-1h.csv]
    """

/// Defaults fill every key that the file leaves out.
@Test func defaults() throws {
    let c = try read(minimal)
    #expect(c.name == "demo" && c.strategy == "sma-crossover" && c.seed == 42)
    #expect(c.backtest.capital == 100_000 && c.backtest.fillTiming == .nextOpen && c.backtest.risk.maxLeverage == 1)
    #expect(c.symbolNames == ["ETHUSD"])
}

/// An unknown key names file:line, the key path, a did-you-mean and the known keys.
@Test func unknownKeyWithHint() {
    #expect(errorText { _ = try read(minimal + "\ncosts:\n  comission: 0.001\n") }
        == "experiment.yaml:4: costs.comission: unknown key (did you mean 'commission'?); known keys under costs: commission, commission_per_unit, commission_fixed, commission_min, slippage_bps, slippage_range, slippage_atr, slippage_atr_period")
    #expect(errorText { _ = try read(minimal + "\ncapitol: 5\n") }.hasPrefix("experiment.yaml:3: capitol: unknown key (did you mean 'capital'?)"))
}

/// `metrics.profile` names a library whose definitions the ratios follow; default quantbt.
@Test func metricProfiles() throws {
    #expect(try read(minimal).metrics.profile == .quantbt)
    #expect(try read(minimal, overrides: ["metrics.profile=quantstats"]).metrics.profile == .quantstats)
    #expect(errorText { _ = try read(minimal + "\nmetrics: {profile: empirical}\n") }
        == "experiment.yaml:3: metrics.profile: 'empirical' is not one of quantbt, empyrical, quantstats, backtesting.py (did you mean 'empyrical'?)")
}

/// Wrong types and out-of-range values name the key and what to write instead.
@Test func wrongTypesAndRanges() {
    #expect(errorText { _ = try read(minimal + "\ncapital: lots\n") } == "experiment.yaml:3: capital: expected a number, got 'lots'")
    #expect(errorText { _ = try read(minimal + "\nexecution: {fill: nextopen}\n") }
        == "experiment.yaml:3: execution.fill: 'nextopen' is not one of next_open, close (did you mean 'next_open'?)")
    #expect(errorText { _ = try read(minimal + "\ncosts: {commission: 2}\n") }
        == "experiment.yaml:3: costs.commission: 2 is out of range; use a value from 0.0 to 0.5")
    #expect(errorText { _ = try read(minimal + "\ndata: {files: [a.csv]}\n") }.hasPrefix("experiment.yaml: not valid YAML: Parser: expected all keys to be unique but found the following duplicated key(s): 'data'"))
    #expect(errorText { _ = try read("data: {files: [a.csv], start: 2023-02-30}\n") }
        == "experiment.yaml:1: data.start: '2023-02-30' is not a date; use 2023-01-31 or 2023-01-31T12:00:00Z")
    #expect(errorText { _ = try read("data: {}\n") }
        == "experiment.yaml:1: data: no input; set data.files to a list of CSV files, or data.sqlite to a database")
}

/// `--set` overrides any key by dotted path and says where a bad value came from.
@Test func overrides() throws {
    let c = try read(minimal, overrides: ["params.fast=5", "costs.commission=0.002", "data.symbols=[ETH]", "risk.max_positions=3"])
    #expect(c.parameters["fast"] == .int(5))
    #expect(c.backtest.commission.percent == 0.002)
    #expect(c.symbolNames == ["ETH"])
    #expect(c.backtest.risk.maxPositions == 3)
    #expect(errorText { _ = try read(minimal, overrides: ["capital=abc"]) } == "--set capital=abc: capital: expected a number, got 'abc'")
    #expect(errorText { _ = try read(minimal, overrides: ["fast"]) } == "--set 'fast': expected KEY.PATH=VALUE, e.g. --set params.fast=10")
    #expect(errorText { _ = try read(minimal, overrides: ["riks.max_positions=3"]) }.hasPrefix("--set riks.max_positions=3: riks: unknown key (did you mean 'risk'?)"))
}

/// The canonical config is sorted and independent of key order and comments in the file.
@Test func canonicalConfigIgnoresLayout() throws {
    let a = try read("# comment\ncapital: 5000\ndata: {files: [x.csv]}\nparams: {slow: 30, fast: 10}\n")
    let b = try read("params:\n  fast: 10\n  slow: 30\ndata:\n  files:\n    - x.csv\ncapital: 5000.0\n")
    #expect(a.canonical.yaml() == b.canonical.yaml())
    #expect(a.canonical.yaml().hasPrefix("capital: 5000.0\ncosts:\n  commission: 0.0\n"))
}
