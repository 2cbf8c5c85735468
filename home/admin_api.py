"""The admin API (`/admin/api/main/...`, behind the explorer and choosers) scoped like the rest of the admin:
pages of the user's own subtree (and the pages above it), documents and images of their own collection."""

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from .admin_scope import navigable_q
from .media_access import admin_media


class ScopedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(navigable_q(self.request.user))


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=admin_media(get_document_model(), self.request.user).values("pk"))


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=admin_media(get_image_model(), self.request.user).values("pk"))


def register_scoped_endpoints(router):
    router.register_endpoint("pages", ScopedPagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
