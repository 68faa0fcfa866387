import ArgumentParser
import DeskModel
import Foundation

struct AttachCommand: DeskCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Attach a file to a ticket.",
        discussion: "Over SSH, FILE is the name the attachment gets, and its bytes come from standard input.")

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: "The ticket number.") var number: TicketNumber
    @Argument(help: "The file to attach.") var file: String
    @Option(help: "Media type (default: guessed from the name).") var type: String?

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
        print("Attached \(TextSafety.sanitizedLine(attachment.name)) (\(attachment.size) bytes, sha256 \(attachment.sha256)) to #\(number.value)")
    }
}
