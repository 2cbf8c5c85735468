"""Which data kinds can be imported. Each module registers its django-import-export resources here from its
own `registrations.py`:

    register_import(
        "pegawai", PegawaiResource, _("Pegawai"), "portal.add_pegawai",
        template_columns=[("nip", "198501012010011001"), ...],
    )

A resource class is instantiated as `resource_class(instansi=..., user=...)` and must keep every row it
reads or writes inside that instansi (subclass `portal.importing.base.InstansiResource`).
"""

from dataclasses import dataclass

from ..registry import Registry


@dataclass(frozen=True)
class ImportKind:
    key: str
    resource_class: type
    label: str
    permission: str
    template_columns: tuple  # ((header, example value), ...)
    help_text: str = ""
    # further example rows ({header: value}), e.g. the parent unit or the atasan the first example names, so
    # that the template as downloaded passes its own dry run
    more_examples: tuple = ()
    # columns added after files were already in use: a file without them still imports and leaves those fields
    # as they are (django-import-export skips a field whose column is absent)
    optional_columns: tuple = ()

    @property
    def headers(self):
        return [header for header, _example in self.template_columns]

    @property
    def required_headers(self):
        return [header for header in self.headers if header not in self.optional_columns]

    @property
    def example_row(self):
        return [example for _header, example in self.template_columns]

    @property
    def example_rows(self):
        more = [[example.get(header, "") for header in self.headers] for example in self.more_examples]
        return [self.example_row, *more]

    def example_rows_for(self, instansi):
        """The example rows fitted to `instansi` by the resource (real unit codes, NIPs nobody holds)."""
        if instansi is None:
            return self.example_rows
        rows = [dict(zip(self.headers, row, strict=True)) for row in self.example_rows]
        rows = self.resource_class.template_rows(instansi, rows)
        return [[row.get(header, "") for header in self.headers] for row in rows]

    def allowed_for(self, user):
        return user.is_active and user.has_perm(self.permission)


imports = Registry("imports")


def register_import(
    key, resource_class, label, permission, template_columns, help_text="", order=100, more_examples=(),
    optional_columns=(),
):  # fmt: skip
    kind = ImportKind(
        key, resource_class, label, permission, tuple(template_columns), help_text, tuple(more_examples),
        tuple(optional_columns),
    )  # fmt: skip
    imports.add(key, kind, order=order)


def get_import(key):
    return imports.get(key)


def import_kinds(user=None):
    kinds = imports.values()
    if user is not None:
        kinds = [kind for kind in kinds if kind.allowed_for(user)]
    return kinds
