from django.db import models


class Row(models.Model):
    """One submission: the unit's code, one answer, the comment and when it came."""

    unit_code = models.CharField(max_length=20)
    value = models.SmallIntegerField()
    text = models.TextField(blank=True)
    received_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.unit_code} {self.pk}"
