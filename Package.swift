// swift-tools-version:6.0
// Keep: a KMIP key-management service with an emulated HSM for VM encryption.
//
// No Swift package dependencies, on purpose: a KMS keeps its supply chain small.
// System libraries come in through system-library targets (OpenSSL 3, SQLite).
import PackageDescription

let package = Package(
    name: "Keep",
    products: [
        .library(name: "KeepCrypto", targets: ["KeepCrypto"]),
        .library(name: "KMIP", targets: ["KMIP"]),
        .library(name: "KeepStore", targets: ["KeepStore"]),
        .library(name: "KeyHierarchy", targets: ["KeyHierarchy"]),
        .library(name: "KeepTLS", targets: ["KeepTLS"]),
        .library(name: "KeepAudit", targets: ["KeepAudit"]),
        .library(name: "KeepServer", targets: ["KeepServer"]),
        .library(name: "KeepAdminClient", targets: ["KeepAdminClient"]),
        .library(name: "KeepClient", targets: ["KeepClient"]),
        .executable(name: "keepd", targets: ["keepd"]),
        .executable(name: "keepctl", targets: ["keepctl"]),
        .executable(name: "keep-bench", targets: ["keep-bench"]),
        .executable(name: "keep-vm", targets: ["keep-vm"]),
    ],
    targets: [
        // System libraries: a module map and one umbrella header each.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // C one-liners for function-like macros Swift cannot import; nothing else.
        .target(name: "CKeepShims", dependencies: ["COpenSSL"]),

        // The only Swift targets that import OpenSSL.
        .target(name: "KeepCrypto", dependencies: ["COpenSSL", "CKeepShims"]),
        // TLS contexts, connections and sockets for KMIP's mutual TLS; certificate tooling for keepctl and tests.
        .target(name: "KeepTLS", dependencies: ["COpenSSL", "CKeepShims", "KeepCrypto", "KeepSync"]),

        // Locks for the request path: a running thread takes a free lock at once (Synchronization.Mutex on Linux
        // hands it to a sleeping waiter, which convoys a thread-per-connection server; see docs/performance.md).
        .target(name: "KeepSync"),

        // The HSM partition: keys by handle, never exported. Embedded (sealed file) now; PKCS#11 later.
        .target(name: "KeepHSM", dependencies: ["KeepCrypto", "KeepSync"]),

        // Domains, KEKs, wrapping records, lifecycle, rotation.
        .target(name: "KeyHierarchy", dependencies: ["KeepHSM", "KeepStore", "KeepCrypto", "KMIP"]),

        // Durable storage behind a backend-neutral protocol; the only target that imports SQLite.
        .target(name: "KeepStore", dependencies: ["CSQLite", "KeepSync"]),

        // The tamper-evident audit log: records, MAC chain, signed checkpoints, segments, verification, export.
        .target(name: "KeepAudit", dependencies: ["KeepCrypto", "KeepHSM", "KeepSync"]),

        // The transport-independent KMIP request processor: a message from an authenticated peer in, a response out.
        // Client registry and authorization, access policy, one file per operation under Operations/. No OpenSSL.
        .target(name: "KeepServer", dependencies: ["KMIP", "KeyHierarchy", "KeepStore", "KeepHSM", "KeepCrypto", "KeepTLS", "KeepAudit", "KeepSync"]),

        // keepctl's side of the administration protocol: settings, a KMIP connection over mutual TLS, typed calls.
        .target(name: "KeepAdminClient", dependencies: ["KMIP", "KeepTLS", "KeepCrypto"]),

        // The hypervisor side: a blocking KMIP client (mutual TLS, connection reuse, retries, failover) and the VM
        // encryption workflow (prerequisites, KEK/DEK, XTS disk encryption with a crash-safe journal, rekey).
        .target(name: "KeepClient", dependencies: ["KMIP", "KeepTLS", "KeepCrypto"]),

        // Pure Swift: the KMIP protocol layer, no I/O and no OpenSSL import.
        // It uses KeepCrypto only for SecureBytes, so key material decoded off the wire is zeroized.
        .target(name: "KMIP", dependencies: ["KeepCrypto"]),

        // Thin executables: parse arguments, call a library.
        .executableTarget(name: "keepd", dependencies: ["KeepServer"]),
        .executableTarget(name: "keepctl", dependencies: ["KeepServer", "KeepAdminClient", "KeepAudit", "KeepTLS", "KMIP", "KeyHierarchy", "KeepHSM", "KeepCrypto"]),
        .executableTarget(name: "keep-bench", dependencies: ["KeepCrypto", "KMIP", "KeepHSM", "KeepStore", "KeyHierarchy", "KeepServer", "KeepTLS", "KeepClient"]),
        .executableTarget(name: "keep-vm", dependencies: ["KeepClient", "KeepCrypto"]),

        .testTarget(name: "KeepCryptoTests", dependencies: ["KeepCrypto"], exclude: ["Vectors"]),
        .testTarget(name: "KeepHSMTests", dependencies: ["KeepHSM"]),
        .testTarget(name: "KeepAuditTests", dependencies: ["KeepAudit", "KeepHSM", "KeepCrypto"]),
        .testTarget(name: "KeepTLSTests", dependencies: ["KeepTLS", "KeepCrypto"]),
        // Test-only worker for the SIGKILL durability test.
        .executableTarget(name: "keep-store-torture", dependencies: ["KeyHierarchy", "KeepHSM", "KeepStore", "KeepCrypto"],
                          path: "Tests/StoreTortureWorker"),
        .testTarget(name: "KeyHierarchyTests", dependencies: ["KeyHierarchy", "KeepHSM", "KeepStore", "KeepCrypto", "KMIP"]),
        .testTarget(name: "KeepStoreTests", dependencies: ["KeepStore"]),
        // Test support shared by the test targets that run keepd as a process (RunningKeepd): not a test target
        // itself, so several test targets can depend on it.
        .target(name: "KeepdTestSupport", dependencies: ["KeepServer", "KeepTLS", "KMIP", "KeyHierarchy", "KeepCrypto"],
                path: "Tests/KeepdTestSupport"),
        // keepd as a process: mutual TLS, admission, limits, signals, PyKMIP (Python from the Makefile's .venv).
        .testTarget(name: "KeepdTests", dependencies: ["KeepdTestSupport", "KeepServer", "KeepAdminClient", "KeepTLS", "KMIP", "KeyHierarchy", "KeepCrypto", "KeepAudit"]),
        // The client library against keepd as a process, keep-vm as a process (SIGKILL), Python's AES-XTS as an oracle.
        .testTarget(name: "KeepClientTests", dependencies: ["KeepClient", "KeepdTestSupport", "KeepServer", "KeepTLS", "KMIP",
                                                            "KeyHierarchy", "KeepCrypto"]),
        .testTarget(name: "KeepServerTests", dependencies: ["KeepServer", "KMIP", "KeyHierarchy", "KeepStore", "KeepHSM", "KeepCrypto", "KeepAudit", "KeepTLS"]),
        .testTarget(name: "KMIPTests", dependencies: ["KMIP"], exclude: ["Vectors"]),
    ]
)
