import DeskModel
import Foundation

/// Opens an attachment for a person at their own machine: its bytes go to a private folder
/// (0700) and file (0600), text to `$PAGER` (else `less`), anything else to `xdg-open`, and
/// the folder is removed once the program returns.
enum AttachmentViewer {
    static func program(for attachment: Attachment, data: Data, environment: [String: String]) -> String {
        guard MediaTypes.isText(mediaType: attachment.mediaType, data: data) else { return "xdg-open" }
        return environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less"
    }

    /// The file's name in the private folder: the attachment's, made safe as one path part.
    static func fileName(_ attachment: Attachment) -> String {
        let name = TextSafety.sanitizedLine((attachment.name as NSString).lastPathComponent)
        return name.isEmpty || name == "." || name == ".." ? "attachment" : name
    }

    /// Nil when the program ran; else why it did not.
    static func open(_ attachment: Attachment, data: Data, terminal: TerminalDevice) -> Phrase? {
        var template = Array((FileManager.default.temporaryDirectory.path + "/deskterm-XXXXXX").utf8CString)
        // mkdtemp makes the folder 0700: nobody else can list or open what goes in it.
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            return ClientRefusals.noPrivateFolder
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/" + fileName(attachment)
        guard FileManager.default.createFile(atPath: file, contents: data, attributes: [.posixPermissions: 0o600]) else {
            return ClientRefusals.noPrivateFile
        }
        let command = program(for: attachment, data: data, environment: ProcessInfo.processInfo.environment)
        return ExternalProgram.run(command, on: file, terminal: terminal)
    }
}
