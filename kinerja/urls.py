from .calibration import urls as calibration_urls
from .career import urls as career_urls
from .coaching import urls as coaching_urls
from .compliance import urls as compliance_urls
from .dashboards import urls as dashboard_urls
from .decisions import urls as decision_urls
from .documents import urls as document_urls
from .evaluation import urls as evaluation_urls
from .exchange import urls as exchange_urls
from .peer import urls as peer_urls
from .progress import urls as progress_urls
from .public_feedback import urls as public_feedback_urls
from .rhk_templates import urls as rhk_template_urls
from .service_desk import urls as service_desk_urls
from .skp import urls as skp_urls
from .talent import urls as talent_urls

app_name = "kinerja"

urlpatterns = [
    *skp_urls.urlpatterns,
    *evaluation_urls.urlpatterns,
    *calibration_urls.urlpatterns,
    *document_urls.urlpatterns,
    *progress_urls.urlpatterns,
    *peer_urls.urlpatterns,
    *career_urls.urlpatterns,
    *decision_urls.urlpatterns,
    *dashboard_urls.urlpatterns,
    *talent_urls.urlpatterns,
    *coaching_urls.urlpatterns,
    *public_feedback_urls.urlpatterns,
    *compliance_urls.urlpatterns,
    *exchange_urls.urlpatterns,
    *rhk_template_urls.urlpatterns,
    *service_desk_urls.urlpatterns,
]
