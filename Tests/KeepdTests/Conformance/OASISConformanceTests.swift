import KeepdTestSupport
import Foundation
import KMIP
import KeepServer
import KeyHierarchy
import Testing

/// The OASIS KMIP 1.4 profile test cases (symmetric-key profiles) and the KMIP 1.1/1.4 test cases of
/// ovh-kmip-go-testdata, run as request/response sequences against keepd (`OASISRunner`), with the pass counts
/// per profile that docs/conformance.md reports.
@Suite("OASIS test cases against keepd", .serialized)
struct OASISConformanceTests {
    /// One keepd for the whole table; each test case (or chain of cases, `OASISTestCase.domainGroup`) runs in a
    /// domain of its own, as a hypervisor client whose domain allows key export, so no case sees another's
    /// objects. The cases that wait for time to pass run in `OASISWaitingConformanceTests`, beside this one.
    @Test func profileTestCasesPassAgainstKeepd() throws {
        let outcomes = try Self.run(OASISCatalog.inScope.filter { !$0.waits })
        Self.check(outcomes)
        print(Self.summary(outcomes))
    }

    /// Runs `cases` in catalog order against one keepd: the outcome of each.
    static func run(_ cases: [OASISTestCase]) throws -> [OASISRunner.Outcome] {
        var groups: [String] = []
        for testCase in cases where !groups.contains(testCase.domainGroup) { groups.append(testCase.domainGroup) }
        let domainOf = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1, "oasis-\($0)") })
        let keepd = try RunningKeepd(domains: groups.map { (domainOf[$0]!, DomainPolicy(allowsKeyExport: true)) },
                                     clients: groups.map { RunningKeepd.Client(name: domainOf[$0]!, domain: domainOf[$0]!) },
                                     // The server policy TC_151 assumes: fresh keys in an object group named "default".
                                     configure: { $0.freshKeyGroups = ["default": 256] })
        var outcomes: [OASISRunner.Outcome] = []
        var connections: [String: KMIPTestConnection] = [:]
        var runners: [String: OASISRunner] = [:]
        for testCase in cases {
            let domain = domainOf[testCase.domainGroup]!
            let connection = try connections[domain] ?? keepd.connect(as: domain)
            connections[domain] = connection
            // A chained case starts from its predecessor's objects, not from its bindings.
            let runner = OASISRunner(connection: connection, continuing: runners[domain])
            runners[domain] = runner
            outcomes.append(runner.run(testCase))
        }
        connections.values.forEach { $0.close() }
        #expect(keepd.stop() == 0)
        return outcomes
    }

    /// Every outcome is a pass but the expected failures, which must fail (so their list stays true).
    static func check(_ outcomes: [OASISRunner.Outcome]) {
        for outcome in outcomes {
            let id = outcome.testCase.id
            if let reason = OASISCatalog.expectedFailures[id] {
                #expect(!outcome.passed, "\(id) is listed as an expected failure (\(reason)) but passes: take it off the list")
            } else {
                #expect(outcome.passed, "\(outcome.report)")
            }
        }
        if ProcessInfo.processInfo.environment["OASIS_REPORT"] != nil {
            for outcome in outcomes where !outcome.passed { print(outcome.report) }
        }
    }

    /// Every file of the profiles in scope is in the catalog, run or listed as out of scope with a reason.
    @Test func theCatalogCoversEveryFileOfTheProfilesInScope() throws {
        let root = OASISTestCase.vectorsDirectory
        var files: [String] = []
        for folder in ["kmip_1_4/mandatory", "kmip_1_4/optional"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            where name.hasSuffix(".xml") && OASISCatalog.profilePrefixes.contains(where: { name.hasPrefix($0.prefix) }) {
                files.append("\(folder)/\(name)")
            }
        }
        for folder in ["ovh-kmip-go-testdata/v1.1", "ovh-kmip-go-testdata/v1.4"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) where name.hasSuffix(".xml") {
                files.append("\(folder)/\(name)")
            }
        }
        let run = Set(OASISCatalog.inScope.map(\.path))
        let excluded = Set(OASISCatalog.outOfScope.map(\.path))
        #expect(run.isDisjoint(with: excluded))
        let listed = run.union(excluded)
        let unlisted = Set(files).subtracting(listed).sorted(), missing = listed.subtracting(files).sorted()
        #expect(unlisted.isEmpty && missing.isEmpty, "not in the catalog: \(unlisted); in the catalog but not on disk: \(missing)")
        #expect(OASISCatalog.outOfScope.allSatisfy { !$0.reason.isEmpty })
        #expect(Set(OASISCatalog.expectedFailures.keys).isSubset(of: Set(OASISCatalog.inScope.map(\.id))))
    }

    /// docs/conformance.md's pass counts are what the catalog implies: every file in scope passes but the expected
    /// failures (which the first test holds true).
    @Test func theConformanceDocumentReportsTheCatalogsCounts() throws {
        let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/conformance.md")
        let rows = try String(contentsOf: document, encoding: .utf8).split(separator: "\n").map(String.init)
        var total = (passed: 0, files: 0)
        for profile in OASISProfile.allCases {
            let files = OASISCatalog.inScope.filter { $0.profile == profile }
            let passed = files.filter { OASISCatalog.expectedFailures[$0.id] == nil }.count
            total = (total.passed + passed, total.files + files.count)
            let row = rows.first { $0.hasPrefix("| \(profile.rawValue) — ") }
            #expect(row?.contains("| \(passed) / \(files.count) |") == true, "docs/conformance.md: \(profile.rawValue) should read \(passed) / \(files.count)")
        }
        #expect(rows.contains { $0.hasPrefix("| **all** | **\(total.passed) / \(total.files)** |") }, "docs/conformance.md: all should read \(total.passed) / \(total.files)")
    }

    /// Files passed / files run, per profile, as docs/conformance.md shows them.
    static func summary(_ outcomes: [OASISRunner.Outcome]) -> String {
        var lines = ["OASIS test cases against keepd (passed / in scope):"]
        for profile in OASISProfile.allCases {
            let mine = outcomes.filter { $0.testCase.profile == profile }
            let failed = mine.filter { !$0.passed }.map(\.testCase.id)
            lines.append("  \(profile.rawValue): \(mine.count - failed.count) / \(mine.count)" + (failed.isEmpty ? "" : "  failing: \(failed.joined(separator: ", "))"))
        }
        return lines.joined(separator: "\n")
    }
}

/// The test cases that wait for time to pass (TC_92 waits 120 s for a Deactivation Date), on a keepd of their own,
/// in a suite apart so that the wait overlaps the rest of the tests.
@Suite("OASIS test cases that wait, against keepd")
struct OASISWaitingConformanceTests {
    @Test func testCasesThatWaitPassAgainstKeepd() throws {
        let cases = OASISCatalog.inScope.filter(\.waits)
        #expect(!cases.isEmpty)
        OASISConformanceTests.check(try OASISConformanceTests.run(cases))
    }
}
