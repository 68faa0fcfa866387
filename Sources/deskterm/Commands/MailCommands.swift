import ArgumentParser
import DeskModel
import Foundation

/// `deskterm mailgate`: one mail on standard input, as an MTA's alias or pipe transport
/// gives it (`support: "|deskterm mailgate --desk /srv/desk.sqlite"`). Silent when the mail
/// is stored; otherwise one line on standard error and a sysexits status the MTA acts on.
/// That line stays English: no user is known yet, and the MTA writes it into its log and into
/// the bounce, which mail administrators and their log tools read (README, "Languages").
struct MailgateCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "mailgate", abstract: .cli("Store one mail read on standard input (for the mail system)."),
        discussion: .cli("Exit status: 0 stored (a ticket, a reply, a follow-up, a note, or kept as automatic or refused mail); 75 the desk is busy or unreachable (the mail system tries again later); 65 the input is not a mail that can ever be stored (it is kept in the desk all the same).")) }

    // --db and --busy-timeout come with the global options, which the root command shares.
    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("The desk, as --db: a file (SQLite) or a postgresql:// address.", valueName: "desk"))
    var desk: String?
    @Option(help: .cli("correspond (replies and new tickets) or comment (internal notes, agents only).")) var action: MailAction = .correspond

    /// sysexits.h
    static let stored: Int32 = 0
    static let dataError: Int32 = 65
    static let temporaryFailure: Int32 = 75

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let status = store(input)
        if status != Self.stored { throw ExitCode(status) }
    }

    func store(_ input: Data) -> Int32 {
        do {
            var options = global
            if let desk { options.db = desk }
            let opened = try Desk.open(try options.deskAddress(), busyTimeout: options.waitForBusyDesk)
            let result = try opened.receiveMail(input, action: action)
            if result.isUnreadable {
                fail("not a mail that can be stored (\(result.refusal ?? "unreadable")); kept as received mail \(result.receivedID ?? 0)")
                return Self.dataError
            }
            return Self.stored
        } catch let error as DeskError {
            fail("\(error.message); try again later")
            return Self.temporaryFailure
        } catch {
            fail("\(error); try again later")
            return Self.temporaryFailure
        }
    }

    private func fail(_ line: String) {
        FileHandle.standardError.write(Data("deskterm mailgate: \(TextSafety.sanitizedLine(line))\n".utf8))
    }
}

extension MailAction: ExpressibleByArgument {}

/// `deskterm mail settings [set KEY VALUE]`: the desk's mail settings (admins).
struct MailCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "mail", abstract: .cli("The desk's mail: settings (admins), outbox and notifications."),
        subcommands: [MailSettingsCommand.self] + MailOutCommands.subcommands) }
}

struct MailSettingsCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "settings", abstract: .cli("Show or set the desk's mail settings."),
        subcommands: [MailSettingsShow.self, MailSettingsSet.self], defaultSubcommand: MailSettingsShow.self) }
}

struct MailSettingsShow: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: .cli("Show the mail settings (never the secret).")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            guard let desk = store as? Desk else { throw .cli("this desk has no mail settings") }
            let viewer = command.global.userHandle == nil ? nil : try command.global.viewer(in: store)
            let shown = try desk.mailSettings(by: viewer).shown
            switch command.format {
            case .table:
                let width = shown.map(\.key.count).max() ?? 0
                for (key, value) in shown {
                    print("\(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(TextSafety.sanitizedLine(value))")
                }
            case .json:
                print(JSONOutput.encode(Dictionary(uniqueKeysWithValues: shown.map { ($0.key, $0.value) })))
            }
        }
    }
}

struct MailSettingsSet: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "set", abstract: .cli("Set one mail setting."),
        discussion: .cli("Keys: {keys}.", ["keys": .text(MailSettings.settableKeys.joined(separator: ", "))])) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The setting, e.g. mail.address.")) var key: String
    @Argument(help: .cli("Its value.")) var value: String

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            guard let desk = store as? Desk else { throw .cli("this desk has no mail settings") }
            let viewer = command.global.userHandle == nil ? nil : try command.global.viewer(in: store)
            try desk.setMailSetting(key: command.key, value: command.value, by: viewer)
            say(.cli("{key} set", ["key": .text(TextSafety.sanitizedLine(command.key))]))
        }
    }
}

/// `deskterm org set NAME --mail-domain DOMAIN`: unknown senders of that domain join it.
struct OrgSet: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "set", abstract: .cli("Change an organisation (its mail domain).")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The organisation's name.")) var name: String
    @Option(help: .cli("Mail from unknown senders of this domain opens tickets as new customers of the organisation; '' removes it.", valueName: "domain"))
    var mailDomain: String?
    @Option(help: .cli("standard, priority or premium: the open tickets' due times move with the new targets.")) var tier: SupportTier?

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            if let tier = command.tier { try OrgTierChange.run(command.global, name: command.name, tier: tier) }
            guard let domain = command.mailDomain else {
                if command.tier != nil { return }
                throw .cli("Nothing to change: give --mail-domain DOMAIN or --tier TIER")
            }
            let store = try command.global.openStore()
            guard let desk = store as? Desk else { throw .cli("this desk has no mail domains") }
            let viewer = command.global.userHandle == nil ? nil : try command.global.viewer(in: store)
            try desk.setOrganisationMailDomain(name: command.name, domain: domain, by: viewer)
            let name = PhraseArgument.text(TextSafety.sanitizedLine(command.name))
            say(domain.isEmpty ? .cli("{name} has no mail domain", ["name": name])
                               : .cli("{name} mail domain {domain}", ["name": name, "domain": .text(TextSafety.sanitizedLine(domain.lowercased()))]))
        }
    }
}
