import Foundation

/// `deskterm copy`: moves a whole desk from one address to another (SQLite or PostgreSQL, either
/// way), then reads both sides again and compares them table by table.
public enum DeskCopy {
    public enum Event: Sendable {
        /// Rows of `table` copied so far, of `total`.
        case rows(table: String, done: Int, total: Int)
        /// The table is done.
        case tableDone(table: String, rows: Int)
        /// The target builds what it derives (indexes, full text, counters).
        case building(String)
        case verifying(table: String)
    }

    /// Copies the desk at `from` into the new or empty desk at `to`, then verifies it. Throws
    /// (leaving `to` as it was) when anything fails before the copy is in place.
    public static func copy(from: DeskAddress, to: DeskAddress, progress: (Event) -> Void = { _ in }) throws -> CopyReport {
        guard from != to else { throw DeskError.invalidInput("The source and the target are the same desk") }
        let started = Date()
        let source = try DeskCopyEndpoints.source(from)
        let target = try DeskCopyEndpoints.target(to)
        var sourceSides: [CopyReport.Side] = []
        do {
            try target.begin()
            for table in DeskCopyTables.all {
                let total = try source.rowCount(table)
                var hash = CopyTableHash()
                progress(.rows(table: table.name, done: 0, total: total))
                try source.readRows(table) { batch in
                    try target.write(table, batch)
                    hash.add(batch)
                    progress(.rows(table: table.name, done: hash.rows, total: total))
                }
                sourceSides.append(CopyReport.Side(rows: hash.rows, hash: hash.hexDigest()))
                progress(.tableDone(table: table.name, rows: hash.rows))
            }
            try target.commit { progress(.building($0)) }
        } catch {
            target.abandon()
            throw error
        }
        let copied = Date()
        let targetSides = try hashes(of: try DeskCopyEndpoints.source(to), progress: progress)
        return CopyReport(
            source: from.description, target: to.description,
            tables: zip(DeskCopyTables.all, zip(sourceSides, targetSides)).map { CopyReport.Table(name: $0.name, source: $1.0, target: $1.1) },
            copySeconds: copied.timeIntervalSince(started), verifySeconds: Date().timeIntervalSince(copied))
    }

    /// Fails as `copy` would on the target (unreachable, not a desk, not empty) without writing
    /// anything: for work to skip when its result could not be copied there.
    public static func checkTarget(_ address: DeskAddress) throws {
        let target = try DeskCopyEndpoints.target(address)
        try target.begin()
        target.abandon()
    }

    /// Compares two desks table by table, reading both; changes nothing.
    public static func verify(_ first: DeskAddress, _ second: DeskAddress, progress: (Event) -> Void = { _ in }) throws -> CopyReport {
        let started = Date()
        let firstSides = try hashes(of: try DeskCopyEndpoints.source(first), progress: progress)
        let secondSides = try hashes(of: try DeskCopyEndpoints.source(second), progress: progress)
        return CopyReport(
            source: first.description, target: second.description,
            tables: zip(DeskCopyTables.all, zip(firstSides, secondSides)).map { CopyReport.Table(name: $0.name, source: $1.0, target: $1.1) },
            copySeconds: nil, verifySeconds: Date().timeIntervalSince(started))
    }

    /// Each table's row count and content hash, computed here from the rows read (never by
    /// SQL functions of one backend), so both backends give the same hash for the same rows.
    static func hashes(of source: any DeskCopySource, progress: (Event) -> Void) throws -> [CopyReport.Side] {
        try DeskCopyTables.all.map { table in
            progress(.verifying(table: table.name))
            var hash = CopyTableHash()
            try source.readRows(table) { hash.add($0) }
            return CopyReport.Side(rows: hash.rows, hash: hash.hexDigest())
        }
    }
}

/// What `deskterm copy` found: per table, the rows and content hash on each side.
public struct CopyReport: Sendable, Codable, Equatable {
    public struct Side: Sendable, Codable, Equatable {
        public var rows: Int
        /// SHA-256 (hex) of the table's canonical encoding (`CopyTableHash`).
        public var hash: String
    }

    public struct Table: Sendable, Codable, Equatable {
        public var name: String
        public var source: Side
        public var target: Side
        public var equal: Bool { source == target }

        enum CodingKeys: String, CodingKey { case name, source, target, equal }

        init(name: String, source: Side, target: Side) {
            self.name = name
            self.source = source
            self.target = target
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            source = try container.decode(Side.self, forKey: .source)
            target = try container.decode(Side.self, forKey: .target)
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(source, forKey: .source)
            try container.encode(target, forKey: .target)
            try container.encode(equal, forKey: .equal)
        }
    }

    public var source: String
    public var target: String
    public var tables: [Table]
    public var copySeconds: Double?
    public var verifySeconds: Double
    public var equal: Bool { tables.allSatisfy(\.equal) }
}
