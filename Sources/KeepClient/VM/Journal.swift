import Foundation

/// The journal of a disk-rewriting operation (encrypt, decrypt, deep rekey), beside the descriptor
/// (`<descriptor>.keep-journal`). It exists from before the first disk byte is written until after the
/// descriptor records the outcome; while it exists it is the record of the VM's keys, and `resume` completes the
/// operation from it.
///
/// What makes a SIGKILL at any moment safe (docs/vm-encryption.md, "Crash safety"):
/// - The target key (the new DEK, wrapped) is written here before any sector is, so a resumed run encrypts with
///   the same DEK; the source key (what the disks are under now) too.
/// - A disk is never rewritten in place. Its new contents go to `<image>.keep-new`; the original stays intact
///   until the new file is complete and fsynced, then a rename replaces it. So every byte of every image is, at
///   every moment, entirely under one key that the journal names (per disk: `pending`/`rewriting` = source,
///   `done` = target, `committing` = source if the new file still exists, else target).
/// - `bytesDone` is a durable high-water mark of the new file: recorded only after the new file was fsynced that
///   far. A resumed run continues from it, reading the unchanged original; bytes past it are simply rewritten.
/// - Every journal update is a write to a temporary file, fsync, rename and directory fsync.
struct VMJournal: Codable, Equatable {
    static let currentFormat = 1
    /// A journal is a few KiB; the cap stops a damaged or substituted file from being read whole.
    static let maxBytes = 1 << 20

    enum Operation: String, Codable {
        case encrypt, decrypt, deepRekey
    }

    enum DiskState: String, Codable {
        /// Untouched: under the source key (plaintext for encrypt).
        case pending
        /// `<image>.keep-new` holds the first `bytesDone` bytes under the target key; the image is untouched.
        case rewriting
        /// The new file is complete and durable; the rename over the image may or may not have happened.
        case committing
        /// The image is under the target key (plaintext for decrypt).
        case done
    }

    struct Disk: Codable, Equatable {
        var id: String
        var state: DiskState
        var bytesDone: UInt64
    }

    var format: Int
    var operation: Operation
    var vmID: String
    var sectorSize: Int
    /// The key the disks are under before the operation (nil: plaintext).
    var source: WrappedDEK?
    /// The key they are under after it (nil: plaintext).
    var target: WrappedDEK?
    var disks: [Disk]
    var startedAt: String

    static func path(for descriptorPath: String) -> String { descriptorPath + ".keep-journal" }

    static func load(_ path: String) throws(VMError) -> VMJournal? {
        guard Files.exists(path) else { return nil }
        let data = try Files.read(path, limit: Self.maxBytes)
        do {
            let journal = try JSONDecoder().decode(VMJournal.self, from: data)
            guard journal.format == currentFormat else { throw VMError(.journal, "\(path): journal format \(journal.format) is not \(currentFormat)") }
            return journal
        } catch let error as VMError {
            throw error
        } catch {
            throw VMError(.journal, "\(path) is not a readable journal: \(VMDescriptorFile.describe(error))")
        }
    }

    func save(to path: String) throws(VMError) {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(self)
        } catch {
            throw VMError(.journal, "cannot encode the journal: \(error)")
        }
        try Files.writeAtomically(data, to: path, mode: 0o600)
    }
}
