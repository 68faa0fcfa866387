import ArgumentParser
import DeskModel
import Foundation

/// `deskterm download 42 report.pdf > report.pdf`: an attachment's bytes on standard output
/// (or in a file with `-o`). A terminal gets text only, made safe, unless `--force`: raw bytes
/// of an attachment could drive it.
struct DownloadCommand: DeskCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "download", abstract: .cli("Write an attachment of a ticket to standard output."),
        discussion: .cli("The attachment is named by its file name or its id (see `show`). Binary content is not written to a terminal: redirect it, or use -o FILE or --force.")) }

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Argument(help: .cli("The ticket number.")) var number: TicketNumber
    @Argument(help: .cli("The attachment's name or id.")) var attachment: String
    @Option(name: [.customShort("o"), .long], help: .cli("Write to this file instead (not over SSH).")) var output: String?
    @Flag(help: .cli("Write the bytes as they are, even to a terminal.")) var force = false

    func run(in context: CommandContext) throws(DeskError) {
        let desk = try context.desk()
        // What the viewer may not see is not found: the ticket, a note's files.
        let detail = try desk.store.detail(number: number.value, viewer: desk.viewer)
        let chosen = try Self.pick(attachment, among: detail.attachments, number: number.value)
        let data = try desk.store.attachmentData(id: chosen.id, viewer: desk.viewer)
        if let output {
            guard (try? data.write(to: URL(fileURLWithPath: output))) != nil else {
                throw .cli("Cannot write {path}", ["path": .text(TextSafety.sanitizedLine(output))])
            }
            return
        }
        var bytes = data
        if isatty(STDOUT_FILENO) != 0 && !force {
            guard MediaTypes.isText(mediaType: chosen.mediaType, data: data), let text = String(data: data, encoding: .utf8) else {
                throw .cli(
                    "{name} is binary ({type}); not written to a terminal: redirect it (> FILE), or use -o FILE or --force",
                    ["name": .text(TextSafety.sanitizedLine(chosen.name)), "type": .text(chosen.mediaType)])
            }
            bytes = Data(TextSafety.sanitizedBlock(text).utf8)
        }
        FileHandle.standardOutput.write(bytes)
    }

    /// By exact name (the latest of that name), else by id.
    static func pick(_ wanted: String, among attachments: [Attachment], number: Int64) throws(DeskError) -> Attachment {
        if let named = attachments.last(where: { $0.name == wanted }) { return named }
        if let id = AttachmentID(wanted), let byID = attachments.first(where: { $0.id == id }) { return byID }
        throw .cli("No attachment {name} on #{number}", ["name": .text(TextSafety.sanitizedLine(wanted)), "number": .number(number)])
    }
}

extension DownloadCommand: RemoteDeskCommand {
    /// Over SSH the bytes go to the client's standard output; nothing is written on the server.
    var sshRefusal: Phrase? {
        output == nil ? nil : .cli("-o is not available over SSH: redirect standard output on your machine (> FILE)")
    }
}
