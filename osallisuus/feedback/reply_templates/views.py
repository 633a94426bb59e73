"""Pages where coordinators, administrators and unit managers keep reply templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from osallisuus.authorization import permission_required

from ..models import ReplyTemplate
from .forms import ReplyTemplateForm
from .selectors import templates_editable_by, templates_visible_to
from .services import save_reply_template

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@permission_required("feedback.manage_reply_templates")
@require_GET
def reply_templates(request: HttpRequest) -> HttpResponse:
    templates = list(templates_visible_to(request.user))
    editable = set(
        templates_editable_by(request.user)
        .filter(pk__in=[t.pk for t in templates])
        .values_list("pk", flat=True)
    )
    rows = [(template, template.pk in editable) for template in templates]
    return render(request, "feedback/reply_templates.html", {"rows": rows})


@permission_required("feedback.manage_reply_templates")
@require_http_methods(["GET", "POST"])
def reply_template_new(request: SignedInRequest) -> HttpResponse:
    return _edit(request, ReplyTemplate(), _("New reply template"))


@permission_required("feedback.manage_reply_templates")
@require_http_methods(["GET", "POST"])
def reply_template_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    template = templates_editable_by(request.user).filter(pk=pk).first()
    if template is None:
        raise Http404
    return _edit(request, template, _("Edit reply template"))


def _edit(request: SignedInRequest, template: ReplyTemplate, title: str) -> HttpResponse:
    form = ReplyTemplateForm(request.POST or None, instance=template, user=request.user)
    if request.method == "POST" and form.is_valid():
        save_reply_template(template=form.save(commit=False), by=request.user)
        messages.success(request, _("The reply template is saved."))
        return redirect("feedback:reply_templates")
    return render(request, "feedback/reply_template_form.html", {"form": form, "title": title})
