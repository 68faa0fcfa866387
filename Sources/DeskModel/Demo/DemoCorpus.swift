/// Hand-written demo content for a fictional SaaS vendor, "Tandem Cloud": organisations,
/// people, a product catalogue and support scenarios in English, French, Italian, German and
/// Japanese. Everything here is invented for deskterm; no real people or companies.
///
/// Plans, tiers, kinds and urgencies are stored as the raw values of `Plan`, `SupportTier`,
/// `TicketKind` and `Urgency` so this file stays free of dependencies.

public struct DemoOrganisation: Sendable, Hashable {
    public let name: String
    /// A `Plan` raw value: free, trial, pro, business, enterprise.
    public let plan: String
    /// A `SupportTier` raw value: standard, priority, premium.
    public let tier: String
    /// The language its people write in (en, fr, it, de, ja).
    public let language: String

    public init(name: String, plan: String, tier: String, language: String) {
        self.name = name
        self.plan = plan
        self.tier = tier
        self.language = language
    }
}

public struct DemoPerson: Sendable, Hashable {
    /// A plain identifier: [a-z][a-z0-9_-]*.
    public let handle: String
    public let name: String
    public let email: String
    /// Index into `DemoCorpus.organisations`; nil for staff (agents, admins).
    public let orgIndex: Int?
    /// The organisation's support contact: sees every case of the organisation.
    public let organisationAccess: Bool

    public init(handle: String, name: String, email: String, orgIndex: Int? = nil, organisationAccess: Bool = false) {
        self.handle = handle
        self.name = name
        self.email = email
        self.orgIndex = orgIndex
        self.organisationAccess = organisationAccess
    }
}

public struct DemoCategory: Sendable, Hashable {
    public let name: String
    public let subcategories: [String]

    public init(name: String, subcategories: [String]) {
        self.name = name
        self.subcategories = subcategories
    }
}

public struct DemoProduct: Sendable, Hashable {
    public let name: String
    public let categories: [DemoCategory]

    public init(name: String, categories: [DemoCategory]) {
        self.name = name
        self.categories = categories
    }
}

/// One support conversation: the opening ticket, then material for the thread.
public struct DemoScenario: Sendable, Hashable {
    /// en, fr, it, de or ja.
    public let language: String
    /// A `TicketKind` raw value: incident, serviceRequest, question.
    public let kind: String
    public let subject: String
    public let description: String
    /// Replies from the requester's side, in conversation order.
    public let customerFollowUps: [String]
    /// Public replies from agents, in conversation order.
    public let agentReplies: [String]
    /// Agent-only notes (often in English).
    public let internalNotes: [String]
    /// Names from `DemoCorpus.products` (product, category, subcategory) that fit the case.
    public let product: String
    public let category: String
    public let subcategory: String
    /// An `Urgency` raw value: none, low, serious, critical.
    public let urgency: String

    public init(
        language: String, kind: String, subject: String, description: String,
        customerFollowUps: [String], agentReplies: [String], internalNotes: [String],
        product: String = "", category: String = "", subcategory: String = "", urgency: String = "low"
    ) {
        self.language = language
        self.kind = kind
        self.subject = subject
        self.description = description
        self.customerFollowUps = customerFollowUps
        self.agentReplies = agentReplies
        self.internalNotes = internalNotes
        self.product = product
        self.category = category
        self.subcategory = subcategory
        self.urgency = urgency
    }
}

public enum DemoCorpus {
    public typealias Scenario = DemoScenario

    public static let vendor = "Tandem Cloud"
    public static let languages = ["en", "fr", "it", "de", "ja"]

    // MARK: Organisations and people

    public static let organisations: [DemoOrganisation] = [
        DemoOrganisation(name: "Librairie Étoile", plan: "pro", tier: "standard", language: "fr"),
        DemoOrganisation(name: "Tōkai Logistics", plan: "enterprise", tier: "premium", language: "ja"),
        DemoOrganisation(name: "Brightwater Analytics", plan: "pro", tier: "priority", language: "en"),
        DemoOrganisation(name: "Studio Ferraro & Figli", plan: "trial", tier: "standard", language: "it"),
        DemoOrganisation(name: "Hafenwerk Kühn GmbH", plan: "business", tier: "priority", language: "de"),
        DemoOrganisation(name: "Pebble & Pine Bakery", plan: "free", tier: "standard", language: "en"),
    ]

    public static let customers: [DemoPerson] = [
        DemoPerson(handle: "camille", name: "Camille Lefèvre", email: "camille.lefevre@librairie-etoile.example", orgIndex: 0, organisationAccess: true),
        DemoPerson(handle: "hugo", name: "Hugo Marchand", email: "hugo.marchand@librairie-etoile.example", orgIndex: 0),
        DemoPerson(handle: "elise", name: "Élise Garnier", email: "elise.garnier@librairie-etoile.example", orgIndex: 0),
        DemoPerson(handle: "sato", name: "佐藤 陽翔", email: "sato.haruto@tokai-logistics.example", orgIndex: 1, organisationAccess: true),
        DemoPerson(handle: "tanaka", name: "田中 由紀", email: "tanaka.yuki@tokai-logistics.example", orgIndex: 1),
        DemoPerson(handle: "priya", name: "Priya Raman", email: "priya.raman@brightwater.example", orgIndex: 2, organisationAccess: true),
        DemoPerson(handle: "dan_okafor", name: "Daniel Okafor", email: "dan.okafor@brightwater.example", orgIndex: 2),
        DemoPerson(handle: "meg", name: "Megan O'Leary", email: "megan.oleary@brightwater.example", orgIndex: 2),
        DemoPerson(handle: "giulia", name: "Giulia Ferraro", email: "giulia@studioferraro.example", orgIndex: 3, organisationAccess: true),
        DemoPerson(handle: "marco", name: "Marco Bellini", email: "marco.bellini@studioferraro.example", orgIndex: 3),
        DemoPerson(handle: "juergen", name: "Jürgen Kühn", email: "j.kuehn@hafenwerk-kuehn.example", orgIndex: 4, organisationAccess: true),
        DemoPerson(handle: "lena", name: "Lena Schäfer", email: "l.schaefer@hafenwerk-kuehn.example", orgIndex: 4),
        DemoPerson(handle: "tom", name: "Tom Whitaker", email: "tom@pebbleandpine.example", orgIndex: 5, organisationAccess: true),
        DemoPerson(handle: "aisha", name: "Aisha Khan", email: "aisha@pebbleandpine.example", orgIndex: 5),
    ]

    public static let agents: [DemoPerson] = [
        DemoPerson(handle: "alice", name: "Alice Carter", email: "alice@tandem.example"),
        DemoPerson(handle: "benoit", name: "Benoît Laurent", email: "benoit@tandem.example"),
        DemoPerson(handle: "chiara", name: "Chiara Esposito", email: "chiara@tandem.example"),
        DemoPerson(handle: "kenji", name: "Kenji Mori", email: "kenji@tandem.example"),
    ]

    public static let admins: [DemoPerson] = [
        DemoPerson(handle: "sam", name: "Sam Lindqvist", email: "sam@tandem.example"),
    ]

    // MARK: Products

    public static let products: [DemoProduct] = [
        DemoProduct(name: "Tandem Sync", categories: [
            DemoCategory(name: "Installation", subcategories: ["Windows", "macOS", "Linux"]),
            DemoCategory(name: "Synchronisation", subcategories: ["Conflicts", "Selective sync", "Performance"]),
            DemoCategory(name: "Sign-in", subcategories: ["Password", "SSO"]),
        ]),
        DemoProduct(name: "Tandem Dashboard", categories: [
            DemoCategory(name: "Access", subcategories: ["SSO", "Password reset", "Two-factor"]),
            DemoCategory(name: "Reports", subcategories: ["CSV export", "Scheduled reports"]),
            DemoCategory(name: "Administration", subcategories: ["Seats", "Roles", "Audit log"]),
            DemoCategory(name: "Compliance", subcategories: ["Data residency", "GDPR requests"]),
        ]),
        DemoProduct(name: "Tandem API", categories: [
            DemoCategory(name: "Authentication", subcategories: ["Tokens", "OAuth"]),
            DemoCategory(name: "Limits", subcategories: ["Rate limits", "Quotas"]),
            DemoCategory(name: "Webhooks", subcategories: ["Delivery", "Retries", "Signatures"]),
        ]),
        DemoProduct(name: "Billing Portal", categories: [
            DemoCategory(name: "Invoices", subcategories: ["VAT", "Credit notes", "Payment methods"]),
            DemoCategory(name: "Subscription", subcategories: ["Upgrade", "Downgrade", "Trial", "Cancellation"]),
        ]),
        DemoProduct(name: "Tandem Mobile", categories: [
            DemoCategory(name: "iOS", subcategories: ["Crash", "Notifications", "Offline"]),
            DemoCategory(name: "Android", subcategories: ["Crash", "Notifications", "Offline"]),
        ]),
    ]

    // MARK: Helpers

    public static func scenarios(language: String) -> [DemoScenario] {
        scenarios.filter { $0.language == language }
    }

    public static func customers(ofOrganisation index: Int) -> [DemoPerson] {
        customers.filter { $0.orgIndex == index }
    }

    // MARK: Scenarios

    public static let scenarios: [DemoScenario] = english + french + italian + german + japanese

    static let english: [DemoScenario] = [
        DemoScenario(
            language: "en", kind: "incident",
            subject: "Conflicted copies appear every time two people open the same workbook",
            description: """
                Since Tuesday our finance team gets a "conflicted copy" file almost every time two people have the same workbook open, even when only one of them is editing. We now have eleven versions of the Q3 forecast in the shared folder and nobody is sure which one is current.

                Both machines run Tandem Sync 4.8.1 on macOS 14. Nothing changed on our side as far as I know.
                """,
            customerFollowUps: [
                "Diagnostics attached from both MacBooks. The last conflict was this morning at 09:12 (Europe/London).",
                "Turning off Excel AutoSave on one machine seems to stop it, but that's not really a fix for us.",
                "4.8.2 has been running all day and no new conflicted copies so far 👍",
            ],
            agentReplies: [
                "Thanks for the details. Could you send the sync diagnostics from both Macs (Help → Export diagnostics) and the approximate time of the last conflict?",
                "The logs show both clients uploading the lock file Excel writes when a workbook is opened (~$Forecast Q3.xlsx). Version 4.8.1 treats it as a real change; that's a regression we fixed in 4.8.2, released this afternoon. Please update both machines.",
                "Great to hear. I'll mark this as solved; the old conflicted copies can be deleted once you've checked the current file.",
            ],
            internalNotes: ["Lock-file filter dropped in 4.8.1, see SYNC-2231. Third report this week."],
            product: "Tandem Sync", category: "Synchronisation", subcategory: "Conflicts", urgency: "serious"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "Nobody can sign in with SSO since this morning",
            description: """
                All of our users get an error page when they sign in through Okta. Password login still works for the two admin accounts that have one; everyone else is locked out.

                The error shown after the redirect:

                    SAML response rejected: audience mismatch
                    expected=https://app.tandem.example/saml/t-4471
                    received=https://app.tandem.example/saml/metadata

                We rotated our Okta signing certificate yesterday evening, if that's relevant.
                """,
            customerFollowUps: [
                "The Audience URI in Okta is the one ending in /saml/metadata. It has been like that for two years.",
                "Changed it, three of us tested and it works. Thank you for the quick turnaround 🙏",
                "One more thing: people who were mid-session still see the old error until they clear cookies. Expected?",
            ],
            agentReplies: [
                "I'm escalating this right away. Could you check the Audience URI (SP Entity ID) in your Okta app? It should be https://app.tandem.example/saml/t-4471.",
                "The certificate rotation re-imported our metadata with the generic entity ID. Until last week we accepted both values; since the 3 June release only the tenant-specific one is accepted. Please update the Audience URI in Okta and try again.",
                "Yes, the failed attempt is cached in a cookie for up to an hour. Clearing cookies or using a private window is enough; nothing else to do on your side.",
            ],
            internalNotes: [
                "Release notes for 3 June did not mention the stricter audience check. Raised with product; more tenants likely affected.",
                "Priority tier: first answer within 12 minutes.",
            ],
            product: "Tandem Dashboard", category: "Access", subcategory: "SSO", urgency: "critical"),

        DemoScenario(
            language: "en", kind: "question",
            subject: "VAT number missing on our April invoice",
            description: "Our accountant noticed that the April invoice doesn't show our VAT number, so we can't reclaim the VAT. The number is in our billing profile. Could you reissue the invoice?",
            customerFollowUps: [
                "Yes, we added it at the beginning of May, after the invoice date.",
                "Got the corrected one, thanks. Will the next invoices pick it up automatically?",
            ],
            agentReplies: [
                "Happy to help. Could you confirm when the VAT number was added to the billing profile? Invoices are generated with the details on file at the invoice date.",
                "I've issued a credit note for the April invoice and a replacement that includes your VAT number; both are in Billing Portal → Invoices.",
                "Yes, every invoice from now on will include it.",
            ],
            internalNotes: ["Reissued INV-2024-04-8812 as INV-2024-04-8812-R1, credit note CN-0419."],
            product: "Billing Portal", category: "Invoices", subcategory: "VAT", urgency: "low"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "API returns 429 although we're far below our quota",
            description: """
                Our nightly sync job started failing with HTTP 429 after about 2,000 requests, while the dashboard says our plan allows 50,000 requests per day.

                Response headers from one of the failed calls:

                    HTTP/1.1 429 Too Many Requests
                    X-RateLimit-Limit: 600
                    X-RateLimit-Remaining: 0
                    Retry-After: 37

                Is there a second limit we're not aware of?
                """,
            customerFollowUps: [
                "We run 8 workers in parallel, each as fast as it can go.",
                "Added a token bucket on our side at 8 req/s in total and the job completed in 41 minutes 👍",
            ],
            agentReplies: [
                "There are two limits: the daily quota shown in the dashboard, and a burst limit of 600 requests per minute per token. The headers you pasted are from the burst limit. How many workers does the job run in parallel?",
                "That explains it: eight unthrottled workers easily exceed 10 requests per second. Please honour Retry-After and keep the whole job under 10 req/s. The bulk endpoint /v2/records:batch accepts up to 100 records per call, which cuts the request count a lot.",
                "Great result. I've also asked our docs team to show the burst limit next to the daily quota.",
            ],
            internalNotes: ["Pricing page only mentions the daily quota; filed DOCS-318."],
            product: "Tandem API", category: "Limits", subcategory: "Rate limits", urgency: "serious"),

        DemoScenario(
            language: "en", kind: "serviceRequest",
            subject: "Export link for the activity CSV says \"Access denied\"",
            description: """
                I requested a CSV export of all project activity for 2023 for our auditors. The email arrived, but the link gives "Access denied". This is the link from the email:

                https://exports.tandem.example/v2/download/org_8f3a9c1e/activity-2023-full.csv?expires=1717171200&signature=3b9f0e7c5a1d2e4f6a8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e

                I'm an organisation admin, so I assumed I'd have access.
                """,
            customerFollowUps: [
                "I opened it from our shared mailbox on another laptop, where I'm not signed in to Tandem.",
                "That worked. For next time, is there a way to get a link the auditors can open directly?",
            ],
            agentReplies: [
                "Export links are tied to the session of the person who requested them. Were you signed in to the dashboard in the same browser when you opened the link?",
                "That's it: sign in to the dashboard first, then open the link in the same browser and the file downloads normally. The link stays valid for 7 days.",
                "Not directly, but you can put the file in a Tandem folder and share it with an external link; those support an expiry date and a password.",
            ],
            internalNotes: ["Second ticket this month about this. A clear 'please sign in' page would beat the generic 403."],
            product: "Tandem Dashboard", category: "Reports", subcategory: "CSV export", urgency: "low"),

        DemoScenario(
            language: "en", kind: "serviceRequest",
            subject: "Add 15 seats before Monday's onboarding",
            description: "We have 15 new analysts starting on Monday and need seats for them before 9:00. We currently have 40 seats. Can the extra seats be prorated on the current billing period rather than starting a new one?",
            customerFollowUps: [
                "Perfect, please go ahead. Do I invite them first, or add the seats first?",
                "All 15 accepted their invitations. Thanks for making this painless 🎉",
            ],
            agentReplies: [
                "Yes, additional seats are prorated to your renewal date. You can add them yourself in Billing Portal → Subscription → Seats, or I can do it for you now if you prefer.",
                "Done: 55 seats in total, and the prorated amount will appear on your next invoice. Seats first, then invitations; invitations sent while no seat is free stay pending.",
            ],
            internalNotes: ["Added via admin console at the customer's request; proration checked."],
            product: "Billing Portal", category: "Subscription", subcategory: "Upgrade", urgency: "serious"),

        DemoScenario(
            language: "en", kind: "question",
            subject: "Where exactly is our data stored?",
            description: "Our legal team is reviewing vendors before a contract renewal and wants to know in which countries our files and metadata are stored, backups included. They also ask whether support staff outside the EU can access our data. Is EU-only residency available to us?",
            customerFollowUps: [
                "Thanks. Can an existing organisation move to the EU region, or only new ones?",
                "Understood. Please send the DPA for signature; our legal contact is in copy.",
            ],
            agentReplies: [
                "Organisations created before 2023 are hosted in our US region (Oregon, backups in Virginia). EU residency (Frankfurt, backups in Dublin) is available on Business and Enterprise plans. Support staff only open customer content with your permission, ticket by ticket, and every access appears in your audit log.",
                "Existing organisations can be migrated. It takes one scheduled maintenance window, usually a weekend night, and the sync clients reconnect by themselves afterwards.",
                "The DPA is on its way through our e-signature provider. I'll keep this ticket open until it's signed.",
            ],
            internalNotes: ["Interested in EU residency: flagged to the account manager."],
            product: "Tandem Dashboard", category: "Compliance", subcategory: "Data residency", urgency: "none"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "Password reset email never arrives",
            description: "I forgot my password and requested a reset link three times over the last hour, but nothing arrives, not even in spam. A colleague got hers immediately yesterday.",
            customerFollowUps: [
                "I checked with IT: our mail gateway quarantined them as bulk mail. They've released them now.",
                "Got in, thanks. Sorry for the noise!",
            ],
            agentReplies: [
                "Our mail logs show all three messages were accepted by your mail server (status 250) at 10:02, 10:19 and 10:41. Could you ask your IT team to look at the quarantine of your mail gateway?",
                "No problem at all. Only the newest link works, the older ones have expired. You may also want to ask IT to allow no-reply@tandem.example.",
            ],
            internalNotes: ["Delivered according to the mail provider's logs; nothing to fix on our side."],
            product: "Tandem Dashboard", category: "Access", subcategory: "Password reset", urgency: "low"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "iOS app crashes immediately after updating to 5.2",
            description: """
                Since updating Tandem Mobile to 5.2 this morning the app closes as soon as it opens. I've restarted the phone and reinstalled, same thing. iPhone 13, iOS 17.4.

                From the crash report:

                    Exception Type:  EXC_CRASH (SIGKILL)
                    Termination Reason: FRONTBOARD 2343432205
                    Triggered by Thread: 0
                    0  TandemMobile  OfflineStore.migrate(from:) + 412
                """,
            customerFollowUps: [
                "About 3,800 files are marked for offline use, mostly PDFs.",
                "Any news? I need the offline files on site tomorrow.",
                "5.2.1 installed, it opens fine and the offline files are all there 🎉",
            ],
            agentReplies: [
                "Thank you for the crash report, it helps a lot. The app is stopped by iOS because it takes too long to start: the offline store migration runs at launch. Roughly how many files do you keep available offline?",
                "That matches what we see: with several thousand offline files the migration exceeds the launch time limit. Version 5.2.1 moves it to the background and is in App Store review now.",
                "5.2.1 is available in the App Store. Please update and tell me whether it starts normally.",
            ],
            internalNotes: ["MOB-1422: affects users with more than ~2k offline files. Hotfix 5.2.1."],
            product: "Tandem Mobile", category: "iOS", subcategory: "Crash", urgency: "serious"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "Webhook retries are flooding our endpoint",
            description: "Our endpoint was down for 20 minutes during a deploy yesterday, and since then we receive the same events over and over, hundreds per minute. The endpoint returns 200 now, so we don't understand why the retries continue. Could you stop them, or tell us what we're doing wrong?",
            customerFollowUps: [
                "Our handler does respond 200, but only after it has processed the event, which can take 10-20 s for big payloads.",
                "Moved processing to a queue; we now acknowledge in about 50 ms. Retries stopped within a few minutes.",
            ],
            agentReplies: [
                "Our delivery logs show your endpoint answering after more than 10 seconds, which the sender treats as a timeout and retries with backoff. Does your handler process the event before it responds?",
                "That's the cause: we expect a 2xx within 10 seconds. Acknowledge first and process asynchronously, and use the X-Tandem-Delivery-Id header to drop events you have already received.",
                "Glad it's sorted. I've cleared the remaining retry queue for your endpoint.",
            ],
            internalNotes: ["Cleared 14,212 pending deliveries for endpoint wh_31c7 by hand."],
            product: "Tandem API", category: "Webhooks", subcategory: "Retries", urgency: "serious"),

        DemoScenario(
            language: "en", kind: "serviceRequest",
            subject: "⚠️ API token pushed to a public GitHub repository",
            description: """
                One of our developers pushed a config file containing a production API token to a public repository about 30 minutes ago. We've deleted the repository, but we have to assume the token is compromised.

                Token fingerprint shown in the dashboard: sha256:4e1b7c9a2f03d58e6b1a9c7d2e5f8a0b3c6d9e2f5a8b1c4d7e0f3a6b9c2d5e8f

                Please revoke it and tell us whether anyone else used it.
                """,
            customerFollowUps: [
                "Revoking it broke our billing integration, which used the same token. Is there a grace period?",
                "New tokens are deployed. Can you confirm nothing else was accessed?",
                "Thank you, that's a relief 🙏",
            ],
            agentReplies: [
                "Revoke it now in Dashboard → API → Tokens; I've also blocked it on our side, so it's rejected everywhere within a minute. I'm pulling the access logs for the token.",
                "No grace period for a compromised token, sorry. Please create one token per integration so each can be rotated on its own.",
                "The access logs for the last 48 hours show requests from your two known IP ranges only, and nothing after the revocation.",
            ],
            internalNotes: [
                "Edge logs for fingerprint 4e1b…5e8f: only 203.0.113.0/24 and 198.51.100.0/24.",
                "Ask product again about joining GitHub secret scanning (PRD-77).",
            ],
            product: "Tandem API", category: "Authentication", subcategory: "Tokens", urgency: "critical"),

        DemoScenario(
            language: "en", kind: "question",
            subject: "Can we pay by bank transfer instead of card?",
            description: "Our company card is being replaced and our finance department would prefer to pay by bank transfer from now on. Is that possible, and do we need to change anything in the billing portal?",
            customerFollowUps: [
                "We pay monthly at the moment. Would switching to annual be a problem in the middle of a month?",
                "OK, annual it is then. Thanks for explaining!",
            ],
            agentReplies: [
                "Bank transfer is available for annual subscriptions. Monthly subscriptions need a card or a SEPA direct debit.",
                "Not at all: the switch happens at your next renewal date, and the unused part of the current month is credited. The option is under Billing Portal → Subscription → Billing cycle.",
            ],
            internalNotes: ["Check that the invoice template shows the GBP bank details for UK customers."],
            product: "Billing Portal", category: "Invoices", subcategory: "Payment methods", urgency: "none"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "Linux client stops syncing: \"inotify watch limit reached\"",
            description: """
                The Linux client on our build server syncs for a few minutes after it starts and then stops. The log says:

                    [2024-06-11 08:14:03] WARN  watcher: inotify watch limit reached (8192)
                    [2024-06-11 08:14:03] ERROR sync: falling back to polling failed: too many open files

                The synced folder has roughly 120,000 files in many small directories.
                """,
            customerFollowUps: [
                "Ran the commands; the limit now shows 524288. Restarted tandem-sync.",
                "Stable for 24 hours now. Maybe worth a line in the install docs?",
            ],
            agentReplies: [
                """
                The default inotify limit on many distributions is too low for large trees. Please raise it and restart the client:

                    sudo sysctl fs.inotify.max_user_watches=524288
                    echo 'fs.inotify.max_user_watches=524288' | sudo tee /etc/sysctl.d/90-tandem.conf
                """,
                "Good. On a headless server you can also leave build output folders out with selective sync, which keeps the number of watched directories down.",
                "Agreed, I've passed it on to the docs team.",
            ],
            internalNotes: ["DOCS-322: the Linux install page should mention inotify limits."],
            product: "Tandem Sync", category: "Installation", subcategory: "Linux", urgency: "serious"),

        DemoScenario(
            language: "en", kind: "serviceRequest",
            subject: "Read-only access for a contractor to two projects",
            description: "We're working with an external designer for the next three months. She needs to see two projects (Harbour Rebrand and Spring Catalogue) but must not edit or delete anything, nor see our other projects. What's the best way to set that up?",
            customerFollowUps: [
                "Does a guest use one of our paid seats?",
                "Done, she sees exactly those two. Can I set an end date so we don't forget to remove her?",
            ],
            agentReplies: [
                "Invite her as a guest from Administration → Members, then add her to each project with the Viewer role. Guests only see the projects they're explicitly added to.",
                "Guests with the Viewer role don't use a seat; you can have up to 50 of them.",
                "Yes: on her member page, set \"Access expires\" to the end date. She'll be removed automatically, and you'll get a reminder a week before.",
            ],
            internalNotes: ["They may hit the 50-guest cap soon (44 now)."],
            product: "Tandem Dashboard", category: "Administration", subcategory: "Roles", urgency: "low"),

        DemoScenario(
            language: "en", kind: "question",
            subject: "What happens to our files if we downgrade to the free plan?",
            description: "Business is slow this winter, so we're thinking of downgrading for a few months. We have about 60 GB of photos and documents stored. Would anything be deleted? 🙏",
            customerFollowUps: [
                "So nothing is deleted, but we can't add new files until we're under 5 GB?",
                "Clear, thank you. We'll probably tidy up first and then downgrade.",
            ],
            agentReplies: [
                "Nothing is deleted when you downgrade. The free plan includes 5 GB; above that the account becomes read-only for uploads, but everything stays visible and downloadable. Version history is kept for 30 days instead of 180.",
                "Exactly. And when you upgrade again, uploads resume immediately; there is nothing to restore.",
            ],
            internalNotes: ["Churn risk, small account. A seasonal discount is possible if they ask."],
            product: "Billing Portal", category: "Subscription", subcategory: "Downgrade", urgency: "none"),

        DemoScenario(
            language: "en", kind: "incident",
            subject: "No push notifications on Android 14 since last week",
            description: "I no longer get notifications for comments and shares on my Pixel 7 (Android 14). They still work on my iPad with the same account, and notifications are enabled in the app settings.",
            customerFollowUps: [
                "The battery setting was \"Optimised\". Changed it to \"Unrestricted\".",
                "Still nothing after two days, unfortunately.",
                "Signed out and back in: notifications are back 👍",
            ],
            agentReplies: [
                "Android 14 is stricter with background apps. Could you open Settings → Apps → Tandem → Battery and choose Unrestricted?",
                "Thanks for trying. Our logs show your device's push token hasn't been refreshed since 2 June, so notifications go to a stale token. Signing out of the app and back in registers a new one.",
                "Great! The next release fixes the token refresh, so this shouldn't happen again.",
            ],
            internalNotes: ["MOB-1437: push token refresh not saved after an app update on Android 14."],
            product: "Tandem Mobile", category: "Android", subcategory: "Notifications", urgency: "low"),

        DemoScenario(
            language: "en", kind: "question",
            subject: "Charged twice for March",
            description: "Our card statement shows two charges of $480.00 from Tandem Cloud on 1 March, but there's only one invoice in the billing portal. Please refund the duplicate.",
            customerFollowUps: [
                "The references on both charges start with TND-0301.",
                "Refund received today, thank you.",
            ],
            agentReplies: [
                "I'm sorry about that. I see one successful charge and one authorisation that the bank should have released. Could you send the references shown on your statement?",
                "Confirmed: the second charge was captured by mistake during a retry at our payment provider. I've refunded it; it usually takes 5 to 10 business days to show up.",
            ],
            internalNotes: ["Payment provider incident on 1 March, 37 duplicate captures. Refund ref re_3Ox91."],
            product: "Billing Portal", category: "Invoices", subcategory: "Credit notes", urgency: "serious"),
    ]

    static let french: [DemoScenario] = [
        DemoScenario(
            language: "fr", kind: "question",
            subject: "Facture : numéro de TVA intracommunautaire erroné",
            description: """
                Bonjour,

                Notre facture de mai indique le numéro de TVA FR 12 345678901, alors que le bon numéro est FR 21 345678901 (les deux premiers chiffres sont inversés). Notre expert-comptable refuse la facture en l'état.

                Pourriez-vous nous envoyer une facture corrigée ? Merci d'avance.
                """,
            customerFollowUps: [
                "Je viens de corriger le numéro dans le profil de facturation : c'était bien une faute de frappe de notre côté.",
                "Facture reçue, tout est en ordre. Merci beaucoup 🙏",
            ],
            agentReplies: [
                "Bonjour, le numéro figurant sur la facture est celui enregistré dans votre profil de facturation. Pouvez-vous le corriger dans le portail (Facturation → Profil) ? Je régénérerai ensuite la facture.",
                "Merci ! J'ai émis un avoir pour la facture de mai et une nouvelle facture avec le bon numéro de TVA ; les deux sont disponibles dans le portail de facturation.",
            ],
            internalNotes: ["Customer fixed the VAT ID typo; May invoice reissued. VIES check OK."],
            product: "Billing Portal", category: "Invoices", subcategory: "VAT", urgency: "low"),

        DemoScenario(
            language: "fr", kind: "incident",
            subject: "Fichiers en double après chaque synchronisation",
            description: "Depuis la mise à jour du client de synchronisation, chaque fichier du dossier « Commandes fournisseurs » apparaît en double, avec le suffixe « (copie en conflit) ». Nous sommes trois à travailler sur ces fichiers, mais jamais en même temps. Le problème touche nos trois postes Windows.",
            customerFollowUps: [
                "Les trois postes ont la version 4.8.1. Je vous envoie les journaux.",
                "La 4.8.2 est installée partout, plus aucun doublon depuis hier. Peut-on supprimer les copies sans risque ?",
            ],
            agentReplies: [
                "Bonjour, merci pour votre message. Pouvez-vous m'indiquer la version du client (Aide → À propos) et m'envoyer les journaux de diagnostic d'un des postes ?",
                "Il s'agit d'un défaut connu de la version 4.8.1, qui prend les fichiers de verrouillage créés par Excel pour des modifications. La version 4.8.2, disponible depuis ce matin, corrige le problème.",
                "Oui, une fois que vous avez vérifié que le fichier d'origine est à jour, les copies en conflit peuvent être supprimées. Elles restent de toute façon 30 jours dans la corbeille.",
            ],
            internalNotes: ["Same 4.8.1 lock-file regression (SYNC-2231)."],
            product: "Tandem Sync", category: "Synchronisation", subcategory: "Conflicts", urgency: "serious"),

        DemoScenario(
            language: "fr", kind: "serviceRequest",
            subject: "Deux postes supplémentaires pour la période des fêtes",
            description: "Nous recrutons deux libraires en renfort du 1er décembre au 15 janvier. Est-il possible d'ajouter deux postes pour cette période seulement, puis de revenir à notre nombre actuel sans frais ?",
            customerFollowUps: [
                "Et si j'oublie de les retirer le 15 janvier ?",
                "Parfait, c'est programmé. Joyeuses fêtes à toute l'équipe 🎉",
            ],
            agentReplies: [
                "Bonjour, oui : les postes ajoutés en cours de période sont facturés au prorata, et vous pouvez les retirer quand vous voulez. Le retrait prend effet au renouvellement suivant.",
                "Vous pouvez programmer le retrait dès maintenant : Portail de facturation → Abonnement → Postes → « Réduire à la date… ». Un rappel vous sera envoyé une semaine avant.",
            ],
            internalNotes: ["Customer didn't know about scheduled seat reductions: worth a French help-centre article."],
            product: "Billing Portal", category: "Subscription", subcategory: "Upgrade", urgency: "low"),

        DemoScenario(
            language: "fr", kind: "incident",
            subject: "Le client de synchronisation me redemande sans cesse mon mot de passe",
            description: "Depuis que j'ai changé mon mot de passe hier, le client de synchronisation me demande de me reconnecter toutes les deux minutes. Le nouveau mot de passe fonctionne parfaitement sur le site web. J'utilise Windows 11.",
            customerFollowUps: [
                "J'ai trouvé deux entrées « tandem » dans le Gestionnaire d'identifiants.",
                "Après suppression des deux entrées et reconnexion, tout fonctionne. Merci !",
            ],
            agentReplies: [
                "Bonjour, l'ancien mot de passe est probablement encore enregistré dans Windows. Pouvez-vous ouvrir Panneau de configuration → Gestionnaire d'identifiants → Informations d'identification Windows et chercher les entrées commençant par « tandem » ?",
                "Supprimez-les toutes les deux, puis quittez et relancez le client : il vous demandera de vous connecter une seule fois et enregistrera le nouveau mot de passe.",
            ],
            internalNotes: ["Known issue: the client keeps a stale credential after a 401 (SYNC-2107)."],
            product: "Tandem Sync", category: "Sign-in", subcategory: "Password", urgency: "low"),

        DemoScenario(
            language: "fr", kind: "serviceRequest",
            subject: "Export CSV : accents illisibles dans Excel",
            description: """
                Quand j'ouvre l'export CSV de notre catalogue dans Excel, les accents sont remplacés par des caractères bizarres : « RÃ©sumÃ© » au lieu de « Résumé », « Ã‰toile » au lieu de « Étoile ».

                Dans LibreOffice, le même fichier s'affiche correctement.
                """,
            customerFollowUps: [
                "L'option « UTF-8 avec BOM » a réglé le problème, merci 👍",
                "Peut-on en faire l'option par défaut pour toute l'équipe ?",
            ],
            agentReplies: [
                "Bonjour, le fichier est bien en UTF-8, mais Excel suppose un autre encodage quand le fichier ne commence pas par un marqueur. Dans la fenêtre d'export, choisissez « UTF-8 avec BOM » dans le menu Encodage : Excel l'ouvrira alors correctement.",
                "Oui : Administration → Préférences de l'organisation → Exports → Encodage par défaut.",
            ],
            internalNotes: ["Third BOM question this quarter. Default to BOM for fr/de/it locales?"],
            product: "Tandem Dashboard", category: "Reports", subcategory: "CSV export", urgency: "low"),

        DemoScenario(
            language: "fr", kind: "serviceRequest",
            subject: "Suppression des données d'une ancienne salariée (RGPD)",
            description: "Une ancienne salariée, partie en mars, nous demande l'effacement de ses données personnelles au titre du RGPD. Son compte a été désactivé mais pas supprimé. Comment procéder pour que ses données soient effacées, sauvegardes comprises ?",
            customerFollowUps: [
                "Que deviennent les fichiers qu'elle a créés dans les dossiers partagés ?",
                "Compte supprimé. Pouvez-vous nous confirmer par écrit la date d'effacement des sauvegardes ?",
            ],
            agentReplies: [
                "Bonjour, un administrateur peut supprimer définitivement le compte depuis Administration → Membres → (le compte) → Supprimer. Les données personnelles sont effacées immédiatement de la base, et des sauvegardes sous 35 jours.",
                "Les fichiers des dossiers partagés appartiennent à l'organisation : ils sont conservés et attribués à l'administrateur qui supprime le compte. Son profil, ses commentaires et son historique de connexion sont anonymisés.",
                "Bien sûr : la suppression a été enregistrée le 12 juin et l'effacement des sauvegardes sera effectif au plus tard le 17 juillet. Je vous envoie l'attestation par e-mail.",
            ],
            internalNotes: ["Sent the French GDPR deletion certificate."],
            product: "Tandem Dashboard", category: "Compliance", subcategory: "GDPR requests", urgency: "low"),

        DemoScenario(
            language: "fr", kind: "incident",
            subject: "L'appli mobile se ferme dès que j'ouvre une photo",
            description: "Sur mon iPhone, l'application se ferme dès que j'appuie sur une photo du dossier « Vitrine ». Les PDF s'ouvrent sans problème. Les photos viennent d'un appareil reflex et pèsent entre 25 et 40 Mo.",
            customerFollowUps: [
                "iPhone SE (2e génération), iOS 17.5, application 5.2.1.",
                "Avec la 5.2.2, les photos s'ouvrent, un peu lentement mais sans plantage. Merci !",
            ],
            agentReplies: [
                "Bonjour, merci du signalement. Pouvez-vous m'indiquer le modèle de l'iPhone ainsi que les versions d'iOS et de l'application ?",
                "Nous avons reproduit le problème : sur les appareils dotés de 3 Go de mémoire, l'aperçu des très grandes images dépasse la limite imposée par iOS. La version 5.2.2, qui affiche d'abord une image réduite, sort en fin de semaine.",
                "Merci pour votre retour. Je clos le ticket ; n'hésitez pas à nous écrire si le problème réapparaît.",
            ],
            internalNotes: ["MOB-1451: memory spike decoding large JPEGs on 3 GB devices."],
            product: "Tandem Mobile", category: "iOS", subcategory: "Crash", urgency: "serious"),
    ]

    static let italian: [DemoScenario] = [
        DemoScenario(
            language: "it", kind: "question",
            subject: "Cosa succede alla fine del periodo di prova?",
            description: "Buongiorno, il nostro periodo di prova scade tra cinque giorni. Se non inseriamo subito una carta di credito perdiamo i file caricati? Vorremmo prima confrontare i costi con il nostro commercialista.",
            customerFollowUps: [
                "Quindi abbiamo in tutto 30 giorni dopo la scadenza per decidere?",
                "Perfetto, grazie mille per la chiarezza!",
            ],
            agentReplies: [
                "Buongiorno, alla scadenza della prova l'account passa in sola lettura: nessun file viene cancellato e potete continuare a scaricarli. Potete attivare un piano in qualsiasi momento.",
                "Esatto: dopo 30 giorni in sola lettura riceverete un ultimo avviso, e i dati vengono eliminati solo 60 giorni dopo la scadenza. Se vi serve più tempo per valutare, posso anche prolungare la prova di una settimana.",
            ],
            internalNotes: ["Offered a 7-day trial extension; approve if they ask."],
            product: "Billing Portal", category: "Subscription", subcategory: "Trial", urgency: "none"),

        DemoScenario(
            language: "it", kind: "incident",
            subject: "Sincronizzazione lentissima con i file CAD",
            description: """
                La sincronizzazione dei nostri progetti è diventata lentissima: un file DWG da 180 MB impiega quasi un'ora a caricarsi, mentre la nostra connessione in upload è di 100 Mbit/s. Il problema riguarda tutti e quattro i PC dello studio.

                Test di velocità dallo stesso PC:

                    Download: 487 Mbit/s
                    Upload:    96 Mbit/s
                    Ping:      11 ms
                """,
            customerFollowUps: [
                "Sì, c'era un limite di 1 MB/s: l'aveva impostato un tecnico l'anno scorso.",
                "Tolto il limite, lo stesso file ora si carica in meno di un minuto. Grazie! 👍",
            ],
            agentReplies: [
                "Buongiorno, dai log vedo che il client carica a circa 1 MB/s costanti, il che fa pensare a un limite impostato. Può controllare in Preferenze → Rete → Limite di banda in upload?",
                "Ottimo! Se il limite serviva a non saturare la linea durante le videochiamate, può sceglierlo in modalità «automatica»: il client rallenta solo quando la rete è occupata.",
            ],
            internalNotes: ["Upload throttled to 1 MB/s in the local settings. No bug."],
            product: "Tandem Sync", category: "Synchronisation", subcategory: "Performance", urgency: "serious"),

        DemoScenario(
            language: "it", kind: "serviceRequest",
            subject: "Collaboratore esterno con accesso a un solo progetto",
            description: "Per il restauro di Palazzo Gualtieri lavoriamo con uno studio di ingegneria esterno. Vorremmo che potessero caricare e modificare i file di quel solo progetto, senza vedere il resto. È possibile anche durante la prova?",
            customerFollowUps: [
                "Un ospite con ruolo «Editor» occupa una licenza?",
                "Chiaro, procediamo così. Grazie!",
            ],
            agentReplies: [
                "Sì, anche durante la prova. Invitate il collaboratore come ospite da Amministrazione → Membri e aggiungetelo al progetto con il ruolo «Editor». Gli ospiti vedono solo i progetti a cui sono stati aggiunti.",
                "Sì: gli ospiti con ruolo Editor occupano una licenza, quelli con ruolo Lettore no. Durante la prova avete fino a 10 licenze incluse.",
            ],
            internalNotes: ["Trial organisation, 3 of 10 seats used."],
            product: "Tandem Dashboard", category: "Administration", subcategory: "Roles", urgency: "low"),

        DemoScenario(
            language: "it", kind: "incident",
            subject: "Il link per reimpostare la password risulta scaduto",
            description: "Ho chiesto di reimpostare la password e ho cliccato subito sul link nell'e-mail, ma la pagina dice «Link scaduto o già utilizzato». Ho riprovato due volte, sempre lo stesso errore.",
            customerFollowUps: [
                "Sì, usiamo Outlook aziendale.",
                "Con il codice è andato tutto bene, sono riuscito ad accedere. Grazie 🙏",
            ],
            agentReplies: [
                "Buongiorno, alcuni sistemi di posta aziendali (per esempio Outlook con la protezione dei link attiva) aprono i link in automatico per controllarli, e così il link monouso risulta già utilizzato. Usate Outlook o un filtro antispam aziendale?",
                "Allora è quasi certamente questo. Le ho inviato un nuovo messaggio con un codice di 6 cifre: può inserirlo nella pagina di reimpostazione invece di cliccare il link.",
            ],
            internalNotes: ["Link scanners consume one-time tokens. AUTH-502: require a button click on the reset page."],
            product: "Tandem Dashboard", category: "Access", subcategory: "Password reset", urgency: "low"),

        DemoScenario(
            language: "it", kind: "question",
            subject: "Fattura elettronica e codice destinatario SDI",
            description: """
                Buongiorno,

                per la contabilità abbiamo bisogno che le fatture arrivino tramite il Sistema di Interscambio. Dove possiamo inserire il nostro codice destinatario e la PEC? Nel portale di fatturazione non trovo il campo.

                Grazie
                """,
            customerFollowUps: [
                "Ma quindi la fattura non deve passare dallo SDI?",
                "Ok, ne parlo con il commercialista. Grazie della spiegazione.",
            ],
            agentReplies: [
                "Buongiorno, Tandem Cloud ha sede fuori dall'Italia, quindi le nostre fatture non vengono trasmesse tramite SDI: sono fatture estere in reverse charge, disponibili in PDF nel portale.",
                "Da parte nostra non c'è invio tramite SDI. Di solito è il commercialista a registrare la fattura estera e a fare l'eventuale integrazione dal vostro lato. Se utile, possiamo riportare in fattura anche il vostro codice fiscale.",
            ],
            internalNotes: ["Not tax advice: keep the wording neutral. Reverse-charge mention is on the template."],
            product: "Billing Portal", category: "Invoices", subcategory: "VAT", urgency: "none"),

        DemoScenario(
            language: "it", kind: "incident",
            subject: "Webhook non ricevuti dopo il rinnovo del certificato",
            description: """
                Da quando abbiamo rinnovato il certificato HTTPS del nostro server, i webhook non arrivano più. Nel pannello vediamo solo errori come questo:

                    delivery failed: x509: certificate signed by unknown authority

                Il certificato è valido: il sito si apre senza avvisi nel browser.
                """,
            customerFollowUps: [
                "Abbiamo controllato: il server inviava solo il certificato finale, senza l'intermedio.",
                "Aggiunta la catena completa, ora i webhook arrivano regolarmente.",
            ],
            agentReplies: [
                """
                Buongiorno, i browser spesso completano da soli la catena di certificati, mentre il nostro sistema di invio richiede che il server presenti anche il certificato intermedio. Potete verificarlo con:

                    openssl s_client -connect hooks.studioferraro.example:443 -showcerts
                """,
                "Perfetto. Gli eventi non consegnati negli ultimi 3 giorni si possono reinviare da Dashboard → API → Webhook → Consegne non riuscite → «Reinvia tutto».",
            ],
            internalNotes: ["Incomplete chain. The delivery log could hint at missing intermediates."],
            product: "Tandem API", category: "Webhooks", subcategory: "Delivery", urgency: "serious"),
    ]

    static let german: [DemoScenario] = [
        DemoScenario(
            language: "de", kind: "incident",
            subject: "SSO-Anmeldung über Microsoft Entra ID schlägt fehl",
            description: """
                Seit heute früh können sich unsere Mitarbeitenden nicht mehr per SSO anmelden. Nach der Weiterleitung erscheint die Meldung:

                    AADSTS50011: The redirect URI 'https://app.tandem.example/oauth/callback' specified in the request does not match the redirect URIs configured for the application.

                An der Konfiguration in Entra ID haben wir nichts geändert. Betroffen sind rund 120 Personen.
                """,
            customerFollowUps: [
                "In Entra ID ist nur https://app.tandem.example/sso/callback eingetragen.",
                "Neue URI ergänzt, die Anmeldung funktioniert wieder. Vielen Dank für die schnelle Hilfe!",
                "Hätten wir über diese Änderung nicht vorab informiert werden müssen?",
            ],
            agentReplies: [
                "Guten Tag, wir kümmern uns sofort darum. Welche Redirect-URIs sind in Ihrer App-Registrierung in Entra ID hinterlegt?",
                "Danke. Mit dem heutigen Release wurde der Callback-Pfad vereinheitlicht; die alte URI hätte weiter funktionieren sollen, tut es aber bei eigener App-Registrierung nicht. Bitte ergänzen Sie https://app.tandem.example/oauth/callback als zusätzliche Redirect-URI, die alte kann bestehen bleiben.",
                "Da haben Sie recht, und dafür entschuldigen wir uns. Die alte URI wird heute Abend wieder unterstützt, und Änderungen dieser Art kündigen wir künftig mindestens 30 Tage vorher an.",
            ],
            internalNotes: [
                "Regression from release 2024.23: callback alias missing. Post-mortem INC-88.",
                "Priority tier; account manager informed.",
            ],
            product: "Tandem Dashboard", category: "Access", subcategory: "SSO", urgency: "critical"),

        DemoScenario(
            language: "de", kind: "question",
            subject: "Datenstandort und Auftragsverarbeitungsvertrag (AVV)",
            description: "Für unser Datenschutz-Audit benötigen wir eine Bestätigung, dass sämtliche Daten einschließlich Backups und Logdateien ausschließlich in der EU gespeichert werden. Außerdem bitten wir um den aktuellen AVV und die Liste der Unterauftragsverarbeiter.",
            customerFollowUps: [
                "Gilt das auch für Supportanfragen wie diese hier?",
                "Danke, der AVV ist unterschrieben zurück 👍",
            ],
            agentReplies: [
                "Guten Tag, Ihre Organisation liegt in unserer EU-Region (Frankfurt, Backups in Dublin); auch Logdateien verlassen die EU nicht. Den AVV und die Liste der Unterauftragsverarbeiter habe ich Ihnen per E-Mail zur Signatur geschickt.",
                "Ja, auch Supportanfragen werden in der EU gespeichert. Ein Teil unseres Support-Teams arbeitet aus Kanada; auf Inhalte Ihrer Organisation greift es nur mit Ihrer ausdrücklichen Zustimmung zu, und jeder Zugriff steht im Audit-Log.",
            ],
            internalNotes: ["Canada has an EU adequacy decision; mention it if they ask."],
            product: "Tandem Dashboard", category: "Compliance", subcategory: "Data residency", urgency: "none"),

        DemoScenario(
            language: "de", kind: "incident",
            subject: "API liefert beim nächtlichen Import 429-Fehler",
            description: "Unser nächtlicher Import aus der Warenwirtschaft bricht seit Montag nach etwa 15 Minuten mit HTTP 429 ab. Bisher lief er problemlos. Wir importieren rund 40.000 Datensätze pro Nacht über /v2/records.",
            customerFollowUps: [
                "Wir senden jeden Datensatz einzeln. Seit Montag sind es durch einen neuen Lieferanten etwa doppelt so viele.",
                "Batch-Endpunkt eingebaut, der Import läuft jetzt in 6 Minuten durch. Top!",
            ],
            agentReplies: [
                "Guten Tag, der Fehler 429 bedeutet, dass das Burst-Limit von 600 Anfragen pro Minute erreicht wurde. Senden Sie die Datensätze einzeln oder gebündelt?",
                "Dann empfehle ich den Batch-Endpunkt /v2/records:batch mit bis zu 100 Datensätzen pro Anfrage; das senkt die Zahl der Anfragen um den Faktor 100. Bitte werten Sie außerdem den Header Retry-After aus.",
            ],
            internalNotes: ["No change on our side; the customer's volume doubled."],
            product: "Tandem API", category: "Limits", subcategory: "Rate limits", urgency: "serious"),

        DemoScenario(
            language: "de", kind: "serviceRequest",
            subject: "Wechsel zu Enterprise mit Rechnung auf Bestellnummer",
            description: "Wir möchten zum nächsten Quartal in den Enterprise-Tarif wechseln. Unsere Buchhaltung braucht dafür auf jeder Rechnung unsere Bestellnummer (PO-2024-0815) sowie Zahlung per Überweisung mit 30 Tagen Zahlungsziel. Ist das möglich?",
            customerFollowUps: [
                "Ja, gern. Bitte schicken Sie das Angebot an einkauf@hafenwerk-kuehn.example.",
                "Angebot ist unterschrieben, danke!",
            ],
            agentReplies: [
                "Guten Tag, ja: Im Enterprise-Tarif sind Überweisung mit 30 Tagen Zahlungsziel und eine Bestellnummer auf der Rechnung möglich. Ich lasse Ihnen ein Angebot erstellen; soll es an Ihre Einkaufsadresse gehen?",
                "Das Angebot ist unterwegs. Die Bestellnummer können Sie künftig auch selbst unter Abrechnungsportal → Profil → Referenz ändern.",
                "Vielen Dank! Die Umstellung erfolgt automatisch zum 1. Oktober.",
            ],
            internalNotes: ["Handed to sales (deal 4471). The 'Referenz' field exists on all paid plans."],
            product: "Billing Portal", category: "Subscription", subcategory: "Upgrade", urgency: "low"),

        DemoScenario(
            language: "de", kind: "incident",
            subject: "Sync-Client startet nach Windows-Update nicht mehr",
            description: """
                Nach dem letzten kumulativen Windows-Update startet der Sync-Client auf etwa der Hälfte unserer Rechner nicht mehr. Das Symbol erscheint kurz und verschwindet wieder.

                In der Ereignisanzeige steht:

                    Name der fehlerhaften Anwendung: TandemSync.exe
                    Ausnahmecode: 0xc0000135
                """,
            customerFollowUps: [
                "Auf allen betroffenen Rechnern wurde das Juni-Update installiert, auf den anderen noch nicht.",
                "Nach der Installation der Runtime läuft der Client wieder. Können Sie die nicht im Installer mitliefern?",
            ],
            agentReplies: [
                "Guten Tag, 0xc0000135 bedeutet, dass eine benötigte DLL fehlt, meistens die Visual-C++-Laufzeitumgebung. Welche Updates wurden auf den betroffenen Rechnern zuletzt installiert?",
                """
                Bitte installieren Sie die Visual C++ Redistributable (x64) neu, zum Beispiel über Ihre Softwareverteilung:

                    winget install --id Microsoft.VCRedist.2015+.x64 --silent
                """,
                "Gute Idee: Ab Version 4.9 bringt der MSI-Installer die Laufzeitumgebung selbst mit. Bis dahin hilft der obige Befehl.",
            ],
            internalNotes: ["SYNC-2240: bundle the VC++ runtime in the MSI (planned for 4.9)."],
            product: "Tandem Sync", category: "Installation", subcategory: "Windows", urgency: "serious"),

        DemoScenario(
            language: "de", kind: "serviceRequest",
            subject: "Wöchentlichen Bericht an weitere Empfänger senden",
            description: "Der wöchentliche Aktivitätsbericht geht derzeit nur an mich. Bitte senden Sie ihn zusätzlich an unsere drei Teamleitungen, die keine Administratorrechte haben.",
            customerFollowUps: [
                "Brauchen die Empfänger dafür ein eigenes Konto?",
                "Passt so, danke!",
            ],
            agentReplies: [
                "Guten Tag, das können Sie selbst einstellen: Berichte → Geplante Berichte → Wöchentliche Aktivität → Empfänger. Oder soll ich das für Sie übernehmen?",
                "Nein, Empfänger können auch externe Adressen sein. Bedenken Sie aber, dass der Bericht Projektnamen enthält, die dann außerhalb Ihres Kontos sichtbar sind.",
            ],
            internalNotes: ["Guidance only, nothing changed on our side."],
            product: "Tandem Dashboard", category: "Reports", subcategory: "Scheduled reports", urgency: "none"),
    ]

    static let japanese: [DemoScenario] = [
        DemoScenario(
            language: "ja", kind: "incident",
            subject: "オフラインで入力したデータが同期後に消えました",
            description: "倉庫内は電波が届かないため、Android アプリのオフラインモードで検品メモを入力しています。昨日、事務所に戻って同期したところ、午後に入力したメモ12件が消えてしまいました。端末は Galaxy Tab A8、アプリのバージョンは 5.2.0 です。",
            customerFollowUps: [
                "はい、同期の前にアプリを一度強制終了しました。",
                "5.2.1 に更新し、テストでは問題なく同期できました。消えたメモは復元できますか？",
                "復元されたことを確認しました。ありがとうございました 🙏",
            ],
            agentReplies: [
                "ご不便をおかけして申し訳ございません。同期の前に、アプリを終了したり端末を再起動したりしましたか？",
                "ありがとうございます。5.2.0 には、オフライン中にアプリを強制終了すると未送信のデータが一時フォルダーに残ったままになる不具合がありました。5.2.1 で修正済みですので、更新をお願いいたします。",
                "端末の一時フォルダーに残っていたデータを取り込み、12件すべて復元いたしました。ご確認ください。",
            ],
            internalNotes: ["MOB-1440: offline queue lost on force-stop (5.2.0). Recovered 12 notes from the diagnostics upload."],
            product: "Tandem Mobile", category: "Android", subcategory: "Offline", urgency: "serious"),

        DemoScenario(
            language: "ja", kind: "question",
            subject: "請求書の宛名と登録番号について",
            description: "経理部から、請求書の宛名を「東海ロジスティクス株式会社 経理部」に変更したいとの依頼がありました。あわせて、インボイス制度の登録番号が請求書に記載されているか確認させてください。",
            customerFollowUps: [
                "宛名の変更は次回の請求書から反映されますか？",
                "承知しました。ご対応ありがとうございます。",
            ],
            agentReplies: [
                "お問い合わせありがとうございます。宛名は請求ポータルの「請求先情報」から変更いただけます。弊社の登録番号は、すべての請求書の右上に記載しております。",
                "はい、次回発行分から反映されます。過去の請求書の再発行が必要な場合は、対象の月をお知らせください。",
            ],
            internalNotes: ["Check that the registration number on the JP invoice template is current."],
            product: "Billing Portal", category: "Invoices", subcategory: "VAT", urgency: "none"),

        DemoScenario(
            language: "ja", kind: "incident",
            subject: "Webhook の署名検証が失敗します",
            description: """
                新しく作成した Webhook エンドポイントで、すべてのリクエストの署名検証が失敗します。検証のコードは次のとおりです。

                    expected = hmac_sha256(secret, json.dumps(request.json()))

                テスト送信でも同じ結果です。シークレットは管理画面からコピーしたものを使っています。
                """,
            customerFollowUps: [
                "ご指摘のとおり、フレームワークが JSON を再シリアライズしていました。",
                "受信したボディそのままで検証したところ、成功しました 👍",
            ],
            agentReplies: [
                "お問い合わせありがとうございます。署名は受信したリクエストボディのバイト列そのものに対して計算されています。JSON として解析してから文字列に戻すと、空白やキーの順序が変わり一致しなくなります。",
                "解決してなによりです。あわせて、X-Tandem-Timestamp ヘッダーを確認し、5分以上前のリクエストを拒否することをお勧めします。",
            ],
            internalNotes: ["Common pitfall: the Node sample in our docs parses the body first. DOCS-330."],
            product: "Tandem API", category: "Webhooks", subcategory: "Signatures", urgency: "serious"),

        DemoScenario(
            language: "ja", kind: "serviceRequest",
            subject: "新入社員20名分のアカウント追加のお願い",
            description: "4月1日に新入社員20名が入社します。CSV で一括招待することは可能でしょうか。ライセンスが不足する場合は、追加の手続きもお願いします。",
            customerFollowUps: [
                "CSV の形式を教えていただけますか？",
                "招待が完了しました。スムーズにご対応いただき助かりました 🎉",
            ],
            agentReplies: [
                "CSV での一括招待は「管理 → メンバー → 一括招待」から可能です。現在 250 ライセンスのうち 238 名がご利用中のため、8 ライセンスの追加が必要です。追加の手続きはこちらで承ります。",
                """
                1行に1名、「email,name,role」の3列です。例：

                    email,name,role
                    suzuki@tokai-logistics.example,鈴木 一郎,member
                """,
                "ライセンス数を 258 に変更しました。追加分は日割りで次回の請求書に含まれます。",
            ],
            internalNotes: ["Enterprise contract allows seat changes without a purchase order (contract §4)."],
            product: "Tandem Dashboard", category: "Administration", subcategory: "Seats", urgency: "low"),

        DemoScenario(
            language: "ja", kind: "incident",
            subject: "共有フォルダーで競合ファイルが大量に発生しています",
            description: """
                先週から、配送計画の共有フォルダーに「(競合コピー)」という名前のファイルが大量に作成されています。同時に編集しているつもりはありません。

                利用環境：Windows 10、同期クライアント 4.8.1、約30台。
                """,
            customerFollowUps: [
                "4.8.2 への更新を全台に配布しました。",
                "その後、競合ファイルは発生していません。既存の競合コピーは削除して問題ないでしょうか。",
            ],
            agentReplies: [
                "ご不便をおかけしております。4.8.1 には、Excel が作成するロックファイルを変更として扱ってしまう不具合があり、4.8.2 で修正されています。お手数ですが更新をお願いいたします。",
                "はい、元のファイルが最新であることをご確認のうえ、削除いただいて問題ございません。削除したファイルは30日間ごみ箱に保管されます。",
            ],
            internalNotes: ["SYNC-2231 again. Premium tier: offered a remote session, declined."],
            product: "Tandem Sync", category: "Synchronisation", subcategory: "Conflicts", urgency: "serious"),
    ]
}
