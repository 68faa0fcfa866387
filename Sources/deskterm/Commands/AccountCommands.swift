import ArgumentParser
import DeskModel
import Foundation

// Several accounts per person: `user accounts|add-account|remove-account|access|administrator`.
// Desk admins (or the operator, without --user) manage every organisation; a customer
// administrator named by --user manages their organisations' members. Who may do what is the
// desk's rule (`Desk+Accounts.swift`).

extension CaseAccess: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension GlobalOptions {
    /// The user named by --user or DESKTERM_USER, or nil: the operator, trusted by file access.
    func actor(in store: any DeskStore) throws(DeskError) -> Viewer? {
        guard userHandle != nil else { return nil }
        return try viewer(in: store)
    }
}

struct UserAccounts: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "accounts", abstract: .cli("List a customer's accounts (organisations).")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The user's handle.")) var handle: String
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run(in context: CommandContext) throws(DeskError) {
        let (store, actor) = try context.administration(global)
        let accounts = try store.accounts(handle: handle, by: actor)
        AccountOutput.print(accounts, format: format)
    }
}

struct UserAddAccount: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add-account", abstract: .cli("Give a customer an account with one more organisation.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The user's handle.")) var handle: String
    @Option(help: .cli("The organisation.", valueName: "name")) var org: String
    @Flag(help: .cli("The customer sees every ticket of this organisation.")) var orgAccess = false

    func run(in context: CommandContext) throws(DeskError) {
        let (store, actor) = try context.administration(global)
        let account = try store.addAccount(
            handle: handle, organisation: org, caseAccess: orgAccess ? .organisation : .own,
            by: actor)
        say(.cli("{handle} now has an account with {organisation}", ["handle": .text(handle), "organisation": .text(TextSafety.sanitizedLine(account.organisation.name))]))
    }
}

struct UserRemoveAccount: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove-account", abstract: .cli("Remove a customer's account with an organisation.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The user's handle.")) var handle: String
    @Option(help: .cli("The organisation.", valueName: "name")) var org: String

    func run(in context: CommandContext) throws(DeskError) {
        let (store, actor) = try context.administration(global)
        try store.removeAccount(handle: handle, organisation: org, by: actor)
        say(.cli("{handle} no longer has an account with {organisation}", ["handle": .text(handle), "organisation": .text(TextSafety.sanitizedLine(org))]))
    }
}

struct UserAccess: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "access", abstract: .cli("Set what a customer sees in one of their organisations: own or organisation.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The user's handle.")) var handle: String
    @Argument(help: .cli("own or organisation.")) var access: CaseAccess
    @Option(help: .cli("The organisation.", valueName: "name")) var org: String

    func run(in context: CommandContext) throws(DeskError) {
        let (store, actor) = try context.administration(global)
        try store.setAccountAccess(handle: handle, organisation: org, caseAccess: access, by: actor)
        say(.cli("{handle} now has {access} access in {organisation}", ["handle": .text(handle), "access": .text(access.rawValue), "organisation": .text(TextSafety.sanitizedLine(org))]))
    }
}

struct UserAdministrator: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "administrator", abstract: .cli("Make a customer an administrator of one of their organisations (admins).")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The user's handle.")) var handle: String
    @Option(help: .cli("The organisation.", valueName: "name")) var org: String
    @Flag(help: .cli("Take the right away instead.")) var revoke = false

    func run(in context: CommandContext) throws(DeskError) {
        let (store, actor) = try context.administration(global)
        try store.setAdministrator(handle: handle, organisation: org, administrator: !revoke, by: actor)
        let arguments: [String: PhraseArgument] = ["handle": .text(handle), "organisation": .text(TextSafety.sanitizedLine(org))]
        say(revoke ? .cli("{handle} no longer administers {organisation}", arguments) : .cli("{handle} now administers {organisation}", arguments))
    }
}

enum AccountOutput {
    static func print(_ accounts: [Account], format: OutputFormat) {
        switch format {
        case .table:
            let table = TextTable(
                columns: [.init(title: .cli("ORGANISATION", context: "column title"), priority: 0, minWidth: 8, flexible: true),
                          .init(title: .cli("PLAN", context: "column title"), priority: 1, minWidth: 4),
                          .init(title: .cli("ACCESS", context: "column title"), priority: 0, minWidth: 6),
                          .init(title: .cli("ROLE", context: "column title"), priority: 2, minWidth: 4)],
                rows: accounts.map { [TextSafety.sanitizedLine($0.organisation.name), $0.organisation.plan.rawValue, $0.caseAccess.rawValue, role($0)] })
            Swift.print(table.render(width: OutputWidth.current()))
        case .json:
            Swift.print(JSONOutput.encode(accounts.map {
                ["organisation": $0.organisation.name, "plan": $0.organisation.plan.rawValue, "caseAccess": $0.caseAccess.rawValue,
                 "administrator": $0.isAdministrator ? "true" : "false", "primary": $0.isPrimary ? "true" : "false"]
            }))
        }
    }

    /// Stable words in a column of values, like the plan and access beside them.
    private static func role(_ account: Account) -> String {
        [account.isPrimary ? "primary" : nil, account.isAdministrator ? "administrator" : nil].compactMap { $0 }.joined(separator: ",")
    }
}

enum AccountSubcommands {
    static let user: [any ParsableCommand.Type] = [
        UserAccounts.self, UserAddAccount.self, UserRemoveAccount.self, UserAccess.self, UserAdministrator.self,
    ]
}
