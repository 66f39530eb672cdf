import Foundation
import KeepCrypto

/// One domain's records, exported for that tenant alone, with a proof that nothing of the domain in the claimed
/// time range is missing (docs/audit-log.md, "Tenant exports").
///
/// JSON lines: a header (`type` `keep-audit-export`: the domain and the claimed range), the records (each in
/// `AuditFormats.json` form plus `role` and `stored`, the record's bytes in hexadecimal), and last the signed
/// checkpoint that covers the last of them. The proof:
/// - the records form an unbroken domain chain: consecutive domain sequence numbers, each carrying the previous
///   one's digest, so none can be removed, added or reordered;
/// - the checkpoint's signature verifies, and it lists the last record's domain head: nothing of the domain came
///   between that record and the checkpoint;
/// - at the start, the record before the range (`role` `before`, dated before `since`) or the domain's first
///   record (domain sequence 1); at the end, records past `until` (`role` `after`) up to the signed head. Times
///   never decrease along the log, so every record of the domain inside the range lies between the two edges.
/// Other tenants appear only as the number of hashed domain heads in the checkpoint.
public enum TenantExport {
    public static let type = "keep-audit-export"
    public static let format = 1

    /// What a verified export proves: every record of `domain` in `since...until` is in `records`, in order.
    public struct Verified: Sendable {
        public var domain: String
        public var since: Int64?
        public var until: Int64
        public var records: [AuditRecord]
    }

    /// Builds the export of `domain` for `since...until` (microseconds; nil: from the start, to now) from a log
    /// directory. The claimed range may be narrower than asked: it ends at the covering checkpoint, and starts at
    /// the first record present when older segments were archived.
    public static func make(directory: String, domain: String, since: Int64?, until: Int64?) throws -> [String] {
        var before: AuditReader.StoredRecord?
        var included: [AuditReader.StoredRecord] = []
        var head: AuditReader.StoredRecord?
        var anchor: (checkpoint: Checkpoint, stored: [UInt8], headSequence: UInt64)?
        var pastRange = false
        try AuditReader(directory: directory).forEach { item in
            switch item {
            case .record(let stored) where stored.record.entry.domain == domain:
                head = stored
                if let since, stored.record.time < since {
                    before = stored
                } else {
                    included.append(stored)
                    if let until, stored.record.time > until { pastRange = true }
                }
            case .checkpoint(let checkpoint, let stored):
                if let head, checkpoint.domainLeaves.contains(DomainHead.leaf(domain: domain, head: DomainHead(sequence: head.record.domainSequence, digest: head.digest))) {
                    anchor = (checkpoint, stored, head.record.domainSequence)
                    if pastRange { return false }
                }
            default:
                break
            }
            return true
        }
        guard let anchor else {
            throw AuditError(.notCovered, head == nil ? "the log holds no record of domain \(domain)"
                             : "no signed checkpoint covers domain \(domain)'s latest records yet; export again after the next checkpoint")
        }
        included = included.filter { $0.record.domainSequence <= anchor.headSequence }
        if let first = included.first ?? before, before == nil, first.record.domainSequence != 1 {
            // Older segments were archived: the export is complete from the first record present.
            before = nil
        }
        let claimedUntil = min(until ?? Int64.max, anchor.checkpoint.time - 1)
        let claimedSince: Int64? = {
            if before != nil || included.first?.record.domainSequence == 1 { return since }
            return included.first.map { max(since ?? Int64.min, $0.record.time) } ?? since
        }()
        var lines = [header(domain: domain, since: claimedSince, until: claimedUntil)]
        if let before { lines.append(recordLine(before.record, role: "before", stored: before.stored)) }
        for stored in included {
            let role = stored.record.time > claimedUntil ? "after" : "range"
            lines.append(recordLine(stored.record, role: role, stored: stored.stored))
        }
        lines.append("{\"type\":\"checkpoint\",\"stored\":\"\(hex(anchor.stored))\"}")
        return lines
    }

    static func header(domain: String, since: Int64?, until: Int64) -> String {
        "{\"type\":\"\(type)\",\"format\":\(format),\"domain\":\(JSONString.quoted(domain)),"
            + "\"since\":\(since.map { String($0) } ?? "null"),\"until\":\(until)}"
    }

    static func recordLine(_ record: AuditRecord, role: String, stored: [UInt8]) -> String {
        AuditFormats.json(record, extra: [("role", JSONString.quoted(role)), ("stored", JSONString.quoted(hex(stored)))])
    }

    /// Checks an export with the signing public keys alone. Throws an `AuditError` (`.corrupt`) saying what fails.
    public static func verify(_ lines: [String], publicKeys: [Ed25519.PublicKey]) throws -> Verified {
        func fail(_ reason: String) -> AuditError { AuditError(.corrupt, "the export does not verify: \(reason)") }
        let lines = lines.filter { !$0.isEmpty }
        guard lines.count >= 2, let head = object(lines[0]), head["type"] as? String == type, head["format"] as? Int == format,
              let domain = head["domain"] as? String, let until = (head["until"] as? NSNumber)?.int64Value else {
            throw fail("the first line is not an export header")
        }
        let since = (head["since"] as? NSNumber)?.int64Value
        guard lines[0] == header(domain: domain, since: since, until: until) else { throw fail("the header is not in canonical form") }
        guard let last = object(lines[lines.count - 1]), last["type"] as? String == "checkpoint", let hexCheckpoint = last["stored"] as? String,
              let storedCheckpoint = bytes(fromHex: hexCheckpoint), storedCheckpoint.count > SegmentFormat.signatureBytes else {
            throw fail("the last line is not a checkpoint")
        }
        let canonical = storedCheckpoint.dropLast(SegmentFormat.signatureBytes)
        let signature = Array(storedCheckpoint.suffix(SegmentFormat.signatureBytes))
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint(canonical: canonical) } catch { throw fail("the checkpoint does not decode") }
        guard let key = publicKeys.first(where: { $0.fingerprint == checkpoint.signingKeyFingerprint }) else {
            throw fail("the checkpoint is signed by a key that was not given")
        }
        guard key.isValidSignature(signature, for: canonical) else { throw fail("the checkpoint's signature does not verify") }

        var records: [(AuditRecord, role: String, digest: [UInt8])] = []
        for (index, line) in lines.dropFirst().dropLast().enumerated() {
            guard let fields = object(line), fields["type"] == nil, let role = fields["role"] as? String, ["before", "range", "after"].contains(role),
                  let hexStored = fields["stored"] as? String, let stored = bytes(fromHex: hexStored), stored.count > SegmentFormat.macBytes else {
                throw fail("line \(index + 2) is not an exported record")
            }
            let canonical = stored.dropLast(SegmentFormat.macBytes)
            let record: AuditRecord
            do { record = try AuditRecord(canonical: canonical) } catch { throw fail("line \(index + 2): the stored record does not decode") }
            guard line == recordLine(record, role: role, stored: stored) else {
                throw fail("line \(index + 2): the readable fields differ from the stored record")
            }
            records.append((record, role, AuditRecord.digest(canonical: canonical, mac: Array(stored.suffix(SegmentFormat.macBytes)))))
        }
        guard !records.isEmpty else { throw fail("the export holds no record") }
        for (index, (record, role, _)) in records.enumerated() {
            guard record.entry.domain == domain else { throw fail("record \(record.sequence) belongs to another domain") }
            if index > 0 {
                let previous = records[index - 1]
                guard record.domainSequence == previous.0.domainSequence + 1, record.previousDomainDigest == previous.digest else {
                    throw fail("the domain chain breaks after domain record \(previous.0.domainSequence): a record is missing, added or out of order")
                }
            }
            switch role {
            case "before":
                guard index == 0, let since, record.time < since else { throw fail("a 'before' record that is not first or not before the range") }
            case "range":
                guard since.map({ record.time >= $0 }) ?? true, record.time <= until else { throw fail("record \(record.sequence) is outside the claimed range") }
                if index > 0, records[index - 1].role == "after" { throw fail("a record in range follows one after it") }
            default:
                guard record.time > until else { throw fail("an 'after' record inside the claimed range") }
            }
        }
        let first = records[0].0
        if records[0].role != "before" {
            // Without the record before the range, the start is proven only by the domain's first record, or (older
            // segments archived) by a range that claims to start exactly at the first record present.
            guard first.domainSequence == 1 || since == first.time else {
                throw fail("the start of the range is not proven: neither the record before it nor the domain's first record")
            }
        }
        let (lastRecord, _, lastDigest) = records[records.count - 1]
        guard checkpoint.domainLeaves.contains(DomainHead.leaf(domain: domain, head: DomainHead(sequence: lastRecord.domainSequence, digest: lastDigest))),
              lastRecord.sequence <= checkpoint.sequence else {
            throw fail("the checkpoint does not sign the domain's last record: records at the end are missing")
        }
        guard until < checkpoint.time else { throw fail("the range claims to end after the checkpoint that covers it") }
        return Verified(domain: domain, since: since, until: until, records: records.filter { $0.role == "range" }.map(\.0))
    }

    private static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
