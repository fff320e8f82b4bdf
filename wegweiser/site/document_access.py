"""Documents are public only once a live page uses them.

Wagtail serves every document at ``/documents/<id>/<file name>``; ids are sequential and file names
are often obvious ("Anmeldebogen.pdf"), so a document a partner uploaded but has not published yet (a
draft flyer, a form with internal notes) could be fetched by anyone who guesses. Here an anonymous
visitor gets a document only if Wagtail's reference index shows a live page using it that the visitor
may see (a private page's password or login opens its documents too); people who
work in the admin get besides those the documents they may choose (their organisation's collection), and
the office every document (it reviews pages before they are published); a partner not another
organisation's.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from wegweiser.site.scoping import sees_the_whole_page_tree


def used_on_a_page_the_visitor_sees(document, request) -> bool:
    """Whether a live page (its published content) that the request's visitor may open refers to
    ``document``: a page in a private section (a password, a login, groups) shares its documents only with
    those its restrictions let in, as Wagtail serves the page itself."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    page_ids = [int(object_id) for object_id in references.values_list("object_id", flat=True)]
    return any(
        all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
        for page in Page.objects.live().filter(pk__in=page_ids)
    )


@hooks.register("before_serve_document")
def serve_only_published_documents(document, request):
    user = request.user
    policy = policy_registry.get_by_type(type(document))
    if sees_the_whole_page_tree(user) or policy.user_has_any_permission_for_instance(
        user, ["choose", "change"], document
    ):
        return None
    if not used_on_a_page_the_visitor_sees(document, request):
        raise Http404
    return None
