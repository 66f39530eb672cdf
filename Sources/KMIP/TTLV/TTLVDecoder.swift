/// Decodes TTLV. Pure: it takes bytes and returns an item, or says how many more bytes it needs; it does no I/O.
///
/// Strictness (see docs/wire-format.md): every fixed-size type must declare its exact length; padding must be
/// present and zero; booleans are 0 or 1; text is valid UTF-8; a structure's children must fill it exactly;
/// a message is one structure with nothing after it. Anything else is a `TTLVError` naming the offset.
public struct TTLVDecoder: Sendable {
    public var limits: TTLVLimits

    public init(limits: TTLVLimits = .default) {
        self.limits = limits
    }

    /// What the start of a stream holds.
    public enum Frame: Hashable, Sendable {
        /// Not a whole message yet: at least `totalBytes` bytes (counted from the start) are needed.
        case needMoreBytes(totalBytes: Int)
        /// A whole message, which occupied the first `byteCount` bytes.
        case message(TTLV, byteCount: Int)
    }

    /// The TTLV header is 8 bytes: tag (3), type (1), length (4).
    public static let headerSize = 8

    /// Looks at the start of `bytes`. Never reads past a partial message, and rejects an oversized or
    /// non-structure message as soon as its 8-byte header is in, before buffering the rest.
    public func decodeFrame(_ bytes: UnsafeRawBufferPointer) throws(TTLVError) -> Frame {
        guard bytes.count >= Self.headerSize else { return .needMoreBytes(totalBytes: Self.headerSize) }
        let typeByte = bytes[3]
        guard typeByte == TTLVType.structure.rawValue else {
            throw TTLVError(.notAStructure, at: 0, "a KMIP message is a structure; type byte is 0x\(hex(typeByte))")
        }
        let length = Int(readUInt32(bytes, at: 4))
        let total = Self.headerSize + length
        guard total <= limits.maxMessageSize else {
            throw TTLVError(.messageTooLarge, at: 0, "message of \(total) bytes exceeds the limit of \(limits.maxMessageSize)")
        }
        guard bytes.count >= total else { return .needMoreBytes(totalBytes: total) }
        let item = try decodeItem(UnsafeRawBufferPointer(rebasing: bytes[0..<total]))
        return .message(item, byteCount: total)
    }

    public func decodeFrame(_ bytes: [UInt8]) throws(TTLVError) -> Frame {
        // `withUnsafeBytes` rethrows untyped; carry the typed error out by hand.
        let result: Result<Frame, TTLVError> = bytes.withUnsafeBytes { raw in
            do throws(TTLVError) { return .success(try decodeFrame(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Decodes exactly one message (a structure) occupying all of `bytes`.
    public func decodeMessage(_ bytes: [UInt8]) throws(TTLVError) -> TTLV {
        switch try decodeFrame(bytes) {
        case .needMoreBytes(let total):
            throw TTLVError(.overrun, at: 0, "message truncated: \(bytes.count) of \(total) bytes")
        case .message(let item, let count):
            guard count == bytes.count else {
                throw TTLVError(.trailingBytes, at: count, "\(bytes.count - count) bytes after the message")
            }
            return item
        }
    }

    /// Decodes exactly one item, of any type, occupying all of `bytes`.
    public func decodeItem(_ bytes: UnsafeRawBufferPointer) throws(TTLVError) -> TTLV {
        guard bytes.count <= limits.maxMessageSize else {
            throw TTLVError(.messageTooLarge, at: 0, "\(bytes.count) bytes exceed the limit of \(limits.maxMessageSize)")
        }
        var state = State(bytes: bytes, limits: limits)
        let item = try state.item(depth: 0)
        guard state.offset == bytes.count else {
            throw TTLVError(.trailingBytes, at: state.offset, "\(bytes.count - state.offset) bytes after the item")
        }
        return item
    }

    public func decodeItem(_ bytes: [UInt8]) throws(TTLVError) -> TTLV {
        let result: Result<TTLV, TTLVError> = bytes.withUnsafeBytes { raw in
            do throws(TTLVError) { return .success(try decodeItem(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private struct State {
        let bytes: UnsafeRawBufferPointer
        let limits: TTLVLimits
        var offset = 0
        var items = 0

        init(bytes: UnsafeRawBufferPointer, limits: TTLVLimits) {
            self.bytes = bytes
            self.limits = limits
        }

        /// Decodes the item at `offset`, which must end by `bytes.count`.
        mutating func item(depth: Int, end: Int? = nil) throws(TTLVError) -> TTLV {
            let end = end ?? bytes.count
            let start = offset
            items += 1
            guard items <= limits.maxItems else {
                throw TTLVError(.tooManyItems, at: start, "more than \(limits.maxItems) items")
            }
            guard end - start >= TTLVDecoder.headerSize else {
                throw TTLVError(.overrun, at: start, "\(end - start) bytes left, an item header needs 8")
            }
            let tag = Tag(rawValue: readUInt24(bytes, at: start))
            guard let type = TTLVType(rawValue: bytes[start + 3]) else {
                throw TTLVError(.unknownType, at: start, "unknown item type 0x\(hex(bytes[start + 3])) for tag \(tag)")
            }
            let length = Int(readUInt32(bytes, at: start + 4))
            let valueStart = start + TTLVDecoder.headerSize
            if let fixed = type.fixedLength, length != fixed {
                throw TTLVError(.invalidLength, at: start, "\(type.name) must have length \(fixed), not \(length)")
            }
            guard length <= end - valueStart else {
                throw TTLVError(.overrun, at: start, "\(type.name) \(tag) of length \(length) overruns its container by \(length - (end - valueStart)) bytes")
            }
            let valueEnd = valueStart + length
            // The value fits; its padding must fit too, within the same container.
            let padded = TTLVEncoder.paddedLength(length)
            guard padded <= end - valueStart else {
                throw TTLVError(.invalidPadding, at: valueEnd, "\(type.name) \(tag) is missing \(padded - (end - valueStart)) bytes of padding")
            }
            for i in valueEnd..<(valueStart + padded) where bytes[i] != 0 {
                throw TTLVError(.invalidPadding, at: i, "non-zero padding byte after \(type.name) \(tag)")
            }
            offset = valueStart + padded

            let value: TTLV.Value
            switch type {
            case .structure:
                guard depth < limits.maxDepth else {
                    throw TTLVError(.tooDeep, at: start, "structures nest deeper than \(limits.maxDepth)")
                }
                var children: [TTLV] = []
                offset = valueStart
                while offset < valueEnd {
                    children.append(try item(depth: depth + 1, end: valueEnd))
                }
                value = .structure(children)
            case .integer:
                value = .integer(Int32(bitPattern: readUInt32(bytes, at: valueStart)))
            case .longInteger:
                value = .longInteger(Int64(bitPattern: readUInt64(bytes, at: valueStart)))
            case .bigInteger:
                guard length > 0, length % 8 == 0 else {
                    throw TTLVError(.invalidLength, at: start, "Big Integer length \(length) is not a positive multiple of 8")
                }
                value = .bigInteger(Array(bytes[valueStart..<valueEnd]))
            case .enumeration:
                value = .enumeration(readUInt32(bytes, at: valueStart))
            case .boolean:
                switch readUInt64(bytes, at: valueStart) {
                case 0: value = .boolean(false)
                case 1: value = .boolean(true)
                default: throw TTLVError(.invalidBoolean, at: start, "Boolean \(tag) is neither 0 nor 1")
                }
            case .textString:
                let raw = UnsafeRawBufferPointer(rebasing: bytes[valueStart..<valueEnd])
                guard let string = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else {
                    throw TTLVError(.invalidUTF8, at: start, "Text String \(tag) is not valid UTF-8")
                }
                value = .textString(string)
            case .byteString:
                value = .byteString(Array(bytes[valueStart..<valueEnd]))
            case .dateTime:
                value = .dateTime(Int64(bitPattern: readUInt64(bytes, at: valueStart)))
            case .interval:
                value = .interval(readUInt32(bytes, at: valueStart))
            case .dateTimeExtended:
                value = .dateTimeExtended(Int64(bitPattern: readUInt64(bytes, at: valueStart)))
            }
            return TTLV(tag, value)
        }
    }
}

/// Buffers a byte stream and yields whole messages as they complete. The connection's read loop appends what
/// the socket gives and drains messages; a partial message stays buffered until the rest arrives.
public struct TTLVFrameBuffer: Sendable {
    public let decoder: TTLVDecoder
    private var buffer: [UInt8] = []
    private var start = 0

    public init(decoder: TTLVDecoder = TTLVDecoder()) {
        self.decoder = decoder
    }

    /// Bytes buffered and not yet returned as a message.
    public var bufferedByteCount: Int { buffer.count - start }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole message, or nil if more bytes are needed. After an error the stream is unusable:
    /// TTLV has no resynchronisation point, so the connection must be closed.
    public mutating func nextMessage() throws(TTLVError) -> TTLV? {
        let decoder = self.decoder
        let begin = start
        let result: Result<TTLVDecoder.Frame, TTLVError> = buffer.withUnsafeBytes { raw in
            do throws(TTLVError) {
                return .success(try decoder.decodeFrame(UnsafeRawBufferPointer(rebasing: raw[begin...])))
            } catch { return .failure(error) }
        }
        switch try result.get() {
        case .needMoreBytes:
            return nil
        case .message(let item, let count):
            start += count
            compactIfWorthIt()
            return item
        }
    }

    private mutating func compactIfWorthIt() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 && start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

@inline(__always) func readUInt24(_ b: UnsafeRawBufferPointer, at i: Int) -> UInt32 {
    UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2])
}

@inline(__always) func readUInt32(_ b: UnsafeRawBufferPointer, at i: Int) -> UInt32 {
    UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
}

@inline(__always) func readUInt64(_ b: UnsafeRawBufferPointer, at i: Int) -> UInt64 {
    UInt64(readUInt32(b, at: i)) << 32 | UInt64(readUInt32(b, at: i + 4))
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}
