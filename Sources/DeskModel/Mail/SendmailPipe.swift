import Foundation

/// Hands one message to the system's mail submission command (`sendmail -t -oi` by default,
/// run by `/bin/sh -c` so the desk's setting may name any command with its options). The
/// message goes on standard input with the system's line ends; exit status 0 means the mail
/// system took it.
public struct SendmailPipe: Sendable {
    public var command: String

    public init(command: String) {
        self.command = command
    }

    /// Nil when delivered; otherwise what went wrong (exit status and the command's last words).
    public func send(_ message: [UInt8]) -> String? {
        // A command that exits without reading must give an error here, not kill the desk.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return "could not start /bin/sh -c \(command): \(error)"
        }
        // Read the errors while writing, so a chatty command cannot block on a full pipe.
        let collected = ErrorCollector()
        let reader = Thread { collected.data = errors.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        var written = true
        do {
            try input.fileHandleForWriting.write(contentsOf: Data(Self.localLineEnds(message)))
        } catch {
            written = false
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        while !collected.isDone { usleep(1000) }
        let said = String(decoding: collected.data.suffix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationReason == .uncaughtSignal { return "\(command) was killed by signal \(process.terminationStatus)" + (said.isEmpty ? "" : ": \(said)") }
        if process.terminationStatus != 0 { return "\(command) exited with status \(process.terminationStatus)" + (said.isEmpty ? "" : ": \(said)") }
        if !written { return "\(command) did not read the whole message" }
        return nil
    }

    /// CRLF to LF: a local sendmail reads the system's line ends.
    static func localLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                index += 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}

/// The command's standard error, filled by the reading thread.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var done = false

    var data: Data {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue; done = true } }
    }

    var isDone: Bool { lock.withLock { done } }
}
