@testable import DeskModel
import XCTest

/// A customer administrator pastes a key into the People screen: what is wrong with it reads in
/// their language, like every other refusal on a screen (it read English in every language).
final class AuthorizedKeyRefusalLanguageTests: XCTestCase {
    static let validKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl meg@laptop"

    func refusal(_ text: String) -> DeskError? {
        do { _ = try AuthorizedKeys.parsePublicKey(text); return nil } catch { return error }
    }

    func testEveryWayAKeyIsRefusedReadsInEveryLanguage() throws {
        let refusals = [
            refusal(""),
            refusal(Self.validKey + "\n" + Self.validKey),
            refusal("just-one-word"),
            refusal("-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAA"),
            refusal("ssh-unknown AAAA"),
            refusal("ssh-ed25519 !!!not-base64!!!"),
            refusal("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"),
        ]
        XCTAssertEqual(refusals.compactMap { $0 }.count, refusals.count, "every one of them is refused")
        for case let error? in refusals {
            for language in Language.allCases where language != .english {
                let text = error.phrase.text(in: language)
                XCTAssertNotEqual(text, error.message, "\(error.message) reads English in \(language.rawValue)")
                XCTAssertFalse(text.contains("{"), "a placeholder left unfilled in \(language.rawValue): \(text)")
            }
        }
        XCTAssertEqual(refusal(Self.validKey + "\n" + Self.validKey)?.phrase.text(in: .french),
                       "Le fichier de clé contient 2 clés ; donnez-en une")
        XCTAssertEqual(refusal("ssh-unknown AAAA")?.message,
                       "Unsupported key type 'ssh-unknown' (supported: \(AuthorizedKeys.keyTypes.sorted().joined(separator: ", ")))")
    }

    func testAKeyAlreadyInTheFileIsRefusedInTheReadersLanguage() throws {
        let key = try AuthorizedKeys.parsePublicKey(Self.validKey)
        let file = "command=\"x\",restrict \(key.type) \(key.base64) deskterm:bob\n"
        do {
            _ = try AuthorizedKeys.adding("line", key: key, to: file)
            XCTFail("a key already in the file is refused")
        } catch {
            XCTAssertNotEqual(error.phrase.text(in: .german), error.message)
            XCTAssertFalse(error.phrase.text(in: .japanese).contains("{"))
        }
    }
}
