/// Scalars that must never reach a terminal raw, nor hide in a file name: the one table shared
/// by the mail parser (file names, error reasons) and DeskModel's `TextSafety`.
public enum UnsafeScalars {
    /// The visible stand-in for a scalar that must never reach a terminal raw, or nil.
    /// Context-free: a joiner inside an emoji is allowed by `TextSafety`.
    public static func placeholder(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x1B:
            return "\u{241B}" // ␛
        case 0x00...0x1F:
            // The Control Pictures block mirrors C0 one to one.
            return String(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return "\u{2421}" // ␡
        case 0x80...0x9F:
            // C1 controls (CSI 0x9B, OSC 0x9D...) act like ESC sequences on some terminals.
            return "\u{FFFD}"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            // Bidirectional overrides and isolates can reorder what the reader sees.
            return "\u{FFFD}"
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x180E, 0x2028, 0x2029, 0x206A...0x206F, 0xFFF9...0xFFFB,
             0x115F, 0x1160, 0x3164, 0xFFA0, 0xE0000...0xE007F:
            // Invisible: zero-width spaces and joiners, line and paragraph separators, deprecated
            // format controls, interlinear annotations, Hangul fillers and tag characters. They
            // hide text or make two different names look the same.
            return "\u{FFFD}"
        default:
            return nil
        }
    }

    /// `text` on one line with every unsafe scalar replaced by its stand-in (for error reasons
    /// that quote a header).
    public static func printableLine(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                output.append(" ")
            } else if let stand = placeholder(for: scalar) {
                output.append(stand)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
