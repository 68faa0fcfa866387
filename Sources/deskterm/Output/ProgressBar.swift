import DeskModel
import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var lastPhase = ""
    private var drawn = false

    init(enabled: Bool = true) {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    /// Whether anything is drawn: without a bar an import need not count its input first.
    var isEnabled: Bool { enabled }

    func update(phase: String, done: Int, total: Int) {
        guard enabled else { return }
        let now = Date()
        // Redraw at most ten times a second, and always when the phase changes or ends.
        guard phase != lastPhase || done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        lastPhase = phase
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let language = CommandLanguage.current
        let counts = "\(NumberText.grouped(done, in: language))/\(NumberText.grouped(total, in: language))"
        let line = String(format: "\r%@ %3.0f%% %@ %@ · %.1fs\u{1B}[K", bar, fraction * 100, ProgressWords.phase(phase), counts, now.timeIntervalSince(started))
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
