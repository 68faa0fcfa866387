import Foundation
import XCTest

@testable import DeskModel

/// The default `mail.sendmail` names the desk's address as envelope sender, so bounces come
/// back to mailgate; a command an admin set is used as it is. Every backend.
final class DefaultSendmailTests: MailTestCase {
    func testTheDefaultCommandBouncesToTheDesksAddress() throws {
        XCTAssertEqual(try store.sendmailCommand(), "sendmail -t -oi -f support@desk.test")
        XCTAssertEqual(try store.mailSettings(by: f.root).sendmail, "sendmail -t -oi -f support@desk.test")
    }

    func testAConfiguredCommandIsKeptAsItIs() throws {
        try store.setMailSetting(key: MailSettings.sendmailKey, value: "/usr/sbin/sendmail -t -oi -C /etc/postfix-out", by: f.root)
        XCTAssertEqual(try store.sendmailCommand(), "/usr/sbin/sendmail -t -oi -C /etc/postfix-out")
    }

    func testWithoutAnAddressThereIsNoEnvelopeSender() {
        XCTAssertEqual(MailSettings.defaultSendmail(address: ""), "sendmail -t -oi")
        XCTAssertEqual(MailSettings(values: [:]).sendmail, "sendmail -t -oi")
    }

    func testAnAddressTheShellWouldReadIsQuoted() {
        XCTAssertEqual(MailSettings.defaultSendmail(address: "help.desk-1@example.com"), "sendmail -t -oi -f help.desk-1@example.com")
        XCTAssertEqual(MailSettings.defaultSendmail(address: "o'brien$HOME&x@example.com"), #"sendmail -t -oi -f 'o'\''brien$HOME&x@example.com'"#)
    }
}
