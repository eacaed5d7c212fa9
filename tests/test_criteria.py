"""Acceptance criteria (extract/criteria.py): what a sentence says the result is judged by."""

import datetime as dt

import pytest

from minutes_ai.extract.criteria import find_criteria


@pytest.mark.parametrize(
    "text, criterion",
    [
        ("交付标准：包含3个核心页面高保真设计稿", "包含3个核心页面高保真设计稿"),
        # a bare 标准/要求 labels where a clause starts or before its colon, not inside a noun phrase
        ("老陈下周三前出标准配方，克数、火候、出品照片都要有", "克数、火候、出品照片都要有"),
        ("老陈下周三前出标准配方", None),
        ("周五前完成，要求甲级病历率≥90%", "甲级病历率≥90%"),
        ("会议要求邵明远于10月23日前完成文本修改，修改稿须附新旧课程对照表", "修改稿须附新旧课程对照表"),
        ("回收脚本二次校验，确保无误扣【负责人：彭宇、蔡佳琪】截止：本周五", "确保无误扣"),  # the fields after it are not the standard
        ("财政所牵头，年底前完成全镇11个村的清产核资复核，做到账实相符、账账相符", "做到账实相符、账账相符"),
        ("核对一遍台账，要有签字，这个你来牵头吧周护士长，做到账物相符", "要有签字"),  # the first run of standard clauses, not across the owner
        ("样板窗下周三进场，要求含开启扇+五金 [Kevin]", "含开启扇+五金"),  # nor the owner tagged after the item
        ("王磊负责压测，要求覆盖率不低于80%", "覆盖率不低于80%"),
        ("标准是主屏、侧屏、地屏三路信号独立备份", "主屏、侧屏、地屏三路信号独立备份"),
        ("需附竖版、横版、方版三种尺寸", "需附竖版、横版、方版三种尺寸"),
        ("詹工3个工作日内出复盘报告，要写清楚根因和监控补丁", "要写清楚根因和监控补丁"),
        ("财务部月底前完成核对，确保无误扣", "确保无误扣"),
        ("孟两周内给个定价测算，按印3000、5000两档分别算", "按印3000、5000两档分别算"),
        ("名额不超过40人", "不超过40人"),
        ("@Ivy 本周五前翻完剩下的页面，术语要和 glossary.md 保持一致", "术语要和 glossary.md 保持一致"),
        ("小缪你今天先走 PR，数量按两个批次的用量算", "数量按两个批次的用量算"),
        ("剩余4份录音转写下周内完成，转写稿要标注发言人和时间戳", "转写稿要标注发言人和时间戳"),
        ("@阿诚 招商手册周五前出，要带近三年客流数据", "要带近三年客流数据"),
        ("座位牌下周一前打印好，按部门排", "按部门排"),
        ("那你出个排班方案，周三给我，要标清楚每个岗位的替班人", "要标清楚每个岗位的替班人"),
        ("小韩，把这个月的报警数据导出来，再把情况问清楚", None),  # 把…清楚 is the work itself
        ("清理纸箱，清理后通道宽度不小于1.5米", "清理后通道宽度不小于1.5米"),
        ("按图补设支架，支架间距不大于3米", "支架间距不大于3米"),
        # speech: no comma ends the criterion, the pause before a filler does
        ("易损件 每样 至少 备 两套 在 仓里 那个 三个 工作日 内 把 清单 给 我 嗯 行", "至少 备 两套 在 仓里"),
        ("要求功能测试的通过率不少于95%,测试结束后,", "功能测试的通过率不少于95%"),
        ("王磊负责接口联调，本周五前完成", None),
        # speech with pauses and no commas: the standard is the clause after a pause
        ("这周五之前 呃不 明天之前吧 给我一个书面的情况说明 要有当班人员的签字", "要有当班人员的签字"),
        ("那我问一下法务 看看合规上能不能做", None),  # 能不能 asks, it sets no standard
        ("小韩 5个工作日内 出质证意见初稿（针对答辩状附件1-9）", None),  # 附件 is an attachment
        ("考试我来组织，12月10号前全部考完，80分合格", "80分合格"),
        ("压铸岛 3# 机台调试，连续 500 模次无异常", "连续 500 模次无异常"),
        ("网红产品测评翻车合集 3.13前定稿，要过法务审核", "要过法务审核"),
        ("本周五前把违约责任类样本补到1000条，标注组小吴配合", None),  # 标注组 is a team, not "mark clearly"
    ],
)
def test_find_criteria(text, criterion):
    found = find_criteria(text)
    assert (found[0] if found else None) == criterion
    if found:
        value, start, end = found
        assert text[start:end] == value


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        ("宋佳琪负责编制系统测试方案，5个工作日内提交。交付标准：覆盖需求规格说明书全部功能点。", "覆盖需求规格说明书全部功能点"),
        ("杜宇航负责内部联调，10月16日前提交。交付标准：全部功能点提测。", "全部功能点提测"),
        ("周琳负责整理名单，下周一前。\n要求覆盖所有独居老人。", "覆盖所有独居老人"),
        ("何老师本周五前出一份替代用药建议，发到临床科主任群。要写清楚适应症、剂量换算和禁忌。", "要写清楚适应症、剂量换算和禁忌"),
    ],
)
def test_criterion_in_the_sentence_after_the_task(text, criterion):
    """The sentence after a task that only says how it will be judged belongs to that task —
    also when its label starts with a work verb (交付标准)."""
    from minutes_ai import extract

    (task,) = extract(text, dt.date(2026, 9, 24), use_model="rules").tasks
    assert task.criteria == criterion
