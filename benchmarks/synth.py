"""Synthetic Vietnamese plans ("Kế hoạch") in families of near-copies, with each plan's family.

    from synth import generate
    for doc_id, family_id, text in generate(100_000, seed=1): ...

A family starts from a template drawn at random: an issuer (a Sở, or the People's Committee of
a province, district or commune), a campaign and a year, a preamble ("Căn cứ …", "Thực hiện
…"), numbered sections (I., 1., a)) whose sentences are assembled from short phrase pools
(actor, action, object, manner, purpose, time, figures), a closing ("Trên đây là …") and a
"Nơi nhận" block. The pools are small but their combinations are many, so two templates share
their common phrases and the house style of their issuer (headings, motto, closing, recipients:
the boilerplate) but hardly a sentence.

Every further member copies an earlier member (the template half of the time): it is
re-targeted (another issuer, often another year, sometimes another campaign, new number, date
and signer) and edited with a strength drawn for it: sentences edited, dropped or added,
subsections dropped, added or swapped (in sections II and IV). The lighter the edit, the more
often the year and the issuer stay. Strengths are drawn so that a copy's Jaccard similarity to
its parent (word 3-grams, the engine's boilerplate left out) runs from about 0.45 to 0.97, some
40% at 0.8 or more and a fifth within 0.05 of it; copies of copies drift further. Family sizes
run from 1 to ``MAX_FAMILY`` (capped to 2% of the corpus, so that no family's own text looks
like boilerplate), heavy-tailed: 40% of the families are single plans.

Plans are produced family by family and streamed through a shuffle buffer, so the members of
a family arrive spread out and memory stays bounded whatever the count. The same ``n`` and
``seed`` always give the same stream.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
MAX_FAMILY = 50
SINGLETON_SHARE = 0.4  # families of one plan
BUFFER = 2048  # plans held for shuffling

PROVINCES = (
    "Hà Giang|Cao Bằng|Lào Cai|Yên Bái|Tuyên Quang|Thái Nguyên|Lạng Sơn|Bắc Giang|Phú Thọ|"
    "Điện Biên|Lai Châu|Sơn La|Hòa Bình|Quảng Ninh|Hải Dương|Hưng Yên|Thái Bình|Nam Định|"
    "Ninh Bình|Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Quảng Nam|"
    "Quảng Ngãi|Bình Định|Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|"
    "Đắk Nông|Lâm Đồng|Bình Phước|Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa - Vũng Tàu|Long An|"
    "Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang|Hậu Giang|Sóc Trăng|"
    "Bạc Liêu|Cà Mau"
).split("|")
_HEAD = "Tân|Phú|An|Bình|Hòa|Long|Thạnh|Mỹ|Vĩnh|Đông|Tây|Hưng|Quảng|Thuận|Phước|Xuân|Cẩm|Kim"
_TAIL = "An|Hòa|Lợi|Thành|Phước|Hưng|Sơn|Lâm|Thủy|Trung|Tiến|Hải|Lộc|Điền|Phong|Bình|Yên|Mỹ"
PLACES = [f"{a} {b}" for a in _HEAD.split("|") for b in _TAIL.split("|") if a != b]
DEPARTMENTS = (
    "Giáo dục và Đào tạo|Y tế|Nội vụ|Tài chính|Văn hóa, Thể thao và Du lịch|"
    "Nông nghiệp và Phát triển nông thôn|Lao động - Thương binh và Xã hội|Tư pháp|Công Thương|"
    "Tài nguyên và Môi trường|Thông tin và Truyền thông|Kế hoạch và Đầu tư|Xây dựng|"
    "Giao thông vận tải|Khoa học và Công nghệ|Ngoại vụ"
).split("|")
SURNAMES = "Nguyễn|Trần|Lê|Phạm|Hoàng|Phan|Vũ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương".split("|")
MIDDLE = "Văn|Thị|Hữu|Đức|Minh|Quang|Thanh|Ngọc|Công|Xuân|Thu|Hồng".split("|")
GIVEN = (
    "An|Bình|Cường|Dũng|Hải|Hùng|Lan|Mai|Nam|Phúc|Sơn|Tâm|Thắng|Tuấn|Vinh|Yến|Hà|Hương|Khoa|"
    "Long|Nga|Quân|Thảo|Trung"
).split("|")

# A campaign: its name as written in the text, and matters proper to it.
CAMPAIGNS: list[tuple[str, tuple[str, ...]]] = [
    (
        "phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
        ("hộ nghèo, hộ cận nghèo", "sinh kế bền vững", "nhà ở cho hộ nghèo", "vốn tín dụng ưu đãi"),
    ),
    (
        "cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa”",
        ("gia đình văn hóa", "thôn, tổ dân phố văn hóa", "hương ước, quy ước", "thiết chế văn hóa"),
    ),
    (
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
        ("tiêu chí nông thôn mới", "đường giao thông nông thôn", "sản phẩm OCOP", "vườn mẫu"),
    ),
    (
        "Tháng hành động vì an toàn thực phẩm",
        ("cơ sở sản xuất thực phẩm", "bếp ăn tập thể", "ngộ độc thực phẩm", "thức ăn đường phố"),
    ),
    (
        "Tháng hành động vì trẻ em",
        ("quyền trẻ em", "phòng, chống đuối nước", "trẻ em có hoàn cảnh đặc biệt", "xâm hại"),
    ),
    (
        "phong trào “Toàn dân bảo vệ an ninh Tổ quốc”",
        ("tổ an ninh tự quản", "tội phạm và tệ nạn xã hội", "tin báo tội phạm", "camera an ninh"),
    ),
    (
        "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
        ("phương án ứng phó bão, lũ", "khu vực sạt lở", "lực lượng xung kích", "di dời dân"),
    ),
    (
        "Chương trình chuyển đổi số",
        ("dịch vụ công trực tuyến", "chữ ký số", "dữ liệu dân cư", "tổ công nghệ số cộng đồng"),
    ),
    (
        "công tác cải cách hành chính",
        ("thủ tục hành chính", "bộ phận một cửa", "chỉ số hài lòng", "văn hóa công vụ"),
    ),
    (
        "công tác phổ biến, giáo dục pháp luật",
        ("Ngày Pháp luật", "tủ sách pháp luật", "hòa giải ở cơ sở", "tuyên truyền viên pháp luật"),
    ),
    (
        "công tác phòng, chống ma túy",
        ("người sử dụng trái phép chất ma túy", "cai nghiện", "địa bàn trọng điểm", "tái hòa nhập"),
    ),
    (
        "Chương trình tiêm chủng mở rộng",
        ("tỷ lệ tiêm chủng", "dây chuyền lạnh", "trẻ dưới một tuổi", "phản ứng sau tiêm"),
    ),
    (
        "công tác bảo đảm trật tự, an toàn giao thông",
        ("mũ bảo hiểm", "nồng độ cồn", "điểm đen giao thông", "hành lang an toàn đường bộ"),
    ),
    (
        "công tác bình đẳng giới và vì sự tiến bộ của phụ nữ",
        ("cán bộ nữ", "bạo lực gia đình", "lồng ghép giới", "phụ nữ khởi nghiệp"),
    ),
    (
        "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ("chuyên đề hằng năm", "gương điển hình", "nêu gương của người đứng đầu", "mô hình hay"),
    ),
    (
        "Ngày Sách và Văn hóa đọc Việt Nam",
        ("văn hóa đọc", "thư viện thân thiện", "tủ sách cộng đồng", "cuộc thi Đại sứ văn hóa đọc"),
    ),
    (
        "công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        ("phương án chữa cháy", "tổ liên gia an toàn", "nhà ở kết hợp kinh doanh", "hộ dân"),
    ),
    (
        "công tác bảo vệ môi trường",
        ("rác thải sinh hoạt", "phân loại rác tại nguồn", "nước thải", "cảnh quan môi trường"),
    ),
    (
        "Tết trồng cây “Đời đời nhớ ơn Bác Hồ”",
        ("cây xanh", "rừng phòng hộ", "cây phân tán", "chăm sóc cây sau trồng"),
    ),
    (
        "phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát”",
        ("nhà tạm, nhà dột nát", "ngày công lao động", "nguồn xã hội hóa", "bàn giao nhà"),
    ),
    (
        "công tác khuyến học, khuyến tài, xây dựng xã hội học tập",
        ("gia đình học tập", "quỹ khuyến học", "học bổng", "trung tâm học tập cộng đồng"),
    ),
    (
        "công tác dân số và phát triển",
        (
            "mất cân bằng giới tính khi sinh",
            "chăm sóc người cao tuổi",
            "khám sức khỏe tiền hôn nhân",
        ),
    ),
    (
        "công tác phòng, chống tham nhũng, tiêu cực",
        ("kê khai tài sản, thu nhập", "xung đột lợi ích", "công khai, minh bạch", "đơn thư"),
    ),
    (
        "công tác thực hành tiết kiệm, chống lãng phí",
        ("định mức, tiêu chuẩn", "tài sản công", "chi thường xuyên", "sử dụng năng lượng"),
    ),
    (
        "cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”",
        ("hàng Việt", "điểm bán hàng Việt", "doanh nghiệp địa phương", "phiên chợ hàng Việt"),
    ),
    (
        "phong trào thi đua “Dân vận khéo”",
        ("mô hình dân vận khéo", "quy chế dân chủ ở cơ sở", "đối thoại với Nhân dân", "dân vận"),
    ),
    (
        "Chương trình phát triển du lịch cộng đồng",
        ("homestay", "điểm du lịch cộng đồng", "sản phẩm du lịch", "quảng bá hình ảnh"),
    ),
    (
        "công tác chăm sóc, phát huy vai trò người cao tuổi",
        ("câu lạc bộ liên thế hệ", "mừng thọ", "khám sức khỏe định kỳ", "người cao tuổi cô đơn"),
    ),
    (
        "Chương trình giáo dục nghề nghiệp cho lao động nông thôn",
        ("đào tạo nghề", "giải quyết việc làm", "xuất khẩu lao động", "làng nghề"),
    ),
    (
        "Tháng Công nhân",
        ("đoàn viên công đoàn", "an toàn, vệ sinh lao động", "Mái ấm Công đoàn", "bữa ăn ca"),
    ),
]

# Two-syllable words by kind: most of a sentence is drawn from these, so that two plans share
# words but seldom three syllables in a row.
VERBS = (
    "tăng cường|đẩy mạnh|triển khai|tổ chức|thực hiện|kiểm tra|giám sát|hướng dẫn|đôn đốc|"
    "rà soát|đánh giá|tổng hợp|báo cáo|bố trí|lồng ghép|vận động|phát động|theo dõi|chỉ đạo|"
    "tham mưu|củng cố|kiện toàn|duy trì|nhân rộng|sơ kết|tổng kết|phối hợp|tập huấn|cập nhật|"
    "ưu tiên|đề xuất|khen thưởng|xây dựng|hoàn thiện|nâng cao|phát huy|huy động|khuyến khích|"
    "hỗ trợ|bảo đảm|tuyên truyền|phổ biến|quán triệt|đổi mới|cải thiện|khắc phục|xử lý|"
    "ngăn chặn|phòng ngừa|phát hiện|giải quyết|tiếp nhận|thẩm định|phê duyệt|công khai|quản lý|"
    "sử dụng|khai thác|bồi dưỡng|đào tạo|biểu dương|thống kê|khảo sát|điều tra|cung cấp|"
    "chia sẻ|kết nối|số hóa|chuẩn hóa|rút ngắn|mở rộng|phát triển|chăm lo|thăm hỏi|động viên|"
    "tôn vinh|giới thiệu|quảng bá|sửa chữa|nâng cấp|di dời|sắp xếp|tinh gọn|phân công|"
    "phân cấp|ủy quyền|thanh tra|kiểm soát|đối thoại|tiếp xúc|lắng nghe|chấn chỉnh|ngăn ngừa"
).split("|")
NOUNS = (
    "kiến thức|pháp luật|kỹ năng|nhận thức|trách nhiệm|vai trò|hiệu quả|chất lượng|tiến độ|"
    "nguồn lực|kinh phí|hạ tầng|dữ liệu|thông tin|hồ sơ|thủ tục|quy trình|quy chế|tiêu chí|"
    "chỉ tiêu|mô hình|phong trào|hoạt động|chương trình|dự án|đề án|phương án|giải pháp|"
    "nhiệm vụ|kết quả|số liệu|văn bản|chính sách|chế độ|đời sống|sinh kế|việc làm|thu nhập|"
    "sức khỏe|môi trường|an ninh|trật tự|văn hóa|giáo dục|du lịch|nông sản|sản phẩm|"
    "thị trường|doanh nghiệp|hợp tác xã|thôn bản|khu phố|gia đình|thanh niên|phụ nữ|trẻ em|"
    "người dân|hội viên|đoàn viên|giáo viên|học sinh|cán bộ|công chức|viên chức|lực lượng|"
    "đội ngũ|thiết bị|phương tiện|vật tư|công trình|trường lớp|nhà văn hóa|sân chơi|"
    "tài liệu|tờ rơi|khẩu hiệu|pa nô|áp phích|bản tin|chuyên mục|phóng sự|diễn đàn|hội thi|"
    "giải thưởng|danh hiệu|tập thể|cá nhân|điển hình|sáng kiến|kinh nghiệm|tồn tại|hạn chế|"
    "nguyên nhân|vướng mắc|kiến nghị|phản ánh|đơn thư|khiếu nại|tố cáo|vi phạm|rủi ro|"
    "sự cố|dịch bệnh|thiên tai|hậu quả|thiệt hại|cứu trợ|an sinh|phúc lợi|bảo hiểm|tín dụng|"
    "ngân sách|tài sản|đất đai|nhà ở|giao thông|thủy lợi|điện lưới|nước sạch|rác thải|"
    "cây xanh|cảnh quan|di tích|lễ hội|truyền thống|bản sắc|phong tục|tập quán|đạo đức|"
    "lối sống|tinh thần|niềm tin|đồng thuận|dân chủ|kỷ cương|kỷ luật|năng lực|phẩm chất"
).split("|")
QUALITIES = (
    "thiết thực|hiệu quả|đồng bộ|kịp thời|thường xuyên|toàn diện|bền vững|công khai|minh bạch|"
    "chặt chẽ|nghiêm túc|sâu rộng|cụ thể|phù hợp|linh hoạt|sáng tạo|chủ động|tích cực|"
    "an toàn|tiết kiệm|thực chất|rõ nét|đầy đủ|chính xác|khách quan|thống nhất|liên tục|"
    "hài hòa|lành mạnh|văn minh|thân thiện|chuyên nghiệp|hiện đại|thuận lợi|nhanh chóng"
).split("|")
LINKS = (
    "cho|về|đối với|trong|của|tại|gắn với|theo|nhằm|và|cùng với|thông qua|bằng|từ|đến|"
    "phục vụ|liên quan đến|trên cơ sở"
).split("|")

ACTORS = (
    "Phòng Văn hóa và Thông tin|Phòng Giáo dục và Đào tạo|Phòng Tài chính - Kế hoạch|"
    "Phòng Nội vụ|Phòng Tư pháp|Phòng Y tế|Phòng Lao động - Thương binh và Xã hội|"
    "Phòng Tài nguyên và Môi trường|Phòng Nông nghiệp và Phát triển nông thôn|"
    "Phòng Kinh tế và Hạ tầng|Trung tâm Văn hóa, Thông tin và Thể thao|Trung tâm Y tế|"
    "Công an|Ban Chỉ huy Quân sự|Ủy ban Mặt trận Tổ quốc Việt Nam|Đoàn Thanh niên|"
    "Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Cựu chiến binh|Liên đoàn Lao động|Hội Chữ thập đỏ|"
    "Văn phòng|Thanh tra|Đài Truyền thanh|Ban Quản lý dự án|Chi cục Thống kê|Bảo hiểm xã hội|"
    "Ngân hàng Chính sách xã hội|Trung tâm Dịch vụ nông nghiệp|các trường học|"
    "các cơ quan chuyên môn|Ủy ban nhân dân các xã, thị trấn|các thôn, tổ dân phố"
).split("|")
ACTIONS = (
    "chủ trì, phối hợp tổ chức|tăng cường|đẩy mạnh|triển khai thực hiện|hướng dẫn, đôn đốc|"
    "kiểm tra, giám sát|xây dựng kế hoạch|rà soát, đánh giá|tổng hợp, báo cáo|bố trí nguồn lực cho|"
    "lồng ghép|vận động Nhân dân tham gia|đa dạng hóa|phát động|theo dõi, nắm bắt|chỉ đạo|"
    "tham mưu thực hiện|củng cố, kiện toàn|duy trì|nhân rộng|sơ kết, tổng kết|"
    "phối hợp chặt chẽ trong|tổ chức tập huấn về|cập nhật số liệu về|ưu tiên|đề xuất khen thưởng"
).split("|")
TASKS = (
    "công tác tuyên truyền về|việc thực hiện|hoạt động kiểm tra|các giải pháp về|"
    "công tác thống kê|phong trào thi đua về|các lớp bồi dưỡng về|việc huy động nguồn lực cho|"
    "các mô hình điểm về|hoạt động truyền thông về|việc đánh giá kết quả về|các điều kiện bảo đảm|"
    "hồ sơ, tài liệu về|cơ sở dữ liệu về|các chỉ tiêu về|công tác phối hợp về|việc giải quyết|"
    "các hội nghị chuyên đề về|việc khảo sát thực trạng|các đợt cao điểm về"
).split("|")
MANNERS = (
    "trên địa bàn|tại các thôn, tổ dân phố|đối với cán bộ, công chức, viên chức|"
    "bằng nhiều hình thức phù hợp|trên các phương tiện thông tin đại chúng|theo đúng quy định|"
    "gắn với nhiệm vụ chính trị của đơn vị|tới từng hộ gia đình|một cách thường xuyên, liên tục|"
    "có trọng tâm, trọng điểm|trên Cổng thông tin điện tử|qua mạng xã hội|"
    "ở vùng sâu, vùng xa|tại các khu dân cư|trong các trường học|ở cơ sở"
).split("|")
PURPOSES = (
    "nhằm nâng cao nhận thức của cán bộ, đảng viên và Nhân dân|"
    "góp phần hoàn thành các chỉ tiêu đã đề ra|tạo sự chuyển biến rõ nét|"
    "bảo đảm tiến độ và chất lượng|phát huy vai trò của người đứng đầu|"
    "huy động sự vào cuộc của cả hệ thống chính trị|kịp thời phát hiện, xử lý vi phạm|"
    "tạo sự đồng thuận trong xã hội|nâng cao hiệu quả quản lý nhà nước|"
    "khắc phục những hạn chế của năm trước|đáp ứng yêu cầu của tình hình mới|"
    "tránh hình thức, lãng phí|lan tỏa các giá trị tốt đẹp|bảo đảm công khai, minh bạch"
).split("|")
TIMES = (
    "trong quý I năm {Y}|trong quý II năm {Y}|trong quý III năm {Y}|trong quý IV năm {Y}|"
    "hằng tháng|định kỳ 6 tháng|trong năm {Y}|trước ngày {D}|từ ngày {D}|thường xuyên|"
    "trong tháng cao điểm|khi có yêu cầu|chậm nhất ngày {D}"
).split("|")
UNITS = (
    "hộ gia đình|cán bộ, công chức|học sinh|hội viên|thôn, tổ dân phố|cơ sở|lượt người|đoàn viên|"
    "doanh nghiệp|người lao động|trường học|xã, thị trấn"
).split("|")
RESULTS = (
    "được tuyên truyền, phổ biến|đạt chuẩn theo quy định|tham gia các hoạt động|được kiểm tra|"
    "được tập huấn|ký cam kết thực hiện|được hỗ trợ kịp thời|hoàn thành kế hoạch"
).split("|")
ITEM_HEADS = (
    "Công tác tuyên truyền, phổ biến|Công tác chỉ đạo, điều hành|Công tác kiểm tra, giám sát|"
    "Nâng cao chất lượng|Huy động nguồn lực|Ứng dụng công nghệ thông tin|Công tác phối hợp|"
    "Đào tạo, bồi dưỡng|Xây dựng mô hình điểm|Công tác thi đua, khen thưởng|"
    "Kiện toàn tổ chức, bộ máy|Công tác thống kê, báo cáo|Triển khai các hoạt động cao điểm"
).split("|")

# House styles: the boilerplate that unrelated plans share.
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
SECTION_NAMES = [
    ("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG, NHIỆM VỤ", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"),
    ("MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ VÀ GIẢI PHÁP", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"),
    ("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THỰC HIỆN", "KINH PHÍ THỰC HIỆN", "TRÁCH NHIỆM THỰC HIỆN"),
]
FUNDING = [
    "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi ngân sách hằng năm của các cơ "
    "quan, đơn vị theo phân cấp ngân sách hiện hành và các nguồn huy động hợp pháp khác.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm {Y} của các cơ "
    "quan, đơn vị và nguồn xã hội hóa theo quy định của pháp luật.",
    "Các cơ quan, đơn vị chủ động bố trí kinh phí từ nguồn chi thường xuyên được giao để thực "
    "hiện các nhiệm vụ được phân công tại Kế hoạch này; việc quản lý, sử dụng, thanh quyết "
    "toán kinh phí thực hiện theo đúng quy định hiện hành.",
]
CLOSINGS = [
    "Trên đây là Kế hoạch {C} năm {Y} của {A}. Trong quá trình triển khai thực hiện, nếu có "
    "khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về {A} để xem xét, giải quyết.",
    "Trên đây là Kế hoạch thực hiện {C} năm {Y}; yêu cầu Thủ trưởng các cơ quan, đơn vị liên "
    "quan nghiêm túc triển khai thực hiện, định kỳ báo cáo kết quả về {A} theo quy định.",
    "Trên đây là Kế hoạch {C} năm {Y}. Đề nghị các cơ quan, đơn vị, địa phương căn cứ chức năng, "
    "nhiệm vụ được giao triển khai thực hiện có hiệu quả và báo cáo kết quả trước ngày {D}.",
]
RECIPIENTS = [
    "Nơi nhận:\n- Như trên;\n- TT. Tỉnh ủy, HĐND tỉnh (để báo cáo);\n- Chủ tịch, các PCT UBND tỉnh;"
    "\n- Các sở, ban, ngành;\n- Lưu: VT, KGVX.",
    "Nơi nhận:\n- UBND tỉnh (để báo cáo);\n- TT. Huyện ủy, HĐND huyện;\n- CT, các PCT UBND huyện;"
    "\n- Các phòng, ban, ngành;\n- UBND các xã, thị trấn;\n- Lưu: VT.",
    "Nơi nhận:\n- UBND huyện (để báo cáo);\n- TT. Đảng ủy, HĐND xã;\n- Các ban, ngành, đoàn thể;"
    "\n- Các thôn, tổ dân phố;\n- Lưu: VT, VH-XH.",
]
LEGAL_BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 "
    "tháng 11 năm 2019;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
]
DOC_KINDS = "Quyết định|Chỉ thị|Kế hoạch|Công văn|Hướng dẫn|Nghị quyết".split("|")
ISSUERS = (
    "Thủ tướng Chính phủ|Ban Thường vụ Tỉnh ủy|Ủy ban nhân dân tỉnh|Bộ Nội vụ|Bộ Y tế|"
    "Bộ Văn hóa, Thể thao và Du lịch|Ban Chỉ đạo tỉnh|Hội đồng nhân dân tỉnh|Ủy ban nhân dân huyện"
).split("|")


Item = tuple[str, list[str], bool]  # a numbered item: heading, sentences, lettered a), b) or not


@dataclass
class Draft:
    """One plan before rendering: header fields and sections of items of sentences. Sentences
    hold the placeholders {A} (issuer), {P} (its territory), {C} (campaign), {Y} (year) and
    {D} (a date of that year), filled when the plan is rendered."""

    level: int  # 0 a Sở, 1 a province, 2 a district, 3 a commune
    province: str
    place: str
    department: str
    campaign: int
    year: int
    number: int
    day: tuple[int, int]
    signer: str
    style: int
    preamble: list[str]
    sections: list[list[Item]]


# --- phrases ------------------------------------------------------------------------------------


def _pick(rng: random.Random, pool: Sequence[T]) -> T:
    return pool[int(rng.random() * len(pool))]


def _int(rng: random.Random, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, both included (quicker than randint)."""
    return low + int(rng.random() * (high - low + 1))


def _date(rng: random.Random) -> str:
    return f"{_int(rng, 1, 28):02d}/{_int(rng, 1, 12):02d}"


def _matter(rng: random.Random, campaign: int) -> str:
    """What a task is about: a matter of the campaign, or the campaign itself."""
    own = CAMPAIGNS[campaign][1]
    return _pick(rng, own) if rng.random() < 0.75 else "{C}"


def _time(rng: random.Random) -> str:
    return _pick(rng, TIMES).replace("{D}", _date(rng) + "/{Y}")


def _words(rng: random.Random, pool: list[str], count: int) -> str:
    return " ".join(rng.choices(pool, k=count))


def clause(rng: random.Random, campaign: int) -> str:
    """An action and what it bears on: "tăng cường kiểm tra hồ sơ thủ tục về …"."""
    parts = [_pick(rng, VERBS), _pick(rng, NOUNS), _pick(rng, NOUNS)]
    if rng.random() < 0.5:
        parts.insert(1, _pick(rng, VERBS))
    roll = rng.random()
    if roll < 0.35:
        parts += [_pick(rng, LINKS), _matter(rng, campaign)]
    elif roll < 0.8:
        parts += [_pick(rng, LINKS), _words(rng, NOUNS, 1 + int(rng.random() * 2))]
    if rng.random() < 0.4:
        parts.append(_pick(rng, QUALITIES))
    return " ".join(parts)


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def task_sentence(rng: random.Random, campaign: int) -> str:
    parts = [_pick(rng, ACTORS), clause(rng, campaign)]
    if rng.random() < 0.35:
        parts.append(", " + clause(rng, campaign))
    roll = rng.random()
    if roll < 0.25:
        manner = _pick(rng, MANNERS)
        parts.append(manner + " {P}" if manner == "trên địa bàn" else manner)
    elif roll < 0.45:
        parts.append(_pick(rng, PURPOSES))
    if rng.random() < 0.4:
        parts.append(", " + _time(rng))
    return _sentence(" ".join(parts).replace(" , ", ", "))


def target_sentence(rng: random.Random, campaign: int) -> str:
    share = _int(rng, 60, 100)
    subject = f"{_pick(rng, UNITS)} {_pick(rng, RESULTS)}"
    if rng.random() < 0.5:
        return _sentence(
            f"phấn đấu đến cuối năm {{Y}} có {share}% {subject}, " + clause(rng, campaign)
        )
    count = _int(rng, 2, 400)
    return _sentence(f"tổ chức ít nhất {count} {_words(rng, NOUNS, 2)} với {share}% {subject}")


def purpose_sentence(rng: random.Random, campaign: int) -> str:
    lead = _pick(rng, ("tiếp tục", "nhằm", "phấn đấu", "tập trung", "kịp thời", "chủ động"))
    return _sentence(f"{lead} {clause(rng, campaign)}, {clause(rng, campaign)}")


def assignment_sentence(rng: random.Random, campaign: int) -> str:
    first = f"Chủ trì, phối hợp với {_pick(rng, ACTORS)} {clause(rng, campaign)}"
    return f"{first}; báo cáo kết quả {_time(rng)}."


MAKERS = (task_sentence, task_sentence, target_sentence, purpose_sentence)


def body_sentence(rng: random.Random, campaign: int) -> str:
    return _pick(rng, MAKERS)(rng, campaign)


def item_heading(rng: random.Random, campaign: int) -> str:
    head = _pick(rng, ITEM_HEADS)
    return f"{head} về {_pick(rng, CAMPAIGNS[campaign][1])}" if rng.random() < 0.5 else head


def new_item(rng: random.Random, campaign: int) -> Item:
    sentences = [body_sentence(rng, campaign) for _ in range(_int(rng, 2, 4))]
    return item_heading(rng, campaign), sentences, rng.random() < 0.5


def preamble(rng: random.Random) -> list[str]:
    lines = [LEGAL_BASES[0]]
    if rng.random() < 0.3:
        lines.append(_pick(rng, LEGAL_BASES[1:]))
    for _ in range(_int(rng, 1, 3)):
        kind, issuer = _pick(rng, DOC_KINDS), _pick(rng, ISSUERS)
        number = f"{_int(rng, 1, 3000)}/{_pick(rng, ('QĐ-TTg', 'CT-UBND', 'KH-UBND', 'HD-BCĐ'))}"
        day = f"{_date(rng)}/{_int(rng, 2012, 2026)}"
        lines.append(
            f"Thực hiện {kind} số {number} ngày {day} của {issuer} về {{C}};"
            if rng.random() < 0.5
            else f"Căn cứ {kind} số {number} ngày {day} của {issuer} về {{C}};"
        )
    return lines


def new_signer(rng: random.Random) -> str:
    return f"{_pick(rng, SURNAMES)} {_pick(rng, MIDDLE)} {_pick(rng, GIVEN)}"


# --- templates and copies -----------------------------------------------------------------------


def retarget_issuer(rng: random.Random, draft: Draft) -> None:
    """Another issuer: usually of the same level, in another place or province."""
    draft.level = draft.level if rng.random() < 0.8 else _int(rng, 0, 3)
    draft.province = _pick(rng, PROVINCES)
    draft.place = _pick(rng, PLACES)
    draft.department = _pick(rng, DEPARTMENTS)


def new_template(rng: random.Random) -> Draft:
    campaign = int(rng.random() * len(CAMPAIGNS))
    size = rng.random()  # how long the plan is: 3 to 8 kB once rendered
    aims: list[Item] = [
        ("Mục đích", [purpose_sentence(rng, campaign) for _ in range(_int(rng, 2, 3))], False),
        ("Yêu cầu", [body_sentence(rng, campaign) for _ in range(_int(rng, 2, 3))], False),
    ]
    tasks = [new_item(rng, campaign) for _ in range(2 + int(size * 4))]
    duties: list[Item] = []
    for _ in range(2 + int(size * 2.5)):
        actor = _pick(rng, ACTORS)
        work = [assignment_sentence(rng, campaign) for _ in range(_int(rng, 1, 2))]
        duties.append((actor[0].upper() + actor[1:], work, False))
    draft = Draft(
        level=_int(rng, 0, 3),
        province="",
        place="",
        department="",
        campaign=campaign,
        year=_int(rng, 2015, 2026),
        number=_int(rng, 1, 999),
        day=(_int(rng, 1, 28), _int(rng, 1, 12)),
        signer=new_signer(rng),
        style=int(rng.random() * len(SECTION_NAMES)),
        preamble=preamble(rng),
        sections=[aims, tasks, [("", [_pick(rng, FUNDING)], False)], duties],
    )
    retarget_issuer(rng, draft)
    return draft


def _edit_sentence(rng: random.Random, sentence: str, campaign: int) -> str:
    """Replace, drop or add a few words somewhere in the sentence."""
    words = sentence.split(" ")
    at = int(rng.random() * len(words))
    roll = rng.random()
    if roll < 0.4:
        words[at : at + _int(rng, 1, 4)] = _pick(rng, MANNERS).split(" ")
    elif roll < 0.7:
        del words[at : at + _int(rng, 1, 3)]
    else:
        words[at:at] = _pick(rng, PURPOSES if rng.random() < 0.5 else TASKS).split(" ")
    return " ".join(words) if len(words) > 2 else body_sentence(rng, campaign)


def _edit_sentences(
    rng: random.Random, sentences: list[str], strength: float, campaign: int
) -> list[str]:
    out: list[str] = []
    for s in sentences:
        roll = rng.random()
        if roll < 0.10 * strength:
            continue  # dropped
        out.append(_edit_sentence(rng, s, campaign) if roll < 0.45 * strength else s)
        if rng.random() < 0.10 * strength:
            out.append(body_sentence(rng, campaign))
    return out or [body_sentence(rng, campaign)]


def _edit_items(
    rng: random.Random, items: list[Item], strength: float, campaign: int, restructure: bool
) -> list[Item]:
    """Edited sentences; with ``restructure``, items dropped, added or swapped too."""
    out = [(h, _edit_sentences(rng, s, strength, campaign), x) for h, s, x in items]
    if not restructure:
        return out
    for _ in range(2):
        if len(out) > 2 and rng.random() < 0.35 * strength:
            del out[int(rng.random() * len(out))]
        if rng.random() < 0.35 * strength:
            out.insert(int(rng.random() * (len(out) + 1)), new_item(rng, campaign))
    if len(out) > 1 and rng.random() < 0.3:
        a, b = rng.sample(range(len(out)), 2)
        out[a], out[b] = out[b], out[a]
    return out


def copy_draft(rng: random.Random, parent: Draft, strength: float) -> Draft:
    """A re-targeted, edited copy of ``parent``; ``strength`` (0 to 1) scales the edits."""
    campaign = parent.campaign
    if rng.random() < 0.15 * strength:
        campaign = int(rng.random() * len(CAMPAIGNS))
    sections = [
        _edit_items(rng, items, strength, campaign, restructure=k in (1, 3))
        for k, items in enumerate(parent.sections)
    ]
    draft = Draft(
        level=parent.level,
        province=parent.province,
        place=parent.place,
        department=parent.department,
        campaign=campaign,
        year=_int(rng, 2015, 2026) if rng.random() < 0.1 + 0.7 * strength else parent.year,
        number=_int(rng, 1, 999),
        day=(_int(rng, 1, 28), _int(rng, 1, 12)),
        signer=new_signer(rng),
        style=parent.style,
        preamble=_edit_sentences(rng, parent.preamble, strength, campaign),
        sections=sections,
    )
    if rng.random() < 0.7 + 0.3 * strength:  # else a revision by the same issuer
        retarget_issuer(rng, draft)
    return draft


def edit_strength(rng: random.Random) -> float:
    """Mostly light to middling edits, some heavy: similarities thick around 0.8."""
    return rng.random() ** 2


# --- rendering ----------------------------------------------------------------------------------


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
LETTERS = "abcdeghiklmnopq"


def _issuer(draft: Draft) -> tuple[str, str, str, str]:
    """(header line 1, header line 2, name in the text, territory)."""
    province = draft.province
    if draft.level == 0:
        return (f"UBND TỈNH {province.upper()}", f"SỞ {draft.department.upper()}",
                f"Sở {draft.department}", f"tỉnh {province}")  # fmt: skip
    kind = ("tỉnh", "huyện", "xã")[draft.level - 1]
    where = province if draft.level == 1 else draft.place
    return ("ỦY BAN NHÂN DÂN", f"{kind.upper()} {where.upper()}",
            f"Ủy ban nhân dân {kind} {where}", f"{kind} {where}")  # fmt: skip


def _item_lines(number: int, heading: str, sentences: list[str], listed: bool) -> list[str]:
    lines = [f"{number}. {heading}"] if heading else []
    if listed and len(sentences) > 1:
        lines += [f"{LETTERS[k]}) {s}" for k, s in enumerate(sentences[: len(LETTERS)])]
    else:
        lines += sentences
    return lines


def _section_lines(draft: Draft) -> list[str]:
    lines: list[str] = []
    names = SECTION_NAMES[draft.style]
    for s, (name, items) in enumerate(zip(names, draft.sections, strict=True)):
        lines += ["", f"{ROMAN[s]}. {name}"]
        for k, (heading, sentences, listed) in enumerate(items, start=1):
            lines += _item_lines(k, heading, sentences, listed)
    return lines


def render(draft: Draft) -> str:
    line1, line2, name, territory = _issuer(draft)
    where = draft.place if draft.level >= 2 else draft.province
    day, month = draft.day
    initials = "".join(w[0].upper() for w in draft.department.split() if w not in ("và", "-"))
    symbol = "KH-S" + initials if draft.level == 0 else "KH-UBND"
    campaign = CAMPAIGNS[draft.campaign][0]
    motto = MOTTO.splitlines()
    lines = [
        f"{line1}\t\t{motto[0]}",
        f"{line2}\t\t{motto[1]}",
        f"Số: {draft.number}/{symbol}\t\t{where}, ngày {day:02d} tháng {month:02d} năm {{Y}}",
        "",
        "KẾ HOẠCH",
        f"Triển khai {campaign} năm {draft.year}",
        "",
        *draft.preamble,
        f"{name} ban hành Kế hoạch triển khai thực hiện trên địa bàn {territory} như sau:",
        *_section_lines(draft),
        "",
        CLOSINGS[draft.style],
        "",
        RECIPIENTS[min(draft.level, 3) - 1 if draft.level else 0],
        "\t\tTM. ỦY BAN NHÂN DÂN\n\t\tKT. CHỦ TỊCH\n\t\tPHÓ CHỦ TỊCH" if draft.level else
        "\t\tGIÁM ĐỐC",
        "",
        f"\t\t{draft.signer}",
    ]  # fmt: skip
    text = "\n".join(lines)
    dated = text.replace("{D}", f"{day:02d}/{month:02d}/{{Y}}")
    return (
        dated.replace("{C}", campaign)
        .replace("{A}", name)
        .replace("{P}", territory)
        .replace("{Y}", str(draft.year))
    )


# --- families and the stream --------------------------------------------------------------------


def family_size(rng: random.Random, cap: int) -> int:
    if rng.random() < SINGLETON_SHARE:
        return 1
    return min(cap, 1 + int(rng.paretovariate(1.2)))


def family(rng: random.Random, size: int) -> Iterator[str]:
    """The texts of one family: a template and ``size - 1`` copies of earlier members."""
    members = [new_template(rng)]
    yield render(members[0])
    for _ in range(size - 1):
        parent = members[0] if rng.random() < 0.5 else _pick(rng, members)
        members.append(copy_draft(rng, parent, edit_strength(rng)))
        yield render(members[-1])


def generate(n: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """``n`` plans as (doc_id, family_id, text), the same for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    mix = random.Random(seed ^ 0x5EED)
    cap = max(2, min(MAX_FAMILY, n // 50))
    buffer: list[tuple[str, str]] = []
    made = emitted = 0
    fam = 0
    while made < n:
        size = min(family_size(rng, cap), n - made)
        for text in family(rng, size):
            doc = (f"f{fam:06d}", text)
            made += 1
            if len(buffer) < BUFFER:
                buffer.append(doc)
                continue
            k = int(mix.random() * BUFFER)
            yield f"p{emitted:07d}", *buffer[k]
            emitted += 1
            buffer[k] = doc
        fam += 1
    mix.shuffle(buffer)
    for family_id, text in buffer:
        yield f"p{emitted:07d}", family_id, text
        emitted += 1
