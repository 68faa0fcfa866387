import DeskModel
import Foundation

/// `deskterm copy`'s progress on standard error: one line per table, redrawn in place while
/// its rows go when standard error is a terminal, written once when the table is done
/// otherwise (a log gets plain lines). Silent with --quiet.
final class CopyProgress {
    private let quiet: Bool
    private let inPlace: Bool
    private var lastDraw = Date.distantPast
    private var lastPhase = ""
    private let started = Date()

    init(quiet: Bool) {
        self.quiet = quiet
        inPlace = isatty(STDERR_FILENO) != 0
    }

    func report(_ event: DeskCopy.Event) {
        guard !quiet else { return }
        switch event {
        case .rows(let table, let done, let total):
            guard inPlace else { return }
            let now = Date()
            guard done == 0 || done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            write("\r\(Self.padded(table)) " + Phrase.cli(one: "{done}/{count} row", other: "{done}/{count} rows", count: total,
                                                          ["done": .quantity(Int64(done)), "count": .quantity(Int64(total))]).shown + "\u{1B}[K")
        case .tableDone(let table, let rows):
            let count = Phrase.cli(one: "{count} row", other: "{count} rows", count: rows, ["count": .quantity(Int64(rows))]).shown
            write((inPlace ? "\r" : "") + "\(elapsed) \(Self.padded(table)) \(count)\(inPlace ? "\u{1B}[K" : "")\n")
        case .building(let phase):
            // A target reports each step; one line per kind of step is enough.
            guard phase != lastPhase else { return }
            lastPhase = phase
            write("\(elapsed) " + Phrase.cli("building {step}", ["step": .text(ProgressWords.phase(phase))]).shown + "\n")
        case .verifying(let table):
            guard inPlace else { return }
            write("\r" + Phrase.cli("verifying {table}", ["table": .text(table)]).shown + "\u{1B}[K")
        }
    }

    /// Ends a line left open by an in-place update.
    func finish() {
        guard !quiet, inPlace else { return }
        write("\r\u{1B}[K")
    }

    /// Seconds since the copy started, so that a log shows what each step took.
    private var elapsed: String { String(format: "%7.1fs", Date().timeIntervalSince(started)) }

    private static func padded(_ table: String) -> String {
        table.padding(toLength: max(table.count, 14), withPad: " ", startingAt: 0)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
