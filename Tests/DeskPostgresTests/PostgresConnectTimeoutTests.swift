import DeskPostgres
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// No server needed: a listener that accepts connections but never answers stands in for a
/// server that hangs, so only the connect timeout can end the attempt.
final class PostgresConnectTimeoutTests: XCTestCase {
    private var listener: Int32 = -1

    override func tearDown() {
        if listener >= 0 { close(listener) }
    }

    /// Listens on 127.0.0.1 on a free port; the kernel completes handshakes, nobody replies.
    private func silentListenerPort() throws -> UInt16 {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw XCTSkip("cannot open a socket here") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, generic, &length) == 0
            }
        }
        guard bound else { throw XCTSkip("cannot listen on 127.0.0.1 here") }
        return UInt16(bigEndian: address.sin_port)
    }

    func testAServerThatNeverAnswersTimesOut() throws {
        let port = try silentListenerPort()
        let started = Date()
        XCTAssertThrowsError(
            try PostgresConnection(
                address: "postgresql://alice:hush-hush@127.0.0.1:\(port)/desk?sslmode=disable",
                options: PostgresOptions(connectTimeoutSeconds: 2))
        ) { error in
            XCTAssertEqual((error as? PostgresError)?.kind, .connectionFailure, "\(error)")
            XCTAssertTrue("\(error)".contains("timeout"), "\(error)")
            XCTAssertFalse("\(error)".contains("hush-hush"), "\(error)")
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(elapsed, 1.5)
        XCTAssertLessThan(elapsed, 6, "the connect timeout ended the attempt")
    }
}
