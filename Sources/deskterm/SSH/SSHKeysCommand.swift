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

    var path: String { authorizedKeys ?? Self.defaultPath }

    /// The file of the account running this: over SSH, the desk account's.
    static var defaultPath: String {
        (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.ssh/authorized_keys"
    }

    func read() throws(DeskError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .cli("Cannot read {path}", ["path": .text(path)])
        }
        return text
    }

    /// The file with the forced command of this binary for `desk`.
    func file(desk: DeskAddress) -> AuthorizedKeysFile {
        AuthorizedKeysFile(path: path, deskterm: Executable.path, desk: desk)
    }
}

struct SSHAuthorize: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "authorize", abstract: .cli("Let a key log in as HANDLE.")) }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: AuthorizedKeysOptions
    @Argument(help: .cli("The user the key belongs to.")) var handle: String
    @Option(help: .cli("The public key file (.pub).", valueName: "file")) var key: String

    func run(in context: CommandContext) throws(DeskError) {
        guard Handles.isValid(handle) else { throw .invalidHandle(handle) }
        let (store, actor) = try context.administration(global)
        // Admins authorise anyone's keys; a customer administrator their organisations' users'.
        try store.checkKeyManagement(handle: handle, by: actor)
        let text: String
        if context.origin == .sshClient {
            // Over SSH the key comes from standard input (`--key -`), never from a server file.
            let data = StandardInput.read(limit: 16 * 1024)
            guard data.count <= 16 * 1024, let read = String(data: data, encoding: .utf8) else { throw .cli("Standard input is not UTF-8 text") }
            text = read
        } else {
            guard let data = FileManager.default.contents(atPath: key), let read = String(data: data, encoding: .utf8) else {
                throw .cli("Cannot read {path}", ["path": .text(key)])
            }
            text = read
        }
        let publicKey = try AuthorizedKeys.parsePublicKey(text)
        let desk: DeskAddress
        if let sshDesk = context.sshDesk { desk = sshDesk } else { desk = try global.deskAddress() }
        try keys.file(desk: desk).add(publicKey, handle: handle, namingOwner: actor == nil || actor?.role == .admin)
        say(.cli("Authorized {type} key for {handle} in {path}", ["type": .text(publicKey.type), "handle": .text(handle), "path": .text(keys.path)]))
    }
}

struct SSHRevoke: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "revoke", abstract: .cli("Remove every key of HANDLE.")) }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var keys: AuthorizedKeysOptions
    @Argument(help: .cli("The user whose keys go.")) var handle: String

    func run(in context: CommandContext) throws(DeskError) {
        guard Handles.isValid(handle) else { throw .invalidHandle(handle) }
        // The operator needs no desk to revoke; anyone named must be allowed by it.
        if context.origin == .sshClient || global.userHandle != nil {
            let (store, actor) = try context.administration(global)
            try store.checkKeyManagement(handle: handle, by: actor)
        }
        let removed = try AuthorizedKeysFile.removeKeys(of: handle, at: keys.path)
        guard removed > 0 else { throw .cli("No key of {handle} in {path}", ["handle": .text(handle), "path": .text(keys.path)]) }
        say(.cli(one: "Revoked {count} key of {handle}", other: "Revoked {count} keys of {handle}", count: removed, ["handle": .text(handle)]))
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

struct AuditCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "audit", abstract: .cli("Show the SSH audit log (admins).")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .cli("Only this user's entries.")) var handle: String?
    @Option(help: .cli("Only the entries of this organisation's users (admins and its customer administrators).", valueName: "name")) var org: String?
    @Option(help: .cli("At most this many entries.")) var limit = 100
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let (store, viewer) = (desk.store, desk.viewer)
        var entries: [AuditEntry]
        if let org = org {
            entries = try store.organisationAudit(organisation: org, by: viewer, limit: limit)
            if let handle = handle { entries = entries.filter { $0.handle == handle } }
        } else {
            entries = try store.auditLog(viewer: viewer, handle: handle, limit: limit)
        }
        switch format {
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

enum Executable {
    /// The absolute path of this binary, for forced commands.
    static var path: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
