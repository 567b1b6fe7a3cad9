import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Counts the work of a running stage across its tasks and shows it to people.
///
/// Tasks on any thread call `add` (through a `ProgressMeter`, which buffers a task's counts
/// and flushes them every `ProgressMeter.flushInterval` seconds, from inside a shard too); the
/// reporter prints at most every `interval` seconds. On a terminal it redraws one status line
/// (documents, MB of their text, rate, ETA); otherwise (logs, CI) it prints plain lines. The
/// MB are text bytes (the UTF-8 bytes of the documents' text, the catalog's `bytes`); the
/// ETA comes from the share of the input's bytes on disk read (`inputBytes` of
/// `totalBytes`). Thread safety: all state sits in one `Mutex`.
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
        var inputBytes: Int64 = 0
        var lastPrint: Double = 0
        var started: Double = 0
        var note = ""
    }

    private let label: String
    private let totalBytes: Int64?
    private let style: Style
    private let interval: Double
    private let state: Mutex<State>
    /// Monotonic seconds (the system clock, or a test's).
    let clock: @Sendable () -> Double
    /// Where printed text goes (standard error, or a test's collector).
    private let sink: @Sendable (String) -> Void

    /// The terminal redraw interval: with meters flushing every `ProgressMeter.flushInterval`,
    /// the line is redrawn at least twice a second.
    public static let terminalInterval = 0.4

    /// Creates a reporter.
    ///
    /// - Parameters:
    ///   - label: what is running ("step 1 ingest").
    ///   - totalBytes: the input size if known, for the ETA.
    ///   - style: `.terminal` when standard error is a terminal, else `.lines`, by default.
    ///   - interval: seconds between updates (default `terminalInterval` on a terminal, 10 in
    ///     logs).
    public convenience init(label: String, totalBytes: Int64?, style: Style? = nil, interval: Double? = nil) {
        self.init(
            label: label, totalBytes: totalBytes, style: style ?? (isatty(2) == 1 ? .terminal : .lines),
            interval: interval, clock: Progress.now, sink: StandardError.write)
    }

    /// Creates a reporter reading `clock` and printing to `sink` (tests: no terminal needed).
    init(
        label: String, totalBytes: Int64?, style: Style, interval: Double?, clock: @escaping @Sendable () -> Double,
        sink: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.totalBytes = totalBytes
        self.style = style
        self.interval = interval ?? (style == .terminal ? Self.terminalInterval : 10)
        self.clock = clock
        self.sink = sink
        let now = clock()
        self.state = Mutex(State(lastPrint: now, started: now))
    }

    /// Whether anything is shown: a silent reporter lets meters skip their clock reads.
    var isSilent: Bool { style == .silent }

    /// Adds finished work whose input and text bytes are the same count (the shard bytes a
    /// dedupe or tokenizer phase read); prints if the interval has passed.
    public func add(documents: Int64, bytes: Int64) {
        add(documents: documents, textBytes: bytes, inputBytes: bytes)
    }

    /// Adds finished work: documents read, the bytes of their text (shown as MB and rate) and
    /// the input bytes on disk read (for the ETA); prints if the interval has passed.
    public func add(documents: Int64, textBytes: Int64, inputBytes: Int64) {
        guard style != .silent else { return }
        let line: String? = state.withLock { state in
            state.documents += documents
            state.bytes += textBytes
            state.inputBytes += inputBytes
            let now = clock()
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
            let now = clock()
            guard now - state.lastPrint >= interval else { return nil }
            state.lastPrint = now
            return render(state, now: now)
        }
        if let line { emit(line, final: false) }
    }

    /// Prints the final figures and ends the status line.
    public func finish() {
        guard style != .silent else { return }
        let line = state.withLock { render($0, now: clock()) }
        emit(line, final: true)
    }

    private func render(_ state: State, now: Double) -> String {
        let seconds = max(now - state.started, 1e-6)
        let megabytes = Double(state.bytes) / 1e6
        let rate = megabytes / seconds
        var text = "\(label): \(state.documents) docs, \(Self.format(megabytes)) MB, \(Self.format(rate)) MB/s"
        if let totalBytes, totalBytes > 0, state.inputBytes > 0, state.inputBytes < totalBytes {
            // The time so far, scaled by the share of the input still to read.
            let remaining = seconds * Double(totalBytes - state.inputBytes) / Double(state.inputBytes)
            text += ", ETA \(Self.clockText(remaining))"
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
        sink(text)
    }

    @Sendable private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func clockText(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let minutes = total / 60
        let rest = total % 60
        return "\(minutes):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
