from .career import api_urls as career_api_urls
from .evaluation import api_urls as evaluation_api_urls
from .peer import api_urls as peer_api_urls
from .skp import api_urls as skp_api_urls

urlpatterns = [
    *skp_api_urls.urlpatterns,
    *evaluation_api_urls.urlpatterns,
    *peer_api_urls.urlpatterns,
    *career_api_urls.urlpatterns,
]
