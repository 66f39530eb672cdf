import Testing
@testable import KeepCrypto

@Suite("XTS-AES-256 sector cipher")
struct XTSTests {
    private static func cipher(_ key: [UInt8], sectorSize: Int = 512) throws -> XTSCipher {
        try XTSCipher(key: SymmetricKey(copying: key), sectorSize: sectorSize)
    }

    @Test("IEEE 1619-2007 vectors 10-14 (XTS-AES-256, 512-byte units) through the public sector API")
    func ieee1619() throws {
        let all = try VectorFile.records("xts/ieee1619-2007-xts-aes.txt")
        #expect(all.count == 21)
        let records = all.filter { record in
            (10...14).contains { record["name"]?.contains("VECTOR \($0) ") == true }
        }
        #expect(records.count == 5)
        for record in records {
            let name = record["name"] ?? "?"
            let sector = try record.unsigned("data_unit_seq_no")
            // IEEE's data unit sequence number is our sector number: the tweak is its little-endian encoding.
            #expect(try record.bytes("tweak") == XTSCipher.plain64Tweak(sector: sector), "\(name)")
            let xts = try Self.cipher(try record.bytes("key1") + record.bytes("key2"))
            let plaintext = try record.bytes("pt"), ciphertext = try record.bytes("ct")
            #expect(plaintext.count == 512)
            var buffer = plaintext
            try xts.encrypt(&buffer, firstSector: sector)
            #expect(buffer == ciphertext, "\(name)")
            try xts.decrypt(&buffer, firstSector: sector)
            #expect(buffer == plaintext, "\(name)")
        }
    }

    /// NIST CAVP XTSGenAES256, 256- and 384-bit data units (not whole sectors): through the internal
    /// single-data-unit entry point. In the seq-no file the tweak must also be our plain64 encoding of the number.
    @Test("NIST CAVP XTSGenAES256, all records", arguments: ["128hexstr", "dataunitseqno"])
    func nist(variant: String) throws {
        let records = try VectorFile.records("xts/nist-cavp-XTSGenAES256-tweak-\(variant).txt")
        #expect(records.count == 600)
        #expect(records.filter { $0["direction"] == "ENCRYPT" }.count == 300)
        #expect(records.filter { $0["data_unit_bits"] == "256" }.count == 200)
        #expect(records.filter { $0["data_unit_bits"] == "384" }.count == 400)
        for record in records {
            let name = "\(record["direction"] ?? "") \(record["name"] ?? "")"
            let tweak = try record.bytes("tweak")
            if variant == "dataunitseqno" {
                #expect(tweak == XTSCipher.plain64Tweak(sector: try record.unsigned("data_unit_seq_no")), "\(name)")
            }
            let xts = try Self.cipher(try record.bytes("key1") + record.bytes("key2"))
            let plaintext = try record.bytes("pt"), ciphertext = try record.bytes("ct")
            #expect(plaintext.count * 8 == Int(try record.unsigned("data_unit_bits")))
            var buffer = plaintext
            try buffer.withUnsafeMutableBytes { try xts.encrypt(dataUnit: $0, tweak: tweak) }
            #expect(buffer == ciphertext, "\(name)")
            buffer = ciphertext
            try buffer.withUnsafeMutableBytes { try xts.decrypt(dataUnit: $0, tweak: tweak) }
            #expect(buffer == plaintext, "\(name)")
        }
    }

    private struct SectorVectors {
        let key: [UInt8]
        let plaintext: [UInt8]
        let ciphertexts: [UInt64: [UInt8]]
    }

    private static func sectorVectors(_ file: String) throws -> SectorVectors {
        let records = try VectorFile.records(file)
        let header = try #require(records.first)
        var ciphertexts: [UInt64: [UInt8]] = [:]
        for record in records.dropFirst() {
            let sector = try record.unsigned("sector")
            #expect(try record.bytes("tweak") == XTSCipher.plain64Tweak(sector: sector))
            ciphertexts[sector] = try record.bytes("ct")
        }
        return SectorVectors(key: try header.bytes("key"), plaintext: try header.bytes("pt"), ciphertexts: ciphertexts)
    }

    @Test("dm-crypt aes-xts-plain64 edge sectors, 512-byte sectors: 0 ... 2^64-1")
    func dmcrypt512() throws {
        let vectors = try Self.sectorVectors("xts/dmcrypt-aes-xts-plain64-generated.txt")
        #expect(vectors.ciphertexts.count == 11)
        #expect(vectors.ciphertexts[UInt64.max] != nil && vectors.ciphertexts[1 << 32] != nil)
        let xts = try Self.cipher(vectors.key)
        for (sector, ciphertext) in vectors.ciphertexts {
            var buffer = vectors.plaintext
            try xts.encrypt(&buffer, firstSector: sector)
            #expect(buffer == ciphertext, "sector \(sector)")
            try xts.decrypt(&buffer, firstSector: sector)
            #expect(buffer == vectors.plaintext, "sector \(sector)")
        }
        // Consecutive sectors in one buffer: each gets its own tweak, incl. across the 2^32 boundary.
        for first: UInt64 in [0, 7, 255, (1 << 32) - 1] {
            var buffer = vectors.plaintext + vectors.plaintext
            try xts.encrypt(&buffer, firstSector: first)
            #expect(buffer == vectors.ciphertexts[first]! + vectors.ciphertexts[first + 1]!, "sectors \(first)...")
            try xts.decryptParallel(&buffer, firstSector: first, threads: 2)
            #expect(buffer == vectors.plaintext + vectors.plaintext)
        }
    }

    @Test("dm-crypt aes-xts-plain64, 4096-byte sectors (generated with two independent implementations)")
    func dmcrypt4096() throws {
        let vectors = try Self.sectorVectors("xts/dmcrypt-aes-xts-plain64-4096-generated.txt")
        #expect(vectors.ciphertexts.count == 4)
        #expect(vectors.plaintext.count == 4096)
        let xts = try Self.cipher(vectors.key, sectorSize: 4096)
        for (sector, ciphertext) in vectors.ciphertexts {
            var buffer = vectors.plaintext
            try xts.encrypt(&buffer, firstSector: sector)
            #expect(buffer == ciphertext, "sector \(sector)")
            try xts.decrypt(&buffer, firstSector: sector)
            #expect(buffer == vectors.plaintext, "sector \(sector)")
        }
        var pair = vectors.plaintext + vectors.plaintext
        try xts.encrypt(&pair, firstSector: 0)
        #expect(pair == vectors.ciphertexts[0]! + vectors.ciphertexts[1]!)
    }

    @Test("a multi-sector buffer equals its sectors encrypted one by one", arguments: [512, 4096])
    func multiSectorEqualsSectorBySector(sectorSize: Int) throws {
        let xts = try Self.cipher(testBytes(64, seed: "multi-key"), sectorSize: sectorSize)
        let plaintext = testBytes(sectorSize * 37, seed: "multi-data")
        let first: UInt64 = 1_000_000_007
        var whole = plaintext
        try xts.encrypt(&whole, firstSector: first)
        var oneByOne: [UInt8] = []
        for index in 0..<37 {
            var sector = Array(plaintext[(index * sectorSize)..<((index + 1) * sectorSize)])
            try xts.encrypt(&sector, firstSector: first + UInt64(index))
            oneByOne += sector
        }
        #expect(whole == oneByOne)
        #expect(whole != plaintext)
        try xts.decrypt(&whole, firstSector: first)
        #expect(whole == plaintext)
    }

    @Test("parallel equals serial on a large buffer, for even and uneven splits")
    func parallelEqualsSerial() throws {
        let xts = try Self.cipher(testBytes(64, seed: "parallel-key"), sectorSize: 4096)
        let plaintext = testBytes(8 << 20, seed: "parallel-data") // 2048 sectors of 4096 bytes
        var serial = plaintext
        try xts.encrypt(&serial, firstSector: 42)
        for threads in [1, 2, 3, 7, 64] {
            var parallel = plaintext
            try xts.encryptParallel(&parallel, firstSector: 42, threads: threads)
            #expect(parallel == serial, "\(threads) threads")
            try xts.decryptParallel(&parallel, firstSector: 42, threads: threads)
            #expect(parallel == plaintext, "\(threads) threads")
        }
        // More threads than sectors.
        var small = Array(plaintext.prefix(3 * 4096)), smallSerial = small
        try xts.encryptParallel(&small, firstSector: 5, threads: 8)
        try xts.encrypt(&smallSerial, firstSector: 5)
        #expect(small == smallSerial)
        #expect(thrownCryptoError { try xts.encryptParallel(&small, firstSector: 0, threads: 0) }?.code == .invalidInput)
    }

    @Test("equal key halves are rejected; halves differing in one bit are not")
    func equalHalves() throws {
        let half = testBytes(32, seed: "half")
        #expect(thrownCryptoError { try Self.cipher(half + half) }?.code == .equalXTSKeyHalves)
        #expect(thrownCryptoError { try Self.cipher([UInt8](repeating: 0, count: 64)) }?.code == .equalXTSKeyHalves)
        var almost = half
        almost[31] ^= 0x01
        _ = try Self.cipher(half + almost)
    }

    @Test("wrong key sizes, sector sizes and buffer lengths are rejected, leaving the buffer untouched")
    func rejections() throws {
        for count in [0, 32, 48, 63, 65] {
            #expect(thrownCryptoError { try Self.cipher(testBytes(count, seed: "k")) }?.code == .invalidKeySize, "\(count)-byte key")
        }
        for size in [0, 16, 256, 1024, 2048, 8192] {
            #expect(thrownCryptoError { try Self.cipher(testBytes(64, seed: "k"), sectorSize: size) }?.code == .invalidInput, "\(size)")
        }
        let xts = try Self.cipher(testBytes(64, seed: "k"))
        for count in [1, 16, 511, 513, 1000, 1025] {
            let original = testBytes(count, seed: "len")
            var buffer = original
            #expect(thrownCryptoError { try xts.encrypt(&buffer, firstSector: 0) }?.code == .invalidInput, "\(count)")
            #expect(thrownCryptoError { try xts.decrypt(&buffer, firstSector: 0) }?.code == .invalidInput, "\(count)")
            #expect(thrownCryptoError { try xts.encryptParallel(&buffer, firstSector: 0, threads: 2) }?.code == .invalidInput, "\(count)")
            #expect(buffer == original)
        }
        var empty: [UInt8] = []
        try xts.encrypt(&empty, firstSector: .max)
        #expect(empty.isEmpty)
    }

    @Test("sector numbers never wrap past 2^64-1")
    func sectorWrap() throws {
        let xts = try Self.cipher(testBytes(64, seed: "wrap"))
        let original = testBytes(1024, seed: "wrap-data")
        var buffer = original
        #expect(thrownCryptoError { try xts.encrypt(&buffer, firstSector: .max) }?.code == .invalidInput)
        #expect(thrownCryptoError { try xts.decryptParallel(&buffer, firstSector: .max, threads: 2) }?.code == .invalidInput)
        #expect(buffer == original)
        var last = Array(original.prefix(1024))
        try xts.encrypt(&last, firstSector: .max - 1) // sectors 2^64-2 and 2^64-1: allowed
        #expect(last != original)
    }

    @Test("raw data units: the tweak must be 16 bytes and the unit at least one block")
    func rawDataUnitChecks() throws {
        let xts = try Self.cipher(testBytes(64, seed: "raw"))
        var unit = testBytes(32, seed: "u")
        #expect(thrownCryptoError { try unit.withUnsafeMutableBytes { try xts.encrypt(dataUnit: $0, tweak: [0]) } }?.code == .invalidInput)
        var short = testBytes(15, seed: "u")
        #expect(thrownCryptoError { try short.withUnsafeMutableBytes { try xts.encrypt(dataUnit: $0, tweak: [UInt8](repeating: 0, count: 16)) } }?.code == .invalidInput)
    }
}
