#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The progress line of long work: on standard error, only when it is a terminal, only once a
/// step has lasted a second, updated four times a second, erased when the step ends; `--quiet`
/// silences it. Nothing is written to a pipe or a file, so outputs stay what the docs show.
///
/// The engines report no fraction done (they are single calls), so the line says the step, its
/// size and the time spent: `pricing 1 000 000 records... 2.3 s`.
enum Progress {
    /// Set by `--quiet` (any command), before any work starts.
    static let quiet = Atomic<Bool>(false)

    /// After how long a step shows its line; `COORDKIT_PROGRESS_AFTER_MS` changes it (the tests
    /// use it with a pseudo-terminal).
    static let delay: Duration = {
        if let text = ProcessInfo.processInfo.environment["COORDKIT_PROGRESS_AFTER_MS"], let value = Int(text), value >= 0 {
            return .milliseconds(value)
        }
        return .seconds(1)
    }()

    static var enabled: Bool { !quiet.load(ordering: .relaxed) && isatty(2) == 1 }

    /// Runs `body`, showing `step` with the time spent if it lasts longer than ``delay``.
    static func step<T, E: Error>(_ step: String, _ body: () throws(E) -> T) throws(E) -> T {
        guard enabled else { return try body() }
        let line = Line(step: step)
        let thread = Thread { line.watch() }
        thread.start()
        defer { line.finish() }
        return try body()
    }

    /// One step's line, shared between the work and the thread that draws it.
    final class Line: Sendable {
        private struct State { var finished = false; var shown = false }
        private let state = Mutex(State())
        private let step: String
        private let start = ContinuousClock.now

        init(step: String) { self.step = step }

        /// Draws the line until the step finishes (runs on its own thread).
        func watch() {
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                let elapsed = ContinuousClock.now - start
                let done = state.withLock { state -> Bool in
                    if state.finished { return true }
                    guard elapsed >= Progress.delay else { return false }
                    let components = elapsed.components
                    let tenths = components.seconds * 10 + components.attoseconds / 100_000_000_000_000_000  // trap-free: a process's elapsed seconds x 10 is far below Int64.max
                    Progress.write("\r\(step)... \(tenths / 10).\(tenths % 10) s\u{1B}[K")
                    state.shown = true
                    return false
                }
                if done { return }
            }
        }

        /// Ends the step and erases its line if it was shown.
        func finish() {
            state.withLock { state in
                state.finished = true
                if state.shown { Progress.write("\r\u{1B}[K") }
            }
        }
    }

    static func write(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}
