extension RunFilter {
    struct Token: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case word, number, string, op, open, close }
        var kind: Kind
        var text: String
        var column: Int
    }

    /// Splits a filter into words (fields, and, or, not, true, false), numbers, quoted
    /// strings, comparison operators and parentheses.
    enum Lexer {
        static func tokens(_ text: String) throws(SyntaxError) -> [Token] {
            let chars = Array(text)
            var tokens: [Token] = []
            var i = 0
            while i < chars.count {
                let c = chars[i], column = i + 1
                if c.isWhitespace { i += 1; continue }
                if c == "(" || c == ")" { tokens.append(Token(kind: c == "(" ? .open : .close, text: String(c), column: column)); i += 1; continue }
                if "=!<>".contains(c) {
                    var op = String(c)
                    if i + 1 < chars.count, chars[i + 1] == "=" { op.append("="); i += 1 }
                    i += 1
                    guard Op(rawValue: op) != nil else {
                        throw SyntaxError(column: column, message: "'\(op)' is not a comparison; use = != < <= > >=")
                    }
                    tokens.append(Token(kind: .op, text: op, column: column))
                    continue
                }
                if c == "'" || c == "\"" {
                    var s = "", j = i + 1, closed = false
                    while j < chars.count {
                        if chars[j] == c {
                            if j + 1 < chars.count, chars[j + 1] == c { s.append(c); j += 2; continue }  // '' is a quote
                            closed = true
                            break
                        }
                        s.append(chars[j]); j += 1
                    }
                    guard closed else { throw SyntaxError(column: column, message: "the string starting here is not closed; end it with \(c)") }
                    tokens.append(Token(kind: .string, text: s, column: column))
                    i = j + 1
                    continue
                }
                if c.isNumber || ((c == "-" || c == "+" || c == ".") && i + 1 < chars.count && (chars[i + 1].isNumber || chars[i + 1] == ".")) {
                    var j = i + 1
                    while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "e" || chars[j] == "E"
                            || ((chars[j] == "-" || chars[j] == "+") && (chars[j - 1] == "e" || chars[j - 1] == "E")) { j += 1 }
                    let s = String(chars[i..<j])
                    guard Double(s) != nil else { throw SyntaxError(column: column, message: "'\(s)' is not a number") }
                    tokens.append(Token(kind: .number, text: s, column: column))
                    i = j
                    continue
                }
                if c.isLetter || c == "_" {
                    var j = i + 1
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber || "_.-".contains(chars[j]) { j += 1 }
                    tokens.append(Token(kind: .word, text: String(chars[i..<j]), column: column))
                    i = j
                    continue
                }
                throw SyntaxError(column: column, message: "unexpected '\(c)'; a condition looks like metrics.sharpe > 1")
            }
            return tokens
        }
    }

    /// Recursive descent: or of ands of (not) comparisons or parenthesised expressions.
    struct Parser {
        var tokens: [Token]
        var position = 0
        /// The column just past the text, for "expected ... at the end".
        var end: Int

        /// Parentheses and `not`s open now, and conditions read: both bounded, so neither
        /// this recursion nor the SQL it compiles to (SQLite's parser and expression depth)
        /// can be driven over its limit by a long filter (found by fuzzing).
        var depth = 0
        var conditions = 0
        static let maxDepth = 32
        static let maxConditions = 200

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func enter(_ token: Token) throws(SyntaxError) {
            depth += 1
            guard depth <= Self.maxDepth else {
                throw SyntaxError(column: token.column, message: "nested more than \(Self.maxDepth) levels deep (parentheses and not); a filter needs a few")
            }
        }

        mutating func next() -> Token? {
            defer { position += 1 }
            return peek
        }

        func isWord(_ t: Token?, _ word: String) -> Bool { t?.kind == .word && t?.text.lowercased() == word }

        mutating func expression() throws(SyntaxError) -> Node {
            var node = try conjunction()
            while isWord(peek, "or") { position += 1; node = .or(node, try conjunction()) }
            return node
        }

        mutating func conjunction() throws(SyntaxError) -> Node {
            var node = try negation()
            while isWord(peek, "and") { position += 1; node = .and(node, try negation()) }
            return node
        }

        mutating func negation() throws(SyntaxError) -> Node {
            if isWord(peek, "not") {
                try enter(next()!)
                defer { depth -= 1 }
                return .not(try negation())
            }
            if peek?.kind == .open {
                let open = next()!
                try enter(open)
                defer { depth -= 1 }
                let node = try expression()
                guard peek?.kind == .close else {
                    throw SyntaxError(column: peek?.column ?? end, message: "the '(' at column \(open.column) is not closed; add ')'")
                }
                position += 1
                return node
            }
            conditions += 1
            guard conditions <= Self.maxConditions else {
                throw SyntaxError(column: peek?.column ?? end, message: "more than \(Self.maxConditions) conditions; a filter needs far fewer (list runs in several passes)")
            }
            return try comparison()
        }

        mutating func comparison() throws(SyntaxError) -> Node {
            guard let fieldToken = next() else { throw SyntaxError(column: end, message: "expected a condition such as metrics.sharpe > 1") }
            guard fieldToken.kind == .word else {
                throw SyntaxError(column: fieldToken.column, message: "expected a field (metrics.KEY, params.KEY, tags.KEY, git.dirty, experiment, ...), found '\(fieldToken.text)'")
            }
            let field = try Self.field(fieldToken)
            guard let opToken = next(), opToken.kind == .op, let op = Op(rawValue: opToken.text) else {
                throw SyntaxError(column: tokens.indices.contains(position - 1) ? tokens[position - 1].column : end,
                                  message: "expected = != < <= > >= after '\(fieldToken.text)'")
            }
            guard let valueToken = next() else {
                throw SyntaxError(column: end, message: "expected a value after '\(op.rawValue)', e.g. \(fieldToken.text) \(op.rawValue) 1")
            }
            let value: Value
            switch valueToken.kind {
            case .number: value = .number(Double(valueToken.text)!)
            case .string: value = .text(valueToken.text)
            case .word where ["true", "false"].contains(valueToken.text.lowercased()): value = .bool(valueToken.text.lowercased() == "true")
            default:
                throw SyntaxError(column: valueToken.column, message: "expected a number, true, false or a quoted string, found '\(valueToken.text)'"
                    + (valueToken.kind == .word ? " (quote text: '\(valueToken.text)')" : ""))
            }
            return .compare(field, op, value)
        }

        static func field(_ t: Token) throws(SyntaxError) -> Field {
            let parts = t.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            switch parts[0] {
            case "metrics" where parts.count == 2 && !parts[1].isEmpty: return .metric(segment: "full", key: parts[1])
            case "metrics" where parts.count == 3 && !parts[1].isEmpty && !parts[2].isEmpty: return .metric(segment: parts[1], key: parts[2])
            case "params" where parts.count >= 2: return .param(parts.dropFirst().joined(separator: "."))
            case "tags" where parts.count >= 2: return .tag(parts.dropFirst().joined(separator: "."))
            default:
                if RunFilter.runColumns[t.text] != nil { return .column(t.text) }
                throw SyntaxError(column: t.column, message: "unknown field '\(t.text)'; use metrics.KEY, metrics.SEGMENT.KEY, params.KEY, tags.KEY, "
                    + "git.commit, git.dirty, id, experiment, kind, status, started or finished")
            }
        }
    }
}
