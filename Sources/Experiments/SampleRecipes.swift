import Config
import Foundation

/// `data/samples.yaml`: how every shipped sample file is generated and its SHA-256.
///
/// Small files are committed; large ones (a year of minute bars) are generated on first use
/// by `quantbt data samples`. Either way the hash is checked, so a generator change that
/// alters a byte of the sample data is caught.
public enum SampleRecipes {
    public struct Recipe: Sendable {
        public var out: String
        public var symbol: String
        public var seed: UInt64
        public var start: String
        public var interval: String
        public var bars: Int
        public var price: Double
        public var regimes: String
        public var weekdaysOnly: Bool
        public var sha256: String?

        /// The `quantbt data synth` command that writes this file.
        public var command: String {
            "quantbt data synth --symbol \(symbol) --seed \(seed) --start \(start) --interval \(interval) --bars \(bars) "
                + "--price \(CanonicalValue.format(price)) --regimes \(regimes)\(weekdaysOnly ? " --weekdays-only" : "") --out \(out)"
        }
    }

    public struct Status: Sendable {
        public var recipe: Recipe
        public var generated: Bool
        public var sha256: String
    }

    public static func read(_ path: URL, label: String) throws -> [Recipe] {
        guard let text = try? String(contentsOf: path, encoding: .utf8) else {
            throw ConfigError("cannot read \(label); it lists the sample data files (see data/README.md)")
        }
        let root = try ConfigNode.parse(yaml: text, file: label)
        let top = try ConfigSection(root, path: "")
        guard let list = top.raw("files"), case .list(let items) = list.value else {
            throw ConfigError("\(label): expected a key 'files' with a list of recipes")
        }
        try top.finish()
        return try items.enumerated().map { i, item in
            let s = try ConfigSection(item, path: "files[\(i)]")
            let recipe = Recipe(
                out: try s.string("out", default: ""), symbol: try s.string("symbol", default: ""),
                seed: UInt64(try s.optionalInt("seed", range: 0...Int.max) ?? 42), start: try s.string("start", default: "2023-01-01"),
                interval: try s.string("interval", default: "1d"), bars: try s.optionalInt("bars", range: 1...50_000_000) ?? 0,
                price: try s.double("price", default: 100, range: 1e-6...1e9), regimes: try s.string("regimes", default: "bull:1"),
                weekdaysOnly: try s.bool("weekdays_only", default: false), sha256: try s.optionalString("sha256"))
            try s.finish()
            guard !recipe.out.isEmpty, !recipe.symbol.isEmpty, recipe.bars > 0 else {
                throw ConfigError("\(item.origin): files[\(i)]: 'out', 'symbol' and 'bars' are required")
            }
            return recipe
        }
    }

    /// Generates every listed file that is missing, then checks every file's hash.
    /// Throws on the first mismatch, naming the file and both hashes.
    public static func ensure(root: URL, recipesPath: String = "data/samples.yaml",
                              progress: (String) -> Void = { _ in }) throws -> [Status] {
        let recipes = try read(root.appendingPathComponent(recipesPath), label: recipesPath)
        return try recipes.map { r in
            let path = root.appendingPathComponent(r.out)
            var generated = false
            if !FileManager.default.fileExists(atPath: path.path) {
                progress("generating \(r.out) (\(r.bars) bars)...")
                _ = try SampleData.synthesize(symbol: r.symbol, seed: r.seed, start: r.start, interval: r.interval, bars: r.bars,
                                              price: r.price, regimes: r.regimes, weekdaysOnly: r.weekdaysOnly, out: path.path)
                generated = true
            }
            guard let data = FileManager.default.contents(atPath: path.path) else {
                throw ConfigError("cannot read \(r.out)")
            }
            let hash = RunDirectory.sha256(data)
            if let expected = r.sha256, expected != hash {
                throw ConfigError("\(r.out): SHA-256 is \(hash) but \(recipesPath) expects \(expected); "
                    + "the file was edited or the generator changed. Delete the file and run `quantbt data samples` to regenerate it, "
                    + "or update the recipe's sha256 if the change is intended")
            }
            return Status(recipe: r, generated: generated, sha256: hash)
        }
    }
}
