import Foundation

/// The segment files of a log directory, by number.
struct SegmentDirectory {
    let path: String

    func segments() throws -> [(number: UInt32, path: String)] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw AuditError(.io, "cannot list \(path): \(error.localizedDescription)")
        }
        return names.compactMap { name in SegmentFormat.segmentNumber(fileName: name).map { ($0, (path as NSString).appendingPathComponent(name)) } }
            .sorted { $0.0 < $1.0 }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw AuditError(.io, "cannot read \(path)") }
        return Array(data)
    }
}
