import DeskModel
import Foundation

extension Benchmark {
    /// The team lead's report (#14) over 30 days and over a year, computed and laid out at
    /// 80 columns as the Reports screen does; the budget is a second on a million tickets.
    static func measureReports(_ store: any DeskStore, viewer: Viewer, settings: Settings, times: Int) -> [Interaction] {
        [30, 365].compactMap { days in
            let name = "report (\(days) days)"
            guard settings.includes(name) else { return nil }
            var samples: [(seconds: Double, bytes: Int)] = []
            for _ in 0..<times {
                let start = DispatchTime.now().uptimeNanoseconds
                guard let report = try? store.report(ReportQuery(days: days), viewer: viewer) else { return nil }
                _ = ReportText.lines(report, width: 80, language: .english, charts: true)
                samples.append((Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 0))
            }
            return summarize(name, samples)
        }
    }
}
