import Foundation
import KeepCrypto
import KeepSync

extension AuditLog {
    /// The file side of the log. After `init` (on the opening thread) only the thread committing touches its
    /// mutable state: a caller or the writer thread, one at a time (`leading`, under the queue's lock); `published`
    /// and `stats` are what other threads may read. Hence @unchecked Sendable.
    final class Writer: @unchecked Sendable {
        let configuration: Configuration
        /// The HSM's audit keys; let go at the close, so the partition is free for another process once `close`
        /// returns, whichever thread still holds the writer for a moment.
        private var heldKeys: (any AuditKeys)?
        let recovery: Recovery
        let published = Locked<(sequence: UInt64, digest: String)>((0, ""))
        let stats = Locked(Statistics(segments: 1))

        private var chain: ChainState
        private var segment: UInt32
        private var segmentNodeID: String
        /// Where the next frame goes: the end of the segment's data.
        private var segmentSize: Int
        /// The file's size: the data, then preallocated zeros (`preallocationBytes`).
        private var allocatedSize: Int
        /// After zeros did not fit, the data size at which `allocate` tries again (not at every batch).
        private var preallocationRetryAt = 0
        private var descriptor: Int32
        private var macKey: SymmetricKey
        private var lockDescriptor: Int32
        private var lastCheckpointInstant = ContinuousClock.now
        /// Set by a failure after which nothing may be appended (a failed fsync); every later request gets it.
        private var failure: AuditError?
        private var closed = false
        /// How long the last fdatasync took: the window group commit waits in (`Queue.gather`).
        private var lastSyncNanoseconds: UInt64 = 0
        /// The longest a record waits for others to share its fsync: bounds the latency group commit adds.
        static let maximumGatherNanoseconds: UInt64 = 2_000_000
        /// Space allocated ahead of the data, so that a batch's fdatasync writes the data block and nothing else.
        /// An append that grows the file must also write the inode (its size), which doubles the I/O of every
        /// sync and, on a disk busy with other files' metadata, can wait milliseconds behind their writeback.
        /// With the space allocated ahead, only one sync in `preallocationBytes` of records writes the inode.
        static let preallocationBytes = 4 << 20

        private var directory: String { configuration.directory }

        init(configuration: Configuration, keys: any AuditKeys) throws {
            self.configuration = configuration
            heldKeys = keys
            let directory = configuration.directory
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw AuditError(.io, "cannot create the audit directory \(directory): \(error.localizedDescription)")
            }
            lockDescriptor = try Self.lock(directory)
            do {
                let segments = try SegmentDirectory(path: directory).segments()
                if let last = segments.last {
                    var walker = ChainWalker(publicKeys: try keys.publicKeys(), macKeys: keys)
                    let bytes = try SegmentDirectory.read(last.path)
                    let header: SegmentFormat.Header, length: Int
                    do { (header, length) = try SegmentFormat.Header.decode(bytes) } catch {
                        throw AuditError(.corrupt, "\(last.path): the segment header does not decode (\(error)); run keepctl audit verify")
                    }
                    let torn: Int?, frames = SegmentFormat.frames(bytes, from: length)
                    do {
                        try walker.begin(header, headerLength: length)
                        torn = try walker.walk(frames)
                    } catch {
                        throw AuditError(.corrupt, "\(last.path) does not verify: \(error); keepd does not append to a damaged audit log (keepctl audit verify)")
                    }
                    chain = walker.state
                    segment = header.segment
                    segmentNodeID = header.nodeID
                    segmentSize = SegmentFormat.dataEnd(of: frames, headerLength: length)
                    allocatedSize = bytes.count
                    descriptor = Glibc.open(last.path, O_WRONLY | O_CLOEXEC)
                    guard descriptor >= 0 else { throw AuditError(.io, "cannot open \(last.path): \(String(cString: strerror(errno)))") }
                    if let torn {
                        // Cut with the preallocated zeros after it; the next batch allocates again.
                        guard ftruncate(descriptor, off_t(torn)) == 0, fsync(descriptor) == 0 else {
                            throw AuditError(.io, "cannot cut the incomplete last frame of \(last.path): \(String(cString: strerror(errno)))")
                        }
                        allocatedSize = torn
                    }
                    macKey = try keys.macKey(segment: header.segment, nodeID: header.nodeID, version: header.macKeyVersion)
                    recovery = Recovery(fresh: false, lastSequence: chain.sequence,
                                        cleanStop: chain.lastCheckpointKind == .shutdown && chain.recordsSinceCheckpoint == 0,
                                        tornBytesDiscarded: torn.map { start in (bytes[start...].lastIndex { $0 != 0 } ?? start - 1) + 1 - start } ?? 0)
                    // A closed segment, or one another node id wrote, is not appended to: the next one begins.
                    let closedSegment = chain.lastCheckpointKind == .segmentEnd && chain.recordsSinceCheckpoint == 0
                    if closedSegment || header.nodeID != configuration.nodeID || segmentSize >= configuration.segmentBytes {
                        try startSegment(after: closedSegment)
                    }
                } else {
                    chain = ChainState()
                    segment = 0
                    segmentNodeID = configuration.nodeID
                    segmentSize = 0
                    allocatedSize = 0
                    descriptor = -1
                    macKey = SymmetricKey(SecureBytes(zeroes: 32))
                    recovery = Recovery(fresh: true, lastSequence: 0, cleanStop: true, tornBytesDiscarded: 0)
                    try createSegment(1, heads: [:], previousCheckpointFrame: [])
                }
            } catch {
                Glibc.close(lockDescriptor)
                throw error
            }
            publish()
        }

        deinit {
            if descriptor >= 0 { Glibc.close(descriptor) }
            if lockDescriptor >= 0 { Glibc.close(lockDescriptor) }
        }

        /// One writer per log: a second process appending would fork the chain.
        private static func lock(_ directory: String) throws -> Int32 {
            let path = (directory as NSString).appendingPathComponent("lock")
            let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw AuditError(.io, "cannot open \(path): \(String(cString: strerror(errno)))") }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                Glibc.close(fd)
                throw AuditError(.inUse, "another process has the audit log \(directory) open")
            }
            return fd
        }

        private func auditKeys() throws(AuditError) -> any AuditKeys {
            guard let heldKeys else { throw AuditError(.closed, "the audit log is closed") }
            return heldKeys
        }

        // MARK: Committing

        /// How long the writer thread may wait for others to share its fsync: the last fsync's duration, bounded.
        var gatherWindow: UInt64 { min(lastSyncNanoseconds, Self.maximumGatherNanoseconds) }

        /// Commits `items` in order (records in group commits, checkpoints, the close) and finishes each. Called
        /// by the one thread committing. Returns false once the log is closed.
        func process(_ items: [Pending]) -> Bool {
            var batch: [Pending] = []
            for item in items {
                switch item.request {
                case .records:
                    batch.append(item)
                case .checkpoint:
                    commit(batch)
                    batch = []
                    item.finish(Result { () throws(AuditError) -> [UInt64] in
                        if let failure { throw failure }
                        if chain.recordsSinceCheckpoint > 0 { try writeCheckpoint(.interval) }
                        return []
                    })
                case .tick:
                    item.finish(.success([]))
                case .close:
                    commit(batch)
                    batch = []
                    let result = Result { () throws(AuditError) -> [UInt64] in
                        if let failure { throw failure }
                        try writeCheckpoint(.shutdown)
                        return []
                    }
                    closed = true
                    if descriptor >= 0 {
                        trim()
                        Glibc.close(descriptor)
                        descriptor = -1
                    }
                    // Another process may open the log, and the HSM partition, from here on.
                    if lockDescriptor >= 0 { Glibc.close(lockDescriptor) }
                    lockDescriptor = -1
                    heldKeys = nil
                    item.finish(result)
                    return false
                }
            }
            commit(batch)
            if failure == nil, !closed, checkpointDue() {
                do { try writeCheckpoint(.interval) } catch { /* retried after the next batch; records stay durable */ }
            }
            return !closed
        }

        private func checkpointDue() -> Bool {
            chain.recordsSinceCheckpoint >= configuration.checkpointRecords
                || (chain.recordsSinceCheckpoint > 0 && ContinuousClock.now - lastCheckpointInstant >= configuration.checkpointInterval)
        }

        /// One group commit: every record of `batch` encoded and chained, one write, one fdatasync, then every
        /// caller released with its sequence numbers, or with the error.
        private func commit(_ batch: [Pending]) {
            guard !batch.isEmpty else { return }
            if let failure {
                for item in batch { item.finish(.failure(failure)) }
                return
            }
            if segmentSize >= configuration.segmentBytes {
                do { try startSegment(after: false) } catch {
                    for item in batch { item.finish(.failure(error)) }
                    return
                }
            }
            var next = chain
            var bytes: [UInt8] = []
            var accepted: [(Pending, [UInt64])] = []
            let now = configuration.clock()
            for item in batch {
                guard case .records(let entries) = item.request else { continue }
                var trial = next
                var frames: [UInt8] = []
                var sequences: [UInt64] = []
                do {
                    for entry in entries {
                        let head = trial.heads[entry.domain] ?? DomainHead(sequence: 0, digest: AuditRecord.zeroDigest)
                        let record = AuditRecord(sequence: trial.sequence + 1, domainSequence: head.sequence + 1, time: max(now, trial.lastTime + 1),
                                                 nodeID: segmentNodeID, previousDigest: trial.lastDigest, previousDomainDigest: head.digest,
                                                 entry: entry)
                        let canonical = try record.canonicalBytes()
                        let mac = try AuditRecord.mac(canonical: canonical, previousMAC: trial.lastMAC, key: macKey)
                        let digest = AuditRecord.digest(canonical: canonical, mac: mac)
                        frames += SegmentFormat.recordFrame(canonical: canonical, mac: mac)
                        trial.sequence = record.sequence
                        trial.lastDigest = digest
                        trial.lastMAC = mac
                        trial.lastTime = record.time
                        trial.heads[entry.domain] = DomainHead(sequence: record.domainSequence, digest: digest)
                        trial.changed.insert(entry.domain)
                        trial.recordsSinceCheckpoint += 1
                        sequences.append(record.sequence)
                    }
                } catch {
                    item.finish(.failure(error as? AuditError ?? AuditError(.invalidInput, "cannot encode an audit record: \(error)")))
                    continue
                }
                next = trial
                bytes += frames
                accepted.append((item, sequences))
            }
            guard !accepted.isEmpty else { return }
            do {
                try append(bytes)
            } catch {
                for (item, _) in accepted { item.finish(.failure(error)) }
                return
            }
            chain = next
            segmentSize += bytes.count
            publish()
            let count = accepted.reduce(0) { $0 + $1.1.count }
            stats.withLock {
                $0.records += count
                $0.batches += 1
                $0.syncs += 1
            }
            for (item, sequences) in accepted { item.finish(.success(sequences)) }
        }

        /// Writes `bytes` at the end of the segment's data and syncs. A failed write is cut back so the file holds
        /// only durable frames, and the log stays usable; a failed sync makes the log unavailable (see `AuditLog`).
        private func append(_ bytes: [UInt8]) throws(AuditError) {
            do {
                try configuration.faultInjector?(.write)
                allocate(segmentSize + bytes.count)
                var written = 0
                while written < bytes.count {
                    let n = bytes.withUnsafeBytes {
                        pwrite(descriptor, $0.baseAddress! + written, $0.count - written, off_t(segmentSize + written))
                    }
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { throw AuditError(.io, "cannot write the audit log: \(String(cString: strerror(errno)))") }
                    written += n
                }
            } catch {
                let reason = (error as? AuditError)?.reason ?? "cannot write the audit log: \(error)"
                // Cut back to the durable frames, the preallocated zeros with them; the next batch allocates again.
                if ftruncate(descriptor, off_t(segmentSize)) != 0 {
                    let failure = AuditError(.unavailable, "\(reason); cutting back the partial write failed too: restart keepd")
                    self.failure = failure
                    throw failure
                }
                allocatedSize = segmentSize
                throw AuditError(.io, reason)
            }
            do {
                try configuration.faultInjector?(.sync)
                let start = DispatchTime.now().uptimeNanoseconds
                guard fdatasync(descriptor) == 0 else { throw AuditError(.io, String(cString: strerror(errno))) }
                lastSyncNanoseconds = DispatchTime.now().uptimeNanoseconds - start
            } catch {
                let failure = AuditError(.unavailable, "fdatasync of the audit log failed (\((error as? AuditError)?.reason ?? "\(error)")): no further record can be trusted to be durable; restart keepd")
                self.failure = failure
                throw failure
            }
            allocatedSize = max(allocatedSize, segmentSize + bytes.count)
        }

        /// Writes zeros ahead of the data, `preallocationBytes` at a time, and syncs them once, so that a batch's
        /// fdatasync writes its data blocks and nothing else. Zeros written, not `posix_fallocate`: on ext4 an
        /// allocated but unwritten extent is converted at its first write, and that conversion is metadata the
        /// batch's fdatasync must write too (a probe on this project's development disk, 6,400-byte appends each
        /// synced: 123 µs and 53 µs of CPU per sync over written zeros, 200 µs and 80 µs over `posix_fallocate`'s
        /// extents). Best effort: where the zeros do not fit (a full disk, a file-size limit) nothing is allocated
        /// ahead, and the append's own write extends the file, or fails and is cut back.
        private func allocate(_ size: Int) {
            guard size > allocatedSize, size >= preallocationRetryAt else { return }
            let target = max(size, allocatedSize + Self.preallocationBytes)
            let zeros = [UInt8](repeating: 0, count: 64 << 10)
            var offset = allocatedSize
            while offset < target {
                let n = zeros.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, min($0.count, target - offset), off_t(offset)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                offset += n
            }
            guard offset == target, fdatasync(descriptor) == 0 else {
                _ = ftruncate(descriptor, off_t(allocatedSize))
                preallocationRetryAt = size + Self.preallocationBytes / 4
                return
            }
            allocatedSize = target
        }

        /// Cuts the preallocated zeros off a segment that is closed (best effort: a zero tail is valid).
        private func trim() {
            guard allocatedSize > segmentSize, ftruncate(descriptor, off_t(segmentSize)) == 0, fsync(descriptor) == 0 else { return }
            allocatedSize = segmentSize
        }

        /// Writes and syncs a checkpoint of the current state.
        private func writeCheckpoint(_ kind: Checkpoint.Kind) throws(AuditError) {
            let leaves = kind == .segmentEnd ? DomainHead.leaves(chain.heads) : DomainHead.leaves(chain.heads, only: chain.changed)
            let frame: [UInt8], canonical: [UInt8], signature: [UInt8], checkpoint: Checkpoint
            do {
                let keys = try auditKeys()
                let key = try keys.currentSigningKey()
                checkpoint = Checkpoint(kind: kind, time: max(configuration.clock(), chain.lastTime), nodeID: segmentNodeID, segment: segment,
                                        sequence: chain.sequence, lastDigest: chain.lastDigest, lastMAC: chain.lastMAC,
                                        previousCheckpointDigest: chain.lastCheckpointDigest, signingKeyVersion: key.version,
                                        signingKeyFingerprint: key.fingerprint, domainLeaves: leaves)
                canonical = try checkpoint.canonicalBytes()
                signature = try keys.sign(canonical, version: key.version)
                frame = SegmentFormat.checkpointFrame(canonical: canonical, signature: signature)
            } catch {
                throw error as? AuditError ?? AuditError(.keys, "cannot make a checkpoint: \(error)")
            }
            try append(frame)
            segmentSize += frame.count
            let digest = Checkpoint.digest(canonical: canonical, signature: signature)
            chain.lastCheckpointDigest = digest
            chain.lastCheckpointSequence = chain.sequence
            chain.lastCheckpointFrame = frame
            chain.lastCheckpointKind = kind
            chain.changed = []
            chain.recordsSinceCheckpoint = 0
            chain.lastTime = checkpoint.time
            lastCheckpointInstant = .now
            stats.withLock {
                $0.checkpoints += 1
                $0.syncs += 1
            }
            configuration.onCheckpoint?(CheckpointSummary(kind: kind, segment: segment, sequence: chain.sequence, time: checkpoint.time,
                                                          digest: hex(digest), lastRecordDigest: hex(chain.lastDigest)))
        }

        /// Closes the current segment with a segment-end checkpoint (unless `closed` says it already has one) and
        /// begins the next, whose header carries that checkpoint and every domain's head.
        private func startSegment(after closed: Bool) throws(AuditError) {
            if !closed { try writeCheckpoint(.segmentEnd) }
            guard let frame = chain.lastCheckpointFrame else { throw AuditError(.unavailable, "no closing checkpoint to start a segment from") }
            trim()
            let old = descriptor
            try createSegment(segment + 1, heads: chain.heads, previousCheckpointFrame: frame)
            if old >= 0 { Glibc.close(old) }
            stats.withLock {
                $0.segments += 1
                $0.syncs += 2
            }
        }

        private func createSegment(_ number: UInt32, heads: [String: DomainHead], previousCheckpointFrame: [UInt8]) throws(AuditError) {
            let path = (directory as NSString).appendingPathComponent(SegmentFormat.fileName(number))
            let key: SymmetricKey, version: UInt32, bytes: [UInt8]
            do {
                let keys = try auditKeys()
                version = try keys.currentMACKeyVersion()
                key = try keys.macKey(segment: number, nodeID: configuration.nodeID, version: version)
                bytes = try SegmentFormat.Header(segment: number, nodeID: configuration.nodeID, macKeyVersion: version, heads: heads,
                                                 previousCheckpointFrame: previousCheckpointFrame).encoded()
            } catch {
                throw error as? AuditError ?? AuditError(.keys, "cannot start segment \(number): \(error)")
            }
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw AuditError(.io, "cannot create \(path): \(String(cString: strerror(errno)))") }
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            guard written == bytes.count, fsync(fd) == 0 else {
                let reason = String(cString: strerror(errno))
                Glibc.close(fd)
                unlink(path)
                throw AuditError(.io, "cannot write the header of \(path): \(reason)")
            }
            let directoryDescriptor = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            defer { if directoryDescriptor >= 0 { Glibc.close(directoryDescriptor) } }
            guard directoryDescriptor >= 0, fsync(directoryDescriptor) == 0 else {
                Glibc.close(fd)
                throw AuditError(.io, "cannot sync the audit directory \(directory): \(String(cString: strerror(errno)))")
            }
            descriptor = fd
            segment = number
            segmentNodeID = configuration.nodeID
            segmentSize = bytes.count
            allocatedSize = bytes.count
            macKey = key
        }

        private func publish() {
            let head = (chain.sequence, hex(chain.lastDigest))
            published.withLock { $0 = head }
        }
    }
}
