import Foundation

/// Runs a program found on PATH and collects what it prints (for `swift --version` and
/// `swift build`).
public enum CommandOutput {
    /// (exit status, standard output; standard error too when `includeErrors`).
    public static func capture(_ tool: String, _ args: [String], includeErrors: Bool = true) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = includeErrors ? pipe : FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
