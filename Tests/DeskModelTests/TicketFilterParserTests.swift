import Foundation
import XCTest
@testable import DeskModel

final class TicketFilterParserTests: XCTestCase {
    private func parse(_ text: String) throws -> TicketQuery { try TicketQuery.parse(text) }

    private func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> FilterClause {
        let query = try parse(text)
        XCTAssertEqual(query.words, [], file: file, line: line)
        XCTAssertEqual(query.filter.clauses.count, 1, file: file, line: line)
        return try XCTUnwrap(query.filter.clauses.first, file: file, line: line)
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> FilterError? {
        do {
            _ = try TicketQuery.parse(text)
            XCTFail("'\(text)' parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private let day: Int64 = 86_400

    func testTheExampleOfTheIssueReadsAsSixConditionsAndWords() throws {
        let query = try parse(#"printer status:open urgency:critical assignee:me org:"Librairie Étoile" kind:incident updated:<7d jams"#)
        XCTAssertEqual(query.words, ["printer", "jams"])
        XCTAssertEqual(query.text, "printer jams")
        XCTAssertEqual(query.filter.clauses, [
            FilterClause(.status([.open])),
            FilterClause(.urgency([.critical])),
            FilterClause(.assignee([.me])),
            FilterClause(.organisation(["Librairie Étoile"])),
            FilterClause(.kind([.incident])),
            FilterClause(.updated(TimeRange(from: .ago(seconds: 7 * day)))),
        ])
    }

    func testWordsAloneHaveNoFilter() throws {
        let query = try parse("  vpn   drops\tevery hour ")
        XCTAssertEqual(query.words, ["vpn", "drops", "every", "hour"])
        XCTAssertTrue(query.filter.isEmpty)
        XCTAssertEqual(try parse(""), TicketQuery())
    }

    func testStatusTakesLenientSpellingsAliasesAndAnyOf() throws {
        XCTAssertEqual(try only("status:awaiting-customer").condition, .status([.awaitingCustomer]))
        XCTAssertEqual(try only("status:AWAITING_CUSTOMER").condition, .status([.awaitingCustomer]))
        XCTAssertEqual(try only("status:awaiting").condition, .status([.awaitingCustomer]))
        XCTAssertEqual(try only("status:action-required").condition, .status([.awaitingCustomer]))
        XCTAssertEqual(try only("status:solution-proposed").condition, .status([.pending]))
        XCTAssertEqual(try only("status:new,open,pending").condition, .status([.new, .open, .pending]))
        XCTAssertEqual(try only("State:Closed").condition, .status([.closed]))
    }

    func testUrgencyTakesValuesListsAndBounds() throws {
        XCTAssertEqual(try only("urgency:critical").condition, .urgency([.critical]))
        XCTAssertEqual(try only("urgency:low,serious").condition, .urgency([.low, .serious]))
        XCTAssertEqual(try only("urgency:>=serious").condition, .urgency([.serious, .critical]))
        XCTAssertEqual(try only("urgency:>serious").condition, .urgency([.critical]))
        XCTAssertEqual(try only("urgency:<serious").condition, .urgency([.none, .low]))
        XCTAssertEqual(try only("urgency:<=low").condition, .urgency([.none, .low]))
        XCTAssertEqual(try only("urgency:=none").condition, .urgency([.none]))
        XCTAssertEqual(try only("priority:>critical").condition, .urgency([]))
    }

    func testKindTakesLenientSpellings() throws {
        XCTAssertEqual(try only("kind:incident").condition, .kind([.incident]))
        XCTAssertEqual(try only("kind:service-request,question").condition, .kind([.serviceRequest, .question]))
        XCTAssertEqual(try only("type:service").condition, .kind([.serviceRequest]))
    }

    func testPeopleAreHandlesMeOrNone() throws {
        XCTAssertEqual(try only("assignee:me").condition, .assignee([.me]))
        XCTAssertEqual(try only("assignee:none").condition, .assignee([.nobody]))
        XCTAssertEqual(try only("assignee:unassigned").condition, .assignee([.nobody]))
        XCTAssertEqual(try only("assignee:Alice,none").condition, .assignee([.handle("alice"), .nobody]))
        XCTAssertEqual(try only("requester:camille").condition, .requester([.handle("camille")]))
        XCTAssertEqual(try only("requester:me").condition, .requester([.me]))
        XCTAssertEqual(try only("watching:me").condition, .watcher([.me]))
        // Only an assignee may be "none"; elsewhere it is a handle like any other.
        XCTAssertEqual(try only("requester:none").condition, .requester([.handle("none")]))
        XCTAssertEqual(error("assignee:bob!"), .unknownValue(.assignee, "bob!"))
        XCTAssertEqual(error("assignee:9lives"), .unknownValue(.assignee, "9lives"))
    }

    func testOrganisationNamesAreQuotedWhenTheyHaveBlanksOrCommas() throws {
        XCTAssertEqual(try only(#"org:"Librairie Étoile""#).condition, .organisation(["Librairie Étoile"]))
        XCTAssertEqual(try only("org:Acme").condition, .organisation(["Acme"]))
        XCTAssertEqual(try only(#"organisation:"Dupont, Fils & Cie",Acme"#).condition, .organisation(["Dupont, Fils & Cie", "Acme"]))
        // A quote left open closes at the end.
        XCTAssertEqual(try only(#"org:"Librairie Étoile"#).condition, .organisation(["Librairie Étoile"]))
        XCTAssertEqual(try only(#"org:L'Atelier"#).condition, .organisation(["L'Atelier"]))
        XCTAssertEqual(error(#"org:"""#), .missingValue(.org))
        XCTAssertEqual(error(#"org:Acme,"#), .missingValue(.org))
    }

    func testAgesCompareHowLongAgo() throws {
        XCTAssertEqual(try only("updated:<7d").condition, .updated(TimeRange(from: .ago(seconds: 7 * day))))
        XCTAssertEqual(try only("updated:7d").condition, .updated(TimeRange(from: .ago(seconds: 7 * day))))
        XCTAssertEqual(try only("updated:>2d").condition, .updated(TimeRange(until: .ago(seconds: 2 * day))))
        XCTAssertEqual(try only("created:>=2w").condition, .created(TimeRange(until: .ago(seconds: 14 * day))))
        XCTAssertEqual(try only("created:<=12h").condition, .created(TimeRange(from: .ago(seconds: 12 * 3_600))))
        XCTAssertEqual(try only("updated:<30m").condition, .updated(TimeRange(from: .ago(seconds: 1_800))))
        XCTAssertEqual(try only("updated:<3D").condition, .updated(TimeRange(from: .ago(seconds: 3 * day))))
    }

    func testDatesCompareWholeDaysInUTC() throws {
        let first = Date(timeIntervalSince1970: 1_793_491_200) // 2026-11-01 00:00 UTC
        let second = first.addingTimeInterval(86_400)
        XCTAssertEqual(try only("created:2026-11-01").condition, .created(TimeRange(from: .instant(first), until: .instant(second))))
        XCTAssertEqual(try only("created:>=2026-11-01").condition, .created(TimeRange(from: .instant(first))))
        XCTAssertEqual(try only("created:>2026-11-01").condition, .created(TimeRange(from: .instant(second))))
        XCTAssertEqual(try only("updated:<2026-11-01").condition, .updated(TimeRange(until: .instant(first))))
        XCTAssertEqual(try only("updated:<=2026-11-01").condition, .updated(TimeRange(until: .instant(second))))
        XCTAssertEqual(error("created:2026-02-31"), .unknownValue(.created, "2026-02-31"))
        XCTAssertEqual(error("created:2026-1-1"), .unknownValue(.created, "2026-1-1"))
    }

    func testTimePointsResolveAgainstNow() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        XCTAssertEqual(TimePoint.ago(seconds: 600).date(now: now), Date(timeIntervalSince1970: 999_400))
        XCTAssertEqual(TimePoint.instant(now).date(now: Date()), now)
    }

    func testNegationAndRepeatedKeys() throws {
        let query = try parse("-status:closed -kind:question updated:<7d updated:>1d -export")
        XCTAssertEqual(query.filter.clauses, [
            FilterClause(.status([.closed]), negated: true),
            FilterClause(.kind([.question]), negated: true),
            FilterClause(.updated(TimeRange(from: .ago(seconds: 7 * day)))),
            FilterClause(.updated(TimeRange(until: .ago(seconds: day)))),
        ])
        XCTAssertEqual(query.words, ["-export"])
    }

    func testTextThatOnlyLooksLikeAFilterStaysWords() throws {
        for text in ["Re:", "export:", ":", "https://status.example.com", "10:30", "a1:b", #""status:open""#, #"st"atus:open""#, "-", "é:x"] {
            let query = try parse(text)
            XCTAssertTrue(query.filter.isEmpty, text)
            XCTAssertEqual(query.words.count, 1, text)
        }
        XCTAssertEqual(try parse(#""status:open" printer"#).words, ["status:open", "printer"])
        XCTAssertEqual(try parse(#""error 42""#).words, ["error 42"])
    }

    func testErrorsNameWhatWasTypedAndWhatIsAccepted() {
        XCTAssertEqual(error("status:opn"), .unknownValue(.status, "opn"))
        XCTAssertEqual(
            DeskError.invalidFilter(.unknownValue(.status, "opn")).message,
            "unknown status 'opn' (statuses: new, open, awaitingCustomer, pending, closed)")
        XCTAssertEqual(error("status:open,opn"), .unknownValue(.status, "opn"))
        XCTAssertEqual(error("status:>open"), .comparisonNotAllowed(.status, ">open"))
        XCTAssertEqual(error("urgency:hi"), .unknownValue(.urgency, "hi"))
        XCTAssertEqual(
            FilterError.unknownValue(.urgency, "hi").message,
            "unknown urgency 'hi' (urgencies: none, low, serious, critical, or a bound like >=serious)")
        XCTAssertEqual(error("kind:bug"), .unknownValue(.kind, "bug"))
        XCTAssertEqual(FilterError.unknownValue(.kind, "bug").message, "unknown kind 'bug' (kinds: incident, serviceRequest, question)")
        XCTAssertEqual(error("colour:red"), .unknownKey("colour", token: "colour:red"))
        XCTAssertEqual(
            FilterError.unknownKey("colour", token: "colour:red").message,
            #"unknown filter 'colour' (filters: status, urgency, kind, assignee, requester, org, watching, updated, created, callback); to search for the text, quote it: "colour:red""#)
        XCTAssertEqual(error("-colour:red"), .unknownKey("colour", token: "-colour:red"))
        XCTAssertEqual(error("status:"), .missingValue(.status))
        XCTAssertEqual(FilterError.missingValue(.status).message, "status: needs a value (statuses: new, open, awaitingCustomer, pending, closed)")
        XCTAssertEqual(error("updated:<7x"), .unknownValue(.updated, "<7x"))
        XCTAssertEqual(
            FilterError.unknownValue(.updated, "<7x").message,
            "unknown time '<7x' for updated: (an age like <7d, >2h, 30m, 2w, or a date like >=2026-11-01)")
        XCTAssertEqual(error("updated:<7d,2d"), .oneValueOnly(.updated, "<7d,2d"))
        XCTAssertEqual(error("updated:<d"), .unknownValue(.updated, "<d"))
        XCTAssertEqual(error("updated:<-1d"), .unknownValue(.updated, "<-1d"))
        XCTAssertEqual(error("updated:<100001w"), .unknownValue(.updated, "<100001w"))
        XCTAssertEqual(FilterError.unknownValue(.assignee, "bob!").message, "'bob!' is not a handle (assignee: takes a handle, me or none)")
    }

    func testStatusesSeenByCustomersMergeNewAndOpen() {
        XCTAssertEqual(FilterCondition.statuses([.open], seenBy: .customer), [.new, .open])
        XCTAssertEqual(FilterCondition.statuses([.new], seenBy: .customer), [.new, .open])
        XCTAssertEqual(FilterCondition.statuses([.pending], seenBy: .customer), [.pending])
        XCTAssertEqual(FilterCondition.statuses([.open], seenBy: .agent), [.open])
    }
}
