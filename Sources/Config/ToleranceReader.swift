import Engine
import Model
import Analysis

/// Reads the `tolerances:` section (see `ToleranceSet`), checking file, column and metric names.
package enum ToleranceReader {
    package static let files = ArtifactSchema.all.filter { $0.kind != .yaml }

    package static func read(_ section: ConfigSection) throws -> ToleranceSet {
        var set = ToleranceSet()
        set.base = try level(section.section("default"))
        for schema in files {
            let file = try section.section(schema.name)
            guard file.node != nil else { continue }
            var entry = ToleranceSet.FileLevel(level: try level(file))
            let fieldKey = schema.kind == .json ? "metrics" : "columns"
            let known = schema.kind == .json ? PerformanceMetrics.names : schema.columns
            let fields = try file.section(fieldKey)
            for name in fields.keys {
                // metrics.json also takes full dotted paths, e.g. data.rows_kept.
                let isPath = schema.kind == .json && name.contains(".")
                if !isPath && !known.contains(name) {
                    var message = "\(fields.origin(of: name)): tolerances.\(schema.name).\(fieldKey).\(name): "
                        + "\(schema.kind == .json ? "no metric" : "no column") named '\(excerpt(name))'"
                    if let hint = closestMatch(to: name, in: known) { message += " (did you mean '\(hint)'?)" }
                    throw ConfigError(message + "; known: \(known.joined(separator: ", "))")
                }
                entry.fields[name] = try level(fields.section(name))
            }
            try fields.finish()
            try file.finish()
            set.files[schema.name] = entry
        }
        try section.finish()
        return set
    }

    private static func level(_ s: ConfigSection) throws -> ToleranceSet.Level {
        .init(abs: try s.optionalDouble("abs", range: 0...Double.greatestFiniteMagnitude),
              rel: try s.optionalDouble("rel", range: 0...Double.greatestFiniteMagnitude))
    }
}
