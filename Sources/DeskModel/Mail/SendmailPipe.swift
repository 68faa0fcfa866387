import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Hands one message to the system's mail submission command (`sendmail -t -oi` by default,
/// run by `/bin/sh -c` so the desk's setting may name any command with its options, or
/// directly when the shell would only cut it into words: `PlainCommand`). The
/// message goes on standard input with the system's line ends; exit status 0 means the mail
/// system took it. Spawned with posix_spawn and fed through poll(2): Foundation's `Process`
/// cost tens of milliseconds per mail, a third of the outbox's delivery rate.
public struct SendmailPipe: Sendable {
    public var command: String
    /// A mail system that hangs (Postfix's sendmail with its queue gone waits for ever) must not
    /// stop delivery: past this many seconds the command and its children are killed and the
    /// mail stays queued for a later attempt.
    public var timeout: TimeInterval

    public static let defaultTimeout: TimeInterval = 60

    public init(command: String, timeout: TimeInterval = defaultTimeout) {
        self.command = command
        self.timeout = timeout
    }

    /// Nil when delivered; otherwise what went wrong (exit status and the command's last words).
    public func send(_ message: [UInt8]) -> String? {
        // A command that exits without reading must give an error here, not kill the desk.
        signal(SIGPIPE, SIG_IGN)
        let (program, arguments) = PlainCommand.resolved(command) ?? (program: "/bin/sh", arguments: ["/bin/sh", "-c", command])
        var input: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        // From pipe(2) to the spawn, one thread at a time: a command another thread started in
        // between would inherit these pipes before they are close-on-exec and hold this
        // command's input open as long as it runs (Glibc's module offers no pipe2).
        Self.spawning.lock()
        guard pipe(&input) == 0 else { Self.spawning.unlock(); return "no pipe: \(String(cString: strerror(errno)))" }
        guard pipe(&errors) == 0 else {
            Self.spawning.unlock()
            close(input[0]); close(input[1])
            return "no pipe: \(String(cString: strerror(errno)))"
        }
        // Only the dup2'd copies (0 and 2) reach the command, and no other process's child.
        for fd in input + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        // ...but the command itself starts with every signal as it should be.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // A group of its own, so that a timeout kills what `sh -c` started too.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, program, &actions, &attributes, &argv, environ)
        Self.spawning.unlock()
        close(input[0])
        close(errors[1])
        guard spawned == 0 else {
            close(input[1]); close(errors[0])
            return "could not start \(arguments.joined(separator: " ")): \(String(cString: strerror(spawned)))"
        }
        let deadline = Date().addingTimeInterval(timeout)
        let (written, said) = Self.exchange(Self.localLineEnds(message), to: input[1], readingErrorsFrom: errors[0], until: deadline)
        guard let status = Self.exitStatus(of: pid, until: deadline) else {
            kill(-pid, SIGKILL)
            var ignored: Int32 = 0
            while waitpid(pid, &ignored, 0) < 0 && errno == EINTR {}
            return "\(command) did not finish within \(Int(timeout)) s and was stopped"
        }
        let words = String(decoding: said.suffix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let tail = words.isEmpty ? "" : ": \(words)"
        if status & 0x7f != 0 { return "\(command) was killed by signal \(status & 0x7f)\(tail)" }
        let exit = (status >> 8) & 0xff
        if exit != 0 { return "\(command) exited with status \(exit)\(tail)" }
        if !written { return "\(command) did not read the whole message\(tail)" }
        return nil
    }

    private static let spawning = NSLock()

    /// The child's wait status, or nil when it is still running at `deadline`.
    static func exitStatus(of pid: pid_t, until deadline: Date) -> Int32? {
        var status: Int32 = 0
        // The command has usually closed its output and is exiting: look again soon, then less often.
        var pause: useconds_t = 20
        while true {
            let found = waitpid(pid, &status, WNOHANG)
            if found == pid { return status }
            if found < 0 && errno != EINTR { return 0x7f00 }  // gone without a status: exit 127
            if Date() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 500)
        }
    }

    /// Writes `message` and reads the command's standard error at the same time, so that
    /// neither side can block the other, until `deadline`; closes both descriptors.
    static func exchange(
        _ message: [UInt8], to input: Int32, readingErrorsFrom errors: Int32, until deadline: Date
    ) -> (written: Bool, errors: [UInt8]) {
        var offset = 0
        var writing = true
        var reading = true
        var said: [UInt8] = []
        var written = true
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while writing || reading {
            var fds: [pollfd] = []
            if writing { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            if reading { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 1000)) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == input {
                    let count = message.withUnsafeBytes { bytes in
                        Glibc.write(input, bytes.baseAddress! + offset, min(65_536, message.count - offset))
                    }
                    if count > 0 { offset += count }
                    if count < 0 && errno != EAGAIN && errno != EINTR { written = false }
                    if offset >= message.count || !written || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        close(input)
                        writing = false
                    }
                } else {
                    let count = read(errors, &buffer, buffer.count)
                    if count > 0 {
                        said += buffer[0..<count]
                        if said.count > 4096 { said.removeFirst(said.count - 4096) }
                    } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                        close(errors)
                        reading = false
                    }
                }
            }
        }
        if writing { close(input) }
        if reading { close(errors) }
        return (written && offset >= message.count, said)
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
