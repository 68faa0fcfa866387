/// The demo desk's knowledge base: articles in every demo language, about the demo's
/// products, some for staff only and some for customers of certain plans, so that the ticket
/// form's suggestions, the Articles screen and `kb` have something to show.
enum DemoArticles {
    static let all: [ArticleDraft] = [
        ArticleDraft(
            slug: "sync-conflicts", title: "Resolve sync conflicts in Tandem Sync", body: """
                # When two people edit the same file

                Tandem Sync keeps **both versions** when a file changed on two devices before they synced:

                - the newest stays under its own name;
                - the other is saved as `name (conflict).ext` beside it.

                ## What to do

                1. Open both files and keep the changes you need.
                2. Delete the *conflict* copy; it will not come back.

                See [the sync guide](https://docs.tandem.example/sync/conflicts) for selective sync.
                """, language: .english, tags: ["Tandem Sync", "Synchronisation"]),
        ArticleDraft(
            slug: "password-reset", title: "Reset your dashboard password", body: """
                # Forgot your password?

                On the sign-in page choose **Forgot password**, enter your email address and follow the link
                we send you (it works for one hour).

                If your company signs in with SSO, your password is managed by your own IT team instead.
                """, language: .english, tags: ["Tandem Dashboard", "Access"]),
        ArticleDraft(
            slug: "api-rate-limits", title: "API rate limits and how to raise them", body: """
                # Rate limits

                Each token may make **600 requests per minute**. A request over the limit gets `429 Too Many Requests`
                with a `Retry-After` header:

                ```
                HTTP/1.1 429 Too Many Requests
                Retry-After: 12
                ```

                Business and Enterprise plans can ask for a higher limit: open a *service request*.
                """, language: .english, tags: ["Tandem API", "Limits"], visibility: .plans([.business, .enterprise])),
        ArticleDraft(
            slug: "sso-escalation", title: "SSO outages: escalation checklist (internal)", body: """
                # Internal: before escalating an SSO ticket

                - Check the identity provider's status page.
                - Ask for the **SAML response** (never the password).
                - Page the on-call engineer for critical urgency only.
                """, language: .english, tags: ["Tandem Dashboard", "Access"], visibility: .internalOnly),
        ArticleDraft(
            slug: "facture-tva", title: "Corriger le numéro de TVA sur une facture", body: """
                # Numéro de TVA intracommunautaire

                Ouvrez **Facturation > Informations de l'entreprise**, saisissez le numéro de TVA puis enregistrez.
                Les factures suivantes l'afficheront ; pour une facture déjà émise, demandez un *avoir*.
                """, language: .french, tags: ["Billing Portal", "Invoices"]),
        ArticleDraft(
            slug: "sincronizzazione-lenta", title: "La sincronizzazione è lenta", body: """
                # Sincronizzazione lenta

                - Verificate la connessione di rete.
                - Escludete le cartelle molto grandi con la **sincronizzazione selettiva**.
                - Riavviate Tandem Sync.
                """, language: .italian, tags: ["Tandem Sync", "Synchronisation"]),
        ArticleDraft(
            slug: "zwei-faktor", title: "Zwei-Faktor-Authentifizierung einrichten", body: """
                # Zwei-Faktor-Authentifizierung

                1. Öffnen Sie **Konto > Sicherheit**.
                2. Scannen Sie den QR-Code mit Ihrer Authenticator-App.
                3. Bewahren Sie die *Wiederherstellungscodes* sicher auf.
                """, language: .german, tags: ["Tandem Dashboard", "Access"]),
        ArticleDraft(
            slug: "exportar-csv", title: "Exportar un informe en CSV", body: """
                # Exportar en CSV

                En **Informes**, elija el informe y pulse *Exportar CSV*. Los informes programados se envían por correo.
                """, language: .spanish, tags: ["Tandem Dashboard", "Reports"]),
        ArticleDraft(
            slug: "ja-sync-conflict", title: "同期の競合を解決する", body: """
                # 同期の競合

                二つの端末で同じファイルを編集すると、**両方の版**が保存されます。
                必要な変更を残してから、競合したコピーを削除してください。
                """, language: .japanese, tags: ["Tandem Sync", "Synchronisation"]),
        ArticleDraft(
            slug: "notificacoes-android", title: "Notificações não chegam no Android", body: """
                # Notificações no Android

                - Verifique se as notificações do Tandem Mobile estão ativadas.
                - Desative a **otimização de bateria** para o aplicativo.
                """, language: .brazilianPortuguese, tags: ["Tandem Mobile", "Android"]),
    ]

    static func add(to store: any DeskStore, author: Viewer) throws(DeskError) {
        for draft in all { _ = try store.addArticle(draft, by: author) }
    }
}
