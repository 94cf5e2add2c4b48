"""A plan with a 主要指标表 and a task table, written by the luoshi team, built in every format.

The same document as plain text (cells separated by tabs, as Excel and Word copy them), as a .docx
(Word tables with cells merged across and down), as a web page (rowspan, colspan) and as a PDF (text
set in columns, a task wrapped over two lines in its cell, no ruling a reader could rely on).
"""

from __future__ import annotations

import io

TITLE = "示范市国民经济和社会发展第十五个五年规划纲要（摘要）"
DATE_LINE = "（2026年1月20日示范市第十届人民代表大会第五次会议批准）"
BEFORE = ["一、主要目标", "到2030年，全市经济总量迈上新台阶，生态环境质量持续改善。"]
INDICATOR_CAPTION = "表1　主要指标"
# two header rows: 类别, 指标名称, 单位 and 属性 merged down; 指标值 merged across the two years
INDICATOR_HEADER = [
    ["类别", "指标名称", "单位", "指标值", "指标值", "属性"],
    ["类别", "指标名称", "单位", "2025年", "2030年", "属性"],
]
INDICATOR_ROWS = [
    ["经济发展", "地区生产总值增长", "%", "5.6", "5左右", "预期性"],
    ["经济发展", "全员劳动生产率", "万元/人", "17.2", "＞22", "预期性"],
    ["创新驱动", "研究与试验发展经费投入强度", "%", "1.4", "2以上", "预期性"],
    ["民生福祉", "居民人均可支配收入增长", "%", "5.2", "与经济增长同步", "预期性"],
    ["绿色生态", "森林覆盖率", "%", "23.1", "24.5", "约束性"],
    ["绿色生态", "单位地区生产总值能源消耗降低", "%", "—", "〔13〕", "约束性"],
    ["安全保障", "粮食综合生产能力", "亿斤", "780", "800以上", "约束性"],
]
INDICATOR_NOTE = "注：〔〕内为五年累计数。"
MIDDLE = ["二、重点任务"]
TASK_CAPTION = "表2　重点任务分工"
TASK_HEADER = ["序号", "任务", "牵头单位", "完成时限"]
TASK_ROWS = [
    ["1", "建成一体化政务大数据平台，市级部门数据共享率达到95%。", "市政务服务和数据管理局", "2027年底前"],
    ["2", "出台支持民营经济发展壮大的若干措施。", "市发展改革委", "2026年6月"],
    ["3", "新建改建城市地下管网300公里。", "市住房城乡建设局", "2028年"],
    ["4", "持续开展重点行业领域安全生产治本攻坚。", "市应急管理局", "长期坚持"],
]
AFTER = ["三、保障措施", "加强组织领导，压实各级责任。"]


def text() -> str:
    rows = INDICATOR_HEADER + INDICATOR_ROWS
    lines = [TITLE, DATE_LINE, *BEFORE, INDICATOR_CAPTION, *("\t".join(r) for r in rows), INDICATOR_NOTE]
    lines += [*MIDDLE, TASK_CAPTION, *("\t".join(r) for r in [TASK_HEADER, *TASK_ROWS]), *AFTER]
    return "\n".join(lines) + "\n"


def docx() -> bytes:
    import docx as python_docx

    d = python_docx.Document()
    for line in [TITLE, DATE_LINE, *BEFORE, INDICATOR_CAPTION]:
        d.add_paragraph(line)
    rows = INDICATOR_HEADER + INDICATOR_ROWS
    t = d.add_table(rows=len(rows), cols=6)
    for c in (0, 1, 2, 5):
        t.cell(0, c).merge(t.cell(1, c)).text = INDICATOR_HEADER[0][c]
    t.cell(0, 3).merge(t.cell(0, 4)).text = "指标值"
    t.cell(1, 3).text, t.cell(1, 4).text = "2025年", "2030年"
    for r, row in enumerate(INDICATOR_ROWS, start=2):
        for c, value in enumerate(row[1:], start=1):
            t.cell(r, c).text = value
    r = 2
    while r < len(rows):  # the category merged down over its indicators
        end = r
        while end + 1 < len(rows) and rows[end + 1][0] == rows[r][0]:
            end += 1
        t.cell(r, 0).merge(t.cell(end, 0)).text = rows[r][0]
        r = end + 1
    d.add_paragraph(INDICATOR_NOTE)
    for line in [*MIDDLE, TASK_CAPTION]:
        d.add_paragraph(line)
    t = d.add_table(rows=1 + len(TASK_ROWS), cols=4)
    for r, row in enumerate([TASK_HEADER, *TASK_ROWS]):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    for line in AFTER:
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def html() -> bytes:
    def cells(row: list[str], tag: str = "td") -> str:
        return "".join(f"<{tag}>{c}</{tag}>" for c in row)

    body = [f"<h1>{TITLE}</h1>", f"<p>{DATE_LINE}</p>", *(f"<p>{p}</p>" for p in BEFORE)]
    body.append(f"<p>{INDICATOR_CAPTION}</p><table border=1><thead>")
    body.append(
        '<tr><th rowspan="2">类别</th><th rowspan="2">指标名称</th><th rowspan="2">单位</th>'
        '<th colspan="2">指标值</th><th rowspan="2">属性</th></tr><tr><th>2025年</th><th>2030年</th></tr>'
    )
    body.append("</thead><tbody>")
    previous = None
    for row in INDICATOR_ROWS:
        span = sum(1 for r in INDICATOR_ROWS if r[0] == row[0])
        first = f'<td rowspan="{span}">{row[0]}</td>' if row[0] != previous else ""
        previous = row[0]
        body.append(f"<tr>{first}{cells(row[1:])}</tr>")
    body.append(f"</tbody></table><p>{INDICATOR_NOTE}</p>")
    body += [f"<p>{p}</p>" for p in MIDDLE]
    body.append(f"<p>{TASK_CAPTION}</p><table><tr>{cells(TASK_HEADER, 'th')}</tr>")
    body += [f"<tr>{cells(r)}</tr>" for r in TASK_ROWS]
    body.append("</table>")
    body += [f"<p>{p}</p>" for p in AFTER]
    page = (
        f"<html><head><meta charset='utf-8'><title>{TITLE}_示范市人民政府</title></head><body>"
        '<div class="nav">首页 政务公开 政策文件</div><div class="article">' + "".join(body) + "</div>"
        '<div class="footer">版权所有 示范市人民政府</div></body></html>'
    )
    return page.encode("utf-8")


def pdf() -> bytes:
    """The tables set as a typesetter sets them: each cell's text at its column, a cell merged down
    printed once, a long task wrapped within its column."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    size = 10.5
    c.setFont("STSong-Light", size)
    y = 790.0

    def line(s: str, x: float = 60) -> None:
        nonlocal y
        c.drawString(x, y, s)
        y -= 18

    def row(values: list[str], xs: list[float], widths: list[int]) -> None:
        nonlocal y
        wrapped = [
            [v[i : i + w] for i in range(0, len(v), w)] or [""] for v, w in zip(values, widths, strict=True)
        ]
        for k in range(max(len(w) for w in wrapped)):
            for x, parts in zip(xs, wrapped, strict=True):
                if k < len(parts) and parts[k]:
                    c.drawString(x, y, parts[k])
            y -= 16
        c.line(60, y + 11, 540, y + 11)

    line(TITLE, 90)
    line(DATE_LINE, 90)
    for s in [*BEFORE, INDICATOR_CAPTION]:
        line(s)
    xs = [60, 112, 270, 330, 390, 500]
    widths = [4, 12, 5, 5, 9, 3]
    row(["类别", "指标名称", "单位", "指标值", "", "属性"], xs, widths)
    row(["", "", "", "2025年", "2030年", ""], xs, widths)
    previous = None
    for r in INDICATOR_ROWS:
        row([r[0] if r[0] != previous else "", *r[1:]], xs, widths)
        previous = r[0]
    line(INDICATOR_NOTE)
    for s in [*MIDDLE, TASK_CAPTION]:
        line(s)
    xs = [60, 92, 340, 470]
    widths = [2, 22, 11, 7]
    for r in [TASK_HEADER, *TASK_ROWS]:
        row(r, xs, widths)
    for s in AFTER:
        line(s)
    c.showPage()
    c.save()
    return out.getvalue()


FORMATS = {
    "txt": lambda: text().encode("utf-8"),
    "docx": docx,
    "html": html,
    "pdf": pdf,
}
