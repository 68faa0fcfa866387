import Foundation

/// Splits an mbox file into messages.
///
/// A message starts at a `From ` line whose end reads as a date (`From sender Wed Jan  3
/// 13:26:16 2024`, the sender may hold spaces in obfuscated archives); a body line such as
/// `From the docs:` is not a separator. The blank line before the next `From ` line belongs to
/// the mbox format, not to the message. Bodies are un-escaped the mboxrd way (`>From ` becomes
/// `From `, `>>From ` becomes `>From `) when a message is read.
public enum Mbox {
    public struct Entry: Equatable, Sendable {
        /// Offset of the `From ` line in the file (for reports).
        public var offset: Int
        /// The message: from the line after `From ` to the end.
        public var range: Range<Int>
        /// The envelope sender and date of the `From ` line, when they can be read.
        public var envelopeSender: String?
        public var envelopeDate: Date?
    }

    public struct Split: Equatable, Sendable {
        public var entries: [Entry]
        /// Text before the first `From ` line that is not just blank: not mail.
        public var leadingGarbage: Range<Int>?
    }

    public static func split(_ bytes: [UInt8]) -> Split {
        var entries: [Entry] = []
        var leading: Range<Int>?
        var current: (offset: Int, start: Int, sender: String?, date: Date?)?
        var lineStart = 0
        let count = bytes.count
        func close(at end: Int) {
            guard let open = current else { return }
            var stop = end
            // Drop the blank line that separates messages (CRLF too), when there is one.
            var lineEnd = stop
            if lineEnd > open.start, bytes[lineEnd - 1] == UInt8(ascii: "\n") {
                lineEnd -= 1
                if lineEnd > open.start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd > open.start, bytes[lineEnd - 1] == UInt8(ascii: "\n") { stop = lineEnd }
            }
            entries.append(Entry(offset: open.offset, range: open.start..<max(open.start, stop), envelopeSender: open.sender, envelopeDate: open.date))
        }
        while lineStart < count {
            var lineEnd = lineStart
            // memchr-speed scan for the next newline
            lineEnd = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return count }
                if let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart) {
                    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                return count
            }
            if lineEnd - lineStart >= 5, bytes[lineStart] == UInt8(ascii: "F"), bytes[lineStart + 1] == UInt8(ascii: "r"),
               bytes[lineStart + 2] == UInt8(ascii: "o"), bytes[lineStart + 3] == UInt8(ascii: "m"), bytes[lineStart + 4] == UInt8(ascii: " ") {
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                let line = String(decoding: bytes[(lineStart + 5)..<contentEnd], as: UTF8.self)
                let envelope = parseFromLine(line)
                if envelope.date != nil || (current == nil && lineStart == firstNonBlank(bytes)) {
                    if current == nil, lineStart > 0, !isBlank(bytes, 0..<lineStart) { leading = 0..<lineStart }
                    close(at: lineStart)
                    current = (lineStart, min(lineEnd + 1, count), envelope.sender, envelope.date)
                }
            }
            lineStart = lineEnd + 1
        }
        if current != nil {
            close(at: count)
        } else if !isBlank(bytes, 0..<count) {
            leading = 0..<count
        }
        return Split(entries: entries, leadingGarbage: leading)
    }

    /// `sender date` of a `From ` line (without `From `). The date is read from the end: the
    /// sender may contain spaces.
    public static func parseFromLine(_ line: String) -> (sender: String?, date: Date?) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard !words.isEmpty else { return (nil, nil) }
        // The date is the last 4 to 7 words (weekday month day time year [zone]) and needs a
        // time and a four-digit year.
        for take in stride(from: min(7, words.count - 1), through: 4, by: -1) {
            let dateWords = words.suffix(take)
            guard dateWords.contains(where: { $0.contains(":") }),
                  dateWords.contains(where: { $0.count == 4 && $0.allSatisfy(\.isNumber) }),
                  let first = dateWords.first, first.first?.isLetter == true,
                  let date = MailDate.parse(dateWords.joined(separator: " "))
            else { continue }
            let sender = words.prefix(words.count - take).joined(separator: " ")
            return (sender.isEmpty ? nil : sender, date)
        }
        return (String(words[0]), nil)
    }

    /// The message bytes with mboxrd `>From ` quoting undone in the body.
    public static func unescaped(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var cursor = lineStart
            while cursor < lineEnd, bytes[cursor] == UInt8(ascii: ">") { cursor += 1 }
            if cursor > lineStart, lineEnd - cursor >= 5, bytes[cursor] == UInt8(ascii: "F"), bytes[cursor + 1] == UInt8(ascii: "r"),
               bytes[cursor + 2] == UInt8(ascii: "o"), bytes[cursor + 3] == UInt8(ascii: "m"), bytes[cursor + 4] == UInt8(ascii: " ") {
                output.append(contentsOf: bytes[(lineStart + 1)..<min(lineEnd + 1, range.upperBound)])
            } else {
                output.append(contentsOf: bytes[lineStart..<min(lineEnd + 1, range.upperBound)])
            }
            lineStart = lineEnd + 1
        }
        return output
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private static func firstNonBlank(_ bytes: [UInt8]) -> Int {
        bytes.firstIndex { !($0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")) } ?? bytes.count
    }
}

/// Maildir folders (`cur/` and `new/`; Maildir++ subfolders `.Name/` too).
public enum Maildir {
    /// The message files of a maildir, in name order (which is arrival order).
    public static func messageFiles(in directory: String) -> [String]? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        var folders: [String] = []
        func isMaildir(_ path: String) -> Bool {
            ["cur", "new"].contains { sub in
                var flag: ObjCBool = false
                return fileManager.fileExists(atPath: (path as NSString).appendingPathComponent(sub), isDirectory: &flag) && flag.boolValue
            }
        }
        if isMaildir(directory) { folders.append(directory) }
        if let children = try? fileManager.contentsOfDirectory(atPath: directory) {
            for child in children.sorted() where child.hasPrefix(".") && child != "." && child != ".." {
                let path = (directory as NSString).appendingPathComponent(child)
                if isMaildir(path) { folders.append(path) }
            }
        }
        guard !folders.isEmpty else { return nil }
        var files: [String] = []
        for folder in folders {
            var inFolder: [String] = []
            for sub in ["new", "cur"] {
                let path = (folder as NSString).appendingPathComponent(sub)
                for name in (try? fileManager.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
                    let file = (path as NSString).appendingPathComponent(name)
                    var flag: ObjCBool = false
                    if fileManager.fileExists(atPath: file, isDirectory: &flag), !flag.boolValue { inFolder.append(file) }
                }
            }
            files += inFolder.sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }
        }
        return files
    }

    /// The delivery time a maildir file name starts with (`1700000000.M1P2.host:2,S`).
    public static func deliveryDate(fileName: String) -> Date? {
        let name = (fileName as NSString).lastPathComponent
        let digits = name.prefix { $0.isNumber }
        guard digits.count >= 9, digits.count <= 11, let seconds = Double(digits) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
