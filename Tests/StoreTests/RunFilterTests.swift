import Foundation
@testable import Store
import Testing

/// `and` binds tighter than `or`; `not` tighter than both; parentheses override.
@Test func precedence() throws {
    let f = try RunFilter("metrics.sharpe > 1 and params.fast <= 20 or tags.author = 'ana'")
    guard case .or(.and(.compare(.metric("full", "sharpe"), .gt, .number(1)), .compare(.param("fast"), .le, .number(20))),
                   .compare(.tag("author"), .eq, .text("ana"))) = f.root else { Issue.record("parsed as \(f.root)"); return }
    let g = try RunFilter("not git.dirty = true and (kind = 'run' or kind = \"sweep\")")
    guard case .and(.not(.compare(.column("git.dirty"), .eq, .bool(true))), .or(.compare(.column("kind"), .eq, .text("run")),
                                                                               .compare(.column("kind"), .eq, .text("sweep")))) = g.root else {
        Issue.record("parsed as \(g.root)"); return
    }
}

/// A segment sits between metrics and the key; a number compares the parameter's number, a
/// quoted string its text.
@Test func segmentsAndValueTypes() throws {
    let f = try RunFilter("metrics.validation.sharpe >= -0.5e-1")
    #expect(f.root == .compare(.metric(segment: "validation", key: "sharpe"), .ge, .number(-0.05)))
    #expect(try RunFilter("params.fast > 100").sql.clause.contains("p.number > ?"))
    #expect(try RunFilter("params.mode = 'fast'").sql.clause.contains("p.text = ?"))
    #expect(try RunFilter("params.mode != 'it''s'").sql.arguments == [.text("mode"), .text("it's")])
}

/// Errors point at the column of the problem, word for word.
@Test func errorsNameTheColumn() {
    func message(_ text: String) -> String {
        do { _ = try RunFilter(text); return "parsed" } catch { return error.description }
    }
    #expect(message("metrics.sharpe > ") == "filter: column 18: expected a value after '>', e.g. metrics.sharpe > 1")
    #expect(message("metrics.sharpe 1") == "filter: column 16: expected = != < <= > >= after 'metrics.sharpe'")
    #expect(message("(metrics.sharpe > 1") == "filter: column 20: the '(' at column 1 is not closed; add ')'")
    #expect(message("sharpe > 1") == "filter: column 1: unknown field 'sharpe'; use metrics.KEY, metrics.SEGMENT.KEY, params.KEY, tags.KEY, "
        + "git.commit, git.dirty, id, experiment, kind, status, started or finished")
    #expect(message("tags.author = 'ana") == "filter: column 15: the string starting here is not closed; end it with '")
    #expect(message("metrics.sharpe > 1 metrics.cagr > 0") == "filter: column 20: unexpected 'metrics.cagr'; join conditions with and / or")
    #expect(message("kind = run") == "filter: column 8: expected a number, true, false or a quoted string, found 'run' (quote text: 'run')")
    #expect(message("metrics.sharpe ~ 1") == "filter: column 16: unexpected '~'; a condition looks like metrics.sharpe > 1")
}

/// Found by fuzzing: 100 conditions joined by `and` compiled to 100 nested parentheses,
/// which overflow SQLite's parser. A chain is one flat list now; nesting and length are
/// bounded with an error, word for word; and the SQL of a long filter runs.
@Test func longFiltersStayWithinSQLitesLimits() throws {
    func message(_ text: String) -> String {
        do { _ = try RunFilter(text); return "parsed" } catch { return error.description }
    }
    let chain = (0..<200).map { "kind != 'k\($0)'" }.joined(separator: " and ")
    let clause = try RunFilter(chain).sql.clause
    var depth = 0, deepest = 0
    for c in clause { if c == "(" { depth += 1; deepest = max(deepest, depth) } else if c == ")" { depth -= 1 } }
    #expect(deepest <= 2, "the SQL nests \(deepest) parentheses deep")
    #expect(message(chain + " and kind = 'x'")
        == "filter: column \(chain.count + 6): more than 200 conditions; a filter needs far fewer (list runs in several passes)")
    #expect(message(String(repeating: "(", count: 33) + "kind = 'x'" + String(repeating: ")", count: 33))
        == "filter: column 33: nested more than 32 levels deep (parentheses and not); a filter needs a few")
    #expect(message(String(repeating: "not ", count: 40) + "kind = 'x'")
        == "filter: column 129: nested more than 32 levels deep (parentheses and not); a filter needs a few")
    #expect(message(String(repeating: "(", count: 100_000)).hasSuffix("nested more than 32 levels deep (parentheses and not); a filter needs a few"))

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filter-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try RunStore(path: folder.appendingPathComponent("runs.sqlite").path)
    for filter in [chain, (0..<200).map { "metrics.sharpe > \($0)" }.joined(separator: " or "),
                   String(repeating: "(", count: 32) + "kind = 'x'" + String(repeating: ")", count: 32)] {
        var query = RunStore.Query()
        query.filter = try RunFilter(filter)
        #expect(try store.list(query).total == 0)
    }
}
