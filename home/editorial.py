"""Editorial set-up of each instansi: its home page, the page permissions of its editor roles on that subtree only,
and the two workflows (policies need the instansi's Pimpinan; other pages one review by Admin Konten or Pimpinan).
Run by onboarding when an instansi is created, and again whenever it is safe to (idempotent)."""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from portal import roles

from . import queries
from .models import HomePage, PolicyIndexPage, PortalRootPage

# page permissions of each editor role on their own instansi's subtree
EDITOR_PAGE_PERMISSIONS = {
    roles.ADMIN_KONTEN: ["add_page", "change_page", "lock_page"],
    roles.PIMPINAN: ["change_page", "publish_page"],
}


def _workflow(name, groups, task_name):
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=task_name)
        task.groups.set(groups)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


# Workflow names are data looked up by name, so they are not translated.
def content_workflow_name(instansi):
    return f"Tinjauan konten ({instansi.slug})"


def policy_workflow_name(instansi):
    return f"Persetujuan kebijakan ({instansi.slug})"


@transaction.atomic
def ensure_instansi_editorial(home):
    instansi = home.instansi
    groups = {}
    for role, codenames in EDITOR_PAGE_PERMISSIONS.items():
        group = roles.instansi_group(instansi, role)
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        groups[role] = group
    content = _workflow(
        content_workflow_name(instansi),
        [groups[roles.ADMIN_KONTEN], groups[roles.PIMPINAN]],
        f"Tinjauan Admin Konten ({instansi.slug})",
    )
    policy = _workflow(
        policy_workflow_name(instansi), [groups[roles.PIMPINAN]], f"Persetujuan Pimpinan ({instansi.slug})"
    )
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": content})
    for index in PolicyIndexPage.objects.descendant_of(home):
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": policy})
    roles.ensure_instansi_groups(instansi)
    return groups


def assign_policy_workflow(index_page):
    home = queries.home_of(index_page)
    workflow = Workflow.objects.filter(name=policy_workflow_name(home.instansi)).first() if home else None
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})


def home_for_new_instansi(instansi, actor=None):
    """Create the instansi's home page under the portal root (once) and set up its editorial permissions."""
    home = HomePage.objects.filter(instansi=instansi).first()
    if home is None:
        root = PortalRootPage.objects.first()
        if root is None:  # a database without the portal root (a bare test database) has nowhere to put it
            return None
        home = HomePage(
            title=instansi.name,
            slug=instansi.slug,
            instansi=instansi,
            intro=f"<p>{_('Selamat datang di intranet %(name)s.') % {'name': instansi.name}}</p>",
        )
        root.add_child(instance=home)
        home.save_revision(user=actor).publish(user=actor)
    ensure_instansi_editorial(home)
    return home
