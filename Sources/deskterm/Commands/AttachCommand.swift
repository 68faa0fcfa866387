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
        case .commandLine: try Self.readFile(file, limit: limit)
        case .sshClient: StandardInput.read(limit: Int(limit))
        }
        let attachment = try desk.store.attach(
            number: number.value, name: name, mediaType: type ?? MediaTypes.guess(name), data: data, by: desk.viewer)
        print("Attached \(TextSafety.sanitizedLine(attachment.name)) (\(attachment.size) bytes, sha256 \(attachment.sha256)) to #\(number.value)")
    }

    /// A regular file of this machine, refused before reading when it could never fit.
    private static func readFile(_ path: String, limit: Int64) throws(DeskError) -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .invalidInput("Cannot read \(path): not a readable file")
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if size > limit { throw .attachmentTooLarge(name: (path as NSString).lastPathComponent, size: size, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidInput("Cannot read \(path)")
        }
        return data
    }
}

enum MediaTypes {
    static func guess(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "txt", "log": "text/plain"
        case "csv": "text/csv"
        case "json": "application/json"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "zip": "application/zip"
        case "html", "htm": "text/html"
        default: "application/octet-stream"
        }
    }
}
