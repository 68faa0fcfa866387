import Foundation

/// One record of a CSV file: its fields, the line it starts on and its byte offset.
public struct CSVRecord: Equatable, Sendable {
    public var fields: [String]
    /// 1-based line of the file where the record starts (a quoted field may span lines).
    public var line: Int
    public var offset: Int
    /// Why the record cannot be trusted (a stray quote, a quote never closed); nil when sound.
    public var problem: String?
}

/// A streaming RFC 4180 reader: quoted fields, doubled quotes, line ends inside quotes, CRLF,
/// LF or CR line ends, a UTF-8 byte order mark, any one-byte delimiter. It reads the input in
/// chunks, so memory stays that of one record whatever the file's size.
///
/// A malformed record is still returned, with `problem` set, and reading goes on at the next
/// line end outside quotes, so one bad row costs only itself.
public struct CSVReader {
    private var source: () -> [UInt8]?
    private var chunk: [UInt8] = []
    private var position = 0
    private var finished = false
    private let delimiter: UInt8
    /// Bytes consumed before `chunk`, for offsets.
    private var consumedBefore = 0
    private var line = 1
    private var atStart = true

    /// Reads from `source` until it returns nil.
    public init(delimiter: UInt8 = UInt8(ascii: ","), source: @escaping () -> [UInt8]?) {
        self.delimiter = delimiter
        self.source = source
    }

    /// Reads `bytes` (tests, small inputs).
    public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        var given: [UInt8]? = bytes
        self.init(delimiter: delimiter) {
            defer { given = nil }
            return given
        }
    }

    /// Reads the file at `path` in chunks of 1 MiB; nil when it cannot be opened.
    public init?(path: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.init(delimiter: delimiter) {
            guard let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }

    /// The next byte without taking it; nil at the end of the input.
    private mutating func peek() -> UInt8? {
        while position >= chunk.count {
            if finished { return nil }
            consumedBefore += chunk.count
            position = 0
            guard let next = source() else {
                finished = true
                chunk = []
                return nil
            }
            chunk = next
        }
        return chunk[position]
    }

    private var offset: Int { consumedBefore + position }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Takes a line end (CRLF, LF or CR) if one is next.
    private mutating func takeLineEnd() -> Bool {
        guard let byte = peek() else { return false }
        if byte == Self.newline {
            position += 1
            line += 1
            return true
        }
        if byte == Self.carriageReturn {
            position += 1
            if peek() == Self.newline { position += 1 }
            line += 1
            return true
        }
        return false
    }

    /// Appends to `field` the bytes of the current chunk from `position` up to the next byte
    /// that needs a decision (a quote, a line end, and outside quotes the delimiter): most of
    /// a field is copied at once instead of a byte at a time through `peek`.
    private mutating func appendPlainRun(to field: inout [UInt8], quoted: Bool) {
        let delimiter = delimiter
        let start = position
        var end = start
        chunk.withUnsafeBufferPointer { buffer in
            while end < buffer.count {
                let byte = buffer[end]
                if byte == Self.quote || byte == Self.newline || byte == Self.carriageReturn || (!quoted && byte == delimiter) { break }
                end += 1
            }
            if end > start { field.append(contentsOf: buffer[start..<end]) }
        }
        position = end
    }

    public mutating func next() -> CSVRecord? {
        if atStart {
            atStart = false
            // A byte order mark is not part of the first column's name.
            if peek() == 0xEF {
                let saved = position
                var bom: [UInt8] = []
                while bom.count < 3, let byte = peek() { bom.append(byte); position += 1 }
                if bom != [0xEF, 0xBB, 0xBF] { position = saved }
            }
        }
        guard peek() != nil else { return nil }
        let startLine = line
        let startOffset = offset
        var fields: [String] = []
        var field: [UInt8] = []
        var problem: String?
        fieldLoop: while true {
            // One field, at its first byte.
            field.removeAll(keepingCapacity: true)
            if peek() == Self.quote {
                position += 1
                let quoteLine = line
                var closed = false
                while true {
                    appendPlainRun(to: &field, quoted: true)
                    guard let byte = peek() else { break }
                    position += 1
                    if byte == Self.quote {
                        if peek() == Self.quote {
                            field.append(Self.quote)
                            position += 1
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if byte == Self.newline || (byte == Self.carriageReturn && peek() != Self.newline) { line += 1 }
                        field.append(byte)
                    }
                }
                if !closed {
                    problem = problem ?? "the quoted field that starts on line \(quoteLine) is never closed"
                    fields.append(String(decoding: field, as: UTF8.self))
                    break fieldLoop
                }
                // After the closing quote: a delimiter, a line end or the end; anything else is kept
                // but makes the record malformed.
                while let byte = peek(), byte != delimiter, byte != Self.newline, byte != Self.carriageReturn {
                    problem = problem ?? "line \(line): text after the closing quote of a field"
                    field.append(byte)
                    position += 1
                }
            } else {
                while true {
                    appendPlainRun(to: &field, quoted: false)
                    guard let byte = peek(), byte != delimiter, byte != Self.newline, byte != Self.carriageReturn else { break }
                    // A quote stopped the run, or the chunk ended.
                    if byte == Self.quote { problem = problem ?? "line \(line): a quote inside a field that does not start with one" }
                    field.append(byte)
                    position += 1
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            guard let byte = peek() else { break }
            if byte == delimiter {
                position += 1
                continue
            }
            _ = takeLineEnd()
            break
        }
        return CSVRecord(fields: fields, line: startLine, offset: startOffset, problem: problem)
    }

    /// Whether a record is an empty line (one empty field), which CSV files often end with.
    public static func isBlank(_ record: CSVRecord) -> Bool {
        record.fields.count == 1 && record.fields[0].isEmpty && record.problem == nil
    }
}
