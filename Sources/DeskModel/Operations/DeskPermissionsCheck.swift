import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who else may read or change a desk: its file, its `-wal` and `-shm` (which hold recent
/// writes), its folder, and the `authorized_keys` lines that lead to it. Looked at with
/// `stat` only: the desk's own files are never opened here (principle 9).
public enum DeskPermissionsCheck {
    /// Findings for the desk file at `path` and, when `authorizedKeys` names a file that has
    /// deskterm lines leading to this desk, for that file, its folder and the program the lines run.
    public static func check(desk path: String, authorizedKeys: String?, into report: inout HealthReport) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        for file in [absolute, absolute + "-wal", absolute + "-shm"] {
            guard let mode = mode(of: file) else { continue }
            if mode & 0o006 != 0 {
                report.found(.permissions, HealthCheckName.permissions,
                    HealthFindingDetail.openToEveryone(file, readable: mode & 0o004 != 0, writable: mode & 0o002 != 0, mode: octal(mode)))
            }
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        if let mode = mode(of: folder), mode & 0o002 != 0 {
            report.found(.permissions, HealthCheckName.permissions, HealthFindingDetail.folderWritable(folder, mode: octal(mode)))
        }
        report.checked.append(HealthCheckName.permissions)
        if let authorizedKeys { checkKeys(authorizedKeys, leadingTo: absolute, into: &report) }
    }

    /// sshd's StrictModes refuses keys in a file or folder others may write; a program others
    /// may replace runs as the desk's account for every key.
    private static func checkKeys(_ file: String, leadingTo desk: String, into report: inout HealthReport) {
        guard mode(of: file) != nil else { return }
        guard let data = FileManager.default.contents(atPath: file) else {
            report.found(.couldNotCheck, HealthCheckName.authorizedKeys, HealthFindingDetail.cannotRead(file))
            return
        }
        let commands = text(data).split(separator: "\n").compactMap { forcedCommand(String($0)) }
            .filter { sameFile($0.desk, desk) }
        report.checked.append(HealthCheckName.authorizedKeys)
        guard !commands.isEmpty else { return }
        let folder = (file as NSString).deletingLastPathComponent
        if let mode = mode(of: file), mode & 0o022 != 0 {
            report.found(.permissions, HealthCheckName.authorizedKeys, HealthFindingDetail.keysFileWritable(file, keys: commands.count, mode: octal(mode)))
        }
        if let mode = mode(of: folder), mode & 0o022 != 0 {
            report.found(.permissions, HealthCheckName.authorizedKeys, HealthFindingDetail.keysFolderWritable(folder, keysFile: file, mode: octal(mode)))
        }
        for program in Set(commands.map(\.program)).sorted() {
            guard let mode = mode(of: program) else {
                report.found(.permissions, HealthCheckName.authorizedKeys, HealthFindingDetail.keysProgramMissing(file, program: program))
                continue
            }
            if mode & 0o022 != 0 {
                report.found(.permissions, HealthCheckName.authorizedKeys, HealthFindingDetail.keysProgramWritable(file, program: program, mode: octal(mode)))
            }
        }
    }

    /// The program and `--desk` of a line deskterm wrote: `command="PROGRAM ssh-session --desk DESK HANDLE",…`.
    static func forcedCommand(_ line: String) -> (program: String, desk: String)? {
        guard let start = line.range(of: "command=\"") else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let words = rest[..<end].split(separator: " ").map(String.init)
        guard words.count >= 4, words[1] == "ssh-session", let flag = words.firstIndex(of: "--desk"), flag + 1 < words.count else { return nil }
        var desk = words[flag + 1]
        if desk.hasPrefix("'") && desk.hasSuffix("'") && desk.count >= 2 { desk = String(desk.dropFirst().dropLast()) }
        return (words[0], desk)
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a.hasPrefix("/") else { return false }
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return a == b }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    private static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    private static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    private static func octal(_ mode: mode_t) -> String { String(format: "%04o", UInt32(mode)) }
}
