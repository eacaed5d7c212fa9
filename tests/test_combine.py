"""The combination (minutes_ai.combine): what the model does to each kind of rule draft.

Synthetic probabilities and synthetic vetoes pin the meaning, so these read without the shipped
model: the task veto weighs what the rules know of a draft (`draft_features`, among them what
vouches for it, `vouched_by`) and keeps it at or above its threshold; decisions and open questions
fall below their classifier thresholds unless the wording vouches for them."""

import datetime as dt

import pytest

from minutes_ai import combine
from minutes_ai.extract.tasks import extract_tasks
from minutes_ai.extract.deadlines import resolve_deadline
from minutes_ai.extract.drafts import TaskDraft
from minutes_ai.models import Owner
from minutes_ai.text.normalize import normalize
from minutes_ai.text.sentences import split_sentences

MEETING = dt.date(2026, 11, 24)


def _combined(text: str, p_task: float) -> tuple[list[str | None], list[str]]:
    """The vouching reason of every rule draft, and the titles that survive P(task) = p_task."""
    sentences = split_sentences(normalize(text), known=frozenset())
    drafts = extract_tasks(sentences, text=normalize(text), meeting_date=MEETING, known=frozenset())
    units = [s for s in sentences if not s.heading]
    by_start = {s.start: s for s in units}
    reasons = [combine.vouched_by(d, by_start[d.start], None, set()) for d in drafts]
    cats = {s.start: {"TASK": p_task, "DONE": 0.0} for s in units}
    kept = combine.combine(sentences, drafts, meeting_date=MEETING, known=frozenset(), mode="combined", cats=cats)
    return reasons, [d.title for d in kept]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("| 事项 | 负责人 | 完成时间 |\n|---|---|---|\n| 完成接口联调 | 王磊 | 本周五 |", "row"),
        ("负责人：王磊\n任务：完成接口联调\n截止时间：本周五", "fields"),
        ("接口联调由王磊负责。", "in_charge"),
        ("接口联调由王磊负责，本周五前完成。", "dated_assignment"),
        ("@王磊 接口联调周五前做完", "dated_assignment"),
        ("王磊：我周五前把接口联调做完。", "dated_commitment"),
        ("让王磊把接口联调做完。", None),
        ("请办公室许婷于本周五前将会议纪要发至各科室。", "dated_assignment"),  # the unit between 请 and the name
        ("会议授权总经理蒋若楠于12月30日前办理完毕子公司工商注册。", "dated_assignment"),  # the role between 授权 and the name
        ("马骏、韩露下月底前完成反洗钱年度培训线上考试。", "dated_assignment"),  # the owners, then the day
        ("包姐，今天先在漏水点放接水桶，拉警戒线。", "dated_assignment"),  # called with a comma, then the day
        ("培训考试马骏下月底前完成。", None),  # the topic first: the model weighs it
        ("王磊\n下周计划：\n1. 完成支付页开发\n2. 配合测试修bug", "plan_entry"),  # the person's own plan
        ("王磊：摄影我来，我带相机和无人机", "takes_it"),  # the speaker takes it, no day said
        ("王磊：收书的事我来，到了我清点", "takes_it"),
        ("王磊：我来跟客户确认一下需求细节", None),  # a longer piece of work: the model weighs it
    ],
)
def test_what_vouches_for_a_rule_draft(text, reason):
    reasons, _ = _combined(text, 0.5)
    assert reasons[:1] == [reason]


def test_a_name_resolved_to_the_full_name_is_looked_for_as_written():
    """"建军哥 8号上午送菜就交给你了": the owner is 王建军 once the participants say so; the
    sentence still calls 建军哥."""
    text = "建军哥 8号上午送菜就交给你了，路线等名单出来再排"
    sentence = split_sentences(text, known=frozenset())[0]
    draft = extract_tasks([sentence], text=text, meeting_date=MEETING, known=frozenset({"王建军"}))[0]
    assert draft.owner.name == "王建军"
    assert combine.vouched_by(draft, sentence, None, set()) == "dated_assignment"


@pytest.mark.parametrize(
    ("text", "due", "reason"),
    [
        ("那你明天去一趟农行那个支行 当面问清楚卡在哪", "明天", "dated_request"),  # 你 acts, by a day
        ("节后回访的名单你这周整理好", "这周", "dated_request"),
        ("赵经理你们前台和OTA同步调整，明天生效", "明天", "dated_request"),
        ("明天晚上十点前给你", "明天晚上十点前", None),  # 你 is the one given to
        ("你看看，明天能不能弄完", "明天", None),  # asks a view
    ],
)
def test_a_dated_request_to_you_whose_owner_the_turn_gave(text, due, reason):
    """The owner of a 你-request comes from the turn ("刘强在吗 … 那你明天去一趟…"): given here."""
    sentence = split_sentences(text, known=frozenset())[0]
    owner = Owner(name="刘强", dept=None, text="刘强")
    draft = TaskDraft(text, owner, resolve_deadline(due, MEETING), None, sentence.start, sentence.end, 0.8)
    assert combine.vouched_by(draft, sentence, None, set()) == reason


def _veto(weights: dict[str, float], bias: float = 0.0, threshold: float = 0.5):
    from minutes_ai.model.linear import LinearModel

    return LinearModel(weights, bias, threshold)


@pytest.mark.parametrize(
    ("text", "veto", "kept"),
    [
        # the veto's probability against its threshold decides
        ("接口联调由王磊负责。", _veto({"vouched_by=in_charge": 2.0}, bias=-1.0), True),
        ("让王磊把接口联调做完。", _veto({"vouched_by=in_charge": 2.0}, bias=-1.0), False),
        # the classifier's probability enters as a logit: P(task) 0.9 → +2.2
        ("让王磊把接口联调做完。", _veto({"logit_TASK": 1.0}, bias=-2.0), True),
        ("让王磊把接口联调做完。", _veto({"logit_TASK": 1.0}, bias=-2.5), False),
        # no veto shipped: every rule draft stays
        ("让王磊把接口联调做完。", None, True),
    ],
)
def test_the_task_veto_decides_which_rule_drafts_stay(monkeypatch, text, veto, kept):
    monkeypatch.setattr(combine, "task_veto", lambda: veto)
    reasons, titles = _combined(text, 0.9)
    assert reasons, "the rules must draft a task from this line"
    assert bool(titles) is kept


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("| 事项 | 负责人 | 完成时间 |\n|---|---|---|\n| 完成接口联调 | 王磊 | 本周五 |", {"vouched_by=row", "row", "owner_person", "deadline_relative", "deadline_dated"}, {"speaker"}),
        ("王磊：我周五前把接口联调做完。", {"vouched_by=dated_commitment", "speaker", "owner_is_speaker", "cue=first_person"}, {"owner_in_sentence", "row"}),
        ("技术部负责接口联调，要求覆盖全部接口。", {"vouched_by=None", "owner_department", "owner_in_sentence", "criteria", "cue=criteria_labels"}, {"owner_person", "deadline_dated"}),
        ("让王磊把接口联调做完。", {"vouched_by=None", "owner_person"}, {"deadline_dated", "question_mark", "criteria"}),
    ],
)
def test_what_the_veto_weighs(text, present, absent):
    sentences = split_sentences(normalize(text), known=frozenset())
    drafts = extract_tasks(sentences, text=normalize(text), meeting_date=MEETING, known=frozenset())
    units = [s for s in sentences if not s.heading]
    cats = {s.start: {"TASK": 0.9, "INFO": 0.1} for s in units}
    features = combine.draft_features(units, drafts, cats)[0]
    assert present <= set(features) and not absent & set(features)
    assert features["logit_TASK"] == pytest.approx(2.197, abs=1e-3) and features["logit_INFO"] < 0
    assert features["drafts_in_sentence"] == 1


def test_the_veto_weighs_one_draft_per_owner_of_a_shared_sentence():
    text = "王磊和李娜周五前把接口联调做完。"
    sentences = split_sentences(text, known=frozenset())
    drafts = extract_tasks(sentences, text=text, meeting_date=MEETING, known=frozenset())
    features = combine.draft_features(sentences, drafts, {})
    assert [f["drafts_in_sentence"] for f in features] == [2, 2]


def test_the_model_does_not_add_back_a_recap_of_a_kept_task():
    """"④ 保险——浩浩妈妈，下周一前" in a closing recap repeats the task given earlier: however sure the
    model is, the recap is not a second task."""
    text = "20:30 王磊：保险我来买吧，买团体意外险，下周一前搞定\n20:50 王静：总结一下今晚分工：\n④ 保险——王磊，下周一前"
    _, titles = _combined(text, 0.95)
    assert len(titles) == 1


def test_a_line_a_vetoed_draft_took_in_can_still_be_added(monkeypatch):
    """"@chenxi 初步判断是配置的问题" (a finding) took in the action item below it with the same owner
    and words; when the veto drops the finding, the action item is a task the model may add again."""
    text = "@chenxi 初步判断是 sideEffects 配置的问题。\n@chenxi：排查 sideEffects 配置，3个工作日内给结论"
    sentences = split_sentences(text, known=frozenset())
    finding, item = sentences
    owner = Owner(name="chenxi", dept=None, text="chenxi")
    draft = TaskDraft("初步判断是 sideEffects 配置的问题", owner, None, None, finding.start, finding.end, 0.6, absorbed=[item.start])
    cats = {finding.start: {"TASK": 0.1}, item.start: {"TASK": 0.95}}
    monkeypatch.setattr(combine, "task_veto", lambda: _veto({"logit_TASK": 1.0}))
    kept = combine.combine(sentences, [draft], meeting_date=MEETING, known=frozenset(), mode="combined", cats=cats)
    assert [(d.start, d.owner.name, d.deadline.date) for d in kept] == [(item.start, "chenxi", dt.date(2026, 11, 27))]
    # kept, the finding still stands for the line it took in
    cats[finding.start] = {"TASK": 0.9}
    kept = combine.combine(sentences, [draft], meeting_date=MEETING, known=frozenset(), mode="combined", cats=cats)
    assert [d.start for d in kept] == [finding.start]


@pytest.mark.parametrize(
    ("label", "text", "p", "found_by_rules", "kept"),
    [
        # a decision the rules found stands unless the classifier all but rules it out
        ("DECISION", "下周起站会改到十点。", combine.DECISION_DROP, True, True),
        ("DECISION", "下周起站会改到十点。", combine.DECISION_DROP / 2, True, False),
        # …unless the wording says it outright
        ("DECISION", "会议决定下周起站会改到十点。", 0.0, True, True),
        ("DECISION", "基本思路确定为，新算法引入后发布 2.9 版本。", 0.0, True, True),
        ("DECISION", "探讨集成的可能性，结论是改动过大，会陆续集成并发布3.0版本。", 0.0, True, True),
        # one the rules passed over is added when the classifier says so and a decision word is there
        ("DECISION", "会议决定下周起站会改到十点。", combine.DECISION_ADD, False, True),
        ("DECISION", "下周起站会十点开。", 0.99, False, False),
        # open questions: vetoed the same way, and added when the classifier is sure
        ("QUESTION", "预算要不要追加？", combine.QUESTION_DROP / 2, True, False),
        ("QUESTION", "主席为卢畅，副主席待定，主题待定。", 0.0, True, True),  # 待定 said outright
        ("QUESTION", "预算要不要追加还没定。", combine.QUESTION_ADD, False, True),
        ("QUESTION", "预算要不要追加还没定。", combine.QUESTION_ADD - 0.01, False, False),
    ],
)
def test_decisions_and_questions_are_combined_with_the_classifier(label, text, p, found_by_rules, kept):
    from minutes_ai.extract.decisions import ItemDraft

    sentence = split_sentences(text, known=frozenset())[0]
    items = [ItemDraft(sentence.text, sentence.start, sentence.end)] if found_by_rules else []
    if label == "DECISION":
        settings = (combine.DECISION_DROP, combine.DECISION_ADD, "decision_or_rejection")
    else:
        settings = (combine.QUESTION_DROP, combine.QUESTION_ADD, None)
    got = combine.combine_items([sentence], items, {sentence.start: {label: p}}, "combined", label, *settings)
    assert bool(got) == kept
    assert combine.combine_items([sentence], items, {sentence.start: {label: p}}, "rules", label, *settings) == items


def _weighed(text: str, p_decision: float = 0.9) -> dict[str, dict[str, float]]:
    """Sentence text → the decision model's features, for the sentences it weighs at all."""
    from minutes_ai.extract.decisions import extract_decisions

    sentences = split_sentences(normalize(text), known=frozenset())
    drafts = extract_tasks(sentences, text=normalize(text), meeting_date=MEETING, known=frozenset())
    cats = {s.start: {"DECISION": p_decision, "TASK": 0.5} for s in sentences if not s.heading}
    items = extract_decisions(sentences, frozenset(d.start for d in drafts if d.owner is not None))
    return {s.text: f for s, f in combine.decision_features(sentences, items, cats, drafts)}


@pytest.mark.parametrize(
    ("text", "sentence", "present", "absent"),
    [
        # the meeting named as the one deciding: labelled, kept whatever the classifier says
        ("会议决定下周起站会改到十点。", "会议决定下周起站会改到十点。", {"rule", "is_decision", "vouches", "labelled", "cue=decision", "cue=strong_decision"}, {"task"}),
        ("下周起站会改到十点，就这么定了。", "下周起站会改到十点，就这么定了。", {"rule", "is_decision", "vouches", "cue=strong_decision"}, {"task", "labelled"}),
        ("结论是新功能改动过大，下个版本再集成。", "结论是新功能改动过大，下个版本再集成。", {"labelled", "vouches"}, set()),
        ("王磊：我周五前把接口联调做完。", "我周五前把接口联调做完。", {"task", "owned_task", "speaker", "top_speaker", "cue=first_person"}, {"rule"}),
        # a document with a 决议 section: the same conclusion said in the discussion above it
        (
            "一、讨论\n大家同意下周起站会改到十点。\n二、决议\n1. 下周起站会改到十点。",
            "大家同意下周起站会改到十点。",
            {"document_has_decisions", "outside_decisions", "cue=agreed"},
            {"section=decisions"},
        ),
        ("一、讨论\n大家同意下周起站会改到十点。\n二、决议\n1. 下周起站会改到十点。", "下周起站会改到十点。", {"section=decisions", "document_has_decisions", "item", "previous_rule"}, {"outside_decisions"}),
    ],
)
def test_what_the_decision_model_weighs(text, sentence, present, absent):
    features = _weighed(text)[sentence]
    assert present <= set(features) and not absent & set(features)
    assert features["logit_DECISION"] == pytest.approx(2.197, abs=1e-3)


@pytest.mark.parametrize(
    ("text", "p_decision", "weighed"),
    [
        ("下周起站会十点开。", combine.DECISION_CANDIDATE, True),  # the classifier alone puts it forward
        ("下周起站会十点开。", combine.DECISION_CANDIDATE - 0.01, False),
        ("这个方案不采纳。", 0.0, True),  # a rejection word does
        ("王磊把接口联调做完。", 0.0, False),
        # the one who decides answers in a line of its own
        ("王磊：好的 那就22号下午两点", 0.0, True),
        ("王磊：那彩排就定23号晚上。", 0.0, True),
        ("王磊：国庆都过了哈，这版不换了", 0.0, True),
        ("王磊：这版还不够好吗", 0.0, False),
    ],
)
def test_which_sentences_the_decision_model_weighs(text, p_decision, weighed):
    assert bool(_weighed(text, p_decision)) is weighed


@pytest.mark.parametrize(
    ("text", "model", "kept"),
    [
        ("下周起站会十点开。", _veto({"logit_DECISION": 1.0}, bias=-1.0), True),  # P 0.9 → +2.2 - 1
        ("下周起站会十点开。", _veto({"logit_DECISION": 1.0}, bias=-3.0), False),
        # labelled the conclusion in so many words: kept whatever the model says
        ("结论是新功能改动过大，下个版本再集成。", _veto({}, bias=-9.0), True),
        ("KubeCon 有一个 lightning talk 名额，大家同意由 @zhouyuhan 去讲。", _veto({}, bias=-9.0), True),  # agreed in so many words
        ("大家同意吧？", _veto({}, bias=-9.0), False),
        # no decision model shipped: the classifier thresholds of combine_items decide
        ("下周起站会十点开。", None, False),  # not the rules' decision, and no decision word to add it by
        ("会议决定下周起站会改到十点。", None, True),
    ],
)
def test_the_decision_model_decides_which_sentences_are_decisions(monkeypatch, text, model, kept):
    from minutes_ai.extract.decisions import extract_decisions

    monkeypatch.setattr(combine, "decision_model", lambda: model)
    sentences = split_sentences(text, known=frozenset())
    cats = {s.start: {"DECISION": 0.9} for s in sentences}
    found = combine.combine_decisions(sentences, extract_decisions(sentences), cats, "combined", [])
    assert bool(found) is kept
    assert combine.combine_decisions(sentences, extract_decisions(sentences), cats, "rules", []) == extract_decisions(sentences)


@pytest.mark.parametrize(
    ("first", "later", "merged"),
    [
        # a short later line, same owner and date, some words shared: the task said again in a recap
        ("另外两家花艺的报价要过来，做个对比表", "花艺比价", True),
        ("订单服务拿不到连接时没有快速失败，线程全堵住了", "订单服务熔断，提测", True),
        ("另外两家花艺的报价要过来，做个对比表", "场地布置图", False),  # other work
    ],
)
def test_a_recap_line_with_the_same_owner_and_date_is_the_same_task(first, later, merged):
    from minutes_ai.extract.merge import merge_repeats

    owner = Owner(name="Mandy", dept=None, text="Mandy")
    due = resolve_deadline("周五", MEETING)
    drafts = [TaskDraft(first, owner, due, None, 0, 30, 0.8), TaskDraft(later, owner, due, None, 200, 212, 0.8)]
    assert len(merge_repeats(drafts)) == (1 if merged else 2)


@pytest.mark.parametrize(("first_due", "later_due", "merged"), [("周五10点前", "周五10点前", True), ("周五10点前", "周五下午4点前", False)])
def test_the_same_day_at_another_hour_is_the_next_round(first_due, later_due, merged):
    """"明早10点前给我看初稿" and, next morning, "贴片今天下午4点前搞定": the second round of the work."""
    from minutes_ai.extract.merge import merge_repeats

    owner = Owner(name="陈一鸣", dept=None, text="陈一鸣")
    drafts = [
        TaskDraft("直播间的背景板和贴片，给我看初稿", owner, resolve_deadline(first_due, MEETING), None, 0, 30, 0.8),
        TaskDraft("贴片搞定", owner, resolve_deadline(later_due, MEETING), None, 200, 212, 0.8),
    ]
    assert len(merge_repeats(drafts)) == (1 if merged else 2)


def test_a_reply_that_sets_the_date_makes_one_task_of_the_exchange():
    """"@范晓蕾 错题素材也整理一份给产品" — 范晓蕾："收到，周五前发给Kevin": one task quoted across the
    request and the reply, as sure as the reply that dated it; the reply is absorbed, so the model
    cannot add it back as a second task when the exchange is vetoed."""
    from minutes_ai.extract.merge import merge_repeats

    owner = Owner(name="范晓蕾", dept=None, text="范晓蕾")
    asked = TaskDraft("错题素材也整理一份给产品", owner, None, None, 10, 40, 0.7, speaker="郭慧敏")
    reply = TaskDraft("发给Kevin", owner, resolve_deadline("周五前", MEETING), None, 46, 60, 0.9, speaker="范晓蕾", reply=True)
    (merged,) = merge_repeats([asked, reply])
    assert (merged.start, merged.end, merged.deadline.date, merged.confidence) == (10, 60, dt.date(2026, 11, 27), 0.9)
    assert set(merged.absorbed) >= {10, 46}


@pytest.mark.parametrize(
    ("text", "names_only"),
    [
        ("[@Sunting78](https://github.com/Sunting78)（孙婷）", True),  # a roster entry: the model adds no task
        ("- @mqliu（刘梦琪）", True),
        ("@mqliu 下周三前把 FAQ 补上", False),
        ("会后，@jzhang533 整理 demo 链接：https://github.com/x/y", False),
    ],
)
def test_a_line_of_names_and_links_is_no_work_to_add(text, names_only):
    from minutes_ai.combine import _names_only

    assert _names_only(text) is names_only


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("会上已定：旧版接口下月停用。", True),
        ("会议决定下周起站会改到十点。", True),
        ("早，昨天会上定的几件事大家跟一下", False),  # points at what was decided, decides nothing
    ],
)
def test_a_decision_labelled_as_the_meetings(text, labelled):
    assert combine._labelled_decision(text) is labelled
