"""A pasted equipment block whose header states the unit means that unit (the new-user trial
pasted 单价（万元） 380 and got 380 元: ten thousand times too little)."""

from __future__ import annotations

from desktop.applications.paste import rows_from_text
from desktop.office_input import parse_money_input as parse_money


def test_a_unit_in_the_price_header_applies_to_the_plain_numbers_under_it() -> None:
    text = ("设备名称\t规格型号\t数量\t单位\t单价（万元）\n"
            "矿热炉\tKS-33000\t2\t台\t380\n"
            "除尘系统\tCY-9\t1\t套\t1,250.5\n"
            "变压器\tS11\t1\t台\t95万元\n"
            "合计\t\t\t\t2100\n")
    rows = rows_from_text(text)
    assert [r["unit_price"] for r in rows] == ["380万", "1,250.5万", "95万元"]
    assert [str(parse_money(r["unit_price"])) for r in rows] == ["3800000", "12505000", "950000"]


def test_without_a_unit_in_the_header_numbers_stay_as_typed() -> None:
    rows = rows_from_text("名称\t数量\t单价\n矿热炉\t2\t380\n")
    assert rows == [{"name": "矿热炉", "quantity": "2", "unit_price": "380"}]
    rows = rows_from_text("名称\t数量\t单价（亿元）\n矿热炉\t2\t0.8\n")
    assert rows[0]["unit_price"] == "0.8亿"
