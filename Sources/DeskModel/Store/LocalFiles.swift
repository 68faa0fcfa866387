import Foundation

/// Files of the machine the client runs on: where attachments are saved and what the
/// composer attaches. Never used in an SSH session (`DeskState.offersLocalFiles`).
public enum LocalFiles {
    /// `~` and `~/…` are the home folder; other paths are as typed (relative to the
    /// client's working folder).
    public static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// Names in the typed path's folder starting with its last part, sorted; folders end in
    /// `/`. Hidden names only when the part starts with a dot.
    public static func completions(of typed: String, limit: Int = 200) -> [String] {
        let expanded = expand(typed)
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? ""
        let part = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return listed.filter { $0.hasPrefix(part) && (part.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted().prefix(limit).map { name in
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder)
                return isFolder.boolValue ? name + "/" : name
            }
    }

    /// The bytes of a regular file, refused before reading when larger than `limit`.
    public static func read(_ path: String, limit: Int64) throws(DeskError) -> Data {
        let expanded = expand(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: expanded)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw .refused(.model("Cannot read {path}: not a readable file", ["path": .text(TextSafety.sanitizedLine(path))]))
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if size > limit { throw .attachmentTooLarge(name: (expanded as NSString).lastPathComponent, size: size, limit: limit) }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw .refused(.model("Cannot read {path}", ["path": .text(TextSafety.sanitizedLine(path))]))
        }
        return data
    }

    /// A regular file that can be read and is within `limit`, checked without reading it.
    public static func check(_ path: String, limit: Int64) throws(DeskError) -> String {
        let expanded = expand(path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: expanded)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular,
              FileManager.default.isReadableFile(atPath: expanded) else {
            throw .refused(.model("Cannot attach {path}: not a readable file", ["path": .text(TextSafety.sanitizedLine(path))]))
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        if size > limit { throw .attachmentTooLarge(name: (expanded as NSString).lastPathComponent, size: size, limit: limit) }
        return expanded
    }

    /// Writes `data` to `path`; an existing file is replaced only with `replacing`, and then
    /// atomically. Returns the path written. Nil (nothing written) when the file exists.
    public static func write(_ data: Data, to path: String, replacing: Bool) throws(DeskError) -> String? {
        let expanded = expand(path)
        if !replacing && FileManager.default.fileExists(atPath: expanded) { return nil }
        do {
            try data.write(to: URL(fileURLWithPath: expanded), options: replacing ? .atomic : .withoutOverwriting)
        } catch {
            throw .refused(.model("Cannot write {path}: {reason}", ["path": .text(TextSafety.sanitizedLine(path)), "reason": .text(error.localizedDescription)]))
        }
        return expanded
    }
}
