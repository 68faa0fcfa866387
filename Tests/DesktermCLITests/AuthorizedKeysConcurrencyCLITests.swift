import DeskModel
import Foundation
import XCTest

/// Customer administrators change keys over SSH at the same time: every acknowledged change
/// stays in authorized_keys (no key lost, no revoked key back).
final class AuthorizedKeysConcurrencyCLITests: XCTestCase {
    /// A distinct, well-formed ed25519 public key line for each `seed`.
    private static func publicKey(_ seed: Int) -> (line: String, base64: String) {
        var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8) + Data([0, 0, 0, 32])
        blob += Data((0..<32).map { UInt8(($0 * 7 + seed * 13) % 256) })
        return ("ssh-ed25519 \(blob.base64EncodedString()) key\(seed)\n", blob.base64EncodedString())
    }

    /// Runs every body at once, each on its own thread, and waits for all.
    private func simultaneously(_ bodies: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        for body in bodies {
            group.enter()
            Thread { body(); group.leave() }.start()
        }
        group.wait()
    }

    func testConcurrentAuthorizeAndRevokeOverSSHKeepEveryAcknowledgedChange() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["user", "administrator", "olga", "--org", "Other Ltd"], user: "root"), "olga now administers Other Ltd\n")
        let store = try desk.store()
        let handles = (1...12).map { "otto\($0)" }
        for handle in handles + ["gone"] {
            _ = try store.addUser(NewUser(handle: handle, name: handle, email: "\(handle)@other.example", role: .customer, organisationName: "Other Ltd"))
        }
        let keys = desk.directory.appendingPathComponent(".ssh/authorized_keys").path
        assertSucceeded(desk.ssh("ssh authorize gone --key -", as: "olga", stdin: Self.publicKey(0).line),
                        "Authorized ssh-ed25519 key for gone in \(keys)\n")

        final class Results: @unchecked Sendable { var byHandle: [String: CLIResult] = [:]; let lock = NSLock() }
        let results = Results()
        var bodies: [@Sendable () -> Void] = handles.enumerated().map { index, handle in {
            let result = desk.ssh("ssh authorize \(handle) --key -", as: "olga", stdin: Self.publicKey(index + 1).line)
            results.lock.lock(); results.byHandle[handle] = result; results.lock.unlock()
        } }
        bodies.insert({
            let result = desk.ssh("ssh revoke gone", as: "olga")
            results.lock.lock(); results.byHandle["gone"] = result; results.lock.unlock()
        }, at: handles.count / 2)
        simultaneously(bodies)

        for handle in handles {
            assertSucceeded(results.byHandle[handle] ?? CLIResult(status: -1, stdoutData: Data(), stderrData: Data()),
                            "Authorized ssh-ed25519 key for \(handle) in \(keys)\n")
        }
        assertSucceeded(results.byHandle["gone"] ?? CLIResult(status: -1, stdoutData: Data(), stderrData: Data()), "Revoked 1 key of gone\n")
        let entries = AuthorizedKeys.entries(in: try String(contentsOfFile: keys, encoding: .utf8))
        XCTAssertEqual(Set(entries.map(\.handle)), Set(handles), "every authorised key present, the revoked one gone")
        XCTAssertEqual(Set(entries.map(\.key.base64)), Set((1...handles.count).map { Self.publicKey($0).base64 }))
        var lockInfo = stat()
        XCTAssertEqual(stat(keys + ".lock", &lockInfo), 0, "the lock file sits beside authorized_keys")
        XCTAssertEqual(lockInfo.st_mode & 0o777, 0o600)
    }
}
