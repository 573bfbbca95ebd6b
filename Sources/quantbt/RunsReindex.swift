import ArgumentParser
import CLIOptions
import Experiments
import Foundation

struct RunsReindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex", abstract: "Rebuild the results store from the run folders under artifacts/.",
        discussion: """
            Reads every finished run folder, checks its files against its manifest (a folder that \
            does not match is indexed as damaged, never as succeeded), and replaces the index. \
            Folders it cannot read are named and skipped. Running it twice gives the same rows; a \
            damaged store file is replaced.

            Example:
              quantbt runs reindex
            """)

    @OptionGroup var location: StoreLocation

    func run() throws {
        let context = RunsContext(location)
        let start = Date()
        let result = try { () throws -> (indexed: Int, damaged: Int, skipped: [String]) in
            do { return try RunIndex.rebuild(try RunIndex.openForRebuild(context.path), artifacts: context.artifacts, root: context.root) } catch {
                throw CLIError("\(error)")
            }
        }()
        for s in result.skipped { FileHandle.standardError.write(Data("skipped \(s)\n".utf8)) }
        print(String(format: "indexed %d runs (%d damaged, %d folders skipped) into %@ in %.2f s", result.indexed, result.damaged,
                     result.skipped.count, context.path, Date().timeIntervalSince(start)))
    }
}
