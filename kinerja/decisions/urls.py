"""URLs of career decisions (included in the `kinerja` namespace by kinerja/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("karier/keputusan/", views.decisions, name="decisions"),
    path("karier/keputusan/baru/", views.new, name="decision_new"),
    path("karier/keputusan/penghargaan/", views.rewards, name="rewards"),
    path("karier/keputusan/<int:pk>/", views.detail, name="decision"),
    path("karier/keputusan/<int:pk>/ubah/", views.edit, name="decision_edit"),
    path("karier/keputusan/<int:pk>/usulkan/", views.propose, name="decision_propose"),
    path("karier/keputusan/<int:pk>/kembalikan/", views.return_to_draft, name="decision_return"),
    path("karier/keputusan/<int:pk>/putuskan/", views.decide, name="decision_decide"),
    path("karier/keputusan-saya/", views.mine, name="my_decisions"),
]
