"""Task titles (minutes_ai.extract.titles): the work, without who, when, labels and fillers."""

import datetime as dt

import pytest

from minutes_ai.extract.deadlines import resolve_deadline
from minutes_ai.extract.titles import clean_title
from minutes_ai.models import Owner


@pytest.mark.parametrize(
    ("body", "owner", "deadline", "title"),
    [
        ("王磊负责接口联调，本周五前完成", "王磊", "本周五前", "接口联调"),
        ("接口联调由王磊负责", "王磊", None, "接口联调"),
        # put in charge by handle: neither the 由 nor the @ is left behind
        ("针对社区提出的 CLA 的 issue，由 @jzhang533 负责进一步跟进", "jzhang533", None, "针对社区提出的 CLA 的 issue，进一步跟进"),
        ("13784，13848 由 @dyning 协调跟进", "dyning", None, "13784，13848 协调跟进"),
        ("由质量部牵头，对剩余问题制定方案", "质量部", None, "对剩余问题制定方案"),
        # a status label and a question tag are not the work
        ("进行中：年会场地，许曼3个工作日内定下来", "许曼", "3个工作日内", "年会场地，定下来"),
        ("小武，后端接口下周三前先给到我联调，没问题吧？", "小武", "下周三前", "后端接口 先给到我联调"),
        # a last clause that says when the next step comes ("我负责在下周三之前完成全部功能测试，测试结束后")
        ("李娜负责在下周三之前完成全部功能测试，测试结束后", "李娜", "下周三之前", "完成全部功能测试"),
        # called by name, a topic, then 你/您 with the date: neither the pronoun nor the 不过 stays
        ("然后小吴 北区那个消防通道 那个杂物你这周五之前清掉", "小吴", "这周五之前", "北区那个消防通道 那个杂物 清掉"),
        ("不过赵姐 下个月的排班表您明天给个准话", "赵姐", "明天", "下个月的排班表 给个准话"),
        # the owner noted in brackets after the item leaves no empty brackets behind
        ("上期直播的切片（王静）这周内剪4条出来", "王静", "这周内", "上期直播的切片 剪4条出来"),
        # 你们/我们 go whole, not leaving 们 behind
        ("王磊，你们俩片区的记录礼拜四下班前补齐", "王磊", "礼拜四下班前", "片区的记录 补齐"),
        ("好，我们这周就去测", "王磊", "这周", "就去测"),
    ],
)
def test_title(body, owner, deadline, title):
    found = resolve_deadline(deadline, dt.date(2026, 11, 24)) if deadline else None
    assert clean_title(body, [Owner(name=owner, text=owner)], found) == title
