import ArgumentParser
import DeskModel
import DeskTUI
import Foundation

/// The forced command of every key in the desk account's `authorized_keys`. The identity is
/// the HANDLE written there by the admin, never anything the client sends; the desk comes
/// from `--desk` on that same line (or the account's default desk). Without
/// `SSH_ORIGINAL_COMMAND` it opens the client in restricted mode; with one, it runs it if it
/// is on the allow-list.
struct SSHSessionCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "ssh-session",
        abstract: .cli("The forced command of an SSH key (written by `deskterm ssh authorize`)."),
        shouldDisplay: false) }

    // Not `--db`: the root command owns that name, and would take it from this line.
    @Option(help: .cli("The desk: a file or a postgresql:// address (default: the account's ~/.local/share/deskterm/desk.sqlite).", valueName: "path"))
    var desk: String?

    @Argument(help: .cli("The user this key belongs to.")) var handle: String

    // The admin may pin a key's language on its forced command; else the user's stored one.
    // Not `--language`: the root command owns that name, and would take it from this line.
    @Option(help: .cli("The language of this key's sessions (default: the user's stored language).", valueName: "tag"))
    var sessionLanguage: String?

    func validate() throws {
        if let language = sessionLanguage {
            do { _ = try Language.named(language) } catch { throw ValidationError(error.phrase.shown) }
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Only HOME, which sshd sets from the account, decides the default desk: the client
        // can set none of these options.
        let home = environment["HOME"] ?? NSHomeDirectory()
        let deskText = desk ?? home + "/.local/share/deskterm/desk.sqlite"
        let address = environment["SSH_CLIENT"].map { TextSafety.sanitizedLine($0) } ?? "local"
        let remote = environment["SSH_ORIGINAL_COMMAND"]
        let sessionLanguage = self.sessionLanguage.flatMap { try? Language.named($0) }

        // sshd passes no locale: the key's pinned language, else (below) its owner's stored one.
        if let sessionLanguage { CommandLanguage.set(sessionLanguage) }
        let store: any DeskStore
        let viewer: Viewer
        do {
            let access = DeskAccess(address: try DeskAddress(deskText), handle: handle, busyTimeout: 30)
            store = try access.openStore()
            viewer = try access.viewer(in: store)
        } catch {
            // The client learns only that this key leads nowhere; the server's log gets why.
            FileHandle.standardError.write(Data(("deskterm: " + String.cli("this key is not connected to a desk account; ask your support team") + "\n").utf8))
            ServerLog.write("ssh-session \(handle): \(error.message)")
            throw ExitCode.failure
        }
        let storedLanguage = (try? store.userSettings(viewer: viewer)).flatMap(LanguageChoice.stored)
        CommandLanguage.set(LanguageChoice.language(option: sessionLanguage, stored: storedLanguage, environment: environment))
        // A login never waits for another process's write (an import, a large attachment): when
        // the desk is busy, the entry is written whole when the session ends, waiting then if it
        // must (the client already has its answer), so that no session goes unrecorded.
        let command = remote ?? "interactive session"
        let startedAt = Date()
        let auditID = try? store.recordAudit(handle: handle, address: address, command: command, outcome: "started", at: nil, waitsForWriters: false)
        if auditID == nil { ServerLog.write("ssh-session \(handle) from \(address): \(command): started (desk busy, audit entry deferred)") }
        func finish(_ outcome: String) {
            // The client gets its whole answer before any wait for the audit entry.
            fflush(nil) // nil: every output stream (stdout is a C global Swift 6 will not touch)
            if let auditID {
                try? store.updateAuditOutcome(id: auditID, outcome: outcome)
            } else if (try? store.recordAudit(handle: handle, address: address, command: command, outcome: outcome, at: startedAt, waitsForWriters: true)) == nil {
                ServerLog.write("ssh-session \(handle) from \(address): \(command): \(outcome) (audit entry not written)")
            }
        }

        guard let remote else {
            // sshd passes on no locale unless PAM or `AcceptEnv` add one: the curses adapter
            // falls back to C.UTF-8 (`TerminalLocale`), as it does for the local client.
            var exit: DeskApp.Exit = .quit
            do {
                // The session runs as the desk account: its own authorized_keys, this key's desk.
                let keysFile = AuthorizedKeysFile(
                    path: AuthorizedKeysOptions.defaultPath, deskterm: Executable.path, desk: try DeskAddress(deskText))
                exit = try FullScreen.run(store: store, viewer: viewer, restricted: true, keysFile: keysFile, language: sessionLanguage)
            } catch {
                finish("error: \(error.message)")
                reportError(error)
                throw ExitCode.failure
            }
            switch exit {
            case .quit:
                finish("quit")
            case .signal(let number):
                finish(number == SIGHUP ? "disconnected (SIGHUP)" : "ended by signal \(number)")
                throw ExitCode(128 + number)
            }
            return
        }

        let request: RemoteRequest
        do {
            request = try RemoteRequest.parse(remote)
        } catch {
            finish("refused: \(error.message)")
            FileHandle.standardError.write(Data("deskterm: \(TextSafety.sanitizedLine(error.phrase.shown))\n".utf8))
            throw ExitCode(2)
        }
        do {
            switch request {
            case .help(let topic):
                print(RemoteHelp.text(for: topic))
            case .run(let command):
                try command.run(in: .sshClient(store: store, viewer: viewer, language: command.global.chosenLanguage ?? sessionLanguage, desk: try? DeskAddress(deskText)))
            }
            finish("ok")
        } catch {
            finish("failed: \(error.message)")
            reportError(error)
            throw ExitCode.failure
        }
    }

}

/// Problems the SSH client must not see go to the system log (syslog, as sshd's own do).
enum ServerLog {
    static func write(_ message: String) {
        openlog("deskterm", LOG_PID, LOG_AUTH)
        withVaList([]) { vsyslog(LOG_WARNING, TextSafety.sanitizedLine(message).replacingOccurrences(of: "%", with: "%%"), $0) }
        closelog()
        if ProcessInfo.processInfo.environment["DESKTERM_DEBUG"] != nil {
            FileHandle.standardError.write(Data("deskterm (debug): \(message)\n".utf8))
        }
    }
}
