import Foundation

/// A query parameter. Every value travels apart from the SQL text (`$1`, `$2`, …), so text
/// from tickets is always data, never SQL.
public enum PostgresValue: Equatable, Sendable {
    case null
    case int(Int64)
    case text(String)
    case bool(Bool)
    case double(Double)
    /// Sent as `timestamptz`, to the microsecond.
    case timestamp(Date)
    /// Sent as `bytea`, exactly (zero bytes included).
    case bytes(Data)
}

extension PostgresValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension PostgresValue {
    /// `value`, or NULL when it is nil.
    public static func optional<Wrapped>(_ value: Wrapped?, _ wrap: (Wrapped) -> PostgresValue) -> PostgresValue {
        value.map(wrap) ?? .null
    }
}

/// The type identifiers (`pg_type.oid`) the layer sends and reads; fixed since PostgreSQL 7.
enum PostgresType {
    static let bool: UInt32 = 16
    static let bytea: UInt32 = 17
    static let char: UInt32 = 18
    static let name: UInt32 = 19
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let text: UInt32 = 25
    static let oid: UInt32 = 26
    static let json: UInt32 = 114
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let unknown: UInt32 = 705
    static let bpchar: UInt32 = 1042
    static let varchar: UInt32 = 1043
    static let date: UInt32 = 1082
    static let timestamp: UInt32 = 1114
    static let timestamptz: UInt32 = 1184
    static let jsonb: UInt32 = 3802

    /// Types whose binary form is the text itself (a switch: no hashing per cell).
    static func isTextLike(_ type: UInt32) -> Bool {
        switch type {
        case text, varchar, bpchar, name, char, json, unknown: return true
        default: return false
        }
    }
}

/// PostgreSQL's binary time is microseconds (or days) since 2000-01-01 00:00 UTC.
enum PostgresEpoch {
    static let unixSeconds: TimeInterval = 946_684_800
    static let microsecondsPerSecond: Double = 1_000_000
}

extension PostgresValue {
    /// The value in PostgreSQL's binary format with its type, or nil bytes for NULL.
    var encoded: (type: UInt32, bytes: [UInt8]?) {
        switch self {
        case .null:
            return (0, nil)
        case .int(let value):
            return (PostgresType.int8, BigEndianBytes.of(UInt64(bitPattern: value)))
        case .text(let value):
            return (PostgresType.text, Array(value.utf8))
        case .bool(let value):
            return (PostgresType.bool, [value ? 1 : 0])
        case .double(let value):
            return (PostgresType.float8, BigEndianBytes.of(value.bitPattern))
        case .timestamp(let date):
            let seconds = date.timeIntervalSince1970 - PostgresEpoch.unixSeconds
            let micros = Int64((seconds * PostgresEpoch.microsecondsPerSecond).rounded())
            return (PostgresType.timestamptz, BigEndianBytes.of(UInt64(bitPattern: micros)))
        case .bytes(let data):
            return (PostgresType.bytea, Array(data))
        }
    }
}

enum BigEndianBytes {
    static func of(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    /// A big-endian unsigned integer of 0 to 8 bytes; the 2-, 4- and 8-byte ones (every
    /// integer, float and time column) are one unaligned load each.
    static func read(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        switch bytes.count {
        case 8: return UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
        case 4: return UInt64(UInt32(bigEndian: bytes.loadUnaligned(as: UInt32.self)))
        case 2: return UInt64(UInt16(bigEndian: bytes.loadUnaligned(as: UInt16.self)))
        default: return bytes.reduce(0) { ($0 << 8) | UInt64($1) }
        }
    }
}
