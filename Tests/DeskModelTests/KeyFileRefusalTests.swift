import Foundation
import XCTest

@testable import DeskModel

/// When the server's `authorized_keys` cannot be changed (its folder cannot be made, written or
/// locked), a customer administrator reads a sentence in their language that names no server
/// path; the operator and desk admins still read where it failed, to repair it.
final class KeyFileRefusalTests: StoreTestCase {
    func testACustomerAdministratorIsNotToldTheServersPaths() throws {
        try store.setAdministrator(handle: "erin", organisation: "Big Co", administrator: true, by: f.root)
        let erin = try store.viewer(handle: "erin")
        // A plain file stands where the key file's folder should be made.
        let blocker = f.directory.appendingPathComponent("home")
        try Data("not a folder".utf8).write(to: blocker)
        let keys = AuthorizedKeysFile(
            path: blocker.appendingPathComponent(".ssh/authorized_keys").path, deskterm: "/usr/bin/deskterm",
            desk: .sqlite(path: "/srv/desk.sqlite"))
        let key = AuthorizedKeyRefusalLanguageTests.validKey

        let refusal = DeskError.refused(.model("The SSH key file cannot be changed at the moment; ask your support team"))
        XCTAssertDeskError(try keys.authorize(keyText: key, handle: "eve", store: store, by: erin), refusal)
        XCTAssertDeskError(try keys.revoke(handle: "eve", store: store, by: erin), refusal)
        XCTAssertEqual(refusal.phrase.text(in: .french),
                       "Le fichier des clés SSH ne peut pas être modifié pour le moment ; demandez à votre équipe d'assistance")

        for actor in [nil, f.root] as [Viewer?] {
            do {
                _ = try keys.authorize(keyText: key, handle: "eve", store: store, by: actor)
                XCTFail("the folder cannot be made")
            } catch {
                guard case .invalidInput(let detail) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(detail.contains(blocker.path), detail)
            }
        }
    }
}
