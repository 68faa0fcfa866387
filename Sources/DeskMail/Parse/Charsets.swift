import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Turns the bytes of a text part or an encoded header into a string, by the charset mail
/// declares. Never fails: an unknown or lying charset falls back to UTF-8 when the bytes are
/// valid UTF-8, else to Windows-1252 (which gives every byte a character).
///
/// - `us-ascii`, a missing charset and `unknown-8bit` are sniffed (UTF-8, else Windows-1252):
///   8-bit text under those labels is common and never really ASCII.
/// - `iso-8859-1` is read as Windows-1252, its superset, as browsers and mail clients do:
///   mail labelled Latin-1 often holds Windows quotes and dashes in 0x80...0x9F.
/// - ISO-8859-15, Windows-1252 and Latin-1 are decoded here from tables (fast, identical on
///   every platform); other charsets (ISO-2022-JP, Shift_JIS, EUC-JP, KOI8-R, GB2312, Big5...)
///   go through Foundation where the platform supports them.
public enum Charsets {
    public static func decode<C: Collection>(_ bytes: C, charset: String?) -> String where C.Element == UInt8 {
        let name = canonicalName(charset)
        switch name {
        case "", "us-ascii", "ascii", "unknown-8bit", "x-unknown", "unknown", "default", "8bit", "binary":
            return sniffed(bytes)
        case "utf-8":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "windows-1252":
            return singleByte(bytes, high: windows1252High)
        case "iso-8859-15":
            return singleByte(bytes, high: latin9High)
        default:
            // ISO-2022-JP and UTF-7 are 7-bit: ASCII bytes do not mean ASCII text there.
            let sevenBit = name.hasPrefix("iso-2022") || name.hasPrefix("utf-7") || name.hasPrefix("hz") || name.hasPrefix("utf-16") || name.hasPrefix("utf-32")
            if !sevenBit && isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
            if let encoding = foundationEncoding(name), let text = String(data: Data(bytes), encoding: encoding) {
                return text
            }
            return sniffed(bytes)
        }
    }

    /// Whether the platform can decode this charset exactly (for reports and tests).
    public static func isSupported(_ charset: String) -> Bool {
        let name = canonicalName(charset)
        switch name {
        case "", "us-ascii", "ascii", "utf-8", "iso-8859-1", "windows-1252", "iso-8859-15": return true
        default: return foundationEncoding(name) != nil
        }
    }

    /// Valid UTF-8 as UTF-8, anything else as Windows-1252.
    public static func sniffed<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return singleByte(bytes, high: windows1252High)
    }

    public static func isASCII<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// Lower case, no quotes or RFC 2231 language suffix, common aliases folded.
    public static func canonicalName(_ charset: String?) -> String {
        guard var name = charset?.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t")).lowercased() else { return "" }
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }
        switch name {
        case "utf8", "utf-8", "x-utf-8", "unicode-1-1-utf-8": return "utf-8"
        case "latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "iso-8859-1", "iso_8859-1:1987", "cp819", "ibm819", "iso-ir-100":
            return "iso-8859-1"
        case "windows-1252", "cp1252", "x-cp1252", "win-1252", "ms-ansi": return "windows-1252"
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9": return "iso-8859-15"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us": return "us-ascii"
        case "sjis", "x-sjis", "shift-jis", "ms_kanji", "csshiftjis": return "shift_jis"
        case "cp932", "windows-31j", "ms932": return "cp932"
        case "x-euc-jp", "eucjp": return "euc-jp"
        case "ks_c_5601-1987", "ks_c_5601", "cp949", "uhc": return "euc-kr"
        case "gb2312", "x-gbk", "cp936", "gbk", "x-gb2312": return "gb18030"
        case "x-mac-roman", "mac", "macintosh", "macroman": return "macintosh"
        default: return name
        }
    }

    private static let encodingCache = EncodingCache()

    private final class EncodingCache: @unchecked Sendable {
        let lock = NSLock()
        var known: [String: String.Encoding?] = [:]
    }

    public static func foundationEncoding(_ name: String) -> String.Encoding? {
        let cache = encodingCache
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let hit = cache.known[name] { return hit }
        let found = lookUp(name)
        cache.known[name] = found
        return found
    }

    private static func lookUp(_ name: String) -> String.Encoding? {
        switch name {
        case "shift_jis": return .shiftJIS
        case "iso-2022-jp": return .iso2022JP
        case "euc-jp": return .japaneseEUC
        case "iso-8859-2": return .isoLatin2
        case "windows-1250": return .windowsCP1250
        case "windows-1251": return .windowsCP1251
        case "windows-1253": return .windowsCP1253
        case "windows-1254": return .windowsCP1254
        case "utf-16": return .utf16
        case "utf-16be": return .utf16BigEndian
        case "utf-16le": return .utf16LittleEndian
        case "utf-32": return .utf32
        default: break
        }
        #if canImport(CoreFoundation)
        let cfName = unsafeBitCast(NSString(string: name), to: CFString.self)
        let cfEncoding = CFStringConvertIANACharSetNameToEncoding(cfName)
        if cfEncoding == kCFStringEncodingInvalidId { return nil }
        let raw = CFStringConvertEncodingToNSStringEncoding(cfEncoding)
        if raw == UInt(kCFStringEncodingInvalidId) { return nil }
        return String.Encoding(rawValue: raw)
        #else
        return nil
        #endif
    }

    private static func singleByte<C: Collection>(_ bytes: C, high: [UInt32]) -> String where C.Element == UInt8 {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : high[Int(byte) - 0x80]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// 0x80...0xFF of Windows-1252 (the five unassigned bytes keep their C1 code points, as
    /// browsers do; `TextSafety` shows them as placeholders).
    public static let windows1252High: [UInt32] = {
        var table = (0x80...0xFF).map { UInt32($0) }
        let specials: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        for (index, value) in specials.enumerated() { table[index] = value }
        return table
    }()

    /// 0x80...0xFF of ISO-8859-15: Latin-1 with eight code points replaced (the euro sign...).
    public static let latin9High: [UInt32] = {
        var table = (0x80...0xFF).map { UInt32($0) }
        let changes: [(Int, UInt32)] = [
            (0xA4, 0x20AC), (0xA6, 0x0160), (0xA8, 0x0161), (0xB4, 0x017D), (0xB8, 0x017E), (0xBC, 0x0152), (0xBD, 0x0153), (0xBE, 0x0178),
        ]
        for (byte, value) in changes { table[byte - 0x80] = value }
        return table
    }()
}
