"""Who may act for which organisation, and admin views that show each partner only its own objects.

The answer comes from Wagtail's page permissions, the same rights that let a partner edit its own
listings: whoever may add, change or publish pages at or below an organisation's page acts for it. A
plugin registers the admin views of its organisation-owned models (registrations, feeds, sign-ups ...)
with :class:`OrganisationScopedViewSet`; a system check (``wegweiser.E010``) refuses any other.
"""

from __future__ import annotations

from contextvars import ContextVar
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.forms import ModelChoiceField, ModelMultipleChoiceField, Select, SelectMultiple
from django.http import Http404
from django.utils.translation import gettext
from django_filters import ModelChoiceFilter, ModelMultipleChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from wegweiser.site.models import OrganisationPage

ORGANISATION_ACTIONS = ("add", "change", "publish")


def organisations_for(user, *, own_only: bool = False) -> QuerySet[OrganisationPage]:
    """The organisations (all their language versions) ``user`` may act for.

    ``own_only`` leaves out rights inherited from above the organisations (the office's rights on the
    whole site, a superuser's status): what a partner was made editor of, for views of personal data
    and reminders addressed to an organisation's own people.
    """
    if not user.is_authenticated or not user.is_active:
        return OrganisationPage.objects.none()
    if not own_only:
        return PagePermissionPolicy(OrganisationPage).instances_user_has_any_permission_for(
            user, ORGANISATION_ACTIONS
        )
    codenames = [f"{action}_page" for action in ORGANISATION_ACTIONS]
    granted_paths = GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=codenames
    ).values_list("page__path", flat=True)
    steplen = Page.steplen
    # The organisation at or above each granted page: its path is a prefix of the granted page's path.
    prefixes = {path[:end] for path in granted_paths for end in range(steplen, len(path) + 1, steplen)}
    return OrganisationPage.objects.filter(path__in=prefixes)


def organisations_to_choose(user, *, own_only: bool = False) -> QuerySet[OrganisationPage]:
    """The organisations ``user`` may act for (``own_only``: as :func:`organisations_for`), each once by its German
    name: the version in the portal's default language, ordered by title. What a form's list of organisations
    offers, or a partner's start page; the other versions are translations of the same organisation (a calendar
    feed's list named "Caritasverband Neustadt e.V." five times)."""
    return organisations_for(user, own_only=own_only).filter(locale=Locale.get_default()).order_by("title")


def sees_the_whole_page_tree(user) -> bool:
    """Whether ``user`` has page rights above the organisations (the office) or is a superuser.

    Kept on the user for the request, as Django keeps its permissions and Wagtail its start page: the scope
    middleware, the menu and every filter of a page ask.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_wegweiser_sees_the_whole_page_tree"):
        granted = GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
        organisations = list(OrganisationPage.objects.values_list("path", flat=True))
        user._wegweiser_sees_the_whole_page_tree = any(
            not any(path.startswith(own) for own in organisations) for path in granted
        )
    return user._wegweiser_sees_the_whole_page_tree


def explorer_start_page(user) -> Page | None:
    """Where the admin's page explorer opens for a partner: its organisation's page in the default language.

    New listings are written there first (German is the portal's first language) and translated from it.
    With several organisations, their closest common page. ``None`` for the office, superusers and users
    without an organisation: Wagtail's own start (the common ancestor of their pages) suits them.
    Kept on the user for the request, as Wagtail keeps its own start page.
    """
    if hasattr(user, "_wegweiser_explorer_start_page"):
        return user._wegweiser_explorer_start_page
    start = None
    if user.is_authenticated and not sees_the_whole_page_tree(user):
        own = organisations_for(user, own_only=True)
        pages = list(own.filter(locale__language_code=settings.LANGUAGE_CODE)) or list(own)
        if len(pages) == 1:
            start = pages[0].page_ptr
        elif pages:
            try:
                start = Page.objects.first_common_ancestor_of(pages, include_self=True, strict=True)
            except Page.DoesNotExist:
                start = None
            if start is not None and start.is_root():
                start = None
    user._wegweiser_explorer_start_page = start
    return start


def people_visible_to(user, people: QuerySet) -> QuerySet:
    """The accounts of ``people`` whose names ``user`` may read in the admin (a filter's list of editors).

    The office sees everyone. A partner sees itself and the editors of its own organisations: another
    organisation's editors (their usernames are mail addresses) are that organisation's business.
    """
    if sees_the_whole_page_tree(user):
        return people
    groups = organisations_for(user, own_only=True).exclude(editors_group=None).values_list("editors_group")
    return people.filter(Q(groups__in=groups) | Q(pk=user.pk)).distinct()


class PeopleVisibleToTheUser:
    """A filter's queryset (or its callable) narrowed to :func:`people_visible_to` when it lists accounts."""

    def __init__(self, queryset) -> None:
        self.queryset = queryset

    def __call__(self, request):
        queryset = self.queryset(request) if callable(self.queryset) else self.queryset
        if request is None or queryset is None or queryset.model is not get_user_model():
            return queryset
        return people_visible_to(request.user, queryset)


def scope_the_admin_s_people_filters() -> None:
    """Every list of accounts in the admin's filters (a page's owner, "edited by", the history's user, the
    workflow report's "requested by", the locked pages' "locked by") shows a partner only the people
    :func:`people_visible_to` allows; Wagtail listed every editor of every organisation."""
    for module in WAGTAIL_FILTER_MODULES:
        import_module(module)
    # An admin view module: imported when the hooks load, not with this module (which models import).
    from wagtail.admin.views.generic.history import HistoryFilterSet

    # The histories set their "User" list when a filter set is made, from this method.
    if not getattr(HistoryFilterSet.get_users_queryset, "scoped", False):
        every_user = HistoryFilterSet.get_users_queryset

        def get_users_queryset(self):
            users = every_user(self)
            return users if self.request is None else people_visible_to(self.request.user, users)

        get_users_queryset.scoped = True
        HistoryFilterSet.get_users_queryset = get_users_queryset
    # The other lists come from the filter's queryset (or its callable).
    filtersets = [WagtailFilterSet]
    while filtersets:
        filterset = filtersets.pop()
        filtersets.extend(filterset.__subclasses__())
        for choice in filterset.base_filters.values():
            if isinstance(choice, ModelChoiceFilter | ModelMultipleChoiceFilter) and not isinstance(
                choice.queryset, PeopleVisibleToTheUser
            ):
                choice.queryset = PeopleVisibleToTheUser(choice.queryset)


#: Wagtail's modules that declare filters listing accounts; imported so that their filter sets exist.
WAGTAIL_FILTER_MODULES = (
    "wagtail.admin.views.generic.history",
    "wagtail.admin.views.pages.listing",
    "wagtail.admin.views.reports.audit_logging",
    "wagtail.admin.views.reports.locked_pages",
    "wagtail.admin.views.reports.workflows",
)


def visible_in_the_page_tree(user, pages: QuerySet) -> QuerySet:
    """The pages of ``pages`` that ``user`` is shown in the admin's page explorer and page chooser.

    The office sees them all. A partner sees its own organisations' pages, the pages on the way to them,
    and of everything else only what is published as it stands: another organisation's drafts, unpublished
    pages and unpublished new titles stay with that organisation and the office.
    """
    if sees_the_whole_page_tree(user):
        return pages
    own = list(organisations_for(user, own_only=True).values_list("path", flat=True))
    steplen = Page.steplen
    on_the_way = {path[:end] for path in own for end in range(steplen, len(path), steplen)}
    theirs = Q(path__in=on_the_way)
    for path in own:
        theirs |= Q(path__startswith=path)
    # By id, so that the page chooser's search (which filters only on indexed fields) can apply it too.
    hidden = Page.objects.filter(Q(live=False) | Q(has_unpublished_changes=True)).exclude(theirs)
    return pages.exclude(id__in=list(hidden.values_list("id", flat=True)))


def organisation_lookup(model: type[Model]) -> str | None:
    """The query path from ``model`` to the organisation that owns it, or None if no organisation does.

    Found from the model's foreign keys: one to an organisation (``organisation``), or one to a listing
    page that belongs to an organisation (``event__organisation``). A model may also name it itself in
    an ``organisation_lookup`` attribute.
    """
    declared = getattr(model, "organisation_lookup", None)
    if isinstance(declared, str):
        return declared
    if issubclass(model, OrganisationPage):
        return None
    foreign_keys = [
        field
        for field in model._meta.get_fields()
        if field.many_to_one and field.concrete and field.related_model is not None
    ]
    for field in foreign_keys:
        if issubclass(field.related_model, OrganisationPage):
            return field.name
    if issubclass(model, Page):
        return None
    for field in foreign_keys:
        related = field.related_model
        if issubclass(related, Page) and organisation_lookup(related) == "organisation":
            return f"{field.name}__organisation"
    return None


def is_organisation_owned(model: type[Model]) -> bool:
    """Owned by an organisation and not a page (pages are scoped by Wagtail's page permissions)."""
    return not issubclass(model, Page) and organisation_lookup(model) is not None


def scope_queryset(queryset: QuerySet, user) -> QuerySet:
    """Only the objects of ``queryset`` that belong to organisations ``user`` acts for.

    Organisations themselves are limited to the user's; models no organisation owns are left as they are.
    """
    if not isinstance(queryset, QuerySet):
        return queryset
    model = queryset.model
    if issubclass(model, OrganisationPage):
        return queryset.filter(pk__in=organisations_for(user).values("pk"))
    lookup = organisation_lookup(model)
    if lookup is None:
        return queryset
    return queryset.filter(**{f"{lookup}__in": organisations_for(user).values("pk")})


def limit_choices_to_organisations(form, user) -> None:
    """Foreign keys in an admin form offer (and accept) only objects of the user's organisations.

    A partner picks one of its own pages (its organisation) from a list, the only one already chosen: Wagtail's
    page chooser showed every organisation of the portal, and choosing another's was refused with "not a valid
    choice". An organisation is offered once, by its German name (:func:`organisations_to_choose`), also to whoever
    sees the whole tree: Wagtail's chooser opened in the admin's language and let them pick a translation. For
    other pages they keep the chooser."""
    whole_tree = sees_the_whole_page_tree(user)
    for field in form.fields.values():
        if isinstance(field, ModelChoiceField | ModelMultipleChoiceField) and field.queryset is not None:
            organisations = issubclass(field.queryset.model, OrganisationPage)
            if organisations:
                field.queryset = organisations_to_choose(user).filter(pk__in=field.queryset.values("pk"))
            else:
                field.queryset = scope_queryset(field.queryset, user)
            if (whole_tree and not organisations) or not isinstance(field.widget, AdminPageChooser):
                continue
            field.widget = SelectMultiple() if isinstance(field, ModelMultipleChoiceField) else Select()
            field.queryset = field.queryset  # gives the new list its choices
            if field.required and field.initial is None and len(own := list(field.queryset[:2])) == 1:
                field.initial = own[0].pk


class OrganisationPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, but an instance only for people who act for its organisation."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return (
            self.user_has_any_permission(user, actions)
            and scope_queryset(self.model._default_manager.filter(pk=instance.pk), user).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope_queryset(self.model._default_manager.all(), user)


class OrganisationScopedViewMixin:
    """Mixed into every view of an :class:`OrganisationScopedViewSet`: other organisations' objects 404."""

    def get_base_queryset(self):
        return scope_queryset(super().get_base_queryset(), self.request.user)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        owned = scope_queryset(type(obj)._default_manager.filter(pk=obj.pk), self.request.user)
        if not owned.exists():
            raise Http404
        return obj

    def get_object_list(self):
        return scope_queryset(super().get_object_list(), self.request.user)

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        limit_choices_to_organisations(form, self.request.user)
        return form


class OrganisationScopedViewSetMixin:
    """Builds every view of the viewset with :class:`OrganisationScopedViewMixin` in front of its class.

    Index, inspect, edit, delete, copy, history, usage, a snippet's chooser and any view a subclass adds
    go through :meth:`construct_view`; the model's permission policy becomes
    :class:`OrganisationPermissionPolicy`, which snippet bulk actions ask for each object.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chooser = getattr(self, "chooser_viewset_class", None)
        if chooser is not None and not issubclass(chooser, OrganisationScopedViewSetMixin):
            # A snippet's chooser is a viewset of its own: scope it the same way.
            self.chooser_viewset_class = type(
                f"Scoped{chooser.__name__}", (OrganisationScopedViewSetMixin, chooser), {}
            )

    def construct_view(self, view_class, **kwargs):
        if not issubclass(view_class, OrganisationScopedViewMixin):
            view_class = type(f"Scoped{view_class.__name__}", (OrganisationScopedViewMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)

    def register_permissions(self):
        if not hasattr(super(), "register_permissions"):
            return
        if not isinstance(
            policy_registry.get_by_type(self.model, fallback=False), OrganisationPermissionPolicy
        ):
            register_permission_policy(self.model, OrganisationPermissionPolicy(self.model), exact_class=True)
        self.__dict__.pop("permission_policy", None)
        super().register_permissions()


class OrganisationScopedViewSet(OrganisationScopedViewSetMixin, ModelViewSet):
    """The admin viewset for a model an organisation owns (a snippet viewset takes the mixin instead)."""


#: Names of the URL parameters by which Wagtail's admin views name a page.
PAGE_PARAMETERS = ("page_id", "parent_page_id", "page_to_move_id", "page_pk")
#: Wagtail's view that answers the pages a chooser's "choose several" named by ``?id=`` with their newest
#: titles, parents and addresses: it runs no chooser hook.
CHOSEN_PAGES = "wagtailadmin_choose_page_chosen_multiple"
#: Wagtail's reports that list every organisation's pages with their newest draft titles: the office's.
OFFICE_REPORTS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
}


def sent_ids(values: list[str]) -> list[int]:
    """The ids a bulk action's ``?id=`` names, read as Wagtail's query reads them: by ``int()``, for which
    " 421", "+421", "4_21" and "٤٢١" are all 421. Anything else but ``all`` names nothing: 404 (Wagtail's
    own query fails on it with a server error)."""
    ids = []
    for value in values:
        if value == "all":
            continue
        try:
            ids.append(int(value))
        except ValueError as error:
            raise Http404 from error
    return ids


def pages_selected_as_all(request) -> QuerySet:
    """The pages a page bulk action's "select all" (``?id=all``) names, as Wagtail's listing query finds
    them: the children of ``childOf``, all its descendants when searching (``q``), every page without it."""
    parent_id = request.GET.get("childOf")
    if parent_id is None:
        return Page.objects.all()
    [parent_pk] = sent_ids([parent_id]) or [None]
    parent = Page.objects.filter(pk=parent_pk).first()
    if parent is None:
        raise Http404  # Wagtail's own query fails on it with a server error
    return parent.get_descendants() if request.GET.get("q") else parent.get_children()


#: The user of the admin request being answered, for what is drawn without one at hand (a page chooser).
_admin_user: ContextVar = ContextVar("wegweiser_admin_user", default=None)


def page_chooser_title(chooser, page) -> str:
    """What a page chooser (Wagtail's widget, in any block, panel or plugin) shows of a chosen page.

    Its newest title, as Wagtail shows it; to a partner, another organisation's page only as the page tree
    shows it: published, by its published title, else as a page it cannot open. Otherwise a page form sent
    back with another organisation's page id (by hand, or a page chosen before that organisation took it
    offline) showed that page's draft title.
    """
    user = _admin_user.get()
    if user is None or sees_the_whole_page_tree(user):
        return page.get_admin_display_title()
    if visible_in_the_page_tree(user, Page.objects.filter(pk=page.pk)).exists():
        return page.get_admin_display_title()
    return page.title if page.live else gettext("A page you cannot open")


def refuse_an_unreadable_key(view_func, view_kwargs) -> None:
    """404 for a record's key that its model cannot read: Wagtail's choosers take any text as the key
    (``/admin/images/chooser/chosen/abc/``) and answered a server error."""
    model = getattr(view_func, "view_initkwargs", {}).get("model")
    if "pk" not in view_kwargs or model is None:
        return
    if isinstance(model, str):
        model = apps.get_model(model)
    try:
        model._meta.pk.to_python(view_kwargs["pk"])
    except ValidationError as error:
        raise Http404 from error


class AdminScopeMiddleware:
    """Wagtail's admin views opened by address answer a partner as its page tree and choosers do.

    The explorer and the choosers list another organisation's pages only as published, and only the
    partner's own images and documents (:func:`visible_in_the_page_tree`, the collections' permissions);
    opened by id (``/admin/pages/<id>/``, ``/admin/choose-page/<id>/``, a bulk action's or the chooser's
    "choose several" ``?id=``), Wagtail's views showed another organisation's draft titles and file titles.
    Those answer 404 now, as does a bulk action's "select all" (``?id=all``) of pages that include another
    organisation's drafts, a bulk action on another organisation's records (a plugin's snippets), and a
    report that lists every organisation's drafts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _admin_user.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _admin_user.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        refuse_an_unreadable_key(view_func, view_kwargs)
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated:
            return None
        page_ids = [view_kwargs[name] for name in PAGE_PARAMETERS if name in view_kwargs]
        if match.view_name == CHOSEN_PAGES:
            page_ids += sent_ids(request.GET.getlist("id"))
            if Page.objects.filter(pk__in=page_ids, depth=1).exists():
                raise Http404  # the root has no parent: Wagtail's view failed on it with a server error
        if user.is_superuser:
            return None
        bulk = match.view_name == "wagtail_bulk_action"
        if not (page_ids or bulk or match.view_name in OFFICE_REPORTS):
            return None
        if sees_the_whole_page_tree(user):
            return None
        if match.view_name in OFFICE_REPORTS:
            raise Http404
        selected_as_all = Page.objects.none()
        if bulk:
            try:
                model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
            except LookupError:
                return None  # Wagtail answers an unknown model itself
            sent = request.GET.getlist("id")
            ids = sent_ids(sent)
            if issubclass(model, Page):
                page_ids += ids
                if "all" in sent:
                    selected_as_all = pages_selected_as_all(request)
            elif model in (get_image_model(), get_document_model()):
                policy = policy_registry.get_by_type(model)
                mine = policy.instances_user_has_any_permission_for(user, ["choose", "change"])
                if mine.filter(pk__in=ids).count() != len(set(ids)):
                    raise Http404
            elif is_organisation_owned(model):  # a plugin's records shown as snippets
                named = model._default_manager.all()
                if "all" not in sent:
                    named = named.filter(pk__in=ids)
                try:
                    if scope_queryset(named, user).count() != named.count():
                        raise Http404
                except (ValueError, ValidationError) as error:
                    raise Http404 from error
        pages = Page.objects.filter(pk__in=page_ids) | selected_as_all
        if visible_in_the_page_tree(user, pages).count() != pages.count():
            raise Http404
        return None
