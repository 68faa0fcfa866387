import Foundation

extension SHA256 {
    /// SHA-256 over data given piece by piece, for contents too large to hold at once (a whole
    /// table of a desk being copied). `SHA256.digest` is this stream given everything in one piece.
    public struct Stream {
        private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        private var pending: [UInt8] = []
        private var length: UInt64 = 0
        private var schedule = [UInt32](repeating: 0, count: 64)

        public init() { pending.reserveCapacity(128) }

        public mutating func update(_ data: Data) {
            data.withUnsafeBytes { update($0) }
        }

        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { update($0) }
        }

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            length += UInt64(bytes.count)
            var rest = bytes
            if !pending.isEmpty {
                let taken = min(64 - pending.count, rest.count)
                pending.append(contentsOf: rest[0..<taken])
                rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { compress($0) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = rest.count - rest.count % 64
            if whole > 0 { compress(UnsafeRawBufferPointer(rebasing: rest[0..<whole])) }
            pending.append(contentsOf: rest[whole...])
        }

        public mutating func finish() -> [UInt8] {
            let bitLength = length * 8
            pending.append(0x80)
            while pending.count % 64 != 56 { pending.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) { pending.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            pending.withUnsafeBytes { compress($0) }
            pending.removeAll()
            let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
            return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
        }

        public mutating func hexDigest() -> String {
            SHA256.hex(finish())
        }

        private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
            var (h0, h1, h2, h3, h4, h5, h6, h7) = state
            // Unchecked reads of the constants: a CSV import hashes every row without an id.
            SHA256.roundConstants.withUnsafeBufferPointer { constants in
            schedule.withUnsafeMutableBufferPointer { w in
                for blockStart in stride(from: 0, to: blocks.count, by: 64) {
                    for i in 0..<16 {
                        w[i] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: blockStart + i * 4, as: UInt32.self))
                    }
                    for i in 16..<64 {
                        let s0 = SHA256.rotr(w[i - 15], 7) ^ SHA256.rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                        let s1 = SHA256.rotr(w[i - 2], 17) ^ SHA256.rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                    }
                    var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for i in 0..<64 {
                        let sum1 = SHA256.rotr(e, 6) ^ SHA256.rotr(e, 11) ^ SHA256.rotr(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let t1 = h &+ sum1 &+ choice &+ constants[i] &+ w[i]
                        let sum0 = SHA256.rotr(a, 2) ^ SHA256.rotr(a, 13) ^ SHA256.rotr(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ (sum0 &+ majority))
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                }
            }
            }
            state = (h0, h1, h2, h3, h4, h5, h6, h7)
        }
    }
}
