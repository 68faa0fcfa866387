import ArgumentParser
import DeskModel
import Foundation

struct AttachCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "attach", abstract: .cli("Attach a file to a ticket."),
        discussion: .cli("Over SSH, FILE is the name the attachment gets, and its bytes come from standard input.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Argument(help: .cli("The file to attach.")) var file: String
    @Option(help: .cli("Media type (default: guessed from the name).")) var type: String?

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        let limit = try desk.store.settings().attachmentLimit
        let name = (file as NSString).lastPathComponent
        // Neither source reads much past the desk's limit; the store refuses what is over it.
        let data = switch context.origin {
        case .commandLine: try LocalFiles.read(file, limit: limit)
        case .sshClient: StandardInput.read(limit: Int(limit))
        }
        let attachment = try desk.store.attach(
            number: number.value, name: name, mediaType: type ?? MediaTypes.guess(name), data: data, by: desk.viewer)
        say(.cli("Attached {name} ({size} bytes, sha256 {digest}) to #{number}",
                 ["name": .text(TextSafety.sanitizedLine(attachment.name)), "size": .number(attachment.size), "digest": .text(attachment.sha256),
                  "number": .number(number.value)]))
    }
}
