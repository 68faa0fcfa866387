import Foundation

/// Everything a backend reads and writes inside a transaction, one protocol per area. A
/// method here stores or fetches rows and nothing else: no permission, workflow or plan check
/// (those are `Desk`'s). Reads that depend on who looks take a `TicketVisibility`.
public typealias DeskRows = DirectoryRows & TicketRows & AttachmentRows & DirectoryAdminRows & AuditRows & UserSettingRows & DraftRows & SavedViewRows & RecentRows & ReadMarkRows & WorkflowRows & TicketReadingRows & TicketQueryRows & ImportRows & MailRows & OutboxRows & TicketEditRows & ServiceLevelRows & ServiceClockRows & ArticleRows & ReportRows & AccountRows & CallbackRows
