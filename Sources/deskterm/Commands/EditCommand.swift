import ArgumentParser
import DeskModel
import Foundation

struct EditCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "edit",
        abstract: .cli("Edit a ticket that is not closed (requesters: their own; agents: any)."),
        discussion: .cli("Give only the fields to change. Each change is recorded in the ticket's history with its old and new value.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Option(help: .cli("The new subject.")) var subject: String?
    @Option(help: .cli("The new description: a file, or - for standard input (over SSH: only -).", valueName: "path")) var description: String?
    @Option(help: .cli("incident, serviceRequest or question (agents).")) var kind: TicketKind?
    @Option(help: .cli("The new product.")) var product: String?
    @Option(help: .cli("The new category.")) var category: String?
    @Option(help: .cli("The new subcategory.")) var subcategory: String?
    @Option(help: .cli("none, low, serious or critical.")) var urgency: Urgency?
    @Option(help: .cli("portal or email.")) var contact: ContactPreference?

    func run(in context: CommandContext) throws(DeskError) {
        let edit = TicketEdit(
            subject: subject, description: try description.map { path throws(DeskError) in try BodyInput.read(path, in: context) },
            kind: kind, product: product, category: category, subcategory: subcategory, urgency: urgency, contact: contact)
        guard !edit.isEmpty else {
            throw .cli("Give at least one field to change: --subject, --description, --kind, --product, --category, --subcategory, --urgency or --contact")
        }
        let desk = try context.desk()
        let before = try desk.store.ticket(number: number.value, viewer: desk.viewer)
        let ticket = try desk.store.editTicket(number: number.value, edit, by: desk.viewer)
        let changed = EditedField.allCases.filter { before.value(of: $0) != ticket.value(of: $0) }.map(\.rawValue)
        say(.cli("#{number} edited: {fields}", ["number": .number(ticket.number), "fields": .text(changed.joined(separator: ", "))]))
    }
}

extension EditCommand: RemoteDeskCommand {
    /// Over SSH the description comes from standard input, as a new ticket's does.
    var sshRefusal: Phrase? {
        guard let description, description != "-" else { return nil }
        return .cli("--description takes only - over SSH: the text comes from standard input")
    }
}
