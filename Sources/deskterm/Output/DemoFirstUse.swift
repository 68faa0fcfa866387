import DeskModel
import Foundation

/// `deskterm --demo` the first time: building the demo takes seconds before the screen can
/// open, so standard error says what is happening (a line, and a bar on a terminal).
enum DemoFirstUse {
    static func build(path: String) throws(DeskError) {
        FileHandle.standardError.write(Data((Phrase.cli("Creating the demo desk at {path} (first use only)…", ["path": .text(path)]).shown + "\n").utf8))
        let bar = ProgressBar()
        try DemoDesk.build(path: path, now: Date()) { done, total in bar.update(phase: "tickets", done: done, total: total) }
        bar.finish()
    }
}
