import DeskModel
import Foundation

/// `deskterm demo --db postgresql://…`: the generators write SQLite files, so the desk is
/// generated into a temporary file and moved by `deskterm copy` (COPY on two connections).
///
/// Interrupted (Ctrl-C, SIGTERM, SIGHUP), it removes the temporary desk before it ends. The
/// target is never left looking like a ready desk: while rows stream in, the server rolls the
/// copy's transactions back when the connection goes; once they have committed, the desk stays
/// marked as being copied (`DeskError.deskBeingCopied`) until a copy finishes, and the next
/// `demo` or `copy` into it starts over.
enum DemoOnPostgres {
    /// Runs `generate` on a temporary SQLite path, then copies that desk to `address`; the
    /// temporary folder is removed whatever happens, a signal included.
    static func build(
        at address: DeskAddress, quiet: Bool = false, generate: (String) throws(DeskError) -> Void
    ) throws(DeskError) -> CopyReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deskterm-demo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cli("Cannot make a temporary folder for the demo desk: {reason}", ["reason": .text(error.localizedDescription)])
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        return try InterruptCleanup.removing(desk: path, folder: folder.path) { () throws(DeskError) -> CopyReport in
            try generateAndCopy(at: path, to: address, quiet: quiet, generate: generate)
        }
    }

    private static func generateAndCopy(
        at path: String, to address: DeskAddress, quiet: Bool, generate: (String) throws(DeskError) -> Void
    ) throws(DeskError) -> CopyReport {
        // Generating a large desk takes minutes: not for a target that cannot take it.
        do {
            try DeskCopy.checkTarget(address)
        } catch let error as DeskError {
            throw error
        } catch {
            throw .storage(String(describing: error))
        }
        try generate(path)
        let progress = CopyProgress(quiet: quiet)
        defer { progress.finish() }
        let report: CopyReport
        do {
            report = try DeskCopy.copy(from: .sqlite(path: path), to: address, progress: progress.report)
        } catch let error as DeskError {
            throw error
        } catch {
            throw .storage(String(describing: error))
        }
        guard report.equal else {
            throw .cli("The demo desk copied to {address} differs from the one generated: {report}", ["address": .text(address.description), "report": .text(CopyReportOutput.text(report, copied: true))])
        }
        return report
    }
}
