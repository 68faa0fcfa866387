import Foundation

/// Every catalogue the process has read, each read once, on first use, and kept.
///
/// For a domain (a target's phrases) and a language, the first of these files that exists:
/// 1. `$DESKTERM_CATALOGUES/<domain>/<tag>.po` (a translator tries a catalogue without building);
/// 2. `deskterm_<domain>.resources/Catalogues/<tag>.po` beside the executable (what SwiftPM
///    builds in `.build/debug` and `.build/release`: the binary, the test bundle and the
///    binary the tmux and SSH tests run all find it there);
/// 3. `../share/deskterm/<domain>/<tag>.po` from the executable's folder (an install under a
///    prefix: `bin/deskterm`, `share/deskterm/DeskModel/fr.po`).
/// A missing or unreadable catalogue is never fatal: its phrases read in English, and one
/// warning per catalogue says why.
public final class Catalogues: @unchecked Sendable {
    public static let shared = Catalogues(
        overrideFolder: ProcessInfo.processInfo.environment["DESKTERM_CATALOGUES"],
        executableFolder: Catalogues.executableFolder()
    )

    private let lock = NSLock()
    private var loaded: [Key: Catalogue?] = [:]
    private var warned: [String] = []
    private let overrideFolder: URL?
    private let executableFolder: URL?
    private var warn: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data(("deskterm: " + line + "\n").utf8)) }

    private struct Key: Hashable {
        var domain: String
        var language: Language
    }

    public init(overrideFolder: String?, executableFolder: URL?) {
        self.overrideFolder = overrideFolder.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        self.executableFolder = executableFolder
    }

    /// The folder of the running binary, its links resolved (`/proc/self/exe` on Linux).
    static func executableFolder() -> URL? {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: proc.path) {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The files tried for a catalogue, in order.
    public func candidates(_ domain: PhraseDomain, _ language: Language) -> [URL] {
        let file = "\(language.rawValue).po"
        var urls: [URL] = []
        if let overrideFolder { urls.append(overrideFolder.appendingPathComponent(domain.name).appendingPathComponent(file)) }
        if let executableFolder {
            urls.append(executableFolder.appendingPathComponent("deskterm_\(domain.name).resources/Catalogues/\(file)"))
            urls.append(executableFolder.deletingLastPathComponent().appendingPathComponent("share/deskterm/\(domain.name)/\(file)"))
        }
        return urls
    }

    /// Reads the catalogues of `domains` for `language` now, before the screen takes the
    /// terminal, so that a warning is printed where it can be read. Returns the warnings.
    @discardableResult
    public func preload(_ domains: [PhraseDomain], for language: Language) -> [String] {
        let before = lock.withLock { warned.count }
        for domain in domains { _ = catalogue(domain, language) }
        return lock.withLock { Array(warned[before...]) }
    }

    /// Sends warnings to `handler` instead of standard error (a client that shows them itself).
    public func redirectWarnings(to handler: @escaping @Sendable (String) -> Void) {
        lock.withLock { warn = handler }
    }

    /// The warnings given so far, one per catalogue that could not be read.
    public var warnings: [String] { lock.withLock { warned } }

    func catalogue(_ domain: PhraseDomain, _ language: Language) -> Catalogue? {
        guard language != .english, domain != .verbatim else { return nil }
        let key = Key(domain: domain.name, language: language)
        if let known = lock.withLock({ loaded[key] }) { return known }
        let (catalogue, warning) = read(domain, language)
        return lock.withLock {
            if let known = loaded[key] { return known }
            loaded[key] = .some(catalogue)
            if let warning {
                warned.append(warning)
                warn(warning)
            }
            return catalogue
        }
    }

    private func read(_ domain: PhraseDomain, _ language: Language) -> (Catalogue?, String?) {
        let tried = candidates(domain, language)
        guard let url = tried.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            return (nil, "no \(language.nativeName) catalogue for \(domain.name) (looked for \(tried.map(\.path).joined(separator: ", "))); showing English")
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(bytes: data, encoding: .utf8) else {
            return (nil, "\(url.path) is unreadable or not UTF-8; showing English instead of \(language.nativeName)")
        }
        do {
            return (Catalogue(try POParser.parse(text, file: url.path), language: language), nil)
        } catch {
            return (nil, "\(error); showing English instead of \(language.nativeName)")
        }
    }
}
