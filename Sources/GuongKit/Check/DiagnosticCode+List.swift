extension DiagnosticCode {
    /// The site file a value is looked up in, for `--format json`: the text says "danh sách đơn vị của Phòng".
    var listFile: String? {
        switch self {
        case .unitUnknown: "content/units.yaml"
        case .fieldUnknown, .kindUnknown, .yearOutsidePhase: "content/registration.yaml"
        default: nil
        }
    }
}
