#!/usr/bin/env python3
"""Writes a generated site of N exemplar profiles for benchmarking `guong`, and the same corpus as a Hugo site.

    python3 Benchmarks/generate_corpus.py --count 10000 --out /tmp/corpus-10k [--hugo /tmp/hugo-10k] [--seed 49]

The output is deterministic: the same count and seed give byte-identical files. Profiles are realistic
Vietnamese text in the format of README.md ("For schools"): both kinds, all five fields (codes and
names), every year of the 2021–2025 phase, some with two fields or two years, English and Vietnamese
keys, units spread over about N/50 generated schools in units.yaml. Every profile passes `guong check`
with no diagnostic. The Markdown averages about 2.5 KB a profile (docs/design.md: 10,000 profiles ≈ 25 MB).

Only the standard library is used, so the benchmark needs nothing installed but Python 3.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHASE = [2021, 2022, 2023, 2024, 2025]
# code, id, name, the aliases a school might write instead of the code
FIELDS = [
    ("a", "giao-duc-dao-tao", "Giáo dục – đào tạo", ["giáo dục đào tạo", "Giáo dục – đào tạo"]),
    ("b", "hoc-tap-lam-theo-bac", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     ["học tập và làm theo Bác", "làm theo Bác"]),
    ("c", "nguoi-tot-viec-tot", "Người tốt, việc tốt", ["người tốt việc tốt", "NTVT"]),
    ("d", "cai-cach-hanh-chinh", "Cải cách hành chính", ["CCHC", "cải cách hành chính"]),
    ("đ", "cong-nghe-thong-tin", "Công nghệ thông tin và truyền thông", ["CNTT", "dd", "chuyển đổi số"]),
]
FIELD_BY_CODE = {f[0]: f for f in FIELDS}
COMMUNES = ["Thị trấn Hóc Môn", "Bà Điểm", "Đông Thạnh", "Nhị Bình", "Tân Hiệp", "Tân Thới Nhì", "Tân Xuân",
            "Thới Tam Thôn", "Trung Chánh", "Xuân Thới Đông", "Xuân Thới Sơn", "Xuân Thới Thượng"]

# ---------------------------------------------------------------------------------------------- names

SURNAMES = ["Nguyễn"] * 8 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm"] * 2 + ["Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tô", "Cao", "Châu", "Hà", "Kiều",
            "Lương", "Tạ", "Thái", "Quách", "Triệu", "Văn", "Từ", "La", "Diệp"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Thu", "Mỹ", "Bảo", "Hồng", "Diệu", "Phương"]
MIDDLE_MALE = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Hoàng", "Gia", "Công", "Tấn", "Trọng"]
SECOND_FEMALE = ["", "", "", "Minh", "Ngọc", "Thanh", "Thu", "Kim", "Bích", "Hồng", "Mỹ", "Thùy", "Tường", "Hoài", "Khánh",
                 "Phương", "Diễm", "Quỳnh", "Bảo", "Cẩm", "Hải", "Xuân"]
SECOND_MALE = ["", "", "", "Minh", "Quốc", "Thanh", "Hoàng", "Đức", "Trung", "Nhật", "Hải", "Thành", "Anh", "Bảo", "Chí",
               "Duy", "Gia", "Hữu", "Khắc", "Ngọc", "Tuấn", "Xuân"]
GIVEN_FEMALE = ["An", "Anh", "Bích", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ",
                "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên",
                "Tâm", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Yến", "Xuân", "Diễm", "Ly",
                "Nhi", "Ngọc", "Phương", "Quỳnh", "Thắm", "Thoa", "Hồng", "Lệ", "Kiều", "Huyền"]
GIVEN_MALE = ["An", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hoàng",
              "Hùng", "Huy", "Khang", "Khoa", "Kiên", "Lâm", "Long", "Luân", "Minh", "Nam", "Nghĩa", "Nhân", "Phát",
              "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Tâm", "Thắng", "Thịnh", "Tiến", "Toàn", "Trí",
              "Trung", "Tuấn", "Tùng", "Vinh", "Việt", "Vũ", "Khải", "Lộc", "Hậu", "Tín", "Sang"]

# School name stems by level, and the id prefix and name prefix of each level.
LEVELS = [
    ("Mầm non", "mn", "Trường Mầm non", 0.35,
     ["Hoa Hồng", "Hoa Mai", "Sơn Ca", "Họa Mi", "Vành Khuyên", "Tuổi Thơ", "Bông Sen", "Sao Mai", "Ánh Dương",
      "Rạng Đông", "Hoa Cúc", "Hoa Lan", "Thỏ Ngọc", "Bé Ngoan", "Măng Non", "Hướng Dương", "Tuổi Hồng", "Thiên Thần",
      "Hoa Phượng", "Sen Hồng", "Mai Vàng", "Ngôi Sao", "Hoàng Yến", "Bình Minh", "Chồi Xanh", "Mầm Xanh"]),
    ("Tiểu học", "th", "Trường Tiểu học", 0.35,
     ["Nguyễn Trãi", "Lê Lợi", "Trần Quốc Toản", "Kim Đồng", "Lý Tự Trọng", "Võ Thị Sáu", "Nguyễn Văn Trỗi",
      "Lê Văn Tám", "Phan Chu Trinh", "Trần Hưng Đạo", "Ngô Quyền", "Đinh Bộ Lĩnh", "Lê Quý Đôn", "Chu Văn An",
      "Nguyễn Du", "Hồ Văn Huê", "Bùi Văn Ngữ", "Mỹ Huề", "Tam Đông", "Ấp Đình", "Cầu Xáng", "Tân Hiệp", "Nhị Bình",
      "Bà Điểm", "Xuân Thới Sơn", "Trung Chánh", "Thới Tam Thôn", "Đông Thạnh", "Tân Xuân", "Thị Trấn"]),
    ("Trung học cơ sở", "thcs", "Trường THCS", 0.30,
     ["Đặng Công Bỉnh", "Nguyễn An Khương", "Phan Công Hớn", "Tô Ký", "Nguyễn Hồng Đào", "Đỗ Văn Dậy", "Lý Chính Thắng",
      "Trần Phú", "Quang Trung", "Nguyễn Huệ", "Hai Bà Trưng", "Phan Bội Châu", "Nguyễn Đình Chiểu", "Lương Thế Vinh",
      "Tân Thới Nhì", "Xuân Thới Thượng", "Đông Thạnh", "Tân Xuân", "Bà Điểm", "Nhị Bình", "Thị Trấn", "Tân Hiệp"]),
]

# ---------------------------------------------------------------------------------------------- text pools

SUBJECTS = ["Toán", "Ngữ văn", "Tiếng Anh", "Tin học", "Vật lý", "Hóa học", "Sinh học", "Lịch sử", "Địa lý",
            "Giáo dục công dân", "Âm nhạc", "Mỹ thuật", "Giáo dục thể chất", "Công nghệ"]
POSITIONS = {
    "Mầm non": ["Giáo viên mầm non"] * 6 + ["Phó Hiệu trưởng", "Hiệu trưởng", "Nhân viên kế toán", "Nhân viên y tế",
                                          "Nhân viên văn thư", "Nhân viên cấp dưỡng", "Tổ trưởng chuyên môn khối Lá"],
    "Tiểu học": ["Giáo viên chủ nhiệm lớp %d" % k for k in range(1, 6)] * 2 + [
        "Giáo viên Tiếng Anh", "Giáo viên Tin học", "Giáo viên Âm nhạc", "Giáo viên Mỹ thuật", "Tổng phụ trách Đội",
        "Phó Hiệu trưởng", "Hiệu trưởng", "Nhân viên thư viện", "Nhân viên kế toán", "Nhân viên văn thư"],
    "Trung học cơ sở": ["Giáo viên " + s for s in SUBJECTS] + ["Tổ trưởng tổ Toán – Tin", "Tổng phụ trách Đội",
                        "Phó Hiệu trưởng", "Hiệu trưởng", "Nhân viên văn thư", "Nhân viên kế toán", "Nhân viên thiết bị",
                        "Nhân viên thư viện"],
}
COLLECTIVE_GROUPS = {
    "Mầm non": ["Tổ chuyên môn khối Lá", "Tổ chuyên môn khối Chồi", "Tổ chuyên môn khối Mầm", "Tổ chuyên môn Nhà trẻ",
                "Tổ Văn phòng", "Tổ Cấp dưỡng", "Công đoàn", "Chi đoàn", "Chi bộ"],
    "Tiểu học": ["Tổ chuyên môn khối %d" % k for k in range(1, 6)] + [
        "Tổ Tiếng Anh – Tin học", "Tổ Văn phòng", "Liên đội", "Công đoàn", "Chi đoàn", "Chi bộ", "Thư viện"],
    "Trung học cơ sở": ["Tổ Toán – Tin", "Tổ Ngữ văn", "Tổ Tiếng Anh", "Tổ Khoa học tự nhiên", "Tổ Lịch sử – Địa lý",
                        "Tổ Nghệ thuật – Thể chất", "Tổ Văn phòng", "Liên đội", "Công đoàn", "Chi đoàn", "Chi bộ",
                        "Thư viện", "Câu lạc bộ STEM"],
}
TOPICS = [
    "Ứng dụng sơ đồ tư duy trực tuyến trong dạy đọc hiểu văn bản", "Tổ chức hoạt động trải nghiệm gắn với di tích địa phương",
    "Dạy học STEM qua chủ đề “Ngôi nhà tiết kiệm năng lượng”", "Xây dựng thư viện học liệu số dùng chung của tổ chuyên môn",
    "Rèn kỹ năng tự phục vụ cho trẻ 3–4 tuổi qua trò chơi", "Sử dụng phần mềm GeoGebra trong dạy hình học lớp 8",
    "Số hóa hồ sơ tuyển sinh đầu cấp", "Tổ chức câu lạc bộ đọc sách theo mô hình “Đọc – Kể – Làm”",
    "Phối hợp với cha mẹ học sinh qua sổ liên lạc điện tử", "Dạy tiếng Anh qua dự án nhỏ cho học sinh lớp 4",
    "Quản lý tài sản, thiết bị dạy học bằng mã QR", "Giáo dục kỹ năng phòng chống đuối nước cho học sinh tiểu học",
    "Xây dựng góc học tập mở cho trẻ mẫu giáo", "Tổ chức sinh hoạt chuyên môn theo nghiên cứu bài học",
    "Ứng dụng Google Classroom trong giao và chấm bài về nhà", "Xây dựng thực đơn bán trú cân đối theo mùa",
    "Giáo dục lịch sử địa phương qua những câu chuyện về Bà Điểm – Hóc Môn", "Rút ngắn thời gian giải quyết hồ sơ chuyển trường",
    "Tổ chức ngày hội “Em yêu khoa học” cấp trường", "Kèm cặp học sinh có hoàn cảnh khó khăn theo nhóm bạn cùng tiến",
    "Dạy bơi an toàn cho học sinh lớp 3", "Ứng dụng trí tuệ nhân tạo hỗ trợ soạn câu hỏi ôn tập",
    "Tổ chức thi đua “Lớp học xanh – sạch – đẹp”", "Kể chuyện Bác Hồ dưới cờ mỗi sáng thứ Hai",
]
AWARD_RANKS = ["Nhất", "Nhì", "Ba", "Khuyến khích"]
LEVEL_OF_AWARD = ["huyện", "huyện", "huyện", "thành phố"]
COMPETITIONS = ["Hội thi giáo viên dạy giỏi", "Hội thi giáo viên chủ nhiệm lớp giỏi", "Cuộc thi thiết kế bài giảng điện tử",
                "Hội thi “Giáo viên sáng tạo”", "Hội thi đồ dùng dạy học tự làm", "Hội thi tổng phụ trách Đội giỏi",
                "Cuộc thi “Đại sứ văn hóa đọc”", "Hội thi kể chuyện về tấm gương đạo đức Hồ Chí Minh",
                "Hội thi “Môi trường cho trẻ hoạt động”", "Cuộc thi sáng tạo thanh thiếu niên nhi đồng"]

INDIVIDUAL_ACHIEVEMENTS = [
    "Giải {rank} {competition} cấp {award_level} năm học {sy}.",
    "Sáng kiến kinh nghiệm “{topic}” được công nhận cấp {award_level} năm {y}.",
    "Chiến sĩ thi đua cơ sở năm học {sy}.",
    "Hoàn thành xuất sắc nhiệm vụ {k} năm học liên tục, từ {sy0} đến {sy}.",
    "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hóc Môn năm {y}.",
    "Bằng khen của Ủy ban nhân dân Thành phố Hồ Chí Minh năm {y}.",
    "Bồi dưỡng {k} học sinh đạt giải kỳ thi học sinh giỏi cấp huyện, {k2} học sinh đạt giải cấp thành phố năm học {sy}.",
    "Thiết kế {k} bài giảng E-learning được đưa lên kho học liệu số của ngành năm {y}.",
    "Được Công đoàn ngành Giáo dục huyện tặng giấy khen “Giỏi việc trường, đảm việc nhà” năm {y}.",
    "Lớp chủ nhiệm đạt danh hiệu “Lớp học thân thiện” ba học kỳ liên tiếp.",
    "Tham gia hiến máu tình nguyện {k} lần và vận động được {k3} triệu đồng cho quỹ khuyến học của trường.",
    "Rút ngắn thời gian xử lý hồ sơ hành chính của đơn vị từ {k} ngày xuống còn 1 ngày.",
    "Báo cáo điển hình tại hội nghị chuyên đề cấp huyện về {topic_lower} năm {y}.",
]
COLLECTIVE_ACHIEVEMENTS = [
    "Tập thể Lao động xuất sắc năm học {sy}.",
    "Bằng khen của Ủy ban nhân dân Thành phố Hồ Chí Minh năm {y}.",
    "Cờ thi đua của Ủy ban nhân dân huyện Hóc Môn năm học {sy}.",
    "Giải {rank} {competition} cấp {award_level} năm học {sy}.",
    "Chuyên đề “{topic}” được Phòng Giáo dục và Đào tạo chọn tổ chức thao giảng cấp huyện năm {y}.",
    "{k}/{k4} thành viên hoàn thành xuất sắc nhiệm vụ năm học {sy}.",
    "100% hồ sơ, thủ tục của đơn vị được giải quyết trực tuyến, đúng hạn năm {y}.",
    "Vận động được {k3} triệu đồng hỗ trợ học sinh có hoàn cảnh khó khăn năm học {sy}.",
    "Tỉ lệ học sinh hoàn thành chương trình lớp học đạt {pct}% năm học {sy}.",
    "Đơn vị được công nhận đạt chuẩn quốc gia mức độ {k5} năm {y}.",
    "Được Liên đoàn Lao động huyện tặng giấy khen về thực hiện quy chế dân chủ cơ sở năm {y}.",
]

IND_LEAD = [
    "{Pron} {name} là {position_lower} tại {unit} từ năm {since}. {Pron_short} được đồng nghiệp và học sinh quý mến nhờ sự tận tâm, "
    "nếp làm việc khoa học và tinh thần sẵn sàng giúp đỡ mọi người.",
    "Hơn {years_work} năm gắn bó với {unit}, {pron} {name} luôn là người đi đầu trong các phong trào thi đua của nhà trường. "
    "Ở cương vị {position_lower}, {pron_short} đặt chất lượng công việc và sự tiến bộ của học sinh lên hàng đầu.",
    "{Pron} {name} ({position_lower}, {unit}) được tập thể giới thiệu là điển hình tiên tiến năm {year} vì những đóng góp "
    "bền bỉ, lặng lẽ nhưng có sức lan tỏa trong đơn vị.",
]
COL_LEAD = [
    "{name} gồm {members} thành viên, phần lớn là giáo viên trẻ, nhiệt huyết. Tập thể nổi bật với tinh thần đoàn kết, "
    "nếp sinh hoạt chuyên môn nền nếp và những cách làm sáng tạo được nhiều đơn vị trong huyện học tập.",
    "{name} ở {commune} là địa chỉ tin cậy của phụ huynh trong nhiều năm liền. Tập thể luôn hoàn thành tốt nhiệm vụ được giao "
    "và tích cực hưởng ứng các phong trào thi đua của ngành.",
    "Trong giai đoạn 2021–2025, {name} đã tạo được chuyển biến rõ nét về chất lượng và nề nếp, được Phòng Giáo dục và Đào tạo "
    "ghi nhận là điển hình tiên tiến năm {year}.",
]
LEAD_EXTRA = [
    "Những kết quả ấy có được nhờ sự chuẩn bị chu đáo, tinh thần cầu thị và sự phối hợp chặt chẽ với cha mẹ học sinh.",
    "Dù công việc nhiều áp lực, tinh thần ấy vẫn được giữ vững qua từng năm học, kể cả những tháng học trực tuyến khó khăn.",
    "Cách làm được chia sẻ tại nhiều buổi sinh hoạt chuyên môn liên trường và được các đơn vị bạn áp dụng.",
]
EXPERIENCE = {
    "a": [
        "Mỗi tiết học được thiết kế theo hướng để học sinh tự khám phá: giáo viên giao nhiệm vụ từ trước, học sinh chuẩn bị ở nhà "
        "và trình bày trên lớp, sau đó cả lớp cùng nhận xét và rút ra kiến thức.",
        "Tổ chuyên môn sinh hoạt theo nghiên cứu bài học: một giáo viên dạy, các thành viên dự giờ và tập trung quan sát học sinh "
        "học như thế nào, thay vì chỉ nhận xét giáo viên dạy ra sao.",
        "Học sinh chưa theo kịp được chia thành nhóm nhỏ, có bạn giỏi kèm cặp và giáo viên theo dõi tiến bộ hằng tuần bằng một "
        "bảng kiểm đơn giản, công khai với cha mẹ học sinh.",
        "Kết quả kiểm tra được phân tích theo từng câu hỏi để tìm ra phần kiến thức học sinh còn hổng, từ đó điều chỉnh kế hoạch "
        "dạy học cho tuần tiếp theo.",
        "Các chuyên đề được xây dựng từ chính khó khăn của lớp học thực tế, thử nghiệm ở một lớp rồi mới nhân rộng cho cả khối.",
    ],
    "b": [
        "Mỗi tháng, tập thể chọn một lời dạy của Bác làm chủ đề thi đua và cụ thể hóa thành những việc làm nhỏ, dễ đo đếm như đúng "
        "giờ, tiết kiệm điện, giúp đỡ đồng nghiệp.",
        "Giờ chào cờ đầu tuần có năm phút kể chuyện Bác Hồ do chính học sinh chuẩn bị; những câu chuyện hay được ghi lại thành "
        "tập san của trường.",
        "Bản cam kết cá nhân về học tập và làm theo gương Bác được rà soát cuối mỗi học kỳ, người làm tốt được biểu dương trước "
        "toàn trường.",
        "Tinh thần tiết kiệm được thể hiện bằng việc tận dụng vật liệu tái chế làm đồ dùng dạy học và trang trí lớp học.",
    ],
    "c": [
        "Phong trào “Nghìn việc tốt” được duy trì đều đặn: mỗi việc tốt của học sinh được ghi vào sổ và tuyên dương trong buổi sinh "
        "hoạt lớp cuối tuần.",
        "Quỹ “Áo trắng đến trường” do giáo viên và phụ huynh cùng đóng góp đã giúp nhiều học sinh có hoàn cảnh khó khăn tiếp tục "
        "đến lớp.",
        "Những chuyến thăm hỏi gia đình chính sách, người già neo đơn trên địa bàn được tổ chức vào dịp lễ, Tết với sự tham gia của "
        "đông đảo đoàn viên, đội viên.",
        "Tấm gương nhặt được của rơi trả lại người mất được kể lại trong giờ sinh hoạt, trở thành bài học giáo dục đạo đức sinh động.",
    ],
    "d": [
        "Quy trình tiếp nhận hồ sơ được rà soát lại từng bước, bỏ những giấy tờ trùng lặp và công khai thời hạn giải quyết trên "
        "bảng tin và trang thông tin điện tử của trường.",
        "Một đầu mối duy nhất tiếp nhận và trả kết quả giúp phụ huynh không phải đi lại nhiều lần; mỗi hồ sơ đều có phiếu hẹn và "
        "số điện thoại liên hệ.",
        "Văn bản đến và đi được quản lý hoàn toàn trên phần mềm, có chữ ký số, giúp tiết kiệm giấy in và tra cứu nhanh khi cần.",
        "Phiếu khảo sát mức độ hài lòng được gửi đến phụ huynh sau mỗi lần giải quyết thủ tục; ý kiến góp ý được xử lý ngay trong "
        "tuần.",
    ],
    "đ": [
        "Kho học liệu số của đơn vị được tổ chức theo khối lớp và chủ đề, giáo viên nào cũng có thể đóng góp và sử dụng lại bài "
        "giảng của đồng nghiệp.",
        "Học sinh nộp sản phẩm học tập qua lớp học trực tuyến; giáo viên nhận xét ngay trên bài, cha mẹ học sinh theo dõi được "
        "tiến bộ của con.",
        "Các buổi “cà phê công nghệ” mỗi tháng một lần giúp giáo viên lớn tuổi làm quen với phần mềm mới trong không khí thân mật.",
        "Dữ liệu học sinh, điểm số và hồ sơ chuyên môn được số hóa, giúp việc báo cáo lên cấp trên nhanh và chính xác hơn.",
        "Mã QR dán trên từng thiết bị dạy học cho biết lịch sử sử dụng, bảo trì, giúp quản lý tài sản minh bạch.",
    ],
}
GENERAL = [
    "Điều quan trọng nhất là sự kiên trì: mỗi thay đổi nhỏ được duy trì đủ lâu để trở thành thói quen của cả tập thể.",
    "Ban giám hiệu luôn tạo điều kiện, động viên kịp thời và ghi nhận công bằng những đóng góp, dù là nhỏ nhất.",
    "Sự đồng thuận của cha mẹ học sinh và chính quyền địa phương là chỗ dựa vững chắc cho mọi hoạt động của nhà trường.",
    "Kinh nghiệm được ghi lại thành tài liệu ngắn gọn, có hình ảnh minh họa, để đồng nghiệp ở đơn vị khác dễ áp dụng.",
    "Những hạn chế còn tồn tại được nhìn nhận thẳng thắn trong các buổi họp cuối năm và đưa vào kế hoạch khắc phục cụ thể.",
    "Nhiều ý tưởng xuất phát từ chính học sinh và được thầy cô nâng đỡ để trở thành hoạt động chung của lớp, của trường.",
]
LESSONS = [
    "Bắt đầu từ việc nhỏ, làm thật, đo được kết quả.",
    "Lắng nghe học sinh và cha mẹ học sinh trước khi thay đổi.",
    "Chia sẻ cởi mở, không giữ cách làm hay cho riêng mình.",
    "Gắn mỗi hoạt động với một mục tiêu rõ ràng và thời hạn cụ thể.",
    "Ghi nhận kịp thời để tạo động lực cho cả tập thể.",
    "Phối hợp chặt chẽ với các đoàn thể trong nhà trường.",
]
PLANS = [
    "Trong thời gian tới, {subject} tiếp tục hoàn thiện cách làm, chia sẻ với các đơn vị bạn trong huyện và phấn đấu "
    "đạt danh hiệu cao hơn vào cuối giai đoạn 2021–2025.",
    "Mục tiêu năm học tới là mở rộng mô hình sang các khối lớp còn lại và xây dựng bộ tài liệu hướng dẫn để "
    "nhân rộng trong toàn ngành.",
    "{Subject} đặt mục tiêu duy trì các kết quả đã đạt được, đồng thời đẩy mạnh chuyển đổi số trong quản lý và dạy học.",
]


# ---------------------------------------------------------------------------------------------- model


def fold(text: str) -> str:
    """The same folding as guong's VietnameseFolding: decompose, drop marks, đ → d, lowercase."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not (0x300 <= ord(c) <= 0x36F))
    return kept.replace("Đ", "d").replace("đ", "d").lower()


def slug(text: str) -> str:
    out, pending = [], False
    for c in fold(text):
        if c.isascii() and c.isalnum():
            if pending and out:
                out.append("-")
            pending = False
            out.append(c)
        else:
            pending = True
    return "".join(out)


@dataclass
class Unit:
    id: str
    name: str
    level: str
    commune: str


@dataclass
class Profile:
    kind: str  # collective | individual
    name: str  # the display name
    name_written: bool  # False for a collective that takes its unit's name
    position: str
    unit: Unit
    fields: list[str]  # codes
    years: list[int]
    registered: str | None
    slug: str
    body: str
    path: str  # below content/profiles/
    front_style: int = 0  # 0 English keys, 1 Vietnamese keys, 2 Vietnamese without diacritics
    field_style: list[str] = field(default_factory=list)  # how each field is written
    female: bool = False


def make_units(count: int, rng: random.Random) -> list[Unit]:
    units: list[Unit] = []
    used: dict[str, int] = {}
    weights = [level[3] for level in LEVELS]
    for index in range(count):
        # The first three units cover the three levels, then levels follow their weights.
        level = LEVELS[index] if index < len(LEVELS) else rng.choices(LEVELS, weights)[0]
        level_name, prefix, name_prefix, _, stems = level
        stem = rng.choice(stems)
        base = f"{name_prefix} {stem}"
        used[base] = used.get(base, 0) + 1
        name = base if used[base] == 1 else f"{base} {used[base]}"
        unit_id = f"{prefix}-{slug(stem)}" + ("" if used[base] == 1 else f"-{used[base]}")
        commune = stem if stem in COMMUNES else rng.choice(COMMUNES)
        units.append(Unit(unit_id, name, level_name, commune))
    units.sort(key=lambda u: ([l[0] for l in LEVELS].index(u.level), u.id))
    return units


def school_years(year: int) -> tuple[str, str]:
    """The school year ending in `year` (2022 → 2021–2022), and one three years earlier."""
    return f"{year - 1}–{year}", f"{year - 3}–{year - 2}"


def fill(template: str, rng: random.Random, year: int, **extra) -> str:
    sy, sy0 = school_years(year)
    topic = rng.choice(TOPICS)
    values = dict(
        rank=rng.choice(AWARD_RANKS), competition=rng.choice(COMPETITIONS), award_level=rng.choice(LEVEL_OF_AWARD),
        sy=sy, sy0=sy0, y=year, topic=topic, topic_lower=topic[0].lower() + topic[1:], k=rng.randint(2, 9),
        k2=rng.randint(1, 3), k3=rng.randint(5, 80), k4=rng.randint(10, 14), k5=rng.randint(1, 2), pct=rng.choice(
            ["98,5", "99,2", "99,6", "100"]),
    )
    values.update(extra)
    return template.format(**values)


def make_body(profile: Profile, rng: random.Random, target: int) -> str:
    year = profile.years[-1]
    unit = profile.unit
    if profile.kind == "individual":
        female = profile.female
        staff = profile.position.startswith("Nhân viên")
        pron = ("Chị" if female else "Anh") if staff else ("Cô" if female else "Thầy")
        given = profile.name.split()[-1]
        lead = rng.choice(IND_LEAD).format(
            Pron=pron, pron=pron.lower(), Pron_short=f"{pron} {given}", pron_short=f"{pron.lower()} {given}",
            name=profile.name, position_lower=profile.position[0].lower() + profile.position[1:], unit=unit.name,
            since=rng.randint(1998, 2018), years_work=rng.randint(5, 25), year=year)
        achievements = INDIVIDUAL_ACHIEVEMENTS
        subject, subject_cap = f"{pron.lower()} {given}", f"{pron} {given}"
    else:
        lead = rng.choice(COL_LEAD).format(name=profile.name, members=rng.randint(8, 60), commune=unit.commune, year=year)
        achievements = COLLECTIVE_ACHIEVEMENTS
        subject, subject_cap = "tập thể", "Tập thể"
    parts = [lead]
    if rng.random() < 0.5:
        parts[0] += " " + rng.choice(LEAD_EXTRA)
    if rng.random() < 0.3:
        parts.append(rng.choice(LEAD_EXTRA))
    parts.append("## Thành tích nổi bật")
    items = rng.sample(achievements, rng.randint(3, 6))
    parts.append("\n".join("- " + fill(item, rng, rng.choice(profile.years)) for item in items))

    parts.append(rng.choice(["## Kinh nghiệm, cách làm hay", "## Cách làm hay", "## Kinh nghiệm"]))
    pool = [s for code in profile.fields for s in EXPERIENCE[code]] + GENERAL
    rng.shuffle(pool)
    size = len("\n\n".join(parts).encode())
    sentences = iter(pool * 3)
    paragraph: list[str] = []
    while size < target - 350:
        sentence = next(sentences)
        if rng.random() < 0.08:
            words = sentence.split(" ")
            at = rng.randrange(0, len(words) - 2)
            mark = "**" if rng.random() < 0.5 else "*"
            words[at] = f"{mark}{words[at]} {words[at + 1]}{mark}"
            del words[at + 1]
            sentence = " ".join(words)
        paragraph.append(sentence)
        size += len(sentence.encode()) + 1
        if len(paragraph) >= rng.randint(2, 4):
            parts.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        parts.append(" ".join(paragraph))
    if rng.random() < 0.35:
        parts.append(rng.choice(["### Bài học rút ra", "### Điều tâm đắc"]))
        parts.append("\n".join(f"{n}. {lesson}" for n, lesson in enumerate(rng.sample(LESSONS, 3), 1)))
    parts.append(rng.choice(["## Định hướng thời gian tới", "## Hướng phấn đấu"]))
    plan = rng.choice(PLANS).format(subject=subject, Subject=subject_cap)
    if rng.random() < 0.1:
        plan += " Thông tin thêm tại [trang của Phòng Giáo dục và Đào tạo](https://pgd-hocmon.example.edu.vn/)."
    parts.append(plan)
    return "\n\n".join(parts) + "\n"


def make_profiles(count: int, units: list[Unit], rng: random.Random) -> list[Profile]:
    profiles: list[Profile] = []
    taken_names: set[str] = set()
    group_left = {u.id: list(COLLECTIVE_GROUPS[u.level]) for u in units}

    def years_for() -> list[int]:
        first = rng.choice(PHASE)
        if first < PHASE[-1] and rng.random() < 0.15:
            return [first, rng.choice([y for y in PHASE if y > first])]
        return [first]

    def fields_for() -> list[str]:
        weights = [40, 15, 15, 12, 18]
        first = rng.choices([f[0] for f in FIELDS], weights)[0]
        if rng.random() < 0.2:
            second = rng.choice([f[0] for f in FIELDS if f[0] != first])
            return [first, second]
        return [first]

    for index in range(count):
        # Every unit presents itself as a collective first, so no head of unit lacks one.
        if index < len(units):
            unit = units[index]
            kind, name, written, position, female = "collective", unit.name, rng.random() < 0.3, "", False
        else:
            unit = units[rng.randrange(len(units))]
            if rng.random() < 0.22 and group_left[unit.id]:
                group = group_left[unit.id].pop(rng.randrange(len(group_left[unit.id])))
                kind, name, written, position, female = "collective", f"{group} {unit.name}", True, "", False
            else:
                kind, written = "individual", True
                position = rng.choice(POSITIONS[unit.level])
                for _ in range(1000):
                    female = rng.random() < 0.7  # most of the sector's staff are women
                    parts = [rng.choice(SURNAMES), rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                             rng.choice(SECOND_FEMALE if female else SECOND_MALE),
                             rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)]
                    name = " ".join(p for p in parts if p)
                    if fold(name) not in taken_names and len(set(parts)) == len(parts):
                        break
                else:
                    raise SystemExit("ran out of names")
        taken_names.add(fold(name))
        years = years_for()
        fields = fields_for()
        registered = None
        if years[0] <= 2022 and rng.random() < 0.4:
            registered = f"2022-01-{rng.randint(4, 20):02d}"
        profile_slug = slug(name)
        profile = Profile(kind=kind, name=name, name_written=written, position=position, unit=unit, fields=fields,
                          years=years, registered=registered, slug=profile_slug, body="",
                          path=f"{years[0]}/{profile_slug}.md", female=female)
        r = rng.random()
        profile.front_style = 0 if r < 0.8 else (1 if r < 0.95 else 2)
        profile.field_style = [code if rng.random() < 0.8 else rng.choice(FIELD_BY_CODE[code][3]) for code in fields]
        profile.body = make_body(profile, rng, target=rng.randint(1700, 2900))
        profiles.append(profile)
    slugs = [p.slug for p in profiles]
    assert len(set(slugs)) == len(slugs), "slugs must be unique"
    return profiles


# ---------------------------------------------------------------------------------------------- writing

KEYS = {
    0: dict(kind="kind", name="name", position="position", unit="unit", fields="fields", year="year", registered="registered"),
    1: dict(kind="loại", name="tên", position="chức vụ", unit="đơn vị", fields="lĩnh vực", year="năm",
            registered="ngày đăng ký"),
    2: dict(kind="loai", name="ten", position="chuc vu", unit="don vi", fields="linh vuc", year="nam",
            registered="ngay dang ky"),
}
KIND_WORDS = {0: {"collective": "collective", "individual": "individual"},
              1: {"collective": "tập thể", "individual": "cá nhân"},
              2: {"collective": "tap the", "individual": "ca nhan"}}


def yaml_scalar(text: str) -> str:
    return f'"{text}"' if any(c in text for c in ",:[]{}#&*!|>'\"%@`") else text


def guong_file(p: Profile) -> str:
    keys, words = KEYS[p.front_style], KIND_WORDS[p.front_style]
    lines = ["---", f"{keys['kind']}: {words[p.kind]}"]
    if p.name_written:
        lines.append(f"{keys['name']}: {p.name}")
    if p.kind == "individual":
        lines.append(f"{keys['position']}: {p.position}")
    lines.append(f"{keys['unit']}: {p.unit.id}")
    lines.append(f"{keys['fields']}: [{', '.join(yaml_scalar(f) for f in p.field_style)}]")
    lines.append(f"{keys['year']}: " + (str(p.years[0]) if len(p.years) == 1 else f"[{', '.join(map(str, p.years))}]"))
    if p.registered:
        lines.append(f"{keys['registered']}: {p.registered}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + p.body


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_guong_site(root: Path, count: int, units: list[Unit], profiles: list[Profile]) -> None:
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    site = (REPO / "content" / "site.yaml").read_text(encoding="utf-8")
    site = site.replace("title: Điển hình tiên tiến ngành Giáo dục huyện Hóc Môn",
                        f"title: Điển hình tiên tiến ngành Giáo dục (bộ thử {count} hồ sơ)")
    write(content / "site.yaml", site)
    shutil.copyfile(REPO / "content" / "registration.yaml", content / "registration.yaml")
    for page in sorted((REPO / "content" / "pages").glob("*.md")):
        write(content / "pages" / page.name, page.read_text(encoding="utf-8"))
    lines = [f"# {len(units)} generated units for a benchmark corpus of {count} profiles.", "units:"]
    for u in units:
        lines += [f"  - id: {u.id}", f"    name: {u.name}", f"    level: {u.level}", f"    commune: {u.commune}"]
    write(content / "units.yaml", "\n".join(lines) + "\n")
    for p in profiles:
        write(content / "profiles" / p.path, guong_file(p))


HUGO_CONFIG = """\
baseURL: https://pgd-hocmon.example.edu.vn/dien-hinh-tien-tien/
languageCode: vi
title: "{title}"
paginate: 20
disableKinds: []
taxonomies:
  linh-vuc: linh-vuc
  nam: nam
  loai: loai
  don-vi: don-vi
outputs:
  home: [HTML, RSS]
  section: [HTML]
  taxonomy: [HTML]
  term: [HTML]
markup:
  goldmark:
    renderer:
      unsafe: false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><p><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></p>
<nav><ul>
<li><a href="{{ "linh-vuc/" | relURL }}">Lĩnh vực</a></li>
<li><a href="{{ "nam/" | relURL }}">Năm</a></li>
<li><a href="{{ "loai/" | relURL }}">Loại</a></li>
<li><a href="{{ "don-vi/" | relURL }}">Đơn vị</a></li>
</ul></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}</p></footer>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<dl>
{{ with .Params.chuc_vu }}<dt>Chức vụ</dt><dd>{{ . }}</dd>{{ end }}
<dt>Đơn vị</dt><dd>{{ range .GetTerms "don-vi" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Lĩnh vực</dt><dd>{{ range .GetTerms "linh-vuc" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
<dt>Năm</dt><dd>{{ range .GetTerms "nam" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
</dl>
{{ .Content }}
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
{{ range $pager.Pages }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary }}</p>
</article>
{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
""",
    "index.html": """\
{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ $profiles := where .Site.RegularPages "Section" "dien-hinh" }}
<p>{{ len $profiles }} điển hình tiên tiến</p>
{{ range first 6 $profiles }}<article>
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p>{{ .Summary }}</p>
</article>
{{ end }}{{ end }}
""",
}


def hugo_file(p: Profile) -> str:
    date = p.registered or f"{p.years[-1]}-01-01"
    lines = ["---", f"title: {yaml_scalar(p.name)}", f"slug: {p.slug}", f"date: {date}",
             f"loai: [{'tap-the' if p.kind == 'collective' else 'ca-nhan'}]", f"don-vi: [{p.unit.id}]",
             f"linh-vuc: [{', '.join(FIELD_BY_CODE[c][1] for c in p.fields)}]",
             f"nam: [{', '.join(map(str, p.years))}]"]
    if p.position:
        lines.append(f"chuc_vu: {yaml_scalar(p.position)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + p.body


def write_hugo_site(root: Path, count: int, units: list[Unit], profiles: list[Profile]) -> None:
    """The same corpus as a Hugo site: a page per profile, term pages for field, year, kind and unit, a home page."""
    for sub in ["content", "layouts"]:
        if (root / sub).exists():
            shutil.rmtree(root / sub)
    write(root / "config.yaml", HUGO_CONFIG.format(title=f"Điển hình tiên tiến ngành Giáo dục (bộ thử {count} hồ sơ)"))
    for path, text in HUGO_LAYOUTS.items():
        write(root / "layouts" / path, text)
    content = root / "content"
    write(content / "_index.md", "---\ntitle: Trang chủ\n---\n")
    # The section page itself is not rendered: guong has no flat list of every profile either.
    write(content / "dien-hinh" / "_index.md", "---\ntitle: Điển hình\n_build:\n  render: never\n---\n")
    for name, title in [("linh-vuc", "Lĩnh vực"), ("nam", "Năm"), ("loai", "Loại"), ("don-vi", "Đơn vị")]:
        write(content / name / "_index.md", f"---\ntitle: {title}\n---\n")
    for code, field_id, name, _ in FIELDS:
        write(content / "linh-vuc" / field_id / "_index.md", f"---\ntitle: {yaml_scalar(name)}\n---\n")
    for term, title in [("tap-the", "Tập thể"), ("ca-nhan", "Cá nhân")]:
        write(content / "loai" / term / "_index.md", f"---\ntitle: {title}\n---\n")
    for u in units:
        write(content / "don-vi" / u.id / "_index.md", f"---\ntitle: {yaml_scalar(u.name)}\n---\n")
    for p in profiles:
        write(content / "dien-hinh" / f"{p.slug}.md", hugo_file(p))


def generate(count: int, seed: int = 49) -> tuple[list[Unit], list[Profile]]:
    rng = random.Random(f"guong-corpus-{seed}-{count}")
    units = make_units(max(3, round(count / 50)), rng)
    return units, make_profiles(count, units, rng)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", "-n", type=int, required=True, help="number of profiles")
    parser.add_argument("--out", type=Path, required=True, help="the guong site folder to write (its content/ is replaced)")
    parser.add_argument("--hugo", type=Path, help="also write the corpus as a Hugo site here")
    parser.add_argument("--seed", type=int, default=49)
    args = parser.parse_args()
    units, profiles = generate(args.count, args.seed)
    write_guong_site(args.out, args.count, units, profiles)
    if args.hugo:
        write_hugo_site(args.hugo, args.count, units, profiles)
    size = sum(len(guong_file(p).encode()) for p in profiles)
    print(f"{args.count} profiles, {len(units)} units, {size / 1e6:.1f} MB of Markdown ({size / args.count / 1000:.2f} KB each)"
          f" → {args.out}" + (f" and {args.hugo}" if args.hugo else ""))


if __name__ == "__main__":
    main()
