"""Pages of matters, mounted at /asiat/: thin views over the services and selectors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from osallisuus.authorization import permission_required
from osallisuus.errors import attempt
from osallisuus.query_params import page_param

from . import services
from .forms import AgendaForm, CarryForm, DecisionForm, MatterForm, parse_refs
from .selectors import access_matter, decision_bodies, matters_for, timeline, with_flags

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


def _target_name(matter: Any) -> str:
    if matter.target_body_id:
        return str(matter.target_body)
    if matter.target_person_id:
        return str(matter.target_person.get_full_name() or matter.target_person.get_username())
    return str(matter.target_office)


def _in_every_language(message: Callable[[], str]) -> dict[str, str]:
    """A suggested public text, written once per language (the author may change it)."""
    initial = {}
    for lang in ("fi", "sv", "en"):
        with translation.override(lang):
            initial[f"public_text_{lang}"] = message()
    return initial


@require_GET
@permission_required("trail.view_matter_list")
def matter_list(request: SignedInRequest) -> HttpResponse:
    matters = with_flags(matters_for(request.user))
    page = Paginator(matters, 25).get_page(page_param(request.GET))
    return render(request, "trail/matters/list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@permission_required("trail.add_matter")
def matter_create(request: SignedInRequest) -> HttpResponse:
    refs = parse_refs(request.GET.getlist("input") + request.POST.getlist("inputs"))
    form = MatterForm(request.POST or None, user=request.user, refs=refs)
    holder: dict[str, Any] = {}

    def create() -> None:
        data = form.cleaned_data
        holder["matter"] = services.create_matter(
            by=request.user,
            title=data["title"],
            summary=data["summary"],
            carrier=data["carrier"],
            target_body=data["target_body"],
            target_person=data["target_person"],
            target_office=data["target_office"],
            unit=data["unit"],
            service=data["service"],
            inputs=parse_refs(data.get("inputs", [])),
            actions=data["actions"],
        )

    if request.method == "POST" and form.is_valid() and attempt(form, create):
        messages.success(request, _("Matter opened."))
        return redirect("matters:detail", pk=holder["matter"].pk)
    return render(request, "trail/matters/form.html", {"form": form, "heading": _("New matter")})


@require_GET
@permission_required("trail.open_matter")
def matter_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    matter = access_matter(user=request.user, pk=pk)
    return render(
        request,
        "trail/matters/detail.html",
        {
            "matter": matter,
            "target": _target_name(matter),
            "trail": timeline(matter, request.user),
            "may_manage": request.user.has_perm("trail.manage_matter", matter),
            "may_decide": request.user.has_perm("trail.decide_matter", matter),
        },
    )


def _step(
    request: SignedInRequest,
    pk: int,
    *,
    perm: str,
    form_class: type[forms.Form],
    initial: Callable[[Any], dict[str, Any]],
    write: Callable[[Any, dict[str, Any], dict[str, str]], Any],
    heading: str,
    done: str,
) -> HttpResponse:
    matter = access_matter(user=request.user, pk=pk, perm=perm)
    form = form_class(request.POST or None, initial=initial(matter))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(form, lambda: write(matter, form.cleaned_data, form.texts()))  # type: ignore[attr-defined]
    ):
        messages.success(request, done)
        return redirect("matters:detail", pk=matter.pk)
    return render(
        request, "trail/matters/form.html", {"form": form, "matter": matter, "heading": heading}
    )


# Signed in first; whether the matter is theirs to see is asked with the matter (404 if not).
_login_first = permission_required("trail.open_matter")


@require_http_methods(["GET", "POST"])
@_login_first
def matter_carry(request: SignedInRequest, pk: int) -> HttpResponse:
    def initial(matter: Any) -> dict[str, Any]:
        carrier = matter.carrier.get_full_name() or matter.carrier.get_username()
        target = _target_name(matter)
        return _in_every_language(
            lambda: (
                _("%(carrier)s has carried the matter “%(title)s” to %(target)s.")
                % {"carrier": carrier, "title": matter.title, "target": target}
            )
        )

    return _step(
        request,
        pk,
        perm="trail.manage_matter",
        form_class=CarryForm,
        initial=initial,
        write=lambda matter, data, texts: services.carry_matter(
            matter=matter, by=request.user, carried_on=data["carried_on"], texts=texts
        ),
        heading=_("Carry the matter"),
        done=_("The matter is carried; its givers are told."),
    )


@require_http_methods(["GET", "POST"])
@_login_first
def matter_agenda(request: SignedInRequest, pk: int) -> HttpResponse:
    def initial(matter: Any) -> dict[str, Any]:
        target = _target_name(matter)
        values: dict[str, Any] = {
            "meeting_date": matter.meeting_date,
            "agenda_item": matter.agenda_item,
            "diary_number": matter.diary_number,
            "minutes_url": matter.minutes_url,
        }
        when = formats.date_format(matter.meeting_date) if matter.meeting_date else "…"
        values.update(
            _in_every_language(
                lambda: (
                    _("The matter “%(title)s” is on the agenda of %(target)s on %(date)s.")
                    % {"title": matter.title, "target": target, "date": when}
                )
            )
        )
        return values

    return _step(
        request,
        pk,
        perm="trail.manage_matter",
        form_class=AgendaForm,
        initial=initial,
        write=lambda matter, data, texts: services.put_on_agenda(
            matter=matter,
            by=request.user,
            meeting_date=data["meeting_date"],
            agenda_item=data["agenda_item"],
            diary_number=data["diary_number"],
            minutes_url=data["minutes_url"],
            texts=texts,
        ),
        heading=_("On the agenda"),
        done=_("The agenda reference is saved; its givers are told."),
    )


@require_http_methods(["GET", "POST"])
@_login_first
def matter_decide(request: SignedInRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        perm="trail.decide_matter",
        form_class=DecisionForm,
        initial=lambda matter: {"decided_by": _target_name(matter)},
        write=lambda matter, data, texts: services.decide_matter(
            matter=matter,
            by=request.user,
            outcome=data["outcome"],
            decided_by=data["decided_by"],
            decided_on=data["decided_on"],
            reasons=data["reasons"],
            texts=texts,
        ),
        heading=_("Record the decision"),
        done=_("The decision is recorded; its givers are told."),
    )


@require_GET
@permission_required("trail.view_decision_bodies")
def body_list(request: HttpRequest) -> HttpResponse:
    return render(request, "trail/matters/bodies.html", {"bodies": decision_bodies()})
