import DeskModel
import Foundation

/// Runs a program the user named (`$EDITOR`, `$PAGER`, `xdg-open`) on one file, with the
/// terminal handed over to it and taken back afterwards.
enum ExternalProgram {
    /// Nil when it ran and exited with 0; else why not.
    static func run(_ command: String, on file: String, terminal: TerminalDevice) -> Phrase? {
        terminal.suspend()
        defer { terminal.resume() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The command may carry arguments ("code -w", "less -R"); the file is passed as $1.
        process.arguments = ["-c", "\(command) \"$1\"", "deskterm-external", file]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return ClientRefusals.cannotStart(command)
        }
        switch process.terminationStatus {
        case 0: return nil
        // The shell's answer for a command it could not find or run.
        case 126, 127: return ClientRefusals.cannotStart(command)
        case let status: return ClientRefusals.exited(command, status: status)
        }
    }
}
