import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Counts the work of a running stage across its tasks and shows it to people.
///
/// Tasks on any thread call `add`; the reporter prints at most every `interval` seconds.
/// On a terminal it redraws one status line (documents, MB, rate, ETA); otherwise (logs,
/// CI) it prints plain lines. Thread safety: all state sits in one `Mutex`.
public final class Progress: Sendable {
    /// Where progress goes.
    public enum Style: Sendable {
        /// One redrawn status line on standard error.
        case terminal
        /// Plain log lines on standard error.
        case lines
        /// Nothing (tests, library use).
        case silent
    }

    private struct State {
        var documents: Int64 = 0
        var bytes: Int64 = 0
        var lastPrint: Double = 0
        var started: Double = 0
        var note = ""
    }

    private let label: String
    private let totalBytes: Int64?
    private let style: Style
    private let interval: Double
    private let state: Mutex<State>

    /// Creates a reporter.
    ///
    /// - Parameters:
    ///   - label: what is running ("step 1 ingest").
    ///   - totalBytes: the input size if known, for the ETA.
    ///   - style: `.terminal` when standard error is a terminal, else `.lines`, by default.
    ///   - interval: seconds between updates (default 0.5 on a terminal, 10 in logs).
    public init(label: String, totalBytes: Int64?, style: Style? = nil, interval: Double? = nil) {
        let chosen = style ?? (isatty(2) == 1 ? .terminal : .lines)
        self.label = label
        self.totalBytes = totalBytes
        self.style = chosen
        self.interval = interval ?? (chosen == .terminal ? 0.5 : 10)
        let now = Self.now()
        self.state = Mutex(State(lastPrint: now, started: now))
    }

    /// Adds finished work; prints if the interval has passed.
    public func add(documents: Int64, bytes: Int64) {
        guard style != .silent else { return }
        let line: String? = state.withLock { state in
            state.documents += documents
            state.bytes += bytes
            let now = Self.now()
            guard now - state.lastPrint >= interval else { return nil }
            state.lastPrint = now
            return render(state, now: now)
        }
        if let line { emit(line, final: false) }
    }

    /// Shows `message` after the figures from now on (what a long single task is doing, such as
    /// a training round); prints if the interval has passed.
    public func note(_ message: String) {
        guard style != .silent else { return }
        let line: String? = state.withLock { state in
            state.note = message
            let now = Self.now()
            guard now - state.lastPrint >= interval else { return nil }
            state.lastPrint = now
            return render(state, now: now)
        }
        if let line { emit(line, final: false) }
    }

    /// Prints the final figures and ends the status line.
    public func finish() {
        guard style != .silent else { return }
        let line = state.withLock { render($0, now: Self.now()) }
        emit(line, final: true)
    }

    private func render(_ state: State, now: Double) -> String {
        let seconds = max(now - state.started, 1e-6)
        let megabytes = Double(state.bytes) / 1e6
        let rate = megabytes / seconds
        var text = "\(label): \(state.documents) docs, \(Self.format(megabytes)) MB, \(Self.format(rate)) MB/s"
        if let totalBytes, totalBytes > 0, state.bytes > 0, state.bytes < totalBytes {
            let remaining = Double(totalBytes - state.bytes) / 1e6 / max(rate, 1e-9)
            text += ", ETA \(Self.clock(remaining))"
        }
        if !state.note.isEmpty { text += " (\(state.note))" }
        return text
    }

    private func emit(_ line: String, final: Bool) {
        let text: String
        switch style {
        case .terminal: text = "\r\u{1B}[K" + line + (final ? "\n" : "")
        case .lines: text = line + "\n"
        case .silent: return
        }
        StandardError.write(text)
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let minutes = total / 60
        let rest = total % 60
        return "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
