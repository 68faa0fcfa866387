/// The demo's people with several accounts and its customer administrators, so a newcomer
/// sees both: Tom files for a free-plan bakery and for an enterprise logistics firm; Daniel
/// also sees the whole of a second organisation; Priya and Jürgen administer theirs.
enum DemoAccounts {
    static func add(to store: any DeskStore) throws(DeskError) {
        _ = try store.addAccount(handle: "tom", organisation: "Tōkai Logistics", caseAccess: .own, by: nil)
        _ = try store.addAccount(handle: "dan_okafor", organisation: "Hafenwerk Kühn GmbH", caseAccess: .organisation, by: nil)
        try store.setAdministrator(handle: "priya", organisation: "Brightwater Analytics", administrator: true, by: nil)
        try store.setAdministrator(handle: "juergen", organisation: "Hafenwerk Kühn GmbH", administrator: true, by: nil)
    }
}
