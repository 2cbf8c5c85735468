"""The portal's urls plus `/_bench/bare/`, the reference of bench/run.py: the same middleware and gunicorn as every
page, but a tiny template and no database work. Only bench/settings.py names this module."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template.loader import get_template
from django.urls import path

from portal import urls as portal_urls

handler404 = portal_urls.handler404

ITEMS = [f"Butir {n}" for n in range(1, 11)]


# open without login, like the reference it stands for: a request that the frame, the session and the menu never touch
@login_not_required
def bare(request):
    # rendered without the request, so no context processor runs: the template engine alone
    return HttpResponse(get_template("bench/bare.html").render({"items": ITEMS}))


urlpatterns = [path("_bench/bare/", bare, name="bench_bare"), *portal_urls.urlpatterns]
