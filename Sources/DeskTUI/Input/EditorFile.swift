/// The text of the file handed to `$EDITOR`. A text file ends with a newline (editors add one,
/// tools expect one), so the draft goes out with one and exactly one comes off on the way
/// back: a body the person ended with a blank line keeps it.
public enum EditorFile {
    public static func contents(for body: String) -> String { body + "\n" }

    public static func body(from contents: String) -> String {
        contents.hasSuffix("\n") ? String(contents.dropLast()) : contents
    }
}
