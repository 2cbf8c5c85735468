"""Make a PortalRootPage the root of the default site, replacing Wagtail's welcome page."""

from django.db import migrations


def create_root(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    PortalRootPage = apps.get_model("home", "PortalRootPage")
    Locale = apps.get_model("wagtailcore", "Locale")

    if PortalRootPage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    tree_root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="portalrootpage")
    locale = Locale.objects.first()
    siblings = Page.objects.filter(depth=2).count()
    root = PortalRootPage.objects.create(
        title="Lentera",
        draft_title="Lentera",
        slug="lentera",
        content_type=content_type,
        path=f"{tree_root.path}{siblings + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/lentera/",
        live=True,
        locale=locale,
    )
    tree_root.numchild = siblings + 1
    tree_root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": "Lentera", "root_page": root},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]
    run_before = []
    operations = [migrations.RunPython(create_root, migrations.RunPython.noop)]
