extension DeskError {
    /// A backup's or restore's file that could not take its new name, with the system's reason.
    static func renameFailed(_ file: String, to target: String, reason: String) -> DeskError {
        .refused(.model("Storage error: cannot rename {file} to {target}: {reason}",
                        ["file": .text(file), "target": .text(target), "reason": .text(reason)]))
    }
}
