"""Write the JSON Schemas of :class:`plancorpus.Plan` and :class:`plancorpus.PlanDiff` to
schema/plan.schema.json and schema/plan_diff.schema.json.

    python scripts/make_schema.py          # write them
    python scripts/make_schema.py --check  # exit 1 when a committed file is out of date

tests/test_golden.py fails when a committed schema and its model disagree: change the model,
run this script, commit both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

import plancorpus

FOLDER = Path(__file__).resolve().parents[1] / "schema"
MODELS: list[tuple[str, type[BaseModel], str]] = [
    ("plan.schema.json", plancorpus.Plan, f"plancorpus/plan/{plancorpus.SCHEMA_VERSION}"),
    (
        "plan_diff.schema.json",
        plancorpus.PlanDiff,
        f"plancorpus/plan_diff/{plancorpus.DIFF_SCHEMA_VERSION}",
    ),
]


def schema_text(model: type[BaseModel], schema_id: str) -> str:
    schema = model.model_json_schema()
    schema["$id"] = schema_id
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args()
    stale = 0
    for name, model, schema_id in MODELS:
        out, text = FOLDER / name, schema_text(model, schema_id)
        if args.check:
            same = out.exists() and out.read_text(encoding="utf-8") == text
            stale += not same
            print(f"{out}: {'up to date' if same else 'OUT OF DATE (run scripts/make_schema.py)'}")
            continue
        FOLDER.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
