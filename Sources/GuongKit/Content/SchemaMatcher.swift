import Foundation

/// `RegistrationSchema.matchField` and `matchKind` as dictionary lookups: the fields' codes and the folded
/// forms of the fields' and kinds' names and aliases, made once per parser instead of folding every alias
/// for every value read.
struct SchemaMatcher: Sendable {
    private var byCode: [String: Field] = [:]
    private var byKey: [String: Field] = [:]
    private var kindsByKey: [String: ProfileKind] = [:]

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
        // The first kind wins, as `matchKind` takes the first match.
        for definition in schema.kinds {
            for name in [definition.kind.rawValue, definition.name] + definition.aliases where kindsByKey[VietnameseFolding.key(name)] == nil {
                kindsByKey[VietnameseFolding.key(name)] = definition.kind
            }
        }
    }

    func match(_ text: String) -> Field? {
        let trimmed = text.trimmingWhitespace().lowercased()
        return byCode[trimmed] ?? byKey[VietnameseFolding.key(trimmed)]
    }

    func matchKind(_ text: String) -> ProfileKind? {
        kindsByKey[VietnameseFolding.key(text)]
    }
}
