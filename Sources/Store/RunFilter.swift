/// The filter language of `quantbt runs list --filter` and the server's `?filter=`:
///
/// ```
/// metrics.sharpe > 1 and params.fast <= 20 or (tags.author = 'ana' and git.dirty = false)
/// ```
///
/// Comparisons `= != < <= > >=` between a field and a value; `and` binds tighter than `or`;
/// `not` and parentheses. Fields: `metrics.KEY` (segment full) or `metrics.SEGMENT.KEY`,
/// `params.KEY`, `tags.KEY`, `git.commit`, `git.dirty`, and the run's `id`, `experiment`,
/// `kind`, `status`, `started`, `finished`. A number compares as a number (a parameter's
/// numeric value), a quoted string as text. It compiles to SQL with bound values only.
public struct RunFilter: Sendable, Equatable {
    indirect enum Node: Sendable, Equatable {
        case and(Node, Node), or(Node, Node), not(Node)
        case compare(Field, Op, Value)
    }

    enum Field: Sendable, Equatable {
        case metric(segment: String, key: String), param(String), tag(String), column(String)
    }

    enum Op: String, Sendable, Equatable, CaseIterable { case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }

    enum Value: Sendable, Equatable { case number(Double), text(String), bool(Bool) }

    let root: Node

    /// A filter the user typed that does not parse: the column (from 1) of the problem.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
        public var column: Int
        public var message: String
        public var description: String { "filter: column \(column): \(message)" }
    }

    public init(_ text: String) throws(SyntaxError) {
        var parser = Parser(tokens: try Lexer.tokens(text), end: text.count + 1)
        root = try parser.expression()
        if let extra = parser.peek {
            throw SyntaxError(column: extra.column, message: "unexpected '\(extra.text)'; join conditions with and / or")
        }
    }

    /// The WHERE clause over `runs` and its arguments.
    public var sql: (clause: String, arguments: [DatabaseArgument]) {
        var arguments: [DatabaseArgument] = []
        let clause = Self.sql(root, &arguments)
        return (clause, arguments)
    }

    static let runColumns: [String: String] = [
        "id": "runs.id", "experiment": "runs.experiment", "kind": "runs.kind", "status": "runs.status", "started": "runs.started",
        "finished": "runs.finished", "git.commit": "runs.git_commit", "git.dirty": "runs.git_dirty", "parent": "runs.parent_id",
    ]

    /// The operands of a run of the same operator, left to right.
    private static func chain(_ node: Node, isAnd: Bool) -> [Node] {
        switch (node, isAnd) {
        case (.and(let a, let b), true), (.or(let a, let b), false): return chain(a, isAnd: isAnd) + chain(b, isAnd: isAnd)
        default: return [node]
        }
    }

    private static func sql(_ node: Node, _ args: inout [DatabaseArgument]) -> String {
        switch node {
        // A chain a and b and c is one flat list, not a parenthesis per link: a left-deep
        // nest of 100 links overflows SQLite's parser stack (found by fuzzing).
        case .and: return "(" + chain(node, isAnd: true).map { sql($0, &args) }.joined(separator: " AND ") + ")"
        case .or: return "(" + chain(node, isAnd: false).map { sql($0, &args) }.joined(separator: " OR ") + ")"
        case .not(let a): return "NOT (\(sql(a, &args)))"
        case .compare(let field, let op, let value):
            let v: DatabaseArgument = switch value {
            case .number(let d): .number(d)
            case .text(let s): .text(s)
            case .bool(let b): .number(b ? 1 : 0)
            }
            switch field {
            case .column(let name):
                // A commit prefix matches: git.commit = 'abc1234'.
                if name == "git.commit", op == .eq, case .text(let s) = value {
                    args.append(.text(s + "%"))
                    return "runs.git_commit LIKE ?"
                }
                args.append(v)
                return "\(runColumns[name]!) \(op.rawValue) ?"
            case .metric(let segment, let key):
                args += [.text(segment), .text(key), v]
                return "EXISTS (SELECT 1 FROM metrics m WHERE m.run_id = runs.id AND m.segment = ? AND m.key = ? AND m.value \(op.rawValue) ?)"
            case .param(let key):
                args += [.text(key), v]
                let column = if case .number = value { "p.number" } else { "p.text" }
                return "EXISTS (SELECT 1 FROM params p WHERE p.run_id = runs.id AND p.key = ? AND \(column) \(op.rawValue) ?)"
            case .tag(let key):
                args += [.text(key), v]
                return "EXISTS (SELECT 1 FROM tags t WHERE t.run_id = runs.id AND t.key = ? AND t.value \(op.rawValue) ?)"
            }
        }
    }
}

/// A bound value of a query; the store turns it into a SQLite value.
public enum DatabaseArgument: Sendable, Equatable { case number(Double), text(String) }
