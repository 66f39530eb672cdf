/// The text forms of TTLV values in KMIP XML `value=` attributes: hexadecimal, decimal and ISO 8601.
/// Parsers return nil on anything malformed; the caller turns that into a located error.
enum XMLValueText {
    // MARK: Hexadecimal

    private static let lowerDigits = Array("0123456789abcdef".utf8)
    private static let upperDigits = Array("0123456789ABCDEF".utf8)

    /// Byte String and Big Integer: two lowercase hex digits per byte, no prefix (as the OASIS test cases write them).
    static func hexBytes(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(lowerDigits[Int(byte >> 4)])
            out.append(lowerDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hex digits, either case, an even number of them, with an optional `0x` prefix. The empty string is no bytes.
    static func parseHexBytes(_ text: String) -> [UInt8]? {
        var utf8 = Substring(text).utf8
        if utf8.starts(with: "0x".utf8) { utf8 = utf8.dropFirst(2) }
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var high: UInt8?
        for char in utf8 {
            guard let nibble = nibble(char) else { return nil }
            if let h = high {
                out.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return out
    }

    @inline(__always) private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `0x0000000A`: the fixed-width form of a 32-bit enumeration, mask or tag-like value.
    static func hex32(_ value: UInt32) -> String { "0x" + fixedHex(UInt64(value), digits: 8) }

    /// `0x0000000047DA67F8`: the fixed-width form of a 64-bit value.
    static func hex64(_ value: UInt64) -> String { "0x" + fixedHex(value, digits: 16) }

    private static func fixedHex(_ value: UInt64, digits: Int) -> String {
        String(decoding: (0..<digits).reversed().map { upperDigits[Int((value >> UInt64($0 * 4)) & 0xF)] }, as: UTF8.self)
    }

    /// `0x` and 1…`maxDigits` hex digits, as an unsigned value of that width.
    static func parsePrefixedHex(_ text: Substring, maxDigits: Int) -> UInt64? {
        guard text.hasPrefix("0x") else { return nil }
        let digits = text.dropFirst(2)
        guard digits.utf8.count <= maxDigits, hexDigitsOnly(digits) else { return nil }
        return UInt64(digits, radix: 16)
    }

    // MARK: Digits

    static func hexDigitsOnly<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
    }

    static func decimalDigitsOnly<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: Decimal

    /// An optional `-` and decimal digits: no `+`, no spaces, no exponent.
    static func parseDecimal<T: FixedWidthInteger>(_ text: Substring, as: T.Type) -> T? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text
        guard digits.utf8.count <= 20, decimalDigitsOnly(digits) else { return nil }
        return T(text, radix: 10)
    }

    // MARK: ISO 8601 date-times

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range a four-digit ISO 8601 year can write.
    static let earliestISOSecond: Int64 = -62_167_219_200
    static let latestISOSecond: Int64 = 253_402_300_799

    /// `2008-03-14T11:56:40+00:00`, or with `fractionDigits` digits of fraction. Always UTC. Nil outside years 0–9999.
    static func iso8601(seconds: Int64, fraction: Int64 = 0, fractionDigits: Int = 0) -> String? {
        guard seconds >= earliestISOSecond, seconds <= latestISOSecond else { return nil }
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if fractionDigits > 0 { text += "." + pad(fraction, fractionDigits) }
        return text + "+00:00"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.f…]` followed by `Z` or `±HH:MM` (a zone is required: a local time names no
    /// instant). Returns seconds since the epoch and the fraction scaled to `fractionDigits` digits; a fraction is
    /// refused when `fractionDigits` is 0 or when it has more digits than that.
    static func parseISO8601(_ text: String, fractionDigits: Int) -> (seconds: Int64, fraction: Int64)? {
        let c = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= c.count else { return nil }
            var value: Int64 = 0
            for char in c[i..<(i + width)] {
                guard char >= UInt8(ascii: "0"), char <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(char - UInt8(ascii: "0"))
            }
            i += width
            return value
        }
        func literal(_ char: Character) -> Bool {
            guard i < c.count, c[i] == char.asciiValue else { return false }
            i += 1
            return true
        }
        guard let year = number(4), literal("-"), let month = number(2), literal("-"), let day = number(2), literal("T"),
              let hour = number(2), literal(":"), let minute = number(2), literal(":"), let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        var fraction: Int64 = 0
        if literal(".") {
            let start = i
            while i < c.count, c[i] >= UInt8(ascii: "0"), c[i] <= UInt8(ascii: "9") { i += 1 }
            let count = i - start
            guard count >= 1, count <= fractionDigits else { return nil }
            i = start
            guard let digits = number(count) else { return nil }
            fraction = digits
            for _ in count..<fractionDigits { fraction *= 10 }
        }
        var zoneOffset: Int64 = 0
        if literal("Z") {
            zoneOffset = 0
        } else {
            let sign: Int64
            if literal("+") { sign = 1 } else if literal("-") { sign = -1 } else { return nil }
            guard let zoneHour = number(2), literal(":"), let zoneMinute = number(2), zoneHour < 24, zoneMinute < 60 else { return nil }
            zoneOffset = sign * (zoneHour * 3600 + zoneMinute * 60)
        }
        guard i == c.count else { return nil }
        let seconds = days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - zoneOffset
        return (seconds, fraction)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (the era-based method: 400-year cycles of 146,097 days,
    /// with years counted from March so the leap day falls last).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromCivil:)`.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

fileprivate extension Int64 {
    /// Division rounding toward negative infinity (Swift's `/` rounds toward zero).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
