/// A prepared photo in the parse cache's encoding (`ParseCache+Coding`), field by field: its size, kind, each
/// file's name, size in pixels and stamp, and the stamp of the entry's `info` it was read from. A build reads it for every photo profile the parse cache brings back;
/// reading the entry's `info` text instead cost a walk of every byte (docs/performance.md, Photos).
extension CacheWriter {
    mutating func add(_ photo: PreparedPhoto) {
        add(photo.width)
        add(photo.height)
        add(photo.isVector)
        add(photo.files) { writer, file in
            writer.add(file.name)
            writer.add(file.width)
            writer.add(file.height)
            writer.add(file.stamp) { writer, stamp in
                writer.add(stamp.size)
                writer.add(stamp.seconds)
                writer.add(stamp.nanoseconds)
            }
        }
        add(photo.infoStamp) { writer, stamp in
            writer.add(stamp.inode)
            writer.add(stamp.size)
            writer.add(stamp.seconds)
            writer.add(stamp.nanoseconds)
        }
    }
}

extension CacheReader {
    /// A photo written by `CacheWriter.add(_:)`, its entry at `folderPath`. A file name is one name in that
    /// folder, as in the entry's `info`: never empty, `.`, `..` or holding a `/`.
    mutating func preparedPhoto(folderPath: String) throws(Malformed) -> PreparedPhoto {
        let width = try int(), height = try int(), isVector = try bool()
        let files = try array { (reader: inout CacheReader) throws(Malformed) -> PreparedPhoto.File in
            let name = try reader.string()
            guard !name.isEmpty, name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")) else { throw Malformed() }
            var file = PreparedPhoto.File(name: name, width: try reader.int(), height: try reader.int())
            file.stamp = try reader.optional { (reader: inout CacheReader) throws(Malformed) in
                PreparedPhoto.Stamp(size: try reader.int(), seconds: try reader.int(), nanoseconds: try reader.int())
            }
            return file
        }
        var photo = PreparedPhoto(width: width, height: height, isVector: isVector, files: files, folderPath: folderPath)
        photo.infoStamp = try optional { (reader: inout CacheReader) throws(Malformed) in
            FileStamp(inode: try reader.unsigned(), size: try reader.int(), seconds: try reader.int(), nanoseconds: try reader.int())
        }
        return photo
    }
}
