import DeskModel
import Foundation

/// The text of a new ticket or a reply.
enum BodyInput {
    /// Text bodies larger than this are refused rather than read without end.
    static let textLimit = 1 << 20

    /// From `--body-file PATH`, or standard input with `-` (the default when standard input is
    /// not a terminal). An SSH client's text always comes from standard input: the server's
    /// files are not its to read.
    static func read(_ path: String?, in context: CommandContext) throws(DeskError) -> String {
        let source: String? = switch context.origin {
        case .commandLine: path ?? (isatty(STDIN_FILENO) == 0 ? "-" : nil)
        case .sshClient: "-"
        }
        guard let source else {
            throw .cli("Give the text with --body-file PATH, or --body-file - to read standard input")
        }
        let data: Data
        if source == "-" {
            data = StandardInput.read(limit: textLimit)
            if data.count > textLimit { throw .cli("The text on standard input is larger than {limit} bytes", ["limit": .quantity(Int64(textLimit))]) }
        } else {
            guard let read = FileManager.default.contents(atPath: source) else {
                throw .cli("Cannot read {path}", ["path": .text(source)])
            }
            if read.count > textLimit { throw .cli("{path} is larger than {limit} bytes", ["path": .text(source), "limit": .quantity(Int64(textLimit))]) }
            data = read
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw source == "-" ? .cli("Standard input is not UTF-8 text") : .cli("{path} is not UTF-8 text", ["path": .text(source)])
        }
        return text
    }
}

enum StandardInput {
    /// Reads at most `limit + 1` bytes, so an oversized input is detected without keeping it.
    static func read(limit: Int) -> Data {
        var data = Data()
        let handle = FileHandle.standardInput
        while data.count <= limit {
            let chunk = handle.readData(ofLength: min(65_536, limit + 1 - data.count))
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return data
    }
}
