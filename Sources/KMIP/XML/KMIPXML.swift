/// The KMIP XML message encoding (KMIP Additional Message Encodings v1.0 §6, as the OASIS profile test cases
/// use it), to and from the TTLV item tree. Pure: strings in, items out; no I/O, no Foundation.
///
///     <RequestMessage>
///       <RequestHeader>
///         <ProtocolVersion>
///           <ProtocolVersionMajor type="Integer" value="1"/>
///     …
///       <Operation type="Enumeration" value="Create"/>
///
/// A document holds one message, or several under a `<KMIP>` root (the OASIS test-case files: requests and the
/// responses expected to them, alternating). Value formats, limits and placeholders are described in
/// docs/wire-format.md, "XML encoding".
public enum KMIPXML {
    // MARK: Decoding

    /// The messages of a document: each child of a `<KMIP>` (or `<KmipTestCase>`) root, or the root itself.
    /// Strict: placeholders such as `$NOW` are errors.
    public static func decode(_ xml: String) throws(KMIPXMLError) -> [TTLV] {
        try decode(xml, options: .strict).map(\.message)
    }

    /// The one message a document holds. A `<KMIP>` root holding more than one message is an error.
    public static func decodeMessage(_ xml: String) throws(KMIPXMLError) -> TTLV {
        try decodeMessage(xml, options: .strict).message
    }

    /// The messages of a document, each with the placeholders it held (see `PlaceholderPolicy`).
    public static func decode(_ xml: String, options: Options) throws(KMIPXMLError) -> [DecodedMessage] {
        let utf8 = Array(xml.utf8)
        do throws(XMLFault) {
            let root = try XMLReader.parse(utf8, limits: options.limits)
            var converter = XMLToTTLV(options: options)
            var messages: [DecodedMessage] = []
            for element in try XMLToTTLV.messageElements(of: root) {
                messages.append(try converter.message(element))
            }
            return messages
        } catch {
            throw error.located(in: utf8)
        }
    }

    public static func decodeMessage(_ xml: String, options: Options) throws(KMIPXMLError) -> DecodedMessage {
        let messages = try decode(xml, options: options)
        guard messages.count == 1 else {
            throw KMIPXMLError(.notAMessage, line: 1, column: 1, offset: 0, "expected one message, the document holds \(messages.count)")
        }
        return messages[0]
    }

    // MARK: Encoding

    /// One item as XML: enumerations and mask bits by name where known, in hex otherwise. Never fails: every
    /// TTLV item has an XML form (a Text String holding NUL is written `&#0;`, which XML 1.0 cannot read back).
    public static func encode(_ item: TTLV, indent: Bool = true) -> String {
        encode(DecodedMessage(message: item), indent: indent)
    }

    /// One message, writing each placeholder's text back in place of its stand-in value.
    public static func encode(_ message: DecodedMessage, indent: Bool = true) -> String {
        var writer = TTLVToXML(indent: indent, placeholders: message.placeholders)
        writer.write(message.message, depth: 0)
        return writer.out
    }

    /// Several messages under a `<KMIP>` root, as the OASIS test-case files hold them.
    public static func encodeDocument(_ items: [TTLV], indent: Bool = true) -> String {
        encodeDocument(items.map { DecodedMessage(message: $0) }, indent: indent)
    }

    public static func encodeDocument(_ messages: [DecodedMessage], indent: Bool = true) -> String {
        var out = indent ? "<KMIP>\n" : "<KMIP>"
        for message in messages {
            var writer = TTLVToXML(indent: indent, placeholders: message.placeholders)
            writer.write(message.message, depth: indent ? 1 : 0)
            out += writer.out
        }
        return out + (indent ? "</KMIP>\n" : "</KMIP>")
    }
}
