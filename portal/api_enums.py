"""Names of choice enums in the OpenAPI schema. Several models have a `status` field; each module names its enums
here (`api_enums.add("EnrolmentStatusEnum", "kompetensi.models.training.Enrolment.Status")` from its
registrations), and settings hand drf-spectacular this registry, read when the schema is generated."""

from collections.abc import Mapping

from .registry import Registry

api_enums = Registry("api schema enums")
api_enums.add("PegawaiStatusEnum", "portal.models.organisation.Pegawai.Status")


class RegisteredEnumNames(Mapping):
    """ENUM_NAME_OVERRIDES for drf-spectacular, filled by the apps' registrations."""

    def _entries(self):
        return {entry.key: entry.value for entry in api_enums.entries()}

    def __getitem__(self, key):
        return self._entries()[key]

    def __iter__(self):
        return iter(self._entries())

    def __len__(self):
        return len(self._entries())
