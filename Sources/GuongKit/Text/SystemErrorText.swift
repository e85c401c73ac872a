import Foundation

/// The system's and Foundation's reasons a file could not be read or written, in Vietnamese: their own
/// texts are English ("You don't have permission…") and the office reads every message.
public enum SystemErrorText {
    /// The reason for an `errno` value.
    public static func vietnamese(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "không có quyền đọc hoặc ghi"
        case ENOENT, ENOTDIR: "không có tệp hoặc thư mục này"
        case ENOSPC, EDQUOT: "đĩa đã đầy"
        case EEXIST: "đã có tệp cùng tên"
        case EROFS: "ổ đĩa chỉ cho đọc"
        case ENAMETOOLONG: "tên hoặc đường dẫn quá dài"
        case EISDIR: "đó là một thư mục"
        case EMFILE, ENFILE: "mở quá nhiều tệp cùng lúc"
        case EIO: "lỗi đọc ghi của ổ đĩa"
        case ELOOP: "liên kết vòng quanh"
        case EXDEV: "không chuyển được sang ổ đĩa khác"
        case ENOTEMPTY: "thư mục không trống"
        case EBUSY: "tệp đang được dùng"
        default: "lỗi hệ thống số \(code)"
        }
    }

    /// The reason for an error thrown by Foundation's file APIs.
    public static func vietnamese(_ error: Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return vietnamese(errno: Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return vietnamese(errno: Int32(underlying.code))
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileReadNoPermission, .fileWriteNoPermission: return vietnamese(errno: EACCES)
        case .fileNoSuchFile, .fileReadNoSuchFile: return vietnamese(errno: ENOENT)
        case .fileWriteOutOfSpace: return vietnamese(errno: ENOSPC)
        case .fileWriteFileExists: return vietnamese(errno: EEXIST)
        case .fileWriteVolumeReadOnly: return vietnamese(errno: EROFS)
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "tên tệp không hợp lệ"
        default: return "lỗi hệ thống (\(error.domain) \(error.code))"
        }
    }
}
