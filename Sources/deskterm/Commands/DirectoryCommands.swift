import ArgumentParser
import DeskModel
import Foundation

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Manage organisations (admins).", subcommands: [OrgAdd.self, OrgList.self, OrgSet.self])
}

struct OrgAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an organisation.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The organisation's name.") var name: String
    @Option(help: "free, trial, pro, business or enterprise.") var plan: Plan = .pro
    @Option(help: "standard, priority or premium.") var tier: SupportTier = .standard

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            let org = try store.addOrganisation(NewOrganisation(name: command.name, plan: command.plan, tier: command.tier))
            print("Added organisation \(TextSafety.sanitizedLine(org.name)) (\(org.plan.rawValue), \(org.tier.rawValue))")
        }
    }
}

struct OrgList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List organisations.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            let orgs = try store.organisations()
            switch command.format {
            case .table:
                let table = TextTable(
                    columns: [.init(title: "NAME", priority: 0, minWidth: 8, flexible: true), .init(title: "PLAN", priority: 1, minWidth: 4),
                              .init(title: "TIER", priority: 2, minWidth: 4)],
                    rows: orgs.map { [$0.name, $0.plan.rawValue, $0.tier.rawValue] })
                print(table.render(width: OutputWidth.current()))
            case .json:
                print(JSONOutput.encode(orgs.map { ["name": $0.name, "plan": $0.plan.rawValue, "tier": $0.tier.rawValue] }))
            }
        }
    }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users (admins).", subcommands: [UserAdd.self, UserList.self, UserSet.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a user.",
        discussion: "--language TAG stores the language the user reads deskterm in (\(Language.tags)); without it, their terminal's is used.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Handle: lower-case letters, digits, - and _.") var handle: String
    @Option(help: "Full name.") var name: String
    @Option(help: "Email address.") var email = ""
    @Option(help: "customer, agent or admin.") var role: Role = .customer
    @Option(help: ArgumentHelp("The customer's organisation.", valueName: "name")) var org: String?
    @Flag(help: "The customer sees every ticket of their organisation (support contact).") var orgAccess = false

    func run() throws {
        let command = self
        try runReportingErrors { () throws(DeskError) in
            let store = try command.global.openStore()
            try command.global.requireAdminIfNamed(in: store)
            if command.orgAccess && command.role != .customer {
                throw .invalidInput("--org-access applies to customers only")
            }
            let user = try store.addUser(NewUser(
                handle: command.handle, name: command.name, email: command.email, role: command.role,
                organisationName: command.org, caseAccess: command.orgAccess ? .organisation : .own,
                language: command.global.chosenLanguage))
            print("Added \(user.role.rawValue) \(user.handle)")
        }
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table or json.") var format: OutputFormat = .table

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
                        .init(title: "HANDLE", priority: 0, minWidth: 6), .init(title: "NAME", priority: 1, minWidth: 8, flexible: true),
                        .init(title: "ROLE", priority: 0, minWidth: 4), .init(title: "ORGANISATION", priority: 2, minWidth: 8),
                        .init(title: "ACCESS", priority: 3, minWidth: 6), .init(title: "EMAIL", priority: 4, minWidth: 8),
                        .init(title: "LANGUAGE", priority: 3, minWidth: 5),
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
