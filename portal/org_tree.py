"""Reads of the UnitKerja tree: a unit with every unit above it, or units with every unit below them. One query
for the instansi's (parent, child) pairs, walked in Python: the tree is small and this is cheaper than recursive SQL
on both databases."""

from .models import UnitKerja


def unit_ancestor_ids(unit):
    """The unit and every unit above it (audience rules on a unit include its sub-units)."""
    if unit is None:
        return set()
    parents = dict(UnitKerja.objects.filter(instansi_id=unit.instansi_id).values_list("pk", "parent_id"))
    found, node = set(), unit.pk
    while node is not None and node not in found:
        found.add(node)
        node = parents.get(node)
    return found


def unit_descendant_ids(unit_ids, instansi_ids=None):
    units = UnitKerja.objects.all()
    if instansi_ids is not None:
        units = units.filter(instansi_id__in=instansi_ids)
    children = {}
    for pk, parent_id in units.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, frontier = set(), list(unit_ids)
    while frontier:
        node = frontier.pop()
        if node in found:
            continue
        found.add(node)
        frontier.extend(children.get(node, []))
    return found
