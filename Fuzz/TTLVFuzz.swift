// libFuzzer entry point for the TTLV decoder. Built by Fuzz/build.sh together with the decoder's sources
// (not through SwiftPM), so it calls the decoder's internals directly.
//
// Bad input must never crash: the decoder returns a frame or throws a TTLVError, and both are fine here.
// The harness crashes on purpose only when the codec contradicts itself, which is always a real bug:
//   - an input that decodes does not re-encode to exactly the same bytes (the decoder is strict, so every
//     accepted encoding is the canonical one);
//   - TTLVFrameBuffer, fed the input in two chunks, disagrees with decodeFrame run over the whole input.

/// The limits a server runs with, and tight ones so that small inputs reach the depth, item-count and
/// message-size checks too (the default limits need far more bytes than libFuzzer's inputs hold).
private let decoders = [
    TTLVDecoder(),
    TTLVDecoder(limits: TTLVLimits(maxMessageSize: 512, maxDepth: 3, maxItems: 24)),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: size)
    for decoder in decoders {
        checkItem(input, decoder)
        let expected = framesOneShot(input, decoder)
        // Split somewhere the input chooses, so the fuzzer explores every split point.
        let split = size == 0 ? 0 : Int(input[size - 1]) % (size + 1)
        let chunked = framesChunked(input, split: split, decoder)
        if chunked != expected {
            fatalError("TTLVFrameBuffer (split at \(split)) disagrees with decodeFrame: \(chunked) vs \(expected)")
        }
    }
    return 0
}

/// decodeItem accepts any item type; whatever it accepts must re-encode bit-identically.
private func checkItem(_ input: UnsafeRawBufferPointer, _ decoder: TTLVDecoder) {
    do throws(TTLVError) {
        let item = try decoder.decodeItem(input)
        requireRoundTrip(item, input)
    } catch {}
}

private func requireRoundTrip(_ item: TTLV, _ bytes: UnsafeRawBufferPointer) {
    let encoded = item.encoded()
    if !encoded.elementsEqual(bytes) {
        fatalError("round trip mismatch: \(bytes.count) bytes decoded to \(item), re-encoded to \(encoded.count) bytes")
    }
}

/// What a stream yields: its messages in order, then how it stops.
private struct Frames: Equatable, CustomStringConvertible {
    var messages: [TTLV] = []
    var error: TTLVError?
    var buffered = 0
    var description: String { "\(messages.count) messages, then \(error.map { "\($0.code) at \($0.offset)" } ?? "\(buffered) bytes buffered")" }
}

/// Decodes messages one after another from the whole input.
private func framesOneShot(_ input: UnsafeRawBufferPointer, _ decoder: TTLVDecoder) -> Frames {
    var frames = Frames()
    var start = 0
    while true {
        let rest = UnsafeRawBufferPointer(rebasing: input[start...])
        do throws(TTLVError) {
            switch try decoder.decodeFrame(rest) {
            case .needMoreBytes(let total):
                if total <= rest.count { fatalError("needMoreBytes(\(total)) with \(rest.count) bytes in hand") }
                frames.buffered = rest.count
                return frames
            case .message(let item, let count):
                requireRoundTrip(item, UnsafeRawBufferPointer(rebasing: rest[..<count]))
                frames.messages.append(item)
                start += count
            }
        } catch {
            frames.error = error
            return frames
        }
    }
}

/// The same stream through TTLVFrameBuffer, appended in two chunks, draining after each.
private func framesChunked(_ input: UnsafeRawBufferPointer, split: Int, _ decoder: TTLVDecoder) -> Frames {
    var frames = Frames()
    var buffer = TTLVFrameBuffer(decoder: decoder)
    for chunk in [input[..<split], input[split...]] {
        buffer.append(chunk)
        do throws(TTLVError) {
            while let item = try buffer.nextMessage() { frames.messages.append(item) }
        } catch {
            frames.error = error
            return frames
        }
    }
    frames.buffered = buffer.bufferedByteCount
    return frames
}
