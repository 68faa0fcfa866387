import Foundation
import XCTest

@testable import DeskMail

/// The pure side of imports: charsets, transfer encodings, headers, dates, subjects, MIME,
/// HTML, mbox splitting and threading, on hand-made input.
final class MailParsingTests: XCTestCase {
    // MARK: - Charsets

    func testCharsetsSeenInRealMail() {
        XCTAssertEqual(Charsets.decode(Array("Grüße, 日本".utf8), charset: "UTF-8"), "Grüße, 日本")
        XCTAssertEqual(Charsets.decode(Array("Grüße".utf8), charset: "utf8"), "Grüße")
        // ISO-8859-1: é = E9, ü = FC
        XCTAssertEqual(Charsets.decode([0x63, 0x61, 0x66, 0xE9, 0x20, 0xFC], charset: "iso-8859-1"), "café ü")
        XCTAssertEqual(Charsets.decode([0x63, 0x61, 0x66, 0xE9], charset: "\"ISO-8859-1\""), "café")
        // ISO-8859-15 differs from Latin-1: A4 is the euro sign, BD is œ.
        XCTAssertEqual(Charsets.decode([0xA4, 0x20, 0x31, 0x30, 0x20, 0xBD], charset: "iso-8859-15"), "€ 10 œ")
        XCTAssertEqual(Charsets.decode([0xA4], charset: "iso-8859-1"), "¤")
        // Windows-1252 quotes, dash, euro; and Latin-1-labelled mail that holds them.
        XCTAssertEqual(Charsets.decode([0x93, 0x6F, 0x6B, 0x94, 0x20, 0x96, 0x20, 0x80], charset: "windows-1252"), "“ok” – €")
        XCTAssertEqual(Charsets.decode([0x93, 0x6F, 0x6B, 0x94], charset: "iso-8859-1"), "“ok”")
        // ISO-2022-JP: 日本語 between ESC $ B and ESC ( B.
        XCTAssertEqual(Charsets.decode([0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42], charset: "ISO-2022-JP"), "日本語")
        // Shift_JIS: 日本語
        XCTAssertEqual(Charsets.decode([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], charset: "Shift_JIS"), "日本語")
        XCTAssertEqual(Charsets.decode([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], charset: "x-sjis"), "日本語")
        XCTAssertTrue(Charsets.isSupported("iso-2022-jp"))
        XCTAssertTrue(Charsets.isSupported("shift_jis"))
    }

    func testMissingOrLyingCharsetsAreSniffed() {
        // No charset: valid UTF-8 is UTF-8, anything else Windows-1252.
        XCTAssertEqual(Charsets.decode(Array("naïve".utf8), charset: nil), "naïve")
        XCTAssertEqual(Charsets.decode([0x6E, 0x61, 0xEF, 0x76, 0x65], charset: nil), "naïve")
        XCTAssertEqual(Charsets.decode(Array("naïve".utf8), charset: "us-ascii"), "naïve")
        // An unknown charset falls back the same way instead of failing.
        XCTAssertEqual(Charsets.decode(Array("ok ✓".utf8), charset: "x-klingon"), "ok ✓")
        XCTAssertEqual(Charsets.decode([0xE9], charset: "x-klingon"), "é")
        XCTAssertFalse(Charsets.isSupported("x-klingon"))
    }

    // MARK: - Transfer encodings

    func testQuotedPrintable() {
        func qp(_ text: String) -> String { String(decoding: TransferEncoding.quotedPrintable(Array(text.utf8)), as: UTF8.self) }
        XCTAssertEqual(qp("caf=C3=A9 =3D ok"), "café = ok")
        XCTAssertEqual(qp("caf=c3=a9"), "café")
        XCTAssertEqual(qp("a long line that was=\nsoft broken"), "a long line that wassoft broken")
        XCTAssertEqual(qp("crlf soft=\r\nbreak"), "crlf softbreak")
        XCTAssertEqual(qp("trailing spaces   \nnext"), "trailing spaces\nnext")
        XCTAssertEqual(qp("a bad =ZZ escape and = alone"), "a bad =ZZ escape and = alone")
        XCTAssertEqual(qp("ends with ="), "ends with ")
        XCTAssertEqual(
            String(decoding: TransferEncoding.quotedPrintable(Array("Caf=C3=A9_cr=C3=A8me".utf8), underscoreIsSpace: true), as: UTF8.self),
            "Café crème")
    }

    func testBase64() {
        let clean = TransferEncoding.base64(Array("SGVsbG8s\r\nIHdvcmxkIQ==".utf8))
        XCTAssertEqual(String(decoding: clean.bytes, as: UTF8.self), "Hello, world!")
        XCTAssertTrue(clean.isUsable)
        XCTAssertFalse(clean.truncated)
        // Missing padding is fine.
        XCTAssertEqual(String(decoding: TransferEncoding.base64(Array("SGk".utf8)).bytes, as: UTF8.self), "Hi")
        // Text that is not base64 at all is not usable.
        let bad = TransferEncoding.base64(Array("This is *not* base64!!! ???".utf8))
        XCTAssertFalse(bad.isUsable)
        XCTAssertGreaterThan(bad.invalidCharacters, 0)
        // A lone final sextet is truncation.
        XCTAssertTrue(TransferEncoding.base64(Array("SGVsbG8sI".utf8)).truncated)
        // Round trip with line breaks.
        let bytes = (0..<200).map { UInt8($0) }
        let encoded = TransferEncoding.base64Encode(bytes)
        XCTAssertTrue(encoded.split(separator: "\n").allSatisfy { $0.count <= 76 })
        XCTAssertEqual(TransferEncoding.base64(Array(encoded.utf8)).bytes, bytes)
    }

    // MARK: - Headers

    func testEncodedWords() {
        XCTAssertEqual(EncodedWords.decode("=?UTF-8?B?R3LDvMOfZQ==?="), "Grüße")
        XCTAssertEqual(EncodedWords.decode("=?iso-8859-1?q?caf=E9_cr=E8me?="), "café crème")
        XCTAssertEqual(EncodedWords.decode("=?ISO-8859-15?Q?Prix_en_=A4?="), "Prix en €")
        XCTAssertEqual(EncodedWords.decode("=?windows-1252?Q?=93quoted=94?="), "“quoted”")
        // Whitespace between encoded words goes; around plain text it stays.
        XCTAssertEqual(EncodedWords.decode("Re: =?UTF-8?Q?a?= =?UTF-8?Q?b?= c"), "Re: ab c")
        // A character split across two words comes out whole (é = C3 A9).
        XCTAssertEqual(EncodedWords.decode("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?="), "café")
        XCTAssertEqual(EncodedWords.decode("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?="), "日本語")
        XCTAssertEqual(EncodedWords.decode("=?Shift_JIS?B?k/qWe4zq?="), "日本語")
        // RFC 2231 language suffix in the charset.
        XCTAssertEqual(EncodedWords.decode("=?UTF-8*fr?Q?=C3=A9t=C3=A9?="), "été")
        // Malformed words stay as they are.
        XCTAssertEqual(EncodedWords.decode("=?UTF-8?X?abc?= and =?broken"), "=?UTF-8?X?abc?= and =?broken")
        XCTAssertEqual(EncodedWords.decode(EncodedWords.encode("Zoë Łukasiewicz 日本")), "Zoë Łukasiewicz 日本")
    }

    func testHeadersAreUnfolded() throws {
        let text = "Subject: [R] \n Help request: Parsing docx\n\ta spreadsheet\nFrom: a@b.example\nX-Empty:\n\nbody\n"
        let bytes = Array(text.utf8)
        let (headers, bodyStart) = try XCTUnwrap(MailHeaders.parse(bytes, 0..<bytes.count))
        XCTAssertEqual(headers.first("subject"), "[R]  Help request: Parsing docx\ta spreadsheet")
        XCTAssertEqual(headers.first("x-empty"), "")
        XCTAssertEqual(String(decoding: bytes[bodyStart...], as: UTF8.self), "body\n")
        // CRLF line ends.
        let crlf = Array("Subject: one\r\n two\r\nFrom: x@y\r\n\r\nbody".utf8)
        let parsed = try XCTUnwrap(MailHeaders.parse(crlf, 0..<crlf.count))
        XCTAssertEqual(parsed.headers.first("subject"), "one two")
        XCTAssertEqual(String(decoding: crlf[parsed.bodyStart...], as: UTF8.self), "body")
        // Text that does not start with a header field is not a header block.
        let prose = Array("Hello there,\nthis is not mail.\n".utf8)
        XCTAssertNil(MailHeaders.parse(prose, 0..<prose.count))
        // A message that forgot its blank line keeps its body.
        let noBlank = Array("From: x@y\nSubject: s\nthis line is body\n".utf8)
        let kept = try XCTUnwrap(MailHeaders.parse(noBlank, 0..<noBlank.count))
        XCTAssertEqual(String(decoding: noBlank[kept.bodyStart...], as: UTF8.self), "this line is body\n")
    }

    func testAddresses() {
        XCTAssertEqual(MailAddress.parseFirst("Alice Martin <alice@example.com>"), MailAddress(name: "Alice Martin", address: "alice@example.com"))
        XCTAssertEqual(MailAddress.parseFirst("\"Sorkin, John\" <js@umd.example>, other@x.example"), MailAddress(name: "Sorkin, John", address: "js@umd.example"))
        XCTAssertEqual(MailAddress.parseFirst("js@umd.example (John Sorkin)"), MailAddress(name: "John Sorkin", address: "js@umd.example"))
        XCTAssertEqual(MailAddress.parseFirst("bare@example.org"), MailAddress(name: "", address: "bare@example.org"))
        XCTAssertEqual(MailAddress.parseFirst("=?UTF-8?Q?Zo=C3=AB?= <zoe@example.fr>"), MailAddress(name: "Zoë", address: "zoe@example.fr"))
        XCTAssertEqual(MailAddress.parseFirst("\"=?ISO-8859-1?Q?J=F6rg?=\" <j@example.de>")?.name, "Jörg")
        // Archive obfuscations.
        let pipermail = MailAddress.parseFirst("jdoe at example.org (Jane Doe)")
        XCTAssertEqual(pipermail, MailAddress(name: "Jane Doe", address: "jdoe@example.org"))
        let rHelp = MailAddress.parseFirst("j@ork|n @end|ng |rom @om@um@ry|@nd@edu (Sorkin, John)")
        XCTAssertEqual(rHelp, MailAddress(name: "Sorkin, John", address: "j@ork|n@.om.um.ry|.nd.edu"))
        XCTAssertEqual(rHelp?.domain, ".om.um.ry|.nd.edu")
        XCTAssertEqual(MailAddress.parseFirst("Alice <Alice@Example.COM>")?.domain, "example.com")
    }

    func testMessageIDs() {
        XCTAssertEqual(MessageIDs.parse("<a@b> <c@d>\n <e@f>"), ["a@b", "c@d", "e@f"])
        XCTAssertEqual(MessageIDs.parse("<a@b> (Alice's message of \"Mon, 1 Jan\")"), ["a@b"])
        XCTAssertEqual(MessageIDs.parse("bare@id.example"), ["bare@id.example"])
        XCTAssertEqual(MessageIDs.parse(""), [])
        XCTAssertEqual(MessageIDs.parse(nil), [])
    }

    // MARK: - Dates

    func testDatesInTheFormsRealMailUses() {
        func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Date {
            var components = DateComponents()
            (components.year, components.month, components.day, components.hour, components.minute, components.second) = (y, mo, d, h, mi, s)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar.date(from: components)!
        }
        let expected = utc(2024, 1, 3, 12, 26, 16)
        let forms = [
            "Wed, 3 Jan 2024 14:26:16 +0200",
            "Wed, 03 Jan 2024 12:26:16 +0000",
            "3 Jan 2024 07:26:16 -0500",
            "Wed, 3 Jan 2024 12:26:16 GMT",
            "Wed, 3 Jan 2024 12:26:16 UT",
            "Wed, 3 Jan 2024 07:26:16 EST",
            "Wed, 3 Jan 2024 04:26:16 PST",
            "Wed, 3 Jan 2024 12:26:16 -0000 (UTC)",
            "Wed, 3 Jan 2024 13:26:16 +0100 (CET)",
            "Wed,  3 Jan 2024 14:26:16 +02:00",
            "Wed, 3 Jan 24 12:26:16 GMT",          // two-digit year
            "Wednesday, 3 January 2024 12:26:16 Z",
            "Wed, 3-Jan-2024 12:26:16 +0000",
            "Wed, 3 Jan 2024 12:26:16",             // no zone: UTC
            "Wed Jan  3 12:26:16 2024",             // asctime
            "2024-01-03T12:26:16Z",
            "2024-01-03T14:26:16.000+02:00",
            "Wed, 3 Jan 2024 12:26:16 A",           // military zones count as UTC
        ]
        for form in forms {
            XCTAssertEqual(MailDate.parse(form), expected, form)
        }
        XCTAssertEqual(MailDate.parse("Wed, 3 Jan 2024 12:26 +0000"), utc(2024, 1, 3, 12, 26, 0))
        XCTAssertEqual(MailDate.parse("Fri, 1 Mar 99 09:00:00 +0000"), utc(1999, 3, 1, 9, 0, 0))
        XCTAssertEqual(MailDate.parse("Fri, 1 Mar 2024 09:00:00 PM +0000"), utc(2024, 3, 1, 21, 0, 0))
        for broken in ["", "yesterday", "Wed, 32 Jan 2024 10:00:00 +0000", "Wed, 3 Foo 2024 10:00:00", "Wed, 3 Jan 2024 25:00:00 +0000",
                       "Mon, 30 Feb 2024 10:00:00 +0000", "3 Jan"] {
            XCTAssertNil(MailDate.parse(broken), broken)
        }
        XCTAssertEqual(MailDate.format(expected), "Wed, 03 Jan 2024 12:26:16 +0000")
        XCTAssertEqual(MailDate.asctime(expected), "Wed Jan  3 12:26:16 2024")
    }

    // MARK: - Subjects

    func testSubjectNormalisation() {
        XCTAssertEqual(MailSubject("Re: Printer offline").display, "Printer offline")
        XCTAssertEqual(MailSubject("RE: RE: Printer offline").display, "Printer offline")
        XCTAssertEqual(MailSubject("[R] Re: [R-pkgs] AW: Fwd: TR: Printer  offline").display, "Printer offline")
        XCTAssertEqual(MailSubject("Re[2]: Printer offline").display, "Printer offline")
        XCTAssertEqual(MailSubject("Re^3: Printer offline").display, "Printer offline")
        XCTAssertEqual(MailSubject("SV: Printer offline").key, "printer offline")
        XCTAssertEqual(MailSubject("[R]\n Help request").display, "Help request")
        XCTAssertTrue(MailSubject("Re: x").isReply)
        XCTAssertTrue(MailSubject("AW: x").isReply)
        XCTAssertFalse(MailSubject("Fwd: x").isReply, "a forward starts its own thread")
        XCTAssertFalse(MailSubject("TR: x").isReply)
        XCTAssertFalse(MailSubject("[R] x").isReply)
        XCTAssertEqual(MailSubject("Regarding: the plan").display, "Regarding: the plan")
        XCTAssertEqual(MailSubject("Fwd: Re: Printer").key, "printer")
        XCTAssertEqual(MailSubject("").key, "")
    }

    // MARK: - HTML

    func testHTMLBecomesReadableText() {
        let html = """
            <html><head><title>T</title><style>p { color: red }</style></head><body>
            <p>Hello&nbsp;Zo&euml;,</p><p>Your   order
            <b>#42</b> &amp; its <a href="https://example.com/track">tracking page</a>.</p>
            <ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>
            <blockquote>quoted text</blockquote>
            <pre>  code
              kept</pre>
            line<br>break &#233;&#x20AC; &lt;tag&gt;<script>alert(1)</script>
            </body></html>
            """
        XCTAssertEqual(HTMLText.text(from: html), """
            Hello Zoë,

            Your order #42 & its tracking page <https://example.com/track>.

            - one
            - two
            1. first
            2. second

            > quoted text

              code
              kept

            line
            break é€ <tag>
            """)
        XCTAssertEqual(HTMLText.text(from: "<a href=\"https://x.example\">https://x.example</a>"), "https://x.example")
        XCTAssertEqual(HTMLText.text(from: "a < b and c > d"), "a < b and c > d")
    }

    // MARK: - MIME

    func content(_ mail: String) throws -> MailContent {
        try content(Array(mail.utf8))
    }

    func content(_ bytes: [UInt8]) throws -> MailContent {
        switch MailMessage.content(bytes) {
        case .success(let content): return content
        case .failure(let error): throw error
        }
    }

    func testAlternativePrefersPlainText() throws {
        let mail = """
            From: a@b.example
            Subject: alt
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="XX"

            preamble
            --XX
            Content-Type: text/html; charset=utf-8

            <p>HTML version</p>
            --XX
            Content-Type: text/plain; charset=utf-8

            Plain version
            --XX--
            epilogue
            """
        let result = try content(mail)
        XCTAssertEqual(result.text, "Plain version")
        XCTAssertEqual(result.attachments, [])
        XCTAssertFalse(result.truncated)
    }

    func testHTMLOnlyBecomesText() throws {
        let alternativeWithoutPlain = """
            From: a@b.example
            Content-Type: multipart/alternative; boundary=B

            --B
            Content-Type: text/html; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            <div>Caf=E9 <b>ouvert</b></div><div>demain</div>
            --B--
            """
        XCTAssertEqual(try content(alternativeWithoutPlain).text, "Café ouvert\ndemain")
        let htmlOnly = "From: a@b.example\nContent-Type: text/html\n\n<p>Only <i>HTML</i></p>\n"
        XCTAssertEqual(try content(htmlOnly).text, "Only HTML")
    }

    func testMixedWithAttachmentsAndEncodedNames() throws {
        let pdf = Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0xFF, 0x10])
        let mail = """
            From: a@b.example
            Content-Type: multipart/mixed; boundary="==outer=="

            --==outer==
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain; charset="UTF-8"
            Content-Transfer-Encoding: base64

            Qm9uam91ciwgdm9pY2kgbGEgZmFjdHVyZSDigqw=
            --inner
            Content-Type: text/html; charset="UTF-8"

            <p>Bonjour</p>
            --inner--

            --==outer==
            Content-Type: application/pdf; name="=?UTF-8?Q?facture_=C3=A9t=C3=A9.pdf?="
            Content-Disposition: attachment
            Content-Transfer-Encoding: base64

            \(pdf.base64EncodedString())
            --==outer==
            Content-Type: image/png
            Content-Disposition: inline; filename*=UTF-8''%E6%97%A5%E6%9C%AC.png
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --==outer==
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment; filename*0="long-"; filename*1="name.txt"

            some notes
            --==outer==
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64

            AAEC
            --==outer==--
            """
        let result = try content(mail)
        XCTAssertEqual(result.text, "Bonjour, voici la facture €")
        XCTAssertEqual(result.attachments.map(\.name), ["facture été.pdf", "日本.png", "long-name.txt", "part-4.bin"])
        XCTAssertEqual(result.attachments.map(\.mediaType), ["application/pdf", "image/png", "text/plain", "application/octet-stream"])
        XCTAssertEqual(result.attachments[0].data, pdf)
        XCTAssertEqual(result.attachments[1].data, Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        XCTAssertEqual(result.attachments[2].data, Data("some notes".utf8))
        XCTAssertEqual(result.attachments[3].data, Data([0, 1, 2]))
        XCTAssertEqual(result.problems, [])
    }

    func testAttachedMessageAndInlineTextParts() throws {
        let mail = """
            From: a@b.example
            Content-Type: multipart/mixed; boundary=b1

            --b1
            Content-Type: text/plain

            First part.
            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: inline

            Second part.
            --b1
            Content-Type: message/rfc822

            From: c@d.example
            Subject: The original

            original body
            --b1--
            """
        let result = try content(mail)
        XCTAssertEqual(result.text, "First part.\n\nSecond part.")
        XCTAssertEqual(result.attachments.map(\.name), ["The original.eml"])
        XCTAssertEqual(result.attachments.first?.mediaType, "message/rfc822")
    }

    func testCharsetsInBodies() throws {
        func mail(_ charset: String, _ encoding: String, _ body: [UInt8]) -> [UInt8] {
            Array("From: a@b.example\nContent-Type: text/plain; charset=\(charset)\nContent-Transfer-Encoding: \(encoding)\n\n".utf8) + body
        }
        XCTAssertEqual(try content(mail("iso-8859-1", "8bit", [0x63, 0x61, 0x66, 0xE9])).text, "café")
        XCTAssertEqual(try content(mail("ISO-8859-15", "quoted-printable", Array("10 =A4".utf8))).text, "10 €")
        XCTAssertEqual(try content(mail("windows-1252", "8bit", [0x93, 0x68, 0x69, 0x94])).text, "“hi”")
        XCTAssertEqual(try content(mail("iso-2022-jp", "7bit", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42])).text, "日本語")
        XCTAssertEqual(try content(mail("shift_jis", "base64", Array("k/qWe4zq".utf8))).text, "日本語")
        XCTAssertEqual(try content(mail("utf-8", "quoted-printable", Array("Gr=C3=BC=C3=9Fe=\n aus K=C3=B6ln".utf8))).text, "Grüße aus Köln")
        // 8-bit text without any charset: UTF-8 if valid, else Windows-1252.
        XCTAssertEqual(try content(Array("From: a@b.example\n\nna\u{EF}ve".utf8)).text, "naïve")
        XCTAssertEqual(try content(Array("From: a@b.example\n\n".utf8) + [0x6E, 0x61, 0xEF, 0x76, 0x65]).text, "naïve")
    }

    // MARK: - Malformed input

    func testTruncatedMultipartKeepsWhatItHas() throws {
        let mail = """
            From: a@b.example
            Content-Type: multipart/mixed; boundary="cut"

            --cut
            Content-Type: text/plain

            The text survived.
            --cut
            Content-Type: application/pdf; name="half.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            """
        let result = try content(mail)
        XCTAssertTrue(result.truncated)
        XCTAssertEqual(result.text, "The text survived.")
        XCTAssertEqual(result.attachments.map(\.name), ["half.pdf"])
    }

    func testMultipartWithoutItsBoundaryCannotBeRead() {
        let noParameter = "From: a@b.example\nContent-Type: multipart/mixed\n\nwhatever\n"
        XCTAssertThrowsError(try content(noParameter)) { error in
            XCTAssertEqual((error as? MailContentError)?.reason, "multipart/mixed without a boundary")
        }
        let neverOccurs = "From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\nno parts here\n"
        XCTAssertThrowsError(try content(neverOccurs)) { error in
            XCTAssertEqual((error as? MailContentError)?.reason, "multipart/mixed whose boundary \"zz\" never occurs")
        }
    }

    func testBadBase64() throws {
        let badText = "From: a@b.example\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nThis is not base64 at all!!! (really)\n"
        XCTAssertThrowsError(try content(badText)) { error in
            XCTAssertTrue((error as? MailContentError)?.reason.hasPrefix("the text/plain part is not valid base64") == true, "\(error)")
        }
        // A bad attachment is left out; the message and its text stay.
        let badAttachment = """
            From: a@b.example
            Content-Type: multipart/mixed; boundary=q

            --q
            Content-Type: text/plain

            Text is fine.
            --q
            Content-Type: image/png; name="broken.png"
            Content-Transfer-Encoding: base64

            %%%% not base64 %%%% !!!! ####
            --q--
            """
        let result = try content(badAttachment)
        XCTAssertEqual(result.text, "Text is fine.")
        XCTAssertEqual(result.attachments, [])
        XCTAssertEqual(result.problems.count, 1)
        XCTAssertTrue(result.problems[0].hasPrefix("attachment broken.png left out: it is not valid base64"), result.problems[0])
    }

    func testEnvelopeFallbacksAndRefusals() throws {
        func envelope(_ text: String, envelopeDate: Date? = nil, sender: String? = nil) -> Result<MailEnvelope, MailContentError> {
            let bytes = Array(text.utf8)
            return MailEnvelope.read(bytes, 0..<bytes.count, envelopeDate: envelopeDate, envelopeSender: sender)
        }
        let fromLine = Date(timeIntervalSince1970: 1_700_000_000)
        // A broken Date header falls back to the mbox From line.
        let broken = try envelope("From: a@b.example\nDate: sometime last week\nSubject: s\n\nbody", envelopeDate: fromLine).get()
        XCTAssertEqual(broken.date, fromLine)
        XCTAssertEqual(broken.dateSource, .envelope)
        // Then to Received.
        let received = try envelope("Received: from x by y; Tue, 14 Nov 2023 22:13:20 +0000\nFrom: a@b.example\n\nbody").get()
        XCTAssertEqual(received.date, Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(received.dateSource, .received)
        // No date anywhere, no sender anywhere, not mail at all.
        XCTAssertThrowsError(try envelope("From: a@b.example\nSubject: s\n\nbody").get())
        XCTAssertThrowsError(try envelope("Subject: s\nDate: Wed, 3 Jan 2024 12:26:16 +0000\n\nbody").get())
        XCTAssertEqual(try envelope("Subject: s\n\nbody", envelopeDate: fromLine, sender: "env@x.example").get().from.address, "env@x.example")
        XCTAssertThrowsError(try envelope("\u{89}PNG binary junk\n\u{00}\u{01}").get())
        XCTAssertThrowsError(try envelope("Name: Value\nOther: thing\n\nnot mail headers", envelopeDate: fromLine, sender: "x@y").get())
        // Without Message-ID, the identity is a hash of the raw message: stable.
        let a = try envelope("From: a@b.example\nDate: Wed, 3 Jan 2024 12:26:16 +0000\n\nsame").get()
        let b = try envelope("From: a@b.example\nDate: Wed, 3 Jan 2024 12:26:16 +0000\n\nsame").get()
        XCTAssertTrue(a.externalID.hasPrefix("sha256:"))
        XCTAssertEqual(a.externalID, b.externalID)
        XCTAssertFalse(a.hasMessageID)
        // Parent candidates: In-Reply-To first, then References from the nearest.
        let reply = try envelope("From: a@b.example\nDate: Wed, 3 Jan 2024 12:26:16 +0000\nMessage-ID: <m3@x>\nIn-Reply-To: <m2@x>\nReferences: <m1@x> <m2@x>\n\nhi").get()
        XCTAssertEqual(reply.externalID, "<m3@x>")
        XCTAssertEqual(reply.parentCandidates, ["<m2@x>", "<m1@x>"])
    }

    // MARK: - mbox

    func testMboxSplitting() {
        let mbox = """
            From alice@example.com Wed Jan  3 13:26:16 2024
            From: alice@example.com
            Subject: one

            First body.
            >From the docs: quoted
            >>From deeper

            From the start of a line that is not a separator.

            From no@p@m @end|ng |rom ||@@e@NA  Thu Jan  4 13:21:39 2024
            From: bob@example.com
            Subject: two

            Second body.

            """
        let bytes = Array(mbox.utf8)
        let split = Mbox.split(bytes)
        XCTAssertNil(split.leadingGarbage)
        XCTAssertEqual(split.entries.count, 2)
        XCTAssertEqual(split.entries[0].offset, 0)
        XCTAssertEqual(split.entries[0].envelopeSender, "alice@example.com")
        XCTAssertEqual(split.entries[1].envelopeSender, "no@p@m @end|ng |rom ||@@e@NA")
        XCTAssertEqual(split.entries[1].envelopeDate, MailDate.parse("Thu, 4 Jan 2024 13:21:39 +0000"))
        let first = String(decoding: Mbox.unescaped(bytes, split.entries[0].range), as: UTF8.self)
        XCTAssertEqual(first, "From: alice@example.com\nSubject: one\n\nFirst body.\nFrom the docs: quoted\n>From deeper\n\nFrom the start of a line that is not a separator.\n")
        XCTAssertEqual(String(decoding: bytes[split.entries[1].range], as: UTF8.self), "From: bob@example.com\nSubject: two\n\nSecond body.\n")

        let garbage = Array("just some text\nnot an mbox\n".utf8)
        XCTAssertEqual(Mbox.split(garbage).entries.count, 0)
        XCTAssertNotNil(Mbox.split(garbage).leadingGarbage)
    }

    // MARK: - Threading

    func testThreadingByHeadersThenSubjects() {
        let day: TimeInterval = 86_400
        func item(_ id: String, _ parents: [String] = [], _ subject: String, _ days: Double) -> MailThreading.Item {
            let parsed = MailSubject(subject)
            return MailThreading.Item(id: id, parentCandidates: parents, subjectKey: parsed.key, isReply: parsed.isReply,
                                      date: Date(timeIntervalSince1970: 1_700_000_000 + days * day))
        }
        let items = [
            item("<c>", ["<b>", "<a>"], "Re: printer", 2),     // 0 reply to reply
            item("<a>", [], "printer", 0),                     // 1 root
            item("<b>", ["<a>"], "Re: printer", 1),            // 2
            item("<x2>", ["<gone>"], "Re: old thread", 5),     // 3 answers a message not in the input
            item("<x3>", ["<gone>"], "Re: old thread", 6),     // 4 same missing parent: same thread
            item("<s1>", [], "Re: printer", 3),                // 5 no headers, reply subject: joins <a>
            item("<f1>", [], "Fwd: printer", 4),               // 6 a forward starts its own thread
            item("<late>", [], "Re: printer", 200),            // 7 too late for the subject window
            item("<n1>", [], "new question", 7),               // 8
            item("<n2>", [], "new question", 8),               // 9 same subject, not a reply: its own thread
        ]
        let threads = MailThreading.threads(items, subjectWindow: 90 * day)
        XCTAssertEqual(threads.map(\.members), [[1, 2, 0, 5], [6], [3, 4], [8], [9], [7]])
        XCTAssertEqual(threads.map(\.isOrphan), [false, false, true, false, false, true])
        XCTAssertEqual(threads[2].externalReferences, ["<gone>"])
        XCTAssertEqual(threads[0].externalReferences, [])
    }
}
