import Foundation
import Testing

/// The corpus reader against archives GNU tar writes the way `fuzz/run.sh` packs them.
struct TarEntriesTests {
    private func archive(_ files: [(String, Data)]) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "--format=ustar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner",
                         "-cf", dir.appendingPathComponent("out.tar").path, "-C", dir.path] + files.map(\.0)
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        return try Data(contentsOf: dir.appendingPathComponent("out.tar"))
    }

    @Test func readsEveryFileWithItsBytesInOrder() throws {
        // Sizes around the 512-byte blocks: empty, one short, exactly one block, one over.
        let files: [(String, Data)] = [
            ("a-empty", Data()),
            ("b-short", Data("2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n".utf8)),
            ("c-block", Data(repeating: 0x41, count: 512)),
            ("d-over", Data((0..<513).map { UInt8($0 % 251) })),
        ]
        let read = try TarEntries(archive(files)).files
        #expect(read.map(\.name) == files.map(\.0))
        #expect(read.map(\.data) == files.map(\.1))
    }

    @Test func aCutArchiveIsAnErrorNotFewerInputs() throws {
        let whole = try archive([("big", Data(repeating: 7, count: 2000))])
        #expect(throws: TarEntries.Malformed.self) { try TarEntries(whole.prefix(1024)) }
        #expect(try TarEntries(Data()).files.isEmpty)
    }
}
