import Testing
@testable import KMIP

/// The frame decoder and TTLVFrameBuffer against a byte stream: a message comes out exactly once, when its last
/// byte arrives, however the stream is cut into reads (the swift-nio way of testing a codec).
@Suite("TTLV stream")
struct TTLVStreamTests {
    static let messages = TTLVCodecTests.wireMessages

    @Test func allVectorMessagesLoaded() {
        #expect(Self.messages.count == 103)
    }

    @Test("byte by byte: the message once, at its last byte", arguments: messages)
    func byteByByte(_ message: Vectors.HexMessage) throws {
        let expected = try TTLVDecoder().decodeMessage(message.bytes)
        var buffer = TTLVFrameBuffer()
        for (index, byte) in message.bytes.enumerated() {
            buffer.append(CollectionOfOne(byte))
            let item = try buffer.nextMessage()
            if index < message.bytes.count - 1 {
                #expect(item == nil, "message yielded early, at byte \(index)")
                #expect(buffer.bufferedByteCount == index + 1)
            } else {
                #expect(item == expected)
            }
        }
        #expect(try buffer.nextMessage() == nil)
        #expect(buffer.bufferedByteCount == 0)
    }

    @Test("all messages in one buffer come out in order")
    func concatenated() throws {
        let stream = Self.messages.flatMap(\.bytes)
        let expected = try Self.messages.map { try TTLVDecoder().decodeMessage($0.bytes) }

        var buffer = TTLVFrameBuffer()
        buffer.append(stream)
        #expect(try drain(&buffer) == expected)
        #expect(buffer.bufferedByteCount == 0)

        // The same stream in reads of sizes that straddle message boundaries everywhere.
        for readSize in [1, 7, 8, 9, 97, 1000, 4096] {
            var chunked = TTLVFrameBuffer()
            var out: [TTLV] = []
            var start = 0
            while start < stream.count {
                let end = min(start + readSize, stream.count)
                chunked.append(stream[start..<end])
                out += try drain(&chunked)
                start = end
            }
            #expect(out == expected, "reads of \(readSize) bytes")
            #expect(chunked.bufferedByteCount == 0)
        }
    }

    @Test("split at every offset into two appends: the message exactly once", arguments: messages)
    func everySplit(_ message: Vectors.HexMessage) throws {
        let expected = try TTLVDecoder().decodeMessage(message.bytes)
        let bytes = message.bytes
        for split in 0...bytes.count {
            var buffer = TTLVFrameBuffer()
            buffer.append(bytes[..<split])
            let first = try drain(&buffer)
            buffer.append(bytes[split...])
            let second = try drain(&buffer)
            if split < bytes.count {
                #expect(first.isEmpty && second == [expected], "split at \(split)")
            } else {
                #expect(first == [expected] && second.isEmpty, "split at \(split)")
            }
            #expect(buffer.bufferedByteCount == 0)
        }
    }

    /// Each proper prefix is passed in an allocation of exactly its size: tests build without optimisation, where
    /// UnsafeRawBufferPointer checks its bounds, so a read past the prefix traps (the fuzzer adds ASan for -O).
    @Test("every proper prefix needs more bytes, never read past", arguments: messages)
    func properPrefixes(_ message: Vectors.HexMessage) throws {
        let bytes = message.bytes
        for length in 0..<bytes.count {
            let frame = try withExactCopy(bytes[..<length]) { raw throws(TTLVError) in try TTLVDecoder().decodeFrame(raw) }
            let needed = length < TTLVDecoder.headerSize ? TTLVDecoder.headerSize : bytes.count
            #expect(frame == .needMoreBytes(totalBytes: needed), "prefix of \(length) bytes")
        }
        let whole = try withExactCopy(bytes[...]) { raw throws(TTLVError) in try TTLVDecoder().decodeFrame(raw) }
        #expect(whole == .message(try TTLVDecoder().decodeMessage(bytes), byteCount: bytes.count))
    }

    @Test("a message followed by part of the next: the first, then need more")
    func messageThenPartial() throws {
        let first = Self.messages[0].bytes
        let second = Self.messages[1].bytes
        let stream = first + second.prefix(20)
        let frame = try TTLVDecoder().decodeFrame(stream)
        #expect(frame == .message(try TTLVDecoder().decodeMessage(first), byteCount: first.count))
        #expect(try TTLVDecoder().decodeFrame(Array(stream[first.count...])) == .needMoreBytes(totalBytes: second.count))
    }

    /// TTLV has no resynchronisation point: once a message is bad the stream stays failed, and good bytes
    /// appended after it never come out.
    @Test("after an error the buffer stays failed")
    func noResynchronisation() throws {
        let good = Self.messages[0].bytes
        var bad = good
        bad[3] = 0x02  // top-level type byte: Integer
        var buffer = TTLVFrameBuffer()
        buffer.append(good + bad)
        #expect(try buffer.nextMessage() != nil)
        for _ in 0..<2 {
            let error = #expect(throws: TTLVError.self) { try buffer.nextMessage() }
            #expect(error?.code == .notAStructure)
            #expect(error?.offset == 0)
            buffer.append(good)
        }
    }

    private func drain(_ buffer: inout TTLVFrameBuffer) throws(TTLVError) -> [TTLV] {
        var out: [TTLV] = []
        while let item = try buffer.nextMessage() { out.append(item) }
        return out
    }
}
