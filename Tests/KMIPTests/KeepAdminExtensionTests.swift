import Testing
@testable import KMIP

private typealias Tag = KMIP.Tag

/// Keep's administration protocol: every payload crosses the wire and back unchanged in the oldest and newest
/// versions, the values sit in the ranges KMIP reserves for extensions (and in Keep's administration block, clear
/// of the tenant-facing extensions), and a payload with a field it does not define is not silently read.
@Suite("Keep administration extension")
struct KeepAdminExtensionTests {
    static let domain = KeepAdminDomain(identifier: "acme", displayName: "Acme Corp", enabled: true, subscriptionActive: false,
                                        keyExportAllowed: true, clientAuthRequired: false, domainKeyVersion: 3,
                                        createdAt: DateTime(secondsSinceEpoch: 1_800_000_000), updatedAt: DateTime(secondsSinceEpoch: 1_800_000_100))
    static let client = KeepAdminClient(fingerprint: String(repeating: "ab", count: 32), domainIdentifier: "acme", role: .hypervisor,
                                        name: "vcenter-prod", subject: "CN=vcenter-prod,O=Example", selfSigned: true, revoked: true,
                                        createdAt: DateTime(secondsSinceEpoch: 1_800_000_000), revokedAt: DateTime(secondsSinceEpoch: 1_800_000_500),
                                        wireProfile: .pykmip)
    static let rotation = KeepAdminRotation(target: .domainKey, domainIdentifier: "acme", running: true, done: 256, total: 1_000,
                                            keyVersion: 4, startedAt: DateTime(secondsSinceEpoch: 1_800_000_000))
    static var key: KeepAdminKey {
        var key = KeepAdminKey(uniqueIdentifier: "6f1c…", objectType: .symmetricKey, state: .compromised, hasKeyMaterial: true)
        key.cryptographicAlgorithm = .aes
        key.cryptographicLength = 256
        key.names = ["vm-1", "vm-1-old"]
        key.initialDate = DateTime(secondsSinceEpoch: 1_800_000_000)
        key.activationDate = DateTime(secondsSinceEpoch: 1_800_000_001)
        key.compromiseDate = DateTime(secondsSinceEpoch: 1_800_000_002)
        key.lastChangeDate = DateTime(secondsSinceEpoch: 1_800_000_003)
        key.revocationReason = RevocationReason(.keyCompromise, message: "laptop stolen")
        key.domainKeyVersion = 3
        return key
    }
    static let activity = KeepAdminActivity(time: DateTime(secondsSinceEpoch: 1_800_000_000), clientName: "admin", operation: .keepModifyDomain,
                                            resultStatus: .operationFailed, resultReason: .permissionDenied)

    static let requests: [any RequestPayload] = [
        KeepCreateDomainRequest(domainIdentifier: "acme", displayName: "Acme", keyExportAllowed: true, clientAuthRequired: false),
        KeepCreateDomainRequest(domainIdentifier: "acme"),
        KeepListDomainsRequest(),
        KeepGetDomainRequest(domainIdentifier: "acme"),
        KeepModifyDomainRequest(domainIdentifier: "acme", enabled: false, subscriptionActive: true, keyExportAllowed: false, clientAuthRequired: true),
        KeepIssueClientRequest(domainIdentifier: "_system", role: .admin, name: "alice", publicKey: [0x30, 0x59, 0x30, 0x13],
                               clientAuthUsage: false, wireProfile: .standard, validityDays: 90),
        KeepRegisterClientRequest(domainIdentifier: "acme", role: .auditor, name: "siem", certificate: [0x30, 0x82, 0x01], wireProfile: .pykmip),
        KeepListClientsRequest(), KeepListClientsRequest(domainIdentifier: "acme"),
        KeepRevokeClientRequest(fingerprint: String(repeating: "cd", count: 32)), KeepRevokeClientRequest(domainIdentifier: "acme", name: "siem"),
        KeepRotateRequest(target: .rootOfTrust), KeepRotateRequest(target: .domainKey, domainIdentifier: "acme"),
        KeepRotationStatusRequest(),
        KeepListKeysRequest(domainIdentifier: "acme", state: .active, maximumItems: 50, offsetItems: 100),
        KeepGetKeyRequest(domainIdentifier: "acme", uniqueIdentifier: "u1"),
        KeepRevokeKeyRequest(domainIdentifier: "acme", uniqueIdentifier: "u1", revocationReason: RevocationReason(.cessationOfOperation, message: "retired")),
        KeepDestroyKeyRequest(domainIdentifier: "acme", uniqueIdentifier: "u1"),
        KeepServerStatusRequest(),
    ]

    static let responses: [any ResponsePayload] = [
        KeepCreateDomainResponse(domain: domain),
        KeepListDomainsResponse(domains: [domain, domain]), KeepListDomainsResponse(domains: []),
        KeepGetDomainResponse(domain: domain, objectCounts: [KeepAdminObjectCount(state: .active, count: 12), KeepAdminObjectCount(state: .destroyed, count: 1)],
                              rotation: rotation, activity: [activity, KeepAdminActivity(time: DateTime(secondsSinceEpoch: 1), clientName: "x", operation: nil, resultStatus: .success, resultReason: nil)]),
        KeepModifyDomainResponse(domain: domain),
        KeepIssueClientResponse(client: client, certificate: [0x30, 0x82, 0x02, 0x00]),
        KeepRegisterClientResponse(client: client),
        KeepListClientsResponse(clients: [client]),
        KeepRevokeClientResponse(client: client),
        KeepRotateResponse(rotation: KeepAdminRotation(target: .rootOfTrust, running: false, done: 3, total: 3, keyVersion: 2)),
        KeepRotationStatusResponse(rotations: [rotation]),
        KeepListKeysResponse(keys: [key, KeepAdminKey(uniqueIdentifier: "u2", objectType: .secretData, state: .destroyed, hasKeyMaterial: false)], count: 1_234),
        KeepGetKeyResponse(key: key), KeepRevokeKeyResponse(key: key), KeepDestroyKeyResponse(key: key),
        KeepServerStatusResponse(serverVersion: "0.1", nodeIdentifier: "kms1", uptime: Interval(seconds: 86_400), connections: 7, requestsInProgress: 1,
                                 rootOfTrustVersion: 2, domains: [KeepAdminDomainSummary(domain: domain, objectCounts: [KeepAdminObjectCount(state: .active, count: 3)])],
                                 rotations: [rotation], auditChainHead: "c0ffee"),
    ]

    @Test(arguments: [ProtocolVersion.v1_0, .v2_1])
    func everyRequestCrossesTheWireUnchanged(version: ProtocolVersion) throws {
        for payload in Self.requests {
            let bytes = RequestMessage(version: version, [RequestBatchItem(payload)]).encoded()
            let decoded = try RequestMessage(bytes: bytes)
            let item = try #require(decoded.batchItems.first)
            #expect(item.operation == type(of: payload).operation)
            guard case .typed(let typed) = item.payload else {
                Issue.record("\(type(of: payload)) did not decode: \(item.payload.decodingError.map { String(describing: $0) } ?? "")")
                continue
            }
            #expect(typed.ttlv(version: version) == payload.ttlv(version: version), "\(type(of: payload))")
            #expect(decoded.encoded() == bytes, "\(type(of: payload)) re-encodes differently")
        }
    }

    @Test(arguments: [ProtocolVersion.v1_0, .v2_1])
    func everyResponseCrossesTheWireUnchanged(version: ProtocolVersion) throws {
        for payload in Self.responses {
            var header = ResponseHeader(protocolVersion: version, timeStamp: DateTime(secondsSinceEpoch: 1_800_000_000), batchCount: 1)
            header.batchCount = 1
            let bytes = ResponseMessage(header: header, batchItems: [ResponseBatchItem(payload)]).encoded()
            let decoded = try ResponseMessage(from: TTLVDecoder().decodeMessage(bytes))
            let item = try #require(decoded.batchItems.first)
            #expect(item.operation == type(of: payload).operation)
            guard case .typed(let typed)? = item.payload else {
                Issue.record("\(type(of: payload)) did not decode")
                continue
            }
            #expect(typed.ttlv(version: version) == payload.ttlv(version: version), "\(type(of: payload))")
            #expect(decoded.encoded() == bytes, "\(type(of: payload)) re-encodes differently")
        }
        // Typed equality too, for the structures with the most optional fields.
        let key = try #require(try Self.roundTrip(KeepGetKeyResponse(key: Self.key), version))
        #expect(key == KeepGetKeyResponse(key: Self.key))
        let status = try #require(try Self.roundTrip(Self.responses.last as! KeepServerStatusResponse, version))
        #expect(status == Self.responses.last as! KeepServerStatusResponse)
    }

    @Test func auditPayloadsRoundTrip() throws {
        let query = KeepAuditQueryResponse(records: [[1, 2, 3], [4]], count: 7)
        #expect(try Self.roundTrip(query, .v2_1) == query)
        let verify = KeepAuditVerifyResponse(verified: false, report: "BROKEN: record 3", brokenSequence: 3)
        #expect(try Self.roundTrip(verify, .v1_4) == verify)
        let export = KeepAuditExportResponse(lines: ["{\"type\":\"keep-audit-export\"}", "{}"])
        #expect(try Self.roundTrip(export, .v2_1) == export)
    }

    static func roundTrip<P: ResponsePayload>(_ payload: P, _ version: ProtocolVersion) throws -> P? {
        let header = ResponseHeader(protocolVersion: version, timeStamp: DateTime(secondsSinceEpoch: 0), batchCount: 1)
        let bytes = ResponseMessage(header: header, batchItems: [ResponseBatchItem(payload)]).encoded()
        return try ResponseMessage(from: TTLVDecoder().decodeMessage(bytes)).batchItems.first?.payload(as: P.self)
    }

    @Test func valuesAreInKeepsAdministrationBlockOfTheExtensionRanges() {
        let operations = Operation.keepAdministration.map(\.0)
        #expect(operations.count == 18 && Set(operations).count == 18)
        #expect(operations.allSatisfy { $0.isExtension && (0x8000_4B10...0x8000_4BFF).contains($0.rawValue) && $0.name == nil })
        #expect(Operation.keepAdministration.allSatisfy { $0.0.displayName == $0.1 })
        #expect(Set(operations) == Set(PayloadTable.administrationEntries.map(\.0)))
        #expect(Operation.create.displayName == "Create" && Operation(rawValue: 0x8000_4BFF).displayName == "0x80004BFF")

        let tags: [Tag] = [
            .keepAdminDomainIdentifier, .keepAdminDisplayName, .keepAdminEnabled, .keepAdminSubscriptionActive, .keepAdminKeyExportAllowed,
            .keepAdminClientAuthRequired, .keepAdminDomainKeyVersion, .keepAdminCreatedAt, .keepAdminUpdatedAt, .keepAdminDomain,
            .keepAdminObjectCount, .keepAdminCount, .keepAdminClientRole, .keepAdminClientName, .keepAdminFingerprint, .keepAdminSubject,
            .keepAdminSelfSigned, .keepAdminRevoked, .keepAdminRevokedAt, .keepAdminClient, .keepAdminPublicKey, .keepAdminCertificate,
            .keepAdminClientAuthUsage, .keepAdminWireProfile, .keepAdminValidityDays, .keepAdminRotationTarget, .keepAdminRotation,
            .keepAdminDone, .keepAdminTotal, .keepAdminKeyVersion, .keepAdminRunning, .keepAdminStartedAt, .keepAdminKey, .keepAdminKeyName,
            .keepAdminHasKeyMaterial, .keepAdminServerVersion, .keepAdminNodeIdentifier, .keepAdminUptime, .keepAdminConnections,
            .keepAdminRequestsInProgress, .keepAdminRootOfTrustVersion, .keepAdminAuditChainHead, .keepAdminActivity, .keepAdminTime,
            .keepAdminDomainSummary, .keepAuditOperationName, .keepAuditObjectIdentifier, .keepAuditClient, .keepAuditResult,
            .keepAuditKind, .keepAuditSince, .keepAuditUntil, .keepAuditRecord, .keepAuditVerified, .keepAuditReport,
            .keepAuditBrokenSequence, .keepAuditExportLine,
        ]
        #expect(Set(tags).count == tags.count, "two tags share a value")
        #expect(tags.allSatisfy { $0.isExtension && (0x54_4B10...0x54_4BFF).contains($0.rawValue) && $0.name == nil })
    }

    /// The reader is strict for extensions as for the specification's payloads: an unknown field leaves the item
    /// unparsed (the server answers Invalid Field) instead of being dropped.
    @Test func aFieldThePayloadDoesNotDefineIsNotIgnored() throws {
        var payload = KeepCreateDomainRequest(domainIdentifier: "acme").ttlv(version: .v2_1)
        guard case .structure(let children) = payload.value else { Issue.record("not a structure"); return }
        payload = .structure(.requestPayload, children + [TTLV(.keepAdminPublicKey, .byteString([1, 2, 3]))])
        let message = TTLV.structure(.requestMessage, [
            RequestHeader(protocolVersion: .v2_1, batchCount: 1).ttlv(.requestHeader, version: .v2_1),
            .structure(.batchItem, [TTLV(.operation, .enumeration(Operation.keepCreateDomain.rawValue)), payload]),
        ])
        let decoded = try RequestMessage(bytes: message.encoded())
        #expect(decoded.batchItems.first?.payload.isUnparsed == true)
    }
}
