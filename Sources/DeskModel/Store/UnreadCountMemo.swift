import Foundation

/// The last unread counts and the desk's change token they were read at. The counts cost a few
/// queries over the viewer's recent tickets, and they change only when the desk changes
/// (another's message announces itself) or when this client reads or unreads a ticket: opening
/// a ticket that held nothing new reuses them.
final class UnreadCountMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var token: Int64?
    private var counts: [CaseView: Int] = [:]

    /// `token` is read before the counts, so counts newer than it are only ever read again.
    func counts(at token: Int64, reading read: () throws(DeskError) -> [CaseView: Int]) throws(DeskError) -> [CaseView: Int] {
        if let kept = lock.withLock({ self.token == token ? counts : nil }) { return kept }
        let fresh = try read()
        lock.withLock {
            self.token = token
            counts = fresh
        }
        return fresh
    }

    /// This client changed what is read: the next counts are read again.
    func forget() {
        lock.withLock { token = nil }
    }
}
