"""Who sees the organisation's competency picture, named once on portal's one check."""

from ..competency.permissions import can_see_organisation_competency


def can_see_organisation(user) -> bool:
    """The heatmap, the unit grid, their exports and the band distribution: HR and leaders of their instansi (the
    units and employees on them are then scoped by `portal.scoping`)."""
    return can_see_organisation_competency(user)
