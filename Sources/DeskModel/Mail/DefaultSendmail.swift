import Foundation

/// The command mail goes out through when the admin named none (`mail.sendmail` unset):
/// the system's sendmail, with the desk's own address as envelope sender (`-f`). A mail that
/// cannot be delivered then returns to that address, which the mail system hands to
/// mailgate, and the bounce reaches the ticket without any further setting. A desk without an
/// address gets plain `sendmail -t -oi` (it sends nothing anyway).
extension MailSettings {
    public static func defaultSendmail(address: String) -> String {
        let plain = "sendmail -t -oi"
        guard MailOutRules.isDeliverable(address) else { return plain }
        return plain + " -f " + ShellWord.quoted(address)
    }
}

/// One word for `/bin/sh -c`: as it is when it holds no character the shell reads, else in
/// single quotes (an address may hold `$`, `;` or `'`, all legal in a local part).
enum ShellWord {
    static func quoted(_ word: String) -> String {
        if !word.isEmpty && word.unicodeScalars.allSatisfy(isPlain) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A character the shell takes as it is inside a word.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "@._+-=%,/".unicodeScalars.contains(scalar))
    }
}
