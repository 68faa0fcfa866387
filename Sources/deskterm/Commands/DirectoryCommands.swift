import ArgumentParser
import DeskModel
import Foundation

struct OrgCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "org", abstract: .cli("Manage organisations (admins)."), subcommands: [OrgAdd.self, OrgList.self, OrgSet.self]) }
}

struct OrgAdd: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: .cli("Add an organisation.")) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("The organisation's name.")) var name: String
    @Option(help: .cli("free, trial, pro, business or enterprise.")) var plan: Plan = .pro
    @Option(help: .cli("standard, priority or premium.")) var tier: SupportTier = .standard

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            let org = try store.addOrganisation(NewOrganisation(name: command.name, plan: command.plan, tier: command.tier))
            say(.cli("Added organisation {name} ({plan}, {tier})", ["name": .text(TextSafety.sanitizedLine(org.name)), "plan": .text(org.plan.rawValue), "tier": .text(org.tier.rawValue)]))
        }
    }
}

struct OrgList: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: .cli("List organisations.")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            let orgs = try store.organisations()
            switch command.format {
            case .table:
                let table = TextTable(
                    columns: [.init(title: .cli("NAME", context: "column title"), priority: 0, minWidth: 8, flexible: true),
                              .init(title: .cli("PLAN", context: "column title"), priority: 1, minWidth: 4),
                              .init(title: .cli("TIER", context: "column title"), priority: 2, minWidth: 4)],
                    rows: orgs.map { [$0.name, $0.plan.rawValue, $0.tier.rawValue] })
                print(table.render(width: OutputWidth.current()))
            case .json:
                print(JSONOutput.encode(orgs.map { ["name": $0.name, "plan": $0.plan.rawValue, "tier": $0.tier.rawValue] }))
            }
        }
    }
}

struct UserCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "user", abstract: .cli("Manage users (admins)."), subcommands: [UserAdd.self, UserList.self, UserSet.self] + AccountSubcommands.user) }
}

struct UserAdd: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "add", abstract: .cli("Add a user."),
        discussion: .cli("--language TAG stores the language the user reads deskterm in ({tags}); without it, their terminal's is used.", ["tags": .text(Language.tags)])) }

    @OptionGroup var global: GlobalOptions
    @Argument(help: .cli("Handle: lower-case letters, digits, - and _.")) var handle: String
    @Option(help: .cli("Full name.")) var name: String
    @Option(help: .cli("Email address.")) var email = ""
    @Option(help: .cli("customer, agent or admin.")) var role: Role = .customer
    @Option(help: .cli("The customer's organisation.", valueName: "name")) var org: String?
    @Flag(help: .cli("The customer sees every ticket of their organisation (support contact).")) var orgAccess = false

    func run(in context: CommandContext) throws(DeskError) {
        let (store, actor) = try context.administration(global)
        // A customer administrator adds portal users of their organisation (the desk checks it).
        if let actor, actor.role == .agent { throw .forbidden(.cli("only admins manage organisations and users")) }
        if orgAccess && role != .customer {
            throw .cli("--org-access applies to customers only")
        }
        let user = try store.addPortalUser(NewUser(
            handle: handle, name: name, email: email, role: role,
            organisationName: org, caseAccess: orgAccess ? .organisation : .own,
            language: global.chosenLanguage), by: actor)
        say(.cli("Added {role} {handle}", ["role": .phrase(CommandWords.role(user.role)), "handle": .text(user.handle)]))
    }
}

struct UserList: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "list", abstract: .cli("List users.")) }

    @OptionGroup var global: GlobalOptions
    @Option(help: .cli("table or json.")) var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            let users = try store.users()
            let orgNames = Dictionary(uniqueKeysWithValues: try store.organisations().map { ($0.id, $0.name) })
            let languages = try store.userLanguages()
            switch command.format {
            case .table:
                let table = TextTable(
                    columns: [
                        .init(title: .cli("HANDLE", context: "column title"), priority: 0, minWidth: 6),
                        .init(title: .cli("NAME", context: "column title"), priority: 1, minWidth: 8, flexible: true),
                        .init(title: .cli("ROLE", context: "column title"), priority: 0, minWidth: 4),
                        .init(title: .cli("ORGANISATION", context: "column title"), priority: 2, minWidth: 8),
                        .init(title: .cli("ACCESS", context: "column title"), priority: 3, minWidth: 6),
                        .init(title: .cli("EMAIL", context: "column title"), priority: 4, minWidth: 8),
                        .init(title: .cli("LANGUAGE", context: "column title"), priority: 3, minWidth: 5),
                    ],
                    rows: users.map { [$0.handle, $0.name, $0.role.rawValue, $0.organisationID.flatMap { orgNames[$0] } ?? "-",
                                       $0.role == .customer ? $0.caseAccess.rawValue : "-", $0.email, languages[$0.id]?.rawValue ?? "-"] })
                print(table.render(width: OutputWidth.current()))
            case .json:
                print(JSONOutput.encode(users.map { user in
                    ["handle": user.handle, "name": user.name, "email": user.email, "role": user.role.rawValue,
                     "organisation": user.organisationID.flatMap { orgNames[$0] } ?? "", "caseAccess": user.caseAccess.rawValue,
                     "language": languages[user.id]?.rawValue ?? ""]
                }))
            }
        }
    }
}
