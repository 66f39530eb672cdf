// TEMPORARY: stands in for the `tables` branch's EnumerationRegistry until it lands. Delete before finishing.
enum EnumerationRegistry {
    static let masks: [UInt32: [(Int32, String)]] = [
        0x42_002C: [(0x1, "Sign"), (0x2, "Verify"), (0x4, "Encrypt"), (0x8, "Decrypt"), (0x10, "WrapKey"), (0x20, "UnwrapKey")],
    ]
    static let enums: [UInt32: [(UInt32, String)]] = [
        0x42_0057: ObjectType.known.map { ($0.0.rawValue, $0.1) },
        0x42_0028: [(3, "AES")],
    ]
    static let attributes: [String: UInt32] = ["Cryptographic Usage Mask": 0x42_002C, "Object Type": 0x42_0057, "Cryptographic Algorithm": 0x42_0028]
    static func enumerationName(of value: UInt32, tag: Tag) -> String? { enums[tag.rawValue]?.first { $0.0 == value }?.1 }
    static func enumerationValue(named name: String, tag: Tag) -> UInt32? { enums[tag.rawValue]?.first { $0.1 == name }?.0 }
    static func maskNames(of value: Int32, tag: Tag) -> String? {
        guard let table = masks[tag.rawValue] else { return nil }
        let names = table.filter { value & $0.0 != 0 }.map(\.1)
        return names.isEmpty ? nil : names.joined(separator: " ")
    }
    static func maskValue(named name: String, tag: Tag) -> Int32? { masks[tag.rawValue]?.first { $0.1 == name }?.0 }
    static func tag(forAttributeName name: String) -> Tag? { attributes[name].map(Tag.init(rawValue:)) }
}
