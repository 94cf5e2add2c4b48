"""HTML: the main text of a government web page, one line per block, without its furniture."""

from __future__ import annotations

import pytest

from luoshi.document import DocumentError, read_source
from luoshi.document._read_html import clean_title

ARTICLE = """
<p>　　一、总体要求</p>
<p>　　坚持稳中求进工作总基调，推动经济社会高质量发展。</p>
<p>　　二、重点任务</p>
<p>　　（一）加快建设现代化产业体系。到2030年，全区规上工业增加值年均增长8%左右。</p>
<p>　　（二）筑牢生态安全屏障。到2035年森林覆盖率达到25%。</p>
"""
ARTICLE_LINES = [
    "一、总体要求",
    "坚持稳中求进工作总基调，推动经济社会高质量发展。",
    "二、重点任务",
    "（一）加快建设现代化产业体系。到2030年，全区规上工业增加值年均增长8%左右。",
    "（二）筑牢生态安全屏障。到2035年森林覆盖率达到25%。",
]


def page(
    article: str = ARTICLE,
    *,
    charset: str = "utf-8",
    title: str = "关于推动高质量发展的决定_政策文件_某自治区人民政府",
) -> str:
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}</title>
<style>p {{ text-indent: 2em; }} .x::before {{ content: "样式里的字"; }}</style>
<script>var 提示 = "脚本里的中文不是正文";</script>
</head><body>
<div class="top-bar"><a href="/">首页</a> | <a href="/en">English</a> | 无障碍浏览 长者模式</div>
<div id="nav" class="main-nav"><ul><li>政务公开</li><li>政务服务</li><li>互动交流</li><li>走进本区</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="wrapper">
  <div class="article">
    <h1 class="article-title">关于推动高质量发展的决定</h1>
    <div class="info">发布时间：2024-03-01　来源：办公厅　<span class="share">分享到：微信 微博</span></div>
    <div class="TRS_Editor" id="zoom">{article}</div>
    <div class="print-close">【打印本页】【关闭窗口】</div>
  </div>
  <div class="sidebar"><h3>相关文章</h3><ul><li>关于加强生态保护的意见</li><li>关于推进乡村振兴的实施意见</li></ul></div>
</div>
<div class="footer">主办单位：某自治区人民政府办公厅　版权所有　网站标识码：1500000001</div>
</body></html>"""


def assert_has_lines(text: str, expected: list[str]) -> None:
    """``expected`` appear in ``text`` as consecutive lines."""
    got = text.split("\n")
    starts = [i for i, line in enumerate(got) if line == expected[0]]
    assert any(got[i : i + len(expected)] == expected for i in starts), got


def read(html: str, codec: str = "utf-8", name: str = "决定.html"):
    return read_source(html.encode(codec), name=name)


def test_it_reads_the_main_text_one_line_per_paragraph():
    src = read(page())
    assert src.format == "html"
    assert src.text.split("\n") == ARTICLE_LINES


@pytest.mark.parametrize(
    "furniture",
    [
        "首页",
        "政务公开",
        "当前位置",
        "分享到",
        "打印本页",
        "相关文章",
        "版权所有",
        "脚本里的中文",
        "样式里的字",
    ],
)
def test_it_drops_menus_footers_share_bars_and_scripts(furniture):
    assert furniture not in read(page()).text


def test_it_takes_the_title_from_h1():
    assert read(page()).title_hint == "关于推动高质量发展的决定"


def test_it_takes_the_title_from_the_title_element_without_the_site_name():
    html = page().replace('<h1 class="article-title">关于推动高质量发展的决定</h1>', "")
    assert read(html).title_hint == "关于推动高质量发展的决定"


@pytest.mark.parametrize(
    ("title", "clean"),
    [
        ("关于推动高质量发展的决定_内蒙古自治区人民政府", "关于推动高质量发展的决定"),
        ("关于推动高质量发展的决定-新华网", "关于推动高质量发展的决定"),
        ("关于推动高质量发展的决定 - 政策文件 - 某市人民政府门户网站", "关于推动高质量发展的决定"),
        ("关于推动高质量发展的决定 | 某某日报", "关于推动高质量发展的决定"),
        ("关于推动高质量发展的决定--某某日报数字版", "关于推动高质量发展的决定"),
        (
            "政府工作报告——2024年1月在自治区第十四届人民代表大会上",
            "政府工作报告——2024年1月在自治区第十四届人民代表大会上",
        ),
    ],
)
def test_it_strips_site_suffixes_from_titles(title, clean):
    assert clean_title(title) == clean


def test_it_reads_a_page_declared_as_gbk():
    src = read(page(charset="gb2312"), "gbk")
    assert src.text.split("\n") == ARTICLE_LINES
    assert src.encoding == "gb18030"


def test_it_reads_a_page_that_declares_utf8_but_is_gbk():
    src = read(page(charset="utf-8"), "gbk")
    assert src.text.split("\n") == ARTICLE_LINES


def test_it_reads_a_page_that_declares_gbk_but_is_utf8():
    src = read(page(charset="gbk"), "utf-8")
    assert src.text.split("\n") == ARTICLE_LINES
    assert src.encoding == "utf-8"


def test_it_breaks_lines_at_br_and_joins_hard_wraps_inside_a_paragraph():
    article = (
        ARTICLE
        + "<div>一、总体要求<br>坚持稳中求进工作总基调，\n    推动经济社会\n高质量发展。<br/>二、重点任务</div>"
    )
    assert_has_lines(
        read(page(article)).text,
        [
            "一、总体要求",
            "坚持稳中求进工作总基调，推动经济社会高质量发展。",
            "二、重点任务",
        ],
    )


def test_it_collapses_whitespace_and_decodes_entities():
    article = ARTICLE + "<p>推进&nbsp;&nbsp;5G&nbsp;网络   和 &lt;数据中心&gt; 建设&amp;运营。</p>"
    assert read(page(article)).text.split("\n")[-1] == "推进 5G 网络 和 <数据中心> 建设&运营。"


def test_it_reads_a_table_of_data_one_line_per_row_with_its_cells_separated_by_tabs():
    article = (
        ARTICLE + "<table><tr><th>指标</th><th>2030年目标</th></tr>"
        "<tr><td>森林覆盖率</td><td>25%</td></tr><tr><td>草原植被盖度</td><td>46%以上</td></tr></table>"
    )
    assert read(page(article)).text.split("\n") == [
        *ARTICLE_LINES,
        "指标\t2030年目标",
        "森林覆盖率\t25%",
        "草原植被盖度\t46%以上",
    ]


def test_it_keeps_hard_wraps_inside_pre_for_the_reflow_stage():
    article = (
        ARTICLE + "<pre>（一）加快建设现代化\n产业体系。到2030年，全区\n规上工业增加值年均增长8%左右。</pre>"
    )
    src = read(page(article))
    assert_has_lines(
        src.text, ["（一）加快建设现代化", "产业体系。到2030年，全区", "规上工业增加值年均增长8%左右。"]
    )
    assert src.wrapped is None


def test_it_drops_hidden_blocks():
    article = ARTICLE + '<p style="display: none">隐藏的统计代码说明文字</p>'
    assert "隐藏的统计代码" not in read(page(article)).text


def test_it_keeps_boilerplate_looking_blocks_that_hold_the_text():
    html = (
        f'<html><body><div class="bottom">{ARTICLE}</div><div class="nav">首页 政务公开</div></body></html>'
    )
    assert read(html).text.split("\n") == ARTICLE_LINES


def test_it_reads_unclosed_paragraphs_as_a_browser_does():
    html = "<html><body><p>一、总体要求<p>坚持稳中求进工作总基调。<p>二、重点任务</body></html>"
    assert read(html).text.split("\n") == ["一、总体要求", "坚持稳中求进工作总基调。", "二、重点任务"]


def test_it_sniffs_html_by_content_whatever_the_name():
    assert read(page(), name="决定.txt").format == "html"
    assert read("<p>一、总体要求</p><p>二、重点任务</p>", name="决定.htm").format == "html"


def test_it_keeps_the_heading_beside_a_short_article():
    short = "<p>（一）加快建设现代化产业体系。</p><p>（二）筑牢生态安全屏障。</p>"
    lines = read(page(short)).text.split("\n")
    assert lines[0] == "关于推动高质量发展的决定"
    assert lines[-2:] == ["（一）加快建设现代化产业体系。", "（二）筑牢生态安全屏障。"]
    assert "相关文章" not in lines


NEWSPAPER = """<html><head><meta charset="gb2312"><title>某自治区党委关于全面推进乡村振兴的决定--某某日报数字版</title></head>
<body><table width=1000><tr><td class="logo">某某日报 数字报刊平台 往期回顾 版面导航</td></tr>
<tr><td><table><tr><td width=200 class="left">第01版：要闻<br>第02版：要闻<br>第03版：综合新闻<br>第04版：理论</td>
<td><table><tr><td><h2>某自治区党委关于全面推进乡村振兴的决定</h2></td></tr>
<tr><td><founder-content><p>　　为全面推进乡村振兴，加快农牧业农村牧区现代化，现作出如下决定。</p>
<p>　　一、总体要求</p><p>　　坚持农业农村优先发展，巩固拓展脱贫攻坚成果。到2025年，全区粮食产量稳定在800亿斤以上。</p>
<p>　　二、重点任务</p><p>　　（一）提升粮食综合生产能力。严守耕地保护红线，新建高标准农田。</p></founder-content></td></tr>
</table></td></tr></table></td></tr>
<tr><td class="copyright">版权所有 某某日报社 未经许可不得转载</td></tr></table></body></html>"""


def test_it_finds_the_article_in_a_page_laid_out_with_tables():
    src = read(NEWSPAPER, "gbk")
    assert src.text.split("\n") == [
        "为全面推进乡村振兴，加快农牧业农村牧区现代化，现作出如下决定。",
        "一、总体要求",
        "坚持农业农村优先发展，巩固拓展脱贫攻坚成果。到2025年，全区粮食产量稳定在800亿斤以上。",
        "二、重点任务",
        "（一）提升粮食综合生产能力。严守耕地保护红线，新建高标准农田。",
    ]


def test_it_takes_the_title_from_a_heading_the_title_element_repeats():
    assert read(NEWSPAPER, "gbk").title_hint == "某自治区党委关于全面推进乡村振兴的决定"


def test_it_keeps_the_last_line_of_a_container_without_blocks():
    html = "<html><body>一、总体要求<br>坚持稳中求进工作总基调。<br>二、重点任务</body></html>"
    assert read(html).text.split("\n") == ["一、总体要求", "坚持稳中求进工作总基调。", "二、重点任务"]


def test_it_survives_thousands_of_unclosed_tags():
    html = "<html><body>" + "<font><div>" * 3000 + ARTICLE + "</body></html>"
    assert read(html).text.split("\n") == ARTICLE_LINES


def test_it_refuses_a_page_without_text():
    html = "<html><head><title>空白页</title></head><body><script>var a=1;</script></body></html>"
    with pytest.raises(DocumentError) as e:
        read(html)
    assert e.value.code == "empty"
    assert "网页中没有找到正文文字" in e.value.zh
