"""Write the JSON Schema of :class:`plancorpus.Plan` to schema/plan.schema.json.

    python scripts/make_schema.py          # write it
    python scripts/make_schema.py --check  # exit 1 when the committed file is out of date

tests/test_golden.py fails when the committed schema and the model disagree: change the model,
run this script, commit both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import plancorpus

OUT = Path(__file__).resolve().parents[1] / "schema" / "plan.schema.json"


def schema_text() -> str:
    schema = plancorpus.Plan.model_json_schema()
    schema["$id"] = f"plancorpus/plan/{plancorpus.SCHEMA_VERSION}"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    args = ap.parse_args()
    text = schema_text()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT}: {'up to date' if same else 'OUT OF DATE (run scripts/make_schema.py)'}")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
