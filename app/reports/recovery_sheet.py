"""The recovery-key sheet: one A4 page a county office keeps in a safe.

It holds the recovery key as large text in groups and as a QR code, says whose key it is and
when it was made, explains when to use it and how to keep it, and has boxes for the signatures of
whoever seals and opens it. The file is written atomically; it should be printed and deleted.
It is a Chinese document for the office's files: its text does not follow the interface language.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.reports import fonts
from app.security.keyslots import normalise_recovery_key
from app.services.spreadsheet import write_atomically

PROGRAM = "基层纪检监察工作台（Jiwei Desk）"
TITLE = "数据恢复密钥"
KEY_LABEL = (
    "恢复密钥（{n} 个字符，只有字母 A–Z 和数字 2–7，没有数字 0 和 1；"
    "输入时不分大小写，分组间的空格或短横可有可无）"
)
QR_LABEL = "同一密钥的二维码"
INSTRUCTIONS_TITLE = "使用和保管说明"
INSTRUCTIONS = (
    "一、何时使用：本机所有能打开数据的密码都已遗忘或无法取得（例如管理员调离）时，用本密钥为一名用户"
    "重新设置密码；没有任何管理员密码时，也用它恢复本单位的备份文件。平时用不到它。",
    "二、如何保管：打印后立即删除电脑里的 PDF 文件。本页装入信封密封，在封口处签名，锁入保密柜，"
    "由单位主要负责人指定专人保管。不要拍照、复印、扫描，不要把密钥存放在电脑、手机或网盘里。",
    "三、风险：任何人只要同时拿到本密钥和本机的数据文件夹（或一份备份文件），就能读取全部数据，"
    "包括举报人等敏感信息。密钥可能已经泄露时，请立即生成新的恢复密钥。",
    "四、作废：单位管理员可以在程序中生成新的恢复密钥，新密钥生成后本页的密钥对本机数据立即失效；"
    "但在此之前制作的备份文件仍能用本页的密钥打开，请一并妥善处理。作废的密钥单按涉密载体管理规定销毁。",
    "五、如何使用：启动程序，在登录界面点「忘记密码…」，输入用户名、本页的恢复密钥和新密码；"
    "要恢复备份，在登录界面点「从备份恢复…」，选择备份文件后输入本页的恢复密钥。"
    "也可以在命令行运行 python -m app recover --user 用户名 --recovery-key-file 密钥文件"
    "（新密码由 --password-file 给出），或请县纪委监委的信息管理员协助。"
    "用过之后请登录并在「系统管理 → 新的恢复密钥」生成新的恢复密钥，重新打印封存。",
)
SEAL_TITLE = "封存"
SEAL_COLUMNS = ("保管人（签名）", "监督人（签名）", "封存日期")
OPENINGS_TITLE = "启封记录"
OPENING_COLUMNS = ("启封日期", "原因", "经办人（签名）", "监督人（签名）")
GROUPS_PER_ROW = 4


def _date_text(created: datetime) -> str:
    local = created.astimezone() if created.tzinfo is not None else created
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def key_rows(recovery_key: str) -> list[list[str]]:
    """The key in groups of four characters, ``GROUPS_PER_ROW`` groups a row."""
    plain = normalise_recovery_key(recovery_key)
    groups = [plain[i : i + 4] for i in range(0, len(plain), 4)]
    return [groups[i : i + GROUPS_PER_ROW] for i in range(0, len(groups), GROUPS_PER_ROW)]


def write_recovery_sheet(
    path: Path, *, unit_name: str, county_name: str, recovery_key: str, created: datetime
) -> None:
    """Write the A4 recovery-key sheet to ``path`` (PDF), atomically."""
    if not normalise_recovery_key(recovery_key):
        raise ValueError("empty recovery key")
    write_atomically(Path(path), lambda tmp: _draw(tmp, unit_name, county_name, recovery_key, created))


def _draw(path: Path, unit_name: str, county_name: str, recovery_key: str, created: datetime) -> None:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    cjk = fonts.cjk_font()
    width, height = A4
    left, right = 20 * mm, width - 20 * mm
    inner = right - left
    grey = colors.Color(0.35, 0.35, 0.35)

    c = Canvas(str(path), pagesize=A4, invariant=True, pageCompression=1)
    c.setTitle(TITLE)
    c.setAuthor(PROGRAM)
    c.setSubject(f"{county_name} {unit_name}")
    c.setCreator(PROGRAM)

    # Header and title
    c.setFillColor(grey)
    fonts.draw_string(c, left, height - 15 * mm, PROGRAM, 9)
    c.setFillColor(colors.black)
    fonts.draw_centred_string(c, width / 2, height - 32 * mm, TITLE, 26, fonts.TITLE)

    body = ParagraphStyle("body", fontName=cjk, fontSize=10, leading=14.5, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=13, textColor=grey)
    cell = ParagraphStyle("cell", parent=body, fontSize=10, leading=14, alignment=TA_CENTER)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(fonts.markup(text), style)

    # Whose key, and when
    info = [
        [para("单位", body), para(unit_name, body)],
        [para("所属县", body), para(county_name, body)],
        [para("生成时间", body), para(_date_text(created), body)],
    ]
    table = Table(info, colWidths=[28 * mm, inner - 28 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    _w, h = table.wrapOn(c, inner, 60 * mm)
    top = height - 40 * mm
    table.drawOn(c, left, top - h)
    top -= h + 6 * mm

    # The key: large monospaced groups beside its QR code
    rows = key_rows(recovery_key)
    label = para(KEY_LABEL.format(n=sum(len(g) for r in rows for g in r)), small)
    _w, h = label.wrapOn(c, inner, 20 * mm)
    label.drawOn(c, left, top - h)
    top -= h + 3 * mm
    qr_size = 42 * mm
    box_height = max(qr_size + 8 * mm, len(rows) * 11 * mm + 6 * mm)
    c.setLineWidth(1.4)
    c.roundRect(left, top - box_height, inner, box_height, 3 * mm)
    key_size = 22
    mono = fonts.mono()
    char_w = stringWidth("0", mono, key_size)  # a monospaced face: every character this wide
    y = top - 4 * mm - (box_height - 8 * mm - len(rows) * 11 * mm) / 2 - 8.5 * mm
    for row in rows:
        x = left + 7 * mm
        for group in row:
            c.setFont(mono, key_size)
            c.drawString(x, y, group)
            x += char_w * (len(group) + 1.6)
        y -= 11 * mm

    qr = QrCodeWidget(recovery_key, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(qr_size, qr_size, transform=[qr_size / (x1 - x0), 0, 0, qr_size / (y1 - y0), 0, 0])
    drawing.add(qr)
    qr_x = right - qr_size - 4 * mm
    qr_y = top - 3 * mm - qr_size
    renderPDF.draw(drawing, c, qr_x, qr_y)
    c.setFillColor(grey)
    fonts.draw_centred_string(c, qr_x + qr_size / 2, top - box_height + 2.5 * mm, QR_LABEL, 8)
    c.setFillColor(colors.black)
    top -= box_height + 6 * mm

    # Instructions
    heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=17)
    for text, style in [(INSTRUCTIONS_TITLE, heading), *((t, body) for t in INSTRUCTIONS)]:
        p = para(text, style)
        _w, h = p.wrapOn(c, inner, 80 * mm)
        p.drawOn(c, left, top - h)
        top -= h + 1 * mm
    top -= 3 * mm

    # Sealing and opening records (as many opening rows as the page leaves room for, up to two)
    def boxes(
        title: str, columns: tuple[str, ...], widths: list[float], rows: int, row_height: float, *, draw: bool
    ) -> float:
        p = para(title, heading)
        _w, title_h = p.wrapOn(c, inner, 20 * mm)
        data = [[para(t, cell) for t in columns]] + [[""] * len(columns) for _ in range(rows)]
        t = Table(data, colWidths=widths, rowHeights=[None] + [row_height] * rows)
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        _w, table_h = t.wrapOn(c, inner, 80 * mm)
        if draw:
            p.drawOn(c, left, top - title_h)
            t.drawOn(c, left, top - title_h - 1.5 * mm - table_h)
        return title_h + 1.5 * mm + table_h + 4 * mm

    bottom = 12 * mm
    top -= boxes(SEAL_TITLE, SEAL_COLUMNS, [inner / 3] * 3, 1, 15 * mm, draw=True)
    widths = [inner * 0.2, inner * 0.4, inner * 0.2, inner * 0.2]
    for n_rows in (2, 1):
        if top - boxes(OPENINGS_TITLE, OPENING_COLUMNS, widths, n_rows, 9 * mm, draw=False) >= bottom:
            top -= boxes(OPENINGS_TITLE, OPENING_COLUMNS, widths, n_rows, 9 * mm, draw=True)
            break
    if top < bottom:
        raise RuntimeError("recovery sheet layout does not fit on one page")

    c.showPage()
    c.save()
