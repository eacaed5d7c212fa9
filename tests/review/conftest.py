"""Fixtures for review tests: minutes built from the models, and minutes made by the extractor."""

from __future__ import annotations

import pytest
from review_builders import MEETING_DATE, NOTES, built_minutes  # noqa: F401

@pytest.fixture
def minutes() -> Minutes:
    return built_minutes()


@pytest.fixture(scope="session")
def extracted_json() -> str:
    """Minutes JSON as `minutes extract --format json` makes it from a short note."""
    from minutes_ai import extract

    return extract(NOTES, MEETING_DATE).model_dump_json()


@pytest.fixture
def minutes_file(tmp_path, extracted_json):
    path = tmp_path / "minutes.json"
    path.write_text(extracted_json, encoding="utf-8")
    return path
