import GuongKit

/// The template values of a profile's photo: the `<picture>` on its page (`photo`), the square on its card
/// (`thumb`), and the share image for link previews. Paths are site paths; `url` makes them links.
enum PhotoValues {
    /// How wide the profile photo is shown (the theme's `.profile-photo`), for `sizes`.
    static let profileSizes = "(max-width: 40rem) 9rem, 14rem"
    /// How wide a card's square is shown (the theme's `.card-thumb`).
    static let thumbnailSizes = "4.5rem"

    /// The profile page's photo: every width as WebP and JPEG, the largest JPEG as `src`.
    static func picture(of profile: Profile, url: (String) -> String) -> TemplateObject? {
        guard let photo = profile.preparedPhoto, !profile.slug.isEmpty else { return nil }
        var object: TemplateObject = ["alt": .text(profile.name)]
        if photo.isVector {
            object["url"] = .text(url(SitePaths.photo(of: profile)))
            object.size(photo.width, photo.height)
            return object
        }
        let jpegs = photo.sizes("jpg")
        guard let largest = jpegs.last else { return nil }
        // The profile's folder as a link, made once for the photo's six files (`url` prefixes a site path).
        let folder = url(SitePaths.profile(profile.slug))
        object["url"] = .text(folder + largest.name)
        object.size(largest.width, largest.height)
        object["sizes"] = .text(profileSizes)
        object["jpegSrcset"] = .text(srcset(jpegs, in: folder))
        object["webpSrcset"] = .text(srcset(photo.sizes("webp"), in: folder))
        return object
    }

    /// A card's square thumbnail (an SVG drawing shows as itself).
    static func thumbnail(of profile: Profile, url: (String) -> String) -> TemplateObject? {
        guard let photo = profile.preparedPhoto, !profile.slug.isEmpty else { return nil }
        if photo.isVector {
            var object: TemplateObject = ["alt": .text(profile.name), "url": .text(url(SitePaths.photo(of: profile)))]
            object.size(photo.width, photo.height)
            return object
        }
        guard let jpeg = photo.file("anh-vuong.jpg"), let webp = photo.file("anh-vuong.webp") else { return nil }
        let folder = url(SitePaths.profile(profile.slug))
        var object: TemplateObject = [
            "alt": .text(profile.name), "url": .text(folder + jpeg.name), "sizes": .text(thumbnailSizes),
            "jpegSrcset": .text(srcset([jpeg], in: folder)), "webpSrcset": .text(srcset([webp], in: folder)),
        ]
        object.size(jpeg.width, jpeg.height)
        return object
    }

    /// The site path of the profile's share image, if it has a photo.
    static func shareImage(of profile: Profile) -> String? {
        guard let photo = profile.preparedPhoto, !profile.slug.isEmpty, let share = photo.file("anh-chia-se.jpg") else { return nil }
        return SitePaths.photoFile(of: profile, share.name)
    }

    /// `files` as a `srcset`, each linked in `folder` (the profile's folder as a link, ending in `/`): made
    /// as bytes in one buffer, since every build makes it for every photo's page draft and card.
    private static func srcset(_ files: [PreparedPhoto.File], in folder: String) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(files.count * (folder.utf8.count + 24))
        for file in files {
            if !text.isEmpty { text.append(contentsOf: ", ".utf8) }
            text.append(contentsOf: folder.utf8)
            text.append(contentsOf: file.name.utf8)
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: String(file.width).utf8)
            text.append(UInt8(ascii: "w"))
        }
        return String(decoding: text, as: UTF8.self)
    }
}

private extension TemplateObject {
    /// `width` and `height` for the `<img>`, and `hasSize`; an SVG librsvg could not measure has none.
    mutating func size(_ width: Int, _ height: Int) {
        self["hasSize"] = .bool(width > 0 && height > 0)
        self["width"] = .int(width)
        self["height"] = .int(height)
    }
}
