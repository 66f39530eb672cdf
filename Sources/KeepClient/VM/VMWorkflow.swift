#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KeepCrypto

/// The VM encryption workflow, as a sovereign IaaS runs it on the hypervisor side.
///
/// - **encrypt**: prerequisites (all checked, all reported, nothing changed if one fails); a KEK for the VM in the
///   tenant's domain; a 64-byte XTS DEK generated here; the DEK wrapped under the KEK (locally after a Get, or by
///   keepd, by the domain's export policy) and checked to unwrap again; the journal; every disk rewritten with
///   AES-256-XTS (dm-crypt `aes-xts-plain64`); the encryption section written into the descriptor.
/// - **decrypt**: the disks back to plaintext, the encryption section removed.
/// - **shallow rekey**: a new KEK, the same DEK re-wrapped under it; disks untouched; allowed while the VM runs.
/// - **deep rekey**: a new DEK (under the current KEK), every disk re-encrypted; powered off, no snapshot.
/// - **open**: a range of sectors decrypted for the hypervisor to read.
/// - **backup / restore**: an encrypted copy (ciphertext and wrapped DEK), restorable only by a client that can
///   unwrap the DEK, that is, that has access to the KEK.
/// - **resume**: completes an encrypt, decrypt or deep rekey a crash interrupted (see `VMJournal`).
///
/// One workflow object per descriptor, used from one thread.
public final class VMWorkflow {
    public struct Options: Sendable {
        /// Sector size for `encrypt` (512 or 4096); other operations use the VM's own.
        public var sectorSize = 512
        public var chunkBytes = DiskRewriter.defaultChunkBytes
        public var checkpointBytes = DiskRewriter.defaultCheckpointBytes
        /// XTS worker threads per chunk.
        public var threads = XTSCipher.defaultThreadCount
        /// Called at named moments (tests stop the process there).
        public var hook: (@Sendable (WorkflowPoint) -> Void)?
        /// The KMIP client's connection, retry and failover events.
        public var events: (@Sendable (KMIPClientEvent) -> Void)?

        public init() {}
    }

    public let descriptorPath: String
    public let providersPath: String
    public let options: Options
    private var file: VMDescriptorFile
    private let providers: KeyProviderFile?
    private let providersError: String?
    private var service: (any VMKeyService)?
    /// A key service was given to init: the key provider is that service, whatever the key-provider file says.
    private let injectedService: Bool
    private var status: DomainStatus?
    /// The current DEK once unwrapped (open, several reads): zeroized when the workflow goes.
    private var currentDEK: (record: WrappedDEK, key: SymmetricKey)?

    /// Reads the descriptor and the key-provider file. A key service given here replaces the one the provider
    /// configuration would make (tests).
    public init(descriptor: String, providers providersPath: String, options: Options = Options(), keyService: (any VMKeyService)? = nil) throws(VMError) {
        descriptorPath = descriptor
        self.providersPath = providersPath
        self.options = options
        file = try VMDescriptorFile(path: descriptor)
        if Files.exists(providersPath) {
            do throws(VMError) {
                providers = try KeyProviderFile.load(providersPath)
                providersError = nil
            } catch {
                providers = nil
                providersError = error.reason
            }
        } else {
            providers = nil
            providersError = nil
        }
        service = keyService
        injectedService = keyService != nil
        guard [512, 4096].contains(options.sectorSize) else {
            throw VMError(.invalidRequest, "sector size \(options.sectorSize) is not 512 or 4096")
        }
        guard options.chunkBytes >= 4096, options.chunkBytes % 4096 == 0, options.checkpointBytes > 0, options.threads >= 1 else {
            throw VMError(.invalidRequest, "chunk size must be a positive multiple of 4096, checkpoint interval and threads positive")
        }
    }

    public var descriptor: VMDescriptor { file.descriptor }
    public var journalPath: String { VMJournal.path(for: descriptorPath) }

    // MARK: Prerequisites

    /// Every unmet prerequisite of `operation`, each with what to do. Asks keepd only for Keep Domain Status.
    public func prerequisites(for operation: VMOperation) -> [PrerequisiteFailure] {
        let sectorSize = descriptor.encryption?.sectorSize ?? options.sectorSize
        let check = PrerequisiteCheck(file: file, providers: providers, providersPath: providersPath, journalPath: journalPath,
                                      domainStatus: { () throws(VMError) -> DomainStatus in try self.domainStatus() }, sectorSize: sectorSize,
                                      providerGiven: injectedService)
        var failures = check.failures(for: operation)
        if let providersError, !injectedService, operation.prerequisites.contains(.keyProviderConfigured) {
            failures.removeAll { $0.prerequisite == .keyProviderConfigured }
            failures.insert(PrerequisiteFailure(.keyProviderConfigured, providersError,
                                                remedy: "correct the key-provider file; its format is in docs/vm-encryption.md"), at: 0)
        }
        return failures
    }

    private func require(_ operation: VMOperation) throws(VMError) {
        let failures = prerequisites(for: operation)
        guard failures.isEmpty else {
            throw VMError(.prerequisitesNotMet, "\(operation.rawValue) of VM \(descriptor.name) (\(descriptor.id)): \(failures.count) prerequisite(s) not met; nothing was changed",
                          failures: failures)
        }
    }

    // MARK: Encrypt

    /// Encrypts the VM's disks. If an interrupted encrypt is in the journal, completes it instead.
    public func encrypt(progress: VMProgressHandler? = nil) throws(VMError) -> VMReport {
        if let journal = try VMJournal.load(journalPath), journal.operation == .encrypt {
            return try resume(progress: progress)
        }
        try require(.encrypt)
        let vm = descriptor
        let site = try domainStatus().wrapSite
        let kek = try keyService().createKEK(for: vm, kekVersion: 1)
        options.hook?(.kekCreated)
        let (dek, record) = try newDEK(kek: kek, kekVersion: 1, dekVersion: 1, site: site)
        var journal = VMJournal(format: VMJournal.currentFormat, operation: .encrypt, vmID: vm.id, sectorSize: options.sectorSize,
                                source: nil, target: record, disks: vm.disks.map { .init(id: $0.id, state: .pending, bytesDone: 0) },
                                startedAt: Self.now())
        try journal.save(to: journalPath)
        options.hook?(.journalCreated)
        return try run(&journal, sourceKey: nil, targetKey: dek, resumed: false, progress: progress)
    }

    // MARK: Decrypt

    /// Restores plaintext disks and removes the encryption section.
    public func decrypt(progress: VMProgressHandler? = nil) throws(VMError) -> VMReport {
        if let journal = try VMJournal.load(journalPath), journal.operation == .decrypt {
            return try resume(progress: progress)
        }
        try require(.decrypt)
        let encryption = descriptor.encryption!
        let dek = try unwrapCurrent()
        var journal = VMJournal(format: VMJournal.currentFormat, operation: .decrypt, vmID: descriptor.id, sectorSize: encryption.sectorSize,
                                source: encryption.key, target: nil, disks: descriptor.disks.map { .init(id: $0.id, state: .pending, bytesDone: 0) },
                                startedAt: Self.now())
        try journal.save(to: journalPath)
        options.hook?(.journalCreated)
        return try run(&journal, sourceKey: dek, targetKey: nil, resumed: false, progress: progress)
    }

    // MARK: Rekey

    /// Shallow rekey: a new KEK in the tenant's domain, the DEK re-wrapped under it. The disks are not touched, so
    /// the VM may be running. The old KEK is kept (backups taken before still name it).
    public func shallowRekey() throws(VMError) -> VMReport {
        try require(.shallowRekey)
        let start = ContinuousClock.now
        let vm = descriptor
        var encryption = vm.encryption!
        let dek = try unwrapCurrent()
        let site = try domainStatus().wrapSite
        let kekVersion = encryption.key.kekVersion + 1
        let kek = try keyService().createKEK(for: vm, kekVersion: kekVersion)
        options.hook?(.kekCreated)
        let wrapped = try wrapAndVerify(dek, kek: kek, site: site)
        encryption.key = WrappedDEK(kekID: kek, kekVersion: kekVersion, dekVersion: encryption.key.dekVersion, wrapAlgorithm: WrappedDEK.aesKeyWrap,
                                    wrappedBy: site, wrappedDEK: Data(wrapped).base64EncodedString(), dekCheck: encryption.key.dekCheck)
        encryption.rekeyedAt = Self.now()
        try file.setEncryption(encryption)
        options.hook?(.descriptorWritten)
        currentDEK = (encryption.key, dek)
        return report(.shallowRekey, resumed: false, bytes: 0, start: start, key: encryption.key)
    }

    /// Deep rekey: a new DEK wrapped under the current KEK, every disk re-encrypted with it (crash-safe, like
    /// encrypt). Combine with a shallow rekey for a new KEK too.
    public func deepRekey(progress: VMProgressHandler? = nil) throws(VMError) -> VMReport {
        if let journal = try VMJournal.load(journalPath), journal.operation == .deepRekey {
            return try resume(progress: progress)
        }
        try require(.deepRekey)
        let encryption = descriptor.encryption!
        let old = try unwrapCurrent()
        let site = try domainStatus().wrapSite
        let (dek, record) = try newDEK(kek: encryption.key.kekID, kekVersion: encryption.key.kekVersion,
                                       dekVersion: encryption.key.dekVersion + 1, site: site)
        var journal = VMJournal(format: VMJournal.currentFormat, operation: .deepRekey, vmID: descriptor.id, sectorSize: encryption.sectorSize,
                                source: encryption.key, target: record, disks: descriptor.disks.map { .init(id: $0.id, state: .pending, bytesDone: 0) },
                                startedAt: Self.now())
        try journal.save(to: journalPath)
        options.hook?(.journalCreated)
        return try run(&journal, sourceKey: old, targetKey: dek, resumed: false, progress: progress)
    }

    // MARK: Resume

    /// Completes the operation the journal records. Needs the key provider (to unwrap the keys the journal names),
    /// not the subscription: no key is created.
    public func resume(progress: VMProgressHandler? = nil) throws(VMError) -> VMReport {
        guard var journal = try VMJournal.load(journalPath) else {
            throw VMError(.journal, "no interrupted operation: \(journalPath) does not exist")
        }
        guard journal.vmID == descriptor.id, Set(journal.disks.map(\.id)) == Set(descriptor.disks.map(\.id)), journal.disks.count == descriptor.disks.count else {
            throw VMError(.journal, "\(journalPath) belongs to VM \(journal.vmID) with disks \(journal.disks.map(\.id)), not to this descriptor")
        }
        try require(.resume)
        let sourceKey = try journal.source.map { record throws(VMError) in try unwrap(record) }
        let targetKey = try journal.target.map { record throws(VMError) in try unwrap(record) }
        return try run(&journal, sourceKey: sourceKey, targetKey: targetKey, resumed: true, progress: progress)
    }

    // MARK: Open

    /// Decrypts `count` sectors of disk `diskID` from sector `first` and passes them to `body` in chunks, in
    /// order. The disk is only read.
    public func readSectors(disk diskID: String, from first: UInt64, count: UInt64, _ body: (UnsafeRawBufferPointer) throws -> Void) throws(VMError) {
        try require(.open)
        guard let disk = descriptor.disks.first(where: { $0.id == diskID }) else {
            throw VMError(.invalidRequest, "VM \(descriptor.id) has no disk \(diskID) (it has \(descriptor.disks.map(\.id).joined(separator: ", ")))")
        }
        let sectorSize = UInt64(descriptor.encryption!.sectorSize)
        let sectors = disk.sizeBytes / sectorSize
        guard first <= sectors, count <= sectors - first else {
            throw VMError(.invalidRequest, "sectors \(first)..<\(first &+ count) are outside disk \(diskID), which has \(sectors) sectors of \(sectorSize) bytes")
        }
        let cipher = try xts(try unwrapCurrent(), sectorSize: Int(sectorSize))
        let input = try FileDescriptor(file.imagePath(disk), flags: O_RDONLY)
        let buffer = Files.allocateBuffer(options.chunkBytes)
        defer {
            memset(buffer.baseAddress!, 0, buffer.count)
            buffer.deallocate()
        }
        var sector = first
        while sector < first + count {
            let n = min(UInt64(options.chunkBytes) / sectorSize, first + count - sector)
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<Int(n * sectorSize)])
            try input.read(into: chunk, at: sector * sectorSize)
            do {
                try cipher.decryptParallel(chunk, firstSector: sector, threads: options.threads)
                try body(UnsafeRawBufferPointer(chunk))
            } catch let error as VMError {
                throw error
            } catch {
                throw VMError(.disk, "opening disk \(diskID) at sector \(sector): \(error)")
            }
            sector += n
        }
    }

    /// The VM's DEK, unwrapped and checked: for opening a disk with standard tools (cryptsetup plain mode). The
    /// caller owns keeping it secret.
    public func dataEncryptionKey() throws(VMError) -> SymmetricKey {
        try require(.open)
        return try unwrapCurrent()
    }

    // MARK: Backup and restore

    /// Copies the encrypted VM into `directory` (new or empty): the images byte for byte (ciphertext) and the
    /// descriptor with the wrapped DEK. The copy is as protected as the VM: it opens only with the KEK.
    public func backup(to directory: String, progress: VMProgressHandler? = nil) throws(VMError) -> VMReport {
        try require(.backup)
        return try copyVM(to: directory, operation: .backup, progress: progress)
    }

    /// Restores a backup into `directory` (new or empty). The wrapped DEK is unwrapped and checked first: without
    /// access to the KEK (another tenant's client, a destroyed KEK) nothing is written.
    public static func restore(backup descriptor: String, to directory: String, providers: String, options: Options = Options(),
                               keyService: (any VMKeyService)? = nil, progress: VMProgressHandler? = nil) throws(VMError) -> VMReport {
        let workflow = try VMWorkflow(descriptor: descriptor, providers: providers, options: options, keyService: keyService)
        try workflow.require(.restore)
        _ = try workflow.unwrapCurrent()
        return try workflow.copyVM(to: directory, operation: .restore, progress: progress)
    }

    // MARK: Status

    public func currentStatus() throws(VMError) -> VMStatus {
        let vm = descriptor
        let key = vm.encryption?.key
        var status = VMStatus(vmID: vm.id, vmName: vm.name, powerState: vm.powerState, encrypted: vm.encryption != nil, kekID: key?.kekID,
                              kekVersion: key?.kekVersion, dekVersion: key?.dekVersion, sectorSize: vm.encryption?.sectorSize, wrappedBy: key?.wrappedBy)
        if let journal = try VMJournal.load(journalPath) {
            status.interruptedOperation = journal.operation.rawValue
            status.interruptedDisks = Dictionary(uniqueKeysWithValues: journal.disks.map { ($0.id, "\($0.state.rawValue) \($0.bytesDone)") })
        }
        return status
    }

    // MARK: Disks under the journal

    /// Runs the journal's operation to completion: each disk not done is rewritten (from its durable mark) and
    /// committed, then the descriptor records the outcome and the journal goes.
    private func run(_ journal: inout VMJournal, sourceKey: SymmetricKey?, targetKey: SymmetricKey?, resumed: Bool,
                     progress: VMProgressHandler?) throws(VMError) -> VMReport {
        let start = ContinuousClock.now
        let source = try sourceKey.map { key throws(VMError) in try xts(key, sectorSize: journal.sectorSize) }
        let target = try targetKey.map { key throws(VMError) in try xts(key, sectorSize: journal.sectorSize) }
        let operation: VMOperation = switch journal.operation {
        case .encrypt: .encrypt
        case .decrypt: .decrypt
        case .deepRekey: .deepRekey
        }
        let disks = journal.disks.map { entry in descriptor.disks.first { $0.id == entry.id }! }
        let total = zip(journal.disks, disks).reduce(UInt64(0)) { sum, pair in
            switch pair.0.state {
            case .pending: sum + pair.1.sizeBytes
            case .rewriting: sum + pair.1.sizeBytes - min(pair.0.bytesDone, pair.1.sizeBytes)
            case .committing, .done: sum
            }
        }
        var processed: UInt64 = 0
        let rewriter = DiskRewriter(chunkBytes: options.chunkBytes, checkpointBytes: options.checkpointBytes, sectorSize: journal.sectorSize, hook: options.hook)
        let threads = options.threads
        for index in journal.disks.indices {
            let disk = disks[index]
            let image = file.imagePath(disk)
            let rewritten = image + ".keep-new"
            switch journal.disks[index].state {
            case .done:
                continue
            case .committing:
                break
            case .pending, .rewriting:
                let mark = journal.disks[index].state == .rewriting ? journal.disks[index].bytesDone : 0
                let from = try rewriter.prepare(source: image, destination: rewritten, size: disk.sizeBytes, start: mark)
                journal.disks[index].state = .rewriting
                journal.disks[index].bytesDone = from
                try journal.save(to: journalPath)
                let base = processed
                let path = journalPath
                try rewriter.rewrite(source: image, destination: rewritten, size: disk.sizeBytes, from: from, transform: { chunk, sector in
                    if let source { try source.decryptParallel(chunk, firstSector: sector, threads: threads) }
                    if let target { try target.encryptParallel(chunk, firstSector: sector, threads: threads) }
                }, checkpoint: { (mark: UInt64) throws(VMError) in
                    journal.disks[index].bytesDone = mark
                    try journal.save(to: path)
                }, progress: { offset in
                    processed = base + (offset - from)
                    progress?(VMProgress(operation: operation, disk: disk.id, diskIndex: index, diskCount: disks.count,
                                         bytesDone: processed, bytesTotal: total))
                })
                journal.disks[index].state = .committing
                try journal.save(to: journalPath)
                options.hook?(.diskCommitting)
            }
            // The new file is complete and durable. If it is still there the rename has not happened yet.
            if Files.exists(rewritten) {
                try Files.rename(rewritten, to: image)
            }
            options.hook?(.diskRenamed)
            journal.disks[index].state = .done
            try journal.save(to: journalPath)
        }

        // Every disk is under the target key: the descriptor says so, then the journal goes.
        let now = Self.now()
        switch journal.operation {
        case .encrypt:
            try file.setEncryption(VMDescriptor.Encryption(format: VMDescriptor.Encryption.currentFormat, cipher: VMDescriptor.Encryption.xtsPlain64,
                                                           keyBits: XTSCipher.keyByteCount * 8, sectorSize: journal.sectorSize,
                                                           key: journal.target!, encryptedAt: now, rekeyedAt: nil))
        case .decrypt:
            try file.setEncryption(nil)
        case .deepRekey:
            guard var encryption = descriptor.encryption else {
                throw VMError(.journal, "the journal records a deep rekey of VM \(descriptor.id), whose descriptor has no encryption section")
            }
            encryption.key = journal.target!
            encryption.rekeyedAt = now
            try file.setEncryption(encryption)
        }
        options.hook?(.descriptorWritten)
        try Files.remove(journalPath)
        currentDEK = targetKey.map { (journal.target!, $0) }
        return report(operation, resumed: resumed, bytes: processed, start: start, key: journal.target)
    }

    // MARK: Keys

    private func keyService() throws(VMError) -> any VMKeyService {
        if let service { return service }
        guard let providers, let name = descriptor.keyProvider else {
            throw VMError(.invalidDescriptor, "VM \(descriptor.id) has no usable key provider")
        }
        let made = KMIPKeyService(client: try providers.client(for: name, events: options.events))
        service = made
        return made
    }

    /// Keep Domain Status, asked once per workflow.
    private func domainStatus() throws(VMError) -> DomainStatus {
        if let status { return status }
        let fresh = try keyService().domainStatus()
        status = fresh
        return fresh
    }

    /// A fresh DEK, wrapped under `kek` and checked to unwrap back to itself before anything depends on it:
    /// a DEK whose wrapping does not open would make the disks unrecoverable.
    private func newDEK(kek: String, kekVersion: Int, dekVersion: Int, site: WrapSite) throws(VMError) -> (SymmetricKey, WrappedDEK) {
        var dek: SymmetricKey
        repeat {
            do {
                dek = try SymmetricKey.generate(bitCount: XTSCipher.keyByteCount * 8)
            } catch {
                throw VMError(.disk, "cannot generate a DEK: \(error)")
            }
        } while !XTSHalves.differ(dek) // XTS needs distinct halves; equal ones have probability 2^-256
        let wrapped = try wrapAndVerify(dek, kek: kek, site: site)
        let record = WrappedDEK(kekID: kek, kekVersion: kekVersion, dekVersion: dekVersion, wrapAlgorithm: WrappedDEK.aesKeyWrap, wrappedBy: site,
                                wrappedDEK: Data(wrapped).base64EncodedString(), dekCheck: try DEKCheck.value(dek, vmID: descriptor.id, dekVersion: dekVersion))
        return (dek, record)
    }

    private func wrapAndVerify(_ dek: SymmetricKey, kek: String, site: WrapSite) throws(VMError) -> [UInt8] {
        let service = try keyService()
        let wrapped = try service.wrap(dek, under: kek, at: site)
        let back = try service.unwrap(wrapped, under: kek, at: site)
        guard back == dek else {
            throw VMError(.keyMismatch, "the DEK wrapped under KEK \(kek) does not unwrap to itself; nothing was written")
        }
        return wrapped
    }

    /// The current DEK (the descriptor's), unwrapped and checked; kept for the workflow's life.
    private func unwrapCurrent() throws(VMError) -> SymmetricKey {
        guard let record = descriptor.encryption?.key else { throw VMError(.invalidRequest, "VM \(descriptor.id) is not encrypted") }
        if let currentDEK, currentDEK.record == record { return currentDEK.key }
        let key = try unwrap(record)
        currentDEK = (record, key)
        return key
    }

    /// Unwraps a recorded DEK where the domain's policy says (keepd, or here after a Get), and checks it belongs
    /// to this VM.
    private func unwrap(_ record: WrappedDEK) throws(VMError) -> SymmetricKey {
        guard let wrapped = Data(base64Encoded: record.wrappedDEK) else {
            throw VMError(.keyMismatch, "the wrapped DEK (version \(record.dekVersion)) of VM \(descriptor.id) is not base64")
        }
        let key = try keyService().unwrap(Array(wrapped), under: record.kekID, at: try domainStatus().wrapSite)
        try DEKCheck.verify(key, against: record, vmID: descriptor.id)
        return key
    }

    private func xts(_ key: SymmetricKey, sectorSize: Int) throws(VMError) -> XTSCipher {
        do {
            return try XTSCipher(key: key, sectorSize: sectorSize)
        } catch {
            throw VMError(.keyMismatch, "the DEK is not a usable XTS key: \(error)")
        }
    }

    // MARK: Copies

    private func copyVM(to directory: String, operation: VMOperation, progress: VMProgressHandler?) throws(VMError) -> VMReport {
        let start = ContinuousClock.now
        let manager = FileManager.default
        if manager.fileExists(atPath: directory) {
            guard ((try? manager.contentsOfDirectory(atPath: directory)) ?? ["?"]).isEmpty else {
                throw VMError(.invalidRequest, "\(directory) exists and is not empty")
            }
        } else {
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw VMError(.disk, "cannot create \(directory): \(error)")
            }
        }
        let vm = descriptor
        let total = vm.disks.reduce(UInt64(0)) { $0 + $1.sizeBytes }
        var copied: UInt64 = 0
        var names: [String] = []
        // The same engine as encryption, transforming nothing: the copy streams to disk the same way.
        let rewriter = DiskRewriter(chunkBytes: options.chunkBytes, checkpointBytes: UInt64.max, sectorSize: 512)
        for (index, disk) in vm.disks.enumerated() {
            // The image's own name, unless two disks share one (from different directories).
            let base = (disk.path as NSString).lastPathComponent
            let name = names.contains(base) || base == (descriptorPath as NSString).lastPathComponent ? "disk\(index)-\(base)" : base
            names.append(name)
            let destination = (directory as NSString).appendingPathComponent(name)
            _ = try rewriter.prepare(source: file.imagePath(disk), destination: destination, size: disk.sizeBytes, start: 0)
            let base0 = copied
            try rewriter.rewrite(source: file.imagePath(disk), destination: destination, size: disk.sizeBytes, from: 0, transform: { _, _ in },
                                 checkpoint: { (_: UInt64) throws(VMError) in }, progress: { offset in
                copied = base0 + offset
                progress?(VMProgress(operation: operation, disk: disk.id, diskIndex: index, diskCount: vm.disks.count, bytesDone: copied, bytesTotal: total))
            })
        }
        // The descriptor last: a copy without it is visibly incomplete.
        try file.writeCopy(to: (directory as NSString).appendingPathComponent((descriptorPath as NSString).lastPathComponent), diskPaths: names)
        var result = report(operation, resumed: false, bytes: copied, start: start, key: vm.encryption?.key)
        result.destination = directory
        return result
    }

    private func report(_ operation: VMOperation, resumed: Bool, bytes: UInt64, start: ContinuousClock.Instant, key: WrappedDEK?) -> VMReport {
        let elapsed = ContinuousClock.now - start
        return VMReport(operation: operation, vmID: descriptor.id, vmName: descriptor.name, resumed: resumed, disks: descriptor.disks.count, bytes: bytes,
                        seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                        kekID: key?.kekID, kekVersion: key?.kekVersion, dekVersion: key?.dekVersion, wrappedBy: key?.wrappedBy)
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

/// XTS's two key halves must differ (XTSCipher refuses otherwise).
enum XTSHalves {
    static func differ(_ key: SymmetricKey) -> Bool {
        key.withUnsafeBytes { bytes in
            bytes.count == XTSCipher.keyByteCount
                && !constantTimeEquals(UnsafeRawBufferPointer(rebasing: bytes[0..<32]), UnsafeRawBufferPointer(rebasing: bytes[32..<64]))
        }
    }
}
