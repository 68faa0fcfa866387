import Foundation

/// One value of a copied row, whichever backend it came from.
public enum CopyValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case bytes(Data)
}

/// A table's content hash: SHA-256 over a canonical encoding of its rows in key order, the
/// same bytes whichever backend the rows were read from. Each value is a tag byte, then for
/// an integer its 8 bytes big-endian, for text and bytes their length (8 bytes big-endian)
/// and the bytes (UTF-8 for text); each row ends with a separator byte, so that values
/// cannot slide from one row into the next.
public struct CopyTableHash {
    private var stream = SHA256.Stream()
    private var scratch: [UInt8] = []
    public private(set) var rows = 0

    public init() { scratch.reserveCapacity(4096) }

    public mutating func add(_ row: [CopyValue]) {
        scratch.removeAll(keepingCapacity: true)
        for value in row {
            switch value {
            case .null: scratch.append(0)
            case .integer(let number):
                scratch.append(1)
                appendBigEndian(UInt64(bitPattern: number))
            case .text(var text):
                scratch.append(2)
                text.withUTF8 { bytes in
                    appendBigEndian(UInt64(bytes.count))
                    scratch.append(contentsOf: bytes)
                }
            case .bytes(let data):
                scratch.append(3)
                appendBigEndian(UInt64(data.count))
                scratch.append(contentsOf: data)
            }
        }
        scratch.append(0xFF)
        stream.update(scratch)
        rows += 1
    }

    public mutating func add(_ batch: [[CopyValue]]) {
        for row in batch { add(row) }
    }

    public mutating func hexDigest() -> String { stream.hexDigest() }

    private mutating func appendBigEndian(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { scratch.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
