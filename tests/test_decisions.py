"""Decisions (extract/roles.py is_decision): what the meeting settled, including agreed
rejections, cancellations and deferrals; not proposals, questions or facts."""

import datetime as dt

import pytest

from minutes_ai import extract
from minutes_ai.extract.cues import has


@pytest.mark.parametrize(
    "text, decided",
    [
        ("会议决定二期上线时间定为12月15日。", True),
        ("大家一致同意采用方案B。", True),
        ("市场部提出追加推广预算的建议，会议未予采纳。", True),  # an agreed rejection
        ("会上定了：旧版接口暂停调用，等安全评估结果再说。", True),  # settled, though it waits on something
        # agreed rejections and cancellations are decisions, whatever came before them
        ("罗经理建议顺便把3号线也大修，厂长认为预算不在本年度，暂不考虑。", True),
        ("海外版本本期不立项，明年Q2再评估。", True),
        ("行 那评价轮播就砍掉", True),
        ("原定周五的团建取消，改为下周聚餐。", True),
        # a date set elsewhere and only passed on
        ("学校期中教学检查定于11月2日至11月13日进行。", False),
        ("省公司理赔质量检查组定于11月24日至26日来我司开展现场检查。", False),
        ("另：据教务处通知，期末考试定于1月19日—21日。", False),
        ("下次协调会定于3月24日（周二）下午召开，地点不变。", True),  # the meeting's own date
        # the meeting says it decided nothing: an open question
        ("关于专项经费是否单列纳入年初预算，会议未作最终决定，待提交区政府常务会议研究。", False),
        ("经讨论，本议案暂不表决，待中介机构出具估值报告后提交下次董事会审议。", False),
        # called off elsewhere and only reported here: progress, not this meeting's decision
        ("6.13城西那场户外婚礼：客户上周通知取消了", False),
        ("原来定的满减促销，总部上周五已经通知取消了，物料先别贴了。", False),
        ("不请了，时间太紧。", True),
        ("自助早餐延长到10:30 —— 通过", True),
        ("- Agreed: nightly e2e 从每天跑改成每周一、周四各跑一次，立即生效。", True),
        ("Kevin随口提了句首页能不能用SwiftUI重写，当时没人接话。", False),
        ("晓川今天下班前把本次评审结论同步到项目群。", False),
        ("我同意方律师的看法。", False),
        # under 议定事项, the topic of an item and its field lines are not decisions of their own
        ("三、议定事项\n（一）汛期安全。\n会议决定开展汛期专项检查。\n完成时限：8月21日。", 1),
        ("三、议定事项\n1. 室外管网开工时间；\n会议决定12月5日开工。", 1),  # a topic, then the decision
        ("会议决定：代表客户提起上诉。", True),  # short, but the decision itself after its label
        ("会议决定：\n1. 蟹粉豆腐不上\n2. 开机日8月10日不变；", 2),
        ("结论：双11 先不上积分抵扣，放到双12 再说", True),
        ("经讨论，积分商城今年不再推进。", True),
        ("先修 修不好再说 就这么定", True),  # the fallback is what was agreed, settled at the end
        ("决定自本月起周例会固定在每周一上午9:30召开，遇开庭顺延。", True),  # a rule for later, not a postponement
        ("有人提按户罚款，书记说居委会没有执法权，罚款不搞，还是以宣传劝导为主", True),
        ("Resolved: 停用 Travis CI，仓库里相关配置全部删除", True),
        ("投票：+1 ×5，0 ×1（@haoran，担心一致性问题），-1 ×0 → **RFC-039 通过**", True),
        ("定级：魏骁问要不要升P1，讨论后一致认为维持P2，不升级", True),
        ("石慧提出周六营业时间延长至17:00，会议认为目前柜员人手不足，暂不调整。", True),
        ("葛文静说移栽成本和周期都不允许，建议用仿真树，大家同意。", True),  # proposed, then agreed
        ("梦瑶提议把组会从周二上午挪到周一上午，讨论后维持周二不变。", True),
        ("表决结果：同意2票，反对4票，弃权1票。未获通过。", True),
        ("要不要把上线时间推迟一周？大家同意吗", False),
        ("大家没有异议。", False),  # agrees to the line before
        # notes that write the outcome after an arrow
        ("- 原来考虑的反请求 → 不提了（成本高，收益不明）", True),
        ("- 面谈提纲要不要小樊弄一下？小樊手上排满了 → 不弄了，面谈时现场问", 1),
        ("- 和解：先不主动提，等对方开口 → 就这么定", True),  # the wait is what was agreed
        ("4. 阿凯提了个“AI工具测评”，跟账号调性不搭，这个pass ❌", True),
        ("大家基本赞同，具体见决议。", False),
        ("同意+1", False),  # a chat vote for the line above
        ("决定", False),  # a label line: the decisions follow it
        ("1. 开机日期5月20日不变。", True),  # a date kept is settled
        ("先说结论性的东西，二测日期不动。", True),
        ("好，期权池扩容议案全票通过。", True),  # a motion passed
        ("杜总：五一不搞，节后再说", True),  # a no, looked at again later: decided
        ("原计划下旬组织的普查，因设备部已于5月14日一并检查了，经讨论决定不再单独组织普查。", True),  # the done work is the reason
        ("经讨论决定取消，改为各区域分散举办小型沙龙，具体形式还没定。", True),  # decided, a detail left open
        ("是否切换到自建 runner 需要 PMC 投票决定，目前还没定。", False),  # a decision still to take
        ("这次先不决定，下月再议。", False),
        ("嗯……送保养这个得刘总定 先别跟客户说", False),  # someone else has to decide
        ("原定的德国同族专利检索外包，客户已叫停，不再推进", False),  # called off outside, passed on
        ("商场那边不让搞了 那就不搞了 取消", True),  # …and the meeting answers it
        ("Kevin：先不换，等 FA 结论再说", False),  # waiting for an answer: still open
        ("所里年会定在12月18日（周五）晚上，请大家提前预留时间。", False),  # set elsewhere, passed on
        ("园里定了12月30日下午办全园迎新年游园会，每个班负责两个游戏摊位。", False),
        ("施工单位提出将中桥上部结构由现浇箱梁改为预制T梁，以缩短工期。", False),  # proposed only
        # not decisions
        ("这个今天先不拍板。", False),
        ("综述初稿已写了18页，还差实验对比表格和结论部分。", False),  # 结论 the part of a paper
        ("按现在的产能，不加班肯定做不完。", False),  # 不加班 is not 不加
        ("可以，就按这个来。", False),  # agrees to the line before, which is the decision
        ("之前我们提过，客户当时觉得担保费太贵没同意。", False),  # a refusal told as history
        ("双12活动12月12日0点开始，这两个时间是平台定的，改不了", False),  # someone else's fixed date
        ("小林建议做一场直播。", False),
        ("要不要把上线时间推迟一周？", False),
        ("预算申请了八万，财务那边还没批，等财务回复。", False),
        ("好多地方跟现在的设备对不上了。", False),
        ("门店上周客流量下降了5%。", False),
        ("行，那就这样，散会。", False),
        ("争论较多，结论见第三部分。", False),
        # a proposal or a report by someone named first, unless the meeting then agrees
        ("雷鸣提出将二次结构砌块改为轻质隔墙板，以加快工期。", False),
        ("谭晓雯介绍，集团资金计划会定于6月25日召开。", False),
        ("邵婧提出以后批量任务都要DBA review，大家同意。", True),
        ("同意谷一鸣提出的本地化项目引入母语审校。", True),
        # a line announcing the decisions below it, and a sign-off, are not decisions
        ("今天定下来的：\n1. 会员等级砍到3级，就这么定了。", 1),
        ("三、会议决定事项\n1. 维持原设计方案。\n\n华衡监理 项目监理部\n2026年6月16日", 1),
        # an owned item under 议定事项 is a task, with or without its deadline
        ("三、议定事项\n1. 对手术室护士开展核查制度再培训（责任单位：护理部）。", 0),
        # the count of a vote is not a second decision beside the motion
        ("审议事项一：同意增设数据科学辅修专业。\n表决结果：同意10票，反对0票，弃权1票。", 1),
        # a line that only agrees makes the sentence before it the decision, not itself
        ("- 秋游当天午餐孩子自带，不统一订餐。大家都同意", 1),
        ("- 底线2w/期，低于这个不接。大家都同意", 1),
        ("@kevin-tan 建议恢复每周轮值分诊。大家基本赞同，具体见决议。", 0),  # the decision is written below
        ("对这个我同意", 0),
        ("会议审议通过了《门店巡检制度》。", True),
        ("（全票通过）", 0),
    ],
)
def test_is_decision(text, decided):
    """`decided`: whether there is a decision, or how many."""
    minutes = extract(text, dt.date(2026, 12, 1), use_model=False)
    got = len(minutes.decisions) if type(decided) is int else bool(minutes.decisions)
    assert got == decided, [d.text for d in minutes.decisions]


@pytest.mark.parametrize(
    "text, open_question",
    [
        ("预算是否追加待财务确认。", True),
        ("会上定了：旧版接口暂停调用，等安全评估结果再说。", False),
        ("定价待议。", True),
        ("经讨论，本议案暂不表决，待中介机构出具估值报告后提交下次董事会审议。", True),  # said to be undecided
        ("内容审读 等老贾回来再说（他1/15回来）", True),  # 再说 deferring, at the end of its clause
        ("何中队长：再说两个事。", False),  # 再说 = "to talk about"
        ("今天二季度复盘，先过数字，再说三季度怎么打。", False),
        ("价格还没最后定，刘总跟渠道那边还在谈。", True),
        ("审方对接的工作量 我们得看了接口文档才能评估 现在说不好", True),
        ("会不会影响交期需采购部确认。", True),
        ("@sasha floated a biweekly cadence; no conclusion, revisit in January.", True),
        ("这个今天先不拍板。", True),
        ("全服10抽要跟发行那边确认预算，先不定", True),
        ("活动顺延一周。", True),
        ("结论：正式版定在6月30日发布，如 #1873 届时未合入则整体顺延一周。", False),  # a fallback decided in advance
        ("三、其他\n下次协调会暂定1月中旬召开，具体时间另行通知。", False),  # schedules the next meeting
        ("四、待定事项\n下次周会：10月13日（周二）14:30", False),
        ("三、其他\n下次推进会拟于试点运行满两周后召开，具体时间待定。", True),  # …but says it is not settled
        ("三、其他\n下次会议再议。", True),
        ("我3个工作日内把告家长书改好发到群里大家再看一下", False),  # 再看一下 reviews, it defers nothing
        # settled, by saying no: a decision, not an open question
        ("Kevin提议年底搞一次电话冲刺日，大家意见不一，先不搞。", False),
        ("海外版本本期不立项，明年Q2再评估。", False),
        ("王磊负责接口联调，本周五前完成。", False),
    ],
)
def test_is_open_question(text, open_question):
    minutes = extract(text, dt.date(2026, 12, 1), use_model=False)
    assert bool(minutes.open_questions) == open_question, [q.text for q in minutes.open_questions]


@pytest.mark.parametrize(
    "text, decides",
    [
        ("大家一致通过", True),
        ("会议审议通过了该方案", True),
        ("评审通过。", True),
        ("提名获通过", True),
        # "通过" as "by means of" says no decision (the decision model weighs this cue list)
        ("那也通过这种智能的记录和统计分析，为孩子提供健康监测", False),
        ("大家会通过点击群签到打卡进入会议", False),
    ],
)
def test_passing_is_a_decision_word_and_through_is_not(text, decides):
    assert has("decision_or_rejection", text) == decides
