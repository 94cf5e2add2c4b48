"""Reflow: hard line breaks, page breaks mid-sentence, page furniture, the title anywhere."""

from __future__ import annotations

from luoshi.document._reflow import reflow

COLUMN = """（一）加快建设现代化产业体系。坚持把发展经
济的着力点放在实体经济上，推进新型工业化，
加快建设制造强区、质量强区，推动传统产业

转型升级，培育壮大战略性新兴产业，加快发展
数字经济。

（二）全面推进乡村振兴。坚持农业农村优先发
展，巩固拓展脱贫攻坚成果，扎实推进宜居宜业
和美乡村建设。
"""


def test_it_joins_lines_broken_mid_word():
    paras = reflow(COLUMN).paragraphs
    assert paras[0].startswith("（一）加快建设现代化产业体系。坚持把发展经济的着力点")


def test_it_joins_across_a_blank_line_left_by_a_page_break_mid_sentence():
    paras = reflow(COLUMN).paragraphs
    assert "推动传统产业转型升级" in paras[0]


def test_it_keeps_real_paragraph_breaks():
    paras = reflow(COLUMN).paragraphs
    assert len(paras) == 2
    assert paras[1].startswith("（二）全面推进乡村振兴")


def test_it_drops_continuation_notes_between_pages():
    text = "（上接第二版）\n" + COLUMN.replace("推动传统产业\n", "推动传统产业\n（下转第三版）\n")
    r = reflow(text)
    joined = "".join(r.paragraphs)
    assert "上接" not in joined
    assert "下转" not in joined
    assert "推动传统产业转型升级" in joined
    assert "（上接第二版）" in r.dropped


def test_it_drops_a_reprint_note_and_finds_the_title_at_the_end():
    text = COLUMN + "\n（转载自3月5日《示范日报》）\n\n示范省委关于加快推进高质量发展的决定\n"
    r = reflow(text)
    assert r.title == "示范省委关于加快推进高质量发展的决定"
    assert all("转载" not in p and p[-2:] != "决定" for p in r.paragraphs)


def test_it_finds_a_title_wrapped_over_two_lines_at_the_top():
    text = "示范省人民政府关于促进民营经济\n发展壮大的实施意见\n\n" + COLUMN
    assert reflow(text).title == "示范省人民政府关于促进民营经济发展壮大的实施意见"


def test_it_drops_page_numbers_and_running_heads():
    pages = []
    for n in range(1, 4):
        pages.append(f"示范省人民政府公报\n{COLUMN}\n— {n} —\n")
    r = reflow("".join(pages))
    joined = "".join(r.paragraphs)
    assert "公报" not in joined
    assert "—" not in joined
    assert len(r.paragraphs) == 6


def test_it_drops_web_chrome():
    text = (
        "首页 > 政务公开 > 政策文件\n【字体：大 中 小】 打印本页 关闭窗口\n"
        "来源：示范市人民政府　发布时间：2025-03-01 09:00\n\n示范市人民政府关于做好春耕生产的通知\n\n"
        "各旗县区人民政府：\n\n\u3000\u3000确保粮食播种面积稳定在1000万亩以上。\n\n"
        "扫一扫在手机打开当前页\n相关链接：示范省人民政府\n版权所有：示范市人民政府"
    )
    r = reflow(text)
    assert r.title == "示范市人民政府关于做好春耕生产的通知"
    assert r.paragraphs == ["确保粮食播种面积稳定在1000万亩以上。"]


def test_it_drops_photo_captions():
    text = "图为示范市新建的光伏电站。\n（新华社记者 王五 摄）\n" + COLUMN
    assert all("摄" not in p and "图为" not in p for p in reflow(text).paragraphs)


def test_it_joins_a_heading_set_over_two_short_lines():
    text = "三、扎实推动各项任务\n落地见效\n\n各地区各部门要加强组织领导，压实工作责任，\n确保各项任务按期完成。\n"
    assert reflow(text).paragraphs[0] == "三、扎实推动各项任务落地见效"


def test_it_joins_an_inline_heading_broken_over_a_blank_line():
    text = (
        "（二）着力建设高素质专业化干部队\n\n伍。坚持党管干部原则，把好干部\n标准落到实处，树立选人用人正确\n"
        "导向，选优配强各级领导班子，激\n励干部担当作为。\n"
    )
    assert reflow(text).paragraphs[0].startswith("（二）着力建设高素质专业化干部队伍。坚持")


def test_it_takes_the_year_from_the_adoption_line_under_the_title():
    text = (
        "示范省委关于加快推进高质量发展的决定\n\n（2025年12月10日中国共产党示范省第十二届委员会第八次全体会议通过）\n\n"
        + COLUMN
    )
    r = reflow(text)
    assert r.year == 2025
    assert all("全体会议通过" not in p for p in r.paragraphs)


def test_it_drops_the_speaker_and_salutation_of_a_report():
    text = (
        "政府工作报告\n\n——2026年1月15日在示范市第十七届人民代表大会第五次会议上\n\n"
        "示范市人民政府市长　李四\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
    )
    r = reflow(text)
    assert (r.title, r.year) == ("政府工作报告", 2026)
    assert r.paragraphs == ["现在，我代表市人民政府，向大会报告工作，请予审议。"]


def test_it_treats_lines_of_a_file_of_paragraphs_as_paragraphs():
    text = "坚持稳中求进工作总基调。\n加快建设现代化产业体系。\n全面推进乡村振兴。\n扎实推进共同富裕。\n"
    r = reflow(text)
    assert not r.wrapped
    assert len(r.paragraphs) == 4


def test_it_removes_layout_spaces_between_chinese_characters_but_not_between_english_words():
    r = reflow("到2035年全区草原植被盖度稳定在 45%以上，引进 AI and robotics 项目。")
    assert r.paragraphs == ["到2035年全区草原植被盖度稳定在45%以上，引进AI and robotics项目。"]


def test_it_reads_full_width_digits_as_digits():
    assert reflow("森林覆盖率达到２５％。").paragraphs == ["森林覆盖率达到25%。"]


def test_an_acronym_broken_at_the_line_end_is_joined_without_a_space():
    text = "地级城市空气质量优良天数比例保持在90%以上，P\nM2.5平均浓度控制在25微克/立方米以下，单\n位地区生产总值能耗完成国家下达的目标任务。\n"
    assert "PM2.5平均浓度" in reflow(text).paragraphs[0]


def test_it_drops_the_document_number_and_the_distribution_lines():
    text = (
        "示范市人民政府关于做好春耕生产的通知\n示政发〔2025〕3号\n各旗县区人民政府：\n"
        "确保粮食播种面积稳定在1000万亩以上。\n示范市人民政府\n2025年3月1日\n（此件公开发布）\n"
        "抄送：市委各部门。\n示范市人民政府办公室　2025年3月2日印发\n"
    )
    r = reflow(text)
    assert r.paragraphs == ["确保粮食播种面积稳定在1000万亩以上。"]
    assert r.year == 2025


# A report copied as plain text from a government web page: the site's name, its tool and navigation
# bars and a search box, a breadcrumb, the page's own heading and publishing details, then the
# article, which has a title of its own; the page's footer comes after the last paragraph.
WEB_REPORT_BODY = (
    "政府工作报告\n\n"
    "——2026年1月12日在示范市第九届人民代表大会第三次会议上\n\n"
    "示范市人民政府市长　王五\n\n"
    "\u3000\u3000各位代表：\n\n"
    "\u3000\u3000现在，我代表市人民政府，向大会报告工作，请予审议。\n\n"
    "\u3000\u3000一、过去一年的工作\n\n"
    "\u3000\u3000全年地区生产总值增长5.5%，粮食产量稳定在200万吨以上。\n\n"
    "\u3000\u3000二、今年的主要任务\n\n"
    "\u3000\u3000新建城市道路30公里，新增就业岗位2万个以上。\n"
)
WEB_REPORT_FOOT = (
    "\n分享到：\n"
    "朋友圈　微博　QQ空间\n"
    "【打印本页】　【关闭窗口】\n"
    "上一篇：示范市2025年政府工作报告\n"
    "主办单位：示范市人民政府办公室\n"
    "地址：示范市人民路1号　邮编：010000\n"
    "建议使用谷歌浏览器或1920×1080分辨率浏览本站\n"
)
WEB_REPORT = (
    "示范市人民政府门户网站\n"
    "无障碍　适老模式　繁體　English\n"
    "首页　新闻中心　政务公开　办事服务　政民互动\n"
    "请输入关键字　搜索\n"
    "您现在的位置：首页 > 政务公开 > 规划计划\n"
    "示范市2026年政府工作报告\n"
    "发布日期：2026-01-20 09:30　来源：示范日报\n"
    "【字体：大 中 小】　【打印本页】\n\n" + WEB_REPORT_BODY + WEB_REPORT_FOOT
)
WEB_REPORT_CHROME = (
    "门户网站",
    "无障碍",
    "新闻中心",
    "请输入",
    "示范市2026年政府工作报告",
    "发布日期",
    "朋友圈",
    "邮编",
    "分辨率",
)


def test_a_web_page_copied_as_text_gives_the_fullest_title_it_offers_and_the_year():
    r = reflow(WEB_REPORT)
    assert (r.title, r.year) == ("示范市2026年政府工作报告", 2026)
    assert "政府工作报告" not in r.paragraphs


def test_a_pages_heading_that_ends_with_the_texts_own_title_is_the_fuller_title():
    r = reflow(WEB_REPORT_BODY, title_hint="示范市2026年政府工作报告")
    assert r.title == "示范市2026年政府工作报告"


def test_a_hint_that_does_not_end_with_the_texts_own_title_does_not_replace_it():
    r = reflow(WEB_REPORT_BODY, title_hint="示范市人民政府门户网站")
    assert r.title == "政府工作报告"


def test_a_web_page_copied_as_text_gives_the_same_paragraphs_as_the_bare_report():
    assert reflow(WEB_REPORT).paragraphs == reflow(WEB_REPORT_BODY).paragraphs


def test_the_chrome_of_a_web_page_copied_as_text_is_dropped_as_furniture():
    r = reflow(WEB_REPORT)
    joined = "".join(r.paragraphs)
    assert not [c for c in WEB_REPORT_CHROME if c in joined]
    assert "示范市人民政府门户网站" in r.dropped
    assert "首页　新闻中心　政务公开　办事服务　政民互动" in r.dropped
    assert "朋友圈　微博　QQ空间" in r.dropped


def test_navigation_bars_are_chrome_at_the_top_without_a_breadcrumb():
    text = (
        "首页  新闻中心  政务公开  办事服务\n"
        "网站地图 | 无障碍 | English\n"
        "示范市2026年政府工作报告\n\n" + WEB_REPORT_BODY
    )
    r = reflow(text)
    assert (r.title, r.year) == ("示范市2026年政府工作报告", 2026)
    assert r.paragraphs == reflow(WEB_REPORT_BODY).paragraphs


def test_lines_above_a_breadcrumb_are_chrome_but_a_title_above_it_is_kept():
    text = "示范市人民政府\n示范市人民政府关于做好春耕生产的通知\n当前位置：首页 > 通知公告\n\n" + COLUMN
    r = reflow(text)
    assert r.title == "示范市人民政府关于做好春耕生产的通知"
    assert "示范市人民政府" in r.dropped


def test_a_breadcrumb_under_a_sentence_does_not_cut_the_text_above_it():
    text = COLUMN + "\n当前位置：首页 > 通知公告\n"
    assert reflow(text).paragraphs == reflow(COLUMN).paragraphs


def test_a_page_heading_stays_the_title_when_no_title_of_its_own_follows():
    text = "当前位置：首页 > 政务公开\n示范市2026年政府工作报告\n\n" + WEB_REPORT_BODY.split("\n\n", 1)[1]
    assert reflow(text).title == "示范市2026年政府工作报告"


def test_a_text_that_starts_with_its_title_is_not_touched_by_the_web_rules():
    title = "中共示范市委　示范市人民政府关于加快建设农牧业强市的意见"
    text = title + "\n\n" + COLUMN
    r = reflow(text)
    assert r.title == title
    assert r.paragraphs == reflow(COLUMN).paragraphs
    assert r.dropped == []


def test_short_words_set_apart_by_spaces_inside_the_text_are_not_chrome():
    text = "政府工作报告\n\n稳增长　促改革　调结构　惠民生\n\n" + COLUMN
    assert "稳增长促改革调结构惠民生" in reflow(text).paragraphs  # layout spaces go, the words stay


def test_a_page_line_with_a_space_and_a_section_name_is_furniture():
    r = reflow("示例日报\n\n一、总体要求\n\n坚持稳中求进工作总基调，推动\n第 5 版　要闻\n高质量发展。\n")
    assert all("版" not in p for p in r.paragraphs)


BROKEN_HEADINGS = (
    "　　这是第一段正文，用于测试报纸栏目中的换行与缩进，\n"
    "一行大约二十个汉字，段落之间没有空行，每段以\n"
    "两个全角空格开头。\n"
    "四、扎实做好2024年经济工作\n"
    "　　2024年是关键一年。今年全省地区生产总值增\n"
    "长5%以上，城镇新增就业40万人以上，粮食产量\n"
    "稳定在430亿斤以上。\n"
    "　　（二）推进产业\n"
    "（下转第5版）\n"
    "\n"
    "第 5 版　要闻\n"
    "（上接第4版）\n"
    "转型升级。坚持高端化、智能化、绿色化方向，\n"
    "推动传统产业改造提升，加快发展新兴产业，\n"
    "培育壮大未来产业。\n"
    "　　（三）扩大有效投资。今年完成投资3000亿元。\n"
)


def test_a_heading_stops_where_the_indented_body_starts():
    paragraphs = reflow(BROKEN_HEADINGS).paragraphs
    assert "四、扎实做好2024年经济工作" in paragraphs


def test_an_inline_title_broken_by_a_page_break_is_joined():
    paragraphs = reflow(BROKEN_HEADINGS).paragraphs
    assert any(p.startswith("（二）推进产业转型升级。坚持高端化") for p in paragraphs), paragraphs
