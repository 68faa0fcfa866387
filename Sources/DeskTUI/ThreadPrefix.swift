import DeskModel

/// Draws the tree prefix of one history line (`│ ├─ └─`) from the structural facts the model
/// gives. Top-level messages get no prefix, like mutt's thread view.
///
/// The indent stops growing at `indentLimit` levels: a deeper reply keeps that indent and
/// shows its depth after the branch (`└─[37]`), as mail clients do. Without the cap a
/// reply chain n deep draws n²/2 columns of prefix and leaves its bodies no room.
public enum ThreadPrefix {
    /// Levels of indent drawn at most (two columns each).
    public static let indentLimit = 12

    public static func of(_ line: ThreadLine) -> String {
        guard line.depth > 0 else { return "" }
        return rails(line) + (line.isLastSibling ? "└─" : "├─") + depthLabel(line)
    }

    /// The rails under a message's header, for its body lines: the same columns as the
    /// prefix, with a rail where this message has later siblings, and blanks under the
    /// depth label so bodies line up with their header.
    public static func continuation(_ line: ThreadLine) -> String {
        guard line.depth > 0 else { return "" }
        let blanks = String(repeating: " ", count: depthLabel(line).utf8.count)
        return rails(line) + (line.isLastSibling ? "  " : "│ ") + blanks
    }

    /// `[37]` for a line deeper than the indent shows; empty otherwise.
    public static func depthLabel(_ line: ThreadLine) -> String {
        line.depth > indentLimit ? "[\(line.depth)]" : ""
    }

    /// One column pair per drawn ancestor level; level 0 is the top level, drawn without a
    /// rail. Levels past the model's record (never reached with the limit below it) are blank.
    private static func rails(_ line: ThreadLine) -> String {
        let drawnLevels = min(line.depth, indentLimit)
        var rails = ""
        for level in 1..<drawnLevels {
            let continues = level < line.ancestorsContinue.count && line.ancestorsContinue[level]
            rails += continues ? "│ " : "  "
        }
        return rails
    }
}
