"""Progress lines (extract/progress.py): what a line reports — done, cancelled, or neither."""

import pytest

from minutes_ai.extract.progress import status_of
from minutes_ai.models import Sentence


def sentence(text: str, section: str | None = None) -> Sentence:
    return Sentence(text=text, start=0, end=len(text), section=section)


@pytest.mark.parametrize(
    "text, section, status",
    [
        ("登录页改版已上线，崩溃率降到0.2%", None, "done"),
        ("线上导出超时 已修复并发版（v3.12.1）", None, "done"),
        # "不X了" of a plan: called off
        ("原计划投ICME的那篇不投了，大家精力集中在MM。", None, "cancelled"),
        ("绿植不搬了，送给楼下物业。", None, "cancelled"),
        ("4月我要去川西跑野外，就顾不上了", None, None),  # can't make it, nothing called off
        ("API 冻结已于 7/10 完成。", None, "done"),
        ("交了，六月初就交了。", None, "done"),
        ("- [x] @chenmo 发布 v3.2.0 并更新 changelog", None, "done"),
        ("场地 → 老常 已订 市体育中心3号场 ✓", None, "done"),
        ("客服 已经 全部 电话 回访 过了", None, "done"),
        ("本周审了两篇稿", "done", "done"),                # under a 本周完成 heading
        ("材料本周已交", None, "done"),
        ("首批2000台，主芯片交期8周，已下单。", None, "done"),
        ("所里新的案件管理系统账号已开通", None, "done"),
        ("11月10号前招满志愿者", None, None),                 # a plan with its deadline
        ("卜永强负责，11月2日前印制完毕并封存", None, None),
        ("这个已经在做了", None, None),
        ("原定周六的全仓盘点取消", None, "cancelled"),
        ("原计划组织全体职工元旦游园活动，经研究取消。", None, "cancelled"),  # 原计划 is the plan called off
        ("原定12月中旬的专项检查，会议同意不再单独开展，并入联合执法行动。", None, "cancelled"),
        ("会议决定本轮清洗取消，明年3月按正常计划做春季清洗。", None, "cancelled"),  # 按…计划 plans nothing new
        ("那个防滑垫和融雪剂 你们准备好了吗", None, None),  # asked
        ("商品列表和兑换接口已完成开发，订单回调还有两个问题未解决。", None, None),  # not over yet
        ("那你盯一下 到了马上换 换好了拍个照发群里", None, None),  # once done, then the photo
        ("秒杀提报 Jack 复盘了一下利润，这次不报了，预算转站内广告", None, "cancelled"),
        ("等电位接好了，照片发群里了", None, "done"),
        ("原定加的公会战玩法 砍掉", None, "cancelled"),
        ("| ~~9/10~~ | ~~外景分会场踩点~~ | ~~外联~~ |", None, "cancelled"),
        ("支付接口对接，完成一半", "done", None),            # still running
        ("申请材料准备了七成左右，还缺 adopters 列表", None, None),
        ("上线推迟到下周三", None, None),                     # postponed: a new deadline
        ("王磊本周五前完成支付接口联调", None, None),           # a plan
        ("是否取消周六的活动？", None, None),                  # only asked
        ("周五前搞定。", None, None),
        ("做 Klaviyo 的 abandoned cart flow，周四前上 staging", None, None),  # "done" is a word, not in "abandoned"
        ("TikTok Shop UK 那 46 个 listing 的翻译 done", None, "done"),
        ("v4 路线图 & breaking changes", "done", None),       # a topic line under 回顾
        ("收到✅", None, None),
        ("周三 = 无书面作业日 ✔（全组同意）", None, None),  # the tick marks a decision
        ("✅ 一期只做服务号模板消息，App push 放二期", None, None),
        ("蓝山主KV三稿 ✔", None, "done"),  # a tick beside work: done
        ("宣传用语须经法务审核通过", None, None),  # a standard to pass, not passed
        ("专区需求已于9月10日评审通过", None, "done"),  # 需求 is no 需
    ],
)
def test_status_of(text, section, status):
    assert status_of(sentence(text, section)) == status


def test_a_ticked_box_in_a_document_reports_done_work():
    """The splitter keeps "[x]" in the text (it strips "- " and "[ ]"): the tick says the work is done."""
    import datetime as dt

    from minutes_ai import extract

    minutes = extract("Action items\n- [x] @tdz 修 ARM64 flaky test\n- [ ] @lwang 下周三前出 PoC", dt.date(2026, 12, 3))
    assert [(p.status.value, p.text) for p in minutes.progress] == [("done", "[x] @tdz 修 ARM64 flaky test")]
    assert [t.owner.name for t in minutes.tasks] == ["lwang"]


@pytest.mark.parametrize(
    "text, clauses",
    [
        # a sentence that plans new work, with one clause reporting work done
        ("二期卡池的数值表已经锁了，抽卡概率公示我10.8之前更新", [("done", "二期卡池的数值表已经锁了")]),
        ("第二册已于9月中旬下厂印刷，第三册三审已完成，预计11月上市", [("done", "第二册已于9月中旬下厂印刷"), ("done", "第三册三审已完成")]),
        ("原定的外景取消了，改到棚里拍，周五前出分镜", [("cancelled", "原定的外景取消了")]),
        # not reports: a request, a condition, a question back, a proposal
        ("阿杰你尽快把合同签了，周五前给我", []),
        ("等测完了，周三前发版", []),
        ("老年食堂那个上个月不是已经验收了，下周再去看看", []),
        ("✅ 采用 hierarchical quota，v2 先做两层 (team / project)，org 层放到 v3", []),  # a ticked decision
    ],
)
def test_a_done_clause_inside_a_plan(text, clauses):
    from minutes_ai.extract.progress import extract_progress

    assert [(p.status, p.text) for p in extract_progress([sentence(text)])] == clauses
