import CLibPQ
import Foundation

/// The rows of one query, read in PostgreSQL's binary format straight from libpq's buffer.
public final class PostgresResult: RandomAccessCollection {
    private let handle: OpaquePointer
    public let columnNames: [String]
    private let columnIndex: [String: Int]
    /// Each column's type (`pg_type.oid`), read once rather than per cell.
    private let columnTypes: [UInt32]
    /// Rows inserted, updated or deleted by the statement (0 for others).
    public let affectedRows: Int

    init(_ handle: OpaquePointer) {
        self.handle = handle
        let names = (0..<Int(PQnfields(handle))).map { String(cString: PQfname(handle, Int32($0))) }
        columnNames = names
        columnTypes = (0..<Int32(names.count)).map { UInt32(PQftype(handle, $0)) }
        columnIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        affectedRows = PQcmdTuples(handle).flatMap { Int(String(cString: $0)) } ?? 0
    }

    deinit { PQclear(handle) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(PQntuples(handle)) }
    public subscript(position: Int) -> PostgresRow { PostgresRow(result: self, index: position) }

    func column(named name: String) throws -> Int {
        guard let index = columnIndex[name] else {
            throw PostgresError(kind: .decoding, message: "The result has no column '\(name)' (it has \(columnNames.joined(separator: ", ")))")
        }
        return index
    }

    /// A view of one value in libpq's buffer: no copy, no allocation, no reference counting
    /// (a history of 20,000 messages is 120,000 cells).
    func cell(row: Int, column: Int) throws -> PostgresCell {
        guard column >= 0, column < columnTypes.count else {
            throw PostgresError(kind: .decoding, message: "The result has no column \(column) (it has \(columnNames.count))")
        }
        let (r, c) = (Int32(row), Int32(column))
        let bytes = PQgetisnull(handle, r, c) != 0
            ? nil : UnsafeRawBufferPointer(start: PQgetvalue(handle, r, c), count: Int(PQgetlength(handle, r, c)))
        return PostgresCell(result: self, columnIndex: column, type: columnTypes[column], bytes: bytes)
    }
}

/// One row; its values are decoded on demand, by position or by column name.
public struct PostgresRow {
    let result: PostgresResult
    let index: Int

    public func decode<Value: PostgresDecodable>(_ type: Value.Type = Value.self, at column: Int) throws -> Value {
        try Value.decode(result.cell(row: index, column: column))
    }

    public func decode<Value: PostgresDecodable>(_ type: Value.Type = Value.self, column name: String) throws -> Value {
        try decode(type, at: result.column(named: name))
    }

    public func isNull(at column: Int) throws -> Bool {
        try result.cell(row: index, column: column).bytes == nil
    }
}

/// One value as libpq holds it: valid only while its result lives, so never stored.
public struct PostgresCell {
    /// Not retained: a cell is a view that lives only while its result does (see `bytes`).
    private unowned(unsafe) let result: PostgresResult
    private let columnIndex: Int
    /// The column's type (`pg_type.oid`).
    public let type: UInt32
    /// The binary value, or nil for NULL.
    let bytes: UnsafeRawBufferPointer?

    init(result: PostgresResult, columnIndex: Int, type: UInt32, bytes: UnsafeRawBufferPointer?) {
        self.result = result
        self.columnIndex = columnIndex
        self.type = type
        self.bytes = bytes
    }

    /// The column's name, for messages (looked up only when one is written).
    public var column: String { result.columnNames[columnIndex] }

    func mismatch(_ wanted: String) -> PostgresError {
        let found = bytes == nil ? "NULL" : "a value of type oid \(type)"
        return PostgresError(kind: .decoding, message: "Column '\(column)' holds \(found), which cannot be read as \(wanted) (cast it in the query, e.g. ::text)")
    }

    func nonNull(_ wanted: String) throws -> UnsafeRawBufferPointer {
        guard let bytes else { throw mismatch(wanted) }
        return bytes
    }
}

/// A Swift type a column can be read as. `Optional` reads NULL as nil; the others refuse it.
public protocol PostgresDecodable {
    static func decode(_ cell: PostgresCell) throws -> Self
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Wrapped? {
        cell.bytes == nil ? nil : try Wrapped.decode(cell)
    }
}

extension Int64: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Int64 {
        let bytes = try cell.nonNull("an integer")
        let raw = BigEndianBytes.read(bytes)
        switch (cell.type, bytes.count) {
        case (PostgresType.int8, 8): return Int64(bitPattern: raw)
        case (PostgresType.int4, 4): return Int64(Int32(bitPattern: UInt32(raw)))
        case (PostgresType.int2, 2): return Int64(Int16(bitPattern: UInt16(raw)))
        case (PostgresType.oid, 4): return Int64(raw)
        default: throw cell.mismatch("an integer")
        }
    }
}

extension Int: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Int { Int(try Int64.decode(cell)) }
}

extension Double: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Double {
        let bytes = try cell.nonNull("a floating-point number")
        switch (cell.type, bytes.count) {
        case (PostgresType.float8, 8): return Double(bitPattern: BigEndianBytes.read(bytes))
        case (PostgresType.float4, 4): return Double(Float(bitPattern: UInt32(BigEndianBytes.read(bytes))))
        case (PostgresType.int8, _), (PostgresType.int4, _), (PostgresType.int2, _): return Double(try Int64.decode(cell))
        default: throw cell.mismatch("a floating-point number")
        }
    }
}

extension Bool: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Bool {
        let bytes = try cell.nonNull("a boolean")
        guard cell.type == PostgresType.bool, bytes.count == 1 else { throw cell.mismatch("a boolean") }
        return bytes[0] != 0
    }
}

extension String: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> String {
        var bytes = try cell.nonNull("text")
        if cell.type == PostgresType.jsonb, bytes.first == 1 {
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        } else if !PostgresType.isTextLike(cell.type) {
            throw cell.mismatch("text")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Data: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Data {
        let bytes = try cell.nonNull("bytes")
        guard cell.type == PostgresType.bytea || PostgresType.isTextLike(cell.type) else { throw cell.mismatch("bytes") }
        return Data(bytes)
    }
}

/// A `timestamptz` or `timestamp` (taken as UTC), a `date` (midnight UTC), or a number of
/// seconds since 1970 (integer or floating-point columns).
extension Date: PostgresDecodable {
    public static func decode(_ cell: PostgresCell) throws -> Date {
        let bytes = try cell.nonNull("a time")
        switch (cell.type, bytes.count) {
        case (PostgresType.timestamptz, 8), (PostgresType.timestamp, 8):
            let micros = Int64(bitPattern: BigEndianBytes.read(bytes))
            if micros == .max { return .distantFuture }  // 'infinity'
            if micros == .min { return .distantPast }  // '-infinity'
            return Date(timeIntervalSince1970: PostgresEpoch.unixSeconds + Double(micros) / PostgresEpoch.microsecondsPerSecond)
        case (PostgresType.date, 4):
            let days = Int32(bitPattern: UInt32(BigEndianBytes.read(bytes)))
            if days == .max { return .distantFuture }
            if days == .min { return .distantPast }
            return Date(timeIntervalSince1970: PostgresEpoch.unixSeconds + Double(days) * 86_400)
        case (PostgresType.int8, _), (PostgresType.int4, _), (PostgresType.int2, _), (PostgresType.float8, _), (PostgresType.float4, _):
            return Date(timeIntervalSince1970: try Double.decode(cell))
        default:
            throw cell.mismatch("a time")
        }
    }
}
