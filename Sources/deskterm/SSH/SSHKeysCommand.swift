import ArgumentParser
import DeskModel
import Foundation

struct SSHCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "ssh", abstract: .cli("Manage the SSH keys customers and agents log in with (admins)."),
        subcommands: [SSHAuthorize.self, SSHRevoke.self, SSHList.self]) }
}

/// Options shared by the key commands: which authorized_keys file.
struct AuthorizedKeysOptions: ParsableArguments {
    @Option(help: .cli("The desk account's authorized_keys (default: ~/.ssh/authorized_keys of the user running this).", valueName: "path"))
    var authorizedKeys: String?

    var path: String {
        authorizedKeys ?? (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.ssh/authorized_keys"
    }

    func read() throws(DeskError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .cli("Cannot read {path}", ["path": .text(path)])
        }
        return text
    }

    /// Keep the file's owner (the desk account) when root rewrites it.
    var owner: (uid: uid_t, gid: gid_t)? {
        let directory = (path as NSString).deletingLastPathComponent
        let home = (directory as NSString).deletingLastPathComponent
        for candidate in [path, directory, home] {
            var info = stat()
            if stat(candidate, &info) == 0 { return (info.st_uid, info.st_gid) }
        }
        return nil
    }
}

struct SSHAuthorize: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "authorize", abstract: .cli("Let a key log in as HANDLE.")) }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: AuthorizedKeysOptions
    @Argument(help: .cli("The user the key belongs to.")) var handle: String
    @Option(help: .cli("The public key file (.pub).", valueName: "file")) var key: String

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            guard Handles.isValid(command.handle) else { throw .invalidHandle(command.handle) }
            let store = try command.global.openStore()
            // Admins authorise anyone's keys; a customer administrator their organisations' users'.
            try store.checkKeyManagement(handle: command.handle, by: try command.global.actor(in: store))
            guard let data = FileManager.default.contents(atPath: command.key), let text = String(data: data, encoding: .utf8) else {
                throw .cli("Cannot read {path}", ["path": .text(command.key)])
            }
            let publicKey = try AuthorizedKeys.parsePublicKey(text)
            // The forced command runs in the account's home: a desk file is named absolutely.
            var desk = try command.global.deskAddress()
            if let path = desk.sqlitePath { desk = .sqlite(path: URL(fileURLWithPath: path).standardizedFileURL.path) }
            let line = try AuthorizedKeys.line(handle: command.handle, key: publicKey, deskterm: Executable.path, desk: desk)
            let updated = try AuthorizedKeys.adding(line, key: publicKey, to: try command.keys.read())
            try AuthorizedKeys.write(updated, to: command.keys.path, owner: command.keys.owner)
            say(.cli("Authorized {type} key for {handle} in {path}", ["type": .text(publicKey.type), "handle": .text(command.handle), "path": .text(command.keys.path)]))
        }
    }
}

struct SSHRevoke: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "revoke", abstract: .cli("Remove every key of HANDLE.")) }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: AuthorizedKeysOptions
    @Argument(help: .cli("The user whose keys go.")) var handle: String

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            guard Handles.isValid(command.handle) else { throw .invalidHandle(command.handle) }
            if command.global.userHandle != nil {
                let store = try command.global.openStore()
                try store.checkKeyManagement(handle: command.handle, by: try command.global.actor(in: store))
            }
            let (text, removed) = AuthorizedKeys.removing(handle: command.handle, from: try command.keys.read())
            guard removed > 0 else { throw .cli("No key of {handle} in {path}", ["handle": .text(command.handle), "path": .text(command.keys.path)]) }
            try AuthorizedKeys.write(text, to: command.keys.path, owner: command.keys.owner)
            say(.cli(one: "Revoked {count} key of {handle}", other: "Revoked {count} keys of {handle}", count: removed, ["handle": .text(command.handle)]))
        }
    }
}

struct SSHList: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: .cli("List the keys deskterm manages.")) }

    @OptionGroup var keys: AuthorizedKeysOptions

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let entries = AuthorizedKeys.entries(in: try command.keys.read())
            if entries.isEmpty {
                say(.cli("No deskterm keys in {path}", ["path": .text(command.keys.path)]))
                return
            }
            let table = TextTable(
                columns: [.init(title: .cli("HANDLE", context: "column title"), priority: 0, minWidth: 6),
                          .init(title: .cli("TYPE", context: "column title"), priority: 1, minWidth: 4),
                          .init(title: .cli("KEY", context: "column title"), priority: 2, minWidth: 12, flexible: true)],
                rows: entries.map { [$0.handle, $0.key.type, String($0.key.base64.suffix(24))] })
            print(table.render(width: OutputWidth.current()))
        }
    }
}

struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "audit", abstract: .cli("Show the SSH audit log (admins).")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("Only this user's entries.")) var handle: String?
    @Option(help: .cli("Only the entries of this organisation's users (admins and its customer administrators).", valueName: "name")) var org: String?
    @Option(help: .cli("At most this many entries.")) var limit = 100
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            let viewer = try command.global.viewer(in: store)
            var entries: [AuditEntry]
            if let org = command.org {
                entries = try store.organisationAudit(organisation: org, by: viewer, limit: command.limit)
                if let handle = command.handle { entries = entries.filter { $0.handle == handle } }
            } else {
                entries = try store.auditLog(viewer: viewer, handle: command.handle, limit: command.limit)
            }
            switch command.format {
            case .json:
                print(JSONOutput.encode(entries))
            case .table:
                let table = TextTable(
                    columns: [
                        .init(title: .cli("WHEN", context: "column title"), priority: 0, minWidth: 16),
                        .init(title: .cli("WHO", context: "column title"), priority: 0, minWidth: 3),
                        .init(title: .cli("FROM", context: "column title"), priority: 2, minWidth: 4),
                        .init(title: .cli("COMMAND", context: "column title"), priority: 1, minWidth: 8, flexible: true),
                        .init(title: .cli("OUTCOME", context: "column title"), priority: 1, minWidth: 7),
                    ],
                    // Refusals carry a whole sentence: cut it, so the outcome column is not the one
                    // dropped to fit the width (`--format json` has it in full).
                    rows: entries.map {
                        [TicketText.timestamp($0.at, CommandLanguage.current), $0.handle, $0.address, $0.command,
                         DisplayWidth.truncate(TextSafety.sanitizedLine($0.outcome), to: 32)]
                    })
                print(entries.isEmpty ? String.cli("The audit log is empty") : table.render(width: OutputWidth.current()))
            }
        }
    }
}

enum Executable {
    /// The absolute path of this binary, for forced commands.
    static var path: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
