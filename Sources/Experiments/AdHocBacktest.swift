import Config
import Engine
import Foundation

/// The config of `quantbt backtest`: an experiment without a folder, built from flags.
public enum AdHocBacktest {
    public static func config(strategy: String, files: [String], symbols: [String], from: String?, to: String?,
                              overrides: [String]) throws -> ExperimentConfig {
        let type = try BuiltInStrategies.named(strategy)
        let origin = "command line"
        func scalar(_ s: String) -> ConfigNode { ConfigNode(.scalar(s), origin: origin) }
        var data: [(key: String, node: ConfigNode)] = [("files", ConfigNode(.list(files.map(scalar)), origin: origin))]
        if !symbols.isEmpty { data.append(("symbols", ConfigNode(.list(symbols.map(scalar)), origin: origin))) }
        if let from { data.append(("start", scalar(from))) }
        if let to { data.append(("end", scalar(to))) }
        var root = ConfigNode(.map([
            ("name", scalar("backtest-\(type.name)")),
            ("strategy", scalar(type.name)),
            ("data", ConfigNode(.map(data), origin: origin)),
        ]), origin: origin)
        for o in overrides { try root.apply(override: o) }
        return try ExperimentConfig.read(root, defaultName: "backtest-\(type.name)", defaultStrategy: type.name)
    }
}
