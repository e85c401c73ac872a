/// Messages of the rules that keep a build from failing after a clean check, or from losing what a school
/// wrote: path lengths, a base URL without a host, text left beside the achievements, links out of content/.
extension Diagnostic {
    package static func pathTooLong(_ at: SourceLocation, what: String, value: String, bytes: Int, limit: Int) -> Diagnostic {
        Diagnostic(.pathTooLong, at: at,
                   "\(what) \"\(value)\" thành tên thư mục dài \(bytes) byte, vượt giới hạn \(limit) byte; hãy rút gọn (hoặc thêm khóa slug: ngắn hơn cho hồ sơ).")
    }

    package static func baseURLRelative(_ at: SourceLocation, baseURL: String) -> Diagnostic {
        Diagnostic(.baseURLRelative, at: at,
                   "địa chỉ gốc \"\(baseURL)\" chỉ là đường dẫn: nguồn tin (feed.xml), sơ đồ trang (sitemap.xml) và ảnh chia sẻ cần địa chỉ đầy đủ; hãy ghi base_url dạng https://tên-miền/thư-mục/ trước khi đăng.")
    }

    package static func achievementsExtra(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.achievementsExtra, at: at,
                   "đoạn này nằm dưới tiêu đề \"Thành tích nổi bật\" nhưng không thuộc danh sách thành tích đầu tiên; trang vẫn giữ nó trong phần nội dung, ngoài danh sách. Mỗi thành tích nên là một dòng \"- …\" của cùng một danh sách.")
    }

    package static func fileIgnored(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.fileIgnored, at: at,
                   "tệp này không phải tệp Markdown (.md) nên không được đọc; nếu đây là hồ sơ, hãy lưu lại dạng văn bản thuần với đuôi .md (Word: Lưu thành… → Văn bản thuần).")
    }

    package static func fileLinkOutside(_ at: SourceLocation) -> Diagnostic {
        Diagnostic(.fileLinkOutside, at: at,
                   "tệp này là liên kết tượng trưng (symbolic link) dẫn ra ngoài thư mục content/ nên bị bỏ qua; hãy chép chính tệp vào content/.")
    }
}

extension Diagnostic {
    package static func pageSlugDuplicate(_ at: SourceLocation, slug: String, other: String) -> Diagnostic {
        Diagnostic(.slugDuplicate, at: at,
                   "trang này có cùng đường dẫn /\(slug)/ với trang \(other) (tên tệp giống nhau khi bỏ dấu, khoảng trắng và chữ hoa); hãy đổi tên một trong hai tệp.")
    }
}
