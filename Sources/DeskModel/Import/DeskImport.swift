import Foundation

/// Brings history into a desk: mbox files, maildirs and JSON conversations.
///
/// Mail is read in two passes. The first reads every message's headers and threads the whole
/// input (a reply may come before or after what it answers, in any file). The second decodes
/// bodies thread by thread and hands them to the store in batches of about
/// `ImportOptions.batchSize` messages, each batch one transaction. A message that cannot be
/// read is skipped and reported with its file and byte offset; the import goes on.
public enum DeskImport {
    public typealias ProgressHandler = (ImportProgress) -> Void

    public static func mbox(
        _ paths: [String], into store: any DeskStore, options: ImportOptions = ImportOptions(), progress: ProgressHandler? = nil
    ) throws(DeskError) -> ImportSummary {
        let started = Date()
        var summary = ImportSummary()
        var files: [[UInt8]] = []
        for path in paths { files.append(try readFile(path)) }
        var pending: [PendingMail] = []
        for (fileIndex, bytes) in files.enumerated() {
            let path = paths[fileIndex]
            let split = Mbox.split(bytes)
            if split.leadingGarbage != nil {
                summary.read += 1
                summary.skipped.append(ImportProblem(
                    file: path, offset: 0,
                    reason: split.entries.isEmpty ? "not an mbox: no `From ` line starts a message" : "not a mail message: text before the first `From ` line"))
            }
            for entry in split.entries {
                summary.read += 1
                switch MailEnvelope.read(bytes, entry.range, envelopeDate: entry.envelopeDate, envelopeSender: entry.envelopeSender) {
                case .success(let envelope):
                    pending.append(PendingMail(envelope: envelope, file: path, offset: entry.offset, location: .mbox(file: fileIndex, range: entry.range)))
                case .failure(let error):
                    summary.skipped.append(ImportProblem(file: path, offset: entry.offset, reason: error.reason))
                }
            }
        }
        try importMail(pending, store: store, options: options, progress: progress, summary: &summary) { mail in
            switch mail.location {
            case .mbox(let file, let range): return Mbox.unescaped(files[file], range)
            case .file(let path): return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
            }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    public static func maildir(
        _ directories: [String], into store: any DeskStore, options: ImportOptions = ImportOptions(), progress: ProgressHandler? = nil
    ) throws(DeskError) -> ImportSummary {
        let started = Date()
        var summary = ImportSummary()
        var allFiles: [String] = []
        for directory in directories {
            guard let files = Maildir.messageFiles(in: directory) else {
                throw .invalidInput("\(directory) is not a maildir: it has no cur/ or new/ folder")
            }
            allFiles += files
        }
        var pending: [PendingMail] = []
        for file in allFiles {
            summary.read += 1
            guard let data = FileManager.default.contents(atPath: file) else {
                summary.skipped.append(ImportProblem(file: file, offset: 0, reason: "cannot read the file"))
                continue
            }
            let bytes = [UInt8](data)
            switch MailEnvelope.read(bytes, 0..<bytes.count, envelopeDate: Maildir.deliveryDate(fileName: file), envelopeSender: nil) {
            case .success(let envelope):
                pending.append(PendingMail(envelope: envelope, file: file, offset: 0, location: .file(file)))
            case .failure(let error):
                summary.skipped.append(ImportProblem(file: file, offset: 0, reason: error.reason))
            }
        }
        try importMail(pending, store: store, options: options, progress: progress, summary: &summary) { mail in
            guard case .file(let path) = mail.location else { return nil }
            return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    public static func json(
        _ paths: [String], into store: any DeskStore, options: ImportOptions = ImportOptions(), progress: ProgressHandler? = nil
    ) throws(DeskError) -> ImportSummary {
        let started = Date()
        var summary = ImportSummary()
        var files: [(path: String, bytes: [UInt8], lines: [JSONConversations.Line])] = []
        var total = 0
        for path in paths {
            let bytes = try readFile(path)
            let lines = JSONConversations.lines(bytes)
            files.append((path, bytes, lines))
            total += lines.count
        }
        var writer = try store.startImport(options: options)
        var batch: [ImportThread] = []
        var batchMessages = 0
        var done = 0
        var seenConversations = Set<String>()
        func flush() throws(DeskError) {
            guard !batch.isEmpty else { return }
            try writer.write(batch, summary: &summary)
            batch = []
            batchMessages = 0
            progress?(ImportProgress(done: done, total: total, unit: "conversations"))
        }
        for file in files {
            for line in file.lines {
                done += 1
                switch JSONConversations.thread(file.bytes[line.range], file: file.path, line: line, options: options) {
                case .success(let thread):
                    summary.read += thread.messages.count
                    // The same conversation twice in the input: the second adds nothing.
                    let key = thread.messages[0].externalID
                    guard seenConversations.insert(key).inserted else {
                        summary.duplicates += thread.messages.count
                        continue
                    }
                    batch.append(thread)
                    batchMessages += thread.messages.count
                    if batchMessages >= options.batchSize { try flush() }
                case .failure(let error):
                    summary.read += 1
                    summary.skipped.append(ImportProblem(file: file.path, offset: line.offset, reason: error.reason))
                }
            }
        }
        try flush()
        progress?(ImportProgress(done: total, total: total, unit: "conversations"))
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    // MARK: - Mail

    struct PendingMail {
        enum Location {
            case mbox(file: Int, range: Range<Int>)
            case file(String)
        }

        var envelope: MailEnvelope
        var file: String
        var offset: Int
        var location: Location
    }

    private static func importMail(
        _ all: [PendingMail], store: any DeskStore, options: ImportOptions, progress: ProgressHandler?,
        summary: inout ImportSummary, load: (PendingMail) -> [UInt8]?
    ) throws(DeskError) {
        // One copy of each message: the first.
        var seen = Set<String>()
        var pending: [PendingMail] = []
        pending.reserveCapacity(all.count)
        for mail in all {
            if seen.insert(mail.envelope.externalID).inserted {
                pending.append(mail)
            } else {
                summary.duplicates += 1
            }
        }
        let items = pending.map { mail in
            MailThreading.Item(
                id: mail.envelope.externalID, parentCandidates: mail.envelope.parentCandidates,
                subjectKey: mail.envelope.subject.key, isReply: mail.envelope.subject.isReply, date: mail.envelope.date)
        }
        let threads = MailThreading.threads(items, subjectWindow: TimeInterval(options.subjectWindowDays) * 86_400)

        var writer = try store.startImport(options: options)
        let agents = AgentRule(options)
        var batch: [ImportThread] = []
        var batchMessages = 0
        var done = 0
        let total = pending.count
        progress?(ImportProgress(done: 0, total: total))
        for thread in threads {
            var messages: [ImportMessage] = []
            for member in thread.members {
                let mail = pending[member]
                done += 1
                guard let bytes = load(mail) else {
                    summary.skipped.append(ImportProblem(file: mail.file, offset: mail.offset, reason: "cannot read the message again"))
                    continue
                }
                switch MailMessage.content(bytes) {
                case .failure(let error):
                    summary.skipped.append(ImportProblem(file: mail.file, offset: mail.offset, reason: error.reason))
                case .success(let content):
                    var warnings = content.problems
                    if content.truncated { warnings.append("the MIME structure ends before its closing boundary (truncated); the parts present were kept") }
                    let body = ImportText.body(content.text)
                    messages.append(ImportMessage(
                        externalID: mail.envelope.externalID, author: author(mail.envelope.from, options: options, agents: agents),
                        date: mail.envelope.date, body: body.isEmpty ? "(no text)" : body, attachments: content.attachments,
                        parentCandidates: mail.envelope.parentCandidates, file: mail.file, offset: mail.offset, warnings: warnings))
                }
            }
            guard let root = messages.first else { continue }
            let rootEnvelope = pending[thread.members.first { pending[$0].envelope.externalID == root.externalID } ?? thread.members[0]].envelope
            var subject = rootEnvelope.subject.display
            if subject.isEmpty { subject = ImportText.subject(fromBody: root.body) }
            batch.append(ImportThread(
                subject: subject, subjectKey: rootEnvelope.subject.key, isOrphan: thread.isOrphan, messages: messages,
                externalReferences: thread.externalReferences, contact: .email, requesterKey: nil))
            batchMessages += messages.count
            if batchMessages >= options.batchSize {
                try writer.write(batch, summary: &summary)
                batch = []
                batchMessages = 0
                progress?(ImportProgress(done: done, total: total))
            }
        }
        if !batch.isEmpty { try writer.write(batch, summary: &summary) }
        progress?(ImportProgress(done: total, total: total))
    }

    /// The desk's view of a mail sender.
    static func author(_ address: MailAddress, options: ImportOptions, agents: AgentRule) -> ImportAuthor {
        let email = address.address
        let domain = address.domain
        let local = address.localPart
        let isPlainLocal = !local.isEmpty && local.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" || $0 == "+"
        }
        let name = address.name.isEmpty ? local : address.name
        var hints: [String] = []
        if isPlainLocal { hints.append(local) }
        hints.append(name)
        hints.append(local)
        return ImportAuthor(
            key: "mail:" + email.lowercased(), email: email, name: name, handleHints: hints,
            isAgent: agents.matches(email),
            organisation: options.organisationsFromDomains && !domain.isEmpty ? domain : nil)
    }

    static func readFile(_ path: String) throws(DeskError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .invalidInput("No file at \(path)")
        }
        guard !isDirectory.boolValue else { throw .invalidInput("\(path) is a folder; give a file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .invalidInput("Cannot read \(path)") }
        return [UInt8](data)
    }
}
