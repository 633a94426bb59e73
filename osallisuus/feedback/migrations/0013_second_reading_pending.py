# Comments wait for the semantic tier's second reading with a flag, so the worker reads them in
# batches (feedback.refinement). Items already stored had theirs (or the tier was off): False
# for them; new items are stored with True.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("feedback", "0012_publication_staff_texts")]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="second_reading_pending",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AlterField(
            model_name="feedback",
            name="second_reading_pending",
            field=models.BooleanField(default=True, editable=False),
        ),
        migrations.AddIndex(
            model_name="feedback",
            index=models.Index(
                condition=models.Q(
                    ("second_reading_pending", True), models.Q(("text", ""), _negated=True)
                ),
                fields=["id"],
                name="feedback_second_reading",
            ),
        ),
    ]
