import CLibPQ
import Foundation

/// Bulk loading through the COPY protocol (`COPY table (columns) FROM STDIN`): rows travel as
/// one stream of text lines instead of one round trip per statement, which is what makes
/// loading millions of rows take seconds rather than hours.
extension PostgresConnection {
    /// Runs `sql` (a `COPY ... FROM STDIN` statement written in the source) and lets `fill`
    /// send the data through the writer; returns the number of rows the server loaded. When
    /// `fill` throws, the COPY is ended with an error so that the server discards it, and the
    /// error is rethrown (inside a transaction, the transaction is then aborted).
    @discardableResult
    public func copyIn(_ sql: String, _ fill: (PostgresCopyWriter) throws -> Void) throws -> Int {
        let writer = try beginCopyIn(sql)
        do {
            try fill(writer)
        } catch {
            writer.cancel()
            throw error
        }
        return try writer.finish()
    }

    /// Starts `sql` (a `COPY ... FROM STDIN` statement written in the source) and returns the
    /// writer that sends its rows, for a copy fed over several calls: the server loads the rows
    /// sent while the caller prepares the next ones. End it with `finish()` or `cancel()`
    /// before the connection runs anything else.
    public func beginCopyIn(_ sql: String) throws -> PostgresCopyWriter {
        try finishPendingCommit()
        try sendPendingBegin()
        guard let started = PQexec(handle, sql) else { throw connectionError() }
        guard PQresultStatus(started) == PGRES_COPY_IN else {
            // Not a COPY after all, or refused: report the server's error as any statement's.
            _ = try checked(started)
            throw PostgresError(kind: .other, message: "'\(sql.prefix(40))…' did not start a COPY FROM STDIN")
        }
        PQclear(started)
        return PostgresCopyWriter(connection: self)
    }

    func endCopy(error: String?) throws -> Int {
        guard PQputCopyEnd(handle, error) == 1 else { throw connectionError() }
        return try finishCopy()
    }

    /// Reads every result that follows the end of the copy data: the COPY's own, or its error.
    private func finishCopy() throws -> Int {
        var failure: Error?
        var rows = 0
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if status == PGRES_COMMAND_OK {
                rows = PQcmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0
                PQclear(result)
            } else if failure == nil {
                // Turned into a PostgresError by the same path every statement uses.
                do { _ = try checked(result) } catch { failure = error }
            } else {
                PQclear(result)
            }
        }
        if let failure { throw failure }
        return rows
    }

    func sendCopyData(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        let sent = PQputCopyData(handle, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        guard sent == 1 else { throw connectionError() }
    }
}

/// Collects copy data in text format and sends it in large chunks. Each row is the fields
/// appended in the COPY's column order, then `endRow()`.
public final class PostgresCopyWriter {
    private let connection: PostgresConnection
    private var buffer: [UInt8] = []
    private var fieldsInRow = 0
    /// Chunks of about a megabyte: few calls into libpq, little memory.
    static let chunkSize = 1 << 20

    init(connection: PostgresConnection) {
        self.connection = connection
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    public func appendNull() { separate(); PostgresCopyText.appendNull(to: &buffer) }
    public func append(_ value: Int64) { separate(); PostgresCopyText.append(value, to: &buffer) }
    public func append(_ value: Bool) { separate(); PostgresCopyText.append(value, to: &buffer) }
    public func append(_ value: String) { separate(); PostgresCopyText.append(value, to: &buffer) }
    public func append(bytea value: Data) { separate(); PostgresCopyText.append(bytea: value, to: &buffer) }

    public func endRow() throws {
        buffer.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
        if buffer.count >= Self.chunkSize { try flush() }
    }

    func flush() throws {
        try buffer.withUnsafeBytes { try connection.sendCopyData($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Sends what is left and ends the COPY; returns the rows the server loaded, or throws its
    /// error (a refused row fails the whole COPY: nothing of it stays).
    @discardableResult
    public func finish() throws -> Int {
        do {
            try flush()
        } catch {
            cancel()
            throw error
        }
        return try connection.endCopy(error: nil)
    }

    /// Ends the COPY so that the server discards every row of it.
    public func cancel() {
        buffer.removeAll()
        _ = try? connection.endCopy(error: "deskterm stopped the copy")
    }

    private func separate() {
        if fieldsInRow > 0 { buffer.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }
}

/// COPY's text format: fields separated by tabs, rows ended by newlines, `\N` for NULL, and
/// a backslash escaping the backslash itself and the characters that would end a field or a
/// row. bytea goes as its hex input form `\x0a1b…`, whose backslash is itself escaped.
public enum PostgresCopyText {
    public static func appendNull(to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "N"))
    }

    public static func append(_ value: Int64, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(value).utf8)
    }

    public static func append(_ value: Bool, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: value ? "t" : "f"))
    }

    public static func append(_ value: String, to buffer: inout [UInt8]) {
        var text = value
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\t"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\n"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
                default: buffer.append(byte)
                }
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func append(bytea value: Data, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "x"))
        buffer.reserveCapacity(buffer.count + value.count * 2)
        for byte in value {
            buffer.append(hexDigits[Int(byte >> 4)])
            buffer.append(hexDigits[Int(byte & 0x0f)])
        }
    }
}
