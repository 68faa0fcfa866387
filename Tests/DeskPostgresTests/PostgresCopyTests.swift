import DeskPostgres
import Foundation
import XCTest

/// COPY's text format written by `PostgresCopyText` (no server needed).
final class PostgresCopyTextTests: XCTestCase {
    private func text(_ value: String) -> String {
        var buffer: [UInt8] = []
        PostgresCopyText.append(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    func testTabsNewlinesCarriageReturnsAndBackslashesAreEscaped() {
        XCTAssertEqual(text("a\tb\nc\rd\\e"), #"a\tb\nc\rd\\e"#)
        XCTAssertEqual(text(#"\N"#), #"\\N"#, "a text that reads like NULL stays text")
        XCTAssertEqual(text("\\."), #"\\."#, "nor may it end the data")
    }

    func testOtherTextGoesAsItIsIncludingControlsAndCJK() {
        XCTAssertEqual(text("日本語 \u{1B}[31m é \u{7}"), "日本語 \u{1B}[31m é \u{7}")
        XCTAssertEqual(text(""), "")
    }

    func testNullIntegersBooleansAndBytea() {
        var buffer: [UInt8] = []
        PostgresCopyText.appendNull(to: &buffer)
        buffer.append(UInt8(ascii: "|"))
        PostgresCopyText.append(Int64.min, to: &buffer)
        buffer.append(UInt8(ascii: "|"))
        PostgresCopyText.append(true, to: &buffer)
        PostgresCopyText.append(false, to: &buffer)
        buffer.append(UInt8(ascii: "|"))
        PostgresCopyText.append(bytea: Data([0x00, 0x09, 0x0a, 0x5c, 0xff]), to: &buffer)
        XCTAssertEqual(String(decoding: buffer, as: UTF8.self), #"\N|-9223372036854775808|tf|\\x00090a5cff"#)
    }
}

/// `copyIn` against the server: what goes in comes back exactly; a failed copy loads nothing
/// and leaves the connection usable.
final class PostgresCopyInTests: XCTestCase {
    private var connection: PostgresConnection!
    private var table = ""

    override func setUpWithError() throws {
        connection = try PostgresTestServer.connect()
        table = PostgresTestServer.uniqueTableName("copy_in")
        try connection.executeScript("CREATE TABLE \(table) (id int8 PRIMARY KEY, name text, flag bool, blob bytea)")
    }

    override func tearDownWithError() throws {
        try connection?.executeScript("DROP TABLE IF EXISTS \(table)")
    }

    func testRowsComeBackExactly() throws {
        let names = ["tab\there", "line\nbreak\r\nwindows", #"back\slash \N \."#, "日本語の請求書", "\u{1B}[2J\u{7}bell", "", "Ünïcødé 🎫"]
        let everyByte = Data((0...255).map { UInt8($0) })
        let loaded = try connection.copyIn("COPY \(table) (id, name, flag, blob) FROM STDIN") { writer in
            for (index, name) in names.enumerated() {
                writer.append(Int64(index))
                writer.append(name)
                writer.append(index % 2 == 0)
                writer.append(bytea: index == 0 ? everyByte : Data(name.utf8))
                try writer.endRow()
            }
            writer.append(Int64(100))
            writer.appendNull()
            writer.appendNull()
            writer.appendNull()
            try writer.endRow()
        }
        XCTAssertEqual(loaded, names.count + 1)
        let rows = try connection.query("SELECT id, name, flag, blob FROM \(table) ORDER BY id")
        XCTAssertEqual(rows.count, names.count + 1)
        for (index, name) in names.enumerated() {
            XCTAssertEqual(try rows[index].decode(String.self, column: "name"), name)
            XCTAssertEqual(try rows[index].decode(Bool.self, column: "flag"), index % 2 == 0)
            XCTAssertEqual(try rows[index].decode(Data.self, column: "blob"), index == 0 ? everyByte : Data(name.utf8))
        }
        XCTAssertEqual(try rows[names.count].decode(String?.self, column: "name"), nil)
        XCTAssertEqual(try rows[names.count].decode(Data?.self, column: "blob"), nil)
    }

    func testManyRowsAcrossSeveralChunks() throws {
        let body = String(repeating: "x", count: 1000)
        try connection.copyIn("COPY \(table) (id, name) FROM STDIN") { writer in
            for id in 0..<3000 {
                writer.append(Int64(id))
                writer.append(body)
                try writer.endRow()
            }
        }
        let row = try connection.query("SELECT count(*) AS n, sum(length(name)) AS total FROM \(table)")[0]
        XCTAssertEqual(try row.decode(Int64.self, column: "n"), 3000)
        XCTAssertEqual(try row.decode(Int64.self, column: "total"), 3_000_000)
    }

    func testAFillThatThrowsLoadsNothingAndTheConnectionStaysUsable() throws {
        struct Stop: Error {}
        XCTAssertThrowsError(try connection.copyIn("COPY \(table) (id) FROM STDIN") { writer in
            writer.append(Int64(1))
            try writer.endRow()
            throw Stop()
        }) { XCTAssertTrue($0 is Stop, "\($0)") }
        XCTAssertEqual(try connection.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0), 0)
    }

    func testDataTheServerRefusesIsAnErrorAndLoadsNothing() throws {
        try connection.execute("INSERT INTO \(table) (id) VALUES (7)")
        XCTAssertThrowsError(try connection.copyIn("COPY \(table) (id) FROM STDIN") { writer in
            writer.append(Int64(6))
            try writer.endRow()
            writer.append(Int64(7))  // duplicate key
            try writer.endRow()
        }) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .uniqueViolation, "\(error)")
        }
        XCTAssertEqual(try connection.query("SELECT count(*) FROM \(table)")[0].decode(Int64.self, at: 0), 1)
        XCTAssertFalse(connection.isInTransaction)
    }

    func testAStatementThatIsNotACopyIsRefused() throws {
        XCTAssertThrowsError(try connection.copyIn("SELECT 1") { _ in XCTFail("no data is asked for") })
        XCTAssertEqual(try connection.query("SELECT 2")[0].decode(Int64.self, at: 0), 2)
    }
}
