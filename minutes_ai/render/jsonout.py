"""JSON: the contract, readable Chinese (ensure_ascii=False), stable key order."""

import json

from ..models import Minutes


def render_json(minutes: Minutes) -> str:
    return json.dumps(minutes.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
