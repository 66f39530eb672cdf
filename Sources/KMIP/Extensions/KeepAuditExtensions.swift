// Reading the audit log through keepd (`keepctl audit show|verify|export` online): operations 0x80004B1F and up,
// tags 0x544B3D and up, after the administration ones (KeepAdminExtensions.swift).
//
// Why through keepd and not only from the files: keepd knows who asks. A tenant's auditor or admin reads its own
// domain's records and nothing else, an installation administrator or auditor reads all, a hypervisor nothing; the
// files give whoever can read them everything. Every read is itself a KMIP request, so it is audited.
// Records travel as their stored bytes (canonical form then MAC), so keepctl formats them exactly as it formats
// records read from the files. Payloads are in Payloads/KeepAdmin/KeepAudit*.swift; docs/administration.md lists
// every field.

extension Operation {
    /// Records matching filters, a page at a time, scoped to what the caller may see.
    public static let keepAuditQuery = Operation(rawValue: 0x8000_4B1F)
    /// keepd verifies its own log (chain, MACs, checkpoint signatures) and reports OK or the first break.
    public static let keepAuditVerify = Operation(rawValue: 0x8000_4B20)
    /// One domain's records with the proof that the export is complete for the range it claims (`TenantExport`).
    public static let keepAuditExport = Operation(rawValue: 0x8000_4B21)
}

extension Tag {
    /// Text String: a KMIP or administration operation's name, as audit records carry it (`Create`, `KeepGetDomain`).
    public static let keepAuditOperationName = Tag(rawValue: 0x54_4B3D)
    /// Text String: an object identifier a record names.
    public static let keepAuditObjectIdentifier = Tag(rawValue: 0x54_4B3E)
    /// Text String: a client's name, certificate fingerprint or subject.
    public static let keepAuditClient = Tag(rawValue: 0x54_4B3F)
    /// Text String: `success`, `failure` or `refused` (the names audit records and keepctl use).
    public static let keepAuditResult = Tag(rawValue: 0x54_4B40)
    /// Text String: `kmip`, `connection`, `admin` or `server`.
    public static let keepAuditKind = Tag(rawValue: 0x54_4B41)
    /// Long Integer: microseconds since the POSIX epoch, inclusive (records are timed to the microsecond; a
    /// Date-Time has seconds only).
    public static let keepAuditSince = Tag(rawValue: 0x54_4B42)
    public static let keepAuditUntil = Tag(rawValue: 0x54_4B43)
    /// Byte String: one record as stored, its canonical bytes then its MAC.
    public static let keepAuditRecord = Tag(rawValue: 0x54_4B44)
    /// Boolean: the log verified.
    public static let keepAuditVerified = Tag(rawValue: 0x54_4B45)
    /// Text String: the verifier's report, one line (`verified: …` or `BROKEN: …`).
    public static let keepAuditReport = Tag(rawValue: 0x54_4B46)
    /// Long Integer: the sequence number of the first record that does not verify.
    public static let keepAuditBrokenSequence = Tag(rawValue: 0x54_4B47)
    /// Text String: one line of a tenant export (JSON), in order.
    public static let keepAuditExportLine = Tag(rawValue: 0x54_4B48)
}
