import DeskModel
import Foundation
import XCTest

/// A key already in authorized_keys is refused; only desk admins learn whose it is, since the
/// handle (staff included) is not a customer administrator's to know.
final class AuthorizedKeyOwnerCLITests: XCTestCase {
    private static let publicKey: String = {
        var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8) + Data([0, 0, 0, 32])
        blob += Data((0..<32).map { UInt8($0 + 41) })
        return "ssh-ed25519 \(blob.base64EncodedString()) bob-laptop\n"
    }()

    func testOnlyAdminsLearnWhoseKeyItIs() throws {
        let desk = try makeWorld()
        assertSucceeded(desk.run(["user", "administrator", "olga", "--org", "Other Ltd"], user: "root"), "olga now administers Other Ltd\n")
        assertSucceeded(desk.ssh("user add otto --name 'Otto Other' --org 'Other Ltd'", as: "olga"), "Added customer otto\n")
        let keys = desk.directory.appendingPathComponent(".ssh/authorized_keys").path
        let keyFile = try desk.write("bob.pub", Self.publicKey)
        assertSucceeded(desk.run(["ssh", "authorize", "bob", "--key", keyFile], user: "root"),
                        "Authorized ssh-ed25519 key for bob in \(keys)\n")

        assertRefused(desk.ssh("ssh authorize otto --key -", as: "olga", stdin: Self.publicKey), "This key cannot be added")
        assertRefused(desk.run(["ssh", "authorize", "otto", "--key", keyFile], user: "root"), "This key is already authorized for bob")
        assertRefused(desk.run(["ssh", "authorize", "otto", "--key", keyFile]), "This key is already authorized for bob")
        XCTAssertEqual(AuthorizedKeys.entries(in: try String(contentsOfFile: keys, encoding: .utf8)).map(\.handle), ["bob"])
    }
}
