import Foundation

/// Writing imported threads, over any backend. Rows are written with the same invariants as
/// the desk's own operations: ticket numbers come from `nextTicketNumber`, triage keys from
/// `Triage.key`, and a closed ticket is never changed (new messages of its thread open a
/// follow-up ticket instead). Imported history is written as it happened, without system events.
extension Desk {
    /// Loads the desk's people, organisations and settings once for the whole import.
    func beginImport(options: ImportOptions) throws(DeskError) -> ImportSession {
        try read { rows in
            var session = ImportSession()
            session.settings = try rows.deskSettings()
            session.serviceLevels = try Self.serviceLevels(rows)
            for user in try rows.knownUsers() {
                session.handles.insert(user.handle)
                let email = user.email.lowercased()
                if !email.isEmpty, session.userByEmail[email] == nil { session.userByEmail[email] = user.id }
                session.roles[user.id] = user.role
                if let organisationID = user.organisationID { session.organisationOf[user.id] = organisationID }
            }
            for author in try rows.knownImportAuthors() {
                session.userByKey[author.key] = author.userID
            }
            for organisation in try rows.knownOrganisations() {
                session.organisations[organisation.name.lowercased()] = (organisation.id, organisation.tier)
                session.tierOf[organisation.id] = organisation.tier
            }
            return session
        }
    }

    /// Writes `threads` in one `transaction` (a bulk load: the backend may index at the end;
    /// or a savepoint of a bulk import's transaction). When it fails, each thread is retried
    /// in a transaction of its own and the threads that still fail are reported as skipped; a
    /// busy, read-only, damaged or full desk stops the import instead.
    func importBatch(
        _ threads: [ImportThread], options: ImportOptions, now: Date, session: inout ImportSession, summary: inout ImportSummary,
        transaction: ((any DeskRows) throws -> Void) throws(DeskError) -> Void
    ) throws(DeskError) {
        let savedSession = session
        let savedSummary = summary
        do {
            try transaction { rows in
                // A backend may run the body again (a lost connection, a deadlock): from the same start.
                session = savedSession
                summary = savedSummary
                var sources = try ImportSources(rows, threads: threads)
                for thread in threads {
                    try Self.importThread(rows, thread, options: options, now: now, session: &session, sources: &sources, summary: &summary)
                }
            }
            return
        } catch {
            session = savedSession
            summary = savedSummary
            if Self.stopsImport(error) { throw error }
        }
        for thread in threads {
            let threadSession = session
            let threadSummary = summary
            do {
                try transaction { rows in
                    session = threadSession
                    summary = threadSummary
                    var sources = ImportSources()
                    try Self.importThread(rows, thread, options: options, now: now, session: &session, sources: &sources, summary: &summary)
                }
            } catch {
                session = threadSession
                summary = threadSummary
                if Self.stopsImport(error) { throw error }
                for message in thread.messages {
                    summary.skipped.append(ImportProblem(file: message.file, offset: message.offset, reason: "not stored: \(error.message)"))
                }
            }
        }
    }

    /// Errors of the desk itself, which every later thread would meet too: retrying thread by
    /// thread would only report each of them as skipped.
    static func stopsImport(_ error: DeskError) -> Bool {
        switch error {
        case .databaseBusy, .databaseReadOnly, .notADeskDatabase, .deskDamaged, .diskFull: return true
        case .deskUnreachable, .writeOutcomeUnknown: return true
        default: return false
        }
    }
}

extension StorageWrite {
    /// An import's batch: many rows at once.
    static let bulkLoad: StorageWrite = {
        var options = StorageWrite()
        options.isBulkLoad = true
        return options
    }()
}
