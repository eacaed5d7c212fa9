"""Real meeting records nobody on this project wrote (tests/data/external/SOURCES.md).

They carry no gold labels; these tests pin what a person would extract from them and guard
against the crashes and false alarms that real text brings (links, rota tables, panel talk).
"""

import datetime as dt
import json

import pytest

from minutes_ai import extract

PADDLE = sorted((__import__("pathlib").Path(__file__).parent / "data" / "external" / "paddle-community").glob("*.md"))


@pytest.mark.parametrize("path", PADDLE, ids=lambda p: p.name)
def test_paddle_minutes_extract_without_error_and_trace_back(path):
    text = path.read_text(encoding="utf-8")
    minutes = extract(text)
    for item in [*minutes.tasks, *minutes.decisions, *minutes.open_questions]:
        assert text[item.source.start:item.source.end] == item.source.text
    assert minutes.meeting.date_source == "text"


@pytest.mark.parametrize(
    ("name", "date", "owners"),
    [
        ("ppsigs_meetings_2024_2024-09-11-meeting-minutes.md", dt.date(2024, 9, 11), {"jzhang533", "dyning"}),
        # the file name says 10-09; the minutes say 会议时间 2024-09-25
        ("ppsigs_meetings_2024_2024-10-09-meeting-minutes.md", dt.date(2024, 9, 25), {"dyning", "SWHL"}),
    ],
)
def test_paddle_follow_ups_have_their_owners(data_dir, name, date, owners):
    minutes = extract((data_dir / "external" / "paddle-community" / name).read_text(encoding="utf-8"))
    assert minutes.meeting.date == date
    assert owners <= {t.owner.name for t in minutes.tasks if t.owner}


def test_duty_rota_table_is_not_a_task_list(data_dir):
    text = (data_dir / "external" / "paddle-community" / "ppsigs_meetings_2024_2024-12-04-meeting-minutes.md").read_text(encoding="utf-8")
    minutes = extract(text)
    rota_handles = {"greatv", "SWHL", "jingsongliujing", "Liyulingyue", "Topdu", "mattheliu"}
    assert not rota_handles & {t.owner.name for t in minutes.tasks if t.owner}


def test_todo_list_owner_is_the_handle_not_the_product_words(data_dir):
    """"@sanbuphy发布 Pytorch Conference 系列翻译活动": capitalised product words are not people."""
    minutes = extract((data_dir / "external" / "paddle-community" / "pfcc_meetings_2024_2024-01-25-meeting-minutes.md").read_text(encoding="utf-8"))
    owners = {t.owner.name for t in minutes.tasks if t.owner}
    assert "sanbuphy" in owners
    assert not owners & {"Pytorch", "Conference", "Github", "Hmean", "Hscore", "PubTabNet"}


def test_attendee_rosters_are_not_tasks(data_dir):
    """"意向参与 PaddleOCR PMC 的开发者：@GreatV、@Topdu、…" lists who came."""
    minutes = extract((data_dir / "external" / "paddle-community" / "pposdwg_2024-Q2-meeting-minutes.md").read_text(encoding="utf-8"))
    assert not {"GreatV", "Topdu", "SWHL", "Liyulingyue"} & {t.owner.name for t in minutes.tasks if t.owner}


def test_github_profile_links_become_handles(data_dir):
    minutes = extract((data_dir / "external" / "paddle-community" / "ppsigs_meetings_2024_2024-09-11-meeting-minutes.md").read_text(encoding="utf-8"))
    assert minutes.meeting.host == "jzhang533"


def _vcsum_transcripts(data_dir):
    for line in (data_dir / "external" / "vcsum" / "short_dev_sample.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        sentences = [s for group in row["context"] for s in group]
        yield row["id"], "\n".join(sentences)


def test_real_panel_transcripts_raise_few_false_tasks(data_dir):
    """Panel talk (VCSum, real Bilibili meetings) hands out almost no work: a flood of tasks
    there would mean the rules fire on any sentence with a verb and a day word."""
    chars = tasks = 0
    for _, text in _vcsum_transcripts(data_dir):
        minutes = extract(text, dt.date(2020, 1, 1))
        chars += len(text)
        tasks += len(minutes.tasks)
    assert chars > 20_000
    assert tasks / chars * 10_000 <= 4, f"{tasks} tasks in {chars} characters of panel talk"
