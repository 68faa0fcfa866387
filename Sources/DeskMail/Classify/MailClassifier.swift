/// Reads the signs of automatic mail in a message (RFC 3834, RFC 3464 and the headers mail
/// systems actually send). A bounce is recognised first, so that it can be tied to the
/// message that bounced; then the other signs in the order of the contract.
public enum MailClassifier {
    /// `deskAddress` is the desk's own address, which its `X-Loop` header carries.
    public static func classify(_ bytes: [UInt8], headers: MailHeaders, body: Range<Int>, deskAddress: String) -> MailClassification {
        let sender = (headers.first("from").flatMap { MailAddress.parseFirst($0) }?.address ?? "").lowercased()
        let local = sender.split(separator: "@").first.map(String.init) ?? ""
        let fromMailSystem = local == "mailer-daemon" || local == "postmaster"
        let contentType = MIMEField.parse(headers.first("content-type"))
        let isReport = contentType.value == "multipart/report"
            && (contentType.parameters["report-type"]?.lowercased() ?? "delivery-status") == "delivery-status"
        if isReport || fromMailSystem {
            let original = originalMessageID(bytes, body)
            if isReport || original != nil { return .bounce(originalMessageID: original) }
        }
        if let loop = headers.all("x-loop").first(where: { MailDate.trimmedASCII($0).lowercased() == deskAddress.lowercased() }),
           !loop.isEmpty, !deskAddress.isEmpty {
            return .loop
        }
        if let auto = headers.first("auto-submitted") {
            let value = MailDate.trimmedASCII(auto.split(separator: ";").first.map(String.init) ?? "").lowercased()
            if value != "no" { return .autoSubmitted(value) }
        }
        if let precedence = headers.first("precedence") {
            let value = MailDate.trimmedASCII(precedence).lowercased()
            if ["bulk", "junk", "list"].contains(value) { return .precedence(value) }
        }
        if let returnPath = headers.first("return-path"), MailDate.trimmedASCII(returnPath).filter({ $0 != " " }) == "<>" {
            return .emptyReturnPath
        }
        if fromMailSystem { return .mailSystem }
        return .person
    }

    /// The first Message-ID quoted in the body: in a delivery report, the returned message's
    /// headers (`message/rfc822` or `text/rfc822-headers`) come after the explanation, and its
    /// Message-ID is the only one there. Bounded: reports are read up to 256 KiB.
    static func originalMessageID(_ bytes: [UInt8], _ body: Range<Int>) -> String? {
        let end = min(body.upperBound, body.lowerBound + 256 * 1024)
        let needle = Array("message-id:".utf8)
        var lineStart = body.lowerBound
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd - lineStart > needle.count,
               zip(bytes[lineStart..<(lineStart + needle.count)], needle).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) {
                var valueEnd = lineEnd
                // The id may be folded onto the next line.
                if valueEnd + 1 < end, bytes[valueEnd + 1] == UInt8(ascii: " ") || bytes[valueEnd + 1] == UInt8(ascii: "\t") {
                    valueEnd += 1
                    while valueEnd < end, bytes[valueEnd] != UInt8(ascii: "\n") { valueEnd += 1 }
                }
                let value = String(decoding: bytes[(lineStart + needle.count)..<valueEnd], as: UTF8.self)
                if let id = MessageIDs.parse(value).first { return "<\(id)>" }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }
}
