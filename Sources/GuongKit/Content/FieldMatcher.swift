import Foundation

/// `RegistrationSchema.matchField` as two dictionary lookups: the fields' codes and the folded forms of
/// their names and aliases, made once per parser instead of folding every alias for every value read.
struct FieldMatcher: Sendable {
    private var byCode: [String: Field] = [:]
    private var byKey: [String: Field] = [:]

    init(_ schema: RegistrationSchema) {
        // The first field wins, as `matchField` takes the first match.
        for field in schema.fields where byCode[field.code.lowercased()] == nil {
            byCode[field.code.lowercased()] = field
        }
        for field in schema.fields {
            for name in [field.name, field.id, field.short] + field.aliases where byKey[VietnameseFolding.key(name)] == nil {
                byKey[VietnameseFolding.key(name)] = field
            }
        }
    }

    func match(_ text: String) -> Field? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        return byCode[trimmed] ?? byKey[VietnameseFolding.key(trimmed)]
    }
}
