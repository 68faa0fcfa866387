import Foundation
import GRDB

/// Builds a large desk fast, for benchmarks and load tests: organisations and users in
/// proportion, every status, kind and urgency, threads of varied depth (some 200+ messages),
/// internal notes, multilingual text. Rows are inserted in large prepared batches with the
/// list indexes, full-text triggers and counters off, then the indexes are built once and the
/// full-text indexes (words and CJK) are built in one pass each. Deterministic for a seed and an end time.
/// For that speed it writes the SQLite file directly (GRDB, `SQLiteDeskStore`), not through
/// `DeskStore`: it makes SQLite desks only.
public enum BulkDesk {
    public struct Options: Sendable {
        public var tickets: Int
        public var messagesPerTicket: Int
        public var seed: UInt64
        public var now: Date
        /// Gives the last ticket a reply chain of this many messages (benchmarks open it);
        /// the other tickets are the same as without it.
        public var longThread: Int?

        public init(tickets: Int, messagesPerTicket: Int = 5, seed: UInt64 = 42, now: Date, longThread: Int? = nil) {
            self.tickets = tickets
            self.messagesPerTicket = messagesPerTicket
            self.seed = seed
            self.now = now
            self.longThread = longThread
        }
    }

    public struct Progress: Sendable {
        public var phase: String
        public var done: Int
        public var total: Int
    }

    public struct Summary: Equatable, Sendable {
        public var organisations: Int
        public var users: Int
        public var tickets: Int
        public var messages: Int
        /// A ticket with one of the longest threads, for benchmarks.
        public var longestThreadTicket: Int64
        /// The ticket holding the `longThread` chain, when one was asked for.
        public var longThreadTicket: Int64?
    }

    /// A word that appears in about one message in ten thousand: the benchmark's rare search.
    public static let rareWord = "quokkalith"

    public static func build(path: String, options: Options, progress: @escaping (Progress) -> Void = { _ in }) throws(DeskError) -> Summary {
        guard options.tickets >= 1, options.messagesPerTicket >= 1 else { throw .invalidInput("A bulk desk needs at least one ticket and one message per ticket") }
        guard try DeskAddress(path).sqlitePath != nil else { throw .invalidInput("The bulk generator writes a new desk file; give it a file path") }
        if FileManager.default.fileExists(atPath: path) { throw .invalidInput("\(path) already exists; the generator needs a new file") }
        do {
            // Create the schema through the store, then load with a connection of our own.
            let store = try Desk.open(address: path, create: true)
            try store.updateSettings(DeskSettings(name: "\(DemoCorpus.vendor) support (generated)"))
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // Messages go in before their ticket row within one transaction; every reference
            // is consistent by construction.
            configuration.foreignKeysEnabled = false
            // The CJK index is built by a function of ours.
            configuration.prepareDatabase { db in CJKSchema.registerFunctions(in: db) }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let summary = try queue.writeWithoutTransaction { db in
                var loader = Loader(db: db, options: options, progress: progress)
                return try loader.run()
            }
            try queue.close()
            return summary
        } catch {
            // A half-built desk is worse than none.
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw StorageErrors.map(error, path: path)
        }
    }

    private struct Loader {
        let db: Database
        let options: Options
        let progress: (Progress) -> Void
        var random: SeededGenerator

        init(db: Database, options: Options, progress: @escaping (Progress) -> Void) {
            self.db = db
            self.options = options
            self.progress = progress
            self.random = SeededGenerator(seed: options.seed)
        }

        struct Customer {
            var id: Int64
            var organisation: Int
        }

        mutating func run() throws -> Summary {
            // Nothing else uses this fresh file: trade durability for speed while loading.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
            try dropDerivedStructures()

            let n = options.tickets
            let organisationCount = max(6, n / 500)
            let customerCount = max(14, n / 50)
            let agentCount = max(4, n / 20_000)
            let plans = Plan.allCases
            let tiers = SupportTier.allCases
            var organisations: [(plan: Plan, tier: SupportTier)] = []
            try db.inTransaction {
                let insertOrganisation = try db.makeStatement(sql: "INSERT INTO organisation(id, name, plan, tier) VALUES (?, ?, ?, ?)")
                for index in 0..<organisationCount {
                    let base = DemoCorpus.organisations[index % DemoCorpus.organisations.count]
                    let plan = index < DemoCorpus.organisations.count ? (Plan(rawValue: base.plan) ?? .pro) : plans[index % plans.count]
                    let tier = index < DemoCorpus.organisations.count ? (SupportTier(rawValue: base.tier) ?? .standard) : tiers[(index / 5) % tiers.count]
                    let name = index < DemoCorpus.organisations.count ? base.name : "\(base.name) \(index / DemoCorpus.organisations.count + 1)"
                    try insertOrganisation.execute(arguments: [index + 1, name, plan.rawValue, tier.rawValue])
                    organisations.append((plan, tier))
                }
                return .commit
            }

            var customers: [Customer] = []
            var agents: [Int64] = []
            var handles: [Int64: String] = [:]
            try db.inTransaction {
                let insertUser = try db.makeStatement(sql: "INSERT INTO user(id, handle, name, email, role, organisation_id, case_access) VALUES (?, ?, ?, ?, ?, ?, ?)")
                var id: Int64 = 0
                for person in DemoCorpus.agents + DemoCorpus.admins {
                    id += 1
                    let role: Role = DemoCorpus.admins.contains(person) ? .admin : .agent
                    try insertUser.execute(arguments: [id, person.handle, person.name, person.email, role.rawValue, nil, CaseAccess.own.rawValue])
                    if role == .agent { agents.append(id) }
                    handles[id] = person.handle
                }
                for index in DemoCorpus.agents.count..<agentCount {
                    id += 1
                    try insertUser.execute(arguments: [id, "agent\(index)", "Agent \(index)", "agent\(index)@tandem.example", Role.agent.rawValue, nil, CaseAccess.own.rawValue])
                    agents.append(id)
                    handles[id] = "agent\(index)"
                }
                for index in 0..<customerCount {
                    id += 1
                    let organisation = index % organisationCount
                    // The first customer of each organisation is its support contact.
                    let access: CaseAccess = index < organisationCount ? .organisation : .own
                    if index < DemoCorpus.customers.count {
                        let person = DemoCorpus.customers[index]
                        let demoOrganisation = person.orgIndex ?? 0
                        try insertUser.execute(arguments: [id, person.handle, person.name, person.email, Role.customer.rawValue, demoOrganisation + 1,
                                                           (person.organisationAccess ? CaseAccess.organisation : .own).rawValue])
                        customers.append(Customer(id: id, organisation: demoOrganisation))
                    } else {
                        try insertUser.execute(arguments: [id, "customer\(index)", "Customer \(index)", "customer\(index)@example.org", Role.customer.rawValue, organisation + 1, access.rawValue])
                        customers.append(Customer(id: id, organisation: organisation))
                    }
                }
                return .commit
            }

            let texts = TextPool()
            let start = options.now.deskSeconds - 365 * 86_400
            let span = Int64(365 * 86_400)
            var messageID: Int64 = 0
            var longest: (ticket: Int64, messages: Int) = (1, 0)
            let batch = 5_000
            var ticketIndex = 0
            while ticketIndex < n {
                let end = min(n, ticketIndex + batch)
                try db.inTransaction {
                    let insertTicket = try db.makeStatement(sql: """
                        INSERT INTO ticket(id, number, subject, description, kind, product, category, subcategory, urgency, status,
                            requester_id, organisation_id, assignee_id, contact, follow_up_of_id, created_at, updated_at, triage_key,
                            public_updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'portal', NULL, ?, ?, ?, ?)
                        """)
                    // The body's length in the same statement: the trigger that would set it writes the row twice.
                    let insertMessage = try db.makeStatement(sql: "INSERT INTO message(id, ticket_id, kind, author_id, body, created_at, in_reply_to_id, event, body_length) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, length(?5))")
                    let insertWatcher = try db.makeStatement(sql: "INSERT OR IGNORE INTO watcher(ticket_id, user_id) VALUES (?, ?)")
                    for index in ticketIndex..<end {
                        let id = Int64(index + 1)
                        let customer = customers[random.int(in: 0...(customers.count - 1))]
                        let organisation = organisations[customer.organisation]
                        let scenario = texts.scenarios[random.int(in: 0...(texts.scenarios.count - 1))]
                        var kind = TicketKind(rawValue: scenario.kind) ?? .question
                        if organisation.plan == .free && kind == .incident { kind = .question }
                        let urgency = pickUrgency()
                        let createdAt = start + span * Int64(index) / Int64(n) + Int64(random.int(in: 0...600))
                        let isLongChain = options.longThread != nil && index == n - 1
                        var messageCount = random.chance(0.001) ? random.int(in: 200...300) : random.int(in: 1...max(1, 2 * options.messagesPerTicket - 3))
                        let ordinaryCount = messageCount
                        if isLongChain, let longThread = options.longThread { messageCount = longThread }
                        let isRecent = options.now.deskSeconds - createdAt < 30 * 86_400
                        var status = pickStatus(recent: isRecent)
                        // The longest ordinary thread stays the one recorded, so figures compare across
                        // desks; a new ticket has its description only, whatever was drawn.
                        if status != .new, ordinaryCount > longest.messages { longest = (id, ordinaryCount) }
                        if isLongChain && status == .new { status = .open }
                        let assignee: Int64? = status == .new || random.chance(0.2) ? nil : agents[random.int(in: 0...(agents.count - 1))]

                        // The thread: alternating sides, some internal notes, replies to earlier messages.
                        var time = createdAt
                        var publicTime = createdAt // the newest change customers see (not a note)
                        let step = max(60, (options.now.deskSeconds - createdAt) / Int64(messageCount + 2))
                        var threadIDs: [Int64] = []
                        let agent = assignee ?? agents[0]
                        if status != .new {
                            time += Int64(random.int(in: 60...Int(step)))
                            messageID += 1
                            let taken = SystemEvent.statusChanged(from: .new, to: .open, actor: handles[agent] ?? "agent")
                            try insertMessage.execute(arguments: [messageID, id, MessageKind.systemEvent.rawValue, agent, taken.recordText, time, nil, taken.payload])
                            publicTime = time
                        }
                        for position in 0..<messageCount where status != .new || position == 0 {
                            time = min(options.now.deskSeconds - 1, time + Int64(random.int(in: 30...Int(step))))
                            messageID += 1
                            let isNote = position > 0 && random.chance(0.12)
                            let fromCustomer = !isNote && position % 2 == 1
                            let body: String
                            if isNote {
                                body = texts.notes[random.int(in: 0...(texts.notes.count - 1))]
                            } else if fromCustomer || status == .new {
                                body = texts.customer[random.int(in: 0...(texts.customer.count - 1))]
                            } else {
                                body = texts.agent[random.int(in: 0...(texts.agent.count - 1))]
                            }
                            let text = random.chance(0.0001) ? body + " (ref \(rareWord)-\(messageID))" : body
                            let parent: Int64? = threadIDs.isEmpty ? nil
                                : isLongChain || random.chance(0.75) ? threadIDs.last : random.chance(0.5) ? threadIDs[random.int(in: 0...(threadIDs.count - 1))] : nil
                            let author = status == .new || fromCustomer ? customer.id : agent
                            try insertMessage.execute(arguments: [messageID, id, (isNote ? MessageKind.internalNote : .reply).rawValue, author, text, time, parent, nil])
                            threadIDs.append(messageID)
                            if !isNote { publicTime = time }
                        }
                        // A solution proposed long ago would auto-close at once: keep pending ones fresh.
                        if status == .pending && options.now.deskSeconds - time > 4 * 86_400 { status = .open }
                        let triage = Triage.key(createdAt: Date(deskSeconds: createdAt), urgency: urgency, tier: organisation.tier)
                        try insertTicket.execute(arguments: [
                            id, id, scenario.subject, scenario.description, kind.rawValue, scenario.product, scenario.category,
                            scenario.subcategory, urgency.rawValue, status.rawValue, customer.id, customer.organisation + 1,
                            assignee, createdAt, max(time, createdAt), triage, max(publicTime, createdAt),
                        ])
                        if random.chance(0.05), let colleague = colleague(of: customer, among: customers) {
                            try insertWatcher.execute(arguments: [id, colleague])
                        }
                    }
                    return .commit
                }
                ticketIndex = end
                progress(Progress(phase: "tickets", done: ticketIndex, total: n))
            }
            // The open tickets' service-level clocks, by the rules the desk runs (before the indexes).
            try ServiceClockBackfill.run(SQLiteRows(db: db), now: options.now)
            try buildDerivedStructures()
            try db.execute(sql: "INSERT OR REPLACE INTO desk_setting(key, value) VALUES ('longest_thread_ticket', ?)", arguments: [String(longest.ticket)])
            let longThreadTicket: Int64? = options.longThread == nil ? nil : Int64(n)
            if let longThreadTicket {
                try db.execute(sql: "INSERT OR REPLACE INTO desk_setting(key, value) VALUES ('long_thread_ticket', ?)", arguments: [String(longThreadTicket)])
            }
            return Summary(
                organisations: organisationCount, users: customerCount + agentCount + DemoCorpus.admins.count,
                tickets: n, messages: Int(messageID), longestThreadTicket: longest.ticket, longThreadTicket: longThreadTicket)
        }

        mutating func pickUrgency() -> Urgency {
            let roll = random.unit()
            return roll < 0.3 ? .none : roll < 0.65 ? .low : roll < 0.9 ? .serious : .critical
        }

        mutating func pickStatus(recent: Bool) -> TicketStatus {
            let roll = random.unit()
            if recent {
                return roll < 0.15 ? .new : roll < 0.5 ? .open : roll < 0.65 ? .awaitingCustomer : roll < 0.8 ? .pending : .closed
            }
            return roll < 0.02 ? .new : roll < 0.07 ? .open : roll < 0.1 ? .awaitingCustomer : .closed
        }

        mutating func colleague(of customer: Customer, among customers: [Customer]) -> Int64? {
            // Customers are spread round-robin over organisations: a neighbour one lap away is a colleague.
            let laps = customers.count / max(1, customers.filter { $0.organisation == customers[0].organisation }.count)
            let index = Int(customer.id) % customers.count
            let candidate = customers[(index + max(1, laps)) % customers.count]
            return candidate.organisation == customer.organisation && candidate.id != customer.id ? candidate.id : nil
        }

        func dropDerivedStructures() throws {
            try SQLiteBulkStructures.drop(db)
        }

        func buildDerivedStructures() throws {
            try SQLiteBulkStructures.build(db) { progress(Progress(phase: $0, done: $1, total: $2)) }
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
    }

    /// Texts from the demo corpus, by who would write them.
    private struct TextPool {
        let scenarios = DemoCorpus.scenarios
        let customer: [String]
        let agent: [String]
        let notes: [String]

        init() {
            customer = DemoCorpus.scenarios.flatMap(\.customerFollowUps) + DemoCorpus.scenarios.map(\.description)
            agent = DemoCorpus.scenarios.flatMap(\.agentReplies)
            notes = DemoCorpus.scenarios.flatMap(\.internalNotes)
        }
    }
}
