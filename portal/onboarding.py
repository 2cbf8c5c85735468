"""Onboarding of a new instansi: every module adds the steps that give an instansi what it needs of that module
(role groups, home page, workflows, collection, catalogue editors, settings), run in order when the instansi is
created and safe to run again on an existing one."""

from django.db import transaction

from .registry import Registry

onboarding_steps = Registry("instansi onboarding")


@transaction.atomic
def onboard_instansi(instansi, actor=None) -> None:
    for step in onboarding_steps:
        step(instansi=instansi, actor=actor)
