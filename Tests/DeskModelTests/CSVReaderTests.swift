import XCTest

@testable import DeskModel

/// The CSV reader (RFC 4180 and the variants exports really have), and the readings of values
/// and dates a CSV import applies.
final class CSVReaderTests: XCTestCase {
    private func records(_ text: String, delimiter: Character = ",", chunk: Int? = nil) -> [CSVRecord] {
        let bytes = Array(text.utf8)
        var reader: CSVReader
        if let chunk {
            var position = 0
            reader = CSVReader(delimiter: delimiter.asciiValue!) {
                guard position < bytes.count else { return nil }
                defer { position += chunk }
                return Array(bytes[position..<min(bytes.count, position + chunk)])
            }
        } else {
            reader = CSVReader(bytes: bytes, delimiter: delimiter.asciiValue!)
        }
        var result: [CSVRecord] = []
        while let record = reader.next() { result.append(record) }
        return result
    }

    func testPlainAndQuotedFields() {
        let read = records("a,b,c\n1,\"two, three\",\"say \"\"hi\"\"\"\n,,\n")
        XCTAssertEqual(read.map(\.fields), [["a", "b", "c"], ["1", "two, three", "say \"hi\""], ["", "", ""]])
        XCTAssertEqual(read.map(\.line), [1, 2, 3])
        XCTAssertEqual(read.map(\.offset), [0, 6, 34])
        XCTAssertTrue(read.allSatisfy { $0.problem == nil })
    }

    func testLineEndsInsideQuotesCountLinesAndRecordsEndWithCRLFLFOrCR() {
        let read = records("h1,h2\r\n\"first\r\nsecond\nthird\",x\r\nlast,\"\"\rold,mac")
        XCTAssertEqual(read.map(\.fields), [["h1", "h2"], ["first\r\nsecond\nthird", "x"], ["last", ""], ["old", "mac"]])
        XCTAssertEqual(read.map(\.line), [1, 2, 5, 6], "a record starts on the line after the line ends of the one before")
    }

    func testByteOrderMarkAndOtherDelimiters() {
        XCTAssertEqual(records("\u{FEFF}Id;Subject\n7;\"a;b\"\n", delimiter: ";").map(\.fields), [["Id", "Subject"], ["7", "a;b"]])
        XCTAssertEqual(records("a\tb\n1\t2", delimiter: "\t").map(\.fields), [["a", "b"], ["1", "2"]])
        XCTAssertEqual(records("\u{FEFF}x").map(\.fields), [["x"]], "without a line end at the end")
    }

    func testChunkBoundariesChangeNothing() {
        let text = "\u{FEFF}id,body\n1,\"a \"\"quoted\"\"\r\nline, with a comma\"\r\n2,é日本\n"
        let whole = records(text)
        XCTAssertEqual(whole.count, 3)
        for size in [1, 2, 3, 5, 7] {
            XCTAssertEqual(records(text, chunk: size), whole, "chunks of \(size) bytes")
        }
        // Fields are copied a run at a time up to a quote, a line end or a delimiter: a run cut
        // by a chunk's end neither marks a sound record nor hides a malformed one.
        let malformed = "a,b\nplain text,x\"y\n\"z\"w,2\n\"long quoted\nfield\",ok\n\"never closed,3\nmore\n"
        let wholeMalformed = records(malformed)
        XCTAssertEqual(wholeMalformed.map { $0.problem != nil }, [false, true, true, false, true])
        for size in [1, 2, 3, 4, 6, 11] {
            XCTAssertEqual(records(malformed, chunk: size), wholeMalformed, "chunks of \(size) bytes")
        }
    }

    func testMalformedRecordsAreMarkedAndReadingGoesOn() {
        let read = records("a,b\n1,x\"y\n\"z\"w,2\nok,fine\n\"never closed,3\nmore\n")
        XCTAssertEqual(read.count, 5)
        XCTAssertEqual(read[1].problem, "line 2: a quote inside a field that does not start with one")
        XCTAssertEqual(read[1].fields, ["1", "x\"y"])
        XCTAssertEqual(read[2].problem, "line 3: text after the closing quote of a field")
        XCTAssertEqual(read[3].fields, ["ok", "fine"])
        XCTAssertNil(read[3].problem)
        XCTAssertEqual(read[4].problem, "the quoted field that starts on line 5 is never closed")
        XCTAssertEqual(read[4].line, 5)
    }

    func testBlankLinesAreRecognised() {
        let read = records("a\n\nb\n")
        XCTAssertEqual(read.map(CSVReader.isBlank), [false, true, false])
    }

    func testValuesOfOtherHelpDesksAndOverrides() {
        var values = CSVValues()
        XCTAssertEqual(["Urgent", "high", "Medium", "3 normal", "low", "P1", "2"].map { values.urgency($0) }, [.critical, .serious, .low, .low, Urgency.none, .critical, .low])
        XCTAssertNil(values.urgency("whenever"))
        XCTAssertEqual(["Solved", "closed successful", "Hold", "Waiting on Customer", "new", "Open"].map { values.status($0) },
                       [.closed, .closed, .pending, .awaitingCustomer, .new, .open])
        XCTAssertEqual(["Incident", "Problem", "Request", "Change", "Question"].map { values.kind($0) }, [.incident, .incident, .serviceRequest, .serviceRequest, .question])
        XCTAssertNil(values.add("urgency:Medium=serious"))
        XCTAssertEqual(values.urgency("medium"), .serious)
        XCTAssertEqual(values.add("urgency:x=extreme"), .deskValue(target: "urgency", spellings: Urgency.spellings))
        XCTAssertEqual(values.add("colour:red=blue"), .target)
        XCTAssertEqual(values.add("urgency-high"), .form)
    }

    func testDatesAsExportsWriteThem() {
        func iso(_ date: Date?) -> String? { date.map { ISO8601DateFormatter().string(from: $0) } }
        XCTAssertEqual(iso(CSVDates.parse("2024-02-26T09:00:00Z")), "2024-02-26T09:00:00Z")
        XCTAssertEqual(iso(CSVDates.parse("2024-02-26 09:00:00 +0100")), "2024-02-26T08:00:00Z")
        XCTAssertEqual(iso(CSVDates.parse("2024-02-26 09:00")), "2024-02-26T09:00:00Z")
        XCTAssertEqual(iso(CSVDates.parse("2024-02-26")), "2024-02-26T00:00:00Z")
        XCTAssertEqual(iso(CSVDates.parse("26.02.2024 09:30")), "2024-02-26T09:30:00Z")
        XCTAssertEqual(iso(CSVDates.parse("02/26/2024 9:05 PM")), "2024-02-26T21:05:00Z")
        XCTAssertEqual(iso(CSVDates.parse("26/02/2024 12:00 AM")), "2024-02-26T00:00:00Z", "day first when the first number cannot be a month")
        XCTAssertEqual(iso(CSVDates.parse("Mon, 26 Feb 2024 09:00:00 +0000")), "2024-02-26T09:00:00Z")
        XCTAssertEqual(iso(CSVDates.parse("1708938000")), "2024-02-26T09:00:00Z")
        XCTAssertNil(CSVDates.parse("2024-02-30"))
        XCTAssertNil(CSVDates.parse("tomorrow"))
        XCTAssertNil(CSVDates.parse("13/13/2024"))
    }

    /// The row key of a row without an id is what earlier imports stored: a re-import finds them.
    func testTheRowKeyIsTheDigestOfTheFieldsJoinedByUnitSeparators() {
        let row = CSVTickets.Row(fields: ["Subject", "Body with, comma", "é日"], line: 2, offset: 10)
        // printf 'Subject\x1fBody with, comma\x1f\xc3\xa9\xe6\x97\xa5' | sha256sum
        XCTAssertEqual(CSVTickets.rowKey(row), "sha256-96fe5d6fbc5888103d471d79efeebcf1627b4bbcce6ee185d6b38a7789096331")
        XCTAssertNotEqual(CSVTickets.rowKey(CSVTickets.Row(fields: ["Subject", "Body with, comma", "é日", ""], line: 2, offset: 10)), CSVTickets.rowKey(row))
    }

    /// Values are trimmed as Foundation trims white space and line ends, Unicode spaces included.
    func testValuesAreTrimmedOfEveryKindOfWhiteSpace() {
        let cases = ["plain", " padded\t", "\u{00A0}no-break\u{3000}", "\r\nlines\n", "é", "", "   ", "a b", "\u{2028}x"]
        for text in cases {
            XCTAssertEqual(CSVColumns.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
        }
    }

    /// Tag columns are cut at commas and semicolons, or one column at white space, as before.
    func testTagColumnsAreCutWhereFoundationCutsThem() {
        let cases: [(String, Bool)] = [
            ("vpn, billing;urgent", true), ("vpn billing\turgent", true), ("vpn\u{00A0}billing\u{3000}日本", true),
            ("single", false), ("a b", false), ("x,,y;", false), ("", true), ("日本,中文", true),
        ]
        for (raw, oneColumn) in cases {
            let separators: CharacterSet = raw.contains(",") || raw.contains(";") || !oneColumn ? CharacterSet(charactersIn: ",;") : .whitespaces
            XCTAssertEqual(CSVColumns.tagParts(raw, oneColumn: oneColumn), raw.components(separatedBy: separators), raw)
        }
    }
}
