/// Bracketed paste: once the client writes `enable`, the terminal sends a paste as
/// `ESC [ 200 ~` text `ESC [ 201 ~` instead of as typed keys, so the client can insert it as
/// text in one step rather than run it as commands.
public enum BracketedPaste {
    public static let enable = "\u{1B}[?2004h"
    public static let disable = "\u{1B}[?2004l"
    public static let start = "\u{1B}[200~"
    public static let end = "\u{1B}[201~"
}

/// Gathers the bytes of one paste, after its start marker, up to the end marker, however the
/// reads cut them (the marker itself may arrive split across two reads). Bytes after the end
/// marker are input typed after the paste, handed back as `leftover`.
public struct PasteCollector: Sendable {
    private var bytes: [UInt8] = []
    /// Where the search for the end marker resumes: nothing before it can begin one.
    private var searchFrom = 0
    public private(set) var isComplete = false
    public private(set) var leftover: [UInt8] = []

    private static let endMarker = Array(BracketedPaste.end.utf8)

    public init() {}

    public mutating func consume<Bytes: Collection>(_ chunk: Bytes) where Bytes.Element == UInt8 {
        guard !isComplete else {
            leftover.append(contentsOf: chunk)
            return
        }
        bytes.append(contentsOf: chunk)
        let marker = Self.endMarker
        var index = searchFrom
        while index + marker.count <= bytes.count {
            if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) {
                leftover = Array(bytes[(index + marker.count)...])
                bytes.removeSubrange(index...)
                isComplete = true
                return
            }
            index += 1
        }
        searchFrom = max(searchFrom, bytes.count - marker.count + 1)
    }

    /// The pasted text; malformed UTF-8 becomes U+FFFD, never a gap or a crash.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
