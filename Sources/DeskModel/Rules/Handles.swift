/// User handles: plain identifiers, safe in an `authorized_keys` forced command and a shell.
public enum Handles {
    public static func isValid(_ handle: String) -> Bool {
        guard let first = handle.unicodeScalars.first, handle.unicodeScalars.count <= FieldLimits.limit(for: .handle),
              ("a"..."z").contains(first) else { return false }
        return handle.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
