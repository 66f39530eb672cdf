/// Where a disk-rewriting operation stands, reported after every chunk.
public struct VMProgress: Sendable {
    public var operation: VMOperation
    /// The disk being rewritten (or copied).
    public var disk: String
    public var diskIndex: Int
    public var diskCount: Int
    /// Bytes processed by this run, over all disks.
    public var bytesDone: UInt64
    /// Bytes this run has to process (a resumed run counts only what is left).
    public var bytesTotal: UInt64

    public var fraction: Double { bytesTotal == 0 ? 1 : Double(bytesDone) / Double(bytesTotal) }
}

public typealias VMProgressHandler = (VMProgress) -> Void

/// What an operation did, for a human or (encoded as JSON) a script. Identifiers and versions only: nothing
/// secret.
public struct VMReport: Codable, Sendable, Equatable {
    public var operation: VMOperation
    public var vmID: String
    public var vmName: String
    /// Whether this run completed an operation an earlier run had started.
    public var resumed: Bool
    public var disks: Int
    /// Disk bytes read and written by this run.
    public var bytes: UInt64
    public var seconds: Double
    public var kekID: String?
    public var kekVersion: Int?
    public var dekVersion: Int?
    public var wrappedBy: WrapSite?
    /// Backup and restore: the directory written.
    public var destination: String?

    public var gigabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e9 / seconds : 0 }
}

/// The VM's encryption state as the descriptor and journal record it.
public struct VMStatus: Codable, Sendable, Equatable {
    public var vmID: String
    public var vmName: String
    public var powerState: VMDescriptor.PowerState
    public var encrypted: Bool
    public var kekID: String?
    public var kekVersion: Int?
    public var dekVersion: Int?
    public var sectorSize: Int?
    public var wrappedBy: WrapSite?
    /// An interrupted operation waiting for `resume`, and its disks' states.
    public var interruptedOperation: String?
    public var interruptedDisks: [String: String]?
}
