"""Ship the default question sets (national THL-based set and a Friends-and-Family-style set)."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "question_sets.json"


def load_sets(apps, schema_editor):
    QuestionSet = apps.get_model("feedback", "QuestionSet")
    Question = apps.get_model("feedback", "Question")
    for spec in json.loads(DATA.read_text(encoding="utf-8"))["sets"]:
        if QuestionSet.objects.filter(key=spec["key"], version=spec["version"]).exists():
            continue
        question_set = QuestionSet.objects.create(
            key=spec["key"],
            version=spec["version"],
            is_default=spec["is_default"],
            name_fi=spec["name"]["fi"],
            name_sv=spec["name"]["sv"],
            name_en=spec["name"]["en"],
            source=spec["source"],
        )
        for order, q in enumerate(spec["questions"]):
            Question.objects.create(
                question_set=question_set,
                key=q["key"],
                type=q["type"],
                required=q["required"],
                order=order,
                text_fi=q["fi"],
                text_sv=q["sv"],
                text_en=q["en"],
                plain_fi=q.get("plain_fi", ""),
                plain_sv=q.get("plain_sv", ""),
                options=q.get("options", []),
            )


def remove_sets(apps, schema_editor):
    apps.get_model("feedback", "QuestionSet").objects.filter(
        key__in=["thl-national", "fft"], version=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(load_sets, remove_sets)]
