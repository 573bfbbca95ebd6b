// The fuzzing entry of every FuzzTarget. Built two ways:
//   make fuzz       with -sanitize=fuzzer,address -DFUZZING: libFuzzer's main calls
//                   LLVMFuzzerTestOneInput; QUANTBT_FUZZ_TARGET names the target.
//   swift build     a plain executable that replays files: quantbt-fuzz TARGET FILE-OR-DIR...
//                   (to reproduce a crash a fuzzer kept, without the sanitizers).
import Foundation
import FuzzTargets

#if FUZZING
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["QUANTBT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("set QUANTBT_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(name)')")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(bytes.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
}

// SwiftPM links an executable's entry as `<module>_main` (and points `main` at it), so
// libFuzzer's own main is never linked: start its driver from here instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("quantbt_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (count, vector) = (argc, argv)
    return runDriver(&count, &vector) { bytes, size in fuzzOneInput(bytes, size) }
}
#else
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            print("usage: quantbt-fuzz TARGET FILE-OR-DIR...  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
            print("replays inputs through a fuzz target; `make fuzz` builds the libFuzzer version")
            exit(2)
        }
        var files: [String] = []
        for path in arguments.dropFirst() {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                files += names.sorted().map { "\(path)/\($0)" }
            } else {
                files.append(path)
            }
        }
        var slowest = (0.0, "")
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let start = Date()
            target.run(data)
            let seconds = Date().timeIntervalSince(start)
            if seconds > slowest.0 { slowest = (seconds, file) }
        }
        print("\(name): \(files.count) inputs, no crash; slowest \(String(format: "%.3f", slowest.0)) s (\(slowest.1))")
    }
}
#endif
