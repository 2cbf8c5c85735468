"""Editorial set-up of each instansi: its home page, the page permissions of its editor roles on that subtree only,
and the two workflows (policies need the instansi's Pimpinan; other pages one review by Admin Konten or Pimpinan).
Run by onboarding when an instansi is created, and again whenever it is safe to (idempotent)."""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from portal import roles

from . import queries
from .models import EditorialWorkflow, HomePage, PolicyIndexPage, PortalRootPage

# page permissions of each editor role on their own instansi's subtree
EDITOR_PAGE_PERMISSIONS = {
    roles.ADMIN_KONTEN: ["add_page", "change_page", "lock_page"],
    roles.PIMPINAN: ["change_page", "publish_page"],
}


# Names are for people (the admin's workflow list, moderation emails, the approvals page): Indonesian words and the
# instansi's name, never its slug. They are data (editable in the admin), so set-up finds each workflow through
# EditorialWorkflow, not by name.
WORKFLOW_NAMES = {
    EditorialWorkflow.Kind.CONTENT: ("Tinjauan Konten – {instansi}", "Tinjauan Admin Konten – {instansi}"),
    EditorialWorkflow.Kind.POLICY: ("Persetujuan Kebijakan – {instansi}", "Persetujuan Pimpinan – {instansi}"),
}


def workflow_name(instansi, kind):
    return WORKFLOW_NAMES[kind][0].format(instansi=instansi.name)


def task_name(instansi, kind):
    return WORKFLOW_NAMES[kind][1].format(instansi=instansi.name)


def _workflow(instansi, kind, groups):
    link = EditorialWorkflow.objects.select_related("workflow").filter(instansi=instansi, kind=kind).first()
    if link is None:
        workflow = Workflow.objects.create(name=workflow_name(instansi, kind))
        link = EditorialWorkflow.objects.create(instansi=instansi, kind=kind, workflow=workflow)
    workflow = link.workflow
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=task_name(instansi, kind))
        task.groups.set(groups)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def policy_workflow(instansi):
    link = EditorialWorkflow.objects.select_related("workflow").filter(instansi=instansi, kind="policy").first()
    return link.workflow if link else None


@transaction.atomic
def ensure_instansi_editorial(home):
    instansi = home.instansi
    groups = {}
    for role, codenames in EDITOR_PAGE_PERMISSIONS.items():
        group = roles.instansi_group(instansi, role)
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        groups[role] = group
    content = _workflow(instansi, EditorialWorkflow.Kind.CONTENT, [groups[roles.ADMIN_KONTEN], groups[roles.PIMPINAN]])
    policy = _workflow(instansi, EditorialWorkflow.Kind.POLICY, [groups[roles.PIMPINAN]])
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": content})
    for index in PolicyIndexPage.objects.descendant_of(home):
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": policy})
    roles.ensure_instansi_groups(instansi)
    return groups


def assign_policy_workflow(index_page):
    home = queries.home_of(index_page)
    workflow = policy_workflow(home.instansi) if home else None
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


def is_own_submission(page, user):
    """Four eyes: the editor who submitted a page to its workflow is never the one who approves it, even when
    their group (Admin Konten reviews content) is the task's reviewer."""
    state = page.current_workflow_state
    return state is not None and state.requested_by_id == user.pk
