import Analysis
import Engine
import MarketData
import Model

/// An experiment's fully resolved config: defaults, then the file, then `--set` overrides.
///
/// Every key is checked: an unknown key, a wrong type or an out-of-range value is a
/// `ConfigError` naming the file:line (or the `--set`) and the key path. `canonical` is the
/// form written to config.yaml: every key, defaults included, sorted.
public struct ExperimentConfig: Sendable, Equatable {
    /// Data files and symbols a run takes: a universe of a few thousand names fits, a list
    /// that an alias or a script ran away with does not.
    public static let maxFiles = 10_000
    public static let maxSymbols = 10_000

    public struct DataSource: Sendable, Equatable {
        /// CSV files, one per symbol.
        public var files: [String] = []
        /// A SQLite database with an OHLCV table (instead of files).
        public var sqlite: String?
        public var table = "crypto_ohlcv"
        /// One name per file (default: the file name up to its first '.', '-' or '_'),
        /// or the symbols to read from the SQLite table.
        public var symbols: [String] = []
        public var start: Timestamp?
        public var end: Timestamp?
        public var checks = DataChecks()
    }

    public var name: String
    public var description: String = ""
    public var seed: UInt64 = 42
    public var data = DataSource()
    public var strategy: String
    public var parameters: [String: ParameterValue] = [:]
    public var backtest = BacktestConfig()
    public var metrics = MetricConventions()
    /// `time_zone`: trading days (daily loss limit, day orders) start at midnight here.
    public var timeZone = "UTC"
    /// `output.equity_every`: keep one equity row per period (ms) instead of every bar.
    public var equityEvery: Int64?
    /// `report:` what a plain run's breakdowns.json and tearsheet compare against.
    public var report = ReportOptions()
    /// Splits and stress scenarios for `quantbt validate`.
    public var validation = ValidationPlan()
    /// The grid of `quantbt sweep` and the folds of `quantbt walk-forward`.
    public var sweep = SweepPlan()
    public var walkForward = WalkForwardPlan()
    /// How verify and diff compare runs; not part of config.yaml (see `ToleranceSet`).
    public var tolerances = ToleranceSet()

    public init(name: String, strategy: String) {
        (self.name, self.strategy) = (name, strategy)
    }

    /// Reads and validates `root` (the parsed file with overrides applied).
    public static func read(_ root: ConfigNode, defaultName: String, defaultStrategy: String) throws -> ExperimentConfig {
        let top = try ConfigSection(root, path: "")
        var config = ExperimentConfig(name: try top.string("name", default: defaultName),
                                      strategy: try top.string("strategy", default: defaultStrategy))
        config.description = try top.string("description", default: "")
        if let seed = try top.optionalInt("seed", range: 0...Int.max) { config.seed = UInt64(seed) }
        config.backtest.capital = try top.double("capital", default: 100_000, range: 1e-6...1e15)
        config.timeZone = try top.string("time_zone", default: "UTC")
        if !ZoneCalendar.isKnown(config.timeZone) {
            throw ConfigError("\(top.origin(of: "time_zone")): time_zone: '\(excerpt(config.timeZone))' is not a time zone; "
                + "use an IANA name such as UTC, America/New_York, Europe/London or Asia/Tokyo")
        }

        let data = try top.section("data")
        config.data.files = try data.stringList("files", atMost: Self.maxFiles, what: "files")
        config.data.sqlite = try data.optionalString("sqlite")
        config.data.table = try data.string("table", default: "crypto_ohlcv")
        config.data.symbols = try data.stringList("symbols", atMost: Self.maxSymbols, what: "symbols")
        config.data.start = try data.date("start")
        config.data.end = try data.date("end")
        let checks = try data.section("checks")
        for check in DataCheck.allCases {
            let policy = try checks.string(check.rawValue, default: CheckPolicy.error.rawValue, oneOf: CheckPolicy.allCases.map(\.rawValue))
            config.data.checks.policies[check] = CheckPolicy(rawValue: policy)!
        }
        try checks.finish()
        try data.finish()
        try config.validateDataSource(origin: data.node?.origin ?? root.origin)

        let params = try top.section("params")
        if let node = params.node, case .map(let pairs) = node.value {
            for (key, child) in pairs {
                _ = params.raw(key)
                guard case .scalar(let s) = child.value else {
                    throw ConfigError("\(child.origin): params.\(key): expected a single value, got a \(child.kindName)")
                }
                config.parameters[key] = ParameterValue(yamlScalar: s)
            }
        }
        try params.finish()

        let costs = try top.section("costs")
        config.backtest.commission = CommissionModel(
            percent: try costs.double("commission", default: 0, range: 0...0.5),
            perUnit: try costs.double("commission_per_unit", default: 0, range: 0...1e9),
            fixed: try costs.double("commission_fixed", default: 0, range: 0...1e9),
            minimum: try costs.double("commission_min", default: 0, range: 0...1e9))
        config.backtest.slippage = SlippageModel(
            basisPoints: try costs.double("slippage_bps", default: 0, range: 0...10_000),
            rangeFraction: try costs.double("slippage_range", default: 0, range: 0...10),
            atrFraction: try costs.double("slippage_atr", default: 0, range: 0...10),
            atrPeriod: try costs.optionalInt("slippage_atr_period", range: 1...100_000) ?? 14)
        try costs.finish()

        (config.backtest.fillTiming, config.backtest.execution) = try ExecutionReader.read(top.section("execution"), seed: config.seed)

        config.backtest.risk = try RiskReader.read(top.section("risk"))

        let metrics = try top.section("metrics")
        config.metrics = MetricConventions(
            periodsPerYear: try metrics.optionalDouble("periods_per_year", range: 1...1e8),
            riskFreeRate: try metrics.double("risk_free_rate", default: 0, range: -1...1),
            profile: MetricProfile(rawValue: try metrics.string("profile", default: MetricProfile.quantbt.rawValue,
                                                                 oneOf: MetricProfile.allCases.map(\.rawValue)))!)
        try metrics.finish()

        let output = try top.section("output")
        config.equityEvery = try output.optionalDuration("equity_every", word: "bar")
        try output.finish()

        let report = try top.section("report")
        config.report = ReportOptions(benchmark: try report.optionalString("benchmark"),
                                      rollingWindow: try report.optionalInt("rolling_window", range: 2...10_000_000))
        try report.finish()

        config.validation = try ValidationReader.read(splits: top.section("splits"), stress: top.section("stress"))
        config.sweep = try SweepReader.read(top.section("sweep"))
        config.walkForward = try SweepReader.readWalkForward(top.section("walk_forward"))
        config.tolerances = try ToleranceReader.read(top.section("tolerances"))

        try top.finish()
        return config
    }

    private func validateDataSource(origin: String) throws {
        if data.files.isEmpty && data.sqlite == nil {
            throw ConfigError("\(origin): data: no input; set data.files to a list of CSV files, or data.sqlite to a database")
        }
        if !data.files.isEmpty && data.sqlite != nil {
            throw ConfigError("\(origin): data: set either data.files or data.sqlite, not both")
        }
        if data.sqlite != nil && data.symbols.isEmpty {
            throw ConfigError("\(origin): data.symbols: a SQLite source needs the symbols to read, e.g. symbols: [BTCUSD]")
        }
        if !data.files.isEmpty && !data.symbols.isEmpty && data.symbols.count != data.files.count {
            throw ConfigError("\(origin): data.symbols: \(data.symbols.count) symbols for \(data.files.count) files; give one symbol per file, or none to use the file names")
        }
        if let start = data.start, let end = data.end, end < start {
            throw ConfigError("\(origin): data.end \(end.dateString) is before data.start \(start.dateString)")
        }
    }

    /// The symbol names, in the order the strategy numbers them.
    public var symbolNames: [String] {
        if !data.symbols.isEmpty { return data.symbols }
        return data.files.map { path in
            let file = path.split(separator: "/").last.map(String.init) ?? path
            return String(file.prefix { $0 != "." && $0 != "-" && $0 != "_" })
        }
    }

    /// Every key with its resolved value, sorted: what config.yaml holds.
    public var canonical: CanonicalValue {
        var dataMap: [String: CanonicalValue] = [
            "symbols": .list(symbolNames.map { .string($0) }),
            "start": data.start.map { .string($0.description) } ?? .null,
            "end": data.end.map { .string($0.description) } ?? .null,
            "checks": .map(Dictionary(uniqueKeysWithValues: DataCheck.allCases.map { ($0.rawValue, .string(data.checks[$0].rawValue)) })),
        ]
        if let sqlite = data.sqlite {
            dataMap["sqlite"] = .string(sqlite)
            dataMap["table"] = .string(data.table)
        } else {
            dataMap["files"] = .list(data.files.map { .string($0) })
        }
        let b = backtest
        let (splits, stress) = ValidationReader.canonical(validation)
        let (sweepValue, walkForwardValue) = SweepReader.canonical(sweep, walkForward)
        return .map([
            "sweep": sweepValue,
            "walk_forward": walkForwardValue,
            "splits": splits,
            "stress": stress,
            "name": .string(name),
            "description": .string(description),
            "seed": .int(Int(seed)),
            "capital": .number(b.capital),
            "strategy": .string(strategy),
            "params": .map(parameters.mapValues(\.canonical)),
            "data": .map(dataMap),
            "costs": .map([
                "commission": .number(b.commission.percent), "commission_per_unit": .number(b.commission.perUnit),
                "commission_fixed": .number(b.commission.fixed), "commission_min": .number(b.commission.minimum),
                "slippage_bps": .number(b.slippage.basisPoints), "slippage_range": .number(b.slippage.rangeFraction),
                "slippage_atr": .number(b.slippage.atrFraction), "slippage_atr_period": .int(b.slippage.atrPeriod),
            ]),
            "execution": ExecutionReader.canonical(fill: b.fillTiming, b.execution),
            "time_zone": .string(timeZone),
            "risk": RiskReader.canonical(b.risk),
            "metrics": .map([
                "periods_per_year": .optional(metrics.periodsPerYear), "risk_free_rate": .number(metrics.riskFreeRate),
                "profile": .string(metrics.profile.rawValue),
            ]),
            "output": .map(["equity_every": .string(equityEvery.map(DurationText.format) ?? "bar")]),
            "report": .map(["benchmark": report.benchmark.map { .string($0) } ?? .null, "rolling_window": report.rollingWindow.map { .int($0) } ?? .null]),
        ])
    }
}

extension ParameterValue {
    /// A YAML scalar as the most specific type it spells: whole number, number, bool, word.
    package init(yamlScalar s: String) {
        if let i = Int(s.replacingUnderscores) { self = .int(i) }
        else if let d = Double(s.replacingUnderscores), d.isFinite { self = .double(d) }
        else if ["true", "false"].contains(s.lowercased()) { self = .bool(s.lowercased() == "true") }
        else { self = .string(s) }
    }

    package var canonical: CanonicalValue {
        switch self {
        case .int(let i): .int(i)
        case .double(let d): .number(d)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        }
    }
}
