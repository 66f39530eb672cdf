import Foundation
import KeepClient

/// A one-line progress bar on standard error, for a terminal: the operation, the disk, the share done, the
/// throughput so far and the time left. Redrawn at most ten times a second.
final class ProgressBar {
    static let width = 30
    static let interval = 0.1

    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private var last: VMProgress?

    func update(_ progress: VMProgress) {
        last = progress
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= Self.interval || progress.bytesDone == progress.bytesTotal else { return }
        lastDraw = now
        draw(progress, elapsed: now.timeIntervalSince(start))
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }

    private func draw(_ p: VMProgress, elapsed: Double) {
        let filled = Int(p.fraction * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        let rate = elapsed > 0 ? Double(p.bytesDone) / elapsed : 0
        let left = rate > 0 ? Double(p.bytesTotal - p.bytesDone) / rate : 0
        let line = String(format: "\r%@ disk %d/%d %@ [%@] %5.1f%%  %@  %@ left\u{1B}[K", p.operation.rawValue, p.diskIndex + 1, p.diskCount, p.disk,
                          bar, p.fraction * 100, Self.rate(rate), Self.duration(left))
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    static func rate(_ bytesPerSecond: Double) -> String {
        bytesPerSecond >= 1e9 ? String(format: "%.2f GB/s", bytesPerSecond / 1e9) : String(format: "%.0f MB/s", bytesPerSecond / 1e6)
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60) : String(format: "%d:%02d", total / 60, total % 60)
    }
}
